/**
 * `<comment-form>`: a news site's "Leave a comment" form that never loses what a reader
 * typed. The element is a view of its comment's lifecycle (comment-lifecycle.ts), which
 * owns the draft, the sending and the outbox; it adds the settings (attributes, the
 * enclosing article, a wrapped server-rendered form), the words, focus, and the events.
 * The lifecycle is the form's engine, a chunk (comment-engine-loader.ts): the fields take
 * typing before it arrives (early-comment.ts holds the text meanwhile), and it gets all
 * the reader did through its methods when it does.
 */
import { LitElement, html, type PropertyValues, type TemplateResult } from 'lit';
import { ContextConsumer } from '@lit/context';
import { articleContext } from '../shared/article-context.js';
import { jsonObjectAttribute } from '../shared/json-attribute.js';
import { defineElement } from '../shared/define-element.js';
import { LanguageController } from '../shared/language-controller.js';
import type { CommentField, CommentFields, CommentIdentity, CommentSubmission } from './comment.js';
import {
  CommentFormDraftRestoreEvent,
  CommentFormErrorEvent,
  CommentFormSubmitEvent,
  CommentFormSuccessEvent,
} from './comment-form.events.js';
import {
  builtInEngineStrings,
  builtInStrings,
  commentFormStrings,
  type CommentFormStrings,
} from './comment-form.strings.js';
import { commentFormStyles } from './comment-form.styles.js';
import { renderCommentForm, type CommentFormView } from './comment-form.templates.js';
import type { CommentLifecycle, Settlement } from './comment-lifecycle.js';
import { whenIdle } from './comment-delivery-loader.js';
import { arrivedCommentEngine, loadCommentEngine } from './comment-engine-loader.js';
import { resolveProtocol } from './comment-protocol.js';
import { draftKey, type DraftPlace } from './draft-key.js';
import { EarlyComment } from './early-comment.js';
import { ServerFormTakeover } from './server-form-takeover.js';

export {
  CommentFormDraftRestoreEvent,
  CommentFormErrorEvent,
  CommentFormSubmitEvent,
  CommentFormSuccessEvent,
} from './comment-form.events.js';

/**
 * An accessible comment form that keeps drafts and posts to WordPress or any JSON backend.
 *
 * It can wrap a server-rendered form (WordPress's `comment_form()` output): without
 * JavaScript that form posts as usual; once the element upgrades it reads the form's
 * endpoint, post, parent and whatever the reader typed, and takes over. When it cannot
 * (no endpoint), it leaves that form on show and working.
 *
 * @summary "Leave a comment", with drafts that survive reloads, errors and going offline.
 * @tag comment-form
 *
 * @slot - A server-rendered comment form (WordPress's `comment_form()` output). Shown only when the element cannot take it over.
 *
 * @csspart heading - The "Leave a comment" heading.
 * @csspart error-summary - The list of problems shown at the top after a failed submit.
 * @csspart status - The live region with sending, posted and saved messages.
 * @csspart form - The `<form>` element.
 * @csspart field - Each label, hint, message and control group.
 * @csspart label - Each field label.
 * @csspart hint - Each hint under a label.
 * @csspart error-message - The message under a field that has a problem.
 * @csspart input - The comment textarea and the name, email and website inputs.
 * @csspart remember - The consent checkbox row.
 * @csspart submit - The "Post Comment" button.
 * @csspart draft-notice - The "Draft restored" notice with its discard button.
 * @csspart pending - Under the button while a comment waits to be sent: what that means, and its "Try now" and "Edit comment" buttons.
 *
 * @cssprop --comment-form-accent - Colour of the button and focus ring. Default: the system `LinkText`.
 * @cssprop --comment-form-accent-text - Text colour on the button. Default: `Canvas`.
 * @cssprop --comment-form-error-color - Colour of error messages and borders. Default: dark red (light scheme), light red (dark scheme).
 * @cssprop --comment-form-field-background - Background of inputs. Default: the system `Field`.
 * @cssprop --comment-form-field-border - Border of inputs. Default: `2px solid currentColor`.
 * @cssprop --comment-form-radius - Corner radius of inputs and the button. Default: 0.25rem.
 * @cssprop --comment-form-gap - Space between fields. Default: 1.25rem.
 *
 * @fires {CommentFormSubmitEvent} comment-form-submit - Before sending; cancelable.
 * @fires {CommentFormSuccessEvent} comment-form-success - The server confirmed the comment; `id` is its id on the server, when the server gave one.
 * @fires {CommentFormErrorEvent} comment-form-error - Refused, unconfirmed, or queued for later.
 * @fires {CommentFormDraftRestoreEvent} comment-form-draft-restore - A saved draft was put back.
 */
