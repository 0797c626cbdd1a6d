/**
 * `<comment-form>`: a news site's "Leave a comment" form that never loses what a
 * reader typed. Drafts live in IndexedDB, failed posts retry or wait in an outbox,
 * and a draft is deleted only after the server confirms the comment.
 */
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import { ContextConsumer } from '@lit/context';
import { articleContext } from '../shared/article-context.js';
import type {
  CommentField,
  CommentFields,
  CommentIdentity,
  CommentSubmission,
  FieldError,
  FieldErrors,
  FormError,
} from './comment.js';
import { commentFormStyles } from './comment-form.styles.js';
import { builtInStrings, commentFormStrings, fillIn, type CommentFormStrings } from './comment-form.strings.js';
import { resolveProtocol } from './comment-transport.js';
import { newSubmissionId } from './random-id.js';
import { draftKey } from './draft-key.js';
import { headingTag } from '../shared/heading-tag.js';
import { DraftController } from './draft-controller.js';
import { LanguageController } from '../shared/language-controller.js';
import { SubmissionController, type SubmissionResult } from './submission-controller.js';
import type { FocusedField, TakeOver } from './server-rendered-form.js';
import { normalizeWebsite, utf8ByteLength, validateComment } from './validate-comment.js';

/** Fired before a comment is sent. Cancel it to send the comment yourself. Bubbles out of shadow roots. */
export class CommentFormSubmitEvent extends Event {
  constructor(readonly submission: CommentSubmission) {
    super('comment-form-submit', { bubbles: true, composed: true, cancelable: true });
  }
}
/** Fired when the server confirmed the comment (`status`: approved, pending moderation, or an earlier attempt's duplicate). */
export class CommentFormSuccessEvent extends Event {
  constructor(
    readonly submission: CommentSubmission,
    readonly status: 'approved' | 'pending' | 'duplicate',
  ) {
    super('comment-form-success', { bubbles: true, composed: true });
  }
}
/** Fired when the comment was refused, could not be confirmed, or waits in the outbox. */
export class CommentFormErrorEvent extends Event {
  constructor(
    readonly reason: 'invalid' | 'rejected' | 'queued' | 'unconfirmed',
    readonly fieldErrors: FieldErrors = {},
    readonly formError?: FormError,
    readonly submission?: CommentSubmission,
  ) {
    super('comment-form-error', { bubbles: true, composed: true });
  }
}
/** Fired when a saved draft is put back into the form. */
export class CommentFormDraftRestoreEvent extends Event {
  constructor(readonly content: string) {
    super('comment-form-draft-restore', { bubbles: true, composed: true });
  }
}

