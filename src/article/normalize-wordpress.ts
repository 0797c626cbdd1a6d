/**
 * Reads WordPress REST API posts (`/wp/v2/posts/<id>` or `/wp/v2/posts`, with or
 * without `_embed`) into the `Article` model. A field of the wrong type is dropped
 * on its own; the post is kept.
 */

import type { Article, ArticleAuthor, ArticleImage, ArticleList, FeedText } from './article.js';
import { parseFeedDate } from './parse-date.js';
import { plainTextField } from '../shared/plain-text.js';
import { absoluteUrl, safeSrcset } from './safe-url.js';
import { isJsonObject, nonEmptyString, ownFields, type JsonObject } from '../shared/json-fields.js';

export function isWordPressPost(value: unknown): value is JsonObject {
  const doc = ownFields(value);
  if (!doc || (typeof doc.id !== 'number' && !nonEmptyString(doc.id))) return false;
  // A comment also has `id` and `content.rendered`; it names its post and its author,
  // which a post never does.
  if (doc.type === 'comment' || typeof doc.post === 'number' || typeof doc.author_name === 'string') return false;
  return (
    rendered(doc.title) !== undefined ||
    rendered(doc.content) !== undefined ||
    (rendered(doc.guid) !== undefined && typeof doc.slug === 'string')
  );
}

/** One post or a posts collection. Entries of a collection that are not posts are skipped. */
export function normalizeWordPress(doc: unknown, baseUrl?: string): ArticleList {
  return { format: 'wordpress', articles: [...wordPressArticles(doc, baseUrl)] };
}

/** The posts one at a time, so a reader after one post need not normalize them all. */
export function* wordPressArticles(doc: unknown, baseUrl?: string): Generator<Article> {
  for (const post of Array.isArray(doc) ? doc : [doc]) {
    if (isWordPressPost(post)) yield normalizeWordPressPost(post, baseUrl);
  }
}

/**
 * `baseUrl` is the URL the response came from. Dates: `date_gmt` is UTC without a
 * zone, so it is read as UTC. `date` is the site's local time with no zone; it is
 * used (as UTC, possibly off by the site's offset) only when `date_gmt` is missing
 * or unparseable, which WordPress does for drafts that never got a date.
 */
export function normalizeWordPressPost(value: JsonObject, baseUrl?: string): Article {
  const post = ownFields(value) ?? {};
  const utc = { assumeUtc: true };
  const url = absoluteUrl(post.link, baseUrl, 'link', true);
  const urlBase = baseUrl ?? url;
  const postId = typeof post.id === 'number' && Number.isInteger(post.id) ? post.id : undefined;
  const slug = nonEmptyString(post.slug);
  const embedded = ownFields(post._embedded) ?? {};
  const terms = Array.isArray(embedded['wp:term']) ? embedded['wp:term'].flat() : [];
  return {
    format: 'wordpress',
    id: postId !== undefined ? String(postId) : (nonEmptyString(post.id) ?? slug ?? url ?? ''),
    slug,
    postId,
    url,
    title: html(rendered(post.title)),
    // A password-protected post's text is not for this page, nor its excerpt, which may quote it.
    summary: isProtected(post.excerpt) || isProtected(post.content) ? undefined : html(rendered(post.excerpt)),
    content: isProtected(post.content) ? undefined : html(rendered(post.content)),
    authors: readAuthors(embedded.author, urlBase),
    published: parseFeedDate(post.date_gmt, utc) ?? parseFeedDate(post.date, utc),
    modified: parseFeedDate(post.modified_gmt, utc) ?? parseFeedDate(post.modified, utc),
    image: readFeaturedImage(embedded['wp:featuredmedia'], urlBase),
    categories: termNames(terms, 'category'),
    tags: termNames(terms, 'post_tag'),
    commentsOpen: post.comment_status === 'open' ? true : post.comment_status === 'closed' ? false : undefined,
    baseUrl: url ?? baseUrl,
  };
}

