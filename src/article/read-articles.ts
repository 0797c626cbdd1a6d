/**
 * The one entry point from a parsed JSON document to articles: finds out which
 * format it is, normalizes it, and picks the article an `item` attribute asks for.
 */

import type { Article, ArticleList } from './article.js';
import { FeedError } from './feed-error.js';
import { ownFields } from '../shared/json-fields.js';
import { isJsonFeed, jsonFeedArticles, normalizeJsonFeed } from './normalize-json-feed.js';
import { isWordPressPost, normalizeWordPress, wordPressArticles } from './normalize-wordpress.js';
import { textFromHtml } from '../shared/plain-text.js';

/**
 * Reads a JSON Feed, a WordPress post or a WordPress posts collection. An empty
 * array is a collection with no posts (the caller reports "item not found");
 * anything else throws `FeedError('not-a-feed')`.
 */
export function readArticles(doc: unknown, baseUrl?: string): ArticleList {
  if (isJsonFeed(doc)) return normalizeJsonFeed(doc, baseUrl);
  if (isWordPressDocument(doc)) return normalizeWordPress(doc, baseUrl);
  throw new FeedError('not-a-feed', notAFeedMessage(doc));
}

/**
 * The one article `item` names (see `selectArticle`), normalizing items only until it
 * is found: showing the first item of a 10 MB feed does not read the other 4,999.
 */
export function readArticle(doc: unknown, baseUrl?: string, item?: string | null): Article | undefined {
  let articles: Iterable<Article>;
  if (isJsonFeed(doc)) articles = jsonFeedArticles(doc, baseUrl);
  else if (isWordPressDocument(doc)) articles = wordPressArticles(doc, baseUrl);
  else throw new FeedError('not-a-feed', notAFeedMessage(doc));
  const wanted = item?.trim();
  const seen: Article[] = [];
  for (const article of articles) {
    if (!wanted || isExactly(article, wanted)) return article;
    seen.push(article);
  }
  return selectFrom(seen, wanted);
}

const isWordPressDocument = (doc: unknown) =>
  isWordPressPost(doc) || (Array.isArray(doc) && (doc.length === 0 || doc.some(isWordPressPost)));

const isExactly = (article: Article, wanted: string) =>
  article.id === wanted ||
  article.url === wanted ||
  article.slug === wanted ||
  (article.postId !== undefined && String(article.postId) === wanted);

/** Says what the document is instead, in words a site owner can act on. */
function notAFeedMessage(doc: unknown): string {
  const expected = 'Expected a JSON Feed or WordPress posts but got';
  if (doc === null || typeof doc !== 'object') {
    const what =
      doc === null
        ? 'null'
        : typeof doc === 'string'
          ? 'a text string'
          : doc === undefined
            ? 'nothing'
            : `a ${typeof doc}`;
    return `${expected} ${what}.`;
  }
  if (Array.isArray(doc)) return `${expected} a list that holds no WordPress posts.`;
  const { code, message, type } = ownFields(doc)!;
  // The WordPress REST API reports errors as {code, message, data: {status}}.
  if (typeof code === 'string' && typeof message === 'string') {
    return `WordPress answered with an error instead of posts: ${textFromHtml(message)} (${code})`;
  }
  if (type === 'comment') return `${expected} a WordPress comment.`;
  return `${expected} JSON without feed items.`;
}

/**
 * The article `item` names, by id, permalink, WordPress slug or post id; the first
 * article when `item` is empty. Exact matches win over URL-normalized ones.
 */
export function selectArticle(list: ArticleList, item?: string | null): Article | undefined {
  return selectFrom(list.articles, item);
}

function selectFrom(articles: Article[], item?: string | null): Article | undefined {
  const wanted = item?.trim();
  if (!wanted) return articles[0];
  const exact = articles.find((article) => isExactly(article, wanted));
  if (exact) return exact;
  const wantedUrl = comparableUrl(wanted);
  if (wantedUrl === undefined) return undefined;
  return articles.find(
    (article) => comparableUrl(article.id) === wantedUrl || comparableUrl(article.url) === wantedUrl,
  );
}

/** `HTTPS://Example.org/post/#top` and `https://example.org/post` name the same article. */
function comparableUrl(value: string | undefined): string | undefined {
  let url: URL;
  try {
    url = new URL(value ?? '');
  } catch {
    return undefined;
  }
  url.hash = '';
  if (url.pathname.length > 1 && url.pathname.endsWith('/')) url.pathname = url.pathname.slice(0, -1);
  return url.href;
}
