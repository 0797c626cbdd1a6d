// German (Deutsch)
import type { FormWords } from '../comment-form.strings.js';

const strings: FormWords = {
  heading: 'Schreibe einen Kommentar',
  replyHeading: 'Schreibe eine Antwort',
  emailNote: 'Deine E-Mail-Adresse wird nicht veröffentlicht.',
  requiredNote: 'Erforderliche Felder sind mit * markiert',
  comment: 'Kommentar',
  name: 'Name',
  email: 'E-Mail',
  website: 'Website',
  commentHint: 'Dein Text bleibt in diesem Browser gespeichert, bis der Kommentar abgeschickt ist.',
  nameHint: 'Wird mit deinem Kommentar angezeigt.',
  emailHint: 'Deine Adresse ist nur für die Website sichtbar.',
  websiteHint: 'Zum Beispiel example.com',
  remember:
    'Meinen Namen, meine E-Mail-Adresse und meine Website in diesem Browser für die nächste Kommentierung speichern.',
  submit: 'Kommentar abschicken',
  errorSummary: 'Es gibt ein Problem',
  errorPrefix: 'Fehler:',
  requiredComment: 'Gib deinen Kommentar ein',
  requiredName: 'Gib deinen Namen ein',
  requiredEmail: 'Gib deine E-Mail-Adresse ein',
  invalidEmail: 'Gib eine E-Mail-Adresse im richtigen Format ein, etwa name@example.com',
  invalidWebsite: 'Gib eine Webadresse im richtigen Format ein, etwa example.com',
  tooLong: '{label} ist zu lang: Kürze den Text um etwa {over} Zeichen',
  sending: 'Dein Kommentar wird gesendet\u00a0…',
  posted: 'Dein Kommentar wurde veröffentlicht.',
  pending: 'Dein Kommentar muss noch freigegeben werden.',
  duplicate: 'Dein Kommentar ist angekommen. Möglicherweise muss er noch freigegeben werden, bevor er erscheint.',
  retrying: 'Dein Kommentar konnte noch nicht gesendet werden. Neuer Versuch in {seconds} Sekunden.',
  queued: 'Gespeichert — dein Kommentar wird gesendet, sobald du wieder online bist.',
  unconfirmed:
    'Dein Kommentar ist wahrscheinlich angekommen, aber die Antwort der Website konnte nicht gelesen werden. Dein Text bleibt hier erhalten: Sieh in den Kommentaren nach, bevor du ihn erneut abschickst.',
  draftRestored: 'Entwurf wiederhergestellt.',
  discardDraft: 'Entwurf verwerfen',
  draftDiscarded: 'Entwurf verworfen.',
  draftNotSaved:
    'Dein Entwurf kann in diesem Browser nicht gespeichert werden. Er geht verloren, wenn du die Seite verlässt oder neu lädst.',
  otherTab: 'Dieser Kommentar wird auch in einem anderen Tab bearbeitet.',
  useOtherTab: 'Text aus dem anderen Tab übernehmen',
  otherVersion: 'Eine andere Fassung deines Kommentars ist in diesem Browser gespeichert.',
  useOtherVersion: 'Zur anderen Fassung wechseln',
  closed: 'Die Kommentare zu diesem Artikel sind geschlossen.',
  loginRequired: 'Du musst dich anmelden, um zu kommentieren.',
  forbidden:
    'Deine Sitzung ist abgelaufen. Lade die Seite neu und schicke deinen Kommentar dann noch einmal ab. Dein Text bleibt erhalten.',
  postNotFound: 'Dieser Artikel kann nicht mehr kommentiert werden.',
  rejected: 'Dein Kommentar konnte nicht veröffentlicht werden.',
  noEndpoint: 'Dieses Formular ist noch mit keinem Kommentardienst verbunden.',
  cannotSendYet:
    'Ein Teil dieses Formulars konnte nicht geladen werden. Prüfe deine Verbindung und schicke deinen Kommentar dann erneut ab: Dein Text bleibt erhalten.',
};

export default strings;
