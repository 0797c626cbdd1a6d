/**
 * What a page's own server-rendered article (the `slot="article"` children of
 * `<news-article>`) says about itself, and whether a loaded article should replace it.
 * The markup is the site's own HTML: it is read, never sanitized or rewritten.
 */
import type { Article } from './article.js';
import { parseFeedDate } from './parse-date.js';

/** The server-rendered article: the element's children in the `article` slot. */
export const SERVER_RENDERED_SELECTOR = ':scope > [slot="article"]';

/** Times a theme marks as the modified or published date: schema.org microdata or hAtom classes (WordPress themes). */
const MODIFIED_TIME = 'time[datetime]:is([itemprop~="dateModified"], .updated)';
const PUBLISHED_TIME = 'time[datetime]:is([itemprop~="datePublished"], .published)';
const HEADING = 'h1, h2, h3, h4, h5, h6';

export interface ServerRenderedArticle {
  /** The post the markup names (`data-post-id`), as written. */
  postId?: string;
  /** Its modified date, else its published date: a loaded article replaces the markup only when it is later. */
  date?: Date;
  /** The markup as an article model (`format: 'html'`), when it names its post; what a form inside learns its post from. */
  article?: Article;
}

/** Reads the markup; `undefined` when there is none. */
export function readServerRenderedArticle(markup: readonly Element[]): ServerRenderedArticle | undefined {
  if (!markup.length) return undefined;
  const postId = firstAttribute(markup, 'data-post-id')?.trim() || undefined;
  const modified = markupDate(markup, 'data-modified', MODIFIED_TIME);
  const published = markupDate(markup, 'data-published', PUBLISHED_TIME);
  const headline = first(markup, HEADING)?.textContent?.replace(/\s+/g, ' ').trim();
  const numericId = postId && /^\d+$/.test(postId) ? Number(postId) : undefined;
  const article: Article | undefined = postId
    ? {
        format: 'html',
        id: postId,
        postId: numericId,
        title: headline ? { kind: 'text', value: headline } : undefined,
        authors: [],
        published,
        modified,
        categories: [],
        tags: [],
      }
    : undefined;
  return { postId, date: modified ?? published, article };
}

/**
 * Whether `loaded` should be shown instead of the markup: it is another post, or it is
 * newer. Markup without a date is kept: which one is newer cannot be known, and keeping
 * it never flashes.
 */
export function replacesServerRendered(loaded: Article, markup: ServerRenderedArticle): boolean {
  if (markup.postId !== undefined && markup.postId !== loaded.id && markup.postId !== String(loaded.postId))
    return true;
  const loadedDate = loaded.modified ?? loaded.published;
  return !!markup.date && !!loadedDate && loadedDate.getTime() > markup.date.getTime();
}

function firstAttribute(markup: readonly Element[], name: string): string | undefined {
  return markup.find((element) => element.hasAttribute(name))?.getAttribute(name) ?? undefined;
}

/** The first element matching `selector`, the slotted elements themselves included, in document order. */
function first(markup: readonly Element[], selector: string): Element | undefined {
  for (const element of markup) {
    const match = element.matches(selector) ? element : element.querySelector(selector);
    if (match) return match;
  }
  return undefined;
}

/** An attribute on a slotted element wins over a marked `<time>` inside; a zone-less date-time is no date. */
function markupDate(markup: readonly Element[], attribute: string, timeSelector: string): Date | undefined {
  const value = firstAttribute(markup, attribute) ?? first(markup, timeSelector)?.getAttribute('datetime');
  return parseFeedDate(value ?? undefined);
}
