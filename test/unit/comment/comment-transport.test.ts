import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CommentSubmission, SendOutcome } from '../../../src/comment/comment.js';
import { resolveProtocol } from '../../../src/comment/comment-protocol.js';
import { buildCommentRequest, interpretCommentResponse } from '../../../src/comment/comment-transport.js';

/** A real 201 body: WordPress's own fixture of a created comment. */
const createdComment = readFileSync(
  new URL(
    '../../fixtures/corpus/wordpress/WordPress__wordpress-develop__tests__qunit__fixtures__wp-api-generated__CommentModel.json',
    import.meta.url,
  ),
  'utf8',
);

const submission = (changes: Partial<CommentSubmission> = {}): CommentSubmission => ({
  id: '5f0c3a52-2f9e-4a8e-9d39-0d2c8c1a7b11',
  endpoint: 'https://news.example/wp-json/wp/v2/comments',
  protocol: 'wordpress',
  postId: '60',
  fields: { content: ' Thank you for this. ', name: ' Olena ', email: 'olena@example.com', url: 'olena.example' },
  draftKey: 'draft:https://news.example/story|post:60|parent:0',
  createdAt: 0,
  attempts: 1,
  ...changes,
});

const wpError = (code: string, message: string, status: number, extra: object = {}) =>
  JSON.stringify({ code, message, data: { status, ...extra } });
const wordpress = (status: number, body: string, options: { retryAfter?: string; now?: number } = {}): SendOutcome =>
  interpretCommentResponse('wordpress', { status, body, retryAfter: options.retryAfter }, { now: options.now });
const json = (status: number, body: unknown, options: { retryAfter?: string } = {}): SendOutcome =>
  interpretCommentResponse('json', {
    status,
    body: typeof body === 'string' ? body : JSON.stringify(body),
    retryAfter: options.retryAfter,
  });

describe('resolveProtocol', () => {
  it('speaks WordPress to a /wp/v2/comments route, pretty or plain permalinks, absolute or relative', () => {
    expect(resolveProtocol('https://news.example/wp-json/wp/v2/comments')).toBe('wordpress');
    expect(resolveProtocol('https://news.example/wp-json/wp/v2/comments/')).toBe('wordpress');
    expect(resolveProtocol('/blog/wp-json/wp/v2/comments')).toBe('wordpress');
    expect(resolveProtocol('https://news.example/?rest_route=/wp/v2/comments')).toBe('wordpress');
    expect(resolveProtocol('https://news.example/index.php?rest_route=%2Fwp%2Fv2%2Fcomments')).toBe('wordpress');
  });

  it('speaks the JSON contract to any other endpoint', () => {
    expect(resolveProtocol('https://api.news.example/comments')).toBe('json');
    expect(resolveProtocol('/api/comments')).toBe('json');
    expect(resolveProtocol('https://news.example/wp-json/wp/v2/comments/12')).toBe('json');
    expect(resolveProtocol('https://news.example/wp-json/wp/v2/posts')).toBe('json');
  });

  it('lets the protocol attribute win over the endpoint', () => {
    expect(resolveProtocol('/api/comments', 'wordpress')).toBe('wordpress');
    expect(resolveProtocol('/wp-json/wp/v2/comments', 'json')).toBe('json');
    expect(resolveProtocol('/wp-json/wp/v2/comments', 'soap')).toBe('wordpress');
    expect(resolveProtocol('/api/comments', null)).toBe('json');
  });
});

