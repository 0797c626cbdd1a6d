/**
 * What `<comment-form>` shows, as Lit templates of the comment's state (the lifecycle's):
 * the heading, the error summary, the draft notices, WordPress's fields in WordPress's
 * order with their labels, hints and errors, the button and the status line; and the
 * words for each error.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import type { CommentField, CommentIdentity, FieldError, FormError } from './comment.js';
import type { CommentLifecycle } from './comment-lifecycle.js';
import { fillIn, type CommentFormStrings } from './comment-form.strings.js';
import { headingTag } from '../shared/heading-tag.js';
import { utf8ByteLength } from './utf8-byte-length.js';

/**
 * The comment's state as the templates show it: the lifecycle's, or, until the engine has
 * arrived, what the reader typed (early-comment.ts).
 */
export type CommentFormState = Pick<
  CommentLifecycle,
  | 'fields'
  | 'remember'
  | 'fieldErrors'
  | 'formError'
  | 'status'
  | 'draftRestored'
  | 'pending'
  | 'otherVersion'
  | 'durable'
>;

/** What the templates read: the element's settings, its words, the comment's state, and the handlers. */
export interface CommentFormView {
  text: (key: keyof CommentFormStrings) => string;
  comment: CommentFormState;
  headingLevel: number;
  identity: CommentIdentity;
  isReply: boolean;
  on: {
    submit: (event: Event) => void;
    input: (event: Event) => void;
    rememberChange: (event: Event) => void;
    discardDraft: () => void;
    useOtherVersion: () => void;
    /** Take the comment waiting to be sent back into the box; `anyway`: although it may be published already. */
    editPending: (anyway: boolean) => void;
    /** Send the comment waiting to be sent now, not at its next round. */
    sendNow: () => void;
    /** A link of the error summary: focus goes to its field. */
    summaryLink: (event: Event, field: CommentField) => void;
  };
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
const FORM_ERROR_WORDS = {
  closed: 'closed',
  'login-required': 'loginRequired',
  forbidden: 'forbidden',
  'post-not-found': 'postNotFound',
} as const;

export function renderCommentForm(view: CommentFormView): TemplateResult {
  const { text, comment, identity, on } = view;
  const hidden = identity === 'hidden';
  const heading = headingTag(view.headingLevel, 2);
  const { pending } = comment;
  // Another version of the comment (another tab's text, or an earlier draft kept aside): offered once no comment waits.
  const otherVersion = pending ? undefined : comment.otherVersion;
  const earlierDraft = otherVersion?.source === 'earlier-draft';
  return html`<section aria-labelledby="heading">
    ${staticHtml`<${heading} part="heading" id="heading">${text(view.isReply ? 'replyHeading' : 'heading')}</${heading}>`}
    ${renderErrorSummary(view)}
    ${
      comment.draftRestored
        ? html`<p part="draft-notice">
            ${text('draftRestored')}
            <button type="button" class="link-button" @click=${on.discardDraft}>${text('discardDraft')}</button>
          </p>`
        : nothing
    }
    ${
      otherVersion
        ? html`<p part="draft-notice" class=${earlierDraft ? 'other-version' : 'other-tab'}>
            ${text(earlierDraft ? 'otherVersion' : 'otherTab')}
            <button type="button" class="link-button" @click=${on.useOtherVersion}>
              ${text(earlierDraft ? 'useOtherVersion' : 'useOtherTab')}
            </button>
          </p>`
        : nothing
    }
    ${comment.durable ? nothing : html`<p part="draft-notice" class="not-saved" role="status">${text('draftNotSaved')}</p>`}
    <form part="form" novalidate @submit=${on.submit}>
      ${
        hidden
          ? nothing
          : html`<p class="note">
              <span>${text('emailNote')}</span>
              <span>${renderRequiredNote(text('requiredNote'))}</span>
            </p>`
      }
      ${renderField(view, 'content', true, '')}
      ${
        hidden
          ? nothing
          : html`${renderField(view, 'name', identity === 'required', 'name')}
              ${renderField(view, 'email', identity === 'required', 'email')} ${renderField(view, 'url', false, 'url')}
              <div part="remember" class="remember">
                <input id="remember" type="checkbox" .checked=${comment.remember} @change=${on.rememberChange} /><label
                  for="remember"
                  >${text('remember')}</label
                >
              </div>`
      }
      <button part="submit" type="submit" aria-disabled=${pending ? 'true' : 'false'}>${text('submit')}</button>
      ${renderPending(view)}
    </form>
    <p part="status" class="status" role="status">${statusText(view)}</p>
  </section>`;
}

/** The status line: what the comment waiting to be sent is doing, else how the last one ended. */
function statusText({ text, comment }: CommentFormView): string {
  const progress = comment.pending?.progress;
  switch (progress?.phase) {
    case 'sending':
      return text('sending');
    case 'retry-wait':
      return fillIn(text('retrying'), { seconds: Math.ceil(progress.waitMs / 1000) });
    case 'waiting':
      return text(
        progress.reason === 'offline' ? 'queued' : progress.reason === 'server' ? 'queuedServer' : 'sendingElsewhere',
      );
    default:
      return comment.status && text(comment.status);
  }
}

/**
 * The comment waiting to be sent, shown in the read-only fields above: what that means,
 * whether it may be published already, and what the reader can do while no request is under way.
 */
function renderPending({ text, comment, on }: CommentFormView): TemplateResult | typeof nothing {
  const { pending } = comment;
  if (!pending) return nothing;
  const { mayBeStored } = pending.submission;
  // Kept on show while a request is under way (unavailable then), so that focus stays where the reader left it.
  const busy = pending.progress.phase === 'sending' ? 'true' : 'false';
  return html`<div part="pending" class="pending" id="pending-note">
    <p>${text('pendingNote')}</p>
    ${mayBeStored ? html`<p>${text('mayBeStored')}</p>` : nothing}
    <p class="pending-actions">
      <button type="button" class="link-button" aria-disabled=${busy} @click=${on.sendNow}>${text('sendNow')}</button>
      <button type="button" class="link-button" aria-disabled=${busy} @click=${() => on.editPending(!!mayBeStored)}>
        ${text(mayBeStored ? 'editAnyway' : 'editPending')}
      </button>
    </p>
  </div>`;
}

/** "Required fields are marked *", with the star shown but not read out as "star". */
function renderRequiredNote(note: string): TemplateResult | string {
  const star = note.lastIndexOf('*');
  if (star < 0) return note;
  return html`${note.slice(0, star)}<span class="required" aria-hidden="true">*</span>${note.slice(star + 1)}`;
}

function renderField(
  { text, comment, on }: CommentFormView,
  field: CommentField,
  required: boolean,
  autocomplete: string,
): TemplateResult {
  const error = comment.fieldErrors[field];
  // The comment's hint promises it is kept in this browser: not said when it cannot be.
  const hint = field === 'content' && !comment.durable ? undefined : FIELD_HINT[field];
  const waiting = !!comment.pending;
  const describedBy =
    [hint ? `${field}-hint` : '', error ? `${field}-error` : '', waiting ? 'pending-note' : '']
      .filter(Boolean)
      .join(' ') || nothing;
  const invalid = error ? 'true' : nothing;
  return html`<div part="field" class=${error ? 'field invalid' : 'field'}>
    <label part="label" for=${field}
      >${text(FIELD_LABEL[field])}${required ? html` <span class="required" aria-hidden="true">*</span>` : nothing}</label
    >
    ${hint ? html`<p part="hint" class="hint" id="${field}-hint">${text(hint)}</p>` : nothing}
    ${
      error
        ? html`<p part="error-message" class="error-message" id="${field}-error">
            <span class="visually-hidden">${text('errorPrefix')}</span>
            ${fieldErrorText(text, field, error, comment.fields[field])}
          </p>`
        : nothing
    }
    ${
      field === 'content'
        ? html`<textarea
            part="input"
            id=${field}
            name="comment"
            rows="8"
            ?required=${required}
            ?readonly=${waiting}
            aria-describedby=${describedBy}
            aria-invalid=${invalid}
            .value=${comment.fields.content}
            @input=${on.input}
          ></textarea>`
        : html`<input
            part="input"
            id=${field}
            name=${field === 'url' ? 'url' : field === 'name' ? 'author' : 'email'}
            type=${field === 'email' ? 'email' : field === 'url' ? 'url' : 'text'}
            autocomplete=${autocomplete}
            ?required=${required}
            spellcheck=${field === 'name' ? nothing : 'false'}
            ?readonly=${waiting}
            aria-describedby=${describedBy}
            aria-invalid=${invalid}
            .value=${comment.fields[field]}
            @input=${on.input}
          />`
    }
  </div>`;
}

function renderErrorSummary({ text, comment, on }: CommentFormView): TemplateResult | typeof nothing {
  const { fieldErrors, formError } = comment;
  const fields = FIELD_ORDER.filter((field) => fieldErrors[field]);
  if (!fields.length && !formError) return nothing;
  return html`<div
    part="error-summary"
    class="error-summary"
    role="alert"
    tabindex="-1"
    aria-labelledby="error-summary-title"
  >
    <p id="error-summary-title" class="error-summary-title">${text('errorSummary')}</p>
    <ul>
      ${formError ? html`<li>${formErrorText(text, formError)}</li>` : nothing}
      ${fields.map(
        (field) =>
          html`<li>
            <a href="#${field}" @click=${(event: Event) => on.summaryLink(event, field)}
              >${fieldErrorText(text, field, fieldErrors[field]!, comment.fields[field])}</a
            >
          </li>`,
      )}
    </ul>
  </div>`;
}

/** The words for what is wrong with a field, whose value is `value`. */
function fieldErrorText(text: CommentFormView['text'], field: CommentField, error: FieldError, value: string): string {
  switch (error.code) {
    case 'required':
      return text(REQUIRED_MESSAGE[field]);
    case 'email':
      return text('invalidEmail');
    case 'url':
      return text('invalidWebsite');
    case 'too-long': {
      // Bytes over the limit, as characters of the kind the reader typed.
      const bytes = utf8ByteLength(value);
      const over = Math.max(1, Math.ceil((bytes - (error.limit ?? bytes)) / (bytes / Math.max(1, value.length))));
      return fillIn(text('tooLong'), { label: text(FIELD_LABEL[field]), over, limit: error.limit ?? '' });
    }
    default:
      return error.message || text('rejected');
  }
}

function formErrorText(text: CommentFormView['text'], error: FormError): string {
  const key = FORM_ERROR_WORDS[error.code as keyof typeof FORM_ERROR_WORDS];
  if (key) return text(key);
  return error.message ? `${text('rejected')} ${error.message}` : text('rejected');
}
