/**
 * The templates `<news-article>` shows before an article is loaded: the placeholder while it
 * loads, and the error box. Each is a function of what it shows; the element decides which
 * one is on show. The article's own template (article-template.ts) loads with the feed reader.
 */
import { html, type TemplateResult } from 'lit';
import type { FeedErrorCode } from './feed-error.js';
import { newsArticleStrings, type NewsArticleStringOverrides, type NewsArticleWord } from './news-article.strings.js';

/** One of the element's words: the site's own, or the built-in one. */
export const word = (strings: NewsArticleStringOverrides, key: NewsArticleWord): string =>
  strings[key] ?? newsArticleStrings[key];

/** The space the article will take, and the word for screen readers, while it loads. */
export const placeholderTemplate = (strings: NewsArticleStringOverrides): TemplateResult =>
  html`<div part="placeholder" aria-hidden="true"><span></span><span></span><span></span><span></span></div>
    <span class="visually-hidden">${word(strings, 'loading')}</span>`;

/** Why the article is not there, in words, and a way to try again. */
export const errorTemplate = (
  code: FeedErrorCode,
  strings: NewsArticleStringOverrides,
  retry: () => void,
): TemplateResult =>
  html`<div part="error" role="alert">
    <p>${strings.errors?.[code] ?? newsArticleStrings.errors[code]}</p>
    <button part="retry-button" type="button" @click=${retry}>${word(strings, 'retry')}</button>
  </div>`;
