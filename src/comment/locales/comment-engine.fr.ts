// French (français): the words for a comment waiting to be sent, which come with the form's engine
import type { EngineWords } from '../comment-form.strings.js';

const strings: EngineWords = {
  queuedServer:
    'Le site n’a pas encore pu accepter votre commentaire. Il est enregistré et sera envoyé automatiquement.',
  sendingElsewhere: 'Votre commentaire est en cours d’envoi depuis un autre onglet.',
  pendingNote: 'Votre commentaire attend d’être envoyé tel qu’il est affiché. Il ne peut pas être modifié d’ici là.',
  mayBeStored:
    'La réponse du site n’est pas arrivée : il est peut-être déjà publié. Le renvoyer ne peut pas le publier deux fois ; le modifier maintenant pourrait publier les deux versions.',
  editPending: 'Modifier le commentaire',
  editAnyway: 'Modifier quand même',
  sendNow: 'Réessayer maintenant',
  withdrawn: 'Non envoyé. Vous pouvez modifier votre commentaire et le publier à nouveau.',
};
export default strings;
