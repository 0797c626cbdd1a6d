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
    // Followed even when the signal has aborted already: its rejection (an aborted fetch) is then handled here.
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
  });
}
