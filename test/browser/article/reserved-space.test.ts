/**
 * The README's advice that keeps layout shift at 0 for an article that comes from a feed
 * (`src`): the page's own CSS reserves a screenful for `<news-article>` before the script
 * defines it (`:not(:defined)`) and, through `--news-article-placeholder-height`, while the
 * article loads. What follows the article is then below the fold from the first frame on,
 * and only ever moves out of view: readers see nothing jump. In real Chromium, Firefox and
 * WebKit; the layout shifts themselves are counted where the browser reports them (Chromium).
 */
import { aTimeout, expect, oneEvent } from '@open-wc/testing';
import { NewsArticleElement } from '../../../src/article/news-article.js';

let serial = 0;
const mounted: Element[] = [];
afterEach(() => mounted.splice(0).forEach((element) => element.remove()));

/** A feed of one article longer than a screen, served after `delay` ms. */
function longArticleUrl(delay: number): string {
  const paragraphs = Array.from({ length: 40 }, (_, index) => `<p>Paragraph ${index + 1} of the report.</p>`);
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    items: [{ id: '1', title: 'Talks end without a ceasefire', content_html: paragraphs.join('') }],
  };
  return `/feeds/body?type=application/feed%2Bjson&delay=${delay}&body=${encodeURIComponent(JSON.stringify(feed))}`;
}

/** The page's rule, as the README gives it, for `tag`. */
const reserveSpace = (tag: string) => `
  ${tag} { --news-article-placeholder-height: 100vh; }
  ${tag}:not(:defined):not(:has(> [slot='article'])) { display: block; min-block-size: var(--news-article-placeholder-height); }`;

/** Layout shifts the browser reports from now on; `undefined` where it reports none (no Layout Instability API). */
function watchLayoutShifts() {
  if (!PerformanceObserver.supportedEntryTypes?.includes('layout-shift')) return undefined;
  let total = 0;
  const observer = new PerformanceObserver((list) =>
    list.getEntries().forEach((entry) => (total += (entry as PerformanceEntry & { value: number }).value)),
  );
  observer.observe({ type: 'layout-shift' });
  return {
    async total() {
      await aTimeout(150);
      observer.takeRecords().forEach((entry) => (total += (entry as PerformanceEntry & { value: number }).value));
      observer.disconnect();
      return total;
    },
  };
}

describe('<news-article src> with its space reserved as the README advises', () => {
  it('keeps what follows it below the fold before the script, while loading and once the article is on show', async () => {
    const tag = `reserved-space-article-${Date.now()}-${serial++}`;
    const style = Object.assign(document.createElement('style'), { textContent: reserveSpace(tag) });
    const wrapper = document.createElement('div');
    wrapper.innerHTML = `<${tag} src="${longArticleUrl(300)}"></${tag}><p>What follows the article.</p>`;
    document.head.append(style);
    document.body.prepend(wrapper);
    mounted.push(style, wrapper);
    const element = wrapper.querySelector(tag) as NewsArticleElement;
    const after = wrapper.querySelector('p')!;
    const belowTheFold = () => after.getBoundingClientRect().top >= innerHeight;
    const shifts = watchLayoutShifts();

    // Before the script defines the element: the page's rule alone.
    expect(belowTheFold()).to.equal(true);
    NewsArticleElement.define(tag);
    const loaded = oneEvent(element, 'load');
    await element.updateComplete;
    // Loading: the placeholder, as high as the reserved space.
    expect(element.state).to.equal('loading');
    expect(element.shadowRoot!.querySelectorAll('[part~="placeholder"]').length).to.equal(1);
    expect(belowTheFold()).to.equal(true);

    await loaded;
    await element.updateComplete;
    expect(element.state).to.equal('ready');
    expect(element.shadowRoot!.querySelectorAll('[part~="content"] p').length).to.equal(40);
    expect(belowTheFold()).to.equal(true);
    if (shifts) expect(await shifts.total()).to.equal(0);
  });

  it('leaves a page without the rule as it was: nothing is reserved before the script', () => {
    const tag = `unreserved-article-${Date.now()}-${serial++}`;
    const wrapper = document.createElement('div');
    wrapper.innerHTML = `<${tag} src="${longArticleUrl(0)}"></${tag}><p>What follows the article.</p>`;
    document.body.prepend(wrapper);
    mounted.push(wrapper);
    // The instrument of the test above sees the difference: here what follows starts in view.
    expect(wrapper.querySelector('p')!.getBoundingClientRect().top < innerHeight).to.equal(true);
  });
});
