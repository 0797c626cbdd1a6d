/**
 * The entry of `<comment-form>`'s engine, the chunk news-widgets-comment-engine-*.js: the
 * comment's lifecycle and all it uses but the code that sends (a chunk of its own), which
 * the form asks for on the reader's first focus or input, or once the page is idle
 * (comment-engine-loader.ts).
 */
export { CommentLifecycle } from './comment-lifecycle.js';
