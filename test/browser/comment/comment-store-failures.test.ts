/**
 * The comment store (drafts, outbox, remembered identity) when storage fails, in real
 * Chromium and Firefox. Each failure is real where the page can cause it (a database
 * deleted, upgraded by another connection, a transaction held up by another connection);
 * otherwise only the platform API is stubbed to throw or never answer, and the test says
 * which. A "reload" is a second store from `createCommentStore` on the same database,
 * after the stub is gone when the test says so.
 */
import { expect } from '@open-wc/testing';
import { createCommentStore, type StorageBackend } from '../../../src/comment/comment-store.js';
import {
  forgetTestStorage,
  freshName as freshDatabaseName,
  rawKeys,
  settle,
  stub,
  unstub,
} from './storage-fixtures.js';

const freshName = () => freshDatabaseName('failures-');

const quotaExceeded = () => {
  throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
};

/** The backends a store switched to, in order. */
function switches(store: ReturnType<typeof createCommentStore>): StorageBackend[] {
  const seen: StorageBackend[] = [];
  store.onBackendChange((backend) => seen.push(backend));
  return seen;
}

const nextTask = () => new Promise((resolve) => setTimeout(resolve));

/** Fails fast instead of at mocha's timeout when something waits on us. */
const within = <T>(promise: Promise<T>, ms: number, what: string) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(what)), ms))]);

afterEach(forgetTestStorage);

/** Keeps every open request the store makes; `indexedDB.open` itself works as usual. */
function spyOnOpen(): IDBOpenDBRequest[] {
  const open = IDBFactory.prototype.open;
  const requests: IDBOpenDBRequest[] = [];
  stub(IDBFactory.prototype, 'open', {
    value(this: IDBFactory, ...args: [string, number?]) {
      const request = open.apply(this, args);
      requests.push(request);
      return request;
    },
  });
  return requests;
}

describe('CommentStore without IndexedDB', () => {
  it('keeps drafts in localStorage when the browser has no IndexedDB', async () => {
    // Stub: the `indexedDB` getter returns undefined, as in browsers or modes without it.
    stub(window, 'indexedDB', { get: () => undefined });
    const databaseName = freshName();
    const store = createCommentStore({ databaseName });
    expect(store.backend).to.equal('localstorage');
    expect(await store.ready).to.equal('localstorage');
    expect(await store.drafts.save('post:1', 'Kept in localStorage')).to.deep.equal({
      ok: true,
      backend: 'localstorage',
    });
    expect(JSON.parse(localStorage.getItem(`${databaseName}:draft:post:1`)!).value.content).to.equal(
      'Kept in localStorage',
    );
    expect((await createCommentStore({ databaseName }).drafts.get('post:1'))?.content).to.equal('Kept in localStorage');
  });

  it('falls back to localStorage when opening IndexedDB throws', async () => {
    // Stub: indexedDB.open throws, as Firefox's private mode once did.
    stub(IDBFactory.prototype, 'open', {
      value: () => {
        throw new DOMException(
          'A mutation operation was attempted on a database that did not allow mutations.',
          'InvalidStateError',
        );
      },
    });
    const databaseName = freshName();
    const store = createCommentStore({ databaseName });
    const seen = switches(store);
    expect(await store.ready).to.equal('localstorage');
    expect(seen).to.deep.equal(['localstorage']);
    expect(await store.drafts.save('post:1', 'Still kept')).to.deep.equal({ ok: true, backend: 'localstorage' });
    expect((await store.drafts.get('post:1'))?.content).to.equal('Still kept');
  });

  it('does not wait for an IndexedDB that never opens: falls back within the timeout', async () => {
    // Stub: indexedDB.open returns a request that never fires an event.
    stub(IDBFactory.prototype, 'open', { value: () => ({}) as IDBOpenDBRequest });
    const databaseName = freshName();
    const started = performance.now();
    const store = createCommentStore({ databaseName, openTimeoutMs: 200 });
    const seen = switches(store);
    // Calls made while the open is pending resolve too, once it has timed out.
    const early = store.drafts.save('post:1', 'typed while IndexedDB hung');
    expect(await store.ready).to.equal('localstorage');
    expect(await early).to.deep.equal({ ok: true, backend: 'localstorage' });
    expect(performance.now() - started).to.be.below(1000);
    expect(seen).to.deep.equal(['localstorage']);
    // Later calls do not wait for IndexedDB again.
    const again = performance.now();
    expect((await store.drafts.get('post:1'))?.content).to.equal('typed while IndexedDB hung');
    expect(await store.drafts.save('post:1', 'more')).to.deep.equal({ ok: true, backend: 'localstorage' });
    expect(performance.now() - again).to.be.below(100);
  });
});

