/**
 * The model `<comment-form>` and its modules share: what a reader types, a comment
 * on its way to the server, and every outcome of sending it, as values the form can
 * put into words. No logic here.
 */

/** What a reader types. `url` is the "Website" field. */
export interface CommentFields {
  content: string;
  name: string;
  email: string;
  url: string;
}
export type CommentField = keyof CommentFields;

/** `required`: name and email must be given (WordPress's default); `optional`; `hidden`: a signed-in reader. */
export type CommentIdentity = 'required' | 'optional' | 'hidden';

/** `wordpress`: the WordPress REST comments API. `json`: the JSON contract in the README. */
export type CommentProtocol = 'wordpress' | 'json';

/** Why a field is not accepted. `server` carries the server's own words in `message`. */
export type FieldErrorCode = 'required' | 'email' | 'url' | 'too-long' | 'server';
export interface FieldError {
  code: FieldErrorCode;
  /** For `too-long`: the limit in UTF-8 bytes. */
  limit?: number;
  /** For `server`: the message the server sent. */
  message?: string;
}
export type FieldErrors = Partial<Record<CommentField, FieldError>>;

/** Why the whole comment is refused, not one field. */
export type FormErrorCode =
  /** Comments are closed on this post (`rest_comment_closed`). */
  | 'closed'
  /** Only signed-in readers may comment (`rest_comment_login_required`, 401). */
  | 'login-required'
  /** The nonce or session is not accepted (`rest_cookie_invalid_nonce`, 403). */
  | 'forbidden'
  /** The post does not exist (`rest_comment_invalid_post_id`, 404). */
  | 'post-not-found'
  /** Any other refusal; `message` holds the server's words. */
  | 'rejected';
export interface FormError {
  code: FormErrorCode;
  message?: string;
}

/** One comment on its way to the server: the unit of retries and of the outbox. */
export interface CommentSubmission {
  /** Random and stable across every retry of this comment: the json protocol's Idempotency-Key. */
  id: string;
  endpoint: string;
  protocol: CommentProtocol;
  postId?: string;
  parent?: string;
  /** WordPress REST nonce, sent as X-WP-Nonce. */
  nonce?: string;
  fields: CommentFields;
  /** The draft this comment came from: deleted once the server confirms. */
  draftKey: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  /** Requests made so far (0 before the first). */
  attempts: number;
  /**
   * A request may have stored it: one was under way when the page went, or its answer never
   * came (a dropped connection, a timeout, a server error). Sending the same comment again is
   * safe (the server recognizes it); withdrawing it to send an edited version is not.
   */
  mayBeStored?: boolean;
}

/** What one request to the server came to. */
export type SendOutcome =
  /** The server stored it. `pending`: held for moderation. `duplicate`: an earlier attempt had landed. */
  | { kind: 'posted'; status: 'approved' | 'pending' | 'duplicate'; id?: string }
  /** The server refused it: the reader must change something. Never retried. */
  | { kind: 'rejected'; fieldErrors: FieldErrors; formError?: FormError }
  /** Worth trying again later: the comment stays in the draft and, after the retries, the outbox. */
  | {
      kind: 'retry';
      reason: 'network' | 'timeout' | 'server-error' | 'rate-limited' | 'flood';
      /** Milliseconds the server asked to wait (Retry-After, or the flood rule). */
      retryAfterMs?: number;
      status?: number;
    }
  /** A 2xx answer that could not be read: it probably landed, so it must never be re-posted blindly. */
  | { kind: 'unconfirmed'; status: number };