const FIELD_ORDER: CommentField[] = ['content', 'name', 'email', 'url'];
const FIELD_LABEL: Record<CommentField, 'comment' | 'name' | 'email' | 'website'> = {
  content: 'comment',
  name: 'name',
  email: 'email',
  url: 'website',
};
const FIELD_HINT: Record<CommentField, 'commentHint' | 'nameHint' | 'emailHint' | 'websiteHint'> = {
  content: 'commentHint',
  name: 'nameHint',
  email: 'emailHint',
  url: 'websiteHint',
};
const REQUIRED_MESSAGE: Record<CommentField, keyof CommentFormStrings> = {
  content: 'requiredComment',
  name: 'requiredName',
  email: 'requiredEmail',
  url: 'invalidWebsite',
};

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
 * @fires {CommentFormSuccessEvent} comment-form-success - The server confirmed the comment.
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
    strings: { type: Object },
    _values: { state: true },
    _remember: { state: true },
    _errors: { state: true },
    _formError: { state: true },
    _status: { state: true },
    _draftRestored: { state: true },
    _language: { state: true },
  };

  /** Registers the element under `tag` (default `comment-form`) in `registry`; a second call is harmless. */
  static define(tag = 'comment-form', registry: CustomElementRegistry = customElements): void {
    if (!registry.get(tag)) registry.define(tag, class extends this {});
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

  declare _values: CommentFields;
  declare _remember: boolean;
  declare _errors: FieldErrors;
  declare _formError: FormError | undefined;
  /** The status message on show, as the key of its words, so it follows the language too. */
  declare _status: keyof CommentFormStrings | '';
  declare _draftRestored: boolean;
  declare _language: Partial<CommentFormStrings>;

  #article = new ContextConsumer(this, { context: articleContext, subscribe: true });
  #drafts = new DraftController(this);
  /** The page's language, followed as it changes: the form's words follow it. */
  #language = new LanguageController(this, (language) => void this.#loadWords(language));
  #submissions = new SubmissionController(this, () => this.#drafts.store, (submission, result) =>
    this.#onSettled(submission, result),
  );
  #draftKey: string | undefined;
  #draftKeyInputs = '';
  #draftKeyCache = '';
  #restoring = 0;
  #focusSummary = false;
  /** What the wrapped server-rendered form says, used where the element has no attribute of its own. */
  #fromForm: { endpoint?: string; postId?: string; parent?: string } = {};
  /**
   * The wrapped form. `loading`: the code that reads it is on its way, and the form stays
   * on show and working meanwhile; `reading`: the same, with the element's own fields on
   * show already (defined mid-parse); `taken`: the element replaced it; `kept`: it could
   * not, and the form stays on show.
   */
  #serverForm: 'none' | 'loading' | 'reading' | 'taken' | 'kept' = 'none';
  /** Values the server printed into the wrapped form: used, but not the reader's text. */
  #prefilled: Partial<CommentFields> = {};
  /** The field the reader was in when the element took over. */
  #focusAfterTakeover: FocusedField | undefined;

  constructor() {
    super();
    this.identity = 'required';
    this.headingLevel = 2;
    this.strings = {};
    this._values = { content: '', name: '', email: '', url: '' };
    this._remember = false;
    this._errors = {};
    this._status = '';
    this._draftRestored = false;
    this._language = {};
  }

  /** What the reader has typed so far. */
  get value(): CommentFields {
    return { ...this._values };
  }

  /** The post id in use: the `post-id` attribute, else the wrapped form's `comment_post_ID`, else the enclosing article's. */
  get effectivePostId(): string | undefined {
    const article = this.#article.value;
    return this.postId ?? this.#fromForm.postId ?? (article ? String(article.postId ?? article.id) : undefined);
  }

  get #endpoint(): string | undefined {
    return this.endpoint ?? this.#fromForm.endpoint;
  }

  get #parent(): string | undefined {
    return this.parent ?? this.#fromForm.parent;
  }

  /** The wrapped form is the form on show: not taken over (yet). */
  get #showsServerForm(): boolean {
    return this.#serverForm === 'loading' || this.#serverForm === 'kept';
  }

  override connectedCallback(): void {
    // The wrapped form stays on show until it is read, with the reader's focus and caret in it.
    if (this.#serverForm === 'none') {
      if (document.readyState !== 'loading') void this.#takeOverServerForm();
      // Defined while the page is still parsing (an async script): the form may not be all there yet.
      else document.addEventListener('DOMContentLoaded', () => void this.#takeOverServerForm(), { once: true });
    }
    super.connectedCallback();
  }

  protected override willUpdate(changed: PropertyValues): void {
    // The draft belongs to this page, post and parent: switch drafts when any of them
    // changes. Inside an article that is still loading, wait for its post id first.
    const waitingForArticle = this.effectivePostId === undefined && this.#article.value === null;
    const key = waitingForArticle || this.#showsServerForm ? undefined : this.#currentDraftKey();
    if (key && key !== this.#draftKey) {
      this.#draftKey = key;
      void this.#restore(key);
    }
    super.willUpdate(changed);
  }

  /** The draft key of this page, post and parent; worked out again only when one of them changes (not per keystroke). */
  #currentDraftKey(): string {
    const postId = this.effectivePostId;
    const parent = this.#parent;
    const inputs = `${location.href}\n${postId}\n${parent}`;
    if (inputs !== this.#draftKeyInputs) {
      this.#draftKeyInputs = inputs;
      this.#draftKeyCache = draftKey({ pageUrl: location.href, postId, parent });
    }
    return this.#draftKeyCache;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.#focusSummary) {
      this.#focusSummary = false;
      this.renderRoot.querySelector<HTMLElement>('[part~="error-summary"]')?.focus();
    }
    if (this.#focusAfterTakeover) this.#moveFocusIntoForm(this.#focusAfterTakeover);
  }

  protected override render(): TemplateResult {
    // The wrapped form could not be taken over: it stays on show, and it is the form.
    if (this.#showsServerForm) return html`<slot></slot>`;
    const hidden = this.identity === 'hidden';
    const parent = this.#parent;
    const headingText = this.#text(parent && parent !== '0' ? 'replyHeading' : 'heading');
    // Another version of the comment: another tab's text, or an earlier draft kept aside.
    const earlierDraft = this.#drafts.otherIsEarlierDraft;
    const heading = headingTag(this.headingLevel, 2);
    const status =
      this.#submissions.phase === 'retry-wait'
        ? fillIn(this.#text('retrying'), { seconds: this.#submissions.retryInSeconds })
        : this._status && this.#text(this._status);
    return html`<section aria-labelledby="heading">
      ${staticHtml`<${heading} part="heading" id="heading">${headingText}</${heading}>`}
      ${this.#renderErrorSummary()}
      ${this._draftRestored
        ? html`<p part="draft-notice">
            ${this.#text('draftRestored')}
            <button type="button" class="link-button" @click=${this.#discardDraft}>${this.#text('discardDraft')}</button>
          </p>`
        : nothing}
      ${this.#drafts.otherTabContent !== undefined
        ? html`<p part="draft-notice" class=${earlierDraft ? 'other-version' : 'other-tab'}>
            ${this.#text(earlierDraft ? 'otherVersion' : 'otherTab')}
            <button type="button" class="link-button" @click=${this.#useOtherTab}>
              ${this.#text(earlierDraft ? 'useOtherVersion' : 'useOtherTab')}
            </button>
          </p>`
        : nothing}
      ${this.#drafts.durable ? nothing : html`<p part="draft-notice" class="not-saved" role="status">${this.#text('draftNotSaved')}</p>`}
      <form part="form" novalidate @submit=${this.#onSubmit}>
        ${hidden
          ? nothing
          : html`<p class="note">
              <span>${this.#text('emailNote')}</span>
              <span>${this.#renderRequiredNote()}</span>
            </p>`}
        ${this.#renderField('content', true, '')}
        ${hidden
          ? nothing
          : html`${this.#renderField('name', this.identity === 'required', 'name')}
            ${this.#renderField('email', this.identity === 'required', 'email')}
            ${this.#renderField('url', false, 'url')}
            <div part="remember" class="remember">
              <input
                id="remember"
                type="checkbox"
                .checked=${this._remember}
                @change=${this.#onRememberChange}
              /><label for="remember">${this.#text('remember')}</label>
            </div>`}
        <button part="submit" type="submit" aria-disabled=${this.#submissions.busy ? 'true' : 'false'}>
          ${this.#text('submit')}
        </button>
      </form>
      <p part="status" class="status" role="status">${status}</p>
    </section>`;
  }

  /** "Required fields are marked *", with the star shown but not read out as "star". */
  #renderRequiredNote(): TemplateResult | string {
    const note = this.#text('requiredNote');
    const star = note.lastIndexOf('*');
    if (star < 0) return note;
    return html`${note.slice(0, star)}<span class="required" aria-hidden="true">*</span>${note.slice(star + 1)}`;
  }

  #renderField(field: CommentField, required: boolean, autocomplete: string): TemplateResult {
    const error = this._errors[field];
    // The comment's hint promises it is kept in this browser: not said when it cannot be.
    const hint = FIELD_HINT[field] === 'commentHint' && !this.#drafts.durable ? undefined : FIELD_HINT[field];
    const describedBy = [hint ? `${field}-hint` : '', error ? `${field}-error` : ''].filter(Boolean).join(' ');
    const common = {
      id: field,
      describedBy: describedBy || undefined,
      invalid: error ? 'true' : undefined,
    };
    return html`<div part="field" class=${error ? 'field invalid' : 'field'}>
      <label part="label" for=${field}
        >${this.#text(FIELD_LABEL[field])}${required ? html` <span class="required" aria-hidden="true">*</span>` : nothing}</label
      >
      ${hint ? html`<p part="hint" class="hint" id="${field}-hint">${this.#text(hint)}</p>` : nothing}
      ${error
        ? html`<p part="error-message" class="error-message" id="${field}-error">
            <span class="visually-hidden">${this.#text('errorPrefix')}</span> ${this.#fieldErrorText(field, error)}
          </p>`
        : nothing}
      ${field === 'content'
        ? html`<textarea
            part="input"
            id=${common.id}
            name="comment"
            rows="8"
            ?required=${required}
            aria-describedby=${common.describedBy ?? nothing}
            aria-invalid=${common.invalid ?? nothing}
            .value=${this._values.content}
            @input=${this.#onInput}
          ></textarea>`
        : html`<input
            part="input"
            id=${common.id}
            name=${field === 'url' ? 'url' : field === 'name' ? 'author' : 'email'}
            type=${field === 'email' ? 'email' : field === 'url' ? 'url' : 'text'}
            autocomplete=${autocomplete}
            ?required=${required}
            spellcheck=${field === 'name' ? nothing : 'false'}
            aria-describedby=${common.describedBy ?? nothing}
            aria-invalid=${common.invalid ?? nothing}
            .value=${this._values[field]}
            @input=${this.#onInput}
          />`}
    </div>`;
  }

  #renderErrorSummary(): TemplateResult | typeof nothing {
    const fields = FIELD_ORDER.filter((field) => this._errors[field]);
    if (!fields.length && !this._formError) return nothing;
    return html`<div part="error-summary" class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
      <p id="error-summary-title" class="error-summary-title">${this.#text('errorSummary')}</p>
      <ul>
        ${this._formError ? html`<li>${this.#formErrorText(this._formError)}</li>` : nothing}
        ${fields.map(
          (field) =>
            html`<li>
              <a href="#${field}" @click=${(event: Event) => this.#focusField(event, field)}
                >${this.#fieldErrorText(field, this._errors[field]!)}</a
              >
            </li>`,
        )}
      </ul>
    </div>`;
  }

  #fieldErrorText(field: CommentField, error: FieldError): string {
    switch (error.code) {
      case 'required':
        return this.#text(REQUIRED_MESSAGE[field]);
      case 'email':
        return this.#text('invalidEmail');
      case 'url':
        return this.#text('invalidWebsite');
      case 'too-long': {
        const text = this._values[field];
        const bytes = utf8ByteLength(text);
        const over = Math.max(1, Math.ceil((bytes - (error.limit ?? bytes)) / (bytes / Math.max(1, text.length))));
        return fillIn(this.#text('tooLong'), { label: this.#text(FIELD_LABEL[field]), over, limit: error.limit ?? '' });
      }
      default:
        return error.message || this.#text('rejected');
    }
  }

  #formErrorText(error: FormError): string {
    const key = ({ closed: 'closed', 'login-required': 'loginRequired', forbidden: 'forbidden', 'post-not-found': 'postNotFound' } as const)[
      error.code as 'closed'
    ];
    if (key) return this.#text(key);
    return error.message ? `${this.#text('rejected')} ${error.message}` : this.#text('rejected');
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
    if (words) this._language = words;
    else console.warn(`<${this.localName}> keeps the words it shows: those for lang="${language}" could not be downloaded.`, this);
  }

  #text(key: keyof CommentFormStrings): string {
    return this.strings?.[key] ?? this._language[key] ?? commentFormStrings[key];
  }

  #focusField(event: Event, field: CommentField): void {
    // Fragment links cannot reach into a shadow root: move focus ourselves.
    event.preventDefault();
    const control = this.renderRoot.querySelector<HTMLElement>(`#${field}`);
    control?.focus();
    control?.scrollIntoView({ block: 'center' });
  }

  async #restore(key: string): Promise<void> {
    const restoring = ++this.#restoring;
    const { content, identity } = await this.#drafts.restore(key);
    if (restoring !== this.#restoring) return;
    // What the server printed into a wrapped form (WordPress's cookies) gives way to what was stored here.
    const unset = (field: CommentField) => !this._values[field] || this._values[field] === this.#prefilled[field];
    if (identity && unset('name') && unset('email') && unset('url')) {
      this._values = { ...this._values, ...identity };
      this._remember = true;
    }
    if (content && unset('content')) {
      this._values = { ...this._values, content };
      this._draftRestored = true;
      this.#announce('draftRestored');
      this.dispatchEvent(new CommentFormDraftRestoreEvent(content));
    } else if (content && content !== this._values.content && this.#serverForm === 'taken') {
      // Text typed into the server-rendered form before the script ran wins over an older
      // draft; the draft is kept aside and offered, never dropped.
      this.#drafts.keepAside(content, this._values.content);
    }
    await this.#submissions.flushOutbox(key);
  }

  #onInput = (event: Event): void => {
    const control = event.target as HTMLInputElement | HTMLTextAreaElement;
    const field = control.id as CommentField;
    this._values = { ...this._values, [field]: control.value };
    if (field === 'content') this.#drafts.contentChanged(control.value);
    else if (this._remember) this.#drafts.identityChanged(this._values, true);
  };

  #onRememberChange = (event: Event): void => {
    this._remember = (event.target as HTMLInputElement).checked;
    this.#drafts.identityChanged(this._values, this._remember, { now: true });
  };

  #discardDraft = async (): Promise<void> => {
    await this.#drafts.discard();
    this._values = { ...this._values, content: '' };
    this._draftRestored = false;
    this.#announce('draftDiscarded');
    this.renderRoot.querySelector<HTMLElement>('#content')?.focus();
  };

  #useOtherTab = (): void => {
    const content = this.#drafts.acceptOtherTab(this._values.content);
    if (content === undefined) return;
    this._values = { ...this._values, content };
    this.#drafts.contentChanged(content);
  };

  #onSubmit = (event: Event): void => {
    event.preventDefault();
    if (this.#submissions.busy) return;
    const fields = this.#trimmedValues();
    const errors = validateComment(fields, this.identity);
    const endpoint = this.#endpoint;
    this._formError = endpoint ? undefined : { code: 'rejected', message: this.#text('noEndpoint') };
    this._errors = errors;
    if (Object.keys(errors).length || !endpoint) {
      this.#focusSummary = true;
      this.dispatchEvent(new CommentFormErrorEvent('invalid', errors, this._formError));
      return;
    }
    const submission: CommentSubmission = {
      id: newSubmissionId(),
      endpoint: new URL(endpoint, document.baseURI).href,
      protocol: resolveProtocol(endpoint, this.protocol),
      postId: this.effectivePostId,
      parent: this.#parent,
      nonce: this.nonce,
      fields,
      draftKey: this.#draftKey ?? this.#currentDraftKey(),
      createdAt: Date.now(),
      attempts: 0,
    };
    if (!this.dispatchEvent(new CommentFormSubmitEvent(submission))) return;
    this.#announce('sending');
    void this.#submissions.submit(submission);
  };

  #trimmedValues(): CommentFields {
    const { content, name, email, url } = this._values;
    const hidden = this.identity === 'hidden';
    return {
      content: content.trim(),
      name: hidden ? '' : name.trim(),
      email: hidden ? '' : email.trim(),
      url: hidden ? '' : normalizeWebsite(url),
    };
  }

  #onSettled(submission: CommentSubmission, result: SubmissionResult): void {
    switch (result.kind) {
      case 'posted': {
        this._errors = {};
        this._formError = undefined;
        this._draftRestored = false;
        // Text typed while the comment was on its way is a new draft, not part of this comment.
        if (this._values.content.trim() === submission.fields.content) {
          this._values = { ...this._values, content: '' };
          void this.#drafts.deleteDraft(submission.draftKey);
        } else {
          void this.#drafts.deleteDraft(submission.draftKey).then(() => this.#drafts.contentChanged(this._values.content));
        }
        // A duplicate answer does not say whether the first copy was held for moderation.
        this.#announce(result.status === 'approved' ? 'posted' : result.status);
        this.dispatchEvent(new CommentFormSuccessEvent(submission, result.status));
        break;
      }
      case 'rejected':
        this._errors = result.fieldErrors;
        this._formError = result.formError ?? (Object.keys(result.fieldErrors).length ? undefined : { code: 'rejected' });
        this.#announce('');
        this.#focusSummary = true;
        this.dispatchEvent(new CommentFormErrorEvent('rejected', result.fieldErrors, result.formError, submission));
        break;
      case 'queued':
      case 'sending-elsewhere':
        this.#announce('queued');
        this.dispatchEvent(new CommentFormErrorEvent('queued', {}, undefined, submission));
        break;
      case 'unconfirmed':
        this.#announce('unconfirmed');
        this.dispatchEvent(new CommentFormErrorEvent('unconfirmed', {}, undefined, submission));
        break;
    }
  }

  #announce(message: keyof CommentFormStrings | ''): void {
    this._status = message;
  }

  /**
   * Takes over a server-rendered form inside the element (WordPress's `comment_form()`):
   * its endpoint, post and parent fill in what the element's attributes leave open, and
   * what the reader typed moves into the element's fields with their focus and caret.
   * The code that reads the form is a chunk of its own, loaded only here: until it
   * arrives the form stays on show and working, and what the reader types into it
   * meanwhile moves over. The form then stays in the DOM, inert and never submitted.
   * When the element cannot post (no endpoint), or the chunk cannot be loaded, the form
   * stays on show and working, as without JavaScript, and the console says why.
   */
  async #takeOverServerForm(): Promise<void> {
    const form = this.querySelector('form');
    if (!form || this.#serverForm !== 'none') return;
    this.#serverForm = this.hasUpdated ? 'reading' : 'loading';
    let takeOver: TakeOver | string;
    try {
      const { takeOverServerRenderedForm } = await import('./server-rendered-form.js');
      takeOver = takeOverServerRenderedForm(form, {
        endpoint: this.endpoint,
        identity: this.hasAttribute('identity') ? this.identity : undefined,
        nonce: this.nonce,
        postsToWordPressApi: (endpoint) => resolveProtocol(endpoint, this.protocol) === 'wordpress',
      });
    } catch {
      takeOver = 'its code could not be loaded';
    }
    if (typeof takeOver === 'string') {
      // On show since the page was still parsing, the element's own fields may hold the reader's text: it goes with the form.
      if (this.#serverForm === 'reading') {
        for (const control of this.renderRoot.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('[part~="input"]')) {
          const native = form.elements.namedItem(control.name);
          if ((native instanceof HTMLInputElement || native instanceof HTMLTextAreaElement) && control.value && !native.value) native.value = control.value;
        }
      }
      this.#serverForm = 'kept';
      console.warn(`<${this.localName}> leaves the form inside it on show, working as without JavaScript: ${takeOver}.`, this);
      this.requestUpdate();
      return;
    }
    const { read, endpoint, identity } = takeOver;
    this.#serverForm = 'taken';
    this.#fromForm = { endpoint, postId: read.postId, parent: read.parent };
    this.identity = identity;
    // Out of the accessibility tree, the tab order and find-in-page; Enter in it submits nothing.
    form.inert = true;
    form.addEventListener('submit', (event) => event.preventDefault(), { capture: true });
    this.#prefilled = read.prefilled;
    // Into empty fields only: a form taken over late (see connectedCallback) may have been typed into already.
    const values = { ...this._values };
    for (const [field, value] of Object.entries({ ...read.prefilled, ...read.typed }) as [CommentField, string][]) {
      if (!values[field]) values[field] = value;
    }
    this._values = values;
    if (read.typed.content !== undefined && values.content === read.typed.content) this.#drafts.contentChanged(read.typed.content);
    if (read.remember !== undefined) {
      this._remember = read.remember;
      this.#drafts.identityChanged(this._values, read.remember, { now: true });
    }
    this.#focusAfterTakeover = read.focus;
    this.requestUpdate();
  }

  /** Puts the reader back where they were in the wrapped form: the same field, the same caret. */
  #moveFocusIntoForm(focus: FocusedField): void {
    const control = this.renderRoot.querySelector<HTMLInputElement | HTMLTextAreaElement>(
      focus.field === 'remember' ? '#remember' : `#${focus.field}`,
    );
    if (!control) return;
    this.#focusAfterTakeover = undefined;
    control.focus({ preventScroll: true });
    if (focus.selectionStart === null || focus.selectionEnd === null) return;
    try {
      control.setSelectionRange(focus.selectionStart, focus.selectionEnd, focus.selectionDirection ?? undefined);
    } catch {
      // Inputs without a caret (type=email in some browsers) keep focus only.
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'comment-form': CommentFormElement;
  }
  interface HTMLElementEventMap {
    'comment-form-submit': CommentFormSubmitEvent;
    'comment-form-success': CommentFormSuccessEvent;
    'comment-form-error': CommentFormErrorEvent;
    'comment-form-draft-restore': CommentFormDraftRestoreEvent;
  }
}
