/**
 * Sending a comment over real HTTP (test/comment-server-middleware.js): what each
 * failure turns into, and that retries of one comment store it once.
 */
import { expect } from '@open-wc/testing';
import type { CommentSubmission, SendOutcome } from '../../../src/comment/comment.js';
import { sendComment } from '../../../src/comment/comment-transport.js';
import { newSubmissionId } from '../../../src/comment/random-id.js';

interface StoredComment {
  id: number;
  content: string;
  headers: Record<string, string>;
}

/** Each test writes its own words, so test files running at once never see each other's comments. */
function submission(endpoint: string, changes: Partial<CommentSubmission> = {}): CommentSubmission {
  const id = newSubmissionId();
  return {
    id,
    endpoint,
    protocol: endpoint.includes('/wp/v2/comments') ? 'wordpress' : 'json',
    postId: '60',
    fields: {
      content: `Thank you for this piece (${id}).`,
      name: 'Olena',
      email: `${id.slice(0, 8)}@example.com`,
      url: 'olena.example',
    },
    draftKey: 'draft:test',
    createdAt: Date.now(),
    attempts: 0,
    ...changes,
  };
}

/** One request, counted the way callers must: `attempts` goes up before it. */
function send(
  comment: CommentSubmission,
  timeoutMs?: number,
  signal = new AbortController().signal,
): Promise<SendOutcome> {
  comment.attempts++;
  return sendComment(comment, signal, timeoutMs);
}

async function arrived(comment: CommentSubmission): Promise<StoredComment[]> {
  const response = await fetch(`/comments/_count?${new URLSearchParams({ content: comment.fields.content.trim() })}`);
  const { count, comments } = (await response.json()) as { count: number; comments: StoredComment[] };
  expect(comments.length).to.equal(count);
  return comments;
}

/** The same server under another origin: localhost and 127.0.0.1 are different sites to the browser. */
const otherOrigin = `http://${location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1'}:${location.port}`;

describe('sendComment, json protocol', () => {
  it('posts a comment and learns its id', async () => {
    const comment = submission('/comments/json');
    const outcome = await send(comment);
    const stored = await arrived(comment);
    expect(stored).to.have.length(1);
    expect(outcome).to.deep.equal({ kind: 'posted', status: 'approved', id: String(stored[0]!.id) });
    expect(stored[0]!.headers['idempotency-key']).to.equal(comment.id);
  });

  it('says a comment awaits moderation when the server holds it', async () => {
    expect(await send(submission('/comments/json?status=pending'))).to.include({ kind: 'posted', status: 'pending' });
  });

  it('stores a comment sent twice once, and takes the status the server repeats with its 409', async () => {
    const comment = submission('/comments/json');
    const first = await send(comment);
    const second = await send(comment);
    expect(second).to.deep.equal({ kind: 'posted', status: 'approved', id: (first as { id: string }).id });
    expect(await arrived(comment)).to.have.length(1);
  });

  it('gives up on a server that does not answer in time, as a timeout to retry, and the retry stores nothing twice', async () => {
    // The server stores the comment, then its answer is lost: the retry must not make a second one.
    const comment = submission('/comments/json?fail=hang&landed&times=1');
    const started = performance.now();
    expect(await send(comment, 400)).to.deep.equal({ kind: 'retry', reason: 'timeout' });
    expect(performance.now() - started).to.be.below(3000);
    expect(await send(comment)).to.include({ kind: 'posted', status: 'approved' });
    expect(await arrived(comment)).to.have.length(1);
  });

  it('reports a dropped connection as a network failure to retry', async () => {
    const comment = submission('/comments/json?fail=network-reset');
    expect(await send(comment)).to.deep.equal({ kind: 'retry', reason: 'network' });
    expect(await arrived(comment)).to.have.length(0);
  });

  it('retries after a 500, and a request that finally gets through is stored once', async () => {
    const comment = submission('/comments/json?fail=500&times=2');
    expect(await send(comment)).to.deep.equal({
      kind: 'retry',
      reason: 'server-error',
      retryAfterMs: undefined,
      status: 500,
    });
    expect(await send(comment)).to.include({ kind: 'retry', status: 500 });
    expect(await send(comment)).to.include({ kind: 'posted', status: 'approved' });
    expect(await arrived(comment)).to.have.length(1);
  });

  it('waits as long as a 429 says in Retry-After', async () => {
    expect(await send(submission('/comments/json?fail=429&retryAfter=7'))).to.deep.equal({
      kind: 'retry',
      reason: 'rate-limited',
      retryAfterMs: 7000,
      status: 429,
    });
  });

  it('reads Retry-After from a server on another origin that exposes it', async () => {
    const outcome = await send(submission(`${otherOrigin}/comments/json?fail=503&retryAfter=5`));
    expect(outcome).to.deep.equal({ kind: 'retry', reason: 'server-error', retryAfterMs: 5000, status: 503 });
  });

  it('treats a 201 behind a PHP notice as probably sent, and it did arrive', async () => {
    const comment = submission('/comments/json?fail=php-notice');
    expect(await send(comment)).to.deep.equal({ kind: 'unconfirmed', status: 201 });
    expect(await arrived(comment)).to.have.length(1);
  });

  it('treats a 201 whose body is cut off as probably sent, not as a network failure', async () => {
    const comment = submission('/comments/json?fail=cut-body');
    expect(await send(comment)).to.deep.equal({ kind: 'unconfirmed', status: 201 });
    expect(await arrived(comment)).to.have.length(1);
  });

  it('shows the server words for a field it refuses', async () => {
    const comment = submission('/comments/json', {
      fields: { content: '  ', name: '', email: 'not-an-email', url: '' },
    });
    expect(await send(comment)).to.deep.equal({
      kind: 'rejected',
      fieldErrors: {
        content: { code: 'server', message: 'Enter your comment.' },
        email: { code: 'server', message: 'That email address does not look right.' },
      },
      formError: undefined,
    });
  });

  it('passes a cancellation through untouched, so the form can leave the page quietly', async () => {
    const controller = new AbortController();
    const pending = send(submission('/comments/json?fail=hang'), 10000, controller.signal);
    controller.abort();
    let error: unknown;
    try {
      await pending;
    } catch (caught) {
      error = caught;
    }
    expect((error as DOMException).name).to.equal('AbortError');
  });
});

