/** The demo feed carries the seed article word for word, with the names the seed lost restored. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readArticles } from '../../../src/article/read-articles.js';

const seed = readFileSync(new URL('../../fixtures/seed/article.txt', import.meta.url), 'utf8');
const feed = JSON.parse(readFileSync(new URL('../../../demo/article-feed.json', import.meta.url), 'utf8'));

describe('the demo feed', () => {
  const [article] = readArticles(feed).articles;

  it('is a JSON Feed 1.1 with the seed article as its one item, dated 10 March 2022', () => {
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(article!.published!.toISOString()).toBe('2022-03-10T10:00:00.000Z');
    expect(article!.title).toEqual({
      kind: 'text',
      value: 'Ukraine claims that discussions with Russia in Turkey failed to result in a ceasefire',
    });
  });

  it('holds the ten paragraphs of the seed, with Çavuşoğlu and Erdoğan spelled right', () => {
    const paragraphs = [...article!.content!.value.matchAll(/<p>(.*?)<\/p>/g)].map((match) => match[1]);
    expect(paragraphs).toHaveLength(10);
    const seedParagraphs = seed
      .split(/\n\s*\n/)
      .map((block) => block.trim())
      .slice(0, 10);
    expect(paragraphs.map((text) => text!.replace('Çavuşoğlu', 'Çavu?o?lu').replace('Erdoğan', 'Erdo?an'))).toEqual(
      seedParagraphs,
    );
    expect(article!.content!.value).toContain('Mevlüt Çavuşoğlu');
    expect(article!.content!.value).toContain('Recep Tayip Erdoğan');
  });

  it('files the article under News, as the seed page does', () => {
    expect(article!.categories).toEqual(['News']);
  });
});
