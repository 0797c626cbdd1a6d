/**
 * A json-protocol comment endpoint (docs/json-protocol.md) whose faults are armed while a
 * test runs, for the tests of a comment waiting to be sent and for the randomized fault
 * campaign (`npm run test:campaign`). One endpoint per name, kept in memory:
 *
 *   POST /faulty/<name>/comments   the protocol: 201 {id, status}; 409 {id, status} for an
 *                                  Idempotency-Key seen before; 400 without a key; 422 {errors}
 *                                  without content, name or email
 *   POST /faulty/<name>/faults     {"faults": ["500", …]}: the next posts, one fault each, in order
 *   POST /faulty/<name>/offline    {"offline": true|false}: while offline every post is dropped
 *                                  before it is read, as a network that is down would
 *   POST /faulty/<name>/heal       forgets the armed faults and goes online
 *   GET  /faulty/<name>/stored     {comments: [{id, key, content}], posts}: what the server stored,
 *                                  and how many posts reached it
 *   GET  /faulty/campaign-settings {runs, seed, path}: CAMPAIGN_RUNS, CAMPAIGN_SEED and CAMPAIGN_PATH
 *                                  from the environment, for `npm run test:campaign`
 *
 * Faults, each as real servers and networks fail:
 *   500, 503, 429          answer that status without storing (429 and 503 with Retry-After: 0)
 *   drop-before            drop the connection before storing
 *   drop-after             store, then drop the connection: the answer is lost
 *   500-after              store, then answer 500 (a crash after the insert)
 *   slow                   answer normally after 1.5 s
 */
import { readBody } from './comment-server-middleware.js';

const endpoints = new Map();

function endpointNamed(name) {
  let endpoint = endpoints.get(name);
  if (!endpoint) endpoints.set(name, (endpoint = { comments: [], faults: [], offline: false, posts: 0 }));
  return endpoint;
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

/** Reads the post as the protocol says: the comment it stores, or the answer refusing it. */
function readComment(key, text) {
  if (!key) return { status: 400, body: { message: 'Idempotency-Key is required' } };
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    return { status: 400, body: { message: 'The body is not JSON' } };
  }
  const errors = {};
  if (!String(body?.content ?? '').trim()) errors.content = 'Enter your comment';
  if (!String(body?.name ?? '').trim()) errors.name = 'Enter your name';
  if (!String(body?.email ?? '').includes('@')) errors.email = 'Enter your email address';
  if (Object.keys(errors).length) return { status: 422, body: { errors } };
  return { comment: { key, content: String(body.content) } };
}

async function answerPost(endpoint, req, res) {
  endpoint.posts++;
  if (endpoint.offline) return req.socket.destroy();
  const fault = endpoint.faults.shift();
  if (fault === 'drop-before') return req.socket.destroy();
  const text = await readBody(req);
  if (fault === '500' || fault === '503' || fault === '429')
    return send(
      res,
      Number(fault),
      { message: `Failing on purpose (${fault})` },
      fault === '500' ? {} : { 'Retry-After': '0' },
    );
  if (fault === 'slow') await new Promise((resolve) => setTimeout(resolve, 1500));
  const key = req.headers['idempotency-key'];
  const seen = endpoint.comments.find((comment) => comment.key === key);
  if (seen) return send(res, 409, { id: seen.id, status: 'approved' });
  const read = readComment(key, text);
  if (!read.comment) return send(res, read.status, read.body);
  const stored = { id: String(endpoint.comments.length + 1), ...read.comment };
  endpoint.comments.push(stored);
  if (fault === 'drop-after') return req.socket.destroy();
  if (fault === '500-after') return send(res, 500, { message: 'Failing on purpose after storing (500)' });
  send(res, 201, { id: stored.id, status: 'approved' });
}

export async function faultyEndpointMiddleware(ctx, next) {
  // The fault campaign's settings (`npm run test:campaign`), from the environment.
  if (ctx.path === '/faulty/campaign-settings') {
    const number = (name) => (process.env[name] ? Number(process.env[name]) : undefined);
    ctx.body = {
      runs: number('CAMPAIGN_RUNS'),
      seed: number('CAMPAIGN_SEED'),
      path: process.env.CAMPAIGN_PATH,
      replayPath: process.env.CAMPAIGN_REPLAY,
    };
    return;
  }
  const match = /^\/faulty\/([\w-]+)\/(comments|faults|offline|heal|stored)$/.exec(ctx.path);
  if (!match) return next();
  const [, name, route] = match;
  const endpoint = endpointNamed(name);
  ctx.respond = false;
  const { req, res } = ctx;
  if (route === 'stored') return send(res, 200, { comments: endpoint.comments, posts: endpoint.posts });
  if (req.method !== 'POST') return send(res, 405, { message: 'POST only' });
  if (route === 'comments') return answerPost(endpoint, req, res);
  const body = JSON.parse((await readBody(req)) || '{}');
  if (route === 'faults') endpoint.faults.push(...body.faults);
  else if (route === 'offline') endpoint.offline = !!body.offline;
  else Object.assign(endpoint, { faults: [], offline: false });
  send(res, 200, { faults: endpoint.faults, offline: endpoint.offline });
}
