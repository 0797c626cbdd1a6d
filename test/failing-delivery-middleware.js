/**
 * The code that sends comments (the chunk that src/comment/comment-delivery-loader.ts
 * imports) cannot be downloaded, for real: while the page holds the cookie
 * `failing-delivery=1`, the test runner answers that chunk's entry module
 * (`/src/comment/comment-delivery.*`, any query) with 503. Only the entry: in the bundle
 * the chunk is one file, so that is the one request that can fail. A cookie rather than
 * server state, so browsers running side by side never see each other's failures.
 * The runner lets browsers cache its files for a year: `Vary: *` keeps a copy an earlier
 * test file downloaded (or a failure) from answering for a later request without asking
 * (WebKit did; with `Vary: Cookie` only, one full Chromium run still timed out here).
 * The feed reader's chunk (src/article/feed-reader.ts) fails the same way under the cookie
 * `failing-feed-reader=1`, and `<comment-form>`'s engine (src/comment/comment-engine.ts)
 * under `failing-comment-engine=1`. The cookie's value `slow` answers after 1.5 s instead:
 * a chunk on its way while the reader goes on.
 * `GET /api/failing-chunks` answers which of these cookies the runner sees: a test sets or
 * clears one and waits until the runner sees it (test/support/failing-chunks.ts), because
 * a cookie written by `document.cookie` can reach the network after a request the page
 * makes right after it (Chromium did, under load: the chunk was answered 503 again).
 */
const FAILING_CHUNKS = [
  { path: '/src/comment/comment-delivery.', cookie: 'failing-delivery' },
  { path: '/src/comment/comment-engine.', cookie: 'failing-comment-engine' },
  { path: '/src/article/feed-reader.', cookie: 'failing-feed-reader' },
];

export async function failingDeliveryMiddleware(ctx, next) {
  if (ctx.path === '/api/failing-chunks') {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = Object.fromEntries(FAILING_CHUNKS.map(({ cookie }) => [cookie, ctx.cookies.get(cookie) ?? '']));
    return undefined;
  }
  const chunk = FAILING_CHUNKS.find(({ path }) => ctx.path.startsWith(path));
  if (!chunk) return next();
  ctx.set('Vary', '*');
  const mode = ctx.cookies.get(chunk.cookie);
  if (mode === 'slow') await new Promise((resolve) => setTimeout(resolve, 1500));
  if (mode !== '1') return next();
  ctx.status = 503;
  ctx.body = 'Service Unavailable';
}
