/**
 * Where `<comment-form>` keeps what a reader typed: drafts, the remembered identity and the
 * outbox. Writes go to the library's own IndexedDB database and fall back to localStorage,
 * then to memory, when a backend fails; reads look everywhere and the newest copy wins;
 * deletes reach every backend. Other tabs hear of each change. Every method resolves, none throws.
 * `ok` is never true while writes go to memory: nothing there survives a reload.
 */
import { del, entries, get, set } from 'idb-keyval';
import type { UseStore } from 'idb-keyval';
import type { CommentSubmission } from './comment.js';
import { createIdbStore } from './idb-connection.js';
import { newTabId } from './random-id.js';

export interface CommentDraft {
  content: string;
  updatedAt: number;
  tabId: string;
}
export interface RememberedIdentity {
  name: string;
  email: string;
  url: string;
}
export type StorageBackend = 'indexeddb' | 'localstorage' | 'memory';
/** Never rejects. ok false: the write did not happen anywhere durable (or at all); `backend` is where writes go now. */
export interface SaveResult {
  ok: boolean;
  backend: StorageBackend;
}
export interface DraftChange {
  kind: 'draft' | 'draft-deleted' | 'identity' | 'outbox';
  /** The draft key, or the outbox submission's id. */
  key?: string;
  /** The tab that made the change; '' when unknown (a deletion heard through a `storage` event). */
  tabId: string;
}
export interface DraftStore {
  /** This page load's random id, written into drafts so tabs can tell each other apart. */
  readonly tabId: string;
  /** Where writes go now; 'memory' means nothing survives a reload. */
  readonly backend: StorageBackend;
  /** Settles once the first open attempt finished (success, failure or timeout). */
  readonly ready: Promise<StorageBackend>;
  getDraft(key: string): Promise<CommentDraft | undefined>;
  /** `writtenBy`: the tab the text comes from, when it is kept on behalf of another tab. Default: this tab. */
  saveDraft(key: string, content: string, writtenBy?: string): Promise<SaveResult>;
  /**
   * For `pagehide`: also writes a synchronous localStorage copy at once, which lands even
   * when the page is torn down before the IndexedDB write finishes. Reads take the newest.
   */
  saveDraftBeforeLeaving(key: string, content: string): Promise<SaveResult>;
  deleteDraft(key: string): Promise<SaveResult>;
  getIdentity(): Promise<RememberedIdentity | undefined>;
  saveIdentity(identity: RememberedIdentity): Promise<SaveResult>;
  forgetIdentity(): Promise<SaveResult>;
  putOutbox(submission: CommentSubmission): Promise<SaveResult>;
  listOutbox(): Promise<CommentSubmission[]>;
  deleteOutbox(id: string): Promise<SaveResult>;
  /** Changes made by OTHER tabs (BroadcastChannel, with a `storage`-event fallback when on localStorage). Returns an unsubscribe function. */
  onRemoteChange(listener: (change: DraftChange) => void): () => void;
  /** Called when `backend` changes (e.g. IndexedDB failed and writes fell back). Returns an unsubscribe function. */
  onBackendChange(listener: (backend: StorageBackend) => void): () => void;
}
export interface DraftStoreOptions {
  /** The IndexedDB database, the localStorage key prefix and the BroadcastChannel name. Default 'news-widgets'. */
  databaseName?: string;
  /** How long opening IndexedDB, or one transaction, may take before we fall back. Default 3000. */
  openTimeoutMs?: number;
  /** This tab's id. Default: a new random id; `openDraftStore` keeps one per tab across reloads. */
  tabId?: string;
}

/**
 * What each backend holds under a key (`draft:<key>`, `identity`, `outbox:<id>`): the value
 * and when and by which tab it was written. No value: a tombstone, left where a delete could
 * not reach every backend, so an older copy elsewhere never comes back.
 */
interface Entry {
  value?: unknown;
  at: number;
  tab: string;
}

/** One place entries can live. A rejection means "this backend failed", never "not found". */
interface Area {
  get(key: string): Promise<Entry | undefined>;
  set(key: string, entry: Entry): Promise<void>;
  delete(key: string): Promise<void>;
  list(prefix: string): Promise<[string, Entry][]>;
}

