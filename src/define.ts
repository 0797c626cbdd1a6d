/**
 * Registers the elements under their default tags. Importing it twice (two themes
 * or plugins on one page, or two copies of the bundle) is harmless: a tag this
 * library already registered is left alone. A tag another script took first is left
 * to that script, with one console warning that says how to register ours under
 * another tag; the other element is registered all the same.
 * The script-tag bundle `dist/news-widgets.js` is built from this module, and exports
 * the classes so a page can do exactly that. `<comment-list>` is registered, and its
 * code downloaded, only once one is on the page (list/comment-list-define.ts).
 *
 * On a page that prints its article or comment form itself (server-rendered markup inside
 * the elements), the tags are registered once the browser has painted what it parsed: that
 * markup is the page's largest content, and upgrading the elements, which the page does not
 * need to show it, must not hold back its first frame.
 */
import { ContextRoot } from '@lit/context';
import { CommentFormElement } from './comment/comment-form.js';
import { NewsArticleElement } from './article/news-article.js';
import { defineCommentListWhenUsed } from './list/comment-list-define.js';

export { CommentFormElement, NewsArticleElement };

/** Marks the classes this library registers, in every copy of it (a registry-wide symbol). */
const REGISTERED_BY_NEWS_WIDGETS = Symbol.for('news-widgets.registered');

function defineUnlessTaken(
  element: { define(tag: string): void },
  tag: string,
  className: string,
  from = import.meta.url,
): void {
  const existing = customElements.get(tag);
  if (!existing) {
    element.define(tag);
    Object.defineProperty(customElements.get(tag)!, REGISTERED_BY_NEWS_WIDGETS, { value: true });
  } else if (!(REGISTERED_BY_NEWS_WIDGETS in existing)) {
    console.warn(
      `news-widgets: <${tag}> is already defined by another script on this page, so news-widgets left it alone ` +
        `and its own <${tag}> is not available. To use it, register it under another tag: ` +
        `import { ${className} } from '${from}'; ${className}.define('other-tag');`,
    );
  }
}

/** Server-rendered markup our elements keep on show: an article, or a comment form they take over. */
const SERVER_RENDERED_MARKUP = 'news-article > [slot="article"], comment-form form';

/** After the next frame is painted; at once in a page that is not being rendered (a background tab has no frames). */
const afterNextFrame = (): Promise<void> =>
  new Promise((resolve) =>
    document.visibilityState === 'hidden' ? resolve() : requestAnimationFrame(() => setTimeout(resolve)),
  );

function defineAll(): void {
  const articleTag = customElements.get('news-article');
  // Under another tag, the article element is registered after the comment forms on the
  // page have asked for their article: a context root, attached before the forms are
  // defined, replays their requests once it is.
  if (articleTag && !(REGISTERED_BY_NEWS_WIDGETS in articleTag)) new ContextRoot().attach(document.documentElement);
  defineUnlessTaken(NewsArticleElement, 'news-article', 'NewsArticleElement');
  defineUnlessTaken(CommentFormElement, 'comment-form', 'CommentFormElement');
  defineCommentListWhenUsed((element, from) => defineUnlessTaken(element, 'comment-list', 'CommentListElement', from));
}

if (document.readyState !== 'complete' && document.querySelector(SERVER_RENDERED_MARKUP))
  void afterNextFrame().then(defineAll);
else defineAll();
