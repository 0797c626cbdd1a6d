/**
 * A comment source from what sets one apart: the query parameter each part of a page
 * request goes in, the header that holds the total, and how one comment of an answer
 * reads. The request building and answer reading that every paged REST source shares
 * live here once (WordPress and the JSON protocol differ only in those three).
 */
import { isJsonObject, type JsonObject } from '../shared/json-fields.js';
import type { CommentPageRequest, CommentSource } from './comment-source.js';
import type { ListedComment } from './listed-comment.js';

export interface PagedSourceDescription {
  /** The query parameter of each part of a request, in the order they go in the URL. */
  params: Record<keyof CommentPageRequest, string>;
  /** The response header with how many comments the post has in all. */
  totalHeader: string;
  /** One comment of an answer, or `undefined` when the item is not one. */
  readComment(item: JsonObject, base: string): ListedComment | undefined;
}

export function pagedSource({ params, totalHeader, readComment }: PagedSourceDescription): CommentSource {
  return {
    pageUrl(endpoint, request, base) {
      const url = new URL(endpoint, base);
      for (const [part, name] of Object.entries(params)) {
        url.searchParams.set(name, String(request[part as keyof CommentPageRequest]));
      }
      return url.href;
    },
    readPage(body, headers, base) {
      if (!Array.isArray(body)) return undefined;
      const comments = body
        .filter(isJsonObject)
        .map((item) => readComment(item, base))
        .filter((item) => item !== undefined);
      const total = Number(headers.get(totalHeader));
      return { comments, total: headers.has(totalHeader) && Number.isFinite(total) ? total : comments.length };
    },
  };
}
