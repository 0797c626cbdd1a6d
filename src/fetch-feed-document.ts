/**
 * Fetches a feed URL and returns the parsed JSON document, or throws a `FeedError`
 * that says in plain words what went wrong. The document decides the format, not
 * the Content-Type header: feeds served as text/plain are read all the same.
 */
import { FeedError } from './feed-error.js';
import { parseLenientJson } from './lenient-json.js';

/** How long a feed may take before the reader is offered a retry. */
export const FEED_TIMEOUT_MS = 20_000;

/**
 * Parses a feed's text. A byte-order mark and PHP notices before the JSON are
 * skipped; `null` is JSON, but no feed, and is left for the normalizers to refuse.
 */
export function parseFeedJson(text: string): unknown {
  const feed = parseLenientJson(text);
  if (feed !== undefined) return feed;
  throw new FeedError(
    'not-a-feed',
    text.trimStart().startsWith('<') ? 'The address returned a web page, not a feed.' : 'The feed is not valid JSON.',
  );
}

export async function fetchFeedDocument(url: string, signal: AbortSignal, timeoutMs = FEED_TIMEOUT_MS): Promise<unknown> {
  const timeout = AbortSignal.timeout(timeoutMs);
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      signal: AbortSignal.any([signal, timeout]),
      headers: { accept: 'application/feed+json, application/json;q=0.9, */*;q=0.1' },
      credentials: 'same-origin',
    });
    text = response.ok ? await response.text() : '';
  } catch (error) {
    if (signal.aborted) throw error;
    if (timeout.aborted) throw new FeedError('timeout', 'The feed took too long to answer.');
    throw new FeedError('network', 'The feed could not be reached. Check your connection.');
  }
  if (response.status === 404 || response.status === 410) {
    throw new FeedError('not-found', 'The article was not found.', response.status);
  }
  if (!response.ok) {
    throw new FeedError('http', `The feed server answered with an error (${response.status}).`, response.status);
  }
  if (!text.trim()) throw new FeedError('not-a-feed', 'The feed is empty.');
  return parseFeedJson(text);
}
