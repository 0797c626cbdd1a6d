/**
 * Sends one comment to the server and says what came of it, as a `SendOutcome`
 * the form can put into words: the request for each protocol (WordPress REST or
 * the README's JSON contract), and every answer a real server gives, mapped.
 * Failures are values, never rejections (only the caller's own abort throws).
 *
 * A chunk of its own, loaded on the first need to send (comment-transport-loader.ts):
 * nothing on a page's critical path may import a value from it.
 */
import type {
  CommentField,
  CommentProtocol,
  CommentSubmission,
  FieldErrors,
  FormErrorCode,
  SendOutcome,
} from './comment.js';
import { isJsonObject, type JsonObject } from '../shared/json-fields.js';
import { parseLenientJson } from '../shared/lenient-json.js';
import { textFromHtml } from '../shared/plain-text.js';
import { serverWaitMs } from './retry-policy.js';
import { COMMENT_LIMITS, normalizeCommentFields } from './validate-comment.js';
import { untilAborted } from '../shared/until-aborted.js';

/** How long one request may take before it counts as failed and is retried. */
export const COMMENT_TIMEOUT_MS = 15_000;

export interface CommentRequest {
  url: string;
  init: { method: 'POST'; headers: Record<string, string>; body: string; credentials: RequestCredentials };
}

export function buildCommentRequest(submission: CommentSubmission): CommentRequest {
  const { content, name, email, url } = normalizeCommentFields(submission.fields);
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (submission.protocol === 'json') {
    headers['Idempotency-Key'] = submission.id;
    const body = { postId: submission.postId || null, parentId: submission.parent || null, name, email, url, content };
    return {
      url: submission.endpoint,
      init: { method: 'POST', headers, body: JSON.stringify(body), credentials: 'same-origin' },
    };
  }
  // WordPress allows no other custom header in CORS (so no Idempotency-Key: retries rely on its duplicate check).
  if (submission.nonce) headers['X-WP-Nonce'] = submission.nonce;
  const body = {
    // 0, not null, when there is no post: WordPress then answers rest_comment_invalid_post_id, which the form can word.
    post: Number(submission.postId) || 0,
    parent: Number(submission.parent) || 0,
    author_name: name,
    author_email: email,
    author_url: url,
    content,
  };
  return {
    url: submission.endpoint,
    // The nonce only proves anything alongside the signed-in reader's cookies.
    init: {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      credentials: submission.nonce ? 'include' : 'same-origin',
    },
  };
}

export interface CommentResponse {
  status: number;
  retryAfter?: string | null;
  body: string;
}

/** Retry-After as milliseconds from `now`: delta-seconds or an HTTP date; undefined when absent or unreadable. */
function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  const text = value?.trim() ?? '';
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // HTTP dates start with a day name; the check keeps Date.parse's guessing away from "1.5" and the like.
  const date = /^[a-z]{3}/i.test(text) ? Date.parse(text) : NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * The answer's JSON object, or undefined for anything else (HTML, empty, arrays). An
 * error answer is read past PHP notices (WordPress's `comment_duplicate` must be
 * recognized on a noisy site too); a 2xx is not, because noise before a success means
 * the comment may be stored but is unconfirmed.
 */
function readObject(body: string, skipLeadingNoise: boolean): JsonObject | undefined {
  const value = parseLenientJson(body, skipLeadingNoise);
  return isJsonObject(value) ? value : undefined;
}

const asId = (value: unknown) => (typeof value === 'number' || typeof value === 'string' ? String(value) : undefined);
/** WordPress messages are translated strings that may carry tags and entities (`you&#8217;ve`). */
const plainMessage = (value: unknown) => (typeof value === 'string' && textFromHtml(value)) || undefined;

const WORDPRESS_PARAMS: Record<string, CommentField> = {
  author_name: 'name',
  author_email: 'email',
  author_url: 'url',
  content: 'content',
};
const WORDPRESS_TOO_LONG: Record<string, CommentField> = {
  comment_author_column_length: 'name',
  comment_author_email_column_length: 'email',
  comment_author_url_column_length: 'url',
  comment_content_column_length: 'content',
};
const WORDPRESS_FORM_ERRORS: Record<string, FormErrorCode> = {
  rest_comment_closed: 'closed',
  // A draft is not open for comments yet; a trashed post is gone as far as a reader can tell.
  rest_comment_draft_post: 'closed',
  rest_comment_trash_post: 'post-not-found',
  rest_comment_invalid_post_id: 'post-not-found',
  rest_comment_login_required: 'login-required',
  rest_cookie_invalid_nonce: 'forbidden',
};
const FORM_ERROR_CODES = new Set<unknown>(['closed', 'login-required', 'forbidden', 'post-not-found', 'rejected']);
const JSON_FIELDS = new Set<unknown>(['content', 'name', 'email', 'url']);

/**
 * What an answer means, whichever attempt it answers: a duplicate is a posted comment
 * either way (see below). `now` is for Retry-After dates.
 */
