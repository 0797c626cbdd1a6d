/**
 * Sees one comment through to the server's answer, for the comment's lifecycle
 * (comment-lifecycle.ts): attempts with backoff as the retry policy says, one tab at a
 * time sending it, and the outbox from its first failed attempt, so closing the page
 * during a retry loses nothing; it leaves the outbox once the server has answered for it.
 * What came of it is a value: the promise never rejects.
 */
import type { CommentSubmission, SendOutcome } from './comment.js';
import type { StoredOutbox } from './comment-store.js';
import { sendComment } from './comment-transport.js';
import { retryDelay } from './retry-policy.js';

/** How a delivery ended, as far as this tab can tell. */
export type DeliveryResult =
  /** The server answered for the comment: posted, refused, or posted as far as can be told. */
  | Exclude<SendOutcome, { kind: 'retry' }>
  /** Not sent yet: it waits in the outbox (offline, or the retries ran out). */
  | { kind: 'queued' }
  /** Another tab is sending it right now. */
  | { kind: 'sending-elsewhere' }
  /** Another tab sent it already: it has left the outbox. */
  | { kind: 'sent-elsewhere' }
  /** The element left the page: the waits and requests stopped; the outbox keeps the comment if it needed to. */
  | { kind: 'interrupted' };

/** What a delivery is doing: sending, or waiting `waitMs` for its next attempt. */
export type DeliveryProgress = { phase: 'sending' } | { phase: 'retry-wait'; waitMs: number };

export interface DeliveryOptions {
  outbox: StoredOutbox;
  /** Stops the waits and requests (the element left the page). */
  signal: AbortSignal;
  /** Sent from the outbox: one attempt, no retries, as the outbox has rounds of its own. */
  fromOutbox: boolean;
  /** Told before each attempt and each wait. */
  progress: (progress: DeliveryProgress) => void;
}

type LockManager = {
  request(name: string, options: { ifAvailable: boolean }, callback: (lock: unknown) => Promise<void>): Promise<void>;
};

/** Sends `submission` (its `attempts` counts each request) until the server answers for it, or it waits in the outbox. */
export async function deliverComment(submission: CommentSubmission, options: DeliveryOptions): Promise<DeliveryResult> {
  let result: DeliveryResult = { kind: 'sending-elsewhere' };
  let started = false;
  const run = async (lock: unknown) => {
    if (!lock) return;
    started = true;
    // Another tab may have sent it between the outbox being read and the lock being taken.
    const { outbox, fromOutbox } = options;
    if (fromOutbox && !(await outbox.list()).some((entry) => entry.id === submission.id))
      result = { kind: 'sent-elsewhere' };
    else result = await attemptUntilAnswered(submission, options);
  };
  try {
    // Another tab sending the same comment (both sending the outbox when the network
    // returns) would post it twice: the Web Locks API lets exactly one of them send.
    const locks = (navigator as { locks?: LockManager }).locks;
    if (!locks) await run(true);
    else {
      await locks
        .request(`news-widgets:comment:${submission.id}`, { ifAvailable: true }, run)
        .catch((error: unknown) => {
          // Where no lock can be had (some sandboxed frames refuse them), it is sent without one.
          if (started) throw error;
          return run(true);
        });
    }
  } catch {
    // Aborted; or a request failed in an unforeseen way, and the comment waits in the outbox (if it got there) for a later round.
    result = { kind: options.signal.aborted ? 'interrupted' : 'queued' };
  }
  return result;
}

/** Rejects only when the signal aborts (from `sendComment`). */
async function attemptUntilAnswered(
  submission: CommentSubmission,
  { outbox, signal, fromOutbox, progress }: DeliveryOptions,
): Promise<DeliveryResult> {
  let inOutbox = fromOutbox;
  let rechecked = false;
  for (;;) {
    if (signal.aborted) return { kind: 'interrupted' };
    submission.attempts++;
    progress({ phase: 'sending' });
    const outcome = await sendComment(submission, signal);
    // The server answered 2xx but unreadably: the comment probably landed. Sending it once
    // more is safe (the Idempotency-Key, or WordPress's duplicate check, tells us); if that
    // is unreadable too, the reader decides, with the text still in the form.
    if (outcome.kind === 'unconfirmed' && !rechecked) {
      rechecked = true;
      continue;
    }
    if (outcome.kind !== 'retry') {
      if (inOutbox) await outbox.delete(submission.id);
      return outcome;
    }
    await outbox.put(submission);
    inOutbox = true;
    const delay = navigator.onLine === false || fromOutbox ? undefined : retryDelay(outcome, submission.attempts);
    if (delay === undefined) return { kind: 'queued' };
    progress({ phase: 'retry-wait', waitMs: delay });
    if (!(await wait(delay, signal))) return { kind: 'interrupted' };
  }
}

/** Resolves true after `ms`, or false as soon as `signal` aborts. */
function wait(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const stop = () => (clearTimeout(timer), resolve(false));
    const timer = setTimeout(() => (signal.removeEventListener('abort', stop), resolve(true)), ms);
    signal.addEventListener('abort', stop, { once: true });
  });
}
