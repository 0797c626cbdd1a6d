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
