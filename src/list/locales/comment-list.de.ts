/** German words of `<comment-list>`. */
import type { CommentListStrings } from '../comment-list.strings.js';

export default {
  heading: 'Kommentare',
  countOne: '{count} Kommentar',
  countOther: '{count} Kommentare',
  loading: 'Kommentare werden geladen …',
  empty: 'Noch keine Kommentare. Schreiben Sie den ersten.',
  error: 'Die Kommentare konnten nicht geladen werden.',
  retry: 'Erneut versuchen',
  order: 'Reihenfolge',
  oldest: 'Älteste zuerst',
  newest: 'Neueste zuerst',
  loadMore: '{count} weitere laden',
  loadingMore: 'Weitere Kommentare werden geladen …',
  loadedMore: '{count} weitere Kommentare geladen.',
  reply: 'Antworten',
  replyTo: 'Antworten an {name}',
  cancelReply: 'Antworten abbrechen',
  inReplyTo: 'als Antwort an {name}',
  awaitingModeration: 'Dein Kommentar muss noch freigeschaltet werden.',
  anonymous: 'Anonym',
  formMoved: 'Das Kommentarformular steht jetzt unter dem Kommentar von {name}.',
  formReturned: 'Antwort abgebrochen. Das Kommentarformular ist wieder an seinem Platz.',
  commentShown: 'Ihr Kommentar wird in der Unterhaltung angezeigt.',
} satisfies Partial<CommentListStrings>;
