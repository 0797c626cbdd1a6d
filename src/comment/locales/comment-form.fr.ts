// French (français)
import type { FormWords } from '../comment-form.strings.js';

const strings: FormWords = {
  heading: 'Laisser un commentaire',
  replyHeading: 'Laisser une réponse',
  emailNote: 'Votre adresse e-mail ne sera pas publiée.',
  requiredNote: 'Les champs obligatoires sont indiqués avec *',
  comment: 'Commentaire',
  name: 'Nom',
  email: 'E-mail',
  website: 'Site web',
  commentHint: 'Votre texte est conservé dans ce navigateur jusqu’à la publication du commentaire.',
  nameHint: 'Affiché avec votre commentaire.',
  emailHint: 'Votre adresse n’est visible que par le site.',
  websiteHint: 'Par exemple, example.com',
  remember: 'Enregistrer mon nom, mon e-mail et mon site dans le navigateur pour mon prochain commentaire.',
  submit: 'Laisser un commentaire',
  errorSummary: 'Il y a un problème',
  errorPrefix: 'Erreur\u00a0:',
  requiredComment: 'Saisissez votre commentaire',
  requiredName: 'Saisissez votre nom',
  requiredEmail: 'Saisissez votre adresse e-mail',
  invalidEmail: 'Saisissez une adresse e-mail au bon format, par exemple nom@example.com',
  invalidWebsite: 'Saisissez une adresse web au bon format, par exemple example.com',
  tooLong: '{label} est trop long\u00a0: raccourcissez-le d’environ {over} caractères',
  sending: 'Envoi de votre commentaire…',
  posted: 'Votre commentaire a été publié.',
  pending: 'Votre commentaire est en attente de modération.',
  duplicate: 'Votre commentaire a bien été reçu. Il devra peut-être être approuvé avant d’apparaître.',
  retrying: 'Votre commentaire n’a pas encore pu être envoyé. Nouvel essai dans {seconds} secondes.',
  queued: 'Enregistré — il sera envoyé dès que vous serez de nouveau en ligne.',
  unconfirmed:
    'Votre commentaire est probablement arrivé, mais la réponse du site n’a pas pu être lue. Votre texte est conservé ici\u00a0: vérifiez les commentaires avant de le renvoyer.',
  draftRestored: 'Brouillon restauré.',
  discardDraft: 'Supprimer le brouillon',
  draftDiscarded: 'Brouillon supprimé.',
  draftNotSaved:
    'Votre brouillon ne peut pas être enregistré dans ce navigateur. Il sera perdu si vous quittez ou rechargez la page.',
  otherTab: 'Ce commentaire est aussi en cours de modification dans un autre onglet.',
  useOtherTab: 'Utiliser le texte de l’autre onglet',
  otherVersion: 'Une autre version de ce commentaire est conservée dans ce navigateur.',
  useOtherVersion: 'Passer à l’autre version',
  closed: 'Les commentaires sont fermés pour cet article.',
  loginRequired: 'Vous devez vous connecter pour commenter.',
  forbidden:
    'Votre session a expiré. Rechargez la page, puis publiez à nouveau votre commentaire\u00a0: votre texte est conservé.',
  postNotFound: 'Il n’est plus possible de commenter cet article.',
  rejected: 'Votre commentaire n’a pas pu être publié.',
  noEndpoint: 'Ce formulaire n’est pas encore relié à un service de commentaires.',
  cannotSendYet:
    'Une partie de ce formulaire n’a pas pu être téléchargée. Vérifiez votre connexion, puis publiez à nouveau votre commentaire : votre texte est conservé.',
};

export default strings;