export class CommentFormElement extends LitElement {
  static override styles = commentFormStyles;

  static override properties = {
    endpoint: { reflect: true },
    protocol: {},
    postId: { attribute: 'post-id' },
    parent: {},
    nonce: {},
    identity: {},
    headingLevel: { type: Number, attribute: 'heading-level' },
    strings: jsonObjectAttribute<Partial<CommentFormStrings>>('comment-form', 'strings'),
    _translatedWords: { state: true },
    _engineWords: { state: true },
  };

  /** Registers the element under `tag` (default `comment-form`) in `registry`; a second call is harmless. */
  static define(tag = 'comment-form', registry: CustomElementRegistry = customElements): void {
    defineElement(this, tag, registry);
  }

  /** Where comments are posted: a WordPress `/wp/v2/comments` route, or any endpoint of the JSON contract. */
  declare endpoint: string | undefined;
  /** `wordpress` or `json`. Default: `wordpress` for a `/wp/v2/comments` endpoint, else `json`. */
  declare protocol: string | undefined;
  /** The post the comment belongs to. Default: the enclosing `<news-article>`'s post. */
  declare postId: string | undefined;
  /** The comment this one replies to. */
  declare parent: string | undefined;
  /** A WordPress REST nonce (`wp_rest`) for signed-in readers, sent as `X-WP-Nonce`. */
  declare nonce: string | undefined;
  /** `required` (default): name and email must be given; `optional`; `hidden`: the reader is signed in. */
  declare identity: CommentIdentity;
  /** Level of the form's heading, 1–6. Default: 2. */
  declare headingLevel: number;
  /** Replacements for any of the form's words (property, or JSON in the attribute). */
  declare strings: Partial<CommentFormStrings>;

  /** The built-in words of the page's language (English: none, the defaults serve). */
  declare _translatedWords: Partial<CommentFormStrings>;
  /** The words about a comment waiting to be sent, in the page's language: they come with the engine. */
  declare _engineWords: Partial<CommentFormStrings>;

  #focusSummary = false;

