/**
 * Makes one of `<news-article>`'s or `<comment-form>`'s lazily loaded chunks fail (or come
 * late) for real: the test runner answers it with 503 (or after 1.5 s) while the page holds
 * its cookie (test/failing-delivery-middleware.js). Each call resolves once the runner sees
 * the cookie as set here: a cookie written by `document.cookie` can reach the network after
 * a request the page makes right after it (Chromium under load sent the chunk's request
 * with the cookie just cleared).
 */
export type FailingChunk = 'failing-delivery' | 'failing-comment-engine' | 'failing-feed-reader';

/** `'1'`: answered with 503; `'slow'`: answered 1.5 s late; `''`: downloaded as usual. */
export async function setChunkFailure(cookie: FailingChunk, mode: '1' | 'slow' | ''): Promise<void> {
  document.cookie = mode ? `${cookie}=${mode}; path=/` : `${cookie}=; path=/; max-age=0`;
  for (let tries = 0; ; tries++) {
    const seen = (await (await fetch('/api/failing-chunks', { cache: 'no-store' })).json()) as Record<
      FailingChunk,
      string
    >;
    if (seen[cookie] === mode) return;
    if (tries === 100) throw new Error(`the test runner still sees ${cookie}=${seen[cookie]}, not "${mode}"`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
