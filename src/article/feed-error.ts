/**
 * Why an article could not be shown, as a value the element can put into words.
 */
export type FeedErrorCode =
  /** The server answered 404 or 410. */
  | 'not-found'
  /** Any other non-2xx answer (the status is kept). */
  | 'http'
  /** The request never got an answer: offline, DNS, CORS, connection reset. */
  | 'network'
  /** No answer within the time limit. */
  | 'timeout'
  /** The answer is not JSON, or JSON that is neither a JSON Feed nor WordPress posts. */
  | 'not-a-feed'
  /** The feed is fine but holds no item matching `item` (or no item at all). */
  | 'item-not-found';

export class FeedError extends Error {
  override name = 'FeedError';
  constructor(
    readonly code: FeedErrorCode,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** Any failure of a load as a FeedError: a chunk of the widget that could not be downloaded is a network error. */
export function asFeedError(error: unknown): FeedError {
  if (error instanceof FeedError) return error;
  if (error instanceof TypeError && /import|module/i.test(error.message)) {
    return new FeedError('network', 'A part of the widget could not be downloaded.');
  }
  return new FeedError('not-a-feed', error instanceof Error ? error.message : String(error));
}
