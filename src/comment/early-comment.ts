/**
 * What `<comment-form>` holds before its engine (comment-lifecycle.ts, a chunk) has
 * arrived: what the reader typed, in the shape the templates show. The box takes typing at
 * once, and the text is never lost meanwhile: when the page is hidden or left, a synchronous
 * copy goes to localStorage in exactly the form the comment store's `saveBeforeLeaving`
 * writes, under the same draft key, so that the engine's restore finds it after a reload or
 * a closed tab. When the engine arrives, the form hands all this over through its methods.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CommentField, CommentFields, FieldErrors, FormError } from './comment.js';
import type { CommentDraft } from './comment-store.js';
import type { ServerRenderedForm } from './server-rendered-form.js';
import { earlyCopyKey } from './draft-key.js';
import { sessionTabId } from './tab-id.js';

/** Where the comment store keeps the copy, in localStorage. */
const copyStorageKey = (key: string) => `news-widgets:draft:${earlyCopyKey(key)}`;

export class EarlyComment implements ReactiveController {
  fields: CommentFields = { content: '', name: '', email: '', url: '' };
  remember = false;
  fieldErrors: FieldErrors = {};
  /** Set when a comment could not be sent because the engine could not be downloaded. */
  formError: FormError | undefined;
  readonly status = '';
  readonly draftRestored = false;
  readonly pending = undefined;
  readonly otherVersion = undefined;
  readonly durable = true;
  /** The fields the reader typed into. */
  readonly typed = new Set<CommentField>();
  /** The reader ticked or unticked the consent box. */
  rememberChanged = false;
  /** What a wrapped server-rendered form held when it was taken over. */
  serverForm: ServerRenderedForm | undefined;

  readonly #host: ReactiveControllerHost;
  readonly #draftKey: () => string | undefined;
  #connected = false;
  /** The copy an earlier page left, shown in the box here (the reader types on from it). */
  #shownCopy: string | undefined;
  /** This page wrote the copy: what is stored is its own. */
  #wroteCopy = false;

  /** `draftKey`: the comment's draft key now, undefined while where it belongs is not known. */
  constructor(host: ReactiveControllerHost, draftKey: () => string | undefined) {
    (this.#host = host).addController(this);
    this.#draftKey = draftKey;
  }

  hostConnected(): void {
    this.#connected = true;
    // A page left before the engine came left its copy: the box shows it at once, so what
    // the reader types next joins it, and a later copy holds both.
    const copy = this.#storedCopy();
    if (copy && !this.fields.content) this.fields = { ...this.fields, content: (this.#shownCopy = copy) };
    addEventListener('pagehide', this.#keepCopy);
    document.addEventListener('visibilitychange', this.#onVisibilityChange);
  }

  hostDisconnected(): void {
    // Taken off the page before the engine came: the text is kept as if the page were left.
    this.#keepCopy();
    this.#stop();
  }

  /**
   * The engine took over (it writes the draft from now on, and reads what is stored first):
   * the copy is brought up to what the box holds, so that the engine's restore finds the
   * reader's text newest, and this stops.
   */
  handOver(): void {
    if (this.#connected) {
      // Not told to other tabs: this tab is not leaving, and its engine takes the copy.
      this.#keepCopy(false);
      this.#stop();
    }
    this.#host.removeController(this);
  }

  #stop(): void {
    this.#connected = false;
    removeEventListener('pagehide', this.#keepCopy);
    document.removeEventListener('visibilitychange', this.#onVisibilityChange);
  }

  /** The reader typed into `field`. */
  input(field: CommentField, value: string): void {
    this.fields = { ...this.fields, [field]: value };
    this.typed.add(field);
    this.formError = undefined;
    this.#host.requestUpdate();
  }

  /** The reader ticked or unticked "Save my name, email, and website". */
  setRemember(remember: boolean): void {
    this.remember = remember;
    this.rememberChanged = true;
  }

  /** A wrapped server-rendered form was taken over: what it held goes into the fields the reader has not typed into. */
  adoptServerForm(read: ServerRenderedForm): void {
    this.serverForm = read;
    const { typed, prefilled, remember } = read;
    for (const [field, value] of Object.entries({ ...prefilled, ...typed }) as [CommentField, string][]) {
      if (!this.typed.has(field)) this.fields = { ...this.fields, [field]: value };
    }
    if (remember !== undefined && !this.rememberChanged) this.remember = remember;
    this.#host.requestUpdate();
  }

  /** The copy left under the draft key by a page without the engine, if any. */
  #storedCopy(): string | undefined {
    const key = this.#draftKey();
    try {
      return key
        ? (JSON.parse(localStorage.getItem(copyStorageKey(key)) ?? 'null')?.value as CommentDraft)?.content
        : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * The synchronous copy of the comment the reader typed (never of an empty box: that
   * deletes nothing). A copy left by another page and not shown here (another tab's, or one
   * that came before this form knew its place) is kept in it, above the reader's text.
   */
  #keepCopy = (tell: unknown = true): void => {
    const key = this.#draftKey();
    let { content } = this.fields;
    if (!key || !content.trim() || !(this.typed.has('content') || this.serverForm?.typed.content)) return;
    const earlier = this.#wroteCopy ? undefined : this.#storedCopy();
    if (earlier?.trim() && earlier !== this.#shownCopy && !content.includes(earlier))
      content = `${earlier}\n\n${content}`;
    const tabId = sessionTabId();
    const value: CommentDraft = { content, updatedAt: Date.now(), tabId };
    try {
      localStorage.setItem(copyStorageKey(key), JSON.stringify({ value, at: value.updatedAt, tab: tabId }));
      this.#wroteCopy = true;
      // Told at once, as the comment store tells its writes: another tab open on the comment offers it.
      if (tell) new BroadcastChannel('news-widgets').postMessage({ kind: 'draft', key: earlyCopyKey(key), tabId });
    } catch {
      // Storage blocked or full: nothing else can be kept before the page goes.
    }
  };

  #onVisibilityChange = (): void => {
    if (document.visibilityState === 'hidden') this.#keepCopy();
  };
}
