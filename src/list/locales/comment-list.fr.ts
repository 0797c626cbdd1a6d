/** French words of `<comment-list>`. */
import type { CommentListStrings } from '../comment-list.strings.js';

export default {
  heading: 'Commentaires',
  countOne: '{count} commentaire',
  countMany: '{count} de commentaires',
  countOther: '{count} commentaires',
  loading: 'Chargement des commentaires…',
  empty: 'Aucun commentaire pour l’instant. Soyez le premier.',
  error: 'Les commentaires n’ont pas pu être chargés.',
  retry: 'Réessayer',
  order: 'Ordre',
  oldest: 'Les plus anciens d’abord',
  newest: 'Les plus récents d’abord',
  loadMore: 'Afficher {count} de plus',
  loadingMore: 'Chargement d’autres commentaires…',
  loadedMore: '{count} commentaires de plus chargés.',
  reply: 'Répondre',
  replyTo: 'Répondre à {name}',
  cancelReply: 'Annuler la réponse',
  inReplyTo: 'en réponse à {name}',
  awaitingModeration: 'Votre commentaire est en attente de modération.',
  anonymous: 'Anonyme',
  formMoved: 'Le formulaire de commentaire est maintenant sous le commentaire de {name}.',
  formReturned: 'Réponse annulée. Le formulaire de commentaire est revenu à sa place.',
  commentShown: 'Votre commentaire est affiché dans la conversation.',
} satisfies Partial<CommentListStrings>;
