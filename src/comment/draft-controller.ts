/**
 * Keeps what a reader types in the draft store for a `<comment-form>`: the comment
 * a moment after typing pauses and at once when the page is hidden or left; name,
 * email and website only with the reader's consent. Tells the form when drafts
 * cannot survive a reload, and when another tab edits the same draft.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CommentFields } from './comment.js';
import { openCommentStore, type CommentStore, type RememberedIdentity } from './comment-store.js';

/** How long typing must pause before the draft is written. */
export const DRAFT_SAVE_DELAY_MS = 700;
/** During continuous typing the draft is still written this often: about one write a second at most. */
export const DRAFT_SAVE_MAX_WAIT_MS = 1500;

export interface RestoredDraft {
  content?: string;
  identity?: RememberedIdentity;
}

/** Where the text of another tab goes when this tab saves over it, so neither is lost. */
const otherVersionKey = (key: string) => `${key}|other-version`;
/** The writer of an earlier draft kept aside: no tab's own text. */
const EARLIER_DRAFT = 'earlier-draft';

export class DraftController implements ReactiveController {
  /** False once a write could not be made durable: the form says drafts will not survive a reload. */
  durable = true;
  /**
   * Text of the same draft from another tab: newer than what this tab shows, or kept
   * aside when one tab saved over the other's. The form offers to switch to it.
   */
  otherTabContent: string | undefined;
  /** True when `otherTabContent` is an earlier draft kept aside (see `keepAside`), not another tab's text. */
  otherIsEarlierDraft = false;

  readonly #host: ReactiveControllerHost;
  #store: CommentStore | undefined;
  #key: string | undefined;
  #pendingContent: string | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #pendingSince = 0;
  #identityTimer: ReturnType<typeof setTimeout> | undefined;
  #pendingIdentity: RememberedIdentity | undefined;
  #unsubscribe: (() => void)[] = [];

