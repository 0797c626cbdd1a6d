/**
 * <news-article> in real Chromium, Firefox and WebKit given a JSON Feed whose plain-text
 * fields hold HTML, as some generators write them (Publii puts its excerpt's markup in
 * `summary`): the reader sees the words under the headline, never `<p><span …>`, and
 * nothing in those fields becomes an element or runs. Text that mentions a tag keeps it.
 *
 * No feed in test/fixtures/ has markup in a plain-text field, and none could be fetched
 * here, so the feed is jsonfeed.org's real one, served from the corpus, with its first
 * post's own `content_html` paragraphs copied into `summary` in memory.
 */
import { expect, waitUntil } from '@open-wc/testing';
import '../../../src/define.js';
import type { NewsArticleElement } from '../../../src/article/news-article.js';
import { expectAccessible } from '../../support/expect-accessible.js';

const JSON_FEED_ORG = '/corpus/feeds/feed-rs__feed-rs__feed-rs__fixture__jsonfeed__jsonfeed_spec_1.json';

/** jsonfeed.org's feed, fetched as the element would, with its first item's fields replaced. */
async function jsonFeedOrgWith(fields: (item: Record<string, string>) => Record<string, unknown>) {
  const feed = await (await fetch(JSON_FEED_ORG)).json();
  feed.items = [{ ...feed.items[0], ...fields(feed.items[0]) }];
  return feed;
}

const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const element of mounted.splice(0)) element.remove();
  delete (window as { markupRan?: boolean }).markupRan;
});

async function render(feed: unknown): Promise<NewsArticleElement> {
  const element = document.createElement('news-article') as NewsArticleElement;
  document.body.append(element);
  mounted.push(element);
  element.data = feed;
  await waitUntil(() => element.state === 'ready' || element.state === 'error', 'the article never finished loading', {
    timeout: 10000,
  });
  await element.updateComplete;
  expect(element.state).to.equal('ready');
  return element;
}

const part = (element: NewsArticleElement, name: string) =>
  element.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;
const words = (node: HTMLElement) => node.textContent!.replace(/\s+/g, ' ').trim();
/** The text is text: inside the part at most the element's own wrapper, holding nothing but text. */
function expectOnlyText(node: HTMLElement, label: string): void {
  const inside = [...node.querySelectorAll('*')];
  expect(inside.length, `elements in the ${label}`).to.be.at.most(1);
  for (const element of inside)
    expect(element.childElementCount, `elements in the ${label}'s ${element.localName}`).to.equal(0);
}

describe('<news-article>: plain-text fields that hold markup', () => {
  it('shows the words of an HTML summary under the headline, as text', async () => {
    const element = await render(
      await jsonFeedOrgWith((item) => ({ summary: item.content_html!.split('\n').slice(0, 2).join('\n') })),
    );
    const summary = part(element, 'summary');
    expect(words(summary)).to.match(/^We — Manton Reece and Brent Simmons — have noticed that JSON has become/);
    expect(words(summary)).to.contain('So we developed JSON Feed, a format similar to RSS and Atom but in JSON.');
    expect(summary.textContent).not.to.match(/[<>]|href/);
    expectOnlyText(summary, 'summary');
    await expectAccessible(element);
  });

  it('reads Publii’s paragraph-and-span summary, the title, authors and tags as words, and runs nothing in them', async () => {
    const element = await render(
      await jsonFeedOrgWith(() => ({
        title: 'Announcing <strong>JSON Feed</strong>',
        summary:
          '<p><span class="tinymce-lang" lang="en">A format <img src="/nowhere.png" onerror="window.markupRan = true">for feeds</span></p>',
        authors: [{ name: '<span class="author">Manton Reece</span>' }],
        tags: ['<span>Formats</span>', '<b onclick="window.markupRan = true">JSON</b>'],
      })),
    );
    expect(words(part(element, 'headline'))).to.equal('Announcing JSON Feed');
    expect(words(part(element, 'summary'))).to.equal('A format for feeds');
    expect(words(part(element, 'byline'))).to.contain('Manton Reece');
    expect(words(part(element, 'byline'))).not.to.match(/[<>]/);
    expect(words(part(element, 'categories'))).to.match(/Formats.*JSON/);
    expect(words(part(element, 'categories'))).not.to.match(/[<>]/);
    for (const name of ['headline', 'summary']) expectOnlyText(part(element, name), name);
    expect(
      element.shadowRoot!.querySelector('img[src="/nowhere.png"], strong, [onclick], [onerror], .tinymce-lang'),
    ).to.equal(null);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((window as { markupRan?: boolean }).markupRan).to.equal(undefined);
    await expectAccessible(element);
  });

  it('keeps every word of a title and summary that mention tags', async () => {
    const element = await render(
      await jsonFeedOrgWith(() => ({
        title: 'Use the <p> element, not two <br>',
        summary: 'Wrap quotes in `<blockquote>`, and escape &lt;code&gt;.',
      })),
    );
    expect(words(part(element, 'headline'))).to.equal('Use the <p> element, not two <br>');
    expect(words(part(element, 'summary'))).to.equal('Wrap quotes in `<blockquote>`, and escape <code>.');
    expectOnlyText(part(element, 'headline'), 'headline');
    await expectAccessible(element);
  });
});
