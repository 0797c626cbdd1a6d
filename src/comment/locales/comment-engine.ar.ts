// Arabic (العربية): the words for a comment waiting to be sent, which come with the form's engine
import type { EngineWords } from '../comment-form.strings.js';

const strings: EngineWords = {
  queuedServer: 'تعذّر على الموقع قبول تعليقك حتى الآن. لقد حُفظ وسيُرسَل تلقائيًا.',
  sendingElsewhere: 'يجري إرسال تعليقك من علامة تبويب أخرى.',
  pendingNote: 'تعليقك بانتظار الإرسال كما هو معروض، ولا يمكن تغييره في هذه الأثناء.',
  mayBeStored:
    'لم يصل ردّ الموقع، لذا ربما نُشر تعليقك بالفعل. إعادة إرساله لا تنشره مرتين؛ أما تعديله الآن فقد يؤدي إلى نشر النسختين.',
  editPending: 'تعديل التعليق',
  editAnyway: 'التعديل على أي حال',
  sendNow: 'حاول الآن',
  withdrawn: 'لم يُرسَل. يمكنك تعديل تعليقك ونشره مرة أخرى.',
};
export default strings;