function readAuthors(value: unknown, urlBase: string | undefined): ArticleAuthor[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown): ArticleAuthor[] => {
    const author = ownFields(entry);
    // An embed the reader may not see comes back as an error object ({code, message}).
    const name = author && !('code' in author) ? plainTextField(author.name) : undefined;
    if (!author || name === undefined) return [];
    return [
      {
        name,
        url: absoluteUrl(author.link, urlBase, 'link', true),
        avatar: largestAvatar(author.avatar_urls, urlBase),
      },
    ];
  });
}

/** `avatar_urls` maps pixel sizes ("24", "48", "96") to URLs. */
function largestAvatar(value: unknown, urlBase: string | undefined): string | undefined {
  if (!isJsonObject(value)) return undefined;
  // Own entries only, like every read here.
  const bySize = Object.entries(value)
    .filter(([size]) => /^\d+$/.test(size))
    .sort(([a], [b]) => Number(b) - Number(a));
  for (const [, url] of bySize) {
    const avatar = absoluteUrl(url, urlBase, 'media', false);
    if (avatar) return avatar;
  }
  return undefined;
}

function readFeaturedImage(value: unknown, urlBase: string | undefined): ArticleImage | undefined {
  const media = ownFields(Array.isArray(value) ? value[0] : undefined);
  // `code` marks an embed error such as rest_forbidden (private or deleted media).
  if (!media || 'code' in media) return undefined;
  const url = absoluteUrl(media.source_url, urlBase, 'media', false);
  if (!url) return undefined;
  const details = ownFields(media.media_details) ?? {};
  const width = positiveNumber(details.width);
  const height = positiveNumber(details.height);
  return {
    url,
    alt: typeof media.alt_text === 'string' ? media.alt_text : '',
    width,
    height,
    srcset: srcsetFromSizes(details.sizes, width, height, urlBase),
  };
}

/**
 * A `srcset` of the sizes WordPress generated. Like WordPress's own
 * `wp_calculate_image_srcset`, it leaves out sizes cropped to another shape (the
 * square thumbnail), which would otherwise be shown in place of the full image.
 */
function srcsetFromSizes(
  value: unknown,
  width: number | undefined,
  height: number | undefined,
  urlBase: string | undefined,
): string | undefined {
  if (!isJsonObject(value)) return undefined;
  const candidates = new Map<number, string>();
  for (const entry of Object.values(value)) {
    const size = ownFields(entry);
    if (!size || typeof size.source_url !== 'string') continue;
    const sizeWidth = positiveNumber(size.width);
    const sizeHeight = positiveNumber(size.height);
    if (sizeWidth === undefined || candidates.has(sizeWidth)) continue;
    const sameShape = !width || !height || !sizeHeight || Math.abs((sizeWidth * height) / width - sizeHeight) <= 1;
    // A URL with whitespace would split into two candidates.
    if (sameShape && !/\s/.test(size.source_url)) candidates.set(sizeWidth, size.source_url);
  }
  const srcset = [...candidates]
    .sort(([a], [b]) => a - b)
    .map(([w, url]) => `${url} ${w}w`)
    .join(', ');
  return safeSrcset(srcset, urlBase);
}

/** `_embedded['wp:term']` holds one array of terms per taxonomy. */
function termNames(terms: unknown[], taxonomy: string): string[] {
  return terms.flatMap((entry) => {
    const term = ownFields(entry);
    // Term names come entity-encoded (`Q&amp;A`).
    const name = term && term.taxonomy === taxonomy ? plainTextField(term.name) : undefined;
    return name === undefined ? [] : [name];
  });
}

function rendered(field: unknown): string | undefined {
  return nonEmptyString(ownFields(field)?.rendered);
}

function isProtected(field: unknown): boolean {
  return ownFields(field)?.protected === true;
}

function html(value: string | undefined): FeedText | undefined {
  return value === undefined ? undefined : { kind: 'html', value };
}

function positiveNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}

/**
 * Whether a WordPress response was fetched without `_embed` although the site could
 * embed: it has `_links` (what embedding follows) but no `_embedded` anywhere.
 */
export function lacksEmbeds(doc: unknown): boolean {
  const posts = (Array.isArray(doc) ? doc : [doc]).filter(isWordPressPost).map((post) => ownFields(post)!);
  return posts.length > 0 && posts.every((post) => isJsonObject(post._links) && !('_embedded' in post));
}