  #article = new ContextConsumer(this, { context: articleContext, subscribe: true });
  /** The page's language, followed as it changes: the form's words follow it. */
  #language = new LanguageController(this, (language) => void this.#loadWords(language));
  #takeover = new ServerFormTakeover(
    this,
    () => ({
      endpoint: this.endpoint,
      identity: this.hasAttribute('identity') ? this.identity : undefined,
      nonce: this.nonce,
      postsToWordPressApi: (endpoint) => resolveProtocol(endpoint, this.protocol) === 'wordpress',
    }),
    (read, identity) => {
      this.identity = identity;
      (this.#comment ?? this.#early).adoptServerForm(read);
      // The reader was in the wrapped form, or typed into it: as a first focus or input here.
      if (read.focus || Object.keys(read.typed).length || read.remember !== undefined) this.#askForEngine();
    },
  );
  /** The engine, once it has arrived. */
  #comment: CommentLifecycle | undefined;
  /** What the reader typed until then. */
  #early = new EarlyComment(this, () => {
    const place = this.#place;
    return place && draftKey(place);
  });
  #engineAsked = false;

  constructor() {
    super();
    this.addEventListener('focusin', this.#askForEngine);
    this.identity = 'required';
    this.headingLevel = 2;
    this.strings = {};
    this._translatedWords = {};
    this._engineWords = {};
  }

  /** What the reader has typed so far. */
  get value(): CommentFields {
    return { ...this.#state.fields };
  }

  /** Puts focus in the comment box (`options` as for `HTMLElement.focus()`); around a wrapped form on show, in its comment box. */
  override focus(options?: FocusOptions): void {
    const box = (this.#takeover.showsForm ? this : this.renderRoot)?.querySelector('textarea');
    if (box) box.focus(options);
    else super.focus(options);
  }

  /** The post id in use: the `post-id` attribute, else the wrapped form's `comment_post_ID`, else the enclosing article's. */
  get effectivePostId(): string | undefined {
    const article = this.#article.value;
    return (
      this.postId ?? this.#takeover.settings.postId ?? (article ? String(article.postId ?? article.id) : undefined)
    );
  }

  get #endpoint(): string | undefined {
    return this.endpoint ?? this.#takeover.settings.endpoint;
  }

  get #parent(): string | undefined {
    return this.parent ?? this.#takeover.settings.parent;
  }

  /**
   * Where the comment belongs: this page, post and parent, each with a draft of its own.
   * Not known yet inside an article that is still loading (its post id is on the way),
   * nor while a wrapped form is on show.
   */
  get #place(): DraftPlace | undefined {
    const postId = this.effectivePostId;
    const waitingForArticle = postId === undefined && this.#article.value === null;
    return waitingForArticle || this.#takeover.showsForm
      ? undefined
      : { pageUrl: location.href, postId, parent: this.#parent };
  }

  /** The comment as the form shows it: the engine's, or what the reader typed before it arrived. */
  get #state(): CommentLifecycle | EarlyComment {
    return this.#comment ?? this.#early;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const engine = arrivedCommentEngine();
    if (engine) this.#startEngine(engine.CommentLifecycle);
    // Text left by a page the reader left before the engine came shows in the box: the engine, which keeps it, is asked for at once.
    else if (this.#early.fields.content) this.#askForEngine();
    else whenIdle(this.#askForEngineWhenIdle);
  }

  /** Whether the page was idle while the article this form is in still loaded: the engine is asked for once it has. */
  #engineWaitsForArticle = false;

  /**
   * Once the page is idle. Inside an article still loading, once it has loaded: the article's feed and reader come first
   * (on a slow connection, they share it), and the form cannot pick its draft before it knows the article's post anyway.
   * The reader's first focus or input asks for the engine at once, whatever the article does.
   */
  #askForEngineWhenIdle = (): void => {
    if (this.#article.value === null) this.#engineWaitsForArticle = true;
    else this.#askForEngine();
  };

  /**
   * Downloads the engine, once at a time, for a form on the page. A download that fails is asked for again on the
   * reader's next focus, input or post (where it shows).
   */
  #askForEngine = (): void => {
    if (this.#engineAsked || !this.isConnected) return;
    this.#engineAsked = true;
    loadCommentEngine().then(
      // Taken off the page meanwhile: what it holds was copied then, and it starts when it is back.
      ({ CommentLifecycle }) => this.isConnected && this.#startEngine(CommentLifecycle),
      () => (this.#engineAsked = false),
    );
  };

  /** The engine has arrived: it takes the wrapped form's values and what the reader typed, through its own methods. */
  #startEngine(Lifecycle: typeof CommentLifecycle): CommentLifecycle {
    if (this.#comment) return this.#comment;
    const early = this.#early;
    early.handOver();
    const comment = (this.#comment = new Lifecycle(this, {
      place: () => this.#place,
      restored: (content) => this.dispatchEvent(new CommentFormDraftRestoreEvent(content)),
      settled: (submission, result) => this.#onSettled(submission, result),
    }));
    if (early.serverForm) comment.adoptServerForm(early.serverForm);
    for (const field of early.typed) comment.input(field, early.fields[field]);
    if (early.rememberChanged) comment.setRemember(early.remember);
    void this.#loadEngineWords(this.#language.language);
    this.requestUpdate();
    return comment;
  }

  /** The words about a comment waiting to be sent, once the engine is here; kept as they are when they cannot be downloaded. */
  async #loadEngineWords(language: string | undefined): Promise<void> {
    const words = await builtInEngineStrings(language);
    if (language === this.#language.language && words) this._engineWords = words;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.#engineWaitsForArticle && this.#article.value !== null) {
      this.#engineWaitsForArticle = false;
      whenIdle(this.#askForEngine);
    }
    if (this.#focusSummary) {
      this.#focusSummary = false;
      this.renderRoot.querySelector<HTMLElement>('[part~="error-summary"]')?.focus();
    }
  }

  protected override render(): TemplateResult {
    // The wrapped form could not be taken over: it stays on show, and it is the form.
    if (this.#takeover.showsForm) return html`<slot></slot>`;
    const parent = this.#parent;
    return renderCommentForm({
      text: this.#text,
      comment: this.#state,
      headingLevel: this.headingLevel,
      identity: this.identity,
      isReply: !!parent && parent !== '0',
      on: this.#on,
    });
  }

  /**
   * Shows the built-in words of `language` (its chunk is loaded the first time). What the
   * reader typed, the draft and the focus stay as they are: only words change. When the
   * chunk cannot be downloaded the form keeps the words it shows, and says so in the console.
   */
  async #loadWords(language: string | undefined): Promise<void> {
    const words = await builtInStrings(language);
    // The page changed its language again meanwhile: the newer one wins.
    if (language !== this.#language.language) return;
    if (this.#comment) void this.#loadEngineWords(language);
    if (words) this._translatedWords = words;
    else
      console.warn(
        `<${this.localName}> keeps the words it shows: those for lang="${language}" could not be downloaded.`,
        this,
      );
  }

  #text = (key: keyof CommentFormStrings): string =>
    this.strings?.[key] ?? this._translatedWords[key] ?? this._engineWords[key] ?? commentFormStrings[key];

  #on: CommentFormView['on'] = {
    submit: (event) => void this.#onSubmit(event),
    input: (event) => {
      const control = event.target as HTMLInputElement | HTMLTextAreaElement;
      this.#askForEngine();
      this.#state.input(control.id as CommentField, control.value);
    },
    rememberChange: (event) => this.#state.setRemember((event.target as HTMLInputElement).checked),
    // The draft notices and the comment waiting to be sent show only once the engine is here.
    discardDraft: async () => {
      await this.#comment?.discardDraft();
      this.renderRoot.querySelector<HTMLElement>('#content')?.focus();
    },
    useOtherVersion: () => this.#comment?.useOtherVersion(),
    editPending: async (anyway) => {
      if ((await this.#comment?.editPending({ anyway })) !== 'withdrawn') return;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#content')?.focus();
    },
    sendNow: () => void this.#comment?.sendNow(),
    summaryLink: (event, field) => {
      // Fragment links cannot reach into a shadow root: move focus ourselves.
      event.preventDefault();
      const control = this.renderRoot.querySelector<HTMLElement>(`#${field}`);
      control?.focus();
      control?.scrollIntoView({ block: 'center' });
    },
  };

  async #onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    let comment = this.#comment;
    if (!comment) {
      const pressed = this.#early.fields.content;
      try {
        // Asked twice: a download begun before the connection came back may fail for it.
        comment = this.#startEngine((await loadCommentEngine().catch(loadCommentEngine)).CommentLifecycle);
        // The comment changed while the engine came (typed on, or a draft restored): what the
        // reader pressed on is not what the box shows now, and nothing is sent.
        if (comment.fields.content !== pressed) return;
      } catch {
        this.#cannotSendYet();
        return;
      }
    }
    const start = comment.submit(
      {
        endpoint: this.#endpoint,
        protocol: this.protocol,
        postId: this.effectivePostId,
        parent: this.#parent,
        nonce: this.nonce,
        identity: this.identity,
      },
      {
        notConnected: { code: 'rejected', message: this.#text('noEndpoint') },
        beforeSend: (submission) => this.dispatchEvent(new CommentFormSubmitEvent(submission)),
      },
    );
    if (start.kind === 'invalid') {
      this.#focusSummary = true;
      this.dispatchEvent(new CommentFormErrorEvent('invalid', start.fieldErrors, start.formError));
    }
  }

  /**
   * The engine could not be downloaded: a wrapped form posts what the reader typed, as
   * without JavaScript; otherwise the form says plainly that nothing was sent, with the text
   * kept (and its copy made when the page is left). Posting again asks for the engine again.
   */
  #cannotSendYet(): void {
    const early = this.#early;
    if (this.#takeover.postNatively(early.remember)) return;
    early.formError = { code: 'rejected', message: this.#text('cannotSendYet') };
    this.#focusSummary = true;
    this.requestUpdate();
  }

  /** How a comment ended (the lifecycle has updated what the form shows): an event, and focus on what to fix. */
  #onSettled(submission: CommentSubmission, result: Settlement): void {
    switch (result.kind) {
      case 'posted':
        this.dispatchEvent(new CommentFormSuccessEvent(submission, result.status, result.id));
        break;
      case 'rejected':
        this.#focusSummary = true;
        this.dispatchEvent(new CommentFormErrorEvent('rejected', result.fieldErrors, result.formError, submission));
        break;
      case 'unconfirmed':
        this.dispatchEvent(new CommentFormErrorEvent('unconfirmed', {}, undefined, submission));
        break;
      default:
        this.dispatchEvent(new CommentFormErrorEvent('queued', {}, undefined, submission));
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'comment-form': CommentFormElement;
  }
}
