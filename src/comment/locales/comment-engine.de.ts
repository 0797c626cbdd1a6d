// German (Deutsch): the words for a comment waiting to be sent, which come with the form's engine
import type { EngineWords } from '../comment-form.strings.js';

const strings: EngineWords = {
  queuedServer:
    'Die Website konnte deinen Kommentar noch nicht annehmen. Er ist gespeichert und wird von selbst gesendet.',
  sendingElsewhere: 'Dein Kommentar wird gerade in einem anderen Tab gesendet.',
  pendingNote: 'Dein Kommentar wartet so, wie er hier steht, auf das Senden. Bis dahin kann er nicht geändert werden.',
  mayBeStored:
    'Die Antwort der Website ist nicht angekommen, daher ist er vielleicht schon veröffentlicht. Erneutes Senden kann ihn nicht doppelt veröffentlichen; wenn du ihn jetzt bearbeitest, erscheinen womöglich beide Fassungen.',
  editPending: 'Kommentar bearbeiten',
  editAnyway: 'Trotzdem bearbeiten',
  sendNow: 'Jetzt versuchen',
  withdrawn: 'Nicht gesendet. Du kannst deinen Kommentar bearbeiten und erneut abschicken.',
};
export default strings;
