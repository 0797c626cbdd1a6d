import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isJsonFeed, normalizeJsonFeed } from '../../../src/article/normalize-json-feed.js';

const feedsDirectory = new URL('../../fixtures/corpus/feeds/', import.meta.url);
const readFeed = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(name, feedsDirectory), 'utf8'));

const ELASTIC = 'feed-rs__feed-rs__feed-rs__fixture__jsonfeed__jsonfeed_elastic_1.1.json';
const DARING_FIREBALL = 'feed-rs__feed-rs__feed-rs__fixture__jsonfeed__jsonfeed_example_1.json';
const JSON_FEED_ORG = 'feed-rs__feed-rs__feed-rs__fixture__jsonfeed__jsonfeed_spec_1.json';
const DEPRECATED_AUTHOR = 'mmcdole__gofeed__testdata__parser__json__version_json_11_deprecated_author.json';
const FULL_1_1 = 'mmcdole__gofeed__testdata__translator__json__json11_full.json';

/** A one-item 1.1 feed built on the gofeed "every field" fixture, with `item` fields replaced. */
function feedWithItem(item: Record<string, unknown>, feed: Record<string, unknown> = {}) {
  const base = readFeed(FULL_1_1);
  const [realItem] = base.items as Record<string, unknown>[];
  return normalizeJsonFeed({ ...base, ...feed, items: [{ ...realItem, ...item }] }).articles[0]!;
}

describe('isJsonFeed', () => {
  it('recognises every JSON Feed in the corpus', () => {
    const names = readdirSync(feedsDirectory).filter((name) => name.endsWith('.json'));
    expect(names).toHaveLength(5);
    for (const name of names) expect(isJsonFeed(readFeed(name)), name).toBe(true);
  });

  it('recognises the version as a URL or as a bare number', () => {
    for (const version of ['https://jsonfeed.org/version/1', 'https://jsonfeed.org/version/1.1', '1', '1.0', '1.1']) {
      expect(isJsonFeed({ version, items: [] }), version).toBe(true);
    }
  });

  it('recognises a feed whose items is broken, so the reader hears "no item" rather than "not a feed"', () => {
    expect(isJsonFeed({ version: 'https://jsonfeed.org/version/1.1', items: null })).toBe(true);
  });

  it('recognises a feed without version from what its items hold', () => {
    expect(isJsonFeed({ items: [{ id: '1', content_text: 'Hi' }] })).toBe(true);
    expect(isJsonFeed({ title: 'x', items: [{ url: 'https://example.org/1' }] })).toBe(true);
  });

  it('does not take other JSON for a feed', () => {
    for (const doc of [
      null,
      'feed',
      42,
      [],
      {},
      { foo: 1 },
      { items: [] },
      { items: [{ name: 'x' }] },
      { version: '2.0', items: [{ id: 1 }] },
      { version: 'https://jsonfeed.org/version/1' },
      [{ id: 4, title: { rendered: 'A WordPress post' } }],
    ]) {
      expect(isJsonFeed(doc), JSON.stringify(doc)).toBe(false);
    }
  });
});

