/**
 * Keeps what a reader types in the draft store for a `<comment-form>`: the comment
 * a moment after typing pauses and at once when the page is hidden or left; name,
 * email and website only with the reader's consent. Tells the form when drafts
 * cannot survive a reload, and when another tab edits the same draft.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CommentFields } from './comment.js';
import { openDraftStore, type DraftStore, type RememberedIdentity } from './draft-store.js';

/** How long typing must pause before the draft is written. */
export const DRAFT_SAVE_DELAY_MS = 700;
/** During continuous typing the draft is still written this often: about one write a second at most. */
export const DRAFT_SAVE_MAX_WAIT_MS = 1500;

export interface RestoredDraft {
  content?: string;
  identity?: RememberedIdentity;
}

export class DraftController implements ReactiveController {
  /** False once a write could not be made durable: the form says drafts will not survive a reload. */
  durable = true;
  /** Text another tab saved for the same draft, newer than what this tab shows. */
  otherTabContent: string | undefined;

  readonly #host: ReactiveControllerHost;
  #store: DraftStore | undefined;
  #key: string | undefined;
  #pendingContent: string | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #pendingSince = 0;
  #unsubscribe: (() => void)[] = [];

  constructor(host: ReactiveControllerHost) {
    (this.#host = host).addController(this);
  }

  get store(): DraftStore {
    return (this.#store ??= openDraftStore());
  }

  hostConnected(): void {
    addEventListener('pagehide', this.#flushNow);
    document.addEventListener('visibilitychange', this.#onVisibilityChange);
    const store = this.store;
    this.#unsubscribe = [
      store.onBackendChange((backend) => this.#setDurable(backend !== 'memory')),
      store.onRemoteChange((change) => {
        if (change.kind !== 'draft' || !change.key || change.key !== this.#key) return;
        void store.getDraft(change.key).then((draft) => {
          if (draft && draft.tabId !== store.tabId) {
            this.otherTabContent = draft.content;
            this.#host.requestUpdate();
          }
        });
      }),
    ];
  }

  hostDisconnected(): void {
    this.#flushNow();
    removeEventListener('pagehide', this.#flushNow);
    document.removeEventListener('visibilitychange', this.#onVisibilityChange);
    for (const unsubscribe of this.#unsubscribe) unsubscribe();
    this.#unsubscribe = [];
  }

  /** Switches to the draft of `key` and returns what was kept for it. */
  async restore(key: string): Promise<RestoredDraft> {
    this.#flushNow();
    this.#key = key;
    const store = this.store;
    this.#setDurable((await store.ready) !== 'memory');
    const [draft, identity] = await Promise.all([store.getDraft(key), store.getIdentity()]);
    return { content: draft?.content || undefined, identity };
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

  /** Name, email and website: kept only while the reader consents; withdrawing consent forgets them. */
  async identityChanged(fields: CommentFields, remember: boolean): Promise<void> {
    const store = this.store;
    const result = remember
      ? await store.saveIdentity({ name: fields.name, email: fields.email, url: fields.url })
      : await store.forgetIdentity();
    if (remember) this.#setDurable(result.ok);
  }

  /** The reader discards the draft, or the server confirmed the comment. */
  async deleteDraft(key = this.#key): Promise<void> {
    if (key === this.#key) {
      clearTimeout(this.#timer);
      this.#pendingContent = undefined;
      this.otherTabContent = undefined;
    }
    if (key) await this.store.deleteDraft(key);
  }

  /** The reader took the other tab's text. */
  acceptOtherTab(): string | undefined {
    const content = this.otherTabContent;
    this.otherTabContent = undefined;
    this.#host.requestUpdate();
    return content;
  }

  #flushNow = (): void => {
    clearTimeout(this.#timer);
    const content = this.#pendingContent;
    const key = this.#key;
    if (content === undefined || !key) return;
    this.#pendingContent = undefined;
    const store = this.store;
    void (content.trim() ? store.saveDraft(key, content) : store.deleteDraft(key)).then((result) =>
      this.#setDurable(result.ok),
    );
  };

  #onVisibilityChange = (): void => {
    if (document.visibilityState === 'hidden') this.#flushNow();
  };

  #setDurable(durable: boolean): void {
    if (durable === this.durable) return;
    this.durable = durable;
    this.#host.requestUpdate();
  }
}
