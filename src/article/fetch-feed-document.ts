/**
 * Fetches a feed URL and returns the parsed JSON document, or throws a `FeedError`
 * that says in plain words what went wrong. The document decides the format, not
 * the Content-Type header: feeds served as text/plain are read all the same.
 */
import { FeedError } from './feed-error.js';
import { parseLenientJson } from '../shared/lenient-json.js';
import { untilAborted } from '../shared/until-aborted.js';

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

/**
 * The feed at `url`, parsed. A feed that has not fully arrived after `timeoutMs`
 * (20 s by default: a slow mobile connection still gets a 10 MB feed) is a `timeout`.
 */
export async function fetchFeedDocument(
  url: string,
  signal: AbortSignal,
  timeoutMs = FEED_TIMEOUT_MS,
): Promise<unknown> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const either = AbortSignal.any([signal, timeout]);
  let response: Response | undefined;
  let text: string;
  try {
    const request = fetch(url, {
      signal: either,
      headers: { accept: 'application/feed+json, application/json;q=0.9, */*;q=0.1' },
      credentials: 'same-origin',
    });
    // Stop downloading a body the reader no longer waits for.
    const cancelBody = () => void response?.body?.cancel().catch(() => {});
    response = await untilAborted(request, either, cancelBody);
    text = response.ok ? await untilAborted(response.text(), either, cancelBody) : '';
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
