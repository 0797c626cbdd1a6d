/**
 * <news-article> in real Chromium and Firefox: real feeds from the corpus served over HTTP by the
 * test runner, real failures (error statuses, HTML bodies, closed ports), axe in
 * every state.
 */
import { expect, fixture, html, oneEvent, waitUntil, aTimeout } from '@open-wc/testing';
import { LitElement } from 'lit';
import { ContextConsumer } from '@lit/context';
import '../../../src/define.js';
import { articleContext } from '../../../src/shared/article-context.js';
import type { Article } from '../../../src/article/article.js';
import type { NewsArticleElement } from '../../../src/article/news-article.js';
import { expectAccessible } from '../../support/expect-accessible.js';

const corpus = (name: string) => `/corpus/${name}`;
const JSON_FEEDS = [
  'feeds/feed-rs__feed-rs__feed-rs__fixture__jsonfeed__jsonfeed_elastic_1.1.json',
  'feeds/feed-rs__feed-rs__feed-rs__fixture__jsonfeed__jsonfeed_example_1.json',
  'feeds/feed-rs__feed-rs__feed-rs__fixture__jsonfeed__jsonfeed_spec_1.json',
  'feeds/mmcdole__gofeed__testdata__parser__json__version_json_11_deprecated_author.json',
  'feeds/mmcdole__gofeed__testdata__translator__json__json11_full.json',
];
const WP_POST = 'wordpress/WordPress__wordpress-develop__tests__qunit__fixtures__wp-api-generated__PostModel.json';
const WP_POSTS =
  'wordpress/WordPress__wordpress-develop__tests__qunit__fixtures__wp-api-generated__PostsCollection.json';
const WP_EMBEDDED =
  'wordpress/frontity__frontity__packages__wp-source__src__libraries__schemas____tests____mocks__post-60.json';

/** Renders the element and waits until it has finished loading (ready or error). */
async function load(template: ReturnType<typeof html>): Promise<NewsArticleElement> {
  const element = await fixture<NewsArticleElement>(template);
  await waitUntil(() => element.state === 'ready' || element.state === 'error', 'the article never finished loading', {
    timeout: 10000,
  });
  await element.updateComplete;
  return element;
}

const shadow = (element: NewsArticleElement) => element.shadowRoot!;
const text = (element: NewsArticleElement, selector: string) =>
  shadow(element).querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
/** The demo feed's article inside a wrapper with `lang`, once it has loaded. */
async function demoArticleIn(lang: string) {
  const wrapper = document.createElement('div');
  wrapper.lang = lang;
  const element = document.createElement('news-article');
  element.src = '/demo-feed.json';
  wrapper.append(element);
  document.body.append(wrapper);
  await oneEvent(element, 'load');
  return { wrapper, element };
}

/** The byline's date reads `expected` (the page's formatters are made once the article is on screen). */
const dateReads = (element: NewsArticleElement, expected: string) =>
  waitUntil(() => text(element, 'time') === expected, `the date reads "${text(element, 'time')}", not "${expected}"`);

