/**
 * The random ids `<comment-form>` makes: a comment's Idempotency-Key and a tab's id.
 * Both come from `crypto.getRandomValues`, which, unlike `crypto.randomUUID`, also
 * exists on plain http pages.
 */

/** `bytes` random bytes as lowercase hex. */
export function randomHex(bytes: number): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (byte) => byte.toString(16).padStart(2, '0')).join(
    '',
  );
}

/** The comment's Idempotency-Key. randomUUID exists only on secure (https) pages; 128 random bits do the same job. */
export function newSubmissionId(): string {
  return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : randomHex(16);
}

/** A tab's id: 64 random bits, enough to tell the tabs of one browser apart. */
export function newTabId(): string {
  return randomHex(8);
}
