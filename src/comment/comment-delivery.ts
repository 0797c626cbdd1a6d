/**
 * Sees one comment through to the server's answer, for the comment's lifecycle
 * (comment-lifecycle.ts), which has put it in the outbox before the first attempt:
 * attempts with backoff as the retry policy says, one tab at a time sending it
 * (comment-lock.ts). Before each request the outbox entry says the comment may be stored
 * from then on, so a page closed mid-request leaves the truth behind; a plain refusal
 * (429, 503, offline) takes that back. Taking the comment out of the outbox once the
 * server has answered is the lifecycle's, after the draft. What came of it is a value:
 * the promise never rejects.
 */
import type { CommentSubmission, SendOutcome } from './comment.js';
import type { StoredOutbox } from './comment-store.js';
import { withCommentLock } from './comment-lock.js';
import { sendComment } from './comment-transport.js';
import { mayHaveStored, retryDelay } from './retry-policy.js';

/** How a delivery ended, as far as this tab can tell. */
export type DeliveryResult =
  /** The server answered for the comment: posted, refused, or posted as far as can be told. */
  | Exclude<SendOutcome, { kind: 'retry' }>
  /** Not sent yet: it waits in the outbox (offline, or the retries ran out). */
  | { kind: 'queued' }
  /** Another tab is sending it right now. */
  | { kind: 'sending-elsewhere' }
  /** It left the outbox before this tab could send it: another tab sent it, or the reader took it back to edit. */
  | { kind: 'sent-elsewhere' }
  /** Stopped (the element left the page, or the reader took the comment back): it is still in the outbox. */
  | { kind: 'interrupted' };

/** What a delivery is doing: sending, or waiting `waitMs` for its next attempt. */
export type DeliveryProgress = { phase: 'sending' } | { phase: 'retry-wait'; waitMs: number };

export interface DeliveryOptions {
  outbox: StoredOutbox;
  /** Stops the waits and requests. */
  signal: AbortSignal;
  /** Sent from the outbox's rounds: one attempt, no retries, as the outbox has rounds of its own. */
  fromOutbox: boolean;
  /** Told before each attempt and each wait. */
  progress: (progress: DeliveryProgress) => void;
}

/** Sends `submission`, which waits in `outbox`, until the server answers for it or the retries run out. */
export async function deliverComment(submission: CommentSubmission, options: DeliveryOptions): Promise<DeliveryResult> {
  try {
    return await withCommentLock(submission.id, { kind: 'sending-elsewhere' } as const, async () => {
      // Another tab may have sent it, or the reader taken it back, since the outbox was read.
      const waiting = await options.outbox.list();
      if (!waiting.some((entry) => entry.id === submission.id)) return { kind: 'sent-elsewhere' } as const;
      return attemptUntilAnswered(submission, options);
    });
  } catch {
    // Aborted; or storage or a request failed in an unforeseen way: the comment waits in the outbox for a later round.
    return { kind: options.signal.aborted ? 'interrupted' : 'queued' };
  }
}

/** Rejects only when the signal aborts (from `sendComment`). */
async function attemptUntilAnswered(
  submission: CommentSubmission,
  { outbox, signal, fromOutbox, progress }: DeliveryOptions,
): Promise<DeliveryResult> {
  let rechecked = false;
  for (;;) {
    if (signal.aborted) return { kind: 'interrupted' };
    const storedBefore = submission.mayBeStored;
    submission.attempts++;
    submission.mayBeStored = true;
    await outbox.put(submission);
    progress({ phase: 'sending' });
    const outcome = await sendComment(submission, signal);
    // The server answered 2xx but unreadably: the comment probably landed. Sending it once
    // more is safe (the Idempotency-Key, or WordPress's duplicate check, tells us); if that
    // is unreadable too, the reader decides, with the text still in the form.
    if (outcome.kind === 'unconfirmed' && !rechecked) {
      rechecked = true;
      continue;
    }
    if (outcome.kind !== 'retry') return outcome;
    const online = navigator.onLine !== false;
    if (!mayHaveStored(outcome, online)) {
      submission.mayBeStored = storedBefore;
      await outbox.put(submission);
    }
    const delay = !online || fromOutbox ? undefined : retryDelay(outcome, submission.attempts);
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
