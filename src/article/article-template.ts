/**
 * The template of a loaded article: headline, summary, byline, image, content, categories
 * and tags. It travels in the feed reader's chunk with the code that prepares what it shows,
 * so the element's first render (a placeholder, or the page's own markup) does not wait for it.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import { headingTag } from '../shared/heading-tag.js';
import type { Article, ArticleAuthor } from './article.js';
import { articleTexts, type ArticleTexts } from './article-texts.js';
import type { ArticleView } from './article-view.js';
import { madeLocaleFormats, type LocaleFormats } from './locale-formats.js';
import type { NewsArticleStringOverrides } from './news-article.strings.js';
import { word } from './news-article.templates.js';

/**
 * How the element writes: the site's words over the built-in ones, and formats in the page's
 * language (until those are made: dates as 2026-12-06, lists joined with commas).
 */
export interface Wording {
  strings: NewsArticleStringOverrides;
  formats: LocaleFormats | undefined;
}

/** The day of `date` as the feed gave it, 2026-12-06: how a date reads before the page's formatters are made. */
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export function articleTemplate(
  article: Article,
  { headline, summary, content }: ArticleTexts,
  headingLevel: number,
  wording: Wording,
): TemplateResult {
  const heading = headingTag(headingLevel, 1);
  const { image, language } = article;
  return html`<article part="article" aria-labelledby=${headline ? 'headline' : nothing}>
    <header>
      ${
        headline
          ? staticHtml`<${heading} part="headline" id="headline" lang=${language ?? nothing} dir="auto">${headline}</${heading}>`
          : nothing
      }
      ${summary ? html`<p part="summary" lang=${language ?? nothing} dir="auto">${summary}</p>` : nothing}
      ${bylineTemplate(article, wording)}
    </header>
    ${
      image
        ? html`<figure part="figure">
            <img
              part="image"
              src=${image.url}
              srcset=${image.srcset ?? nothing}
              sizes=${image.srcset ? '(min-width: 60em) 60em, 100vw' : nothing}
              alt=${image.alt}
              width=${image.width ?? nothing}
              height=${image.height ?? nothing}
              decoding="async"
            />
          </figure>`
        : nothing
    }
    ${content ? html`<div lang=${language ?? nothing} dir="auto">${content}</div>` : nothing}
    ${
      article.categories.length || article.tags.length
        ? html`<footer part="footer">
            ${termsTemplate('categories', word(wording.strings, 'categorizedAs'), article.categories, wording)}
            ${termsTemplate('tags', word(wording.strings, 'tagged'), article.tags, wording)}
          </footer>`
        : nothing
    }
  </article>`;
}

function bylineTemplate(article: Article, wording: Wording): TemplateResult | typeof nothing {
  const { authors, published, modified } = article;
  if (!authors.length && !published) return nothing;
  const format = (date: Date) => wording.formats?.date.format(date) ?? isoDay(date);
  const showModified = modified && published && format(modified) !== format(published);
  const time = (date: Date) => html`<time datetime=${date.toISOString()}>${format(date)}</time>`;
  const separator = html`<span aria-hidden="true"> · </span>`;
  return html`<p part="byline">
    ${authors.length ? html`<span class="authors">${word(wording.strings, 'by')} ${authorsTemplate(authors, wording)}</span>` : nothing}
    ${authors.length && published ? separator : nothing}
    ${published ? html`<span class="published">${word(wording.strings, 'published')} ${time(published)}</span>` : nothing}
    ${showModified ? html`${separator}<span class="modified">${word(wording.strings, 'updated')} ${time(modified)}</span>` : nothing}
  </p>`;
}

/** "A, B and C" in the page's language, each name linked when the feed gives a URL (once the formatters are made). */
function authorsTemplate(authors: ArticleAuthor[], { formats }: Wording): unknown {
  const names = authors.map((author) => author.name);
  if (!formats) return names.join(', ');
  let index = 0;
  return formats.names.formatToParts(names).map((part) => {
    if (part.type !== 'element') return part.value;
    const author = authors[index++]!;
    return author.url ? html`<a href=${author.url} rel="author">${author.name}</a>` : author.name;
  });
}

function termsTemplate(part: 'categories' | 'tags', label: string, terms: string[], { formats }: Wording) {
  if (!terms.length) return nothing;
  return html`<p part=${part}>${label} ${formats?.terms.format(terms) ?? terms.join(', ')}</p>`;
}

/**
 * The loaded article as the element shows it: the elements of its texts (made once per view) in
 * the template, with the site's words and formats in the page's language.
 */
export const renderArticle = (
  view: ArticleView,
  host: ReactiveControllerHost & HTMLElement,
  headingLevel: number,
  strings: NewsArticleStringOverrides,
  language: string | undefined,
): TemplateResult =>
  articleTemplate(view.article, articleTexts(view, host), headingLevel, {
    strings,
    formats: madeLocaleFormats(language, host),
  });
