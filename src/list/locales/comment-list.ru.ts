/** Russian words of `<comment-list>`. */
import type { CommentListStrings } from '../comment-list.strings.js';

export default {
  heading: 'Комментарии',
  countOne: '{count} комментарий',
  countFew: '{count} комментария',
  countMany: '{count} комментариев',
  countOther: '{count} комментария',
  loading: 'Загрузка комментариев…',
  empty: 'Комментариев пока нет. Будьте первым.',
  error: 'Не удалось загрузить комментарии.',
  retry: 'Повторить',
  order: 'Порядок',
  oldest: 'Сначала старые',
  newest: 'Сначала новые',
  loadMore: 'Загрузить ещё {count}',
  loadingMore: 'Загрузка комментариев…',
  loadedMore: 'Загружено ещё комментариев: {count}.',
  reply: 'Ответить',
  replyTo: 'Ответить {name}',
  cancelReply: 'Отменить ответ',
  inReplyTo: 'в ответ {name}',
  awaitingModeration: 'Ваш комментарий ожидает проверки.',
  anonymous: 'Аноним',
  formMoved: 'Форма комментария теперь под комментарием {name}.',
  formReturned: 'Ответ отменён. Форма комментария вернулась на место.',
  commentShown: 'Ваш комментарий показан в обсуждении.',
} satisfies Partial<CommentListStrings>;