/** Collects console errors the page logs while a test runs. */
function watchConsoleErrors(): { errors: unknown[]; stop(): void } {
  const errors: unknown[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => {
    errors.push(args);
    original.apply(console, args);
  };
  const onError = (event: ErrorEvent) => errors.push(event.message);
  window.addEventListener('error', onError);
  return {
    errors,
    stop() {
      console.error = original;
      window.removeEventListener('error', onError);
    },
  };
}

describe('<news-article> with the demo feed', () => {
  it('shows the seed article: headline, ten paragraphs, the restored names, its date and category', async () => {
    const element = await load(html`<news-article src="/demo-feed.json"></news-article>`);
    expect(element.state).to.equal('ready');
    expect(text(element, '[part~="headline"]')).to.equal(
      'Ukraine claims that discussions with Russia in Turkey failed to result in a ceasefire',
    );
    expect(shadow(element).querySelector('h1[part~="headline"]')).to.exist;
    const paragraphs = shadow(element).querySelectorAll('[part~="content"] p');
    expect(paragraphs.length).to.equal(10);
    const body = text(element, '[part~="content"]')!;
    expect(body).to.include('Mevlüt Çavuşoğlu');
    expect(body).to.include('Recep Tayip Erdoğan');
    expect(body).not.to.include('?');
    const time = shadow(element).querySelector('[part~="byline"] time')!;
    expect(time.getAttribute('datetime')).to.equal('2022-03-10T10:00:00.000Z');
    await waitUntil(
      () => /10 March 2022|March 10, 2022/.test(time.textContent!),
      `the date reads "${time.textContent}"`,
    );
    expect(text(element, '[part~="categories"]')).to.equal('Categorized as News');
    await expectAccessible(element);
  });

  it('writes NewsArticle structured data into the light DOM for search engines', async () => {
    const element = await load(html`<news-article src="/demo-feed.json"></news-article>`);
    const block = element.querySelector('script[type="application/ld+json"]')!;
    const data = JSON.parse(block.textContent!);
    expect(data['@type']).to.equal('NewsArticle');
    expect(data.headline).to.equal(
      'Ukraine claims that discussions with Russia in Turkey failed to result in a ceasefire',
    );
    expect(data.datePublished).to.equal('2022-03-10T10:00:00.000Z');
  });

  it('formats the date in the language of the nearest [lang]', async () => {
    const { wrapper, element } = await demoArticleIn('de');
    await dateReads(element, '10. März 2022');
    wrapper.remove();
  });

  it('shows the article at once with its date as the feed gives it, then in the page’s language', async () => {
    // A language no other test formats in: its formatters are not made yet.
    const { wrapper, element } = await demoArticleIn('nl');
    expect(text(element, '[part~="headline"]')).to.include('Ukraine');
    expect(text(element, 'time')).to.equal('2022-03-10');
    await dateReads(element, '10 maart 2022');
    expect(text(element, '[part~="categories"]')).to.equal('Categorized as News');
    wrapper.remove();
  });

  it('still renders, in the browser’s language, on a page whose lang attribute is malformed', async () => {
    const { wrapper, element } = await demoArticleIn('not a language!');
    await dateReads(
      element,
      new Intl.DateTimeFormat(undefined, { dateStyle: 'long' }).format(new Date('2022-03-10T10:00:00Z')),
    );
    wrapper.remove();
  });

  it('keeps the same headline and content when it renders again at another heading level', async () => {
    const element = await load(html`<news-article src="/demo-feed.json"></news-article>`);
    const headline = shadow(element).querySelector('[part~="headline-text"]')!;
    const content = shadow(element).querySelector('[part~="content"]')!;
    element.headingLevel = 2;
    await element.updateComplete;
    expect(shadow(element).querySelector('h2[part~="headline"] [part~="headline-text"]') === headline).to.equal(true);
    expect(text(element, '[part~="headline"]')).to.equal(
      'Ukraine claims that discussions with Russia in Turkey failed to result in a ceasefire',
    );
    expect(shadow(element).querySelector('[part~="content"]') === content).to.equal(true);
    expect(content.querySelectorAll('p').length).to.equal(10);
  });

  it('puts the headline at the heading level the page asks for', async () => {
    const element = await load(html`<news-article src="/demo-feed.json" heading-level="3"></news-article>`);
    expect(shadow(element).querySelector('h3[part~="headline"]')).to.exist;
    element.headingLevel = 9;
    await element.updateComplete;
    expect(shadow(element).querySelector('h6[part~="headline"]')).to.exist;
    expect(shadow(element).querySelectorAll('[part~="content"] p').length).to.equal(10);
  });
});

describe('<news-article> with real JSON Feeds and WordPress responses', () => {
  for (const file of JSON_FEEDS) {
    it(`renders ${file.split('__').pop()} with no console error`, async () => {
      const console = watchConsoleErrors();
      try {
        const response = await fetch(corpus(file));
        const feed = await response.json();
        const element = await load(html`<news-article src=${corpus(file)}></news-article>`);
        expect(element.state).to.equal('ready');
        const first = feed.items[0];
        if (typeof first.title === 'string') {
          expect(text(element, '[part~="headline"]')).to.equal(
            new DOMParser().parseFromString(first.title, 'text/html').body.textContent,
          );
        }
        expect(shadow(element).querySelector('[part~="content"]')?.textContent?.trim()).to.not.be.empty;
        await expectAccessible(element);
        expect(console.errors).to.deep.equal([]);
      } finally {
        console.stop();
      }
    });
  }

  it('renders the authors of a WordPress-made JSON Feed, linked, in one byline', async () => {
    const element = await load(html`<news-article src=${corpus(JSON_FEEDS[0]!)}></news-article>`);
    const links = [...shadow(element).querySelectorAll<HTMLAnchorElement>('[part~="byline"] a')];
    expect(links.map((link) => link.textContent)).to.deep.equal(['Chris Churilo']);
    expect(links[0]!.href).to.equal('https://www.influxdata.com/blog/author/chrisc/');
    expect(text(element, '[part~="byline"] .authors')).to.equal('By Chris Churilo and Fake Author 1');
  });

  for (const file of [WP_POST, WP_POSTS, WP_EMBEDDED]) {
    it(`renders WordPress ${file.split('__').pop()} with no console error`, async () => {
      const console = watchConsoleErrors();
      try {
        const element = await load(html`<news-article src=${corpus(file)}></news-article>`);
        expect(element.state).to.equal('ready');
        expect(text(element, '[part~="headline"]')).to.not.be.empty;
        expect(console.errors).to.deep.equal([]);
      } finally {
        console.stop();
      }
    });
  }

  it('renders a WordPress post with its content and date', async () => {
    const element = await load(html`<news-article src=${corpus(WP_POST)}></news-article>`);
    expect(text(element, '[part~="headline"]')).to.equal('REST API Client Fixture: Post');
    expect(text(element, '[part~="content"]')).to.equal('Updated post content.');
    expect(shadow(element).querySelector('time')!.getAttribute('datetime')).to.equal('2017-02-14T00:00:00.000Z');
    expect(element.article!.postId).to.equal(4);
  });

  it('renders an embedded WordPress post with author, featured image with alt text and size, and categories', async () => {
    const console = watchConsoleErrors();
    try {
      const post = await (await fetch(corpus(WP_EMBEDDED))).json();
      const element = await load(html`<news-article src=${corpus(WP_EMBEDDED)}></news-article>`);
      expect(element.state).to.equal('ready');
      expect(text(element, '[part~="byline"] .authors')).to.equal(`By ${post._embedded.author[0].name}`);
      const image = shadow(element).querySelector<HTMLImageElement>('[part~="image"]')!;
      const media = post._embedded['wp:featuredmedia'][0];
      expect(image.getAttribute('src')).to.equal(media.source_url);
      expect(image.getAttribute('alt')).to.equal(media.alt_text);
      expect(image.getAttribute('width')).to.equal(String(media.media_details.width));
      expect(image.getAttribute('height')).to.equal(String(media.media_details.height));
      const categories = post._embedded['wp:term']
        .flat()
        .filter((term: { taxonomy: string }) => term.taxonomy === 'category');
      expect(text(element, '[part~="categories"]')).to.include(categories[0].name);
      // The embed HTML of a live site (iframes, scripts, inline styles) is neutralized.
      const content = shadow(element).querySelector('[part~="content"]')!;
      expect(content.querySelector('script, iframe, style, form')).to.equal(null);
      expect(content.querySelector('[style]')).to.equal(null);
      // The post's own body jumps from the headline to <h3>: that is the publisher's outline, not the element's.
      await expectAccessible(element, { ignoredRules: ['heading-order'] });
      expect(console.errors).to.deep.equal([]);
    } finally {
      console.stop();
    }
  });

  it('asks WordPress again with _embed when a post comes without author, image and categories', async () => {
    const element = await load(html`<news-article src="/wp-json/wp/v2/posts/60"></news-article>`);
    expect(element.state).to.equal('ready');
    expect(text(element, '[part~="byline"] .authors')).to.match(/^By \S/);
    expect(shadow(element).querySelector('[part~="image"]')).to.exist;
    expect(text(element, '[part~="categories"]')).to.match(/^Categorized as \S/);
    const requests = performance.getEntriesByType('resource').map((entry) => new URL(entry.name));
    expect(
      requests.filter((request) => request.pathname === '/wp-json/wp/v2/posts/60').map((request) => request.search),
    ).to.deep.equal(['', '?_embed=1']);
  });

  it('picks a post out of a WordPress collection by slug, and by id', async () => {
    const posts = await (await fetch(corpus(WP_POSTS))).json();
    const last = posts[posts.length - 1];
    const bySlug = await load(html`<news-article src=${corpus(WP_POSTS)} item=${last.slug}></news-article>`);
    expect(bySlug.article!.postId).to.equal(last.id);
    const byId = await load(html`<news-article src=${corpus(WP_POSTS)} item=${String(posts[0].id)}></news-article>`);
    expect(byId.article!.postId).to.equal(posts[0].id);
  });

  it('picks a JSON Feed item by its url when it has no id', async () => {
    const element = await load(
      html`<news-article
        src=${corpus(JSON_FEEDS[0]!)}
        item="https://www.influxdata.com/blog/influxdb-markedly-elasticsearch-in-time-series-data-metrics-benchmark"
      ></news-article>`,
    );
    expect(text(element, '[part~="headline"]')).to.equal(
      'InfluxDB vs. Elasticsearch for Time Series Data & Metrics Benchmark',
    );
  });

  it('accepts a valid feed served as text/plain: the document decides, not the header', async () => {
    const element = await load(html`<news-article src=${corpus(JSON_FEEDS[2]!) + '?type=text/plain'}></news-article>`);
    expect(element.state).to.equal('ready');
  });

  it('shows plain-text content as paragraphs and never parses it as HTML', async () => {
    const element = await load(
      html`<news-article
        .data=${{
          version: 'https://jsonfeed.org/version/1.1',
          items: [{ id: '1', title: '<b>Bold?</b>', content_text: 'First <img src=x onerror=alert(1)>\n\nSecond' }],
        }}
      ></news-article>`,
    );
    const paragraphs = [...shadow(element).querySelectorAll('[part~="content"] p')].map((p) => p.textContent);
    expect(paragraphs).to.deep.equal(['First <img src=x onerror=alert(1)>', 'Second']);
    // A plain-text title that holds markup shows its words: never the tags, never an element.
    expect(text(element, '[part~="headline"]')).to.equal('Bold?');
    expect(shadow(element).querySelector('img, b')).to.equal(null);
  });
});

describe('<news-article> data without a request', () => {
  const inlineFeed = JSON.stringify({
    version: 'https://jsonfeed.org/version/1',
    items: [{ id: 'inline', title: 'From the page', content_html: '<p>Inline</p>' }],
  });

  it('reads a child <script type="application/feed+json"> instead of fetching src', async () => {
    const wrapper = document.createElement('div');
    wrapper.innerHTML = `<news-article src="/feeds/status?code=500"><script type="application/feed+json">${inlineFeed}</script></news-article>`;
    document.body.append(wrapper);
    const element = wrapper.firstElementChild as NewsArticleElement;
    await waitUntil(() => element.state === 'ready');
    await element.updateComplete;
    expect(text(element, '[part~="headline"]')).to.equal('From the page');
    wrapper.remove();
  });

  it('lets the data property win over an inline feed', async () => {
    const wrapper = document.createElement('div');
    wrapper.innerHTML = `<news-article><script type="application/json">${inlineFeed}</script></news-article>`;
    const element = wrapper.firstElementChild as NewsArticleElement;
    element.data = await (await fetch(corpus(WP_POST))).json();
    document.body.append(wrapper);
    await waitUntil(() => element.state === 'ready');
    await element.updateComplete;
    expect(text(element, '[part~="headline"]')).to.equal('REST API Client Fixture: Post');
    wrapper.remove();
  });
});

describe('<news-article> states and events', () => {
  it('shows nothing, and claims no state, until it is given a feed', async () => {
    const element = await fixture<NewsArticleElement>(html`<news-article></news-article>`);
    expect(element.hasAttribute('state')).to.equal(false);
    expect(element.shadowRoot!.querySelector('article, [part~="error"], [part~="placeholder"]')).to.equal(null);
    expect(performance.getEntriesByType('resource').some((entry) => entry.name.endsWith('/undefined'))).to.equal(false);
    await expectAccessible(element);
  });

  it('fires loadstart, then load, then loadend, and reflects loading then ready', async () => {
    const element = document.createElement('news-article');
    const events: string[] = [];
    for (const type of ['loadstart', 'load', 'error', 'loadend']) {
      element.addEventListener(type, () => events.push(`${type}:${element.getAttribute('state')}`));
    }
    element.src =
      '/feeds/body?delay=300&body=' +
      encodeURIComponent(JSON.stringify({ version: '1.1', items: [{ id: 'a', title: 'A' }] }));
    document.body.append(element);
    await element.updateComplete;
    expect(element.getAttribute('state')).to.equal('loading');
    expect(element.getAttribute('aria-busy')).to.equal('true');
    expect(shadow(element).querySelector('[part~="placeholder"]')).to.exist;
    await expectAccessible(element);
    await oneEvent(element, 'loadend');
    expect(events).to.deep.equal(['loadstart:loading', 'load:ready', 'loadend:ready']);
    expect(element.hasAttribute('aria-busy')).to.equal(false);
    element.remove();
  });

  for (const [name, src, message] of [
    ['not found (404)', '/feeds/status?code=404', 'The article was not found.'],
    [
      'a server error (500 with an HTML page)',
      '/feeds/status?code=500',
      'The article could not be loaded: the server answered with an error.',
    ],
    [
      'a network error (nothing listening)',
      'http://127.0.0.1:9/feed.json',
      'The article could not be loaded. Check your connection and try again.',
    ],
    [
      'a login page instead of a feed (200, HTML)',
      '/feeds/body?type=text/html&body=%3C!doctype%20html%3E%3Ctitle%3ELog%20in%3C/title%3E',
      'The address does not point to a news feed.',
    ],
    ['JSON that is not a feed', '/feeds/body?body=%7B%22hello%22%3A1%7D', 'The address does not point to a news feed.'],
    ['truncated JSON', '/feeds/body?body=%7B%22version%22%3A%22https%3A', 'The address does not point to a news feed.'],
    ['an empty body', '/feeds/body?body=', 'The address does not point to a news feed.'],
  ] as const) {
    it(`says so in words when the feed is ${name}, offers a retry, and passes axe`, async () => {
      const element = await fixture<NewsArticleElement>(html`<news-article src=${src}></news-article>`);
      const errorEvent = oneEvent(element, 'error');
      await errorEvent;
      await element.updateComplete;
      expect(element.getAttribute('state')).to.equal('error');
      const alert = shadow(element).querySelector('[role="alert"]')!;
      expect(alert.querySelector('p')!.textContent).to.equal(message);
      expect(shadow(element).querySelector('article')).to.equal(null);
      expect(shadow(element).querySelector('[part~="retry-button"]')!.textContent).to.equal('Try again');
      await expectAccessible(element);
    });
  }

  it('speaks the words the site gives it', async () => {
    const element = await load(
      html`<news-article
        src="/feeds/status?code=404"
        .strings=${{ retry: 'Réessayer', errors: { 'not-found': 'Article introuvable.' } }}
      ></news-article>`,
    );
    expect(text(element, '[part~="error"] p')).to.equal('Article introuvable.');
    expect(text(element, '[part~="retry-button"]')).to.equal('Réessayer');
  });

  it('formats dates in the language of a [lang] outside the shadow root it sits in', async () => {
    const outer = document.createElement('div');
    outer.lang = 'fr';
    const host = document.createElement('div');
    outer.append(host);
    const element = document.createElement('news-article');
    element.src = '/demo-feed.json';
    host.attachShadow({ mode: 'open' }).append(element);
    document.body.append(outer);
    await oneEvent(element, 'load');
    await dateReads(element, '10 mars 2022');
    outer.remove();
  });

  it('says the item is not in the feed when item matches nothing', async () => {
    const element = await load(html`<news-article src=${corpus(JSON_FEEDS[2]!)} item="no-such-item"></news-article>`);
    expect(element.error!.code).to.equal('item-not-found');
    expect(text(element, '[part~="error"] p')).to.equal('This article is not in the feed.');
  });

  it('"Try again" loads the article once the feed answers', async () => {
    const element = await load(html`<news-article src="/feeds/status?code=503"></news-article>`);
    expect(element.state).to.equal('error');
    // The publisher fixes the feed; the reader presses the button by keyboard.
    element.src = '/demo-feed.json';
    await element.updateComplete;
    await waitUntil(() => element.state === 'ready');
    element.src = '/feeds/status?code=503';
    await waitUntil(() => element.state === 'error');
    await element.updateComplete;
    const button = shadow(element).querySelector<HTMLButtonElement>('[part~="retry-button"]')!;
    const loadstart = oneEvent(element, 'loadstart');
    button.focus();
    button.click();
    await loadstart;
  });

  it('lets a newer src win over an older request still in flight', async () => {
    const slow =
      '/feeds/body?delay=600&body=' +
      encodeURIComponent(JSON.stringify({ version: '1', items: [{ id: 'old', title: 'Old' }] }));
    const element = await fixture<NewsArticleElement>(html`<news-article src=${slow}></news-article>`);
    const loads: string[] = [];
    element.addEventListener('load', () => loads.push(element.article!.id));
    element.src = '/demo-feed.json';
    await waitUntil(() => element.state === 'ready');
    await aTimeout(900);
    expect(element.article!.id).to.equal('russia-ukraine-talks-antalya-2022-03-10');
    expect(loads).to.deep.equal(['russia-ukraine-talks-antalya-2022-03-10']);
  });

  it('writes nothing and fires nothing after it is removed from the page', async () => {
    const slow =
      '/feeds/body?delay=400&body=' +
      encodeURIComponent(JSON.stringify({ version: '1', items: [{ id: 'x', title: 'X' }] }));
    const element = await fixture<NewsArticleElement>(html`<news-article src=${slow}></news-article>`);
    const events: string[] = [];
    for (const type of ['load', 'error', 'loadend']) element.addEventListener(type, () => events.push(type));
    element.remove();
    await aTimeout(700);
    expect(events).to.deep.equal([]);
    expect(element.querySelector('script[type="application/ld+json"]')).to.equal(null);
    // Put back, it loads again.
    document.body.append(element);
    await oneEvent(element, 'load');
    expect(element.article!.id).to.equal('x');
    element.remove();
  });
});

class ArticleContextProbe extends LitElement {
  /** Every value the article provided, in order. */
  values: (Article | null | undefined)[] = [];
  consumer = new ContextConsumer(this, {
    context: articleContext,
    subscribe: true,
    callback: (value) => this.values.push(value),
  });
  get received(): Article | null | undefined {
    return this.consumer.value;
  }
}
customElements.define('article-context-probe', ArticleContextProbe);

describe('<news-article> context', () => {
  it('tells an element inside it which post it belongs to', async () => {
    const element = await load(
      html`<news-article src=${corpus(WP_POST)}><article-context-probe></article-context-probe></news-article>`,
    );
    const probe = element.querySelector('article-context-probe') as ArticleContextProbe;
    await waitUntil(() => !!probe.received);
    expect(probe.received!.postId).to.equal(4);
  });

  it('provides each loaded article once, and what it had while the next one loads', async () => {
    const element = await load(
      html`<news-article src=${corpus(WP_POST)}><article-context-probe></article-context-probe></news-article>`,
    );
    const probe = element.querySelector('article-context-probe') as ArticleContextProbe;
    await waitUntil(() => !!probe.received);
    const first = element.article!;
    // Renders that change no article provide nothing new.
    element.headingLevel = 2;
    await element.updateComplete;
    element.src = '/demo-feed.json';
    await oneEvent(element, 'load');
    await element.updateComplete;
    await aTimeout(50);
    const ids = probe.values.map((value) => (value ? value.id : value));
    expect(ids).to.deep.equal([null, first.id, 'russia-ukraine-talks-antalya-2022-03-10']);
    expect(probe.received).to.equal(element.article);
  });
});
