/**
 * `promise`, or the signal's reason as soon as it aborts. WebKit does not always reject
 * a pending `fetch()` or `response.text()` when the request's signal aborts, so a server
 * that never answers, or a body that never ends, would otherwise never time out there.
 */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal, onAbort?: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const abort = () => {
      onAbort?.();
      reject(signal.reason);
    };
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}
