/**
 * Comment endpoints the browser tests post to, on the test runner's loopback server:
 * the json protocol of <comment-form> (docs/json-protocol.md) and a WordPress REST
 * `/wp/v2/comments` that answers with WordPress's own status codes, bodies and CORS
 * headers, plus switches that make either fail the ways real servers and networks
 * do. Comments are kept in memory, and tests read back how many arrived.
 *
 * Routes
 *   POST /comments/json              json protocol: 201 {id, status}; 409 {id, status} for an Idempotency-Key
 *                                    seen before; 400 {message} without a key; 422 {errors} for no content or a bad email
 *   POST /wp-json/wp/v2/comments     WordPress: 201 with the comment, or WordPress's error for each rule below
 *   GET  /comments/_count?…          {count, comments}: the stored comments matching every filter given:
 *                                    route (json|wordpress), key (Idempotency-Key), content, post, email
 *   POST /comments/_reset?…          forgets the matching comments; without filters, every comment, failure count and flood time.
 *                                    Test files run at the same time share this store: filter by something unique.
 *
 * The WordPress route, in WordPress's order: a nonce other than `wp-test-nonce` is refused (rest_cookie_invalid_nonce,
 * 403) and that nonce signs the reader in; an invalid author_email gets rest_invalid_param; post 0 or missing and
 * post 404 do not exist (rest_comment_invalid_post_id, 403 and 404); post 13 has comments closed, 15 requires
 * sign-in, 16 is a draft, 17 is in the trash; name and email are required, content must not be blank, lengths are
 * WordPress's in bytes (*_column_length); the same content by the same author on the same post and parent is
 * comment_duplicate (409); with `?flood`, a second comment by one email within 15 s is comment_flood (400);
 * post 14 holds comments for moderation (status "hold").
 *
 * Switches, in the query string of either POST route
 *   fail=<status>         answer that status (body from `body=`, type from `type=`, else a JSON error)
 *   fail=hang             never answer, until the client gives up
 *   fail=network-reset    drop the connection without an answer
 *   fail=php-notice       store the comment and answer with a PHP notice printed before the JSON
 *   fail=cut-body         store the comment, send the 2xx headers, then drop the connection mid-body
 *   times=<n>             fail only the first n requests for a comment (same Idempotency-Key, or same body)
 *   landed                store the comment before failing: the answer is lost, not the request
 *   retryAfter=<value>    send Retry-After with the failure
 *   delay=<ms>            wait before answering
 *   status=pending        (json) hold the comment for moderation
 *   flood                 (wordpress) apply the flood rule
 */
import { readFile } from 'node:fs/promises';

const corpusRoot = new URL('./fixtures/corpus/wordpress/', import.meta.url);
const COMMENT_MODEL = 'WordPress__wordpress-develop__tests__qunit__fixtures__wp-api-generated__CommentModel.json';
const WP_NONCE = 'wp-test-nonce';
const WP_LIMITS = {
  author_name: ['comment_author', 245],
  author_email: ['comment_author_email', 100],
  author_url: ['comment_author_url', 200],
  content: ['comment_content', 65525],
};
const WP_CORS = {
  'Access-Control-Allow-Methods': 'OPTIONS, GET, POST, PUT, PATCH, DELETE',
  'Access-Control-Allow-Headers': 'Authorization, X-WP-Nonce, Content-Disposition, Content-MD5, Content-Type',
  'Access-Control-Expose-Headers': 'X-WP-Total, X-WP-TotalPages, Link',
};
const JSON_CORS = {
  'Access-Control-Allow-Methods': 'POST',
  'Access-Control-Allow-Headers': 'Content-Type, Idempotency-Key',
  'Access-Control-Expose-Headers': 'Retry-After',
};
const PHP_NOTICE =
  '<br />\n<b>Notice</b>:  Undefined index: rating in <b>/var/www/html/wp-content/plugins/stars/stars.php</b> on line <b>41</b><br />\n';
const FLOOD_MS = 15_000;

let comments = [];
let nextId = 1;
/** Failures served so far per comment, for `times`. */
let failures = new Map();
/** When each author email last commented, for the flood rule. */
let lastCommentAt = new Map();

const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const bytes = (text) => Buffer.byteLength(String(text ?? ''), 'utf8');
const wpError = (status, code, message, extra = {}) => ({
  status,
  body: { code, message, data: { status, ...extra } },
});

export function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function matches(comment, filters) {
  return ['route', 'key', 'content', 'post', 'email'].every(
    (name) => !filters.has(name) || String(comment[name]) === filters.get(name),
  );
}

function store(fields) {
  const comment = { id: nextId++, receivedAt: Date.now(), ...fields };
  comments.push(comment);
  return comment;
}

