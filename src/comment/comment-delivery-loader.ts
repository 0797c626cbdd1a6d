/**
 * Brings in the code that sends comments (comment-delivery.ts with comment-transport.ts,
 * a chunk of its own) when a comment is first sent, and earlier, when it will likely be
 * needed: on the reader's first focus or input in the form, or once the page is idle,
 * whichever comes first. A download that fails is tried again on the next call.
 */
type Delivery = typeof import('./comment-delivery.js');

const importDelivery = (): Promise<Delivery> => import('./comment-delivery.js');

let delivery: Promise<Delivery> | undefined;
let failures = 0;

/** The delivery module; rejects when it cannot be downloaded (the next call tries again). */
export function loadDelivery(): Promise<Delivery> {
  delivery ??= (failures ? importAgain() : importDelivery()).catch((error: unknown) => {
    delivery = undefined;
    failures++;
    throw error;
  });
  return delivery;
}

/**
 * A browser may keep a failed import in its module map and fail each import of that URL
 * again without a request: a retry asks for the chunk under a URL of its own. That URL is
 * the one the bundler wrote into `importDelivery` (the hashed chunk in the bundle).
 */
function importAgain(): Promise<Delivery> {
  const specifier = /import\(\s*(["'`])([^"'`]+)\1/.exec(String(importDelivery))?.[2];
  if (!specifier) return importDelivery();
  const url = new URL(specifier, import.meta.url);
  url.searchParams.set('retry', String(failures));
  return import(/* @vite-ignore */ url.href) as Promise<Delivery>;
}

let preloading = false;

/** Starts the download now, once per page (not per keystroke); a failure shows only when a comment is sent. */
export function preloadDelivery(): void {
  if (preloading) return;
  preloading = true;
  loadDelivery().catch(() => {});
}

/** Starts the download once the page is idle (WebKit has no `requestIdleCallback`: a timer stands in). */
export function preloadDeliveryWhenIdle(): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(preloadDelivery, { timeout: 3000 });
  else setTimeout(preloadDelivery, 1000);
}
