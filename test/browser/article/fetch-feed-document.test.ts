/** Fetching a feed over real HTTP: what each failure turns into, and the documents real servers send. */
import { expect } from '@open-wc/testing';
import { FeedError } from '../../../src/article/feed-error.js';
import { fetchFeedDocument } from '../../../src/article/fetch-feed-document.js';

const body = (text: string, extra = '') => `/feeds/body?body=${encodeURIComponent(text)}${extra}`;

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the fetch to fail');
}

describe('fetchFeedDocument', () => {
  it('gives up on a feed that does not answer in time, as a timeout the reader can retry', async () => {
    const started = performance.now();
    const error = await failure(fetchFeedDocument(body('{}', '&delay=5000'), new AbortController().signal, 300));
    expect(error).to.be.instanceOf(FeedError);
    expect((error as FeedError).code).to.equal('timeout');
    expect(performance.now() - started).to.be.below(3000);
  });

  it('passes a cancellation through untouched, so a newer request can take over silently', async () => {
    const controller = new AbortController();
    const pending = fetchFeedDocument(body('{}', '&delay=2000'), controller.signal);
    controller.abort();
    const error = await failure(pending);
    expect(error).not.to.be.instanceOf(FeedError);
    expect((error as DOMException).name).to.equal('AbortError');
  });

  it('reads the JSON behind PHP notices a misconfigured WordPress prints first', async () => {
    const noisy =
      '<br />\n<b>Notice</b>:  Undefined index: foo in <b>/var/www/wp-content/plugins/x.php</b> on line <b>12</b><br />\n{"id": 1, "title": {"rendered": "Hi"}}';
    expect(await fetchFeedDocument(body(noisy), new AbortController().signal)).to.deep.equal({
      id: 1,
      title: { rendered: 'Hi' },
    });
  });

  it('ignores a byte-order mark', async () => {
    expect(await fetchFeedDocument(body('\uFEFF[]'), new AbortController().signal)).to.deep.equal([]);
  });

  it('tells a 404 from a 503, and keeps the status', async () => {
    const notFound = (await failure(
      fetchFeedDocument('/feeds/status?code=404', new AbortController().signal),
    )) as FeedError;
    expect([notFound.code, notFound.status]).to.deep.equal(['not-found', 404]);
    const unavailable = (await failure(
      fetchFeedDocument('/feeds/status?code=503', new AbortController().signal),
    )) as FeedError;
    expect([unavailable.code, unavailable.status]).to.deep.equal(['http', 503]);
  });
});
