import { afterEach, describe, expect, it, vi } from 'vitest';
import { untilAborted } from '../../../src/shared/until-aborted.js';

const rejections: unknown[] = [];
const onUnhandled = (reason: unknown) => rejections.push(reason);

describe('untilAborted', () => {
  afterEach(() => {
    process.off('unhandledRejection', onUnhandled);
    rejections.length = 0;
  });

  it('gives the promise’s value while the signal has not aborted', async () => {
    await expect(untilAborted(Promise.resolve('answer'), new AbortController().signal)).resolves.toBe('answer');
  });

  it('rejects with the signal’s reason as soon as it aborts, and says so to onAbort', async () => {
    const controller = new AbortController();
    const onAbort = vi.fn();
    const waiting = untilAborted(new Promise(() => {}), controller.signal, onAbort);
    controller.abort(new DOMException('The reader pressed Try now', 'AbortError'));
    await expect(waiting).rejects.toThrow('The reader pressed Try now');
    expect(onAbort).toHaveBeenCalledOnce();
  });

  // A request started with a signal aborted already (the reader pressed "Try now" as it
  // started): the page's error reporting must not hear of the aborted fetch.
  it('leaves no rejection unhandled when the signal had aborted before the promise rejects', async () => {
    process.on('unhandledRejection', onUnhandled);
    const controller = new AbortController();
    controller.abort();
    let rejectRequest!: (reason: Error) => void;
    const request = new Promise<never>((_, reject) => (rejectRequest = reject));
    await expect(untilAborted(request, controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
    rejectRequest(new DOMException('signal is aborted without reason', 'AbortError'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(rejections).toEqual([]);
  });
});
