/**
 * Routes the browser tests fetch feeds from, on the test runner's own loopback server:
 * the real corpus files as they are, and the failures a reader can meet (error
 * statuses with HTML bodies, wrong content types, slow answers), produced for real.
 */
import { readFile } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';

const corpusRoot = fileURLToPath(new URL('./fixtures/corpus/', import.meta.url));
const demoRoot = fileURLToPath(new URL('../demo/', import.meta.url));
const POST_60 =
  'wordpress/frontity__frontity__packages__wp-source__src__libraries__schemas____tests____mocks__post-60.json';
const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const MB = 1024 * 1024;
const PHP_NOTICES =
  '<br />\n<b>Notice</b>:  Undefined index: foo in <b>/var/www/wp-content/plugins/x.php</b> on line <b>12</b><br />\n' +
  '<br />\n<b>Deprecated</b>:  Function create_function() is deprecated in <b>/var/www/wp-content/themes/y/functions.php</b> on line <b>3</b><br />\n';
/** Keys of /feeds/stall requests already stalled once: the next request with the key is answered. */
const stalled = new Set();

/**
 * Feeds of hostile size, built from the demo article: `feed`, about 10 MB of items;
 * `article`, one item whose content is about 10 MB; `deep`, the demo feed with a field
 * no reader uses nested a million arrays deep.
 */
async function largeFeed(kind) {
  const demo = JSON.parse(await readFile(demoRoot + 'article-feed.json', 'utf8'));
  const [item] = demo.items;
  if (kind === 'feed') {
    const items = [];
    for (let size = 0, index = 0; size < 10 * MB; index++) {
      const copy = { ...item, id: `${item.id}-${index}`, url: `${item.url}?copy=${index}` };
      size += JSON.stringify(copy).length;
      items.push(copy);
    }
    return JSON.stringify({ ...demo, items });
  }
  if (kind === 'article') {
    const copies = Math.ceil((10 * MB) / item.content_html.length);
    return JSON.stringify({ ...demo, items: [{ ...item, content_html: item.content_html.repeat(copies) }] });
  }
  const depth = 1_000_000;
  const text = JSON.stringify({ ...demo, items: [{ ...item, _unused: 0 }] });
  return text.replace('"_unused":0', `"_unused":${'['.repeat(depth)}${']'.repeat(depth)}`);
}
const largeFeeds = new Map();

/** Koa middleware for @web/test-runner's dev server. */
export async function feedServerMiddleware(ctx, next) {
  const url = new URL(ctx.url, 'http://127.0.0.1');
  const path = url.pathname;
  if (path.startsWith('/corpus/')) {
    const name = decodeURIComponent(path.slice('/corpus/'.length));
    if (name.includes('..')) return void (ctx.status = 400);
    ctx.type = url.searchParams.get('type') ?? 'application/json';
    ctx.body = await readFile(corpusRoot + name);
    // `?notices`: PHP notices before the JSON, as a WordPress with display_errors on sends them.
    if (url.searchParams.has('notices')) ctx.body = Buffer.concat([Buffer.from(PHP_NOTICES), ctx.body]);
    return;
  }
  if (path === '/demo-feed.json') {
    ctx.type = 'application/feed+json';
    ctx.body = await readFile(demoRoot + 'article-feed.json');
    return;
  }
  if (path === '/wp-json/wp/v2/posts/60') {
    // A real embedded post (frontity's post-60) as WordPress serves it: the `_embedded`
    // block only when the request asks for `_embed`.
    const post = JSON.parse(await readFile(corpusRoot + POST_60, 'utf8'));
    if (!url.searchParams.has('_embed')) delete post._embedded;
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(post);
    return;
  }
  if (path === '/feeds/status') {
    // An error status with the HTML page a server or proxy would send with it.
    ctx.status = Number(url.searchParams.get('code'));
    ctx.type = 'text/html';
    ctx.body = `<!doctype html><title>${ctx.status}</title><h1>Error ${ctx.status}</h1>`;
    return;
  }
  if (path === '/feeds/stall') {
    // The first request for a key gets headers and half a feed, then nothing, never an
    // end (until the reader gives up); the next one for the key gets the whole feed.
    const key = url.searchParams.get('key') ?? '';
    const feed = await readFile(demoRoot + 'article-feed.json');
    ctx.type = 'application/feed+json';
    if (stalled.has(key)) {
      ctx.body = feed;
      return;
    }
    stalled.add(key);
    const stream = new PassThrough();
    stream.write(feed.subarray(0, feed.length / 2));
    ctx.req.on('close', () => stream.destroy());
    ctx.body = stream;
    return;
  }
  if (path === '/feeds/login-redirect') {
    // What a feed behind a login wall answers: a redirect to the sign-in page.
    ctx.redirect('/feeds/login');
    return;
  }
  if (path === '/feeds/login') {
    ctx.type = 'text/html';
    ctx.body =
      '<!doctype html><title>Log in</title><form method="post"><input name="log"><input name="pwd" type="password"></form>';
    return;
  }
  if (path === '/feeds/large') {
    const kind = url.searchParams.get('kind') ?? 'feed';
    if (!largeFeeds.has(kind)) largeFeeds.set(kind, await largeFeed(kind));
    ctx.type = 'application/feed+json';
    ctx.body = largeFeeds.get(kind);
    return;
  }
  if (path === '/feeds/body') {
    // Any body with any content type, as given by the test.
    await wait(Number(url.searchParams.get('delay') ?? 0));
    ctx.type = url.searchParams.get('type') ?? 'application/json';
    ctx.body = url.searchParams.get('body') ?? '';
    return;
  }
  // Anything else outside the runner's own files (and the demo's, whose looks tests
  // apply) is an image or link from a test article (many from the XSS corpus): answer
  // 404 at once rather than logging a decode error.
  if (path !== '/' && !/^\/(src|test|dist|demo|node_modules|__w|api|comments|wp-json)/.test(path))
    return void (ctx.status = 404);
  await next();
}
