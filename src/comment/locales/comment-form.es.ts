// Spanish (español)
import type { FormWords } from '../comment-form.strings.js';

const strings: FormWords = {
  heading: 'Deja un comentario',
  replyHeading: 'Deja una respuesta',
  emailNote: 'Tu dirección de correo electrónico no será publicada.',
  requiredNote: 'Los campos obligatorios están marcados con *',
  comment: 'Comentario',
  name: 'Nombre',
  email: 'Correo electrónico',
  website: 'Web',
  commentHint: 'Tu texto se guarda en este navegador hasta que se publique el comentario.',
  nameHint: 'Se muestra con tu comentario.',
  emailHint: 'Solo el sitio verá tu dirección.',
  websiteHint: 'Por ejemplo, example.com',
  remember: 'Guarda mi nombre, correo electrónico y web en este navegador para la próxima vez que comente.',
  submit: 'Publicar el comentario',
  errorSummary: 'Hay un problema',
  errorPrefix: 'Error:',
  requiredComment: 'Escribe tu comentario',
  requiredName: 'Escribe tu nombre',
  requiredEmail: 'Escribe tu dirección de correo electrónico',
  invalidEmail: 'Escribe una dirección de correo electrónico con el formato correcto, como nombre@example.com',
  invalidWebsite: 'Escribe una dirección web con el formato correcto, como example.com',
  tooLong: 'El campo «{label}» es demasiado largo: acorta el texto unos {over} caracteres',
  sending: 'Enviando tu comentario…',
  posted: 'Tu comentario se ha publicado.',
  pending: 'Tu comentario está pendiente de moderación.',
  duplicate: 'Hemos recibido tu comentario. Es posible que deba aprobarse antes de mostrarse.',
  retrying: 'Todavía no se ha podido enviar tu comentario. Se volverá a intentar dentro de {seconds} segundos.',
  queued: 'Guardado — se enviará cuando vuelvas a tener conexión.',
  unconfirmed:
    'Probablemente tu comentario ha llegado, pero no se ha podido leer la respuesta del sitio. Tu texto se conserva aquí: revisa los comentarios antes de enviarlo de nuevo.',
  draftRestored: 'Borrador recuperado.',
  discardDraft: 'Descartar el borrador',
  draftDiscarded: 'Borrador descartado.',
  draftNotSaved:
    'Tu borrador no se puede guardar en este navegador. Se perderá si sales de la página o la vuelves a cargar.',
  otherTab: 'Este comentario también se está editando en otra pestaña.',
  useOtherTab: 'Usar el texto de la otra pestaña',
  otherVersion: 'Hay otra versión de este comentario guardada en este navegador.',
  useOtherVersion: 'Cambiar a la otra versión',
  closed: 'Los comentarios de este artículo están cerrados.',
  loginRequired: 'Tienes que iniciar sesión para comentar.',
  forbidden: 'Tu sesión ha caducado. Vuelve a cargar la página y publica de nuevo tu comentario: tu texto se conserva.',
  postNotFound: 'Ya no se pueden publicar comentarios en este artículo.',
  rejected: 'No se ha podido publicar tu comentario.',
  noEndpoint: 'Este formulario todavía no está conectado a un servicio de comentarios.',
  cannotSendYet:
    'No se pudo descargar una parte de este formulario. Comprueba tu conexión y publica de nuevo tu comentario: tu texto se conserva.',
};

export default strings;
