/**
 * The comment store (drafts, outbox, remembered identity) on real IndexedDB in Chromium
 * and Firefox: what a reader typed survives a reload, lives in our own database, and
 * other tabs hear of changes. A "reload" is a second store
 * from `createCommentStore` (no shared instance) on the same database; a second "tab" is
 * one too, with its own tab id. Each test uses a database of its own.
 * Storage failures are in comment-store-failures.test.ts.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { CommentSubmission } from '../../../src/comment/comment.js';
import { createCommentStore, openCommentStore, type CommentStoreChange } from '../../../src/comment/comment-store.js';
import { forgetTestStorage, freshName, rawKeys } from './storage-fixtures.js';

function submission(id: string, createdAt: number): CommentSubmission {
  return {
    id,
    endpoint: '/comments',
    protocol: 'json',
    postId: '7',
    fields: { content: `comment ${id}`, name: 'Ada', email: 'ada@example.org', url: '' },
    draftKey: 'post:7',
    createdAt,
    attempts: 0,
  };
}

afterEach(forgetTestStorage);

describe('CommentStore on IndexedDB', () => {
  it('keeps a draft and finds it again after a reload', async () => {
    const databaseName = freshName();
    const store = createCommentStore({ databaseName });
    expect(await store.ready).to.equal('indexeddb');
    expect(await store.drafts.get('post:1')).to.equal(undefined);
    const before = Date.now();
    expect(await store.drafts.save('post:1', 'First thoughts')).to.deep.equal({ ok: true, backend: 'indexeddb' });
    expect(await store.drafts.save('post:1', 'First thoughts, edited')).to.deep.equal({
      ok: true,
      backend: 'indexeddb',
    });

    const reloaded = createCommentStore({ databaseName });
    const draft = await reloaded.drafts.get('post:1');
    expect(draft?.content).to.equal('First thoughts, edited');
    expect(draft?.tabId).to.equal(store.tabId);
    expect(draft?.updatedAt).to.be.within(before, Date.now());
    expect(reloaded.tabId).not.to.equal(store.tabId);
  });

  it('remembers name, email and website until told to forget them', async () => {
    const databaseName = freshName();
    const store = createCommentStore({ databaseName });
    const identity = { name: 'Ада', email: 'ada@example.org', url: 'https://ada.example' };
    expect(await store.identity.save(identity)).to.deep.equal({ ok: true, backend: 'indexeddb' });
    expect(await createCommentStore({ databaseName }).identity.get()).to.deep.equal(identity);
    expect(await store.identity.forget()).to.deep.equal({ ok: true, backend: 'indexeddb' });
    expect(await createCommentStore({ databaseName }).identity.get()).to.equal(undefined);
    expect(await rawKeys(databaseName)).to.deep.equal([]);
  });

  it('deletes a sent draft so a reload does not bring it back', async () => {
    const databaseName = freshName();
    const store = createCommentStore({ databaseName });
    await store.drafts.save('post:1', 'Sent already');
    expect(await store.drafts.delete('post:1')).to.deep.equal({ ok: true, backend: 'indexeddb' });
    expect(await createCommentStore({ databaseName }).drafts.get('post:1')).to.equal(undefined);
    expect(await rawKeys(databaseName)).to.deep.equal([]);
  });

  it('keeps the outbox in order of writing, across a reload, until each comment is sent', async () => {
    const databaseName = freshName();
    const store = createCommentStore({ databaseName });
    await store.outbox.put(submission('b', 2000));
    await store.outbox.put(submission('a', 1000));
    expect(await store.outbox.put({ ...submission('b', 2000), attempts: 3 })).to.deep.equal({
      ok: true,
      backend: 'indexeddb',
    });
    await store.drafts.save('post:7', 'not in the outbox');

    const reloaded = createCommentStore({ databaseName });
    const listed = await reloaded.outbox.list();
    expect(listed.map((item) => [item.id, item.attempts])).to.deep.equal([
      ['a', 0],
      ['b', 3],
    ]);
    expect(listed[0]).to.deep.equal(submission('a', 1000));
    expect(await reloaded.outbox.delete('a')).to.deep.equal({ ok: true, backend: 'indexeddb' });
    expect((await createCommentStore({ databaseName }).outbox.list()).map((item) => item.id)).to.deep.equal(['b']);
  });

  it('uses its own database, never idb-keyval’s default one', async () => {
    const hadDefault = (await indexedDB.databases()).some((db) => db.name === 'keyval-store');
    const databaseName = freshName();
    const store = createCommentStore({ databaseName });
    await store.drafts.save('post:1', 'x');
    await store.identity.save({ name: 'a', email: 'a@b.c', url: '' });
    await store.outbox.put(submission('s1', 1));
    const names = (await indexedDB.databases()).map((db) => db.name);
    expect(names).to.include(databaseName);
    if (!hadDefault) expect(names).not.to.include('keyval-store');
    expect((await rawKeys(databaseName)).sort()).to.deep.equal(['draft:post:1', 'identity', 'outbox:s1']);
  });

  it('gives every form on a page the same store, named news-widgets by default', async () => {
    expect(openCommentStore()).to.equal(openCommentStore({ databaseName: 'news-widgets' }));
    const databaseName = freshName();
    const store = openCommentStore({ databaseName });
    expect(openCommentStore({ databaseName })).to.equal(store);
    expect(openCommentStore()).not.to.equal(store);
    await openCommentStore().ready;
    expect((await indexedDB.databases()).map((db) => db.name)).to.include('news-widgets');
  });
});

describe('CommentStore when the page is left', () => {
  it('writes a localStorage copy before returning, so a page torn down mid-write keeps the text', async () => {
    const databaseName = freshName();
    const store = createCommentStore({ databaseName });
    await store.ready;
    const saving = store.drafts.saveBeforeLeaving('post:9', 'last words before the reload');
    // Synchronously, before any IndexedDB callback could run:
    const copy = JSON.parse(localStorage.getItem(`${databaseName}:draft:post:9`)!);
    expect(copy.value.content).to.equal('last words before the reload');
    expect(await saving).to.deep.equal({ ok: true, backend: 'indexeddb' });
    const reloaded = createCommentStore({ databaseName });
    expect((await reloaded.drafts.get('post:9'))?.content).to.equal('last words before the reload');
    // A sent draft is gone from both copies.
    await reloaded.drafts.delete('post:9');
    expect(await createCommentStore({ databaseName }).drafts.get('post:9')).to.equal(undefined);
  });

  it('keeps the same tab id across reloads of one tab, and records who wrote a draft kept for another tab', async () => {
    const databaseName = freshName();
    const store = createCommentStore({ databaseName, tabId: 'tab-a' });
    expect(createCommentStore({ databaseName, tabId: 'tab-a' }).tabId).to.equal('tab-a');
    await store.drafts.save('post:3|other-version', 'their words', 'tab-b');
    expect((await store.drafts.get('post:3|other-version'))?.tabId).to.equal('tab-b');
  });
});

describe('CommentStore across tabs', () => {
  /** Collects the changes a store hears of from other tabs. */
  function heard(store: ReturnType<typeof createCommentStore>): CommentStoreChange[] {
    const changes: CommentStoreChange[] = [];
    store.onRemoteChange((change) => changes.push(change));
    return changes;
  }

  it('tells other tabs of each change, and not itself', async () => {
    const databaseName = freshName();
    const tab = createCommentStore({ databaseName });
    const other = createCommentStore({ databaseName });
    const elsewhere = createCommentStore({ databaseName: freshName() });
    const inTab = heard(tab);
    const inOther = heard(other);
    const inElsewhere = heard(elsewhere);

    await tab.drafts.save('post:1', 'typing');
    await tab.drafts.delete('post:1');
    await tab.identity.save({ name: 'a', email: 'a@b.c', url: '' });
    await tab.identity.forget();
    await tab.outbox.put(submission('s1', 1));
    await tab.outbox.delete('s1');
    await waitUntil(() => inOther.length === 6, 'the other tab did not hear every change');
    const tabId = tab.tabId;
    expect(inOther).to.deep.equal([
      { kind: 'draft', key: 'post:1', tabId },
      { kind: 'draft-deleted', key: 'post:1', tabId },
      { kind: 'identity', tabId },
      { kind: 'identity', tabId },
      { kind: 'outbox', key: 's1', tabId },
      { kind: 'outbox', key: 's1', tabId },
    ]);
    expect(inTab).to.deep.equal([]);
    expect(inElsewhere).to.deep.equal([]);
    // What the other tab reads after hearing of it is the first tab's draft.
    await tab.drafts.save('post:1', 'from the first tab');
    await waitUntil(() => inOther.length === 7);
    expect(await other.drafts.get('post:1')).to.include({ content: 'from the first tab', tabId });
  });

  it('stops telling a listener once it unsubscribes', async () => {
    const databaseName = freshName();
    const tab = createCommentStore({ databaseName });
    const other = createCommentStore({ databaseName });
    const changes: CommentStoreChange[] = [];
    const unsubscribe = other.onRemoteChange((change) => changes.push(change));
    await tab.drafts.save('post:1', 'one');
    await waitUntil(() => changes.length === 1);
    unsubscribe();
    await tab.drafts.save('post:1', 'two');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(changes).to.have.length(1);
  });
});

describe('CommentStore speed', () => {
  it('saves a draft to IndexedDB quickly (median of 50)', async () => {
    const store = createCommentStore({ databaseName: freshName() });
    await store.ready;
    const content = 'A reader’s comment, a few sentences long. '.repeat(12);
    const times: number[] = [];
    for (let i = 0; i < 50; i++) {
      const started = performance.now();
      const result = await store.drafts.save('post:1', content + i);
      times.push(performance.now() - started);
      expect(result.ok).to.equal(true);
    }
    times.sort((a, b) => a - b);
    const median = (times[24] + times[25]) / 2;
    console.log(`saveDraft on IndexedDB: median ${median.toFixed(2)} ms, max ${times[49].toFixed(2)} ms (50 saves)`);
    expect(median).to.be.below(100);
  });
});
