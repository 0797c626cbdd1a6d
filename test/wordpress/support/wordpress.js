/**
 * What every contract test against the real WordPress needs: the site
 * `scripts/wordpress.sh start` runs (its URL and fixtures, from site.json in its data
 * folder), reads of its comments through the REST API, and a page server on another
 * origin that embeds the built bundle (dist/news-widgets.js), as a news site embeds
 * WordPress content. Browser helpers are the end-to-end tests' own (test/e2e/support/demo.js).
 *
 * Not a test file itself: `node --test test/wordpress/` runs only the `*.test.js` files.
 */
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

import { launchChromium } from '../../e2e/support/demo.js';
import { commentFormStrings, fillIn } from '../../support/comment-form-strings.js';
import { newReaderContext } from '../../support/reader-context.js';

export { commentForm, eventually, focusedInForm, launchChromium, sleep, storedDrafts } from '../../e2e/support/demo.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dist = join(root, 'dist');
const dataDir = process.env.NEWS_WIDGETS_WP_DIR || join(process.env.TMPDIR || tmpdir(), 'news-widgets-wordpress');

/** The words of `<comment-form>` the tests wait for, from the source. */
export const strings = {
  ...commentFormStrings,
  retrying: (seconds) => fillIn(commentFormStrings.retrying, { seconds }),
};

/** Chromium's console errors for answers the tests cause on purpose. */
export const consoleErrors = {
  aborted: 'Failed to load resource: net::ERR_FAILED',
  badRequest: 'Failed to load resource: the server responded with a status of 400 (Bad Request)',
  forbidden: 'Failed to load resource: the server responded with a status of 403 (Forbidden)',
  conflict: 'Failed to load resource: the server responded with a status of 409 (Conflict)',
};

/**
 * The running test WordPress: its URL, fixtures and REST helpers. Fails with what to
 * do when `scripts/wordpress.sh start` has not been run.
 */
