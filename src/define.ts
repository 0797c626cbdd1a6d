/**
 * Registers the elements under their default tags (shared/register-elements.ts says how a
 * tag already taken is treated, and when a page with server-rendered markup registers them).
 * The script-tag bundle `dist/news-widgets.js` is built from this module, and exports the
 * classes so a page can register them under other tags. `<comment-list>` is registered,
 * and its code downloaded, only once one is on the page (list/comment-list-define.ts).
 * A page without a `<news-article>` can load `dist/news-widgets-comments.js` instead
 * (define-comments.ts): the same form and list without the article's code.
 */
import { attachContextRoot } from './shared/attach-context-root.js';
import { CommentFormElement } from './comment/comment-form.js';
import { NewsArticleElement } from './article/news-article.js';
import { defineCommentListWhenUsed } from './list/comment-list-define.js';
import { defineUnlessTaken, registerWhenPainted, takenByAnotherScript } from './shared/register-elements.js';

export { CommentFormElement, NewsArticleElement };

registerWhenPainted(() => {
  // Under another tag, the article element is registered after the comment forms on the
  // page have asked for their article: a context root, attached before the forms are
  // defined, replays their requests once it is.
  if (takenByAnotherScript('news-article')) attachContextRoot();
  defineUnlessTaken(NewsArticleElement, 'news-article', 'NewsArticleElement', import.meta.url);
  defineUnlessTaken(CommentFormElement, 'comment-form', 'CommentFormElement', import.meta.url);
  defineCommentListWhenUsed((element, from) => defineUnlessTaken(element, 'comment-list', 'CommentListElement', from));
});
