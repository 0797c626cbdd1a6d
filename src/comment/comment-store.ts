/**
 * Where `<comment-form>` keeps what must outlive the page: drafts, the outbox of comments
 * waiting to be sent, and the identity the reader asked to be remembered. Writes go to the
 * library's own IndexedDB database and fall back to localStorage, then to memory, when a
 * backend fails; reads look everywhere and the newest copy wins; deletes reach every
 * backend. Other tabs hear of each change. Every method resolves, none throws.
 * `ok` is never true while writes go to memory: nothing there survives a reload.
 */
import type { CommentSubmission } from './comment.js';
import { createIdbStore } from './idb-connection.js';
import { newTabId } from './random-id.js';
import { sessionTabId } from './tab-id.js';
import {
  BACKENDS,
  idbArea,
  localArea,
  localStorageIfAllowed,
  memoryArea,
  type Entry,
  type StorageBackend,
} from './storage-areas.js';

export type { StorageBackend } from './storage-areas.js';

export interface CommentDraft {
  content: string;
  updatedAt: number;
  /** The tab that wrote the text, or, for a version kept aside, a marker of its own (see draft-keeper.ts). */
  tabId: string;
}
export interface RememberedIdentity {
  name: string;
  email: string;
  url: string;
}
/** Never rejects. ok false: the write did not happen anywhere durable (or at all); `backend` is where writes go now. */
export interface SaveResult {
  ok: boolean;
  backend: StorageBackend;
}
export interface CommentStoreChange {
  kind: 'draft' | 'draft-deleted' | 'identity' | 'outbox';
  /** The draft key, or the outbox submission's id. */
  key?: string;
  /** The tab that made the change; '' when unknown (a deletion heard through a `storage` event). */
  tabId: string;
}
/** What the reader typed, one draft per key (see draft-key.ts). */
export interface StoredDrafts {
  get(key: string): Promise<CommentDraft | undefined>;
  /** `writtenBy`: the tab the text comes from, when it is kept on behalf of another tab. Default: this tab. */
  save(key: string, content: string, writtenBy?: string): Promise<SaveResult>;
  /**
   * For `pagehide`: also writes a synchronous localStorage copy at once, which lands even
   * when the page is torn down before the IndexedDB write finishes. Reads take the newest.
   */
  saveBeforeLeaving(key: string, content: string, writtenBy?: string): Promise<SaveResult>;
  /**
   * The synchronous copy of the draft under `key` (see `saveBeforeLeaving`), read at once:
   * what another tab left on its way out, when there is no time to ask IndexedDB.
   */
  leftCopy(key: string): CommentDraft | undefined;
  delete(key: string): Promise<SaveResult>;
}
/** Comments on their way to the server, kept until the server has answered for each. */
export interface StoredOutbox {
  put(submission: CommentSubmission): Promise<SaveResult>;
  /** Oldest first. */
  list(): Promise<CommentSubmission[]>;
  delete(id: string): Promise<SaveResult>;
}
/** Name, email and website, kept only with the reader's consent. */
export interface StoredIdentity {
  get(): Promise<RememberedIdentity | undefined>;
  save(identity: RememberedIdentity): Promise<SaveResult>;
  forget(): Promise<SaveResult>;
}
export interface CommentStore {
  /** This page load's random id, written into drafts so tabs can tell each other apart. */
  readonly tabId: string;
  /** Where writes go now; 'memory' means nothing survives a reload. */
  readonly backend: StorageBackend;
  /** Settles once the first open attempt finished (success, failure or timeout). */
  readonly ready: Promise<StorageBackend>;
  readonly drafts: StoredDrafts;
  readonly outbox: StoredOutbox;
  readonly identity: StoredIdentity;
  /** Changes made by OTHER tabs (told through a BroadcastChannel). Returns an unsubscribe function. */
  onRemoteChange(listener: (change: CommentStoreChange) => void): () => void;
  /** Called when `backend` changes (e.g. IndexedDB failed and writes fell back). Returns an unsubscribe function. */
  onBackendChange(listener: (backend: StorageBackend) => void): () => void;
}
export interface CommentStoreOptions {
  /** The IndexedDB database, the localStorage key prefix and the BroadcastChannel name. Default 'news-widgets'. */
  databaseName?: string;
  /** How long opening IndexedDB, or one transaction, may take before we fall back. Default 3000. */
  openTimeoutMs?: number;
  /** This tab's id. Default: a new random id; `openCommentStore` keeps one per tab across reloads. */
  tabId?: string;
}

/** Where writes go last: nothing written there survives a reload. */
const MEMORY = BACKENDS.indexOf('memory');

/** What a change to `storageKey` means to another tab (undefined: not one of our keys). */
function describeChange(storageKey: string, deleted: boolean, tabId: string): CommentStoreChange | undefined {
  if (storageKey.startsWith('draft:'))
    return { kind: deleted ? 'draft-deleted' : 'draft', key: storageKey.slice(6), tabId };
  if (storageKey.startsWith('outbox:')) return { kind: 'outbox', key: storageKey.slice(7), tabId };
  if (storageKey === 'identity') return { kind: 'identity', tabId };
}

/**
 * A new store with its own connection, channel and tab id. Use `openCommentStore`; this is
 * exported for tests, which call it to simulate a reload or a second tab in one page.
 */
