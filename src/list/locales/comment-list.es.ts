/** Spanish words of `<comment-list>`. */
import type { CommentListStrings } from '../comment-list.strings.js';

export default {
  heading: 'Comentarios',
  countOne: '{count} comentario',
  countMany: '{count} de comentarios',
  countOther: '{count} comentarios',
  loading: 'Cargando comentarios…',
  empty: 'Todavía no hay comentarios. Sé el primero.',
  error: 'No se pudieron cargar los comentarios.',
  retry: 'Intentar de nuevo',
  order: 'Orden',
  oldest: 'Más antiguos primero',
  newest: 'Más recientes primero',
  loadMore: 'Cargar {count} más',
  loadingMore: 'Cargando más comentarios…',
  loadedMore: 'Se cargaron {count} comentarios más.',
  reply: 'Responder',
  replyTo: 'Responder a {name}',
  cancelReply: 'Cancelar respuesta',
  inReplyTo: 'en respuesta a {name}',
  awaitingModeration: 'Tu comentario está esperando moderación.',
  anonymous: 'Anónimo',
  formMoved: 'El formulario de comentarios está ahora debajo del comentario de {name}.',
  formReturned: 'Respuesta cancelada. El formulario de comentarios ha vuelto a su sitio.',
  commentShown: 'Tu comentario se muestra en la conversación.',
} satisfies Partial<CommentListStrings>;
