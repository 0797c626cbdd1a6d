/**
 * The demo's comment endpoint: the JSON protocol's reference server (scripts/comment-endpoint.js)
 * starting from a conversation under the seed article (demo/seed-comments.json), and holding for
 * moderation each new comment that contains a moderation word, as WordPress's "Comment Moderation"
 * list (Settings › Discussion) holds a comment that contains one of its words. `npm start` mounts
 * it (scripts/vite-plugins/demo-server.ts); the end-to-end tests use the same rules.
 */
import { readFileSync } from 'node:fs';
import { createCommentEndpoint } from '../scripts/comment-endpoint.js';

/** A new comment that contains one of these words, in any case and anywhere in a word, waits for a moderator. */
export const MODERATION_WORDS = ['moderate'];

/** Whether a new comment is held: WordPress's rule for its moderation words, read in name, email, website and text. */
export function heldForModeration(comment) {
  const fields = [comment.name, comment.email, comment.url, comment.content]
    .filter((field) => typeof field === 'string')
    .map((field) => field.toLowerCase());
  return MODERATION_WORDS.some((word) => fields.some((field) => field.includes(word)));
}

/** The seed article's conversation, as the endpoint stores comments: approved, on that post. */
export function seedComments() {
  const seed = JSON.parse(readFileSync(new URL('./seed-comments.json', import.meta.url), 'utf8'));
  return seed.comments.map((comment) => ({ ...comment, postId: seed.postId, status: 'approved' }));
}

/** The options that make a comment endpoint the demo's: its seed conversation and its moderation words. */
export function demoEndpointOptions() {
  return { seed: seedComments(), holdForModeration: heldForModeration };
}

/** The demo's endpoint, keeping its comments in `file` (which starts as the seed conversation). */
export function createDemoCommentEndpoint({ file }) {
  return createCommentEndpoint({ file, ...demoEndpointOptions() });
}
