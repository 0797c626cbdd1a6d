/**
 * The one owner of a comment's life in `<comment-form>`: key → draft → outbox → confirm →
 * delete. It works out the draft key from where the comment belongs, holds what the reader
 * types and keeps it as a draft (draft-keeper.ts), puts the draft back when the form opens
 * again, sends the comment (comment-delivery.ts: retries, then the outbox; the code that
 * sends is a chunk, fetched on the reader's first focus or input, or once the page is idle), sends the
 * outbox again on its own schedule (once the key is known, when the browser is back
 * online, then in widening rounds), and deletes the draft only once the server has
 * confirmed the comment. The element renders its state and turns what it reports into
 * events; every failure is a value in that state, never a rejection.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type {
  CommentField,
  CommentFields,
  CommentIdentity,
  CommentSubmission,
  FieldErrors,
  FormError,
} from './comment.js';
import type { DeliveryProgress, DeliveryResult } from './comment-delivery.js';
import { loadDelivery, preloadDelivery, preloadDeliveryWhenIdle } from './comment-delivery-loader.js';
import { openCommentStore, type CommentStore } from './comment-store.js';
import { resolveProtocol } from './comment-protocol.js';
import { DraftKeeper, type OtherVersion } from './draft-keeper.js';
import { draftKey, type DraftPlace } from './draft-key.js';
import { newSubmissionId } from './random-id.js';
import { outboxRetryDelay } from './retry-policy.js';
import { normalizeCommentFields, validateComment } from './validate-comment.js';

/** The status line, as the key of its words, so that it follows the page's language. */
export type CommentStatus =
  '' | 'sending' | 'posted' | 'pending' | 'duplicate' | 'queued' | 'unconfirmed' | 'draftRestored' | 'draftDiscarded';

/** The comment on its way to the server: sent now, or waiting for its next attempt. */
export interface PendingComment {
  submission: CommentSubmission;
  progress: DeliveryProgress;
}

/** Where a comment goes and who writes it, as the element's attributes (or the form it wraps) say. */
export interface CommentTarget {
  /** Undefined: the form is not connected to a comment service. */
  endpoint: string | undefined;
  /** The `protocol` attribute; resolved against the endpoint. */
  protocol?: string;
  postId?: string;
  parent?: string;
  nonce?: string;
  identity: CommentIdentity;
}

/** How a comment ended as far as the reader is concerned: answered for, or waiting in the outbox. */
export type Settlement = Exclude<DeliveryResult, { kind: 'interrupted' | 'sent-elsewhere' }>;

/** What pressing "Post Comment" started. */
export type SubmitStart =
  /** A comment is on its way already: nothing new is sent. */
  | { kind: 'busy' }
  /** Something must be fixed first (or the form is not connected): nothing is sent. */
  | { kind: 'invalid'; fieldErrors: FieldErrors; formError?: FormError }
  /** `beforeSend` said no: the site sends the comment itself. */
  | { kind: 'cancelled'; submission: CommentSubmission }
  /** On its way: `settled` tells how it ends. */
  | { kind: 'sending'; submission: CommentSubmission };

export interface CommentLifecycleOptions {
  /** Where the comment belongs, read before each update; undefined until it can be known (an article still loading, a wrapped form not read yet). */
  place: () => DraftPlace | undefined;
  /** A saved draft was put back into the box. */
  restored?: (content: string) => void;
  /** A comment was answered for or waits in the outbox, those the outbox sends by itself included. */
  settled?: (submission: CommentSubmission, result: Settlement) => void;
  /** Default: the page's one store. */
  store?: () => CommentStore;
}

const isWaiting = (result: DeliveryResult) => result.kind === 'queued' || result.kind === 'sending-elsewhere';

export class CommentLifecycle implements ReactiveController {
  /** The comment's draft key, once where it belongs is known. */
  key: string | undefined;
  /** What the reader has typed. */
  fields: CommentFields = { content: '', name: '', email: '', url: '' };
  /** The reader agreed to have their name, email and website remembered. */
  remember = false;
  fieldErrors: FieldErrors = {};
  formError: FormError | undefined;
  status: CommentStatus = '';
  /** A saved draft was put back, and the reader has neither posted nor discarded it. */
  draftRestored = false;
  /** The comment on its way, if any. */
  pending: PendingComment | undefined;

