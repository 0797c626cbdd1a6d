/**
 * The words `<comment-list>` shows. English is built in; the other languages are small
 * chunks loaded only on pages in that language. Any string can be replaced through the
 * `strings` property or attribute (JSON). `{count}` and `{name}` are filled in when shown;
 * the count heading has one string per plural category of `Intl.PluralRules`
 * (`countOther` serves the categories a language leaves out).
 */
import { fillIn, loadTranslation, type TranslationLoaders } from '../shared/translations.js';

export const commentListStrings = {
  /** The heading while the count is not known yet. */
  heading: 'Comments',
  countZero: '',
  countOne: '{count} comment',
  countTwo: '',
  countFew: '',
  countMany: '',
  countOther: '{count} comments',
  loading: 'Loading comments…',
  empty: 'No comments yet. Be the first.',
  error: 'The comments could not be loaded.',
  retry: 'Try again',
  order: 'Order',
  oldest: 'Oldest first',
  newest: 'Newest first',
  loadMore: 'Load {count} more',
  loadingMore: 'Loading more comments…',
  loadedMore: '{count} more comments loaded.',
  reply: 'Reply',
  replyTo: 'Reply to {name}',
  cancelReply: 'Cancel reply',
  inReplyTo: 'in reply to {name}',
  awaitingModeration: 'Your comment is awaiting moderation.',
  anonymous: 'Anonymous',
  formMoved: 'The comment form is now under the comment by {name}.',
  formReturned: 'Reply cancelled. The comment form is back in its place.',
  commentShown: 'Your comment is shown in the conversation.',
};
export type CommentListStrings = typeof commentListStrings;

const translations: TranslationLoaders<CommentListStrings> = {
  ar: () => import('./locales/comment-list.ar.js'),
  de: () => import('./locales/comment-list.de.js'),
  es: () => import('./locales/comment-list.es.js'),
  fr: () => import('./locales/comment-list.fr.js'),
  ru: () => import('./locales/comment-list.ru.js'),
  uk: () => import('./locales/comment-list.uk.js'),
};

/** The built-in strings for a language tag; `{}` for English or an unknown language; `undefined` when its chunk cannot be downloaded. */
export const builtInListStrings = (language: string | undefined): Promise<Partial<CommentListStrings> | undefined> =>
  loadTranslation(translations, language);

export { fillIn };

const PLURAL_KEYS = {
  zero: 'countZero',
  one: 'countOne',
  two: 'countTwo',
  few: 'countFew',
  many: 'countMany',
  other: 'countOther',
} as const;

/** "N comments" in `language`, through its plural rules. */
export function countHeading(
  count: number,
  language: string | undefined,
  text: (key: keyof CommentListStrings) => string,
): string {
  let category: Intl.LDMLPluralRule;
  try {
    category = new Intl.PluralRules(language).select(count);
  } catch {
    category = new Intl.PluralRules().select(count);
  }
  const template = text(PLURAL_KEYS[category]) || text('countOther');
  return fillIn(template, { count: count.toLocaleString(language) });
}
