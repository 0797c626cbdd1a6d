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
 *
 * A comment waiting to be sent is one comment. From the press of "Post Comment" until the
 * server answers for it, it waits in the outbox, and every tab on the same draft shows it
 * as it will be published, read-only: nobody can type into it and publish it twice. The
 * reader can take it back to edit it while no request can have stored it; once one may
 * have (a lost answer, a timeout, a server error, a page closed mid-request), only by
 * choosing to, being told that both versions may then be published.
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
import { loadDelivery, preloadDeliveryWhenIdle } from './comment-delivery-loader.js';
import { openCommentStore, type CommentStore } from './comment-store.js';
import { resolveProtocol } from './comment-protocol.js';
import { withCommentLock } from './comment-lock.js';
import { DraftKeeper, type OtherVersion } from './draft-keeper.js';
import { draftKey, type DraftPlace } from './draft-key.js';
import { newSubmissionId } from './random-id.js';
import { outboxRetryDelay } from './retry-policy.js';
import { normalizeCommentFields, validateComment } from './validate-comment.js';

/** The status line, as the key of its words, so that it follows the page's language. */
export type CommentStatus =
  '' | 'posted' | 'pending' | 'duplicate' | 'unconfirmed' | 'draftRestored' | 'draftDiscarded' | 'withdrawn';

/** What the comment waiting to be sent is doing. */
export type PendingProgress =
  | DeliveryProgress
  /**
   * Waiting in the outbox for its next round: for the network (`offline`), for the site to
   * take it (`server`: it failed while online), or while another tab sends it (`elsewhere`).
   */
  | { phase: 'waiting'; reason: 'offline' | 'server' | 'elsewhere' };

/** The comment waiting to be sent: exactly what will be published, and what it is doing. */
export interface PendingComment {
  submission: CommentSubmission;
  progress: PendingProgress;
}

/**
 * What came of asking to edit the comment waiting to be sent. `withdrawn`: it is back in
 * the box, and nothing is sent. `may-be-stored`: a request may have stored it, so it was
 * kept (only `anyway` takes it back then). `sending`: a request is under way, here or in
 * another tab. `gone`: it left the outbox meanwhile (sent, or taken back in another tab).
 */
export type EditPendingResult = 'withdrawn' | 'may-be-stored' | 'sending' | 'gone';

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

