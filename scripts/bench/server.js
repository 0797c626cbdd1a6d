/**
 * The benchmark's own small HTTP server on 127.0.0.1 (not the Vite dev server, so what
 * loads is the production bundle): /dist/* from the bench's build, /reference-dist/* from the
 * reference build (an earlier commit's single bundle, for the slow-network comparison), the pages of pages.js,
 * the demo feed at /feeds/article.json, the big feed at /feeds/big.json, and the demo's
 * comment endpoint at /api/comments. Nothing is compressed on the wire: on loopback that
 * costs nothing, and sizes are measured separately, byte for byte.
 */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { createCommentEndpoint } from '../comment-endpoint.js';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/feed+json; charset=utf-8',
};
const typeOf = (path) => TYPES[path.slice(path.lastIndexOf('.'))] ?? 'application/octet-stream';

/** Starts the server; `routes` maps a path to its body. Resolves to { origin, close() }. */
export async function startBenchServer({ distDir, referenceDir, routes, commentFile }) {
  const comments = createCommentEndpoint({ file: commentFile });
  const server = createServer(async (req, res) => {
    const { pathname } = new URL(req.url, 'http://127.0.0.1');
    const send = (status, body, type) => {
      res.writeHead(status, {
        'content-type': type,
        'cache-control': 'no-store',
        'content-length': Buffer.byteLength(body),
      });
      res.end(body);
    };
    try {
      if (pathname in routes) return send(200, routes[pathname], typeOf(pathname));
      const folder = pathname.startsWith('/dist/')
        ? distDir
        : pathname.startsWith('/reference-dist/')
          ? referenceDir
          : undefined;
      if (folder) {
        // basename(): no path outside the build folder can be asked for.
        const file = basename(pathname);
        return send(200, await readFile(join(folder, file)), typeOf(file));
      }
      if (pathname.startsWith('/api/comments')) {
        return comments(req, res, () => send(404, 'not found', 'text/plain'));
      }
      send(404, 'not found', 'text/plain');
    } catch (error) {
      send(error.code === 'ENOENT' ? 404 : 500, String(error.message), 'text/plain');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(resolve);
      }),
  };
}
