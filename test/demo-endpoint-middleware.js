/**
 * The demo's comment endpoint (scripts/comment-endpoint.js, the json protocol's
 * reference server) mounted on the test runner, one instance per test name:
 * `/api/t/<name>/comments`, so tests running side by side never share comments.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCommentEndpoint } from '../scripts/comment-endpoint.js';

const endpoints = new Map();

export async function demoEndpointMiddleware(ctx, next) {
  const match = /^\/api\/t\/([\w-]+)\/comments/.exec(ctx.path);
  if (!match) return next();
  const name = match[1];
  if (!endpoints.has(name)) {
    const file = join(tmpdir(), `news-widgets-test-${process.pid}-${name}.json`);
    endpoints.set(name, createCommentEndpoint({ file, basePath: `/api/t/${name}/comments`, delayMs: 1500 }));
  }
  ctx.respond = false;
  await endpoints.get(name)(ctx.req, ctx.res, () => {
    ctx.res.statusCode = 404;
    ctx.res.end();
  });
}
