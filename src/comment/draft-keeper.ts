/**
 * Keeps what a reader types in the comment store, under the draft key the comment's
 * lifecycle (comment-lifecycle.ts) holds: the comment a moment after typing pauses and
 * at once when the page is hidden or left; name, email and website only with the
 * reader's consent. Knows when drafts cannot survive a reload, and when another version
 * of the same comment is kept (another tab's text, or an earlier draft).
 */
import type { CommentFields } from './comment.js';
import type { CommentDraft, CommentStore, RememberedIdentity } from './comment-store.js';
import { earlyCopyKey } from './draft-key.js';

/** How long typing must pause before the draft is written. */
export const DRAFT_SAVE_DELAY_MS = 700;
/** During continuous typing the draft is still written this often: about one write a second at most. */
export const DRAFT_SAVE_MAX_WAIT_MS = 1500;

/** Another version of the comment than the one in the box, which the reader can switch to. */
export interface OtherVersion {
  /**
   * `other-tab`: another tab's text of the same draft. `earlier-draft`: a stored draft that
   * newer text replaced (typed before the form could show the draft), kept aside.
   */
  source: 'other-tab' | 'earlier-draft';
  content: string;
}

export interface RestoredDraft {
  content?: string;
  identity?: RememberedIdentity;
}

/** Where the other version is stored, beside the draft: so neither text is lost. */
const otherVersionKey = (key: string) => `${key}|other-version`;
/**
 * An earlier draft kept aside is stored as written by this marker instead of a tab's id:
 * no tab has it, so after a reload it is offered, never shown as the tab's own text.
 */
const EARLIER_DRAFT_WRITER = 'earlier-draft';

const versionOf = ({ tabId, content }: CommentDraft): OtherVersion => ({
  source: tabId === EARLIER_DRAFT_WRITER ? 'earlier-draft' : 'other-tab',
  content,
});

export class DraftKeeper {
  /** False once a write could not be made durable: the form says drafts will not survive a reload. */
  durable = true;
  /** The other version on offer, if any. */
  otherVersion: OtherVersion | undefined;

  readonly #store: () => CommentStore;
  readonly #key: () => string | undefined;
  readonly #changed: () => void;
  #pendingContent: string | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #pendingSince = 0;
  #identityTimer: ReturnType<typeof setTimeout> | undefined;
  #pendingIdentity: RememberedIdentity | undefined;
  #unsubscribe: (() => void)[] = [];
  /** The writes under way: a delete waits for them, so that a draft deleted on confirmation never comes back. */
  #writing: Promise<void> = Promise.resolve();

  /** `key`: the draft key now (undefined while it cannot be known); `changed`: the state above changed. */
  constructor(store: () => CommentStore, key: () => string | undefined, changed: () => void) {
    this.#store = store;
    this.#key = key;
    this.#changed = changed;
  }

