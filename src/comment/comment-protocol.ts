/**
 * Which of the two comment protocols an endpoint speaks. Its own module because the
 * form needs it at once (a wrapped form posting to WordPress, the comment's key) while
 * the code that speaks the protocols (comment-transport.ts) arrives later, as a chunk.
 */
import type { CommentProtocol } from './comment.js';

/** `/wp-json/wp/v2/comments` (any REST prefix) or `?rest_route=/wp/v2/comments` (sites without pretty permalinks). */
export function resolveProtocol(endpoint: string, protocol?: string | null): CommentProtocol {
  if (protocol === 'wordpress' || protocol === 'json') return protocol;
  try {
    const url = new URL(endpoint, 'http://localhost');
    const route = url.searchParams.get('rest_route') ?? url.pathname;
    return /\/wp\/v2\/comments\/?$/.test(route) ? 'wordpress' : 'json';
  } catch {
    return 'json';
  }
}