export async function wordpressSite() {
  const file = join(dataDir, 'site.json');
  const hint =
    'run the tests with npm run test:wordpress, which starts the test WordPress (see CONTRIBUTING.md, "Testing against a real WordPress")';
  if (!existsSync(file)) throw new Error(`No test WordPress: ${file} is missing; ${hint}`);
  const site = JSON.parse(readFileSync(file, 'utf8'));
  const { origin } = new URL(site.url);
  // Written as sites without pretty permalinks write them: `/?rest_route=/wp/v2/posts/4`, slashes and all.
  const rest = (route, params = {}) =>
    `${origin}/?rest_route=${route}${Object.entries(params)
      .map(([name, value]) => `&${name}=${encodeURIComponent(value)}`)
      .join('')}`;
  const admin = `Basic ${Buffer.from(`${site.admin.user}:${site.admin.applicationPassword}`).toString('base64')}`;
  const getJson = async (url, headers = {}) => {
    const response = await fetch(url, { headers });
    const body = await response.text();
    assert.equal(response.status, 200, `GET ${url}: ${body.slice(0, 300)}`);
    return JSON.parse(body);
  };
  try {
    await getJson(rest('/wp/v2/posts', { per_page: 1, _fields: 'id' }));
  } catch (error) {
    throw new Error(`The test WordPress at ${origin} does not answer (${error.message}); ${hint}`, { cause: error });
  }
  return {
    ...site,
    origin,
    /** A REST route as a plain-permalink URL: `http://127.0.0.1:8081/?rest_route=/wp/v2/...`. */
    rest,
    /** The comments endpoint as a site without pretty permalinks has it. */
    commentsEndpoint: rest('/wp/v2/comments'),
    /** A post with its embeds, as `<news-article src>` takes it. */
    postUrl: (id) => `${rest(`/wp/v2/posts/${id}`)}&_embed`,
    /** A post's page as WordPress renders it with the example theme (docs/wordpress-theme/): plain permalinks. */
    pageUrl: (id) => `${origin}/?p=${id}`,
    /** A published post found by its slug (the example theme's post: `server-rendered-comment-form`). */
    postBySlug: async (slug) => {
      const [post] = await getJson(rest('/wp/v2/posts', { slug, _fields: 'id,slug,link' }));
      assert.ok(
        post,
        `no post ${slug} in the test WordPress: run scripts/wordpress.sh start again (it installs the example theme and its post)`,
      );
      return post;
    },
    getJson,
    /** What a reader sees: the approved comments on a post. */
    publicComments: (postId) => getJson(rest('/wp/v2/comments', { post: postId, per_page: 100 })),
    /** A POST to a REST route as the admin (application password), such as a change to a user. */
    adminPost: async (route, body) => {
      const response = await fetch(rest(route), {
        method: 'POST',
        headers: { Authorization: admin, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      const text = await response.text();
      assert.ok(response.ok, `POST ${route}: ${response.status} ${text.slice(0, 300)}`);
      return JSON.parse(text);
    },
    /** Every comment on a post, held ones too, with author emails (as the admin, with an application password). */
    allComments: (postId) =>
      getJson(rest('/wp/v2/comments', { post: postId, status: 'all', context: 'edit', per_page: 100 }), {
        Authorization: admin,
      }),
  };
}

/** Text of a comment as WordPress stores it (`content.raw`, context=edit) or renders it. */
export const commentText = (comment) => comment.content.raw ?? comment.content.rendered.replace(/<[^>]+>/g, '').trim();

/** Unique per run, so that comments of earlier runs on the same server are neither duplicates nor floods. */
const run = `${Date.now().toString(36)}${process.pid.toString(36)}`;
/** A reader of their own: WordPress's flood rule applies per reader (see test/wordpress/server/mu-plugins). */
export function reader(name) {
  return { name, email: `${name.toLowerCase().replace(/\W+/g, '-')}-${run}@example.com` };
}
/** A comment text no earlier run has posted. */
export const uniqueText = (text) => `${text} (${run})`;

const types = {
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.html': 'text/html; charset=utf-8',
};

/**
 * A page server on 127.0.0.1 (a port of its own, so another origin than WordPress):
 * `/dist/*` is the built bundle, and `page(body)` makes a page that loads it.
 */
export async function startPageServer() {
  if (!existsSync(join(dist, 'news-widgets.js')))
    throw new Error('dist/news-widgets.js is missing: run `npm run build` (npm run test:wordpress does)');
  const pages = new Map();
  const server = createServer(async (req, res) => {
    const { pathname } = new URL(req.url, 'http://localhost');
    if (pages.has(pathname)) {
      res.writeHead(200, { 'Content-Type': types['.html'], 'Cache-Control': 'no-store' });
      return res.end(pages.get(pathname));
    }
    const file = normalize(join(dist, pathname.replace(/^\/dist\//, '')));
    if (pathname.startsWith('/dist/') && file.startsWith(dist)) {
      try {
        const body = await readFile(file);
        res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
        return res.end(body);
      } catch {
        /* 404 below */
      }
    }
    res.writeHead(pathname === '/favicon.ico' ? 204 : 404);
    res.end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  let count = 0;
  return {
    origin,
    /** Serves `body` in a page that loads the bundle; returns its URL. */
    page(body, { lang = 'en-GB', title = 'news-widgets against WordPress' } = {}) {
      const path = `/page-${++count}.html`;
      pages.set(
        path,
        `<!doctype html>
<html lang="${lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${title}</title>
  <script type="module" src="/dist/news-widgets.js"></script>
</head>
<body>
  <main>
${body}
  </main>
</body>
</html>
`,
      );
      return `${origin}${path}`;
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/**
 * What each test file starts: the WordPress site (checked), the page server and Chromium.
 * When one of them fails, the others are closed, so the failure ends the run instead of hanging it.
 */
export async function startAll() {
  const [wp, pages, browser] = await Promise.allSettled([wordpressSite(), startPageServer(), launchChromium()]);
  const failure = [wp, pages, browser].find(({ status }) => status === 'rejected');
  if (failure) {
    await Promise.allSettled([pages.value?.close(), browser.value?.close()]);
    throw failure.reason;
  }
  return { wp: wp.value, pages: pages.value, browser: browser.value };
}

/** Escapes text for an HTML attribute (`&_embed` in a URL, say). */
export const attr = (value) => String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * A reader's browser (see test/support/reader-context.js) that opens a URL.
 * `expectedErrors`: `{ text, url }` of console errors the test causes on purpose.
 */
export async function openReader(t, browser, options = {}) {
  const reader = await newReaderContext(t, browser, options);
  return {
    ...reader,
    async open(url) {
      const page = await reader.context.newPage();
      await page.goto(url);
      return page;
    },
  };
}

/** Waits until a `<comment-form>` knows its post (from `post-id` or its article) and has restored its draft. */
export async function formReady(page) {
  await page.waitForFunction(() => {
    const form = document.querySelector('comment-form');
    return form?.shadowRoot?.querySelector('#content') && form.effectivePostId !== undefined;
  });
}

/** Records the `comment-form-success` and `comment-form-error` events of the page's form, as `window.commentFormEvents`. */
export async function recordFormEvents(page) {
  await page.evaluate(() => {
    window.commentFormEvents = [];
    for (const type of ['comment-form-success', 'comment-form-error']) {
      document.addEventListener(type, (event) =>
        window.commentFormEvents.push({ type, status: event.status, reason: event.reason }),
      );
    }
  });
  return () => page.evaluate(() => window.commentFormEvents);
}

/** Starts WordPress's page server and Chromium for a `describe` block, and stops them after it. */
export function useWordPress(assign) {
  let started;
  before(async () => assign((started = await startAll())));
  after(async () => {
    await started?.browser.close();
    await started?.pages.close();
  });
}