  readonly #host: ReactiveControllerHost;
  readonly #options: CommentLifecycleOptions;
  readonly #store: () => CommentStore;
  readonly #drafts: DraftKeeper;
  #keyInputs = '';
  /** The key was worked out without a post id: the post is still to be learned, the comment is the same. */
  #postUnknown = false;
  #keyMemo = '';
  #restoring = 0;
  #restored: Promise<void> = Promise.resolve();
  /** Values a wrapped server-rendered form printed (WordPress's cookies): used, but not the reader's text. */
  #prefilled: Partial<CommentFields> = {};
  /** Text came from a wrapped form: typed before the script ran, it may be newer than the stored draft. */
  #adopted = false;
  #abort = new AbortController();
  #outboxTimer: ReturnType<typeof setTimeout> | undefined;
  #outboxRounds = 0;

  constructor(host: ReactiveControllerHost, options: CommentLifecycleOptions) {
    (this.#host = host).addController(this);
    this.#options = options;
    this.#store = options.store ?? (() => openCommentStore());
    this.#drafts = new DraftKeeper(
      this.#store,
      () => this.key,
      () => host.requestUpdate(),
    );
  }

  /** Another version of the comment the reader can switch to: another tab's, or an earlier draft. */
  get otherVersion(): OtherVersion | undefined {
    return this.#drafts.otherVersion;
  }

  /** False once drafts cannot outlive the page (nothing durable to write to). */
  get durable(): boolean {
    return this.#drafts.durable;
  }

