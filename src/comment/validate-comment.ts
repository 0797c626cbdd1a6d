/**
 * Checks a comment in the browser with the rules WordPress applies on the server,
 * so the reader learns what to fix before anything is sent; and cleans the fields
 * the way WordPress stores them.
 */
import type { CommentField, CommentFields, CommentIdentity, FieldErrors } from './comment.js';
import { utf8ByteLength } from './utf8-byte-length.js';

export { utf8ByteLength };

/** WordPress's column limits (wp_get_comment_fields_max_lengths), counted in UTF-8 bytes as the server does. */
export const COMMENT_LIMITS: Readonly<Record<CommentField, number>> = {
  content: 65525,
  name: 245,
  email: 100,
  url: 200,
};

/** WordPress's is_email, roughly: ASCII local part, at least two dot-separated labels, no edge hyphens, 6+ characters. */
const EMAIL = /^[\w!#$%&'*+/=?^`{|}~.-]+@(?:[a-z\d](?:[a-z\d-]*[a-z\d])?\.)+[a-z\d](?:[a-z\d-]*[a-z\d])?$/i;
const HTTP_URL = /^https?:\/\//i;
/** A scheme other than http(s). `example.com:8080` is a host and port, not a scheme, hence the digit look-ahead. */
const OTHER_SCHEME = /^[a-z][a-z\d+.-]*:(?!\d)/i;

/** The website as WordPress stores it: trimmed, and `http://` put before a bare domain (as esc_url does). */
export function normalizeWebsite(url: string): string {
  const trimmed = url.trim();
  return trimmed && !HTTP_URL.test(trimmed) ? `http://${trimmed}` : trimmed;
}

/**
 * The fields as they are sent: trimmed, the website normalized. A signed-in reader's
 * (identity `hidden`) name, email and website are not sent: the server takes the account's.
 */
export function normalizeCommentFields(fields: CommentFields, identity?: CommentIdentity): CommentFields {
  const hidden = identity === 'hidden';
  return {
    content: fields.content.trim(),
    name: hidden ? '' : fields.name.trim(),
    email: hidden ? '' : fields.email.trim(),
    url: hidden ? '' : normalizeWebsite(fields.url),
  };
}

function isWebsite(value: string): boolean {
  const isExplicit = HTTP_URL.test(value);
  // "me@example.com" would parse as a user name on example.com: a reader typed an email here.
  if (/\s/.test(value) || (!isExplicit && (OTHER_SCHEME.test(value) || value.includes('@')))) return false;
  try {
    const { hostname } = new URL(normalizeWebsite(value));
    // A bare word ("mysite") is not a domain; an explicit URL may name any host (http://localhost).
    return isExplicit ? hostname !== '' : /[^.]\.[^.]/.test(hostname);
  } catch {
    return false;
  }
}

/**
 * What is wrong with each field, in the form's order (comment, name, email,
 * website), so an error summary can list them as they appear. Empty when the
 * comment can be sent. With identity `hidden` (a signed-in reader) only the comment
 * is checked: the server takes the author from the account.
 */
export function validateComment(fields: CommentFields, identity: CommentIdentity): FieldErrors {
  const { content, name, email, url } = normalizeCommentFields(fields);
  const errors: FieldErrors = {};
  const checkLength = (field: CommentField, value: string) => {
    if (utf8ByteLength(value) > COMMENT_LIMITS[field])
      errors[field] = { code: 'too-long', limit: COMMENT_LIMITS[field] };
  };
  if (!content) errors.content = { code: 'required' };
  checkLength('content', content);
  if (identity === 'hidden') return errors;
  const required = identity === 'required';
  if (required && !name) errors.name = { code: 'required' };
  checkLength('name', name);
  if (required && !email) errors.email = { code: 'required' };
  else if (email && !(email.length >= 6 && EMAIL.test(email))) errors.email = { code: 'email' };
  else checkLength('email', email);
  // Judged as typed; its length counted as sent, with the `http://` WordPress would add.
  if (url && !isWebsite(fields.url.trim())) errors.url = { code: 'url' };
  else checkLength('url', url);
  return errors;
}
