/**
 * The JSON protocol as a comment source (docs/json-protocol.md):
 * `GET <endpoint>?postId=ID&page=1&perPage=20&order=asc` answers an array of
 * `{id, parentId, name, url, content, date}`, the total in `X-Total-Count`. `content`
 * is the plain text the reader wrote.
 */
import { safeUrl } from '../article/safe-url.js';
import { nonEmptyString, ownFields } from '../shared/json-fields.js';
import { parseCommentDate } from './comment-date.js';
import type { CommentSource } from './comment-source.js';
import type { ListedComment } from './listed-comment.js';
import { pagedSource } from './paged-source.js';

function readComment(value: unknown, base: string): ListedComment | undefined {
  const fields = ownFields(value);
  const id = fields && (typeof fields.id === 'number' ? String(fields.id) : nonEmptyString(fields.id));
  if (!fields || !id) return undefined;
  const parent = fields.parentId;
  return {
    id,
    parent: parent === null || parent === undefined || parent === '' ? '0' : String(parent),
    authorName: typeof fields.name === 'string' ? fields.name : '',
    authorUrl: safeUrl(nonEmptyString(fields.url), base, 'link'),
    date: parseCommentDate(fields.date),
    content: { kind: 'text', value: typeof fields.content === 'string' ? fields.content : '' },
    pending: fields.status === 'pending',
  };
}

export const jsonComments: CommentSource = pagedSource({
  params: { postId: 'postId', page: 'page', perPage: 'perPage', order: 'order' },
  totalHeader: 'X-Total-Count',
  readComment,
});