  hostConnected(): void {
    this.#abort = new AbortController();
    addEventListener('online', this.#sendOutbox);
    this.#drafts.connect();
    // The code that sends arrives as a chunk: fetched before the reader can need it.
    preloadDeliveryWhenIdle();
    // Back on the page after a move in the DOM: what waits in the outbox is tried again.
    if (this.key) this.#scheduleOutbox(0);
  }

  hostDisconnected(): void {
    this.#drafts.disconnect();
    // Waits and requests stop; the comment is in the outbox already if it needed to be.
    this.#abort.abort();
    clearTimeout(this.#outboxTimer);
    removeEventListener('online', this.#sendOutbox);
  }

  hostUpdate(): void {
    const place = this.#options.place();
    const key = place && this.#keyFor(place);
    if (key && key !== this.key) this.#switchTo(key, place.postId === undefined);
  }

  /** The reader came to the form (focused it): the code that sends is fetched now, if it is not here yet. */
  prepare(): void {
    preloadDelivery();
  }

  /** The reader typed into `field`. */
  input(field: CommentField, value: string): void {
    preloadDelivery();
    this.fields = { ...this.fields, [field]: value };
    if (field === 'content') this.#drafts.contentChanged(value);
    else if (this.remember) this.#drafts.identityChanged(this.fields, true);
    this.#host.requestUpdate();
  }

  /** The reader ticked or unticked "Save my name, email, and website". */
  setRemember(remember: boolean): void {
    this.remember = remember;
    this.#drafts.identityChanged(this.fields, remember, { now: true });
    this.#host.requestUpdate();
  }

  /**
   * What a wrapped server-rendered form held when the element took it over: `typed` by the
   * reader, `prefilled` by the server, and the consent box if the reader changed it. Goes into
   * empty fields only: a form taken over late may have been typed into already.
   */
  adoptServerForm({
    typed,
    prefilled,
    remember,
  }: {
    typed: Partial<CommentFields>;
    prefilled: Partial<CommentFields>;
    remember?: boolean;
  }): void {
    this.#adopted = true;
    this.#prefilled = prefilled;
    const fields = { ...this.fields };
    for (const [field, value] of Object.entries({ ...prefilled, ...typed }) as [CommentField, string][]) {
      if (!fields[field]) fields[field] = value;
    }
    this.fields = fields;
    if (typed.content !== undefined && fields.content === typed.content) this.#drafts.contentChanged(typed.content);
    if (remember !== undefined) this.setRemember(remember);
    this.#host.requestUpdate();
  }

  /** The reader discards the draft: the box empties, and nothing of it is kept. */
  async discardDraft(): Promise<void> {
    await this.#drafts.discard();
    this.fields = { ...this.fields, content: '' };
    this.draftRestored = false;
    this.status = 'draftDiscarded';
    this.#host.requestUpdate();
  }

  /** The reader switches to the other version; the text in the box becomes the other version. */
  useOtherVersion(): void {
    const content = this.#drafts.useOtherVersion(this.fields.content);
    if (content === undefined) return;
    this.fields = { ...this.fields, content };
    this.#drafts.contentChanged(content);
    this.#host.requestUpdate();
  }

  /**
   * The reader pressed "Post Comment": checks the comment, asks `beforeSend` (the element's
   * cancelable event), and sends it. `notConnected` is the form error for a missing endpoint.
   */
  submit(
    target: CommentTarget,
    hooks: { notConnected: FormError; beforeSend: (submission: CommentSubmission) => boolean },
  ): SubmitStart {
    if (this.pending) return { kind: 'busy' };
    const { endpoint, identity, postId, parent } = target;
    const fields = normalizeCommentFields(this.fields, identity);
    this.fieldErrors = validateComment(fields, identity);
    this.formError = endpoint ? undefined : hooks.notConnected;
    this.#host.requestUpdate();
    if (!endpoint || Object.keys(this.fieldErrors).length) {
      return { kind: 'invalid', fieldErrors: this.fieldErrors, formError: this.formError };
    }
    const submission: CommentSubmission = {
      id: newSubmissionId(),
      endpoint: new URL(endpoint, document.baseURI).href,
      protocol: resolveProtocol(endpoint, target.protocol),
      postId,
      parent,
      nonce: target.nonce,
      fields,
      draftKey: this.key ?? this.#keyFor({ pageUrl: location.href, postId, parent }),
      createdAt: Date.now(),
      attempts: 0,
    };
    if (!hooks.beforeSend(submission)) return { kind: 'cancelled', submission };
    this.status = 'sending';
    void this.#deliver(submission, false).then((result) => result.kind === 'queued' && this.#scheduleOutbox());
    return { kind: 'sending', submission };
  }

  /** The draft key of `place`, worked out again only when the place changes (not per keystroke). */
  #keyFor(place: DraftPlace): string {
    const inputs = `${place.pageUrl}\n${place.postId}\n${place.parent}`;
    if (inputs !== this.#keyInputs) {
      this.#keyInputs = inputs;
      this.#keyMemo = draftKey(place);
    }
    return this.#keyMemo;
  }

  /** The comment belongs somewhere new (or is placed for the first time): its own draft, its own outbox. */
  #switchTo(key: string, postUnknown: boolean): void {
    // What was typed goes under the key it was typed for: the save reads the key before the
    // switch, so it completes under the old key whenever it lands.
    this.#drafts.flushNow();
    if (this.key && !this.#postUnknown) {
      // Another place (a reply, or back from one): the box shows that place's own draft, or
      // nothing. Text typed before the place was known (no key yet, or a post id still to
      // come from a wrapped form) is the same comment: it stays in the box.
      this.fields = { ...this.fields, content: '' };
      this.draftRestored = false;
      this.#drafts.otherVersion = undefined;
      if (this.status === 'draftRestored' || this.status === 'draftDiscarded') this.status = '';
    }
    this.key = key;
    this.#postUnknown = postUnknown;
    this.#restored = this.#restore(key);
    this.#scheduleOutbox(0);
  }

  async #restore(key: string): Promise<void> {
    const restoring = ++this.#restoring;
    const { content, identity } = await this.#drafts.restore();
    if (restoring !== this.#restoring || key !== this.key) return;
    // What the server printed into a wrapped form (WordPress's cookies) gives way to what was stored here.
    const unset = (field: CommentField) => !this.fields[field] || this.fields[field] === this.#prefilled[field];
    if (identity && unset('name') && unset('email') && unset('url')) {
      this.fields = { ...this.fields, ...identity };
      this.remember = true;
    }
    if (content && unset('content')) {
      this.fields = { ...this.fields, content };
      this.draftRestored = true;
      this.status = 'draftRestored';
      this.#options.restored?.(content);
    } else if (content && content !== this.fields.content && this.#adopted) {
      // Text typed into the server-rendered form before the script ran wins over an older
      // draft; the draft is kept aside and offered, never dropped.
      this.#drafts.keepAside(content, this.fields.content);
    }
    this.#host.requestUpdate();
  }

  /** The next outbox round in `delay` ms; by default the next of the widening rounds. */
  #scheduleOutbox(delay = outboxRetryDelay(this.#outboxRounds++)): void {
    clearTimeout(this.#outboxTimer);
    this.#outboxTimer = setTimeout(this.#sendOutbox, delay);
  }

  /** Sends what waits in the outbox under this comment's key, once its draft is back (so that a confirmation finds it). */
  #sendOutbox = async (): Promise<void> => {
    clearTimeout(this.#outboxTimer);
    const key = this.key;
    // A comment on its way settles first; a round follows if it ends in the outbox.
    if (!key || this.pending) return;
    await this.#restored;
    const waiting = (await this.#store().outbox.list()).filter((entry) => entry.draftKey === key);
    let result: DeliveryResult | undefined;
    for (const submission of waiting) {
      if (key !== this.key || this.#abort.signal.aborted) return;
      if (this.pending) return this.#scheduleOutbox();
      result = await this.#deliver(submission, true);
    }
    if (result && isWaiting(result)) this.#scheduleOutbox();
  };

  async #deliver(submission: CommentSubmission, fromOutbox: boolean): Promise<DeliveryResult> {
    const progress = (progress: DeliveryProgress) => {
      this.pending = { submission, progress };
      this.#host.requestUpdate();
    };
    progress({ phase: 'sending' });
    const outbox = this.#store().outbox;
    const signal = this.#abort.signal;
    let result: DeliveryResult;
    try {
      const { deliverComment } = await loadDelivery();
      result = await deliverComment(submission, { outbox, signal, fromOutbox, progress });
    } catch {
      // The code that sends could not be downloaded: as with a dropped connection, the
      // comment waits in the outbox, and the next round downloads it again.
      if (!fromOutbox && !signal.aborted) await outbox.put(submission);
      result = { kind: signal.aborted ? 'interrupted' : 'queued' };
    }
    this.pending = undefined;
    this.#settle(submission, result);
    this.#host.requestUpdate();
    return result;
  }

  /** What the server's answer (or its absence) means for the box, the draft and the status line. */
  #settle(submission: CommentSubmission, result: DeliveryResult): void {
    switch (result.kind) {
      case 'posted': {
        this.fieldErrors = {};
        this.formError = undefined;
        this.draftRestored = false;
        // Confirmed: now, and only now, the draft goes. Text typed while the comment was on
        // its way is a new draft, not part of this comment: it stays, and is saved again.
        // The form moved elsewhere meanwhile (a reply, or back from one): the box holds another
        // draft, and the sent one goes only if nothing was typed into it since.
        const here = submission.draftKey === this.key;
        const typedSince = here && normalizeCommentFields(this.fields).content !== submission.fields.content;
        if (here && !typedSince) this.fields = { ...this.fields, content: '' };
        void this.#drafts
          .delete(submission.draftKey, here ? undefined : submission.fields.content)
          .then(() => typedSince && this.#drafts.contentChanged(this.fields.content));
        // A duplicate answer does not say whether the first copy was held for moderation.
        this.status = result.status === 'approved' ? 'posted' : result.status;
        break;
      }
      case 'rejected':
        // The reader must change something: the draft stays.
        this.fieldErrors = result.fieldErrors;
        this.formError =
          result.formError ?? (Object.keys(result.fieldErrors).length ? undefined : { code: 'rejected' });
        this.status = '';
        break;
      case 'unconfirmed':
        // It probably landed: the text stays for the reader to check, and is not sent again.
        this.status = 'unconfirmed';
        break;
      case 'queued':
      case 'sending-elsewhere':
        this.status = 'queued';
        break;
      default:
        // Interrupted, or sent by another tab: nothing to tell here.
        return;
    }
    if (!isWaiting(result)) this.#outboxRounds = 0;
    this.#options.settled?.(submission, result);
  }
}