describe('buildCommentRequest', () => {
  it('posts WordPress the REST fields, cleaned as WordPress would store them', () => {
    const { url, init } = buildCommentRequest(submission({ parent: '124' }));
    expect(url).toBe('https://news.example/wp-json/wp/v2/comments');
    expect(init.method).toBe('POST');
    expect(JSON.parse(init.body)).toEqual({
      post: 60,
      parent: 124,
      author_name: 'Olena',
      author_email: 'olena@example.com',
      author_url: 'http://olena.example',
      content: 'Thank you for this.',
    });
  });

  it('sends a top-level WordPress comment with parent 0, and post 0 when there is no post', () => {
    expect(JSON.parse(buildCommentRequest(submission({ parent: '' })).init.body)).toMatchObject({
      post: 60,
      parent: 0,
    });
    expect(JSON.parse(buildCommentRequest(submission({ postId: undefined })).init.body)).toMatchObject({
      post: 0,
      parent: 0,
    });
  });

  it('sends WordPress only headers its CORS rules allow, so a WordPress on another domain accepts the comment', () => {
    // WordPress's Access-Control-Allow-Headers, plus what browsers allow without asking (Accept).
    const allowed = ['authorization', 'x-wp-nonce', 'content-disposition', 'content-md5', 'content-type', 'accept'];
    for (const nonce of [undefined, 'a1b2c3d4e5']) {
      const { headers } = buildCommentRequest(submission({ nonce, attempts: 2 })).init;
      expect(
        Object.keys(headers)
          .map((name) => name.toLowerCase())
          .filter((name) => !allowed.includes(name)),
      ).toEqual([]);
      expect(headers['Content-Type']).toBe('application/json');
    }
  });

  it('sends a signed-in reader nonce with the cookies it belongs with, and an anonymous reader no cookies cross-site', () => {
    const signedIn = buildCommentRequest(submission({ nonce: 'a1b2c3d4e5' })).init;
    expect(signedIn.headers['X-WP-Nonce']).toBe('a1b2c3d4e5');
    expect(signedIn.credentials).toBe('include');
    const anonymous = buildCommentRequest(submission()).init;
    expect(anonymous.headers).not.toHaveProperty('X-WP-Nonce');
    expect(anonymous.credentials).toBe('same-origin');
  });

  it('posts the JSON contract fields with an Idempotency-Key that stays the same on every retry', () => {
    const first = buildCommentRequest(
      submission({ protocol: 'json', endpoint: '/api/comments', parent: '7', attempts: 1 }),
    );
    const retry = buildCommentRequest(
      submission({ protocol: 'json', endpoint: '/api/comments', parent: '7', attempts: 3 }),
    );
    expect(first.url).toBe('/api/comments');
    expect(first.init.headers['Idempotency-Key']).toBe('5f0c3a52-2f9e-4a8e-9d39-0d2c8c1a7b11');
    expect(retry.init).toEqual(first.init);
    expect(JSON.parse(first.init.body)).toEqual({
      postId: '60',
      parentId: '7',
      name: 'Olena',
      email: 'olena@example.com',
      url: 'http://olena.example',
      content: 'Thank you for this.',
    });
    expect(first.init.headers['Content-Type']).toBe('application/json');
    expect(first.init.headers).not.toHaveProperty('X-WP-Nonce');
  });

  it('sends null post and parent ids in the JSON contract when there are none', () => {
    const body = JSON.parse(
      buildCommentRequest(submission({ protocol: 'json', postId: undefined, parent: '' })).init.body,
    );
    expect(body).toMatchObject({ postId: null, parentId: null });
  });
});

