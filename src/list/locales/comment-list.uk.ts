/** Ukrainian words of `<comment-list>`. */
import type { CommentListStrings } from '../comment-list.strings.js';

export default {
  heading: 'Коментарі',
  countOne: '{count} коментар',
  countFew: '{count} коментарі',
  countMany: '{count} коментарів',
  countOther: '{count} коментаря',
  loading: 'Завантаження коментарів…',
  empty: 'Коментарів ще немає. Будьте першим.',
  error: 'Не вдалося завантажити коментарі.',
  retry: 'Спробувати ще раз',
  order: 'Порядок',
  oldest: 'Спочатку старі',
  newest: 'Спочатку нові',
  loadMore: 'Завантажити ще {count}',
  loadingMore: 'Завантаження коментарів…',
  loadedMore: 'Завантажено ще коментарів: {count}.',
  reply: 'Відповісти',
  replyTo: 'Відповісти {name}',
  cancelReply: 'Скасувати відповідь',
  inReplyTo: 'у відповідь {name}',
  awaitingModeration: 'Ваш коментар очікує на модерацію.',
  anonymous: 'Анонім',
  formMoved: 'Форма коментаря тепер під коментарем {name}.',
  formReturned: 'Відповідь скасовано. Форма коментаря повернулася на місце.',
  commentShown: 'Ваш коментар показано в обговоренні.',
} satisfies Partial<CommentListStrings>;