  connect(): void {
    addEventListener('pagehide', this.#flushBeforeLeaving);
    document.addEventListener('visibilitychange', this.#onVisibilityChange);
    const store = this.#store();
    this.#unsubscribe = [
      store.onBackendChange((backend) => this.#setDurable(backend !== 'memory')),
      store.onRemoteChange((change) => {
        const key = this.#key();
        // Another tab left before its engine came and copied its text (early-comment.ts): offered here, and kept.
        if (!key) return;
        const early = change.key === earlyCopyKey(key);
        if (change.key !== key && !early) return;
        if (change.kind === 'draft') {
          void store.drafts.get(change.key!).then(async (draft) => {
            if (draft && draft.tabId !== store.tabId) {
              this.otherVersion = versionOf(draft);
              this.#changed();
              if (early) {
                // Kept as the other version, beside what is kept there already.
                await this.#storeOtherVersion(key, draft.content, undefined, draft.tabId);
                void store.drafts.delete(change.key!);
              }
            }
          });
        } else if (!early) {
          // The other tab posted (or discarded) its text: it is no longer on offer here.
          this.otherVersion = undefined;
          this.#changed();
        }
      }),
    ];
  }

  disconnect(): void {
    this.flushNow();
    removeEventListener('pagehide', this.#flushBeforeLeaving);
    document.removeEventListener('visibilitychange', this.#onVisibilityChange);
    for (const unsubscribe of this.#unsubscribe) unsubscribe();
    this.#unsubscribe = [];
  }

  /**
   * What was kept under the key now: the tab's own text and the remembered identity; the
   * other version becomes the one on offer. Text typed before the key was known is written under it.
   */
  async restore(): Promise<RestoredDraft> {
    const key = this.#key();
    if (this.#pendingContent !== undefined) this.contentChanged(this.#pendingContent);
    if (!key) return {};
    const store = this.#store();
    this.#setDurable((await store.ready) !== 'memory');
    const [draft, other, early, identity] = await Promise.all([
      store.drafts.get(key),
      store.drafts.get(otherVersionKey(key)),
      store.drafts.get(earlyCopyKey(key)),
      store.identity.get(),
    ]);
    if (early?.content.trim()) {
      // Typed before the engine arrived, on a page left since (or handed over on this page):
      // the newer of it and the draft is shown and becomes the draft, the other is kept aside
      // and offered, unless the newer holds it (typed on from it, as when the reader types on
      // while the engine arrives and the draft of the last keys is written before this read).
      void store.drafts.delete(earlyCopyKey(key));
      const [{ content }, older] = draft && draft.updatedAt > early.updatedAt ? [draft, early] : [early, draft];
      if (older && !content.includes(older.content.trim())) this.keepAside(older.content, content);
      else await store.drafts.save(key, content);
      return { content, identity };
    }
    // After a reload, a tab gets back the text it wrote itself; the other version is offered.
    const [shown, offered] = other && other.tabId === store.tabId ? [other, draft] : [draft, other];
    this.otherVersion = offered?.content && offered.content !== shown?.content ? versionOf(offered) : undefined;
    return { content: shown?.content || undefined, identity };
  }

  /** The reader typed: write the comment once typing pauses. */
  contentChanged(content: string): void {
    const now = Date.now();
    if (this.#pendingContent === undefined) this.#pendingSince = now;
    this.#pendingContent = content;
    clearTimeout(this.#timer);
    const untilMaxWait = this.#pendingSince + DRAFT_SAVE_MAX_WAIT_MS - now;
    this.#timer = setTimeout(this.flushNow, Math.max(0, Math.min(DRAFT_SAVE_DELAY_MS, untilMaxWait)));
  }

  /**
   * Name, email and website: kept only while the reader consents (written once typing
   * pauses, like the comment); withdrawing consent forgets them at once.
   */
  identityChanged(fields: CommentFields, remember: boolean, { now = false } = {}): void {
    clearTimeout(this.#identityTimer);
    this.#pendingIdentity = undefined;
    if (!remember) {
      void this.#store().identity.forget();
      return;
    }
    this.#pendingIdentity = { name: fields.name, email: fields.email, url: fields.url };
    if (now) this.#flushIdentity();
    else this.#identityTimer = setTimeout(this.#flushIdentity, DRAFT_SAVE_DELAY_MS);
  }

  /**
   * Deletes the draft under `key` (the server confirmed its comment); a write still waiting
   * for it is dropped. With `sent`, the draft of a key the form has left: deleted only if it
   * still holds the text sent, so that text typed after it is kept.
   */
  async delete(key: string, sent?: string): Promise<void> {
    if (key === this.#key()) {
      clearTimeout(this.#timer);
      this.#pendingContent = undefined;
    }
    await this.#writing;
    const { drafts } = this.#store();
    if (sent !== undefined && (await drafts.get(key))?.content.trim() !== sent) return;
    await drafts.delete(key);
  }

  /** The reader discards the draft: this tab's text and the other version alike. */
  async discard(): Promise<void> {
    const key = this.#key();
    this.otherVersion = undefined;
    if (!key) return;
    await this.delete(key);
    await this.#store().drafts.delete(otherVersionKey(key));
  }

  /**
   * A stored draft that newer text replaces (typed before the form could show the
   * draft), or text the box held when a comment waiting to be sent took its place: kept
   * aside as the other version, and offered, so neither is lost.
   */
  keepAside(content: string, newerContent?: string): void {
    this.otherVersion = { source: 'earlier-draft', content };
    // `content` is what waited to be written: it is kept aside now, not written over the draft later.
    clearTimeout(this.#timer);
    this.#pendingContent = undefined;
    const key = this.#key();
    if (key) {
      // The earlier draft first, then the newer text in its place (so that no save takes
      // the earlier draft for another tab's): after a reload, the newer text is shown.
      // Without newer text the draft is left as it is (a comment waiting to be sent owns it).
      const { drafts } = this.#store();
      void drafts.save(otherVersionKey(key), content, EARLIER_DRAFT_WRITER).then(async () => {
        if (newerContent !== undefined) await drafts.save(key, newerContent);
      });
    }
    this.#changed();
  }

  /** The reader switches to the other version; the text in the box is kept aside in its place. Returns the text to show. */
  useOtherVersion(currentContent: string): string | undefined {
    const offered = this.otherVersion;
    if (!offered) return undefined;
    const keep = currentContent.trim() ? currentContent : undefined;
    this.otherVersion = keep ? { ...offered, content: keep } : undefined;
    const key = this.#key();
    if (key) void this.#storeOtherVersion(key, keep, offered.content);
    this.#changed();
    return offered.content;
  }

  /**
   * Stores `content` as the other version (none when undefined), and offers it. What is stored
   * there already stays beside it, unless it is `taken` into the box or `content` holds it: it
   * may be another text than the one on offer (a tab that left before its engine came, while
   * another tab's live text was offered since).
   */
  async #storeOtherVersion(
    key: string,
    content: string | undefined,
    taken?: string,
    writtenBy?: string,
  ): Promise<void> {
    const { drafts } = this.#store();
    const stored = (await drafts.get(otherVersionKey(key)))?.content;
    if (stored?.trim() && stored !== taken && !content?.includes(stored)) {
      this.otherVersion = {
        source: 'earlier-draft',
        content: (content = content ? `${content}\n\n${stored}` : stored),
      };
      this.#changed();
    }
    await (content === undefined
      ? drafts.delete(otherVersionKey(key))
      : drafts.save(otherVersionKey(key), content, writtenBy));
  }

  /** Writes what waits to be written, now. */
  flushNow = (): void => {
    this.#flushIdentity();
    this.#write(false);
  };

  /**
   * Writes what waits to be written now, with the synchronous copy made when the page is
   * left: for a comment just sent, whose tab may close before IndexedDB has written it.
   */
  flushDurably = (): void => this.#flushBeforeLeaving();

  #flushBeforeLeaving = (): void => {
    this.#flushIdentity();
    this.#write(true);
  };

  #write(leaving: boolean): void {
    const write = this.#flush(leaving);
    this.#writing = this.#writing.then(() => write);
  }

  #flushIdentity = (): void => {
    clearTimeout(this.#identityTimer);
    const identity = this.#pendingIdentity;
    this.#pendingIdentity = undefined;
    if (identity)
      void this.#store()
        .identity.save(identity)
        .then((result) => this.#setDurable(result.ok));
  };

  async #flush(leaving: boolean): Promise<void> {
    clearTimeout(this.#timer);
    const content = this.#pendingContent;
    const key = this.#key();
    if (content === undefined || !key) return;
    this.#pendingContent = undefined;
    const store = this.#store();
    if (!content.trim()) {
      this.#setDurable((await store.drafts.delete(key)).ok);
      return;
    }
    if (leaving) {
      // No time to ask IndexedDB what another tab wrote: the other tab's text on offer here,
      // or the copy another tab left on its way out, is kept aside first, as an earlier
      // draft, so that this text replacing it loses nothing.
      const left = store.drafts.leftCopy(key);
      const theirs =
        this.otherVersion?.source === 'other-tab'
          ? this.otherVersion.content
          : left && left.tabId !== store.tabId
            ? left.content
            : undefined;
      if (theirs?.trim() && theirs !== content)
        void store.drafts.saveBeforeLeaving(otherVersionKey(key), theirs, EARLIER_DRAFT_WRITER);
      this.#setDurable((await store.drafts.saveBeforeLeaving(key, content)).ok);
      return;
    }
    // Two tabs on one draft: before this tab's text replaces another tab's, keep theirs aside.
    // (One read per save, and saves come at most about once a second.)
    const theirs = await store.drafts.get(key);
    if (theirs && theirs.tabId !== store.tabId && theirs.content.trim() && theirs.content !== content) {
      await store.drafts.save(otherVersionKey(key), theirs.content, theirs.tabId);
    }
    this.#setDurable((await store.drafts.save(key, content)).ok);
  }

  #onVisibilityChange = (): void => {
    if (document.visibilityState === 'hidden') this.#flushBeforeLeaving();
  };

  #setDurable(durable: boolean): void {
    if (durable === this.durable) return;
    this.durable = durable;
    this.#changed();
  }
}