describe('interpretCommentResponse: WordPress', () => {
  it('reports a comment WordPress created and approved, with its id', () => {
    expect(JSON.parse(createdComment).status).toBe('approved');
    expect(wordpress(201, createdComment)).toEqual({ kind: 'posted', status: 'approved', id: '2' });
  });

  it('reports a comment held for moderation as awaiting moderation', () => {
    const held = JSON.stringify({ ...JSON.parse(createdComment), id: 31, status: 'hold' });
    expect(wordpress(201, held)).toEqual({ kind: 'posted', status: 'pending', id: '31' });
    // Akismet's spam verdict is not visible either: the reader is told it awaits moderation, as WordPress's own form does.
    expect(wordpress(201, JSON.stringify({ id: 32, status: 'spam' }))).toMatchObject({ status: 'pending' });
  });

  it('treats a 2xx it cannot read as probably sent, never as failed', () => {
    const notice = `<br />\n<b>Notice</b>:  Undefined index: rating in <b>/var/www/wp-content/plugins/stars/stars.php</b> on line <b>41</b><br />\n${createdComment}`;
    expect(wordpress(201, notice)).toEqual({ kind: 'unconfirmed', status: 201 });
    expect(wordpress(201, '')).toEqual({ kind: 'unconfirmed', status: 201 });
    expect(wordpress(200, '<!doctype html><title>Comments</title>')).toEqual({ kind: 'unconfirmed', status: 200 });
    expect(wordpress(200, '[]')).toEqual({ kind: 'unconfirmed', status: 200 });
  });

  it('reads a body behind a byte-order mark', () => {
    expect(wordpress(201, `\uFEFF${createdComment}`)).toMatchObject({ kind: 'posted', id: '2' });
  });

  const duplicate = wpError(
    'comment_duplicate',
    'Duplicate comment detected; it looks as though you&#8217;ve already said that!',
    409,
  );

  it('counts a duplicate on a retry as sent: the earlier attempt landed', () => {
    // The answer alone says it: a duplicate means the same words are there, whichever attempt it answers.
    expect(wordpress(409, duplicate)).toEqual({ kind: 'posted', status: 'duplicate', id: undefined });
  });

  it('counts the same words posted twice as posted: the comment is there either way', () => {
    expect(wordpress(409, duplicate)).toEqual({ kind: 'posted', status: 'duplicate', id: undefined });
  });

  it('waits at least 15 s after "You are posting comments too quickly", which WordPress REST sends as a 400', () => {
    const flood = wpError('comment_flood', 'You are posting comments too quickly. Slow down.', 400);
    expect(wordpress(400, flood)).toEqual({ kind: 'retry', reason: 'flood', retryAfterMs: 15000, status: 400 });
    expect(wordpress(429, flood, { retryAfter: '40' })).toEqual({
      kind: 'retry',
      reason: 'flood',
      retryAfterMs: 40000,
      status: 429,
    });
  });

  it('marks name and email as required when WordPress asks for author data', () => {
    const body = wpError(
      'rest_comment_author_data_required',
      'Creating a comment requires valid author name and email values.',
      400,
    );
    expect(wordpress(400, body)).toEqual({
      kind: 'rejected',
      fieldErrors: { name: { code: 'required' }, email: { code: 'required' } },
      formError: undefined,
    });
  });

  it('marks the comment as required when WordPress calls the content invalid', () => {
    expect(wordpress(400, wpError('rest_comment_content_invalid', 'Invalid comment content.', 400))).toEqual({
      kind: 'rejected',
      fieldErrors: { content: { code: 'required' } },
      formError: undefined,
    });
  });

  it.each([
    ['comment_author_column_length', 'name', 245],
    ['comment_author_email_column_length', 'email', 100],
    ['comment_author_url_column_length', 'url', 200],
    ['comment_content_column_length', 'content', 65525],
  ])('shows %s as the %s field being too long, with its limit', (code, field, limit) => {
    const outcome = wordpress(400, wpError(code, 'Comment field exceeds maximum length allowed.', 400));
    expect(outcome).toEqual({
      kind: 'rejected',
      fieldErrors: { [field]: { code: 'too-long', limit } },
      formError: undefined,
    });
  });

  it('shows an email WordPress finds invalid on the email field', () => {
    const body = wpError('rest_invalid_param', 'Invalid parameter(s): author_email', 400, {
      params: { author_email: 'Invalid email address.' },
      details: { author_email: { code: 'rest_invalid_email', message: 'Invalid email address.', data: null } },
    });
    expect(wordpress(400, body)).toEqual({
      kind: 'rejected',
      fieldErrors: { email: { code: 'email' } },
      formError: undefined,
    });
  });

  it('shows any other invalid field in the server words, and an invalid non-field parameter as a form error', () => {
    const content = wpError('rest_invalid_param', 'Invalid parameter(s): content', 400, {
      params: { content: 'content is not of type object,string.' },
    });
    expect(wordpress(400, content)).toEqual({
      kind: 'rejected',
      fieldErrors: { content: { code: 'server', message: 'content is not of type object,string.' } },
      formError: undefined,
    });
    const parent = wpError('rest_invalid_param', 'Invalid parameter(s): parent', 400, {
      params: { parent: 'parent is not of type integer.' },
    });
    expect(wordpress(400, parent)).toEqual({
      kind: 'rejected',
      fieldErrors: {},
      formError: { code: 'rejected', message: 'Invalid parameter(s): parent' },
    });
  });

  it.each([
    ['rest_comment_closed', 'Sorry, comments are closed for this item.', 403, 'closed'],
    ['rest_comment_draft_post', 'Sorry, you are not allowed to create a comment on this post.', 403, 'closed'],
    ['rest_comment_login_required', 'Sorry, you must be logged in to comment.', 401, 'login-required'],
    ['rest_cookie_invalid_nonce', 'Cookie check failed', 403, 'forbidden'],
    [
      'rest_comment_invalid_post_id',
      'Sorry, you are not allowed to create this comment without a post.',
      403,
      'post-not-found',
    ],
    ['rest_comment_invalid_post_id', 'Invalid post ID.', 404, 'post-not-found'],
    ['rest_comment_trash_post', 'Sorry, you are not allowed to create a comment on this post.', 403, 'post-not-found'],
    ['rest_comment_invalid_author', "Sorry, you are not allowed to edit 'author' for comments.", 403, 'rejected'],
    ['rest_no_route', 'No route was found matching the URL and request method.', 404, 'rejected'],
  ])('shows %s (%s) as the form error %s', (code, message, status, formCode) => {
    expect(wordpress(status as number, wpError(code as string, message as string, status as number))).toEqual({
      kind: 'rejected',
      fieldErrors: {},
      formError: { code: formCode, message },
    });
  });

  it('shows a plugin refusal as plain text, without its tags and entities', () => {
    const body = wpError(
      'antispam_refused',
      '<strong>Error:</strong> Your comment looks like spam &amp; was not saved.',
      403,
    );
    expect(wordpress(403, body)).toMatchObject({
      formError: { code: 'rejected', message: 'Error: Your comment looks like spam & was not saved.' },
    });
  });

  it('refuses without words when a firewall answers a 4xx with its own page', () => {
    expect(wordpress(403, '<html><body><h1>403 Forbidden</h1></body></html>')).toEqual({
      kind: 'rejected',
      fieldErrors: {},
      formError: { code: 'rejected', message: undefined },
    });
  });

  it('retries after a critical error, a gateway error and a request timeout', () => {
    const critical = JSON.stringify({
      code: 'internal_server_error',
      message: '<p>There has been a critical error on this website.</p>',
      data: { status: 500 },
      additional_errors: [],
    });
    expect(wordpress(500, critical)).toEqual({
      kind: 'retry',
      reason: 'server-error',
      retryAfterMs: undefined,
      status: 500,
    });
    expect(wordpress(502, '<html>Bad Gateway</html>')).toMatchObject({
      kind: 'retry',
      reason: 'server-error',
      status: 502,
    });
    expect(wordpress(408, '')).toMatchObject({ kind: 'retry', reason: 'server-error', status: 408 });
  });

  it('waits as long as a 503 or 429 asks, in seconds or until an HTTP date', () => {
    const now = Date.parse('Wed, 21 Oct 2026 07:28:00 GMT');
    expect(wordpress(503, '', { retryAfter: '30' })).toMatchObject({ reason: 'server-error', retryAfterMs: 30000 });
    expect(wordpress(429, '', { retryAfter: 'Wed, 21 Oct 2026 07:28:45 GMT', now })).toEqual({
      kind: 'retry',
      reason: 'rate-limited',
      retryAfterMs: 45000,
      status: 429,
    });
    expect(wordpress(429, '', { retryAfter: 'Wed, 21 Oct 2026 07:27:00 GMT', now })).toMatchObject({ retryAfterMs: 0 });
  });

  it('ignores a Retry-After it cannot read', () => {
    for (const retryAfter of ['soon', '1.5', '-5', '']) {
      expect(wordpress(429, '', { retryAfter })).toMatchObject({ reason: 'rate-limited', retryAfterMs: undefined });
    }
  });
});

