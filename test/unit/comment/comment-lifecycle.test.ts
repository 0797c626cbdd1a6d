/**
 * The comment's lifecycle (src/comment/comment-lifecycle.ts) where its decisions need no
 * browser: the key it works out, what it refuses to send, and that a draft is deleted
 * only once the server confirmed. Storage is a map, the host a stub and the server a
 * stubbed `fetch`; comment-lifecycle.test.ts in test/browser runs it for real.
 */
import type { ReactiveControllerHost } from 'lit';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CommentSubmission } from '../../../src/comment/comment.js';
import { CommentLifecycle, type Settlement } from '../../../src/comment/comment-lifecycle.js';
import type { CommentDraft, CommentStore, SaveResult } from '../../../src/comment/comment-store.js';
import { draftKey, type DraftPlace } from '../../../src/comment/draft-key.js';

/** A store in a map, which logs what is written and deleted. */
function mapStore() {
  const drafts = new Map<string, CommentDraft>();
  const outbox = new Map<string, CommentSubmission>();
  const log: string[] = [];
  const done = async (): Promise<SaveResult> => ({ ok: true, backend: 'indexeddb' });
  const store: CommentStore = {
    tabId: 'this-tab',
    backend: 'indexeddb',
    ready: Promise.resolve('indexeddb'),
    drafts: {
      get: async (key) => drafts.get(key),
      save: async (key, content, tabId = 'this-tab') => (
        drafts.set(key, { content, updatedAt: Date.now(), tabId }),
        log.push(`save draft ${content}`),
        done()
      ),
      saveBeforeLeaving: (key, content, tabId) => store.drafts.save(key, content, tabId),
      leftCopy: () => undefined,
      delete: async (key) => (drafts.delete(key), log.push(`delete draft ${key}`), done()),
    },
    outbox: {
      put: async (submission) => (
        outbox.set(submission.id, structuredClone(submission)),
        log.push('put outbox'),
        done()
      ),
      list: async () => [...outbox.values()],
      delete: async (id) => (outbox.delete(id), log.push('delete outbox'), done()),
    },
    identity: { get: async () => undefined, save: done, forget: done },
    onRemoteChange: () => () => {},
    onBackendChange: () => () => {},
  };
  return { store, drafts, outbox, log };
}

const host: ReactiveControllerHost = {
  addController() {},
  removeController() {},
  requestUpdate() {},
  updateComplete: Promise.resolve(true),
};

const place: DraftPlace = { pageUrl: 'https://news.example/story?utm_source=x', postId: '42' };
const key = draftKey(place);
const notConnected = { code: 'rejected' as const, message: 'not connected' };
const target = { endpoint: 'https://news.example/api/comments', postId: '42', identity: 'required' as const };

function lifecycle(where: () => DraftPlace | undefined = () => place) {
  const storage = mapStore();
  const settled: Settlement[] = [];
  const comment = new CommentLifecycle(host, {
    place: where,
    store: () => storage.store,
    settled: (_, result) => settled.push(result),
  });
  comment.hostUpdate();
  return { comment, settled, ...storage };
}

function fill(comment: CommentLifecycle): void {
  comment.input('content', ' A fine piece. ');
  comment.input('name', 'Olena');
  comment.input('email', 'olena@example.com');
}

/** The server answers every post with `status` and `body`; `posts` counts them. */
function serverAnswers(status: number, body: object) {
  const posts: string[] = [];
  vi.stubGlobal('fetch', async (_: string, init: RequestInit) => {
    posts.push(String(init.body));
    return new Response(JSON.stringify(body), { status });
  });
  return posts;
}

beforeEach(() => {
  vi.stubGlobal('navigator', { onLine: true });
  vi.stubGlobal('document', { baseURI: 'https://news.example/story' });
});
afterEach(() => vi.unstubAllGlobals());

