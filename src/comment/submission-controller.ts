/**
 * Sends comments for a `<comment-form>` and sees each one through: one comment in
 * flight at a time, retries with backoff, then the outbox (kept in the draft store)
 * until the reader is back online or comes back to the page. A comment is in the
 * outbox from its first failed attempt, so closing the page during a retry loses
 * nothing; it leaves the outbox only when the server has answered for it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CommentSubmission, SendOutcome } from './comment.js';
import { sendComment } from './comment-transport.js';
import type { CommentStore } from './comment-store.js';
import { outboxRetryDelay, retryDelay } from './retry-policy.js';

export type SubmissionPhase = 'idle' | 'sending' | 'retry-wait' | 'queued';

/** How a submission ended, as far as this tab can tell. */
export type SubmissionResult = SendOutcome | { kind: 'queued' } | { kind: 'sending-elsewhere' };

type LockManager = { request(name: string, options: { ifAvailable: boolean }, callback: (lock: unknown) => Promise<void>): Promise<void> };

export class SubmissionController implements ReactiveController {
  phase: SubmissionPhase = 'idle';
  /** Seconds until the next attempt, while `phase` is `retry-wait`. */
  retryInSeconds = 0;

  readonly #host: ReactiveControllerHost;
  readonly #store: () => CommentStore;
  readonly #settled: (submission: CommentSubmission, result: SubmissionResult) => void;
  #inFlight: string | undefined;
  #abort = new AbortController();
  #outboxTimer: ReturnType<typeof setTimeout> | undefined;
  #outboxKey: string | undefined;
  #outboxRounds = 0;

  constructor(
    host: ReactiveControllerHost,
    store: () => CommentStore,
    settled: (submission: CommentSubmission, result: SubmissionResult) => void,
  ) {
    (this.#host = host).addController(this);
    this.#store = store;
    this.#settled = settled;
  }

  /** True while a comment is being sent or waits for its next attempt. */
  get busy(): boolean {
    return this.#inFlight !== undefined;
  }

  hostConnected(): void {
    this.#abort = new AbortController();
    addEventListener('online', this.#onOnline);
  }

  hostDisconnected(): void {
    // Waits and requests stop; the comment is already in the outbox if it needed to be.
    this.#abort.abort();
    clearTimeout(this.#outboxTimer);
    removeEventListener('online', this.#onOnline);
  }

  /** Sends a new comment. A second call while one is in flight is ignored (double clicks, Enter twice). */
  async submit(submission: CommentSubmission): Promise<void> {
    if (this.#inFlight) return;
    await this.#send(submission, false);
  }

  /** Sends what waits in the outbox for this draft key (on connect, on `online`, on a timer). */
  async flushOutbox(draftKey: string): Promise<void> {
    this.#outboxKey = draftKey;
    clearTimeout(this.#outboxTimer);
    if (this.#inFlight) return;
    const waiting = (await this.#store().outbox.list()).filter((entry) => entry.draftKey === draftKey);
    for (const submission of waiting) await this.#send(submission, true);
    if (waiting.length && this.phase === 'queued') this.#scheduleOutbox();
  }

  async #send(submission: CommentSubmission, fromOutbox: boolean): Promise<void> {
    this.#inFlight = submission.id;
    try {
      // Another tab sending the same comment (both flushing the outbox when the network
      // returns) would post it twice: the Web Locks API lets exactly one of them send.
      const locks = (navigator as { locks?: LockManager }).locks;
      let sent = false;
      const run = async (lock: unknown) => {
        if (!lock) return;
        sent = true;
        // After waiting for the lock, the comment may have been sent by another tab already.
        if (fromOutbox && !(await this.#store().outbox.list()).some((entry) => entry.id === submission.id)) return;
        await this.#attemptUntilSettled(submission, fromOutbox);
      };
      if (locks) await locks.request(`news-widgets:comment:${submission.id}`, { ifAvailable: true }, run);
      else await run(true);
      if (!sent) this.#finish(submission, { kind: 'sending-elsewhere' }, 'queued');
    } catch (error) {
      // Only an abort (the form left the page) gets here; the outbox keeps the comment.
      if (!this.#abort.signal.aborted) throw error;
    } finally {
      this.#inFlight = undefined;
      this.#host.requestUpdate();
    }
  }

  async #attemptUntilSettled(submission: CommentSubmission, fromOutbox: boolean): Promise<void> {
    const signal = this.#abort.signal;
    let inOutbox = fromOutbox;
    let rechecked = false;
    for (;;) {
      submission.attempts++;
      this.#setPhase('sending');
      const outcome = await sendComment(submission, signal);
      if (outcome.kind === 'posted' || outcome.kind === 'rejected') {
        if (inOutbox) await this.#store().outbox.delete(submission.id);
        this.#finish(submission, outcome, 'idle');
        return;
      }
      if (outcome.kind === 'unconfirmed') {
        // The server answered 2xx but unreadably: the comment probably landed. Sending it
        // once more is safe (the Idempotency-Key, or WordPress's duplicate check, tells us);
        // if that is unreadable too, the reader decides, with the text still in the form.
        if (!rechecked) {
          rechecked = true;
          continue;
        }
        if (inOutbox) await this.#store().outbox.delete(submission.id);
        this.#finish(submission, outcome, 'idle');
        return;
      }
      if (!inOutbox) inOutbox = (await this.#store().outbox.put(submission)).ok;
      else await this.#store().outbox.put(submission);
      const delay = navigator.onLine === false || fromOutbox ? undefined : retryDelay(outcome, submission.attempts);
      if (delay === undefined) {
        this.#finish(submission, { kind: 'queued' }, 'queued');
        this.#scheduleOutbox();
        return;
      }
      this.retryInSeconds = Math.ceil(delay / 1000);
      this.#setPhase('retry-wait');
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, delay);
        signal.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
      });
    }
  }

  #finish(submission: CommentSubmission, result: SubmissionResult, phase: SubmissionPhase): void {
    this.#setPhase(phase);
    if (phase !== 'queued') this.#outboxRounds = 0;
    this.#settled(submission, result);
  }

  #scheduleOutbox(): void {
    const key = this.#outboxKey;
    if (!key) return;
    clearTimeout(this.#outboxTimer);
    this.#outboxTimer = setTimeout(() => void this.flushOutbox(key), outboxRetryDelay(this.#outboxRounds++));
  }

  #onOnline = (): void => {
    if (this.#outboxKey) void this.flushOutbox(this.#outboxKey);
  };

  #setPhase(phase: SubmissionPhase): void {
    this.phase = phase;
    this.#host.requestUpdate();
  }
}
