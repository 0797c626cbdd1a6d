/**
 * Reads a JSON Feed (https://jsonfeed.org/version/1 and /version/1.1) into the
 * `Article` model. Feeds in the wild break the spec in many small ways, so a field
 * of the wrong type is dropped on its own and never takes its item or feed with it.
 */

import type { Article, ArticleAuthor, ArticleList } from './article.js';
import { parseFeedDate } from './parse-date.js';
import { plainTextField } from '../shared/plain-text.js';
import { absoluteUrl } from './safe-url.js';
import { isJsonObject, nonEmptyString, ownFields, type JsonObject } from '../shared/json-fields.js';

/** Fields only a JSON Feed item has; used to recognise feeds that omit `version`. */
const ITEM_KEYS = ['id', 'url', 'content_html', 'content_text'];

export function isJsonFeed(doc: unknown): doc is JsonObject {
  const feed = ownFields(doc);
  if (!feed) return false;
  const { version, items } = feed;
  if (typeof version === 'string' && 'items' in feed) {
    // gofeed and others write "1.1" where the spec asks for the version URL.
    return /^https?:\/\/(?:www\.)?jsonfeed\.org\/version\//.test(version) || ['1', '1.0', '1.1'].includes(version);
  }
  return (
    Array.isArray(items) &&
    items.some((item) => isJsonObject(item) && ITEM_KEYS.some((key) => Object.hasOwn(item, key)))
  );
}

/**
 * `baseUrl` is the URL the feed was fetched from; relative URLs resolve against it,
 * or against the feed's own `feed_url` when it is not given.
 */
export function normalizeJsonFeed(doc: JsonObject, baseUrl?: string): ArticleList {
  return {
    format: 'json-feed',
    feedTitle: plainText(ownFields(doc)?.title),
    articles: [...jsonFeedArticles(doc, baseUrl)],
  };
}

/** The feed's articles one at a time, so a reader after one item need not normalize them all. */
export function* jsonFeedArticles(feed: JsonObject, baseUrl?: string): Generator<Article> {
  const doc = ownFields(feed) ?? {};
  const urlBase = baseUrl ?? absoluteUrl(doc.feed_url, undefined, 'link', true);
  const homePage = absoluteUrl(doc.home_page_url, urlBase, 'link', true);
  const feedAuthors = readAuthors(doc.authors, urlBase) ?? readAuthors(doc.author, urlBase) ?? [];
  const feedLanguage = nonEmptyString(doc.language);
  const items = Array.isArray(doc.items) ? doc.items : [];

  for (const [index, entry] of items.entries()) {
    const item = ownFields(entry);
    // A non-object in `items` is no article at all.
    if (!item) continue;
    const url = absoluteUrl(item.url, urlBase, 'link', true);
    const title = plainText(item.title);
    const summary = plainText(item.summary);
    const contentHtml = nonEmptyString(item.content_html);
    const contentText = nonEmptyString(item.content_text);
    const image = readImage(item, urlBase);
    const id = idString(item.id) ?? nonEmptyString(item.url);
    // An item that neither names nor holds anything (`{}`, or every field broken) is no article.
    if (
      id === undefined &&
      title === undefined &&
      summary === undefined &&
      contentHtml === undefined &&
      contentText === undefined &&
      !image
    )
      continue;
    yield {
      format: 'json-feed',
      // The spec says to discard items without an id; WordPress-made feeds omit it,
      // and readers still want those posts, so the permalink stands in.
      id: id ?? `item-${index}`,
      url,
      externalUrl: absoluteUrl(item.external_url, urlBase, 'link', true),
      title: title === undefined ? undefined : { kind: 'text', value: title },
      summary: summary === undefined ? undefined : { kind: 'text', value: summary },
      content:
        contentHtml !== undefined
          ? { kind: 'html', value: contentHtml }
          : contentText !== undefined
            ? { kind: 'text', value: contentText }
            : undefined,
      // Readers "should always prefer `authors` if present" (1.1, Deprecations).
      authors: readAuthors(item.authors, urlBase) ?? readAuthors(item.author, urlBase) ?? feedAuthors,
      // RFC 3339 asks for a zone; a date without one is read as UTC rather than dropped.
      published: parseFeedDate(item.date_published, { assumeUtc: true }),
      modified: parseFeedDate(item.date_modified, { assumeUtc: true }),
      image,
      // JSON Feed has one list of terms, where WordPress-made feeds put their categories:
      // it reads as "Categorized as …", the way the publisher's own page shows it.
      categories: Array.isArray(item.tags) ? item.tags.map(plainText).filter((tag) => tag !== undefined) : [],
      tags: [],
      language: nonEmptyString(item.language) ?? feedLanguage,
      baseUrl: url ?? homePage ?? baseUrl,
    };
  }
}

/** `authors` (array) or `author` (object); `undefined` when it names nobody, so the next source applies. */
function readAuthors(value: unknown, urlBase: string | undefined): ArticleAuthor[] | undefined {
  const candidates: unknown[] = Array.isArray(value) ? value : isJsonObject(value) ? [value] : [];
  const authors = candidates.flatMap((entry): ArticleAuthor[] => {
    const author = ownFields(entry);
    // The model needs a name; an author object without one is skipped, not its article.
    const name = author ? plainText(author.name) : undefined;
    if (!author || name === undefined) return [];
    return [
      {
        name,
        url: absoluteUrl(author.url, urlBase, 'link', false),
        avatar: absoluteUrl(author.avatar, urlBase, 'media', false),
      },
    ];
  });
  return authors.length ? authors : undefined;
}

/** `image`, else `banner_image`: the feed gives no alt text, so the image counts as decorative. */
function readImage(item: JsonObject, urlBase: string | undefined): Article['image'] {
  const url =
    absoluteUrl(item.image, urlBase, 'media', false) ?? absoluteUrl(item.banner_image, urlBase, 'media', false);
  return url === undefined ? undefined : { url, alt: '' };
}

/** JSON Feed text fields are plain text, but WordPress-made feeds put entities
 *  (`&#8211;`) in them and Publii-made ones HTML (`<p><span lang="en">…` in `summary`);
 *  a reader must see neither literally. */
const plainText = plainTextField;

function idString(value: unknown): string | undefined {
  // "If an id is presented as a number, a JSON Feed reader should coerce it to a string."
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : nonEmptyString(value);
}
