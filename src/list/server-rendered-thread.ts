/**
 * A theme's own comments inside `<comment-list>`: the `<ol class="comment-list">` that
 * WordPress's `wp_list_comments()` prints (`commentlist` in older themes). It is shown as
 * it is, without JavaScript and after: the list keeps it instead of fetching and
 * repainting, and makes its "Reply" links move the form, as WordPress's comment-reply.js does.
 */

import type { ListedComment } from './listed-comment.js';

/** The theme's thread, a direct child of the list. */
export function findServerThread(host: Element): HTMLOListElement | null {
  return host.querySelector<HTMLOListElement>(':scope > ol.comment-list, :scope > ol.commentlist');
}

export interface ServerReply {
  commentId: string;
  authorName: string;
  /** The comment's `<li>`; the form goes after its body. */
  item: HTMLElement;
  /** The comment's body (`div-comment-ID`), or the item when there is none. */
  body: Element;
  link: HTMLElement;
}

/** What a click on a theme's "Reply" link (`a.comment-reply-link`) asks for, or `undefined` for any other click. */
export function serverReplyFor(target: EventTarget | null, thread: HTMLOListElement): ServerReply | undefined {
  const link = target instanceof Element ? target.closest<HTMLElement>('a.comment-reply-link') : null;
  if (!link || !thread.contains(link)) return undefined;
  const item = link.closest<HTMLElement>('li[id^="comment-"]');
  const commentId = link.dataset.commentid ?? item?.id.replace('comment-', '');
  if (!item || !commentId) return undefined;
  const name = item.querySelector('.comment-author .fn')?.textContent?.trim() ?? '';
  const body = item.querySelector(`#div-comment-${CSS.escape(commentId)}`) ?? item.firstElementChild ?? item;
  return { commentId, authorName: name, item, body, link };
}

/**
 * The form moved under a comment of the theme's thread: a placeholder where it was (as
 * comment-reply.js leaves one) and a "Cancel reply" button before it, both undone by `back()`.
 */
export class ServerFormMove {
  readonly #home = document.createComment(' comment-form ');
  readonly #cancel = document.createElement('button');

  constructor(
    readonly form: HTMLElement,
    readonly reply: ServerReply,
    cancelText: string,
    onCancel: () => void,
  ) {
    form.before(this.#home);
    this.#cancel.type = 'button';
    this.#cancel.className = 'comment-list-cancel-reply';
    // The theme styles its own thread; this keeps the button a 24 × 24 px target at least (WCAG 2.5.8) whatever it does.
    this.#cancel.style.minBlockSize = this.#cancel.style.minInlineSize = '24px';
    this.#cancel.textContent = cancelText;
    this.#cancel.addEventListener('click', onCancel);
    reply.body.after(this.#cancel, form);
  }

  back(): void {
    this.#home.replaceWith(this.form);
    this.#cancel.remove();
  }
}

/** The comments of the theme's thread, read as the list's model, so the reader's own comments can be matched with them. */
export function readServerComments(thread: HTMLOListElement): ListedComment[] {
  return [...thread.querySelectorAll<HTMLElement>('li[id^="comment-"]')].map((item) => {
    const parentItem = item.parentElement?.closest<HTMLElement>('li[id^="comment-"]');
    return {
      id: item.id.replace('comment-', ''),
      parent: parentItem ? parentItem.id.replace('comment-', '') : '0',
      authorName: item.querySelector('.comment-author .fn')?.textContent?.trim() ?? '',
      content: { kind: 'text', value: item.querySelector('.comment-content')?.textContent ?? '' },
      pending: !!item.querySelector('.comment-awaiting-moderation'),
    };
  });
}
