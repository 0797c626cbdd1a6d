/**
 * Where an article comes from, first match wins: a `data` object, an inline feed
 * in the page, or a `src` URL. Returns the one article `item` names, normalized.
 */
import type { Article } from './article.js';
import { FeedError } from './feed-error.js';
import { fetchFeedDocument, parseFeedJson } from './fetch-feed-document.js';
import { retryingImport } from '../shared/retrying-import.js';

export interface ArticleSource {
  data?: unknown;
  inlineText?: string;
  src?: string;
  item?: string;
}

const INLINE_FEED_SELECTOR = ':scope > script[type="application/feed+json"], :scope > script[type="application/json"]';

/** The text of the feed a page writes inside the element, in a child `<script type="application/feed+json">`. */
export const inlineFeedText = (host: Element): string | undefined =>
  host.querySelector(INLINE_FEED_SELECTOR)?.textContent ?? undefined;

/** Whether there is anything to load: data, an inline feed or a src. */
export const hasArticleSource = ({ data, inlineText, src }: ArticleSource): boolean =>
  (data !== undefined && data !== null) || inlineText !== undefined || !!src;

type FeedReader = typeof import('./feed-reader.js');

let loadedReader: FeedReader | undefined;

/** The feed reader chunk (feed-reader.ts); after a failed download, "Try again" asks for it again. */
const importFeedReader = retryingImport(() => import('./feed-reader.js'), import.meta.url);

/**
 * The feed reader. Plain text, which it shares with the code that sends comments, is a chunk of its own
 * that the reader imports: asked for at the same time, it does not wait for the reader to arrive.
 */
export const loadFeedReader = (): Promise<FeedReader> => {
  import('../shared/plain-text.js').catch(() => undefined);
  return importFeedReader().then((reader) => (loadedReader = reader));
};

/** The feed reader, once it has loaded: every article the element holds was read by it. */
export const feedReader = (): FeedReader | undefined => loadedReader;

export async function loadArticle(
  { data, inlineText, src, item }: ArticleSource,
  signal: AbortSignal,
): Promise<Article> {
  const reader = loadFeedReader();
  // Settled by the awaits below; this keeps a failed download from being reported twice.
  reader.catch(() => undefined);
  let base = document.baseURI;
  let feed: unknown;
  if (data !== undefined && data !== null) {
    feed = data;
  } else if (inlineText !== undefined) {
    feed = parseFeedJson(inlineText);
  } else {
    base = new URL(src ?? '', base).href;
    feed = await fetchFeedDocument(base, signal);
    const { lacksEmbeds } = await reader;
    // Without `_embed`, WordPress leaves out author names, the featured image and
    // category names. Ask once more with it; if that fails, show what there is.
    if (lacksEmbeds(feed)) {
      const embedded = new URL(base);
      embedded.searchParams.set('_embed', '1');
      try {
        feed = await fetchFeedDocument(embedded.href, signal);
      } catch (error) {
        if (signal.aborted) throw error;
      }
    }
  }
  const { readArticle } = await reader;
  const article = readArticle(feed, base, item);
  if (!article) throw new FeedError('item-not-found', 'The feed holds no matching item.');
  return article;
}
