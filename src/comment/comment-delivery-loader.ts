/**
 * Brings in the code that sends comments (comment-delivery.ts with comment-transport.ts,
 * a chunk of its own) when a comment is first sent, and earlier, when it will likely be
 * needed: on the reader's first focus or input in the form, or once the page is idle,
 * whichever comes first. A download that fails is tried again on the next call.
 */
import { retryingImport } from '../shared/retrying-import.js';

/** The delivery module; rejects when it cannot be downloaded (the next call tries again). */
export const loadDelivery = retryingImport(() => import('./comment-delivery.js'), import.meta.url);

let preloading = false;

/** Starts the download now, once per page (not per keystroke); a failure shows only when a comment is sent. */
export function preloadDelivery(): void {
  if (preloading) return;
  preloading = true;
  loadDelivery().catch(() => {});
}

/** Runs `callback` once the page is idle (WebKit has no `requestIdleCallback`: a timer stands in). */
export function whenIdle(callback: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(callback, { timeout: 3000 });
  else setTimeout(callback, 1000);
}

/** Starts the download once the page is idle. */
export const preloadDeliveryWhenIdle = (): void => whenIdle(preloadDelivery);
