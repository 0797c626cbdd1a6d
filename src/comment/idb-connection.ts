/**
 * An idb-keyval `UseStore` over one object store of our own database, with a connection
 * that can never hang or wedge the form: opening and every transaction give up after
 * `timeoutMs`; we step aside for another tab's upgrade or a deletion (`versionchange`)
 * and reopen on the next operation; a connection closed under us (`close`, or closed
 * with no event at all) is replaced once; a missing object store is created again.
 * Once opening fails or a transaction stops answering, IndexedDB is given up for this
 * page load: every later call rejects at once, so callers fall back without waiting.
 */
import type { UseStore } from 'idb-keyval';

function timeoutError(ms: number): DOMException {
  return new DOMException(`IndexedDB did not answer within ${ms} ms`, 'TimeoutError');
}

export function createIdbStore(databaseName: string, storeName: string, timeoutMs: number): UseStore {
  let connection: Promise<IDBDatabase> | undefined;
  let unavailable: Error | undefined;

  const giveUp = (error: unknown): never => {
    unavailable ??= error instanceof Error ? error : new Error(String(error));
    throw unavailable;
  };

  const open = (version?: number) =>
    new Promise<IDBDatabase>((resolve, reject) => {
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        reject(timeoutError(timeoutMs));
      }, timeoutMs);
      const fail = (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      };
      try {
        const request = indexedDB.open(databaseName, version);
        request.onupgradeneeded = () => {
          if (!request.result.objectStoreNames.contains(storeName)) request.result.createObjectStore(storeName);
        };
        request.onerror = () => fail(request.error);
        request.onsuccess = () => {
          clearTimeout(timer);
          const db = request.result;
          if (timedOut) return db.close();
          if (!db.objectStoreNames.contains(storeName)) {
            // Someone else made a database of this name without our store: add it.
            db.close();
            return open(db.version + 1).then(resolve, reject);
          }
          // Only the connection in use has these handlers: old ones are closed before they are replaced.
          const forget = () => (connection = undefined);
          // Closing lets another tab's upgrade or a deleteDatabase() go ahead instead of waiting on us.
          db.onversionchange = () => {
            db.close();
            forget();
          };
          db.onclose = forget; // deleted or wiped by the browser: reopen (and recreate) next time
          resolve(db);
        };
      } catch (error) {
        fail(error);
      }
    });
  const connect = () => (unavailable ? Promise.reject(unavailable) : (connection ??= open().catch(giveUp)));

  return async <T>(mode: IDBTransactionMode, callback: (store: IDBObjectStore) => T | PromiseLike<T>) => {
    for (let attempt = 0; ; attempt++) {
      const db = await connect();
      let transaction: IDBTransaction;
      try {
        transaction = db.transaction(storeName, mode);
      } catch (error) {
        // The connection was closed under us without an event (or the store vanished): once more on a fresh one.
        db.close();
        connection = undefined;
        if (attempt > 0) throw error;
        continue;
      }
      const store = transaction.objectStore(storeName);
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => {
          try {
            transaction.abort();
          } catch {
            // already finished
          }
          unavailable ??= timeoutError(timeoutMs);
          reject(timeoutError(timeoutMs));
        }, timeoutMs);
        new Promise<T>((run) => run(callback(store))).then(resolve, reject).finally(() => clearTimeout(timer));
      });
    }
  };
}
