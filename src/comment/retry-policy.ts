/**
 * When to try a comment again after a failure worth retrying, and when to stop and
 * keep it in the outbox instead. Pure: the caller owns the timers.
 */
import type { SendOutcome } from './comment.js';

export const RETRY_POLICY = {
  /** Retries after the first request; then the comment goes to the outbox. */
  maxRetries: 3,
  /** The first retry's wait, doubled for each one after it (1 s, 2 s, 4 s). */
  baseDelayMs: 1000,
  /** ±20%, so readers cut off by the same outage do not all come back at once. */
  jitter: 0.2,
  /** A server asking for a longer wait than this is better served by the outbox than by a reader watching a countdown. */
  maxServerWaitMs: 60_000,
  /** WordPress's flood rule refuses a second comment within 15 s, and sends no Retry-After. */
  floodWaitMs: 15_000,
  /** Outbox rounds while online: 30 s, doubling, at most 10 min. */
  outboxBaseDelayMs: 30_000,
  outboxMaxDelayMs: 600_000,
} as const;

type Retry = Extract<SendOutcome, { kind: 'retry' }>;

/** The wait the server asks for: its Retry-After, and after WordPress's flood rule at least `floodWaitMs`. */
export function serverWaitMs({ reason, retryAfterMs }: Pick<Retry, 'reason' | 'retryAfterMs'>): number {
  return Math.max(retryAfterMs ?? 0, reason === 'flood' ? RETRY_POLICY.floodWaitMs : 0);
}

/**
 * Milliseconds to wait before the next request, or `undefined` to stop retrying and
 * move the comment to the outbox. `attempt` is the number of requests made so far
 * (`submission.attempts`, so 1 after the first). A wait the server asked for is
 * honoured as a minimum.
 */
export function retryDelay(outcome: Retry, attempt: number, random: () => number = Math.random): number | undefined {
  const { maxRetries, baseDelayMs, jitter, maxServerWaitMs } = RETRY_POLICY;
  if (attempt > maxRetries) return undefined;
  const serverWait = serverWaitMs(outcome);
  if (serverWait > maxServerWaitMs) return undefined;
  const backoff = baseDelayMs * 2 ** (attempt - 1) * (1 + (random() * 2 - 1) * jitter);
  return Math.round(Math.max(serverWait, backoff));
}

/** How long an outbox entry waits before its next round while the reader is online (`rounds` so far: 0, 1, …). */
export function outboxRetryDelay(rounds: number): number {
  return Math.min(RETRY_POLICY.outboxBaseDelayMs * 2 ** rounds, RETRY_POLICY.outboxMaxDelayMs);
}

/**
 * Whether the request that failed so may have stored the comment: anything but a plain
 * refusal to take it now (WordPress's flood rule, 429, 503, 408) or a browser that is
 * offline. A dropped connection or a timeout cannot tell whether the server got that far.
 */
export function mayHaveStored(outcome: Retry, online: boolean): boolean {
  if (outcome.reason === 'flood' || outcome.reason === 'rate-limited') return false;
  if (outcome.reason === 'network') return online;
  return outcome.status !== 503 && outcome.status !== 408;
}
