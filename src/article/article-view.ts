/**
 * What `<news-article>` shows of a loaded article, as data: its texts sanitized or split
 * into paragraphs, an excerpt that only repeats the content's first words left out. This is
 * the result of the element's task; the render turns it into DOM and never changes it.
 */
import type { Article, FeedText } from './article.js';
import { LONG_HTML, sanitizeHtml } from './sanitize-html.js';

/**
 * A feed text ready to render: sanitized HTML as a fragment of an inert document, which the
 * render copies (not a string, which would be parsed again: a sanitized tree is only safe as
 * the tree it is); plain text as a string, never parsed; plain-text content as its paragraphs.
 */
export type ShownText = DocumentFragment | string | string[];

export interface ArticleView {
  article: Article;
  /** False when the page's server-rendered markup stays on show instead (then there are no texts). */
  replacesMarkup: boolean;
  headline?: ShownText;
  summary?: ShownText;
  content?: ShownText;
  /** The content is long enough to render progressively (see progressive-content.ts). */
  largeContent?: boolean;
}

/** Sanitizes the article's texts (relative URLs resolved against the article's own), for the render to show. */
export async function articleView(article: Article): Promise<ArticleView> {
  const base = article.baseUrl ?? document.baseURI;
  const [headline, summary, content] = await Promise.all([
    shownText(article.title, base),
    shownText(article.summary, base),
    shownText(article.content, base, true),
  ]);
  // WordPress makes excerpts from the first words of the post: do not print them twice.
  const summaryText = summary ? comparableText(summary) : '';
  const redundantSummary =
    summary && content && comparableText(content, summaryText.length + 16).startsWith(summaryText);
  return {
    article,
    replacesMarkup: true,
    headline,
    summary: redundantSummary ? undefined : summary,
    content,
    largeContent: !!content && article.content!.value.length > LONG_HTML,
  };
}

/**
 * Sanitized HTML, or plain text (in paragraphs for a content); `undefined` for a text with
 * nothing to see, which is then left out rather than rendered as an empty element.
 */
async function shownText(text: FeedText | undefined, base: string, isContent = false): Promise<ShownText | undefined> {
  if (!text || !text.value.trim()) return undefined;
  if (text.kind === 'text')
    return isContent ? text.value.split(/\n\s*\n/).flatMap((block) => block.trim() || []) : text.value;
  const fragment = await sanitizeHtml(text.value, base);
  return leadingText(fragment, 1).trim() || fragment.querySelector('img, video, audio, svg') ? fragment : undefined;
}

/**
 * The start of `node`'s text (its `textContent`), read text node by text node until it holds
 * more than `length` characters that are not whitespace, or all of it: a 10 MB article's
 * text is never joined just to look at its first words.
 */
function leadingText(node: Node, length = Infinity): string {
  const walker = document.createTreeWalker(node, 4 /* NodeFilter.SHOW_TEXT */);
  let text = '';
  for (let visible = 0; visible <= length && walker.nextNode();) {
    const data = walker.currentNode.nodeValue!;
    text += data;
    visible += data.replace(/\s+/g, '').length;
  }
  return text;
}

/**
 * Collapses whitespace and a trailing "[…]" so an automatic excerpt can be compared with the
 * content; of sanitized content, at least its first `length` characters.
 */
const comparableText = (shown: ShownText, length?: number) =>
  (shown instanceof Node ? leadingText(shown, length) : [shown].flat().join(''))
    .replace(/\s+/g, ' ')
    .replace(/\s*(\[(…|&hellip;|\.\.\.)\]|…)\s*$/, '')
    .trim();
