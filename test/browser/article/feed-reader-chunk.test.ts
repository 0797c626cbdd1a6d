/**
 * The code that reads a fetched feed is a chunk of its own (src/article/feed-reader.ts).
 * When it cannot be downloaded, for real (the test runner answers it with 503 while the
 * page holds the cookie `failing-feed-reader=1`, test/failing-delivery-middleware.js), the
 * reader sees the error state in words with "Try again", and "Try again" works once the
 * chunk can be downloaded: the browser's memory of the failed import does not stand in
 * its way. This file runs in a page of its own, so no earlier test has loaded the chunk.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../src/define.js';
import type { NewsArticleElement } from '../../../src/article/news-article.js';
import { expectAccessible } from '../../support/expect-accessible.js';
import { setChunkFailure } from '../../support/failing-chunks.js';

const DEMO_HEADLINE = 'Ukraine claims that discussions with Russia in Turkey failed to result in a ceasefire';
const shadow = (element: Element) => element.shadowRoot!;

describe('<news-article> when the code that reads feeds cannot be downloaded', () => {
  afterEach(async () => {
    await setChunkFailure('failing-feed-reader', '');
  });

  it('says so with "Try again", and "Try again" shows the article once the code can be downloaded', async () => {
    await setChunkFailure('failing-feed-reader', '1');
    const element = await fixture<NewsArticleElement>(html`<news-article></news-article>`);
    const failed = oneEvent(element, 'loadend');
    element.src = '/demo-feed.json';
    await failed;
    await element.updateComplete;
    expect(element.state).to.equal('error');
    expect(shadow(element).querySelector('[role="alert"] p')!.textContent).to.equal(
      'The article could not be loaded. Check your connection and try again.',
    );
    expect(shadow(element).querySelector('article')).to.equal(null);
    await expectAccessible(element);

    await setChunkFailure('failing-feed-reader', '');
    const loaded = oneEvent(element, 'loadend');
    shadow(element).querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    await loaded;
    await element.updateComplete;
    expect(element.state).to.equal('ready');
    expect(shadow(element).querySelector('[part~="headline"]')!.textContent!.trim()).to.equal(DEMO_HEADLINE);
  });
});
