/**
 * When the script-tag bundles register their elements (src/shared/register-elements.ts): while a
 * page loads, its first frame is not held back by upgrading elements it does not need to show it.
 * The page here finished loading long ago, so `document.readyState` is stubbed to 'loading', as
 * a page still parsing reads it; frames are real.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { registerWhenPainted } from '../../src/shared/register-elements.js';

/** What happened, in order: the page's next frame, and the registration. */
async function orderWhileLoading(): Promise<string[]> {
  const order: string[] = [];
  Object.defineProperty(document, 'readyState', { configurable: true, get: () => 'loading' });
  try {
    requestAnimationFrame(() => order.push('frame'));
    registerWhenPainted(() => order.push('registered'));
  } finally {
    delete (document as { readyState?: unknown }).readyState;
  }
  order.push('end of the script');
  await waitUntil(() => order.includes('registered') && order.includes('frame'), 'nothing registered');
  return order;
}

describe('registering the elements while the page loads', () => {
  it('on a page without a <news-article> (its own article, our form under it): after its first frame', async () => {
    await fixture(
      html`<div>
        <article><h1>The page’s own article</h1></article>
        <comment-form></comment-form>
      </div>`,
    );
    expect(await orderWhileLoading()).to.deep.equal(['end of the script', 'frame', 'registered']);
  });

  it('on a page whose article is server-rendered markup inside <news-article>: after its first frame', async () => {
    await fixture(
      html`<news-article src="/feed.json"
        ><article slot="article"><h1>Printed</h1></article></news-article
      >`,
    );
    expect(await orderWhileLoading()).to.deep.equal(['end of the script', 'frame', 'registered']);
  });

  it('on a page whose <news-article> renders from a feed: at once, so that its feed is asked for at once', async () => {
    await fixture(html`<news-article src="/feed.json"><comment-form></comment-form></news-article>`);
    expect(await orderWhileLoading()).to.deep.equal(['registered', 'end of the script', 'frame']);
  });

  it('on a page with none of our elements yet (an application adds them later): at once', async () => {
    await fixture(
      html`<div>
        <article><h1>An application’s page</h1></article>
      </div>`,
    );
    expect(await orderWhileLoading()).to.deep.equal(['registered', 'end of the script', 'frame']);
  });

  it('once the page has loaded: at once', async () => {
    await fixture(html`<div><comment-form></comment-form></div>`);
    const order: string[] = [];
    registerWhenPainted(() => order.push('registered'));
    expect(order).to.deep.equal(['registered']);
  });
});
