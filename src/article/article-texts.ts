/**
 * The elements `<news-article>` renders an article view's texts into (see article-view.ts),
 * made once per view, so re-renders keep them: copies of the sanitized HTML, or plain text.
 * A very large content is filled progressively by the controller of progressive-content.ts.
 */
import type { ReactiveControllerHost } from 'lit';
import type { ArticleView, ShownText } from './article-view.js';

/** The elements of an article's texts, for the templates to place. */
export interface ArticleTexts {
  headline?: HTMLElement;
  summary?: HTMLElement;
  content?: HTMLElement;
}

let progressive: typeof import('./progressive-content.js') | undefined;

/**
 * Loads the chunk that renders a large content progressively. The task waits for it, so the
 * first render of such an article already shows its first screen.
 */
export async function loadProgressiveContent(): Promise<void> {
  progressive ??= await import('./progressive-content.js');
}

/** The texts made for each view so far; a view is the result of one task run, and never changes. */
const made = new WeakMap<ArticleView, ArticleTexts>();

/** The elements of the view's texts; of a large content, with its first screen to begin with. */
export function articleTexts(view: ArticleView, host: ReactiveControllerHost & Element): ArticleTexts {
  let texts = made.get(view);
  if (!texts) {
    const { headline, summary, content, largeContent } = view;
    // The chunk is there: the task loaded it for a large content.
    const progressively = largeContent && progressive;
    texts = {
      headline: textElement(headline, 'span', 'headline-text'),
      summary: textElement(summary, 'span', 'summary-text'),
      content: textElement(content, 'div', 'content', !!progressively),
    };
    // It copies from the sanitized tree as it fills; a plain text's paragraphs are made for it first.
    if (progressively) {
      const source = (Array.isArray(content) ? copyOf(content) : content) as DocumentFragment;
      new progressively.ProgressiveContentController(host, source, texts.content!);
    }
    made.set(view, texts);
  }
  return texts;
}

/**
 * Whether all of the view's content is on show. A large content is once it is rendered and
 * no longer `aria-busy`, which the progressive filler says until its last block is in.
 */
export const fullyShown = (view: ArticleView): boolean =>
  !view.largeContent || made.get(view)?.content?.getAttribute('aria-busy') === null;

/**
 * The element a text renders into, named by its CSS part, with a copy of the text in it;
 * empty for a content that is filled progressively.
 */
function textElement(
  shown: ShownText | undefined,
  tag: 'span' | 'div',
  part: 'headline-text' | 'summary-text' | 'content',
  progressively?: boolean,
): HTMLElement | undefined {
  if (shown === undefined) return undefined;
  const element = document.createElement(tag);
  element.setAttribute('part', part);
  if (!progressively) element.append(copyOf(shown));
  return element;
}

/** A fresh copy of what a text shows (a string is copied as text); the text itself never changes. */
function copyOf(shown: ShownText): Node | string {
  if (typeof shown === 'string') return shown;
  if (!Array.isArray(shown)) return document.importNode(shown, true);
  const paragraphs = document.createDocumentFragment();
  for (const text of shown) {
    const paragraph = document.createElement('p');
    paragraph.setAttribute('part', 'text-paragraph');
    paragraph.textContent = text;
    paragraphs.append(paragraph);
  }
  return paragraphs;
}
