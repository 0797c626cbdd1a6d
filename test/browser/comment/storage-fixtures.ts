/**
 * What the storage tests share: databases of their own that are deleted after each
 * test, raw IndexedDB reads that bypass the store, and platform stubs that are undone.
 */
const PREFIX = 'comment-store-test-';
const used: string[] = [];
let counter = 0;

/** A database name no other test uses; it is deleted by `forgetTestStorage`. */
export function freshName(label = ''): string {
  const name = `${PREFIX}${label}${Date.now()}-${counter++}`;
  used.push(name);
  return name;
}

/** Resolves when the request succeeds, rejects with its error. */
export const settle = <T>(request: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

/** Deletes a database; open connections close on the deletion's versionchange. */
export const deleteDatabase = (name: string) =>
  new Promise<void>((done) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = () => done();
  });

/** The keys the store holds, read with plain IndexedDB, not through the store. */
export async function rawKeys(name: string): Promise<IDBValidKey[]> {
  const db = await settle(indexedDB.open(name));
  try {
    return db.objectStoreNames.contains('drafts')
      ? await settle(db.transaction('drafts').objectStore('drafts').getAllKeys())
      : [];
  } finally {
    db.close();
  }
}

const stubs: (() => void)[] = [];
/** Replaces a platform property until `forgetTestStorage` runs. */
export function stub(target: object, key: string, descriptor: PropertyDescriptor): void {
  const own = Object.getOwnPropertyDescriptor(target, key);
  Object.defineProperty(target, key, { configurable: true, ...descriptor });
  stubs.push(() => (own ? Object.defineProperty(target, key, own) : delete (target as Record<string, unknown>)[key]));
}

/** Undoes every stub, as a reload would. */
export const unstub = () =>
  stubs
    .splice(0)
    .reverse()
    .forEach((restore) => restore());

/** Undoes the stubs and deletes the test databases and localStorage keys. */
export async function forgetTestStorage(): Promise<void> {
  unstub();
  for (const key of Object.keys(localStorage)) if (key.startsWith(PREFIX)) localStorage.removeItem(key);
  await Promise.all(used.splice(0).map(deleteDatabase));
}
