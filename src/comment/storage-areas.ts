/**
 * The three places the comment store can keep an entry, behind one small interface:
 * our own IndexedDB database, localStorage, and memory (which does not survive a
 * reload). Each entry carries when and by which tab it was written, so the store can
 * take the newest copy wherever it is.
 */
import { del, entries, get, set } from 'idb-keyval';
import type { UseStore } from 'idb-keyval';

/** Where writes go, best first; `memory` means nothing survives a reload. */
export const BACKENDS = ['indexeddb', 'localstorage', 'memory'] as const;
export type StorageBackend = (typeof BACKENDS)[number];

/**
 * What an area holds under a key (`draft:<key>`, `identity`, `outbox:<id>`): the value
 * and when and by which tab it was written. No value: a tombstone, left where a delete could
 * not reach every area, so an older copy elsewhere never comes back.
 */
export interface Entry {
  value?: unknown;
  at: number;
  tab: string;
}

/** One place entries can live. A rejection means "this area failed", never "not found". */
export interface Area {
  get(key: string): Promise<Entry | undefined>;
  set(key: string, entry: Entry): Promise<void>;
  delete(key: string): Promise<void>;
  list(prefix: string): Promise<[string, Entry][]>;
}

export const isEntry = (value: unknown): value is Entry => typeof (value as Entry | null)?.at === 'number';

/** Our IndexedDB object store; with none (no IndexedDB at all), nothing can be in it and nothing can be written. */
export function idbArea(store: UseStore | undefined): Area {
  if (!store) {
    const missing = () => Promise.reject(new Error('IndexedDB is not available'));
    return { get: async () => undefined, set: missing, delete: async () => {}, list: async () => [] };
  }
  return {
    get: async (key) => {
      const entry = await get<unknown>(key, store);
      return isEntry(entry) ? entry : undefined;
    },
    set: (key, entry) => set(key, entry, store),
    delete: (key) => del(key, store),
    list: async (prefix) =>
      (await entries<IDBValidKey, unknown>(store)).filter(
        (pair): pair is [string, Entry] => String(pair[0]).startsWith(prefix) && isEntry(pair[1]),
      ),
  };
}

/** localStorage if this page may use it: reading the property throws in sandboxed iframes and with storage blocked. */
export function localStorageIfAllowed(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/** localStorage, whose calls may still throw (quota, Safari's old private mode); JSON values under namespaced keys. */
export function localArea(namespace: string): Area {
  const storage = localStorageIfAllowed;
  const parse = (text: string | null | undefined) => {
    try {
      const entry: unknown = text ? JSON.parse(text) : undefined;
      return isEntry(entry) ? entry : undefined;
    } catch {
      return undefined;
    }
  };
  return {
    get: async (key) => parse(storage()?.getItem(namespace + key)),
    set: async (key, entry) => storage()!.setItem(namespace + key, JSON.stringify(entry)),
    delete: async (key) => storage()?.removeItem(namespace + key),
    list: async (prefix) => {
      const local = storage();
      const found: [string, Entry][] = [];
      for (let i = 0; local && i < local.length; i++) {
        const name = local.key(i) ?? '';
        const entry = name.startsWith(namespace + prefix) ? parse(local.getItem(name)) : undefined;
        if (entry) found.push([name.slice(namespace.length), entry]);
      }
      return found;
    },
  };
}

export function memoryArea(): Area {
  const map = new Map<string, Entry>();
  return {
    get: async (key) => map.get(key),
    set: async (key, entry) => void map.set(key, entry),
    delete: async (key) => void map.delete(key),
    list: async (prefix) => [...map].filter(([key]) => key.startsWith(prefix)),
  };
}
