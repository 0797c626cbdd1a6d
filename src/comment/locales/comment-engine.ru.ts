// Russian (русский): the words for a comment waiting to be sent, which come with the form's engine
import type { EngineWords } from '../comment-form.strings.js';

const strings: EngineWords = {
  queuedServer: 'Сайт пока не смог принять ваш комментарий. Он сохранён и будет отправлен автоматически.',
  sendingElsewhere: 'Ваш комментарий отправляется из другой вкладки.',
  pendingNote: 'Ваш комментарий ждёт отправки в том виде, в каком он показан. До тех пор его нельзя изменить.',
  mayBeStored:
    'Ответ сайта не пришёл, поэтому комментарий, возможно, уже опубликован. Повторная отправка не опубликует его дважды; если изменить его сейчас, могут появиться обе версии.',
  editPending: 'Изменить комментарий',
  editAnyway: 'Всё равно изменить',
  sendNow: 'Попробовать сейчас',
  withdrawn: 'Не отправлено. Вы можете изменить комментарий и отправить его снова.',
};
export default strings;
