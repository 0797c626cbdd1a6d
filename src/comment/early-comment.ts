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

  /** `draftKey`: the comment's draft key now, undefined while where it belongs is not known. */
  constructor(host: ReactiveControllerHost, draftKey: () => string | undefined) {
    (this.#host = host).addController(this);
    this.#draftKey = draftKey;
  }

  hostConnected(): void {
    this.#connected = true;
    addEventListener('pagehide', this.#keepCopy);
    document.addEventListener('visibilitychange', this.#onVisibilityChange);
  }

  hostDisconnected(): void {
    // Taken off the page before the engine came: the text is kept as if the page were left.
    this.#keepCopy();
    this.#stop();
  }

  /** The engine took over (it writes the draft from now on, and reads what is stored first): this stops. */
  handOver(): void {
    if (this.#connected) this.#stop();
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

  /** The synchronous copy of the comment the reader typed (never of an empty box: that deletes nothing). */
  #keepCopy = (): void => {
    const key = this.#draftKey();
    const { content } = this.fields;
    if (!key || !content.trim() || !(this.typed.has('content') || this.serverForm?.typed.content)) return;
    const tabId = sessionTabId();
    const value: CommentDraft = { content, updatedAt: Date.now(), tabId };
    try {
      localStorage.setItem(
        `news-widgets:draft:${earlyCopyKey(key)}`,
        JSON.stringify({ value, at: value.updatedAt, tab: tabId }),
      );
    } catch {
      // Storage blocked or full: nothing else can be kept before the page goes.
    }
  };

  #onVisibilityChange = (): void => {
    if (document.visibilityState === 'hidden') this.#keepCopy();
  };
}
