/**
 * Brings in `<comment-form>`'s engine (comment-engine.ts, a chunk of its own): the comment's
 * lifecycle (comment-lifecycle.ts) with the draft store, the draft keeper, the outbox, validation,
 * cross-tab coordination and the retry policy. The form's first render does without it:
 * it is asked for on the reader's first focus or input, or once the page is idle, whichever
 * comes first, and with it the code that sends (its own chunk), so that neither waits for
 * the other. A download that fails is tried again on the next call.
 */
import { retryingImport } from '../shared/retrying-import.js';
import { preloadDelivery } from './comment-delivery-loader.js';

const loadEngine = retryingImport(() => import('./comment-engine.js'), import.meta.url);

type CommentEngine = Awaited<ReturnType<typeof loadEngine>>;
let arrived: CommentEngine | undefined;

/** The engine's module; rejects when it cannot be downloaded (the next call tries again). */
export function loadCommentEngine(): Promise<CommentEngine> {
  preloadDelivery();
  return loadEngine().then((engine) => (arrived = engine));
}

/** The engine's module if it has arrived already (another form on the page asked for it): a form starts it at once. */
export const arrivedCommentEngine = (): CommentEngine | undefined => arrived;
