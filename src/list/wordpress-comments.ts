/**
 * WordPress as a comment source: `GET /wp/v2/comments?post=ID&per_page&page&order`,
 * the total from `X-WP-Total`. WordPress lists comments flat, with `parent`; the thread
 * is built from it (comment-thread.ts). `content.rendered` is HTML, sanitized when shown.
 */
import { safeUrl } from '../article/safe-url.js';
import { nonEmptyString, ownFields } from '../shared/json-fields.js';
import { plainTextField } from '../shared/plain-text.js';
import { parseCommentDate } from './comment-date.js';
import type { CommentSource } from './comment-source.js';
import type { ListedComment } from './listed-comment.js';
import { pagedSource } from './paged-source.js';

/** The avatar size shown, in CSS pixels; WordPress offers 24, 48 and 96. */
export const AVATAR_SIZE = 48;

function readComment(value: unknown, base: string): ListedComment | undefined {
  const fields = ownFields(value);
  const id = fields && Number(fields.id);
  if (!fields || !Number.isInteger(id) || id! <= 0) return undefined;
  const content = ownFields(fields.content);
  const avatars = ownFields(fields.author_avatar_urls);
  const avatar = avatars && (avatars[String(AVATAR_SIZE * 2)] ?? avatars[String(AVATAR_SIZE)]);
  return {
    id: String(id),
    parent: String(Number(fields.parent) || 0),
    authorName: plainTextField(fields.author_name) ?? '',
    authorUrl: safeUrl(nonEmptyString(fields.author_url), base, 'link'),
    avatarUrl: avatar ? safeUrl(avatar, base, 'media') : undefined,
    date: parseCommentDate(fields.date_gmt) ?? parseCommentDate(fields.date),
    content: { kind: 'html', value: typeof content?.rendered === 'string' ? content.rendered : '' },
    link: safeUrl(nonEmptyString(fields.link), base, 'link'),
    pending: fields.status === 'hold',
  };
}

export const wordpressComments: CommentSource = pagedSource({
  params: { postId: 'post', perPage: 'per_page', page: 'page', order: 'order' },
  totalHeader: 'X-WP-Total',
  readComment,
});
