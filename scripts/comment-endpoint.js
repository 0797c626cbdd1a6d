/**
 * A comment endpoint that speaks the json protocol of <comment-form> (the contract
 * in docs/json-protocol.md), as Node middleware `(req, res, next)`. `npm start` mounts it at
 * /api/comments, keeping comments in a JSON file, so the demo shows the whole
 * journey; the demo's switches make it fail on purpose (500, 429, slow, offline).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** How the endpoint misbehaves, switched from the demo page; `hold` holds new comments for moderation, as a moderated site does. */
export const FAILURE_MODES = ['none', '500', '429', 'slow', 'offline', 'hold'];

const LIMITS = { name: 245, email: 100, url: 200, content: 65525 };
const bytes = (text) => Buffer.byteLength(text, 'utf8');

/** Reads a request body of at most 1 MB. */
function readBody(req) {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks = [];
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > 1_000_000) reject(new Error('too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

/** The same checks the form makes, because a server never trusts a client. */
export function validateComment(comment) {
  const errors = {};
  const text = (value) => (typeof value === 'string' ? value.trim() : '');
  if (!text(comment.content)) errors.content = 'Enter your comment';
  if (!text(comment.name)) errors.name = 'Enter your name';
  if (!text(comment.email)) errors.email = 'Enter your email address';
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text(comment.email)))
    errors.email = 'Enter an email address in the correct format, like name@example.com';
  for (const [field, limit] of Object.entries(LIMITS)) {
    if (!errors[field] && bytes(text(comment[field])) > limit)
      errors[field] = `This is too long (at most ${limit} bytes)`;
  }
  return errors;
}

/**
 * The answer to `GET ?postId=&page=&perPage=&order=` (docs/json-protocol.md): the
 * post's approved comments, one page in date order, as their public fields (never the
 * email or the key); the count of all of them in `X-Total-Count`. Without `page`, all.
 */
export function listComments(all, searchParams) {
  const postId = searchParams.get('postId');
  const order = searchParams.get('order') === 'desc' ? -1 : 1;
  const listed = all
    .filter((comment) => (postId === null || comment.postId === postId) && comment.status === 'approved')
    .sort((a, b) => order * (Date.parse(a.date) - Date.parse(b.date) || Number(a.id) - Number(b.id)));
  const page = Math.max(1, Math.trunc(Number(searchParams.get('page'))) || 1);
  const perPage = searchParams.has('page')
    ? Math.min(100, Math.max(1, Math.trunc(Number(searchParams.get('perPage'))) || 20))
    : listed.length;
  const visible = listed
    .slice((page - 1) * perPage, page * perPage)
    .map(({ id, postId: post, parentId, name, url, content, date }) => ({
      id,
      postId: post,
      parentId,
      name,
      url,
      content,
      date,
    }));
  return { total: listed.length, comments: visible };
}

/**
 * @param {{ file: string, basePath?: string, delayMs?: number, seed?: object[], holdForModeration?: (comment: Record<string, unknown>) => boolean }} options
 * `seed`: the comments the endpoint starts from while `file` does not exist, stored as it stores them
 * (`id`, `postId`, `parentId`, `name`, `url`, `content`, `date`, `status`); the first comment posted creates the file.
 * `holdForModeration` says which new comments wait for a moderator (status `pending`), given the comment as
 * posted: they are never listed until a moderator approves one (`POST <basePath>/approve` with `{ "id": "3" }`):
 * then it is listed, same id.
 */
export function createCommentEndpoint({
  file,
  basePath = '/api/comments',
  delayMs = 4000,
  seed = [],
  holdForModeration = () => false,
}) {
  let failureMode = 'none';
  let comments;
  let writing = Promise.resolve();
  const load = async () => (comments ??= await readFile(file, 'utf8').then(JSON.parse, () => structuredClone(seed)));
  const save = () =>
    (writing = writing.then(async () => {
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, JSON.stringify(comments, null, 2));
    }));

  return async function commentEndpoint(req, res, next) {
    const url = new URL(req.url, 'http://localhost');
    if (url.pathname === `${basePath}/failure-mode`) {
      if (req.method === 'POST') {
        const mode = JSON.parse((await readBody(req)) || '{}').mode;
        if (FAILURE_MODES.includes(mode)) failureMode = mode;
      }
      return send(res, 200, { mode: failureMode, modes: FAILURE_MODES });
    }
    if (url.pathname === `${basePath}/approve` && req.method === 'POST') {
      const id = String(JSON.parse((await readBody(req)) || '{}').id);
      const held = (await load()).find((stored) => stored.id === id);
      if (!held) return send(res, 404, { message: `No comment ${id}.` });
      held.status = 'approved';
      await save();
      return send(res, 200, { id, status: held.status });
    }
    if (url.pathname !== basePath) return next();
    const all = await load();
    if (req.method === 'GET') {
      const { total, comments: listed } = listComments(all, url.searchParams);
      return send(res, 200, listed, { 'x-total-count': String(total) });
    }
    if (req.method !== 'POST') return send(res, 405, { message: 'Use POST to add a comment.' }, { allow: 'GET, POST' });

    if (failureMode === 'offline') return req.socket.destroy();
    if (failureMode === '500') return send(res, 500, { message: 'The comment service is down (demo switch).' });
    if (failureMode === '429')
      return send(res, 429, { message: 'Too many comments; wait a moment (demo switch).' }, { 'retry-after': '5' });
    if (failureMode === 'slow') await new Promise((resolve) => setTimeout(resolve, delayMs));

    let comment;
    try {
      comment = JSON.parse(await readBody(req));
    } catch {
      return send(res, 400, { message: 'The request is not valid JSON.' });
    }
    const errors = validateComment(comment ?? {});
    if (Object.keys(errors).length) return send(res, 422, { errors });

    // The same Idempotency-Key is the same comment: a retry after a lost answer gets
    // the first answer again and adds nothing.
    const key = req.headers['idempotency-key'];
    const earlier = key && all.find((stored) => stored.idempotencyKey === key);
    if (earlier) return send(res, 200, { id: earlier.id, status: earlier.status });

    const stored = {
      // One more than the highest id so far, seeded ones included.
      id: String(Math.max(0, ...all.map((earlier) => Number(earlier.id) || 0)) + 1),
      postId: String(comment.postId ?? ''),
      parentId: String(comment.parentId ?? '0'),
      name: comment.name.trim(),
      email: comment.email.trim(),
      url: typeof comment.url === 'string' ? comment.url.trim() : '',
      content: comment.content.trim(),
      status: failureMode === 'hold' || holdForModeration(comment) ? 'pending' : 'approved',
      date: new Date().toISOString(),
      idempotencyKey: key,
    };
    all.push(stored);
    await save();
    return send(res, 201, { id: stored.id, status: stored.status });
  };
}
