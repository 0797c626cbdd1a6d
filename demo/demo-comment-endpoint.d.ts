/** Types of demo/demo-comment-endpoint.js for the TypeScript files that import it. */
import type { createCommentEndpoint } from '../scripts/comment-endpoint.js';

export const MODERATION_WORDS: string[];
export function heldForModeration(comment: Record<string, unknown>): boolean;
export function seedComments(): Record<string, unknown>[];
export function demoEndpointOptions(): {
  seed: Record<string, unknown>[];
  holdForModeration: (comment: Record<string, unknown>) => boolean;
};
export function createDemoCommentEndpoint(options: { file: string }): ReturnType<typeof createCommentEndpoint>;
