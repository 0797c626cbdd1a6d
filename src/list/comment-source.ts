/**
 * Where `<comment-list>` reads comments from: one small adapter per source (WordPress
 * REST, the JSON protocol), each a request builder and an answer reader, so a further
 * source is one more adapter and no change to the element. `fetchCommentPage` does the
 * request, and its failures are values the list can show.
 */
import { resolveProtocol } from '../comment/comment-protocol.js';
import { jsonComments } from './json-comments.js';
import type { CommentListError, CommentOrder, CommentPage } from './listed-comment.js';
import { wordpressComments } from './wordpress-comments.js';

export interface CommentPageRequest {
  postId: string;
  /** 1-based. */
  page: number;
  perPage: number;
  order: CommentOrder;
}

export interface CommentSource {
  /** The URL of one page; `base` resolves a relative endpoint. */
  pageUrl(endpoint: string, request: CommentPageRequest, base: string): string;
  /** The page in an answer, or `undefined` when the answer is not a comment list. */
  readPage(body: unknown, headers: Headers, base: string): CommentPage | undefined;
}

const SOURCES = { wordpress: wordpressComments, json: jsonComments } satisfies Record<string, CommentSource>;

/** The adapter for an endpoint: `protocol` when given, else WordPress for a `/wp/v2/comments` route, else JSON. */
export function commentSource(endpoint: string, protocol?: string | null): CommentSource {
  return SOURCES[resolveProtocol(endpoint, protocol)];
}

export type CommentPageResult = { ok: true; page: CommentPage } | { ok: false; error: CommentListError };

/** Fetches and reads one page. Only an abort through `signal` rejects. */
export async function fetchCommentPage(
  source: CommentSource,
  endpoint: string,
  request: CommentPageRequest,
  signal: AbortSignal,
): Promise<CommentPageResult> {
  const base = document.baseURI;
  const url = source.pageUrl(endpoint, request, base);
  let response: Response;
  try {
    const sameOrigin = new URL(url, base).origin === location.origin;
    response = await fetch(url, {
      headers: { Accept: 'application/json' },
      credentials: sameOrigin ? 'same-origin' : 'omit',
      signal,
    });
  } catch (error) {
    if (signal.aborted) throw error;
    return { ok: false, error: { kind: 'network' } };
  }
  if (!response.ok) return { ok: false, error: { kind: 'status', status: response.status } };
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    if (signal.aborted) throw error;
    return { ok: false, error: { kind: 'unreadable' } };
  }
  const page = source.readPage(body, response.headers, url);
  return page ? { ok: true, page } : { ok: false, error: { kind: 'unreadable' } };
}