export function createCommentStore({
  databaseName = 'news-widgets',
  openTimeoutMs = 3000,
  tabId = newTabId(),
}: CommentStoreOptions = {}): CommentStore {
  const namespace = `${databaseName}:`;
  const hasIdb = (() => {
    try {
      return !!globalThis.indexedDB;
    } catch {
      return false;
    }
  })();
  // The object store keeps its first name, 'drafts', though it holds the outbox and identity too: what readers stored stays found.
  const idb = hasIdb ? createIdbStore(databaseName, 'drafts', openTimeoutMs) : undefined;
  const areas = [idbArea(idb), localArea(namespace), memoryArea()]; // in the order of BACKENDS
  const remoteListeners = new Set<(change: CommentStoreChange) => void>();
  const backendListeners = new Set<(backend: StorageBackend) => void>();
  // Listeners run on their own, so one that throws cannot break a save.
  const tell = <T>(listeners: Set<(value: T) => void>, value: T) =>
    listeners.forEach((listener) => queueMicrotask(() => listener(value)));

  let level = 0;
  /** Writes now go one backend further down (once per failing backend, however many writes saw it fail). */
  const fallBackFrom = (failed: number) => {
    if (level !== failed) return;
    level = failed === 0 && !localStorageIfAllowed() ? MEMORY : failed + 1;
    tell(backendListeners, BACKENDS[level]);
  };
  if (!hasIdb) fallBackFrom(0);

  // Every browser the elements run in has BroadcastChannel (they need AbortSignal.any, which came years later).
  const channel = new BroadcastChannel(databaseName);
  channel.onmessage = ({ data }: MessageEvent<CommentStoreChange>) => {
    if (typeof data?.kind === 'string' && data.tabId !== tabId) tell(remoteListeners, data);
  };
  const announce = (storageKey: string, deleted: boolean) => {
    try {
      channel.postMessage(describeChange(storageKey, deleted, tabId));
    } catch {
      // a closed channel: other tabs will see the change on their next read
    }
  };

  /** The newest copy anywhere, tombstones included. */
  const read = async (storageKey: string) => {
    const found = await Promise.all(areas.map((area) => area.get(storageKey).catch(() => undefined)));
    return found.reduce<Entry | undefined>(
      (newest, entry) => (entry && (!newest || entry.at > newest.at) ? entry : newest),
      undefined,
    );
  };

  /** Writes to the current backend, falling further back on failure. True when the entry landed somewhere durable. */
  const write = async (storageKey: string, entry: Entry) => {
    for (;;) {
      const from = level;
      try {
        await areas[from].set(storageKey, entry);
        return from < MEMORY;
      } catch {
        fallBackFrom(from);
      }
    }
  };

  const result = (ok: boolean): SaveResult => ({ ok: ok && level < MEMORY, backend: BACKENDS[level] });

  const save = async (storageKey: string, value: unknown) => {
    const ok = await write(storageKey, { value, at: Date.now(), tab: tabId });
    if (ok) announce(storageKey, false);
    return result(ok);
  };

  /** Deletes from every backend; where one cannot be reached, a tombstone keeps the old copy from coming back. */
  const remove = async (storageKey: string) => {
    const at = Date.now();
    const removed = await Promise.all(
      areas.map((area) =>
        area.delete(storageKey).then(
          () => true,
          () => false,
        ),
      ),
    );
    const ok = removed.every(Boolean) || (await write(storageKey, { at, tab: tabId }));
    if (ok) announce(storageKey, true);
    return result(ok);
  };

  const store: CommentStore = {
    tabId,
    get backend() {
      return BACKENDS[level];
    },
    ready: idb
      ? idb('readonly', () => undefined).then(
          () => BACKENDS[level],
          () => (fallBackFrom(0), BACKENDS[level]),
        )
      : Promise.resolve(BACKENDS[level]),

    drafts: {
      get: async (key) => (await read(`draft:${key}`))?.value as CommentDraft | undefined,
      save: (key, content, writtenBy = tabId) =>
        save(`draft:${key}`, { content, updatedAt: Date.now(), tabId: writtenBy } satisfies CommentDraft),
      saveBeforeLeaving: (key, content, writtenBy = tabId) => {
        const value: CommentDraft = { content, updatedAt: Date.now(), tabId: writtenBy };
        try {
          localStorageIfAllowed()?.setItem(
            `${namespace}draft:${key}`,
            JSON.stringify({ value, at: value.updatedAt, tab: tabId }),
          );
          // Told at once: the page may be gone before the IndexedDB write lands, and another
          // tab open on the same comment then reads this copy and offers it.
          announce(`draft:${key}`, false);
        } catch {
          // Over quota or blocked: the IndexedDB write below is still on its way.
        }
        return save(`draft:${key}`, value);
      },
      leftCopy: (key) => {
        try {
          const entry = JSON.parse(localStorageIfAllowed()?.getItem(`${namespace}draft:${key}`) ?? 'null');
          return (entry?.value as CommentDraft | undefined) ?? undefined;
        } catch {
          return undefined;
        }
      },
      delete: (key) => remove(`draft:${key}`),
    },

    identity: {
      get: async () => (await read('identity'))?.value as RememberedIdentity | undefined,
      save: ({ name, email, url }) => save('identity', { name, email, url }),
      forget: () => remove('identity'),
    },

    outbox: {
      put: (submission) => save(`outbox:${submission.id}`, submission),
      list: async () => {
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
      delete: (id) => remove(`outbox:${id}`),
    },

    onRemoteChange: (listener) => (remoteListeners.add(listener), () => void remoteListeners.delete(listener)),
    onBackendChange: (listener) => (backendListeners.add(listener), () => void backendListeners.delete(listener)),
  };
  return store;
}

const openStores = new Map<string, CommentStore>();

/** The page's one store for `databaseName` (several forms share it); options other than the name count on first use only. */
export function openCommentStore(options: CommentStoreOptions = {}): CommentStore {
  const name = options.databaseName ?? 'news-widgets';
  let store = openStores.get(name);
  if (!store)
    openStores.set(name, (store = createCommentStore({ tabId: sessionTabId(), ...options, databaseName: name })));
  return store;
}
