/**
 * Every field of a real JSON Feed item and of a real embedded WordPress post, each
 * replaced in turn by each value of the wrong type: the normalizers never throw, drop
 * only what the broken field feeds, keep everything else exactly, and never produce
 * an invalid date.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/article/article.js';
import { normalizeJsonFeed } from '../../../src/article/normalize-json-feed.js';
import { normalizeWordPress } from '../../../src/article/normalize-wordpress.js';
import { readArticle } from '../../../src/article/read-articles.js';
import {
  brokenCopies,
  fieldPaths,
  jsonFeedItemAffects,
  withField,
  wordPressPostAffects,
  WRONG_VALUES,
  type Json,
} from '../../support/wrong-typed-fields.js';

const corpus = (name: string): Json =>
  JSON.parse(readFileSync(new URL(`../../fixtures/corpus/${name}`, import.meta.url), 'utf8'));
const FULL_FEED = corpus('feeds/mmcdole__gofeed__testdata__translator__json__json11_full.json') as {
  items: Json[];
} & Record<string, Json>;
const POST_60 = corpus(
  'wordpress/frontity__frontity__packages__wp-source__src__libraries__schemas____tests____mocks__post-60.json',
);
const BASE = 'https://sample-json-feed.com/feed.json';

/** The model's invariants, whatever the input: real dates, text with text in it, names, absolute media URLs. */
function expectWellFormed(article: Article, name: string): void {
  for (const date of [article.published, article.modified]) {
    if (date !== undefined) expect(Number.isNaN(date.getTime()), `${name}: a valid date`).toBe(false);
  }
  for (const text of [article.title, article.summary, article.content]) {
    if (text !== undefined)
      expect(typeof text.value === 'string' && text.value.trim() !== '', `${name}: text`).toBe(true);
  }
  for (const author of article.authors) expect(typeof author.name, `${name}: author name`).toBe('string');
  for (const term of [...article.categories, ...article.tags]) expect(typeof term, `${name}: term`).toBe('string');
  if (article.image) expect(article.image.url, `${name}: image`).toMatch(/^(https?|data):/);
  expect(typeof article.id, `${name}: id`).toBe('string');
}

/** Each field of the model either is what the intact item gave, or is one the broken field feeds. */
function expectOnlyAffectedChanged(article: Article, intact: Article, affects: string[], name: string): void {
  const keys = new Set([...Object.keys(article), ...Object.keys(intact)]) as Set<keyof Article>;
  for (const key of keys) {
    if (!affects.includes(key)) expect(article[key], `${name}: ${key}`).toEqual(intact[key]);
  }
}

describe('JSON Feed items with a field of the wrong type', () => {
  const [item] = FULL_FEED.items;
  const feedWith = (broken: Json) => ({ ...FULL_FEED, items: [broken] });
  const intact = normalizeJsonFeed(feedWith(item!), BASE).articles[0]!;
  const copies = brokenCopies(item!, fieldPaths(item!, 4), jsonFeedItemAffects);

  it('the intact item fills every field the model has, so a dropped field shows', () => {
    expect(
      intact.title && intact.summary && intact.content && intact.image && intact.published && intact.modified,
    ).toBeTruthy();
    expect(intact.authors).toHaveLength(1);
    expect(copies.length).toBeGreaterThan(200);
  });

  it('drops only the broken field, for every field and every wrong type', () => {
    for (const { name, item: broken, affects } of copies) {
      const article = normalizeJsonFeed(feedWith(broken), BASE).articles[0];
      expect(article, name).toBeDefined();
      expectWellFormed(article!, name);
      expectOnlyAffectedChanged(article!, intact, affects, name);
    }
  });

  it('an unparseable date leaves the date out', () => {
    for (const value of ['not a date', '2024-02-30T25:61:00Z', '', 42, {}, null]) {
      const article = normalizeJsonFeed(feedWith(withField(item!, ['date_published'], value as Json)), BASE)
        .articles[0]!;
      expect(article.published, JSON.stringify(value)).toBeUndefined();
    }
  });

  it('a feed whose items, version, title or authors have the wrong type is read or refused, never thrown', () => {
    for (const path of ['items', 'version', 'title', 'authors', 'language', 'feed_url', 'home_page_url']) {
      for (const value of WRONG_VALUES) {
        const feed = { ...FULL_FEED, [path]: value };
        const name = `${path} = ${JSON.stringify(value)}`;
        let article: Article | undefined;
        try {
          article = readArticle(feed, BASE);
        } catch (error) {
          // Refusing the document is fine only as a FeedError a reader sees in words.
          expect((error as Error).name, name).toBe('FeedError');
          continue;
        }
        // A list of nothing, or of an empty object, holds no article.
        if (path === 'items') expect(article, name).toBeUndefined();
        else {
          expect(article, name).toBeDefined();
          expectWellFormed(article!, name);
        }
      }
    }
  });
});

describe('WordPress posts with a field of the wrong type', () => {
  const intact = normalizeWordPress(POST_60).articles[0]!;
  // `_links` and `yoast_meta` are large and never read: broken as a whole, not field by field.
  const copies = brokenCopies(POST_60, fieldPaths(POST_60, 5, ['_links', 'yoast_meta', 'meta']), wordPressPostAffects);

  it('the intact post fills the fields a post can have, so a dropped field shows', () => {
    expect(intact.title && intact.summary && intact.content && intact.image && intact.published).toBeTruthy();
    expect(intact.authors.length && intact.categories.length).toBeTruthy();
    expect(copies.length).toBeGreaterThan(1000);
  });

  it('drops only the broken field, for every field and every wrong type', () => {
    for (const { name, item: broken, affects } of copies) {
      const [article] = normalizeWordPress(broken).articles;
      if (!article) {
        expect(affects, `${name}: the post is gone`).toContain('*');
        continue;
      }
      expectWellFormed(article, name);
      expectOnlyAffectedChanged(article, intact, affects, name);
    }
  });

  it('the same in a posts collection, next to an intact post', () => {
    for (const { name, item: broken } of copies.filter((copy) => !copy.affects.includes('*'))) {
      const { articles } = normalizeWordPress([broken, POST_60]);
      expect(articles, name).toHaveLength(2);
      expect(articles[1], name).toEqual(intact);
    }
  });
});
