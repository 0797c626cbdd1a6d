import { afterEach, describe, expect, it, vi } from 'vitest';
import { newSubmissionId, newTabId } from '../../../src/comment/random-id.js';

describe('newSubmissionId', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('makes a random UUID', () => {
    const ids = new Set(Array.from({ length: 100 }, newSubmissionId));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/);
  });

  it('makes 128 random bits on an http page, where randomUUID is missing', () => {
    const { crypto } = globalThis;
    vi.stubGlobal('crypto', {
      getRandomValues: <T extends ArrayBufferView>(array: T) => crypto.getRandomValues(array),
    });
    const first = newSubmissionId();
    expect(first).toMatch(/^[\da-f]{32}$/);
    expect(newSubmissionId()).not.toBe(first);
  });
});

describe('newTabId', () => {
  it('makes 64 random bits, a new value each time', () => {
    const ids = new Set(Array.from({ length: 100 }, newTabId));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[\da-f]{16}$/);
  });
});
