/**
 * The JSON protocol as a comment source (docs/json-protocol.md):
 * `GET <endpoint>?postId=ID&page=1&perPage=20&order=asc` answers an array of
 * `{id, parentId, name, url, content, date}`, the total in `X-Total-Count`. `content`
 * is the plain text the reader wrote.
 */
import { safeUrl } from '../article/safe-url.js';
import { isJsonObject, nonEmptyString, ownFields } from '../shared/json-fields.js';
import { parseCommentDate } from './comment-date.js';
import type { CommentSource } from './comment-source.js';
import type { ListedComment } from './listed-comment.js';

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

export const jsonComments: CommentSource = {
  pageUrl(endpoint, { postId, page, perPage, order }, base) {
    const url = new URL(endpoint, base);
    url.searchParams.set('postId', postId);
    url.searchParams.set('page', String(page));
    url.searchParams.set('perPage', String(perPage));
    url.searchParams.set('order', order);
    return url.href;
  },
  readPage(body, headers, base) {
    if (!Array.isArray(body)) return undefined;
    const comments = body
      .filter(isJsonObject)
      .map((item) => readComment(item, base))
      .filter((item) => item !== undefined);
    const total = Number(headers.get('X-Total-Count'));
    return { comments, total: headers.has('X-Total-Count') && Number.isFinite(total) ? total : comments.length };
  },
};
