import { describe, expect, it } from 'vitest';
import type { SendOutcome } from '../../../src/comment/comment.js';
import { outboxRetryDelay, RETRY_POLICY, retryDelay } from '../../../src/comment/retry-policy.js';

type Retry = Extract<SendOutcome, { kind: 'retry' }>;
const network: Retry = { kind: 'retry', reason: 'network' };
const middle = () => 0.5;
const lowest = () => 0;
const highest = () => 0.999999;

describe('retryDelay', () => {
  it('tries again after 1 s, 2 s and 4 s, then hands the comment to the outbox', () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelay(network, attempt, middle))).toEqual([1000, 2000, 4000, undefined]);
    expect(RETRY_POLICY.maxRetries).toBe(3);
  });

  it('spreads retries by up to 20% either way, so readers hit by one outage do not return together', () => {
    expect(retryDelay(network, 1, lowest)).toBe(800);
    expect(retryDelay(network, 1, highest)).toBe(1200);
    expect(retryDelay(network, 3, lowest)).toBe(3200);
    expect(retryDelay(network, 3, highest)).toBe(4800);
  });

  it('uses the same schedule for a timeout and a server error', () => {
    expect(retryDelay({ kind: 'retry', reason: 'timeout' }, 2, middle)).toBe(2000);
    expect(retryDelay({ kind: 'retry', reason: 'server-error', status: 502 }, 2, middle)).toBe(2000);
  });

  it('waits as long as the server asks, never less', () => {
    expect(retryDelay({ kind: 'retry', reason: 'rate-limited', retryAfterMs: 7000, status: 429 }, 1, highest)).toBe(
      7000,
    );
    expect(retryDelay({ kind: 'retry', reason: 'server-error', retryAfterMs: 60000, status: 503 }, 1, middle)).toBe(
      60000,
    );
    // A shorter server wait than the backoff does not hurry the retry.
    expect(retryDelay({ kind: 'retry', reason: 'rate-limited', retryAfterMs: 0, status: 429 }, 2, middle)).toBe(2000);
  });

  it('keeps the comment in the outbox when the server asks for more than a minute', () => {
    expect(
      retryDelay({ kind: 'retry', reason: 'rate-limited', retryAfterMs: 60001, status: 429 }, 1, middle),
    ).toBeUndefined();
    expect(
      retryDelay({ kind: 'retry', reason: 'server-error', retryAfterMs: 3_600_000, status: 503 }, 1),
    ).toBeUndefined();
  });

  it('waits at least 15 s after WordPress says the reader posts too quickly', () => {
    expect(retryDelay({ kind: 'retry', reason: 'flood', status: 400 }, 1, highest)).toBe(15000);
    expect(retryDelay({ kind: 'retry', reason: 'flood', retryAfterMs: 5000, status: 400 }, 1, middle)).toBe(15000);
    expect(retryDelay({ kind: 'retry', reason: 'flood', retryAfterMs: 20000, status: 429 }, 1, middle)).toBe(20000);
  });

  it('stops after three retries however the server asks', () => {
    expect(retryDelay({ kind: 'retry', reason: 'flood', retryAfterMs: 15000, status: 400 }, 4, middle)).toBeUndefined();
    expect(
      retryDelay({ kind: 'retry', reason: 'rate-limited', retryAfterMs: 1000, status: 429 }, 4, middle),
    ).toBeUndefined();
  });
});

describe('outboxRetryDelay', () => {
  it('tries an outbox comment again after 30 s, doubling up to 10 minutes', () => {
    expect([0, 1, 2, 3, 4, 5, 20].map(outboxRetryDelay)).toEqual([
      30_000, 60_000, 120_000, 240_000, 480_000, 600_000, 600_000,
    ]);
  });
});
