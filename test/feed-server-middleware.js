/**
 * Routes the browser tests fetch feeds from, on the test runner's own loopback server:
 * the real corpus files as they are, and the failures a reader can meet (error
 * statuses with HTML bodies, wrong content types, slow answers), produced for real.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const corpusRoot = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
const demoRoot = fileURLToPath(new URL('../demo/', import.meta.url));
const POST_60 = 'wordpress/frontity__frontity__packages__wp-source__src__libraries__schemas____tests____mocks__post-60.json';
const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Koa middleware for @web/test-runner's dev server. */
export async function feedServerMiddleware(ctx, next) {
  const url = new URL(ctx.url, 'http://127.0.0.1');
  const path = url.pathname;
  if (path.startsWith('/corpus/')) {
    const name = decodeURIComponent(path.slice('/corpus/'.length));
    if (name.includes('..')) return void (ctx.status = 400);
    ctx.type = url.searchParams.get('type') ?? 'application/json';
    ctx.body = await readFile(corpusRoot + name);
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
  if (path === '/feeds/body') {
    // Any body with any content type, as given by the test.
    await wait(Number(url.searchParams.get('delay') ?? 0));
    ctx.type = url.searchParams.get('type') ?? 'application/json';
    ctx.body = url.searchParams.get('body') ?? '';
    return;
  }
  // Anything else outside the runner's own files is an image or link from a test article
  // (many from the XSS corpus): answer 404 at once rather than logging a decode error.
  if (path !== '/' && !/^\/(src|test|dist|node_modules|__w|api|comments|wp-json)/.test(path)) return void (ctx.status = 404);
  await next();
}