  constructor(host: ReactiveControllerHost) {
    (this.#host = host).addController(this);
  }

  get store(): CommentStore {
    return (this.#store ??= openCommentStore());
  }

  hostConnected(): void {
    addEventListener('pagehide', this.#flushBeforeLeaving);
    document.addEventListener('visibilitychange', this.#onVisibilityChange);
    const store = this.store;
    this.#unsubscribe = [
      store.onBackendChange((backend) => this.#setDurable(backend !== 'memory')),
      store.onRemoteChange((change) => {
        if (!change.key || change.key !== this.#key) return;
        if (change.kind === 'draft-deleted') {
          // The other tab posted (or discarded) its text: it is no longer on offer here.
          this.otherTabContent = undefined;
          this.#host.requestUpdate();
        } else if (change.kind === 'draft') {
          void store.drafts.get(change.key).then((draft) => {
            if (draft && draft.tabId !== store.tabId) {
              this.otherTabContent = draft.content;
              this.otherIsEarlierDraft = false;
              this.#host.requestUpdate();
            }
          });
        }
      }),
    ];
  }

  hostDisconnected(): void {
    this.#flushNow();
    removeEventListener('pagehide', this.#flushBeforeLeaving);
    document.removeEventListener('visibilitychange', this.#onVisibilityChange);
    for (const unsubscribe of this.#unsubscribe) unsubscribe();
    this.#unsubscribe = [];
  }

  /** Switches to the draft of `key` and returns what was kept for it. */
  async restore(key: string): Promise<RestoredDraft> {
    this.#flushNow();
    this.#key = key;
    // Text typed before the key was known is written under it.
    if (this.#pendingContent !== undefined) this.contentChanged(this.#pendingContent);
    const store = this.store;
    this.#setDurable((await store.ready) !== 'memory');
    const [draft, other, identity] = await Promise.all([
      store.drafts.get(key),
      store.drafts.get(otherVersionKey(key)),
      store.identity.get(),
    ]);
    // After a reload, a tab gets back the text it wrote itself; the other version is offered.
    const [shown, offered] = other && other.tabId === store.tabId ? [other, draft] : [draft, other];
    this.otherTabContent = offered?.content && offered.content !== shown?.content ? offered.content : undefined;
    this.otherIsEarlierDraft = offered?.tabId === EARLIER_DRAFT;
    return { content: shown?.content || undefined, identity };
  }

  /** The reader typed: write the comment once typing pauses. */
  contentChanged(content: string): void {
    const now = Date.now();
    if (this.#pendingContent === undefined) this.#pendingSince = now;
    this.#pendingContent = content;
    clearTimeout(this.#timer);
    const untilMaxWait = this.#pendingSince + DRAFT_SAVE_MAX_WAIT_MS - now;
    this.#timer = setTimeout(this.#flushNow, Math.max(0, Math.min(DRAFT_SAVE_DELAY_MS, untilMaxWait)));
  }

  /**
   * Name, email and website: kept only while the reader consents (written once typing
   * pauses, like the comment); withdrawing consent forgets them at once.
   */
  identityChanged(fields: CommentFields, remember: boolean, { now = false } = {}): void {
    clearTimeout(this.#identityTimer);
    this.#pendingIdentity = undefined;
    if (!remember) {
      void this.store.identity.forget();
      return;
    }
    this.#pendingIdentity = { name: fields.name, email: fields.email, url: fields.url };
    if (now) this.#flushIdentity();
    else this.#identityTimer = setTimeout(this.#flushIdentity, DRAFT_SAVE_DELAY_MS);
  }

  #flushIdentity = (): void => {
    clearTimeout(this.#identityTimer);
    const identity = this.#pendingIdentity;
    this.#pendingIdentity = undefined;
    if (identity) void this.store.identity.save(identity).then((result) => this.#setDurable(result.ok));
  };

  /** The reader discards the draft, or the server confirmed the comment. */
  async deleteDraft(key = this.#key): Promise<void> {
    if (key === this.#key) {
      clearTimeout(this.#timer);
      this.#pendingContent = undefined;
    }
    if (key) await this.store.drafts.delete(key);
  }

  /** The reader discards the draft: this tab's text and any other tab's version kept aside. */
  async discard(): Promise<void> {
    const key = this.#key;
    this.otherTabContent = undefined;
    await this.deleteDraft(key);
    if (key) await this.store.drafts.delete(otherVersionKey(key));
  }

  /**
   * A stored draft that newer text replaces (typed before the form could show the
   * draft): kept aside as the other version, and offered, so neither is lost.
   */
  keepAside(content: string, newerContent: string): void {
    this.otherTabContent = content;
    this.otherIsEarlierDraft = true;
    const key = this.#key;
    if (key) {
      // The earlier draft as no tab's own text, then the newer text in its place (so that no
      // save takes the earlier draft for another tab's): after a reload, the newer text is shown.
      const store = this.store;
      void store.drafts.save(otherVersionKey(key), content, EARLIER_DRAFT).then(() => store.drafts.save(key, newerContent));
    }
    this.#host.requestUpdate();
  }

  /** The reader switches to the other tab's text; this tab's text is kept aside in its place. */
  acceptOtherTab(currentContent: string): string | undefined {
    const content = this.otherTabContent;
    const key = this.#key;
    this.otherTabContent = currentContent.trim() ? currentContent : undefined;
    if (key) {
      const store = this.store;
      void (currentContent.trim() ? store.drafts.save(otherVersionKey(key), currentContent) : store.drafts.delete(otherVersionKey(key)));
    }
    this.#host.requestUpdate();
    return content;
  }

  #flushNow = (): void => {
    this.#flushIdentity();
    void this.#flush(false);
  };
  #flushBeforeLeaving = (): void => {
    this.#flushIdentity();
    void this.#flush(true);
  };

  async #flush(leaving: boolean): Promise<void> {
    clearTimeout(this.#timer);
    const content = this.#pendingContent;
    const key = this.#key;
    if (content === undefined || !key) return;
    this.#pendingContent = undefined;
    const store = this.store;
    if (!content.trim()) {
      this.#setDurable((await store.drafts.delete(key)).ok);
      return;
    }
    if (leaving) {
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
    this.#host.requestUpdate();
  }
}