export function interpretCommentResponse(
  protocol: CommentProtocol,
  response: CommentResponse,
  { now = Date.now() }: { now?: number } = {},
): SendOutcome {
  const { status } = response;
  const body = readObject(response.body, status < 200 || status >= 300);
  const code = body?.code;
  const retryAfterMs = parseRetryAfter(response.retryAfter, now);
  const isWordPress = protocol === 'wordpress';

  if (status >= 200 && status < 300) {
    // A 2xx we cannot read probably stored the comment: never post it again blindly.
    if (!body) return { kind: 'unconfirmed', status };
    // WordPress: anything but approved ('hold', or 'spam' from Akismet) is not shown yet.
    const isPending = isWordPress ? body.status !== 'approved' : body.status === 'pending';
    return { kind: 'posted', status: isPending ? 'pending' : 'approved', id: asId(body.id) };
  }
  if (isWordPress && code === 'comment_flood') {
    return { kind: 'retry', reason: 'flood', retryAfterMs: serverWaitMs({ reason: 'flood', retryAfterMs }), status };
  }
  // WordPress's duplicate check finds the same words by the same author on the same post:
  // the comment is there, whether an earlier attempt landed (browsers may even resend a
  // POST on their own) or the reader posted it before. Either way it counts as posted.
  if (status === 409 && (!isWordPress || code === 'comment_duplicate')) {
    // A json server may repeat the first answer's status; WordPress's 409 does not say.
    const known =
      !isWordPress && (body?.status === 'approved' || body?.status === 'pending') ? body.status : 'duplicate';
    return { kind: 'posted', status: known, id: asId(body?.id) };
  }
  if (status === 429) return { kind: 'retry', reason: 'rate-limited', retryAfterMs, status };
  if (status >= 500 || status === 408) return { kind: 'retry', reason: 'server-error', retryAfterMs, status };

  const fieldErrors: FieldErrors = {};
  let formCode: FormErrorCode = 'rejected';
  const message = isWordPress
    ? plainMessage(body?.message)
    : typeof body?.message === 'string'
      ? body.message
      : undefined;
  if (isWordPress && typeof code === 'string') {
    const data = body?.data as { params?: unknown } | undefined;
    const tooLong = WORDPRESS_TOO_LONG[code];
    if (tooLong) fieldErrors[tooLong] = { code: 'too-long', limit: COMMENT_LIMITS[tooLong] };
    else if (code === 'rest_comment_author_data_required')
      Object.assign(fieldErrors, { name: { code: 'required' }, email: { code: 'required' } });
    else if (code === 'rest_comment_content_invalid') fieldErrors.content = { code: 'required' };
    else if (code === 'rest_invalid_param' && data?.params && typeof data.params === 'object') {
      for (const [param, text] of Object.entries(data.params)) {
        const field = WORDPRESS_PARAMS[param];
        // The form has its own words for a bad email or website; anything else is the server's.
        if (field === 'email' || field === 'url') fieldErrors[field] = { code: field };
        else if (field) fieldErrors[field] = { code: 'server', message: plainMessage(text) };
      }
    } else formCode = WORDPRESS_FORM_ERRORS[code] ?? 'rejected';
  } else if (!isWordPress && body?.errors && typeof body.errors === 'object') {
    for (const [field, text] of Object.entries(body.errors)) {
      // A message or a list of them (Rails and Laravel send lists).
      if (JSON_FIELDS.has(field))
        fieldErrors[field as CommentField] = { code: 'server', message: [text].flat().join(' ') };
    }
  }
  if (!isWordPress && FORM_ERROR_CODES.has(code)) formCode = code as FormErrorCode;
  // Every rejection says something: its field errors, or else a form error (without a message when the body was unreadable).
  const hasFormError =
    Object.keys(fieldErrors).length === 0 || formCode !== 'rejected' || (!isWordPress && message !== undefined);
  return { kind: 'rejected', fieldErrors, formError: hasFormError ? { code: formCode, message } : undefined };
}

/**
 * Posts one comment and resolves to what came of it. Rejects only when `signal`
 * (the caller's) aborts.
 */
export async function sendComment(
  submission: CommentSubmission,
  signal: AbortSignal,
  timeoutMs = COMMENT_TIMEOUT_MS,
): Promise<SendOutcome> {
  const { url, init } = buildCommentRequest(submission);
  const timeout = AbortSignal.timeout(timeoutMs);
  const either = AbortSignal.any([signal, timeout]);
  let response: Response | undefined;
  // Stop downloading an answer nobody waits for any more.
  const cancelBody = () => void response?.body?.cancel().catch(() => {});
  try {
    response = await untilAborted(fetch(url, { ...init, signal: either }), either);
  } catch (error) {
    if (signal.aborted) throw error;
    return { kind: 'retry', reason: timeout.aborted ? 'timeout' : 'network' };
  }
  let body = '';
  try {
    body = await untilAborted(response.text(), either, cancelBody);
  } catch (error) {
    if (signal.aborted) throw error;
    // The connection dropped mid-body: the status still counts (a 2xx is then unconfirmed, not a network failure).
  }
  return interpretCommentResponse(submission.protocol, {
    status: response.status,
    retryAfter: response.headers.get('Retry-After'),
    body,
  });
}