/** Comments the server answered for on this page, whose outbox entries may not be deleted yet: no form here sends them again. */
const answered = new Set<string>();

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
  /** The comment waiting to be sent under this key, if any: the box shows it, read-only. */
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
  #abort = new AbortController();
  #outboxTimer: ReturnType<typeof setTimeout> | undefined;
  #outboxRounds = 0;
  /** This tab's delivery under way, if any: one at a time. */
  #delivery: { submission: CommentSubmission; abort: AbortController; done: Promise<DeliveryResult> } | undefined;
  #unsubscribe: (() => void) | undefined;
  #showingCalls = 0;
  /** What this tab's fields held when another tab's comment waiting to be sent took their place. */
  #setAside: CommentFields | undefined;

  constructor(host: ReactiveControllerHost, options: CommentLifecycleOptions) {
    this.#host = host;
    this.#options = options;
    this.#store = options.store ?? (() => openCommentStore());
    this.#drafts = new DraftKeeper(
      this.#store,
      () => this.key,
      () => host.requestUpdate(),
    );
    // Last: a host on the page already (the lifecycle arrived as a chunk) connects it at once.
    host.addController(this);
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
    // Another tab sent, queued or took back a comment: the box follows what waits under its key.
    this.#unsubscribe = this.#store().onRemoteChange(
      (change) => change.kind === 'outbox' && this.key && void this.#showWaiting(this.key),
    );
    // The code that sends arrives as a chunk: fetched before the reader can need it.
    preloadDeliveryWhenIdle();
    // Back on the page after a move in the DOM: what waits in the outbox is tried again.
    if (this.key) this.#scheduleOutbox(0);
  }

  hostDisconnected(): void {
    this.#drafts.disconnect();
    this.#unsubscribe?.();
    // Waits and requests stop; the comment is in the outbox already.
    this.#abort.abort();
    clearTimeout(this.#outboxTimer);
    removeEventListener('online', this.#sendOutbox);
  }

  hostUpdate(): void {
    const place = this.#options.place();
    const key = place && this.#keyFor(place);
    if (key && key !== this.key) this.#switchTo(key, place.postId === undefined);
  }

  /** The reader typed into `field`. */
  input(field: CommentField, value: string): void {
    // The box is read-only while a comment waits to be sent: what it shows is what will be published.
    if (this.pending) return;
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
    if (this.pending) return;
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
    this.status = '';
    this.draftRestored = false;
    // The draft holds what is sent, until the server has answered for it: at once, as the
    // tab may close before the outbox has it.
    this.#drafts.flushDurably();
    this.pending = { submission, progress: { phase: 'sending' } };
    void this.#send(submission, false);
    return { kind: 'sending', submission };
  }

  /**
   * The reader asks to edit the comment waiting to be sent: it comes back into the box and
   * leaves the outbox, if no request can have stored it (or `anyway`, the reader's choice
   * after being told both versions may be published). Never while a request is under way.
   */
  async editPending({ anyway = false }: { anyway?: boolean } = {}): Promise<EditPendingResult> {
    const key = this.key;
    const submission = this.pending?.submission;
    if (!submission || !key) return 'gone';
    const delivery = this.#delivery;
    if (delivery?.submission.id === submission.id) {
      if (this.pending?.progress.phase === 'sending') return 'sending';
      if (submission.mayBeStored && !anyway) return 'may-be-stored';
      // Waiting for its next attempt here: the wait stops (the comment stays in the outbox).
      delivery.abort.abort();
      await delivery.done;
    }
    const outbox = this.#store().outbox;
    const result = await withCommentLock(submission.id, 'sending' as const, async () => {
      const entry = (await outbox.list()).find((waiting) => waiting.id === submission.id);
      if (!entry) return 'gone' as const;
      if (entry.mayBeStored && !anyway) return 'may-be-stored' as const;
      await outbox.delete(entry.id);
      return 'withdrawn' as const;
    });
    if (result === 'withdrawn' && key === this.key) {
      this.pending = undefined;
      this.fields = { ...this.fields, ...submission.fields };
      this.#drafts.contentChanged(this.fields.content);
      this.status = 'withdrawn';
    } else if (result !== 'withdrawn') {
      // Still waiting (or gone): the box shows what the outbox holds now, and sending resumes.
      await this.#showWaiting(key);
      this.#scheduleOutbox(0);
    }
    this.#host.requestUpdate();
    return result;
  }

  /** The reader asks to send the waiting comment now rather than at its next round. */
  async sendNow(): Promise<void> {
    const delivery = this.#delivery;
    if (delivery) {
      // A request under way is not interrupted; a wait for the next attempt is.
      if (this.pending?.progress.phase === 'sending') return;
      delivery.abort.abort();
      await delivery.done;
    }
    this.#outboxRounds = 0;
    this.#scheduleOutbox(0);
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
    const [{ content, identity }, [waiting]] = await Promise.all([this.#drafts.restore(), this.#waitingUnder(key)]);
    if (restoring !== this.#restoring || key !== this.key) return;
    if (waiting) {
      // A comment sent before (in an earlier visit, or another tab) waits to be sent: the box shows it.
      this.#showPending(waiting, this.fields.content || content);
      this.#host.requestUpdate();
      return;
    }
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
    } else if (content && !this.fields.content.includes(content)) {
      // Text typed before the draft could be shown (into the server-rendered form before the
      // script ran, or into the box before storage answered) wins over the older draft; the
      // draft is kept aside and offered, never dropped (unless the box holds it: typed on from it).
      this.#drafts.keepAside(content, this.fields.content);
    }
    this.#host.requestUpdate();
  }

  /** What waits in the outbox under `key`, oldest first, answered comments left out. */
  async #waitingUnder(key: string): Promise<CommentSubmission[]> {
    const waiting = await this.#store().outbox.list();
    return waiting.filter((entry) => entry.draftKey === key && !answered.has(entry.id));
  }

  /**
   * The box shows `waiting`, read-only, as it will be published. What the reader had in the
   * box `instead` (typed in this tab while another sent, or a draft written since) is kept
   * aside and offered, never lost.
   */
  #showPending(waiting: CommentSubmission, instead = this.fields.content): void {
    const shown = this.pending?.submission.id === waiting.id ? this.pending : undefined;
    const other = normalizeCommentFields({ ...this.fields, content: instead ?? '' }).content;
    if (!this.pending && other && other !== waiting.fields.content) {
      this.#drafts.keepAside(other);
      this.#setAside = { ...this.fields, content: other };
    }
    // Already on show (this tab sent it): the box keeps the text as the reader typed it.
    if (!shown) this.fields = { ...this.fields, ...waiting.fields };
    this.draftRestored = false;
    if (this.status === 'draftRestored' || this.status === 'withdrawn') this.status = '';
    this.pending = {
      submission: waiting,
      progress: shown?.progress ?? { phase: 'waiting', reason: navigator.onLine === false ? 'offline' : 'server' },
    };
  }

  /**
   * Follows what another tab did to the outbox under `key`: a comment that waits now shows;
   * one that left shows as what its draft holds (nothing once it was published, the text
   * once it was taken back to edit). The other tab deletes the draft before the entry.
   */
  async #showWaiting(key: string): Promise<void> {
    if (this.#delivery?.submission.draftKey === key) return;
    // Changes come one after another; only the read made after the last one counts.
    const call = ++this.#showingCalls;
    const superseded = () => call !== this.#showingCalls || key !== this.key;
    const [waiting] = await this.#waitingUnder(key);
    if (superseded() || this.#delivery?.submission.draftKey === key) return;
    if (waiting) this.#showPending(waiting);
    else if (this.pending) {
      const sent = this.pending.submission;
      this.pending = undefined;
      const draft = await this.#store().drafts.get(key);
      if (superseded() || this.pending) return;
      this.#published(sent, draft?.content);
    } else return;
    this.#host.requestUpdate();
  }

  /**
   * `sent` is published (by this tab or another): the text this tab had set aside comes back
   * into the box, unless it repeats the comment published (a copy of the same draft, typed
   * on) or the draft holds `content` typed since.
   */
  #published(sent: CommentSubmission, content = ''): void {
    const setAside = this.#setAside;
    this.#setAside = undefined;
    if (!content && setAside && !setAside.content.includes(sent.fields.content)) {
      this.fields = setAside;
      this.#drafts.otherVersion = undefined;
      this.#drafts.contentChanged(setAside.content);
    } else this.fields = { ...this.fields, ...sent.fields, content };
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
    if (!key || this.#delivery) return;
    await this.#restored;
    const waiting = await this.#waitingUnder(key);
    // Nothing waits any more, though the box shows a comment waiting: another tab sent it or
    // took it back while this one was sending, so it did not follow then. It follows now.
    if (!waiting.length && this.pending && !this.#delivery) return this.#showWaiting(key);
    let result: DeliveryResult | undefined;
    for (const submission of waiting) {
      if (key !== this.key || this.#abort.signal.aborted) return;
      if (this.#delivery) return this.#scheduleOutbox();
      result = await this.#send(submission, true);
      if (!isWaiting(result) && result.kind !== 'interrupted') this.#outboxRounds = 0;
    }
    if (result && isWaiting(result)) this.#scheduleOutbox();
  };

  /**
   * Sends `submission` (`fromOutbox`: one attempt of an outbox round) and settles what came
   * of it. The reader's submission goes into the outbox before its first request.
   */
  async #send(submission: CommentSubmission, fromOutbox: boolean): Promise<DeliveryResult> {
    const abort = new AbortController();
    const signal = AbortSignal.any([this.#abort.signal, abort.signal]);
    const outbox = this.#store().outbox;
    const progress = (progress: DeliveryProgress) => {
      if (submission.draftKey !== this.key) return;
      // Another tab's comment, sent from the outbox here: it takes the box as it would on show (the text there is kept aside).
      if (this.pending?.submission.id !== submission.id) this.#showPending(submission);
      this.pending = { submission, progress };
      this.#host.requestUpdate();
    };
    const run = async (): Promise<DeliveryResult> => {
      try {
        if (!fromOutbox) await outbox.put(submission);
        const { deliverComment } = await loadDelivery();
        return await deliverComment(submission, { outbox, signal, fromOutbox, progress });
      } catch {
        // The code that sends could not be downloaded: as with a dropped connection, the
        // comment waits in the outbox, and the next round downloads it again.
        return { kind: signal.aborted ? 'interrupted' : 'queued' };
      }
    };
    const done = run();
    this.#delivery = { submission, abort, done };
    const result = await done;
    this.#delivery = undefined;
    this.#settle(submission, result);
    if (!fromOutbox && isWaiting(result)) this.#scheduleOutbox();
    this.#host.requestUpdate();
    return result;
  }

  /** What the server's answer (or its absence) means for the box, the draft, the outbox and the status line. */
  #settle(submission: CommentSubmission, result: DeliveryResult): void {
    const here = submission.draftKey === this.key;
    switch (result.kind) {
      case 'posted':
      case 'rejected':
      case 'unconfirmed': {
        // Answered for: the comment leaves the outbox, after its draft if it was published,
        // so that another tab seeing the entry go finds the draft gone too.
        answered.add(submission.id);
        const { outbox } = this.#store();
        const leaveOutbox = () => void outbox.delete(submission.id);
        if (here) this.pending = undefined;
        if (result.kind !== 'posted') {
          leaveOutbox();
          if (result.kind === 'unconfirmed') {
            // It probably landed: the text stays for the reader to check, and is not sent again.
            this.status = 'unconfirmed';
          } else if (here) {
            // The reader must change something: the text is back in the box, editable.
            this.fieldErrors = result.fieldErrors;
            this.formError =
              result.formError ?? (Object.keys(result.fieldErrors).length ? undefined : { code: 'rejected' });
            this.status = '';
          }
          break;
        }
        // Confirmed: now, and only now, the draft goes. The form moved elsewhere meanwhile (a
        // reply, or back from one): that draft goes only if it still holds the text sent.
        void this.#drafts.delete(submission.draftKey, here ? undefined : submission.fields.content).then(leaveOutbox);
        if (here) {
          this.fieldErrors = {};
          this.formError = undefined;
          this.draftRestored = false;
          // After the delete began: a text set aside (another tab's comment was sent from here) is written again.
          this.#published(submission);
        }
        // A duplicate answer does not say whether the first copy was held for moderation.
        this.status = result.status === 'approved' ? 'posted' : result.status;
        break;
      }
      case 'queued':
      case 'sending-elsewhere':
        if (here) {
          const reason =
            result.kind === 'sending-elsewhere' ? 'elsewhere' : navigator.onLine === false ? 'offline' : 'server';
          this.pending = { submission, progress: { phase: 'waiting', reason } };
          // Another tab may have sent it or taken it back while this one tried: what it did was not followed meanwhile.
          if (this.key) void this.#showWaiting(this.key);
        }
        break;
      case 'sent-elsewhere':
        // It left the outbox before this tab could send it: the box follows what happened.
        if (here && this.key) void this.#showWaiting(this.key);
        return;
      default:
        // Interrupted: it waits in the outbox; whoever stopped it says what comes next.
        return;
    }
    if (!isWaiting(result)) this.#outboxRounds = 0;
    this.#options.settled?.(submission, result);
  }
}
