// Spanish (español): the words for a comment waiting to be sent, which come with the form's engine
import type { EngineWords } from '../comment-form.strings.js';

const strings: EngineWords = {
  queuedServer: 'El sitio aún no ha podido aceptar tu comentario. Está guardado y se enviará automáticamente.',
  sendingElsewhere: 'Tu comentario se está enviando desde otra pestaña.',
  pendingNote: 'Tu comentario espera a enviarse tal como se muestra. Mientras tanto no se puede cambiar.',
  mayBeStored:
    'La respuesta del sitio no llegó, así que puede que ya esté publicado. Volver a enviarlo no puede publicarlo dos veces; si lo editas ahora, podrían publicarse las dos versiones.',
  editPending: 'Editar comentario',
  editAnyway: 'Editar de todos modos',
  sendNow: 'Intentar ahora',
  withdrawn: 'No enviado. Puedes editar tu comentario y publicarlo de nuevo.',
};
export default strings;