describe('normalizeJsonFeed with real feeds', () => {
  it('reads a WordPress-made 1.1 feed: items without id, RFC 2822 dates, entity in the feed title', () => {
    const list = normalizeJsonFeed(readFeed(ELASTIC));
    expect(list.format).toBe('json-feed');
    expect(list.feedTitle).toBe('Blog \u2013 InfluxData');
    expect(list.articles.map((article) => article.id)).toEqual([
      'https://www.influxdata.com/blog/influxdb-outperforms-graphite-in-time-series-data-metrics-benchmark',
      'https://www.influxdata.com/blog/influxdb-markedly-elasticsearch-in-time-series-data-metrics-benchmark',
      'https://example.com',
    ]);
    const [first] = list.articles;
    expect(first!.title).toEqual({
      kind: 'text',
      value: 'InfluxDB vs. Graphite for Time Series Data & Metrics Benchmark',
    });
    expect(first!.content?.kind).toBe('text');
    expect(first!.content?.value).toMatch(/^This blog post has been updated on September 10, 2020/);
    expect(first!.published?.toISOString()).toBe('2019-05-31T19:17:58.000Z');
    expect(first!.modified?.toISOString()).toBe('2019-05-31T19:17:58.000Z');
    // JSON Feed's one list of terms reads as categories, as the WordPress page that made it shows them.
    expect(first!.categories).toEqual(['InfluxDB', 'Community', 'Elasticsearch', 'Time Series Database']);
    expect(first!.tags).toEqual([]);
  });

  it('prefers an item\u2019s authors over its deprecated author, then falls back to author, then to the feed\u2019s authors', () => {
    const [both, singular, none] = normalizeJsonFeed(readFeed(ELASTIC)).articles;
    const chris = {
      name: 'Chris Churilo',
      url: 'https://www.influxdata.com/blog/author/chrisc/',
      // Protocol-relative in the feed; resolved against the feed's own feed_url.
      avatar:
        'https://images.ctfassets.net/o7xu9whrs0u9/7zDkE49kOljM6JiT78WHUM/654d83d364884bfbbc7353fc8484d25a/Chris-Churilo-1.jpg',
    };
    expect(both!.authors).toEqual([chris, { name: 'Fake Author 1' }]);
    expect(singular!.authors).toEqual([chris]);
    expect(none!.authors).toEqual([{ name: 'Fake Author 3' }, { name: 'Fake Author 4' }]);
  });

  it('takes the item language before the feed language', () => {
    const [first, second] = normalizeJsonFeed(readFeed(ELASTIC)).articles;
    expect(first!.language).toBe('en-US');
    expect(second!.language).toBe('en-AU');
  });

  it('resolves a protocol-relative avatar against the URL the feed was fetched from', () => {
    const [, singular] = normalizeJsonFeed(readFeed(ELASTIC), 'http://mirror.example/feed.json').articles;
    expect(singular!.authors[0]!.avatar).toMatch(/^http:\/\/images\.ctfassets\.net\//);
  });

  it('reads a version 1 link blog: external URL, HTML content, singular author', () => {
    const list = normalizeJsonFeed(readFeed(DARING_FIREBALL));
    expect(list.feedTitle).toBe('Daring Fireball');
    expect(list.articles).toHaveLength(2);
    const [bezos, instagram] = list.articles;
    expect(bezos!.id).toBe('https://daringfireball.net/linked/2020/01/24/bezos-iphone-x');
    expect(bezos!.url).toBe('https://daringfireball.net/linked/2020/01/24/bezos-iphone-x');
    expect(bezos!.externalUrl).toBe('https://www.nytimes.com/2020/01/22/technology/jeff-bezos-hack-iphone.html');
    expect(bezos!.title).toEqual({ kind: 'text', value: 'How Jeff Bezos\u2019s iPhone X Was Hacked' });
    expect(bezos!.content).toEqual({
      kind: 'html',
      value:
        '<p>Good summary from The New York Times. Until this week\u2019s news, I don\u2019t believe we knew what type of phone Bezos was using when he was hacked. Now we know: an iPhone X.</p>',
    });
    expect(bezos!.authors).toEqual([{ name: 'John Gruber' }]);
    expect(bezos!.baseUrl).toBe('https://daringfireball.net/linked/2020/01/24/bezos-iphone-x');
    expect(instagram!.published?.toISOString()).toBe('2020-01-21T01:07:00.000Z');
    expect(instagram!.modified?.toISOString()).toBe('2020-01-21T20:58:36.000Z');
    expect(instagram!.externalUrl).toBe(
      'https://www.behance.net/gallery/41023081/Instagram-for-Win95?utm_source=morning_brew',
    );
  });

  it('gives an item without authors the feed author, with the author link', () => {
    const [announcement] = normalizeJsonFeed(readFeed(JSON_FEED_ORG)).articles;
    expect(announcement!.authors).toEqual([{ name: 'Brent Simmons and Manton Reece', url: 'https://jsonfeed.org/' }]);
    expect(announcement!.title).toEqual({ kind: 'text', value: 'Announcing JSON Feed' });
    expect(announcement!.published?.toISOString()).toBe('2017-05-17T15:02:12.000Z');
    expect(announcement!.modified).toBeUndefined();
    expect(announcement!.content?.value).toContain('<a href="http://cyber.harvard.edu/rss/rss.html">RSS</a>');
  });

  it('reads every 1.1 field: HTML content over text, summary, image over banner, tags, feed language', () => {
    const list = normalizeJsonFeed(readFeed(FULL_1_1));
    expect(list.feedTitle).toBe('title');
    expect(list.articles).toEqual([
      {
        format: 'json-feed',
        id: 'id',
        url: 'https://sample-json-feed.com/id',
        externalUrl: 'https://sample-json-feed.com/external',
        title: { kind: 'text', value: 'title' },
        summary: { kind: 'text', value: 'summary' },
        content: { kind: 'html', value: '<p>content_html</p>' },
        authors: [
          {
            name: 'author_name',
            url: 'https://sample-feed-author.com/',
            avatar: 'https://sample-feed-author.com/me.png',
          },
        ],
        published: new Date('2019-10-12T07:20:50.520Z'),
        modified: new Date('2019-10-12T07:20:50.520Z'),
        image: { url: 'https://sample-json-feed.com/image.png', alt: '' },
        categories: ['tag1', 'tag2'],
        tags: [],
        language: 'en',
        baseUrl: 'https://sample-json-feed.com/id',
      },
    ]);
  });

  it('reads the deprecated singular author of a 1.1 feed', () => {
    const [article] = normalizeJsonFeed(readFeed(DEPRECATED_AUTHOR)).articles;
    expect(article!.authors).toEqual([
      { name: 'author_name', url: 'https://sample-feed-author.com/', avatar: 'https://sample-feed-author.com/me.png' },
    ]);
    // This feed names no language.
    expect(article!.language).toBeUndefined();
  });
});

describe('normalizeJsonFeed with broken feeds', () => {
  it('turns a numeric id into a string', () => {
    expect(feedWithItem({ id: 42 }).id).toBe('42');
  });

  it('gives an item with neither id nor url a stable id from its position', () => {
    const feed = readFeed(FULL_1_1);
    const list = normalizeJsonFeed({
      ...feed,
      items: [null, { title: 'First' }, 'junk', { title: 'Second', id: '' }],
    });
    expect(list.articles.map((article) => [article.id, article.title?.value])).toEqual([
      ['item-1', 'First'],
      ['item-3', 'Second'],
    ]);
  });

  it('keeps the article when its title has the wrong type', () => {
    const article = feedWithItem({ title: {} });
    expect(article.title).toBeUndefined();
    expect(article.content).toEqual({ kind: 'html', value: '<p>content_html</p>' });
  });

  it('decodes entities in plain-text titles and summaries but leaves HTML content alone', () => {
    const article = feedWithItem({
      title: 'Rock &amp; Roll &#8211; live',
      summary: 'It&#8217;s back',
      content_html: '<p>Fish &amp; chips</p>',
    });
    expect(article.title).toEqual({ kind: 'text', value: 'Rock & Roll \u2013 live' });
    expect(article.summary).toEqual({ kind: 'text', value: 'It\u2019s back' });
    expect(article.content).toEqual({ kind: 'html', value: '<p>Fish &amp; chips</p>' });
  });

  it('falls back to content_text when content_html is not a string', () => {
    expect(feedWithItem({ content_html: 42 }).content).toEqual({ kind: 'text', value: 'content_text' });
    expect(feedWithItem({ content_html: 42, content_text: ['x'] }).content).toBeUndefined();
  });

  it('ignores authors that is not an array and uses author instead', () => {
    const article = feedWithItem({ authors: {}, author: { name: 'Solo Writer' } });
    expect(article.authors).toEqual([{ name: 'Solo Writer' }]);
  });

  it('skips an author with no name but keeps the others', () => {
    const article = feedWithItem({
      authors: [{ url: 'https://nameless.example/' }, { name: 42 }, null, { name: 'Named' }],
    });
    expect(article.authors).toEqual([{ name: 'Named' }]);
  });

  it('falls back to the feed authors when the item names nobody usable', () => {
    expect(feedWithItem({ authors: [{ url: 'https://nameless.example/' }] }).authors[0]!.name).toBe('author_name');
  });

  it('has no authors when neither item nor feed names one', () => {
    expect(feedWithItem({ authors: undefined }, { authors: 'nobody' }).authors).toEqual([]);
  });

  it('drops an unparseable date instead of showing Invalid Date', () => {
    const article = feedWithItem({ date_published: 'last Tuesday', date_modified: 1570864850 });
    expect(article.published).toBeUndefined();
    expect(article.modified).toBeUndefined();
    expect(article.title).toEqual({ kind: 'text', value: 'title' });
  });

  it('keeps only the string tags, as categories', () => {
    expect(feedWithItem({ tags: 'x' }).categories).toEqual([]);
    expect(feedWithItem({ tags: ['News', 7, null, ' ', 'Q&amp;A'] }).categories).toEqual(['News', 'Q&A']);
  });

  it('ignores a language of the wrong type and uses the feed language', () => {
    expect(feedWithItem({ language: 5 }).language).toBe('en');
  });

  it('has no articles when items is not an array', () => {
    for (const items of [null, {}, 'items', 3]) {
      const list = normalizeJsonFeed({ version: 'https://jsonfeed.org/version/1.1', title: 'Broken', items });
      expect(list).toEqual({ format: 'json-feed', feedTitle: 'Broken', articles: [] });
    }
  });

  it('drops a feed title of the wrong type', () => {
    expect(normalizeJsonFeed({ version: '1.1', title: { text: 'x' }, items: [] }).feedTitle).toBeUndefined();
  });
});

describe('normalizeJsonFeed URL policy', () => {
  it.each([
    ['javascript:alert(1)'],
    ['JaVaScRiPt:alert(1)'],
    [' java\tscript:alert(1)'],
    ['vbscript:msgbox(1)'],
    ['data:text/html,<script>alert(1)</script>'],
  ])('drops %j from url, external_url, image, banner_image, author url and avatar', (attack) => {
    const article = feedWithItem({
      url: attack,
      external_url: attack,
      image: attack,
      banner_image: attack,
      authors: [{ name: 'Mallory', url: attack, avatar: attack }],
    });
    expect(article.url).toBeUndefined();
    expect(article.externalUrl).toBeUndefined();
    expect(article.image).toBeUndefined();
    expect(article.authors).toEqual([{ name: 'Mallory' }]);
    // The base for relative content links falls back to the feed's home page.
    expect(article.baseUrl).toBe('https://sample-json-feed.com/');
  });

  it('keeps permalinks to http(s) only, though mailto: is a fine author link', () => {
    const article = feedWithItem({
      url: 'mailto:editor@example.org',
      external_url: 'ftp://files.example.org/',
      authors: [{ name: 'Editor', url: 'mailto:editor@example.org' }],
    });
    expect(article.url).toBeUndefined();
    expect(article.externalUrl).toBeUndefined();
    expect(article.authors[0]!.url).toBe('mailto:editor@example.org');
  });

  it('falls back to banner_image when image is unsafe, and accepts data:image', () => {
    expect(feedWithItem({ image: 'javascript:alert(1)' }).image).toEqual({
      url: 'https://sample-json-feed.com/banner_image.png',
      alt: '',
    });
    expect(feedWithItem({ image: 'data:image/png;base64,iVBORw0KGgo=' }).image?.url).toBe(
      'data:image/png;base64,iVBORw0KGgo=',
    );
  });

  it('resolves relative URLs against the URL the feed was fetched from', () => {
    const feed = {
      version: 'https://jsonfeed.org/version/1.1',
      home_page_url: '/',
      items: [
        { id: 'a', url: '/posts/a', image: 'a.jpg', authors: [{ name: 'Ann', url: '../ann', avatar: '/ann.png' }] },
      ],
    };
    const [article] = normalizeJsonFeed(feed, 'https://news.example/feeds/main.json').articles;
    expect(article!.url).toBe('https://news.example/posts/a');
    expect(article!.image?.url).toBe('https://news.example/feeds/a.jpg');
    expect(article!.authors).toEqual([
      { name: 'Ann', url: 'https://news.example/ann', avatar: 'https://news.example/ann.png' },
    ]);
    expect(article!.baseUrl).toBe('https://news.example/posts/a');
  });

  it('drops relative URLs it has no base to resolve against', () => {
    const feed = { version: '1.1', items: [{ id: 'a', url: '/posts/a', image: '/a.jpg' }] };
    const [article] = normalizeJsonFeed(feed).articles;
    expect(article!.url).toBeUndefined();
    expect(article!.image).toBeUndefined();
    expect(article!.baseUrl).toBeUndefined();
  });

  it('uses the home page, then the fetch URL, as the base of an item without url', () => {
    const withHome = { version: '1.1', home_page_url: 'https://home.example/', items: [{ id: 'a' }] };
    expect(normalizeJsonFeed(withHome, 'https://cdn.example/feed.json').articles[0]!.baseUrl).toBe(
      'https://home.example/',
    );
    const withoutHome = { version: '1.1', items: [{ id: 'a' }] };
    expect(normalizeJsonFeed(withoutHome, 'https://cdn.example/feed.json').articles[0]!.baseUrl).toBe(
      'https://cdn.example/feed.json',
    );
  });
});

describe('normalizeJsonFeed with dates that break RFC 3339', () => {
  it('reads a date-time without a zone as UTC instead of dropping it', () => {
    const [article] = normalizeJsonFeed({
      version: 'https://jsonfeed.org/version/1.1',
      items: [{ id: '1', date_published: '2022-03-10T10:00:00' }],
    }).articles;
    expect(article!.published!.toISOString()).toBe('2022-03-10T10:00:00.000Z');
  });
});
