/**
 * The events `<comment-form>` fires, as small `Event` subclasses declared in the global
 * event map, so that `addEventListener('comment-form-success', …)` is typed for users.
 * They bubble out of shadow roots: a page listens on the document if it likes.
 */
import type { CommentSubmission, FieldErrors, FormError } from './comment.js';

/** Fired before a comment is sent. Cancel it to send the comment yourself. Bubbles out of shadow roots. */
export class CommentFormSubmitEvent extends Event {
  constructor(readonly submission: CommentSubmission) {
    super('comment-form-submit', { bubbles: true, composed: true, cancelable: true });
  }
}
/**
 * Fired when the server confirmed the comment (`status`: approved, pending moderation, or an
 * earlier attempt's duplicate); `id` is the server's id of the comment, when it gave one.
 */
export class CommentFormSuccessEvent extends Event {
  constructor(
    readonly submission: CommentSubmission,
    readonly status: 'approved' | 'pending' | 'duplicate',
    /** The server's id of the comment (WordPress's `comment-ID`), when its answer gave one. */
    readonly id?: string,
  ) {
    super('comment-form-success', { bubbles: true, composed: true });
  }
}
/** Fired when the comment was refused, could not be confirmed, or waits in the outbox. */
export class CommentFormErrorEvent extends Event {
  constructor(
    readonly reason: 'invalid' | 'rejected' | 'queued' | 'unconfirmed',
    readonly fieldErrors: FieldErrors = {},
    readonly formError?: FormError,
    readonly submission?: CommentSubmission,
  ) {
    super('comment-form-error', { bubbles: true, composed: true });
  }
}
/** Fired when a saved draft is put back into the form. */
export class CommentFormDraftRestoreEvent extends Event {
  constructor(readonly content: string) {
    super('comment-form-draft-restore', { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'comment-form-submit': CommentFormSubmitEvent;
    'comment-form-success': CommentFormSuccessEvent;
    'comment-form-error': CommentFormErrorEvent;
    'comment-form-draft-restore': CommentFormDraftRestoreEvent;
  }
}
