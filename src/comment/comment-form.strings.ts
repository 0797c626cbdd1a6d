/**
 * The words `<comment-form>` shows. English is built in; the other languages are
 * small chunks loaded only on pages in that language. Any string can be replaced
 * by the site through the `strings` property or attribute (JSON).
 * `{label}`, `{limit}`, `{over}` and `{seconds}` are filled in when shown.
 */
import { fillIn, loadTranslation, type TranslationLoaders } from '../shared/translations.js';

export const commentFormStrings = {
  heading: 'Leave a comment',
  replyHeading: 'Leave a reply',
  emailNote: 'Your email address will not be published.',
  requiredNote: 'Required fields are marked *',
  comment: 'Comment',
  name: 'Name',
  email: 'Email',
  website: 'Website',
  commentHint: 'Your text is kept in this browser until the comment is posted.',
  nameHint: 'Shown with your comment.',
  emailHint: 'Only the site sees it.',
  websiteHint: 'For example, example.com',
  remember: 'Save my name, email, and website in this browser for the next time I comment.',
  submit: 'Post Comment',
  errorSummary: 'There is a problem',
  errorPrefix: 'Error:',
  requiredComment: 'Enter your comment',
  requiredName: 'Enter your name',
  requiredEmail: 'Enter your email address',
  invalidEmail: 'Enter an email address in the correct format, like name@example.com',
  invalidWebsite: 'Enter a web address in the correct format, like example.com',
  tooLong: '{label} is too long: shorten it by about {over} characters',
  sending: 'Sending your comment…',
  posted: 'Your comment has been posted.',
  pending: 'Your comment is awaiting moderation.',
  duplicate: 'Your comment has been received. It may need to be approved before it appears.',
  retrying: 'Your comment could not be sent yet. Trying again in {seconds} seconds.',
  queued: 'Saved — it will be sent when you are back online.',
  queuedServer: 'The site could not take your comment yet. It is saved, and it will be sent by itself.',
  sendingElsewhere: 'Your comment is being sent from another tab.',
  pendingNote: 'Your comment waits to be sent as shown. It cannot be changed meanwhile.',
  mayBeStored:
    'The site’s answer did not arrive, so it may already be published. Sending it again cannot publish it twice; editing it now may publish both versions.',
  editPending: 'Edit comment',
  editAnyway: 'Edit anyway',
  sendNow: 'Try now',
  withdrawn: 'Not sent. You can edit your comment and post it again.',
  unconfirmed:
    'Your comment probably arrived, but the site’s answer could not be read. Your text is kept here: check the comments before posting it again.',
  draftRestored: 'Draft restored.',
  discardDraft: 'Discard draft',
  draftDiscarded: 'Draft discarded.',
  draftNotSaved: 'Your draft cannot be saved in this browser. It will be lost if you leave or reload the page.',
  otherTab: 'This comment is also being edited in another tab.',
  useOtherTab: 'Use the text from the other tab',
  otherVersion: 'Another version of this comment is kept in this browser.',
  useOtherVersion: 'Switch to the other version',
  closed: 'Comments are closed on this article.',
  loginRequired: 'You need to sign in to comment.',
  forbidden: 'Your session has expired. Reload the page, then post your comment again: your text is kept.',
  postNotFound: 'This article can no longer be commented on.',
  rejected: 'Your comment could not be posted.',
  noEndpoint: 'This form is not connected to a comment service yet.',
  cannotSendYet:
    'Part of this form could not be downloaded. Check your connection, then post your comment again: your text is kept.',
};
export type CommentFormStrings = typeof commentFormStrings;

/**
 * Words shown only about a comment waiting to be sent, so only once the form's engine is
 * here: each language's come in a chunk of their own, asked for with the engine, not
 * with the form (English ones are above, as all English words are).
 */
export const ENGINE_WORDS = [
  'queuedServer',
  'sendingElsewhere',
  'pendingNote',
  'mayBeStored',
  'editPending',
  'editAnyway',
  'sendNow',
  'withdrawn',
] as const;
/** The words of a language's form chunk. */
export type FormWords = Omit<CommentFormStrings, (typeof ENGINE_WORDS)[number]>;
/** The words of a language's engine chunk. */
export type EngineWords = Pick<CommentFormStrings, (typeof ENGINE_WORDS)[number]>;

const translations: TranslationLoaders<FormWords> = {
  ar: () => import('./locales/comment-form.ar.js'),
  de: () => import('./locales/comment-form.de.js'),
  es: () => import('./locales/comment-form.es.js'),
  fr: () => import('./locales/comment-form.fr.js'),
  ru: () => import('./locales/comment-form.ru.js'),
  uk: () => import('./locales/comment-form.uk.js'),
};

/**
 * The built-in strings for a BCP 47 language tag (by its primary language), English (`{}`)
 * when there are none; `undefined` when the language's chunk cannot be downloaded, so the
 * form keeps the words it shows, still working.
 */
export const builtInStrings = (language: string | undefined): Promise<Partial<CommentFormStrings> | undefined> =>
  loadTranslation(translations, language);

const engineTranslations: TranslationLoaders<EngineWords> = {
  ar: () => import('./locales/comment-engine.ar.js'),
  de: () => import('./locales/comment-engine.de.js'),
  es: () => import('./locales/comment-engine.es.js'),
  fr: () => import('./locales/comment-engine.fr.js'),
  ru: () => import('./locales/comment-engine.ru.js'),
  uk: () => import('./locales/comment-engine.uk.js'),
};

/** The built-in words about a comment waiting to be sent, as `builtInStrings` says. */
export const builtInEngineStrings = (language: string | undefined): Promise<Partial<CommentFormStrings> | undefined> =>
  loadTranslation(engineTranslations, language);

export { fillIn };