describe('CommentStore when IndexedDB fails while open', () => {
  it('moves to localStorage when IndexedDB is over quota, without losing that write', async () => {
    const databaseName = freshName();
    const store = createCommentStore({ databaseName });
    const seen = switches(store);
    expect(await store.drafts.save('post:1', 'in IndexedDB')).to.deep.equal({ ok: true, backend: 'indexeddb' });
    // Stub: IDBObjectStore.put throws QuotaExceededError.
    stub(IDBObjectStore.prototype, 'put', { value: quotaExceeded });
    // That write is not lost: it lands in localStorage, which survives a reload, so it is ok.
    expect(await store.drafts.save('post:1', 'over quota')).to.deep.equal({ ok: true, backend: 'localstorage' });
    expect(seen).to.deep.equal(['localstorage']);
    expect(await store.drafts.save('post:1', 'next write')).to.deep.equal({ ok: true, backend: 'localstorage' });
    expect(store.backend).to.equal('localstorage');
    unstub();
    // After a reload IndexedDB works again, and still holds the older draft: the newest one wins.
    expect(await rawKeys(databaseName)).to.deep.equal(['draft:post:1']);
    const reloaded = createCommentStore({ databaseName });
    expect(await reloaded.ready).to.equal('indexeddb');
    expect((await reloaded.drafts.get('post:1'))?.content).to.equal('next write');
  });

  it('does not wait for a transaction that never completes', async () => {
    const databaseName = freshName();
    const store = createCommentStore({ databaseName, openTimeoutMs: 200 });
    expect(await store.ready).to.equal('indexeddb');
    // Real: another connection holds a readwrite transaction on our store open for a second.
    const blocker = await settle(indexedDB.open(databaseName));
    let holding = true;
    const transaction = blocker.transaction('drafts', 'readwrite');
    const keepBusy = () => {
      if (holding) transaction.objectStore('drafts').get('x').onsuccess = keepBusy;
    };
    keepBusy();
    const started = performance.now();
    expect(await store.drafts.save('post:1', 'typed while IndexedDB was stuck')).to.deep.equal({
      ok: true,
      backend: 'localstorage',
    });
    expect(performance.now() - started).to.be.within(150, 800);
    expect((await store.drafts.get('post:1'))?.content).to.equal('typed while IndexedDB was stuck');
    holding = false;
    blocker.close();
  });

  it('keeps working when the database is deleted while open', async () => {
    const databaseName = freshName();
    const store = createCommentStore({ databaseName });
    await store.drafts.save('post:1', 'before');
    // Real: delete the database while the store holds a connection; it must let the deletion through.
    const deletion = indexedDB.deleteDatabase(databaseName);
    let blocked = false;
    deletion.onblocked = () => (blocked = true);
    await within(settle(deletion), 2000, 'the deletion waited on our connection');
    expect(blocked).to.equal(false);
    expect(await store.drafts.get('post:1')).to.equal(undefined);
    expect(await store.drafts.save('post:1', 'after')).to.deep.equal({ ok: true, backend: 'indexeddb' });
    expect((await store.drafts.get('post:1'))?.content).to.equal('after');
    expect((await createCommentStore({ databaseName }).drafts.get('post:1'))?.content).to.equal('after');
  });

  it('steps aside for another tab’s upgrade and keeps working afterwards', async () => {
    const databaseName = freshName();
    const store = createCommentStore({ databaseName });
    await store.drafts.save('post:1', 'before the upgrade');
    const version = (await indexedDB.databases()).find((db) => db.name === databaseName)!.version!;
    // Real: a second connection opens a higher version, as a newer release in another tab would.
    const upgrade = indexedDB.open(databaseName, version + 1);
    let blocked = false;
    upgrade.onblocked = () => (blocked = true);
    upgrade.onupgradeneeded = () => upgrade.result.createObjectStore('something-new');
    const upgraded = await within(settle(upgrade), 2000, 'the upgrade waited on our connection');
    expect(blocked).to.equal(false);
    // The other tab keeps its connection open; we reopen at its version.
    expect(await store.drafts.save('post:1', 'after the upgrade')).to.deep.equal({ ok: true, backend: 'indexeddb' });
    expect((await store.drafts.get('post:1'))?.content).to.equal('after the upgrade');
    expect(store.backend).to.equal('indexeddb');
    upgraded.close();
  });

  it('reopens when the browser closes the connection (storage wiped from devtools)', async () => {
    // Spy, not stub: indexedDB.open works as usual; the test only keeps the request to reach the connection.
    const requests = spyOnOpen();
    const databaseName = freshName();
    const store = createCommentStore({ databaseName });
    await store.ready;
    // What the browser does on a forced close: the connection closes, then `close` fires on it.
    const db = requests[0].result;
    db.close();
    db.dispatchEvent(new Event('close'));
    // Spy: which connections transactions are asked of.
    const transaction = IDBDatabase.prototype.transaction;
    const usedConnections: IDBDatabase[] = [];
    stub(IDBDatabase.prototype, 'transaction', {
      value(this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
        usedConnections.push(this);
        return transaction.apply(this, args);
      },
    });
    expect(await store.drafts.save('post:1', 'after the close')).to.deep.equal({ ok: true, backend: 'indexeddb' });
    expect((await store.drafts.get('post:1'))?.content).to.equal('after the close');
    expect(requests).to.have.length(2);
    // The closed connection is not even tried again.
    expect(usedConnections.includes(db), 'the closed connection was tried again').to.equal(false);
  });

  it('reopens when the connection was closed without telling (no close event)', async () => {
    const requests = spyOnOpen();
    const databaseName = freshName();
    const store = createCommentStore({ databaseName });
    await store.ready;
    requests[0].result.close();
    expect(await store.drafts.save('post:1', 'after a silent close')).to.deep.equal({ ok: true, backend: 'indexeddb' });
    expect((await store.drafts.get('post:1'))?.content).to.equal('after a silent close');
  });

  it('recreates its object store when a database of that name lacks it', async () => {
    const databaseName = freshName();
    // Real: someone else made the database first, with no 'drafts' store.
    (await settle(indexedDB.open(databaseName, 3))).close();
    const store = createCommentStore({ databaseName });
    expect(await store.ready).to.equal('indexeddb');
    expect(await store.drafts.save('post:1', 'x')).to.deep.equal({ ok: true, backend: 'indexeddb' });
    expect(await rawKeys(databaseName)).to.deep.equal(['draft:post:1']);
  });
});