describe('interpretCommentResponse: JSON contract', () => {
  it('reports an approved or pending comment with its id as a string', () => {
    expect(json(201, { id: 7, status: 'approved' })).toEqual({ kind: 'posted', status: 'approved', id: '7' });
    expect(json(200, { id: 'c_81', status: 'pending' })).toEqual({ kind: 'posted', status: 'pending', id: 'c_81' });
  });

  it('treats a 2xx without a JSON object as probably sent', () => {
    expect(json(204, '')).toEqual({ kind: 'unconfirmed', status: 204 });
    expect(json(201, 'Warning: mysqli::query(): MySQL server has gone away\n{"id":1,"status":"approved"}')).toEqual({
      kind: 'unconfirmed',
      status: 201,
    });
  });

  it('counts a 409 as sent, on the first attempt too: the server saw this Idempotency-Key before', () => {
    // The first answer's status, when the server repeats it; else only "it is there".
    expect(json(409, { id: 7, status: 'approved' })).toEqual({ kind: 'posted', status: 'approved', id: '7' });
    expect(json(409, { id: 7, status: 'pending' })).toEqual({ kind: 'posted', status: 'pending', id: '7' });
    expect(json(409, '')).toEqual({ kind: 'posted', status: 'duplicate', id: undefined });
  });

  it('shows the server words for each field it names, and ignores fields the form does not have', () => {
    const outcome = json(422, {
      errors: { email: 'That address bounces.', content: ['Too short.', 'Add a sentence.'], website: 'Nope.' },
    });
    expect(outcome).toEqual({
      kind: 'rejected',
      fieldErrors: {
        email: { code: 'server', message: 'That address bounces.' },
        content: { code: 'server', message: 'Too short. Add a sentence.' },
      },
      formError: undefined,
    });
  });

  it('shows a message for the whole form, with a form error code when the server gives one', () => {
    expect(json(400, { message: 'Links are not allowed.' })).toEqual({
      kind: 'rejected',
      fieldErrors: {},
      formError: { code: 'rejected', message: 'Links are not allowed.' },
    });
    expect(json(403, { message: 'Comments are closed.', code: 'closed' })).toMatchObject({
      formError: { code: 'closed' },
    });
    expect(json(403, { message: 'No.', code: 'teapot' })).toMatchObject({ formError: { code: 'rejected' } });
  });

  it('shows field errors and a message together', () => {
    expect(json(422, { message: 'Please check the form.', errors: { name: 'Too short.' } })).toEqual({
      kind: 'rejected',
      fieldErrors: { name: { code: 'server', message: 'Too short.' } },
      formError: { code: 'rejected', message: 'Please check the form.' },
    });
  });

  it('refuses without words when the 4xx body is not JSON or names no known field', () => {
    const silent = { kind: 'rejected', fieldErrors: {}, formError: { code: 'rejected', message: undefined } };
    expect(json(400, '<h1>Bad Request</h1>')).toEqual(silent);
    expect(json(422, { errors: { website: 'Nope.' } })).toEqual(silent);
  });

  it('passes server messages through as the server wrote them', () => {
    expect(json(400, { message: 'Use <b> sparingly &amp; kindly' })).toMatchObject({
      formError: { message: 'Use <b> sparingly &amp; kindly' },
    });
  });

  it('retries on 5xx, 408 and 429, honouring Retry-After', () => {
    expect(json(500, '')).toEqual({ kind: 'retry', reason: 'server-error', retryAfterMs: undefined, status: 500 });
    expect(json(503, '', { retryAfter: '12' })).toMatchObject({ reason: 'server-error', retryAfterMs: 12000 });
    expect(json(429, { message: 'Slow down' }, { retryAfter: '3' })).toEqual({
      kind: 'retry',
      reason: 'rate-limited',
      retryAfterMs: 3000,
      status: 429,
    });
  });

  it('knows nothing of WordPress codes', () => {
    const flood = wpError('comment_flood', 'You are posting comments too quickly. Slow down.', 400);
    expect(json(400, flood)).toMatchObject({ kind: 'rejected', formError: { code: 'rejected' } });
  });
});

describe('interpretCommentResponse on a site whose plugins print PHP notices', () => {
  const notice =
    '<br />\n<b>Notice</b>:  Undefined index: rating in <b>/var/www/stars.php</b> on line <b>41</b><br />\n';

  it('treats a success behind a notice as unconfirmed, never as posted or failed', () => {
    expect(wordpress(201, `${notice}{"id": 7, "status": "approved"}`)).toEqual({ kind: 'unconfirmed', status: 201 });
  });

  it('still recognizes WordPress’s duplicate answer behind a notice, so the resend confirms the comment', () => {
    const duplicate = `${notice}{"code":"comment_duplicate","message":"Duplicate comment detected","data":{"status":409}}`;
    expect(wordpress(409, duplicate)).toEqual({ kind: 'posted', status: 'duplicate', id: undefined });
  });
});