describe('CommentLifecycle, without a browser', () => {
  it('works out the draft key from where the comment belongs, and none before that is known', () => {
    let known = false;
    const { comment } = lifecycle(() => (known ? place : undefined));
    expect(comment.key).toBeUndefined();
    known = true;
    comment.hostUpdate();
    expect(comment.key).toBe('draft:https://news.example/story|post:42|parent:0');
  });

  it('refuses to send an empty comment, and says what is missing', () => {
    const posts = serverAnswers(201, {});
    const { comment } = lifecycle();
    expect(comment.submit(target, { notConnected, beforeSend: () => true })).toEqual({
      kind: 'invalid',
      fieldErrors: { content: { code: 'required' }, name: { code: 'required' }, email: { code: 'required' } },
      formError: undefined,
    });
    expect(comment.fieldErrors.content).toEqual({ code: 'required' });
    expect(posts).toEqual([]);
  });

  it('refuses to send without an endpoint, with the form error it is given', () => {
    const { comment } = lifecycle();
    fill(comment);
    expect(comment.submit({ ...target, endpoint: undefined }, { notConnected, beforeSend: () => true })).toEqual({
      kind: 'invalid',
      fieldErrors: {},
      formError: notConnected,
    });
  });

  it('sends nothing when the page takes the comment over, and shows the fields as they would be sent', () => {
    const posts = serverAnswers(201, {});
    const { comment } = lifecycle();
    fill(comment);
    const seen: CommentSubmission[] = [];
    const start = comment.submit(target, { notConnected, beforeSend: (submission) => (seen.push(submission), false) });
    expect(start.kind).toBe('cancelled');
    expect(seen[0]).toMatchObject({
      draftKey: key,
      postId: '42',
      protocol: 'json',
      fields: { content: 'A fine piece.', name: 'Olena', url: '' },
    });
    expect(comment.status).toBe('');
    expect(posts).toEqual([]);
  });

  it('deletes the draft only once the server confirmed the comment, and empties the box', async () => {
    const posts = serverAnswers(201, { id: 7, status: 'approved' });
    const { comment, settled, log } = lifecycle();
    fill(comment);
    expect(comment.submit(target, { notConnected, beforeSend: () => true }).kind).toBe('sending');
    expect(comment.pending?.progress).toEqual({ phase: 'sending' });
    expect(log.filter((entry) => entry.startsWith('delete draft'))).toEqual([]);
    await vi.waitFor(() => expect(settled).toEqual([{ kind: 'posted', status: 'approved', id: '7' }]));
    await vi.waitFor(() => expect(log).toContain(`delete draft ${key}`));
    expect(posts).toHaveLength(1);
    expect(comment.fields.content).toBe('');
    expect(comment.status).toBe('posted');
    expect(comment.pending).toBeUndefined();
  });

  it('keeps the draft, and queues the comment, when it cannot be sent', async () => {
    vi.stubGlobal('navigator', { onLine: false });
    vi.stubGlobal('fetch', async () => Promise.reject(new TypeError('Failed to fetch')));
    const { comment, settled, log, outbox } = lifecycle();
    fill(comment);
    comment.submit(target, { notConnected, beforeSend: () => true });
    await vi.waitFor(() => expect(settled).toEqual([{ kind: 'queued' }]));
    expect(comment.pending?.progress).toEqual({ phase: 'waiting', reason: 'offline' });
    expect(comment.fields.content).toBe(' A fine piece. ');
    expect([...outbox.values()].map((entry) => entry.fields.content)).toEqual(['A fine piece.']);
    expect(log.filter((entry) => entry.startsWith('delete draft'))).toEqual([]);
  });

  it('keeps the draft when the server refuses the comment, and shows its reasons', async () => {
    serverAnswers(422, { errors: { email: 'That address bounced' } });
    const { comment, settled, log } = lifecycle();
    fill(comment);
    comment.submit(target, { notConnected, beforeSend: () => true });
    await vi.waitFor(() => expect(settled.map((result) => result.kind)).toEqual(['rejected']));
    expect(comment.fieldErrors).toEqual({ email: { code: 'server', message: 'That address bounced' } });
    expect(comment.status).toBe('');
    expect(log.filter((entry) => entry.startsWith('delete draft'))).toEqual([]);
  });
});