describe('CommentStore when localStorage fails too', () => {
  it('keeps drafts in memory and says they are not saved when localStorage throws on write', async () => {
    // Stubs: no IndexedDB, and Storage.setItem throws QuotaExceededError (Safari's old private mode did).
    stub(window, 'indexedDB', { get: () => undefined });
    stub(Storage.prototype, 'setItem', { value: quotaExceeded });
    const databaseName = freshName();
    const store = createCommentStore({ databaseName });
    const seen = switches(store);
    expect(await store.ready).to.equal('localstorage');
    // Memory does not survive a reload, so the write is not ok even though it can be read back in this page.
    expect(await store.drafts.save('post:1', 'only in memory')).to.deep.equal({ ok: false, backend: 'memory' });
    expect(seen).to.deep.equal(['memory']);
    expect(store.backend).to.equal('memory');
    expect((await store.drafts.get('post:1'))?.content).to.equal('only in memory');
    expect(await store.identity.save({ name: 'a', email: 'a@b.c', url: '' })).to.deep.equal({
      ok: false,
      backend: 'memory',
    });
    expect(await store.identity.get()).to.deep.equal({ name: 'a', email: 'a@b.c', url: '' });
    expect(await createCommentStore({ databaseName }).drafts.get('post:1')).to.equal(undefined);
  });

  it('goes straight to memory when the page may not use localStorage (sandboxed iframe)', async () => {
    // Stubs: no IndexedDB, and reading `localStorage` throws SecurityError.
    stub(window, 'indexedDB', { get: () => undefined });
    stub(window, 'localStorage', {
      get: () => {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
    const store = createCommentStore({ databaseName: freshName() });
    expect(await store.ready).to.equal('memory');
    expect(await store.drafts.save('post:1', 'x')).to.deep.equal({ ok: false, backend: 'memory' });
    // On memory nothing is ok, deletes included: the form keeps saying drafts will not survive a reload.
    expect(await store.drafts.delete('post:1')).to.deep.equal({ ok: false, backend: 'memory' });
    expect(await store.drafts.get('post:1')).to.equal(undefined);
  });

  it('falls from IndexedDB over quota through a full localStorage to memory', async () => {
    const store = createCommentStore({ databaseName: freshName() });
    const seen = switches(store);
    await store.ready;
    // Stubs: IDBObjectStore.put and Storage.setItem both throw QuotaExceededError.
    stub(IDBObjectStore.prototype, 'put', { value: quotaExceeded });
    stub(Storage.prototype, 'setItem', { value: quotaExceeded });
    expect(await store.drafts.save('post:1', 'nowhere durable')).to.deep.equal({ ok: false, backend: 'memory' });
    await nextTask();
    expect(seen).to.deep.equal(['localstorage', 'memory']);
    expect((await store.drafts.get('post:1'))?.content).to.equal('nowhere durable');
  });
});

describe('CommentStore deletes everywhere', () => {
  it('deletes a draft from IndexedDB and localStorage alike', async () => {
    const databaseName = freshName();
    const store = createCommentStore({ databaseName });
    await store.drafts.save('post:1', 'in IndexedDB');
    // Stub: IDBObjectStore.put throws QuotaExceededError, so the next version goes to localStorage.
    stub(IDBObjectStore.prototype, 'put', { value: quotaExceeded });
    await store.drafts.save('post:1', 'in localStorage');
    unstub();
    expect(await rawKeys(databaseName)).to.deep.equal(['draft:post:1']);
    expect(localStorage.getItem(`${databaseName}:draft:post:1`)).not.to.equal(null);

    const reloaded = createCommentStore({ databaseName });
    expect((await reloaded.drafts.get('post:1'))?.content).to.equal('in localStorage');
    expect(await reloaded.drafts.delete('post:1')).to.deep.equal({ ok: true, backend: 'indexeddb' });
    expect(await rawKeys(databaseName)).to.deep.equal([]);
    expect(localStorage.getItem(`${databaseName}:draft:post:1`)).to.equal(null);
    expect(await createCommentStore({ databaseName }).drafts.get('post:1')).to.equal(undefined);
  });

  it('never brings a sent draft back, even when IndexedDB was unreachable at the delete', async () => {
    const databaseName = freshName();
    await createCommentStore({ databaseName }).drafts.save('post:1', 'sent later');
    // Stub: indexedDB.open never answers in the page load that sends the comment.
    stub(IDBFactory.prototype, 'open', { value: () => ({}) as IDBOpenDBRequest });
    const sending = createCommentStore({ databaseName, openTimeoutMs: 200 });
    expect(await sending.drafts.delete('post:1')).to.deep.equal({ ok: true, backend: 'localstorage' });
    unstub();
    // IndexedDB still holds the old copy; the tombstone left in localStorage outranks it.
    expect(await rawKeys(databaseName)).to.deep.equal(['draft:post:1']);
    expect(await createCommentStore({ databaseName }).drafts.get('post:1')).to.equal(undefined);
    // A newer draft for the same key is found again.
    await createCommentStore({ databaseName }).drafts.save('post:1', 'a new comment');
    expect((await createCommentStore({ databaseName }).drafts.get('post:1'))?.content).to.equal('a new comment');
  });

  it('lists the outbox from every backend, and a sent comment from none', async () => {
    const databaseName = freshName();
    const store = createCommentStore({ databaseName });
    const comment = (id: string, createdAt: number) => ({
      id,
      endpoint: '/comments',
      protocol: 'json' as const,
      fields: { content: id, name: '', email: '', url: '' },
      draftKey: 'post:1',
      createdAt,
      attempts: 1,
    });
    await store.outbox.put(comment('first', 1));
    // Stub: IDBObjectStore.put throws QuotaExceededError, so the second comment is queued in localStorage.
    stub(IDBObjectStore.prototype, 'put', { value: quotaExceeded });
    expect(await store.outbox.put(comment('second', 2))).to.deep.equal({ ok: true, backend: 'localstorage' });
    unstub();
    const reloaded = createCommentStore({ databaseName });
    expect((await reloaded.outbox.list()).map((item) => item.id)).to.deep.equal(['first', 'second']);
    await reloaded.outbox.delete('second');
    await reloaded.outbox.delete('first');
    expect(await createCommentStore({ databaseName }).outbox.list()).to.deep.equal([]);
  });
});
