import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FeedError } from '../../../src/article/feed-error.js';
import { readArticle, readArticles, selectArticle } from '../../../src/article/read-articles.js';

const corpusDirectory = new URL('../../fixtures/corpus/', import.meta.url);
const readCorpus = (path: string) => JSON.parse(readFileSync(new URL(path, corpusDirectory), 'utf8'));

const CORE = 'wordpress/WordPress__wordpress-develop__tests__qunit__fixtures__wp-api-generated__';
const GULLFOSS =
  'wordpress/frontity__frontity__packages__wp-source__src__libraries__schemas____tests____mocks__post-60.json';
const GULLFOSS_COMMENTS =
  'wordpress/frontity__frontity__packages__wp-source__src__libraries__schemas____tests____mocks__post-60-comments.json';
const ELASTIC = 'feeds/feed-rs__feed-rs__feed-rs__fixture__jsonfeed__jsonfeed_elastic_1.1.json';
const DARING_FIREBALL = 'feeds/feed-rs__feed-rs__feed-rs__fixture__jsonfeed__jsonfeed_example_1.json';

function notAFeedError(doc: unknown): FeedError {
  try {
    readArticles(doc);
  } catch (error) {
    expect(error).toBeInstanceOf(FeedError);
    expect((error as FeedError).code).toBe('not-a-feed');
    return error as FeedError;
  }
  throw new Error(`${JSON.stringify(doc)?.slice(0, 80)} was read as a feed`);
}

describe('readArticles', () => {
  it('reads every JSON Feed in the corpus into titled articles with ids', () => {
    const names = readdirSync(new URL('feeds/', corpusDirectory)).filter((name) => name.endsWith('.json'));
    expect(names).toHaveLength(5);
    for (const name of names) {
      const list = readArticles(readCorpus(`feeds/${name}`));
      expect(list.format, name).toBe('json-feed');
      expect(list.articles.length, name).toBeGreaterThan(0);
      for (const article of list.articles) {
        expect(article.id, name).toMatch(/\S/);
        expect(article.title?.value, name).toMatch(/\S/);
      }
    }
  });

  it('reads a single WordPress post, a posts collection and an embedded post', () => {
    expect(readArticles(readCorpus(`${CORE}PostModel.json`)).articles.map((article) => article.id)).toEqual(['4']);
    expect(readArticles(readCorpus(`${CORE}PostsCollection.json`)).articles.map((article) => article.id)).toEqual([
      '4',
    ]);
    const gullfoss = readArticles(readCorpus(GULLFOSS));
    expect(gullfoss.format).toBe('wordpress');
    expect(gullfoss.articles[0]!.authors[0]!.name).toBe('Alan Martin');
  });

  it('reads an empty array as a WordPress collection with no posts, so the reader is told no item was found', () => {
    const list = readArticles([]);
    expect(list).toEqual({ format: 'wordpress', articles: [] });
    expect(selectArticle(list)).toBeUndefined();
  });

  it('reads a JSON Feed whose items is null as a feed with no articles', () => {
    expect(readArticles({ version: 'https://jsonfeed.org/version/1.1', title: 'Empty', items: null }).articles).toEqual(
      [],
    );
  });

  it('passes the fetch URL on as the base for relative URLs', () => {
    const feed = { version: '1.1', items: [{ id: 'a', url: 'a.html' }] };
    expect(readArticles(feed, 'https://news.example/feed/').articles[0]!.url).toBe('https://news.example/feed/a.html');
  });

  it.each([
    ['null', null, 'got null'],
    ['a string', 'not json at all', 'got a text string'],
    ['a number', 42, 'got a number'],
    ['a boolean', true, 'got a boolean'],
    ['an empty object', {}, 'JSON without feed items'],
    ['unrelated JSON', { foo: 1 }, 'JSON without feed items'],
    ['a list of numbers', [1, 2, 3], 'a list that holds no WordPress posts'],
  ])('says that %s is not a feed', (_label, doc, words) => {
    const error = notAFeedError(doc);
    expect(error.message).toContain('Expected a JSON Feed or WordPress posts');
    expect(error.message).toContain(words);
  });

  it('says a WordPress comment is not a post', () => {
    expect(notAFeedError(readCorpus(`${CORE}CommentModel.json`)).message).toContain('a WordPress comment');
  });

  it('says a list of WordPress comments holds no posts', () => {
    for (const path of [`${CORE}CommentsCollection.json`, GULLFOSS_COMMENTS]) {
      expect(notAFeedError(readCorpus(path)).message).toContain('a list that holds no WordPress posts');
    }
  });

  it('passes on the message of a WordPress error as plain text', () => {
    const error = notAFeedError({
      code: 'rest_post_invalid_id',
      message: 'Invalid post <b>ID</b>.',
      data: { status: 404 },
    });
    expect(error.message).toBe(
      'WordPress answered with an error instead of posts: Invalid post ID. (rest_post_invalid_id)',
    );
  });
});

