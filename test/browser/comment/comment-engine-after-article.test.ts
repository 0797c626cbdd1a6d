/**
 * `<comment-form>` inside a `<news-article>` whose feed is still on its way: the page going idle
 * does not download the form's engine before the article has loaded (the feed and the reader come
 * first; on a slow connection they share it), and the engine comes once the article is on show.
 * The feed's delay is real: the test runner answers `/feeds/body?delay=` that late
 * (test/feed-server-middleware.js). A file of its own: once the engine has arrived in a page it stays.
 */
import { expect, waitUntil } from '@open-wc/testing';
import '../../../src/define.js';
import { arrivedCommentEngine } from '../../../src/comment/comment-engine-loader.js';
import { mount } from './chunk-fixtures.js';

const FEED = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'The Gazette',
  items: [{ id: 'late-article', title: 'An article that took its time', content_text: 'It came at last.' }],
});
const engineRequests = () =>
  performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/src/comment/comment-engine.'));

describe('<comment-form> in an article still loading', () => {
  it('asks for its engine once the article is on show, not while the feed is on its way', async () => {
    expect(arrivedCommentEngine(), 'the engine arrived before the test').to.equal(undefined);
    const feed = `/feeds/body?delay=2500&type=application/feed%2Bjson&body=${encodeURIComponent(FEED)}`;
    const article = mount(
      `<news-article src="${feed}"><comment-form endpoint="/api/t/after-article/comments"></comment-form></news-article>`,
    ).querySelector('news-article')!;
    const form = article.querySelector('comment-form')!;
    await form.updateComplete;
    // Past the page's idle moment (requestIdleCallback, or 1 s in WebKit, which has none), the feed still on its way.
    await new Promise((resolve) => setTimeout(resolve, 1300));
    expect(article.getAttribute('state'), 'the feed had not arrived yet').to.equal('loading');
    expect(engineRequests(), 'the engine was downloaded before the article').to.have.length(0);

    await waitUntil(() => article.getAttribute('state') === 'ready', 'the article did not load', { timeout: 5000 });
    await waitUntil(() => arrivedCommentEngine(), 'the engine did not come after the article', { timeout: 5000 });
    expect(engineRequests()).to.have.length(1);
    expect(form.effectivePostId).to.equal('late-article');
  });
});
