/** Types of scripts/comment-endpoint.js for the TypeScript files that import it. */
import type { IncomingMessage, ServerResponse } from 'node:http';

export const FAILURE_MODES: string[];
export function validateComment(comment: Record<string, unknown>): Record<string, string>;
export function createCommentEndpoint(options: {
  file: string;
  basePath?: string;
  delayMs?: number;
  seed?: Record<string, unknown>[];
  holdForModeration?: (comment: Record<string, unknown>) => boolean;
}): (req: IncomingMessage, res: ServerResponse, next: () => void) => Promise<void>;
export function listComments(
  all: Record<string, unknown>[],
  searchParams: URLSearchParams,
): { total: number; comments: Record<string, unknown>[] };
