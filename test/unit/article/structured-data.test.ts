import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/article/article.js';
import { readArticles } from '../../../src/article/read-articles.js';
import { articleStructuredData, serializeJsonLd } from '../../../src/article/structured-data.js';

const readCorpus = (path: string) =>
  JSON.parse(readFileSync(new URL(`../../fixtures/corpus/${path}`, import.meta.url), 'utf8'));
const firstArticle = (path: string) => readArticles(readCorpus(path)).articles[0]!;

const GULLFOSS =
  'wordpress/frontity__frontity__packages__wp-source__src__libraries__schemas____tests____mocks__post-60.json';
const DARING_FIREBALL = 'feeds/feed-rs__feed-rs__feed-rs__fixture__jsonfeed__jsonfeed_example_1.json';
const FULL_1_1 = 'feeds/mmcdole__gofeed__testdata__translator__json__json11_full.json';

const minimalArticle: Article = { format: 'json-feed', id: 'x', authors: [], categories: [], tags: [] };

describe('articleStructuredData', () => {
  it('describes a WordPress post as a NewsArticle search engines can read', () => {
    expect(articleStructuredData(firstArticle(GULLFOSS))).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'The Beauties of Gullfoss',
      image: ['https://demo.worona.org/wp-content/uploads/2016/11/Iceland-test.jpg'],
      datePublished: '2016-11-25T18:31:11.000Z',
      dateModified: '2018-03-22T17:09:55.000Z',
      author: [{ '@type': 'Person', name: 'Alan Martin', url: 'https://demo.worona.org/author/alan/' }],
      url: 'https://demo.worona.org/the-beauties-of-gullfoss/',
      mainEntityOfPage: 'https://demo.worona.org/the-beauties-of-gullfoss/',
      articleSection: 'Photography',
      keywords: ['Gullfoss', 'Iceland', 'Nature', 'Waterfall'],
    });
  });

  it('describes a JSON Feed item, leaving out what the item does not have', () => {
    expect(articleStructuredData(firstArticle(DARING_FIREBALL))).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'How Jeff Bezos\u2019s iPhone X Was Hacked',
      datePublished: '2020-01-24T23:46:57.000Z',
      dateModified: '2020-01-24T23:46:57.000Z',
      author: [{ '@type': 'Person', name: 'John Gruber' }],
      url: 'https://daringfireball.net/linked/2020/01/24/bezos-iphone-x',
      mainEntityOfPage: 'https://daringfireball.net/linked/2020/01/24/bezos-iphone-x',
    });
  });

  it('names the language of the article', () => {
    expect(articleStructuredData(firstArticle(FULL_1_1)).inLanguage).toBe('en');
  });

  it('makes the headline plain text from an HTML title', () => {
    const data = articleStructuredData({
      ...minimalArticle,
      title: { kind: 'html', value: 'Breaking: <em>Rates</em> &amp; markets &#8211;\n today' },
    });
    expect(data.headline).toBe('Breaking: Rates & markets \u2013 today');
  });

  it('keeps a headline longer than 110 characters whole', () => {
    const value = 'A'.repeat(80) + ' ' + 'B'.repeat(80);
    expect(articleStructuredData({ ...minimalArticle, title: { kind: 'text', value } }).headline).toBe(value);
  });

  it('leaves out the author link when it is not a web page', () => {
    const data = articleStructuredData({
      ...minimalArticle,
      authors: [{ name: 'Editor', url: 'mailto:editor@example.org' }],
    });
    expect(data.author).toEqual([{ '@type': 'Person', name: 'Editor' }]);
  });

  it('has only the type for an article with nothing else', () => {
    expect(articleStructuredData(minimalArticle)).toEqual({ '@context': 'https://schema.org', '@type': 'NewsArticle' });
  });
});

describe('serializeJsonLd', () => {
  it('cannot close the script element it is written into', () => {
    const data = { headline: '</script><script>alert(1)</script><!--' };
    const json = serializeJsonLd(data);
    expect(json).not.toMatch(/[<>]/);
    expect(json).toBe(
      '{"headline":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\\u003c!--"}',
    );
    expect(JSON.parse(json)).toEqual(data);
  });

  it('escapes ampersands and the line separators U+2028 and U+2029', () => {
    const data = { headline: 'Fish & chips\u2028and\u2029more' };
    const json = serializeJsonLd(data);
    expect(json).toBe('{"headline":"Fish \\u0026 chips\\u2028and\\u2029more"}');
    expect(JSON.parse(json)).toEqual(data);
  });

  it('round-trips the structured data of a real post', () => {
    const data = articleStructuredData(firstArticle(GULLFOSS));
    expect(JSON.parse(serializeJsonLd(data))).toEqual(data);
  });

  it('writes null for a value JSON cannot hold', () => {
    expect(serializeJsonLd(undefined)).toBe('null');
  });
});
