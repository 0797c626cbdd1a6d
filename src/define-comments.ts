/**
 * Registers `<comment-form>` and `<comment-list>` only, as define.ts does: the script-tag
 * bundle `dist/news-widgets-comments.js` is built from this module, for pages whose article
 * is their own HTML (a WordPress theme's, for one) and that have no `<news-article>`. It
 * leaves out the article's code, so the form is on show and takes typing sooner. A form
 * registered by it inside a `<news-article>` of the other bundle still learns its article.
 */
import { CommentFormElement } from './comment/comment-form.js';
import { defineCommentListWhenUsed } from './list/comment-list-define.js';
import { defineUnlessTaken, registerWhenPainted } from './shared/register-elements.js';

export { CommentFormElement };

function defineAll(): void {
  defineUnlessTaken(CommentFormElement, 'comment-form', 'CommentFormElement', import.meta.url);
  defineCommentListWhenUsed((element, from) => defineUnlessTaken(element, 'comment-list', 'CommentListElement', from));
}

registerWhenPainted(() => {
  // A <news-article> the other bundle will register after this one's forms have asked for their article: a context
  // root, attached before they are defined, keeps their requests and replays them once it is (a chunk of its own,
  // downloaded on such pages only).
  if (document.querySelector('news-article:not(:defined)'))
    void import('./shared/attach-context-root.js')
      .then(({ attachContextRoot }) => attachContextRoot())
      .catch(() => undefined)
      .then(defineAll);
  else defineAll();
});