const backends: StorageBackend[] = ['indexeddb', 'localstorage', 'memory'];

const isEntry = (value: unknown): value is Entry => typeof (value as Entry | null)?.at === 'number';

function idbArea(store: UseStore | undefined): Area {
  // No IndexedDB at all: nothing can be in it, and nothing can be written.
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
function localStorageIfAllowed(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/** localStorage, whose calls may still throw (quota, Safari's old private mode); JSON values under namespaced keys. */
function localArea(namespace: string): Area {
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

function memoryArea(): Area {
  const map = new Map<string, Entry>();
  return {
    get: async (key) => map.get(key),
    set: async (key, entry) => void map.set(key, entry),
    delete: async (key) => void map.delete(key),
    list: async (prefix) => [...map].filter(([key]) => key.startsWith(prefix)),
  };
}

/** What a change to `storageKey` means to another tab (undefined: not one of our keys). */
function describeChange(storageKey: string, deleted: boolean, tabId: string): DraftChange | undefined {
  if (storageKey.startsWith('draft:')) return { kind: deleted ? 'draft-deleted' : 'draft', key: storageKey.slice(6), tabId };
  if (storageKey.startsWith('outbox:')) return { kind: 'outbox', key: storageKey.slice(7), tabId };
  if (storageKey === 'identity') return { kind: 'identity', tabId };
}

/**
 * A new store with its own connection, channel and tab id. Use `openDraftStore`; this is
 * exported for tests, which call it to simulate a reload or a second tab in one page.
 */
export function createDraftStore({
  databaseName = 'news-widgets',
  openTimeoutMs = 3000,
  tabId = newTabId(),
}: DraftStoreOptions = {}): DraftStore {
  const namespace = `${databaseName}:`;
  const hasIdb = (() => {
    try {
      return !!globalThis.indexedDB;
    } catch {
      return false;
    }
  })();
  const idb = hasIdb ? createIdbStore(databaseName, 'drafts', openTimeoutMs) : undefined;
  const areas = [idbArea(idb), localArea(namespace), memoryArea()];
  const remoteListeners = new Set<(change: DraftChange) => void>();
  const backendListeners = new Set<(backend: StorageBackend) => void>();
  // Listeners run on their own, so one that throws cannot break a save.
  const tell = <T>(listeners: Set<(value: T) => void>, value: T) => listeners.forEach((listener) => queueMicrotask(() => listener(value)));

  let level = 0;
  /** Writes now go one backend further down (once per failing backend, however many writes saw it fail). */
  const fallBackFrom = (failed: number) => {
    if (level !== failed) return;
    level = failed === 0 && !localStorageIfAllowed() ? 2 : failed + 1;
    tell(backendListeners, backends[level]);
  };
  if (!hasIdb) fallBackFrom(0);

  let channel: BroadcastChannel | undefined;
  if (typeof BroadcastChannel === 'function') {
    channel = new BroadcastChannel(databaseName);
    channel.onmessage = ({ data }: MessageEvent<DraftChange>) => {
      if (typeof data?.kind === 'string' && data.tabId !== tabId) tell(remoteListeners, data);
    };
  } else {
    // No BroadcastChannel (older Safari): another tab's localStorage writes still show up here.
    globalThis.addEventListener?.('storage', (event: StorageEvent) => {
      if (!event.key?.startsWith(namespace)) return;
      let entry: Entry | undefined;
      try {
        entry = JSON.parse(event.newValue ?? 'null') ?? undefined;
      } catch {
        return;
      }
      const change = describeChange(event.key.slice(namespace.length), entry?.value === undefined, entry?.tab ?? '');
      if (change) tell(remoteListeners, change);
    });
  }
  const announce = (storageKey: string, deleted: boolean) => {
    try {
      channel?.postMessage(describeChange(storageKey, deleted, tabId));
    } catch {
      // a closed channel: other tabs will see the change on their next read
    }
  };

  /** The newest copy anywhere, tombstones included. */
  const read = async (storageKey: string) => {
    const found = await Promise.all(areas.map((area) => area.get(storageKey).catch(() => undefined)));
    return found.reduce<Entry | undefined>((newest, entry) => (entry && (!newest || entry.at > newest.at) ? entry : newest), undefined);
  };

  /** Writes to the current backend, falling further back on failure. True when the entry landed somewhere durable. */
  const write = async (storageKey: string, entry: Entry) => {
    for (;;) {
      const from = level;
      try {
        await areas[from].set(storageKey, entry);
        return from < 2;
      } catch {
        fallBackFrom(from);
      }
    }
  };

  const result = (ok: boolean): SaveResult => ({ ok: ok && level < 2, backend: backends[level] });

  const save = async (storageKey: string, value: unknown) => {
    const ok = await write(storageKey, { value, at: Date.now(), tab: tabId });
    if (ok) announce(storageKey, false);
    return result(ok);
  };

  /** Deletes from every backend; where one cannot be reached, a tombstone keeps the old copy from coming back. */
  const remove = async (storageKey: string) => {
    const at = Date.now();
    const removed = await Promise.all(areas.map((area) => area.delete(storageKey).then(() => true, () => false)));
    const ok = removed.every(Boolean) || (await write(storageKey, { at, tab: tabId }));
    if (ok) announce(storageKey, true);
    return result(ok);
  };

  const store: DraftStore = {
    tabId,
    get backend() {
      return backends[level];
    },
    ready: idb
      ? idb('readonly', () => undefined).then(
          () => backends[level],
          () => (fallBackFrom(0), backends[level]),
        )
      : Promise.resolve(backends[level]),

    getDraft: async (key) => (await read(`draft:${key}`))?.value as CommentDraft | undefined,
    saveDraft: (key, content, writtenBy = tabId) =>
      save(`draft:${key}`, { content, updatedAt: Date.now(), tabId: writtenBy } satisfies CommentDraft),
    saveDraftBeforeLeaving: (key, content) => {
      const value: CommentDraft = { content, updatedAt: Date.now(), tabId };
      try {
        localStorageIfAllowed()?.setItem(`${namespace}draft:${key}`, JSON.stringify({ value, at: value.updatedAt, tab: tabId }));
      } catch {
        // Over quota or blocked: the IndexedDB write below is still on its way.
      }
      return save(`draft:${key}`, value);
    },
    deleteDraft: (key) => remove(`draft:${key}`),

    getIdentity: async () => (await read('identity'))?.value as RememberedIdentity | undefined,
    saveIdentity: ({ name, email, url }) => save('identity', { name, email, url }),
    forgetIdentity: () => remove('identity'),

    putOutbox: (submission) => save(`outbox:${submission.id}`, submission),
    listOutbox: async () => {
      const newest = new Map<string, Entry>();
      const lists = await Promise.all(areas.map((area) => area.list('outbox:').catch(() => [])));
      for (const [key, entry] of lists.flat()) {
        const seen = newest.get(key);
        if (!seen || entry.at > seen.at) newest.set(key, entry);
      }
      return [...newest.values()]
        .flatMap((entry) => (entry.value ? [entry.value as CommentSubmission] : []))
        .sort((a, b) => a.createdAt - b.createdAt);
    },
    deleteOutbox: (id) => remove(`outbox:${id}`),

    onRemoteChange: (listener) => (remoteListeners.add(listener), () => void remoteListeners.delete(listener)),
    onBackendChange: (listener) => (backendListeners.add(listener), () => void backendListeners.delete(listener)),
  };
  return store;
}

/**
 * This tab's id, kept in sessionStorage (which lives as long as the tab, across
 * reloads), so a reloaded tab recognizes the draft it wrote itself.
 */
function sessionTabId(): string {
  try {
    let id = sessionStorage.getItem('news-widgets:tab');
    if (!id) sessionStorage.setItem('news-widgets:tab', (id = newTabId()));
    return id;
  } catch {
    return newTabId();
  }
}

const openStores = new Map<string, DraftStore>();

/** The page's one store for `databaseName` (several forms share it); options other than the name count on first use only. */
export function openDraftStore(options: DraftStoreOptions = {}): DraftStore {
  const name = options.databaseName ?? 'news-widgets';
  let store = openStores.get(name);
  if (!store) openStores.set(name, (store = createDraftStore({ tabId: sessionTabId(), ...options, databaseName: name })));
  return store;
}
