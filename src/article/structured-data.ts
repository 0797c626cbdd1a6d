/**
 * schema.org `NewsArticle` JSON-LD for an article, so search engines read the
 * embedded article as the page's news content, and a serializer that keeps that
 * JSON inert inside a `<script>` element.
 */

import type { Article } from './article.js';
import { textFromHtml } from '../shared/plain-text.js';

export function articleStructuredData(article: Article): Record<string, unknown> {
  const { title, image, published, modified, url, categories, tags, language } = article;
  // Google suggests headlines of at most 110 characters; a longer one is still the
  // article's real headline, so it is not cut.
  const headline =
    title && (title.kind === 'html' ? textFromHtml(title.value) : title.value.replace(/\s+/g, ' ').trim());
  const data: Record<string, unknown> = { '@context': 'https://schema.org', '@type': 'NewsArticle' };
  if (headline) data.headline = headline;
  if (image) data.image = [image.url];
  if (published) data.datePublished = published.toISOString();
  if (modified) data.dateModified = modified.toISOString();
  if (article.authors.length) {
    data.author = article.authors.map(({ name, url: authorUrl }) => ({
      '@type': 'Person',
      name,
      // schema.org `url` is a web page; an author's mailto: link is left out.
      ...(authorUrl && /^https?:/i.test(authorUrl) ? { url: authorUrl } : {}),
    }));
  }
  if (url) {
    data.url = url;
    data.mainEntityOfPage = url;
  }
  if (categories[0]) data.articleSection = categories[0];
  if (tags.length) data.keywords = tags;
  if (language) data.inLanguage = language;
  return data;
}

/**
 * `JSON.stringify` with `<`, `>` and `&` escaped, so the text can never close the
 * `<script>` element or open a comment in it, and U+2028/U+2029 escaped for
 * parsers that still treat them as line ends.
 */
export function serializeJsonLd(data: unknown): string {
  return (JSON.stringify(data) ?? 'null').replace(
    /[<>&\u2028\u2029]/g,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