/** The json protocol: one comment per Idempotency-Key. */
function handleJson(ctx, body, url) {
  const key = ctx.get('Idempotency-Key');
  if (!key) return { status: 400, body: { message: 'The Idempotency-Key header is required.' } };
  if (!body || typeof body !== 'object') return { status: 400, body: { message: 'The body is not a JSON object.' } };
  const earlier = comments.find((comment) => comment.route === 'json' && comment.key === key);
  if (earlier) return { status: 409, body: { id: String(earlier.id), status: earlier.status } };
  const text = (value) => (typeof value === 'string' ? value.trim() : '');
  const errors = {};
  if (!text(body.content)) errors.content = 'Enter your comment.';
  if (text(body.email) && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text(body.email)))
    errors.email = 'That email address does not look right.';
  if (Object.keys(errors).length) return { status: 422, body: { errors } };
  const status = url.searchParams.get('status') === 'pending' ? 'pending' : 'approved';
  const comment = store({
    route: 'json',
    key,
    post: body.postId,
    parent: body.parentId,
    name: text(body.name),
    email: text(body.email),
    url: text(body.url),
    content: text(body.content),
    status,
    headers: ctx.headers,
  });
  return { status: 201, body: { id: String(comment.id), status } };
}

/** WordPress's checks, in the order WP_REST_Comments_Controller makes them. */
async function handleWordPress(ctx, body, url) {
  if (!body || typeof body !== 'object') return wpError(400, 'rest_invalid_json', 'Invalid JSON body passed.');
  const nonce = ctx.get('X-WP-Nonce');
  if (nonce && nonce !== WP_NONCE) return wpError(403, 'rest_cookie_invalid_nonce', 'Cookie check failed');
  const signedIn = nonce === WP_NONCE;
  const email = String(body.author_email ?? '');
  if (email && !/^[\w!#$%&'*+/=?^`{|}~.-]+@[a-z\d-]+(\.[a-z\d-]+)+$/i.test(email)) {
    return wpError(400, 'rest_invalid_param', 'Invalid parameter(s): author_email', {
      params: { author_email: 'Invalid email address.' },
      details: { author_email: { code: 'rest_invalid_email', message: 'Invalid email address.', data: null } },
    });
  }
  const post = Number(body.post) || 0;
  const parent = Number(body.parent) || 0;
  if (!post)
    return wpError(
      403,
      'rest_comment_invalid_post_id',
      'Sorry, you are not allowed to create this comment without a post.',
    );
  if (post === 404) return wpError(404, 'rest_comment_invalid_post_id', 'Invalid post ID.');
  if (post === 16)
    return wpError(403, 'rest_comment_draft_post', 'Sorry, you are not allowed to create a comment on this post.');
  if (post === 17)
    return wpError(403, 'rest_comment_trash_post', 'Sorry, you are not allowed to create a comment on this post.');
  if (post === 13) return wpError(403, 'rest_comment_closed', 'Sorry, comments are closed for this item.');
  if (post === 15 && !signedIn)
    return wpError(401, 'rest_comment_login_required', 'Sorry, you must be logged in to comment.');
  const name = String(body.author_name ?? '');
  if (!signedIn && (!name || !email)) {
    return wpError(
      400,
      'rest_comment_author_data_required',
      'Creating a comment requires valid author name and email values.',
    );
  }
  const content = String(body.content ?? '');
  if (!content.trim()) return wpError(400, 'rest_comment_content_invalid', 'Invalid comment content.');
  for (const [param, [column, limit]] of Object.entries(WP_LIMITS)) {
    if (bytes(body[param]) > limit)
      return wpError(400, `${column}_column_length`, 'Comment field exceeds maximum length allowed.');
  }
  const isDuplicate = comments.some(
    (comment) =>
      comment.route === 'wordpress' &&
      comment.post === post &&
      comment.parent === parent &&
      comment.content === content &&
      ((name && comment.name === name) || (email && comment.email === email)),
  );
  if (isDuplicate) {
    return wpError(
      409,
      'comment_duplicate',
      'Duplicate comment detected; it looks as though you&#8217;ve already said that!',
    );
  }
  if (url.searchParams.has('flood') && Date.now() - (lastCommentAt.get(email) ?? -Infinity) < FLOOD_MS) {
    return wpError(400, 'comment_flood', 'You are posting comments too quickly. Slow down.');
  }
  lastCommentAt.set(email, Date.now());
  const status = post === 14 ? 'hold' : 'approved';
  const comment = store({
    route: 'wordpress',
    post,
    parent,
    name,
    email,
    url: String(body.author_url ?? ''),
    content,
    status,
    headers: ctx.headers,
  });
  // WordPress's own answer, shaped like its fixture of a created comment.
  const model = JSON.parse(await readFile(new URL(COMMENT_MODEL, corpusRoot), 'utf8'));
  const answer = {
    ...model,
    id: comment.id,
    post,
    parent,
    author_name: name,
    author_url: comment.url,
    content: { rendered: `<p>${content.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)}</p>\n` },
    link: `http://127.0.0.1/?p=${post}#comment-${comment.id}`,
    status,
  };
  return { status: 201, body: answer };
}

/** Answers `handle`'s result, or the failure the query string asks for. */
async function respond(ctx, url, counterKey, handle, defaultFailureBody) {
  const fail = url.searchParams.get('fail');
  const times = url.searchParams.get('times');
  const served = failures.get(counterKey) ?? 0;
  const failing = fail && (times === null || served < Number(times));
  if (failing) failures.set(counterKey, served + 1);
  await wait(Number(url.searchParams.get('delay') ?? 0));
  const landsFirst = !failing || fail === 'php-notice' || fail === 'cut-body' || url.searchParams.has('landed');
  const answer = landsFirst ? await handle() : undefined;
  ctx.set('Cache-Control', 'no-store');
  if (!failing) {
    ctx.status = answer.status;
    ctx.body = answer.body;
    return;
  }
  if (fail === 'php-notice') {
    ctx.status = answer.status;
    ctx.type = 'application/json; charset=UTF-8';
    ctx.body = PHP_NOTICE + JSON.stringify(answer.body);
  } else if (fail === 'cut-body' || fail === 'network-reset' || fail === 'hang') {
    ctx.respond = false;
    const res = ctx.res;
    if (fail === 'hang') {
      // Until the client gives up, or a minute at most; then the connection drops.
      await new Promise((resolve) => (res.once('close', resolve), setTimeout(resolve, 60_000)));
      ctx.req.socket.destroy();
    } else if (fail === 'network-reset') ctx.req.socket.destroy();
    else {
      const text = JSON.stringify(answer.body);
      res.writeHead(answer.status, { 'Content-Type': 'application/json', 'Content-Length': String(bytes(text) + 100) });
      res.write(text.slice(0, 10));
      // Let the headers and the first bytes reach the browser before the connection drops.
      setTimeout(() => ctx.req.socket.destroy(), 100);
    }
  } else {
    const status = Number(fail);
    if (url.searchParams.has('retryAfter')) ctx.set('Retry-After', url.searchParams.get('retryAfter'));
    ctx.status = status;
    if (url.searchParams.has('body')) {
      ctx.type = url.searchParams.get('type') ?? 'application/json';
      ctx.body = url.searchParams.get('body');
    } else ctx.body = defaultFailureBody(status);
  }
}

function allowOrigin(ctx, cors) {
  const origin = ctx.get('Origin');
  if (origin)
    ctx.set({
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Allow-Credentials': 'true',
      Vary: 'Origin',
      ...cors,
    });
}

/** Koa middleware for @web/test-runner's dev server. */
export async function commentServerMiddleware(ctx, next) {
  const url = new URL(ctx.url, 'http://127.0.0.1');
  const path = url.pathname;
  const route = path === '/comments/json' ? 'json' : /\/wp\/v2\/comments\/?$/.test(path) ? 'wordpress' : undefined;
  if (route) {
    allowOrigin(ctx, route === 'json' ? JSON_CORS : WP_CORS);
    if (ctx.method === 'OPTIONS') return void (ctx.status = 200);
    if (ctx.method !== 'POST') return void (ctx.status = 405);
    const text = await readBody(ctx.req);
    const body = parseJson(text);
    const counterKey = `${route}:${ctx.get('Idempotency-Key') || text}`;
    if (route === 'json') {
      return respond(
        ctx,
        url,
        counterKey,
        () => handleJson(ctx, body, url),
        (status) => ({ message: `Failed on purpose (${status}).` }),
      );
    }
    return respond(
      ctx,
      url,
      counterKey,
      () => handleWordPress(ctx, body, url),
      (status) =>
        status >= 500
          ? {
              code: 'internal_server_error',
              message: '<p>There has been a critical error on this website.</p>',
              data: { status },
              additional_errors: [],
            }
          : { code: 'test_failure', message: `Failed on purpose (${status}).`, data: { status } },
    );
  }
  if (path === '/comments/_count' && ctx.method === 'GET') {
    const found = comments.filter((comment) => matches(comment, url.searchParams));
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { count: found.length, comments: found };
    return;
  }
  if (path === '/comments/_reset' && ctx.method === 'POST') {
    comments = url.search ? comments.filter((comment) => !matches(comment, url.searchParams)) : [];
    if (!url.search) [failures, lastCommentAt] = [new Map(), new Map()];
    ctx.status = 204;
    return;
  }
  await next();
}
