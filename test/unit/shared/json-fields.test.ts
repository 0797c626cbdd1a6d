/**
 * Feeds are read from their own fields only: a page that wrote to Object.prototype
 * (`title`, `items`, `_embedded`…) must not put words, images or posts into an article.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ownFields } from '../../../src/shared/json-fields.js';
import { normalizeJsonFeed } from '../../../src/article/normalize-json-feed.js';
import { normalizeWordPress } from '../../../src/article/normalize-wordpress.js';
import { readArticle } from '../../../src/article/read-articles.js';

const corpus = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../fixtures/corpus/${name}`, import.meta.url), 'utf8'));
const SPEC_FEED = corpus('feeds/feed-rs__feed-rs__feed-rs__fixture__jsonfeed__jsonfeed_spec_1.json');
const POST_MODEL = corpus(
  'wordpress/WordPress__wordpress-develop__tests__qunit__fixtures__wp-api-generated__PostModel.json',
);

const POLLUTION: Record<string, unknown> = {
  title: 'Polluted',
  summary: 'Polluted',
  content_html: '<b>Polluted</b>',
  image: 'https://attacker.example/a.png',
  author: { name: 'Polluted' },
  authors: [{ name: 'Polluted' }],
  tags: ['Polluted'],
  language: 'xx',
  excerpt: { rendered: 'Polluted' },
  _embedded: { author: [{ name: 'Polluted' }] },
  link: 'https://attacker.example/',
  rendered: 'Polluted',
  protected: true,
  version: 'https://jsonfeed.org/version/1.1',
  items: [{ id: 'polluted', title: 'Polluted' }],
  code: 'polluted',
  message: 'Polluted',
};
const prototype = Object.prototype as Record<string, unknown>;
function pollute(): void {
  for (const [key, value] of Object.entries(POLLUTION)) prototype[key] = value;
}
afterEach(() => {
  for (const key of Object.keys(POLLUTION)) delete prototype[key];
});

describe('reading feeds on a page that wrote to Object.prototype', () => {
  it('reads the same JSON Feed articles as on a clean page', () => {
    const clean = normalizeJsonFeed(SPEC_FEED);
    pollute();
    expect(normalizeJsonFeed(SPEC_FEED)).toEqual(clean);
  });

  it('reads the same WordPress post as on a clean page', () => {
    const clean = normalizeWordPress(POST_MODEL);
    pollute();
    expect(normalizeWordPress(POST_MODEL)).toEqual(clean);
  });

  it('takes no JSON for a feed because of inherited fields', () => {
    pollute();
    expect(() => readArticle({ hello: 1 })).toThrow(
      /Expected a JSON Feed or WordPress posts but got JSON without feed items/,
    );
  });

  it('copies own fields into an object with no prototype, and nothing else', () => {
    pollute();
    const fields = ownFields(JSON.parse('{"title":"Mine","__proto__":{"x":1}}'))!;
    expect(Object.getPrototypeOf(fields)).toBeNull();
    expect(fields.title).toBe('Mine');
    expect(fields.summary).toBeUndefined();
    expect(Object.keys(fields)).toEqual(['title', '__proto__']);
    for (const value of [null, [], 'text', 42]) expect(ownFields(value)).toBeUndefined();
  });
});