describe('selectArticle', () => {
  const daringFireball = readArticles(readCorpus(DARING_FIREBALL));
  const elastic = readArticles(readCorpus(ELASTIC));
  const wordPress = readArticles([readCorpus(GULLFOSS), readCorpus(`${CORE}PostModel.json`)]);

  it('shows the first article when no item is asked for', () => {
    for (const item of [undefined, null, '', '  ']) {
      expect(selectArticle(daringFireball, item)?.title?.value).toBe('How Jeff Bezos\u2019s iPhone X Was Hacked');
    }
  });

  it('finds an item by its id', () => {
    expect(
      selectArticle(daringFireball, 'https://daringfireball.net/linked/2020/01/20/instagram-for-win95')?.title?.value,
    ).toBe('Instagram for Windows 95');
  });

  it('finds an item without id by its permalink', () => {
    const item =
      'https://www.influxdata.com/blog/influxdb-markedly-elasticsearch-in-time-series-data-metrics-benchmark';
    expect(selectArticle(elastic, item)?.title?.value).toBe(
      'InfluxDB vs. Elasticsearch for Time Series Data & Metrics Benchmark',
    );
  });

  it('finds an item by its permalink written differently: case, trailing slash, fragment', () => {
    expect(
      selectArticle(daringFireball, 'HTTPS://DaringFireball.net/linked/2020/01/20/instagram-for-win95/#comments')?.title
        ?.value,
    ).toBe('Instagram for Windows 95');
    expect(selectArticle(elastic, 'https://example.com/')?.title?.value).toBe('Fake item');
    expect(selectArticle(wordPress, 'https://demo.worona.org/the-beauties-of-gullfoss')?.id).toBe('60');
  });

  it('finds a WordPress post by slug or by post id', () => {
    expect(selectArticle(wordPress, 'restapi-client-fixture-post')?.postId).toBe(4);
    expect(selectArticle(wordPress, 'the-beauties-of-gullfoss')?.postId).toBe(60);
    expect(selectArticle(wordPress, '4')?.slug).toBe('restapi-client-fixture-post');
    expect(selectArticle(wordPress, ' 60 ')?.slug).toBe('the-beauties-of-gullfoss');
  });

  it('finds nothing for an item the feed does not hold', () => {
    expect(selectArticle(wordPress, '61')).toBeUndefined();
    expect(selectArticle(wordPress, 'gullfoss')).toBeUndefined();
    expect(selectArticle(daringFireball, 'https://daringfireball.net/linked/2020/01/20/')).toBeUndefined();
    expect(
      selectArticle(daringFireball, 'http://daringfireball.net/linked/2020/01/20/instagram-for-win95'),
    ).toBeUndefined();
  });

  it('prefers an exact match to a URL that only normalizes to the same', () => {
    const list = readArticles({
      version: '1.1',
      items: [
        { id: 'first', url: 'https://news.example/story/' },
        { id: 'second', url: 'https://news.example/story' },
      ],
    });
    expect(selectArticle(list, 'https://news.example/story')?.id).toBe('second');
    expect(selectArticle(list, 'https://news.example/story#top')?.id).toBe('first');
  });
});

describe('readArticle', () => {
  /** A feed whose items count how often their fields are read. */
  function countingFeed(size: number) {
    let reads = 0;
    const items = Array.from({ length: size }, (_, index) => ({
      id: `item-${index}`,
      url: `https://news.example/${index}`,
      get title() {
        reads++;
        return `Story ${index}`;
      },
    }));
    return { feed: { version: 'https://jsonfeed.org/version/1.1', items }, reads: () => reads };
  }

  it('reads only the first item of a 5,000-item feed when no item is asked for', () => {
    const { feed, reads } = countingFeed(5000);
    expect(readArticle(feed)?.id).toBe('item-0');
    expect(reads()).toBe(1);
  });

  it('stops at the item asked for, and still finds it by a differently written URL', () => {
    const { feed, reads } = countingFeed(5000);
    expect(readArticle(feed, undefined, 'item-9')?.id).toBe('item-9');
    expect(reads()).toBe(10);
    expect(readArticle(feed, undefined, 'HTTPS://news.example/42/#comments')?.id).toBe('item-42');
  });

  it('picks the same article as reading the whole feed, for every real feed and WordPress file', () => {
    const files = [
      ...readdirSync(new URL('feeds/', corpusDirectory)).map((name) => `feeds/${name}`),
      `${CORE}PostModel.json`,
      `${CORE}PostsCollection.json`,
      GULLFOSS,
    ];
    for (const doc of files.map(readCorpus)) {
      const list = readArticles(doc, 'https://news.example/feed.json');
      for (const article of list.articles) {
        expect(readArticle(doc, 'https://news.example/feed.json', article.id)).toEqual(selectArticle(list, article.id));
      }
      expect(readArticle(doc, 'https://news.example/feed.json')).toEqual(list.articles[0]);
    }
  });

  it('refuses a document that is no feed, as readArticles does', () => {
    expect(() => readArticle({ hello: 1 })).toThrow(FeedError);
    expect(readArticle([])).toBeUndefined();
  });
});
