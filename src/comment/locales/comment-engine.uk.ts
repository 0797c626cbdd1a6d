// Ukrainian (українська): the words for a comment waiting to be sent, which come with the form's engine
import type { EngineWords } from '../comment-form.strings.js';

const strings: EngineWords = {
  queuedServer: 'Сайт поки не зміг прийняти ваш коментар. Його збережено, і він надішлеться автоматично.',
  sendingElsewhere: 'Ваш коментар надсилається з іншої вкладки.',
  pendingNote: 'Ваш коментар чекає на надсилання в тому вигляді, як його показано. Доти його не можна змінити.',
  mayBeStored:
    'Відповідь сайту не надійшла, тож коментар, можливо, вже опубліковано. Повторне надсилання не опублікує його двічі; якщо змінити його зараз, можуть з’явитися обидві версії.',
  editPending: 'Змінити коментар',
  editAnyway: 'Усе одно змінити',
  sendNow: 'Спробувати зараз',
  withdrawn: 'Не надіслано. Ви можете змінити коментар і надіслати його знову.',
};
export default strings;
