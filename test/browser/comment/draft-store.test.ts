/**
 * The draft store on real IndexedDB in Chromium and Firefox: what a reader typed survives a reload,
 * lives in our own database, and other tabs hear of changes. A "reload" is a second store
 * from `createDraftStore` (no shared instance) on the same database; a second "tab" is
 * one too, with its own tab id. Each test uses a database of its own.
 * Storage failures are in draft-store-failures.test.ts.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { CommentSubmission } from '../../../src/comment/comment.js';
import { createDraftStore, openDraftStore, type DraftChange } from '../../../src/comment/draft-store.js';
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

describe('DraftStore on IndexedDB', () => {
  it('keeps a draft and finds it again after a reload', async () => {
    const databaseName = freshName();
    const store = createDraftStore({ databaseName });
    expect(await store.ready).to.equal('indexeddb');
    expect(await store.getDraft('post:1')).to.equal(undefined);
    const before = Date.now();
    expect(await store.saveDraft('post:1', 'First thoughts')).to.deep.equal({ ok: true, backend: 'indexeddb' });
    expect(await store.saveDraft('post:1', 'First thoughts, edited')).to.deep.equal({ ok: true, backend: 'indexeddb' });

    const reloaded = createDraftStore({ databaseName });
    const draft = await reloaded.getDraft('post:1');
    expect(draft?.content).to.equal('First thoughts, edited');
    expect(draft?.tabId).to.equal(store.tabId);
    expect(draft?.updatedAt).to.be.within(before, Date.now());
    expect(reloaded.tabId).not.to.equal(store.tabId);
  });

  it('remembers name, email and website until told to forget them', async () => {
    const databaseName = freshName();
    const store = createDraftStore({ databaseName });
    const identity = { name: 'Ада', email: 'ada@example.org', url: 'https://ada.example' };
    expect(await store.saveIdentity(identity)).to.deep.equal({ ok: true, backend: 'indexeddb' });
    expect(await createDraftStore({ databaseName }).getIdentity()).to.deep.equal(identity);
    expect(await store.forgetIdentity()).to.deep.equal({ ok: true, backend: 'indexeddb' });
    expect(await createDraftStore({ databaseName }).getIdentity()).to.equal(undefined);
    expect(await rawKeys(databaseName)).to.deep.equal([]);
  });

  it('deletes a sent draft so a reload does not bring it back', async () => {
    const databaseName = freshName();
    const store = createDraftStore({ databaseName });
    await store.saveDraft('post:1', 'Sent already');
    expect(await store.deleteDraft('post:1')).to.deep.equal({ ok: true, backend: 'indexeddb' });
    expect(await createDraftStore({ databaseName }).getDraft('post:1')).to.equal(undefined);
    expect(await rawKeys(databaseName)).to.deep.equal([]);
  });

  it('keeps the outbox in order of writing, across a reload, until each comment is sent', async () => {
    const databaseName = freshName();
    const store = createDraftStore({ databaseName });
    await store.putOutbox(submission('b', 2000));
    await store.putOutbox(submission('a', 1000));
    expect(await store.putOutbox({ ...submission('b', 2000), attempts: 3 })).to.deep.equal({ ok: true, backend: 'indexeddb' });
    await store.saveDraft('post:7', 'not in the outbox');

    const reloaded = createDraftStore({ databaseName });
    const listed = await reloaded.listOutbox();
    expect(listed.map((item) => [item.id, item.attempts])).to.deep.equal([
      ['a', 0],
      ['b', 3],
    ]);
    expect(listed[0]).to.deep.equal(submission('a', 1000));
    expect(await reloaded.deleteOutbox('a')).to.deep.equal({ ok: true, backend: 'indexeddb' });
    expect((await createDraftStore({ databaseName }).listOutbox()).map((item) => item.id)).to.deep.equal(['b']);
  });

  it('uses its own database, never idb-keyval’s default one', async () => {
    const hadDefault = (await indexedDB.databases()).some((db) => db.name === 'keyval-store');
    const databaseName = freshName();
    const store = createDraftStore({ databaseName });
    await store.saveDraft('post:1', 'x');
    await store.saveIdentity({ name: 'a', email: 'a@b.c', url: '' });
    await store.putOutbox(submission('s1', 1));
    const names = (await indexedDB.databases()).map((db) => db.name);
    expect(names).to.include(databaseName);
    if (!hadDefault) expect(names).not.to.include('keyval-store');
    expect((await rawKeys(databaseName)).sort()).to.deep.equal(['draft:post:1', 'identity', 'outbox:s1']);
  });

  it('gives every form on a page the same store, named news-widgets by default', async () => {
    expect(openDraftStore()).to.equal(openDraftStore({ databaseName: 'news-widgets' }));
    const databaseName = freshName();
    const store = openDraftStore({ databaseName });
    expect(openDraftStore({ databaseName })).to.equal(store);
    expect(openDraftStore()).not.to.equal(store);
    await openDraftStore().ready;
    expect((await indexedDB.databases()).map((db) => db.name)).to.include('news-widgets');
  });
});

describe('DraftStore when the page is left', () => {
  it('writes a localStorage copy before returning, so a page torn down mid-write keeps the text', async () => {
    const databaseName = freshName();
    const store = createDraftStore({ databaseName });
    await store.ready;
    const saving = store.saveDraftBeforeLeaving('post:9', 'last words before the reload');
    // Synchronously, before any IndexedDB callback could run:
    const copy = JSON.parse(localStorage.getItem(`${databaseName}:draft:post:9`)!);
    expect(copy.value.content).to.equal('last words before the reload');
    expect(await saving).to.deep.equal({ ok: true, backend: 'indexeddb' });
    const reloaded = createDraftStore({ databaseName });
    expect((await reloaded.getDraft('post:9'))?.content).to.equal('last words before the reload');
    // A sent draft is gone from both copies.
    await reloaded.deleteDraft('post:9');
    expect(await createDraftStore({ databaseName }).getDraft('post:9')).to.equal(undefined);
  });

  it('keeps the same tab id across reloads of one tab, and records who wrote a draft kept for another tab', async () => {
    const databaseName = freshName();
    const store = createDraftStore({ databaseName, tabId: 'tab-a' });
    expect(createDraftStore({ databaseName, tabId: 'tab-a' }).tabId).to.equal('tab-a');
    await store.saveDraft('post:3|other-version', 'their words', 'tab-b');
    expect((await store.getDraft('post:3|other-version'))?.tabId).to.equal('tab-b');
  });
});

describe('DraftStore across tabs', () => {
  /** Collects the changes a store hears of from other tabs. */
  function heard(store: ReturnType<typeof createDraftStore>): DraftChange[] {
    const changes: DraftChange[] = [];
    store.onRemoteChange((change) => changes.push(change));
    return changes;
  }

  it('tells other tabs of each change, and not itself', async () => {
    const databaseName = freshName();
    const tab = createDraftStore({ databaseName });
    const other = createDraftStore({ databaseName });
    const elsewhere = createDraftStore({ databaseName: freshName() });
    const inTab = heard(tab);
    const inOther = heard(other);
    const inElsewhere = heard(elsewhere);

    await tab.saveDraft('post:1', 'typing');
    await tab.deleteDraft('post:1');
    await tab.saveIdentity({ name: 'a', email: 'a@b.c', url: '' });
    await tab.forgetIdentity();
    await tab.putOutbox(submission('s1', 1));
    await tab.deleteOutbox('s1');
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
    await tab.saveDraft('post:1', 'from the first tab');
    await waitUntil(() => inOther.length === 7);
    expect(await other.getDraft('post:1')).to.include({ content: 'from the first tab', tabId });
  });

  it('stops telling a listener once it unsubscribes', async () => {
    const databaseName = freshName();
    const tab = createDraftStore({ databaseName });
    const other = createDraftStore({ databaseName });
    const changes: DraftChange[] = [];
    const unsubscribe = other.onRemoteChange((change) => changes.push(change));
    await tab.saveDraft('post:1', 'one');
    await waitUntil(() => changes.length === 1);
    unsubscribe();
    await tab.saveDraft('post:1', 'two');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(changes).to.have.length(1);
  });
});

describe('DraftStore speed', () => {
  it('saves a draft to IndexedDB quickly (median of 50)', async () => {
    const store = createDraftStore({ databaseName: freshName() });
    await store.ready;
    const content = 'A reader’s comment, a few sentences long. '.repeat(12);
    const times: number[] = [];
    for (let i = 0; i < 50; i++) {
      const started = performance.now();
      const result = await store.saveDraft('post:1', content + i);
      times.push(performance.now() - started);
      expect(result.ok).to.equal(true);
    }
    times.sort((a, b) => a - b);
    const median = (times[24] + times[25]) / 2;
    console.log(`saveDraft on IndexedDB: median ${median.toFixed(2)} ms, max ${times[49].toFixed(2)} ms (50 saves)`);
    expect(median).to.be.below(100);
  });
});
