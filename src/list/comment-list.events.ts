/**
 * The event `<comment-list>` fires besides `load` and `error`, as a small `Event`
 * subclass declared in the global event map, so `addEventListener` is typed.
 */

/** Fired when the reader starts a reply: the form has moved under `commentId`. Bubbles out of shadow roots, as the form's events do. */
export class CommentListReplyEvent extends Event {
  constructor(
    readonly commentId: string,
    readonly authorName: string,
  ) {
    super('comment-list-reply', { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'comment-list-reply': CommentListReplyEvent;
  }
}