describe('sendComment, WordPress protocol', () => {
  const endpoint = '/wp-json/wp/v2/comments';

  it('posts a comment WordPress approves, with no header WordPress does not allow', async () => {
    const comment = submission(endpoint);
    const outcome = await send(comment);
    const [stored, ...more] = await arrived(comment);
    expect(more).to.have.length(0);
    expect(outcome).to.deep.equal({ kind: 'posted', status: 'approved', id: String(stored!.id) });
    expect(stored!.headers).not.to.have.property('idempotency-key');
    expect(stored!.headers).not.to.have.property('x-wp-nonce');
  });

  it('says a comment awaits moderation when WordPress holds it', async () => {
    expect(await send(submission(endpoint, { postId: '14' }))).to.include({ kind: 'posted', status: 'pending' });
  });

  it('reaches a WordPress on another origin, whose CORS rules allow the nonce and JSON', async () => {
    const comment = submission(`${otherOrigin}${endpoint}`, { nonce: 'wp-test-nonce', postId: '15' });
    expect(await send(comment)).to.include({ kind: 'posted', status: 'approved' });
    expect((await arrived(comment))[0]!.headers['x-wp-nonce']).to.equal('wp-test-nonce');
  });

  it('would be blocked by that WordPress if it sent an Idempotency-Key (the reason it sends none)', async () => {
    let error: unknown;
    try {
      await fetch(`${otherOrigin}${endpoint}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': newSubmissionId() },
        body: '{}',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).to.be.instanceOf(TypeError);
  });

  it('counts a duplicate as posted, on a retry and when the reader posts the same words again, storing one comment', async () => {
    const comment = submission(endpoint);
    await send(comment);
    expect(await send(comment)).to.deep.equal({ kind: 'posted', status: 'duplicate', id: undefined });
    const again = { ...comment, id: newSubmissionId(), attempts: 0 };
    expect(await send(again)).to.deep.equal({ kind: 'posted', status: 'duplicate', id: undefined });
    expect(await arrived(comment)).to.have.length(1);
  });

  it('stores one comment when WordPress saved the first attempt but answered too late', async () => {
    // (Not a dropped connection: Chromium silently re-sends a request whose reused connection
    // drops before any answer, so the page would meet the duplicate on its first attempt.)
    const comment = submission(`${endpoint}?fail=hang&landed&times=1`);
    expect(await send(comment, 400)).to.deep.equal({ kind: 'retry', reason: 'timeout' });
    expect(await send(comment)).to.include({ kind: 'posted', status: 'duplicate' });
    expect(await arrived(comment)).to.have.length(1);
  });

  it('waits at least 15 s when WordPress says the reader posts too quickly', async () => {
    const first = submission(`${endpoint}?flood`);
    await send(first);
    const second = submission(`${endpoint}?flood`, {
      fields: { ...first.fields, content: `${first.fields.content} And another thing.` },
    });
    expect(await send(second)).to.deep.equal({ kind: 'retry', reason: 'flood', retryAfterMs: 15000, status: 400 });
  });

  it('maps WordPress refusals to the form: closed, sign-in, nonce, missing post, missing author', async () => {
    const formError = async (changes: Partial<CommentSubmission>) =>
      ((await send(submission(endpoint, changes))) as Extract<SendOutcome, { kind: 'rejected' }>).formError?.code;
    expect(await formError({ postId: '13' })).to.equal('closed');
    expect(await formError({ postId: '15' })).to.equal('login-required');
    expect(await formError({ nonce: 'expired-nonce' })).to.equal('forbidden');
    expect(await formError({ postId: '404' })).to.equal('post-not-found');
    expect(await formError({ postId: undefined })).to.equal('post-not-found');
    const anonymous = submission(endpoint, { fields: { content: 'Hi', name: '', email: '', url: '' } });
    expect(await send(anonymous)).to.deep.equal({
      kind: 'rejected',
      fieldErrors: { name: { code: 'required' }, email: { code: 'required' } },
      formError: undefined,
    });
  });

  it('retries after a WordPress critical error, honouring Retry-After on a 503', async () => {
    expect(await send(submission(`${endpoint}?fail=500`))).to.include({
      kind: 'retry',
      reason: 'server-error',
      status: 500,
    });
    const page = encodeURIComponent('<html><h1>Service Unavailable</h1></html>');
    expect(await send(submission(`${endpoint}?fail=503&retryAfter=30&type=text/html&body=${page}`))).to.deep.equal({
      kind: 'retry',
      reason: 'server-error',
      retryAfterMs: 30000,
      status: 503,
    });
  });
});
