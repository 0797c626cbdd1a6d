/**
 * The two servers a site that embeds the widgets talks to, on two origins: the site
 * itself (its pages, its feed and a comment endpoint of the JSON contract, the
 * reference one in scripts/comment-endpoint.js) and a CDN that serves a copy of
 * dist/ under a versioned path, with CORS, as public CDNs do. Both bind 127.0.0.1 on
 * free ports; each records the paths asked of it, so a test can tell where every
 * chunk came from.
 *
 * Not a test file itself: `node --test test/e2e/` runs only the `*.test.js` files.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCommentEndpoint } from '../../../scripts/comment-endpoint.js';

export const root = fileURLToPath(new URL('../../../', import.meta.url));
export const distDir = join(root, 'dist');

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** A server on 127.0.0.1 whose `respond(req, res, pathname)` answers, or returns false for a 404. */
async function startServer(respond) {
  const requests = [];
  const server = createServer(async (req, res) => {
    const { pathname } = new URL(req.url, 'http://localhost');
    requests.push(pathname);
    try {
      if ((await respond(req, res, pathname)) === false) send(res, 404, 'text/plain', 'not found');
    } catch (error) {
      if (res.headersSent) res.destroy(error);
      else if (error.code === 'ENOENT' || error.code === 'EISDIR') send(res, 404, 'text/plain', 'not found');
      else send(res, 500, 'text/plain', String(error));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    requests,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

function send(res, status, type, body, headers = {}) {
  res.writeHead(status, { 'content-type': type, 'x-content-type-options': 'nosniff', ...headers });
  res.end(body);
}

/** Sends the file `relative` from inside `dir` and returns true, or false when it is not there (or outside `dir`). */
async function sendFile(res, dir, relative, headers = {}) {
  const file = normalize(join(dir, decodeURIComponent(relative)));
  if (!file.startsWith(dir + sep) || !existsSync(file)) return false;
  const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
  send(res, 200, type, await readFile(file), headers);
  return true;
}

/**
 * The site: `pages` maps a path to the HTML served there (a string, or `{ html, headers }`
 * to send response headers with it, a Content-Security-Policy say), `folders` maps a path prefix ending in `/` to a
 * local folder served as is (the longest matching prefix that has the file); everything
 * else goes to the comment endpoint at /api/comments.
 */
export async function startSite({ pages = {}, folders = {} } = {}) {
  const dataDir = await mkdtemp(join(tmpdir(), 'news-widgets-site-'));
  let endpoint = createCommentEndpoint({ file: join(dataDir, 'comments.json') });
  let generation = 0;
  // The longest prefix wins, so a folder can be mounted inside another.
  const mounts = Object.entries(folders).sort(([a], [b]) => b.length - a.length);
  const server = await startServer(async (req, res, pathname) => {
    // Browsers ask every site for one; a page without <link rel="icon"> gets this empty answer, not a 404.
    if (pathname === '/favicon.ico') return send(res, 204, 'image/x-icon', '');
    const page = pages[pathname];
    if (page !== undefined) {
      const { html, headers = {} } = typeof page === 'string' ? { html: page } : page;
      return send(res, 200, 'text/html; charset=utf-8', html, { 'cache-control': 'no-store', ...headers });
    }
    for (const [prefix, folder] of mounts) {
      if (
        pathname.startsWith(prefix) &&
        (await sendFile(res, folder, pathname.slice(prefix.length), { 'cache-control': 'no-store' }))
      )
        return true;
    }
    return new Promise((resolve) => endpoint(req, res, () => resolve(false)));
  });
  return {
    ...server,
    /** The comments the endpoint stored, as GET /api/comments lists them. */
    async comments() {
      const response = await fetch(`${server.origin}/api/comments`);
      assert.equal(response.status, 200);
      return response.json();
    },
    /** A new, empty comment endpoint. */
    resetComments() {
      endpoint = createCommentEndpoint({ file: join(dataDir, `comments-${++generation}.json`) });
    },
    async close() {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The CDN: a copy of dist/ (the built bundle and its chunks, nothing else) under each
 * of `prefixes`, with `Access-Control-Allow-Origin: *` (module scripts from another
 * origin load only with it) and long caching, as jsDelivr or unpkg serve a package.
 */
export async function startCdn({ prefixes = ['/cdn/v1/'] } = {}) {
  if (!existsSync(join(distDir, 'news-widgets.js'))) {
    throw new Error('dist/news-widgets.js is missing: run `npm run build` first (`npm test` does).');
  }
  const copyDir = await mkdtemp(join(tmpdir(), 'news-widgets-cdn-'));
  await cp(distDir, copyDir, { recursive: true });
  const server = await startServer(async (req, res, pathname) => {
    const prefix = prefixes.find((candidate) => pathname.startsWith(candidate));
    if (!prefix) return false;
    return sendFile(res, copyDir, pathname.slice(prefix.length), {
      'access-control-allow-origin': '*',
      'cross-origin-resource-policy': 'cross-origin',
      'cache-control': 'public, max-age=31536000, immutable',
    });
  });
  return {
    ...server,
    /** The folder holding the copy of dist/. */
    copyDir,
    /** The bundle's URL under `prefix`. */
    bundleUrl: (prefix = prefixes[0]) => `${server.origin}${prefix}news-widgets.js`,
    async close() {
      await server.close();
      await rm(copyDir, { recursive: true, force: true });
    },
  };
}
