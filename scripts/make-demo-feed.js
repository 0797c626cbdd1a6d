/**
 * Writes demo/article-feed.json, the JSON Feed the demo page shows, from the seed
 * article (test/fixtures/seed/article.txt). The seed lost its non-ASCII letters on the
 * way ("Çavu?o?lu", "Erdo?an"); the feed carries the names as they are spelled.
 * Run: node scripts/make-demo-feed.js
 */
import { readFileSync, writeFileSync } from 'node:fs';

const seed = readFileSync(new URL('../test/fixtures/seed/article.txt', import.meta.url), 'utf8');
const restoredNames = { 'Çavu?o?lu': 'Çavuşoğlu', 'Erdo?an': 'Erdoğan' };

const blocks = seed
  .split(/\n\s*\n/)
  .map((block) => block.trim())
  .filter(Boolean);
// The page footer ("Categorized as News", "Leave a comment", ...) is not article text.
const paragraphs = blocks.slice(0, blocks.indexOf('Categorized as News'));
const restore = (text) => Object.entries(restoredNames).reduce((out, [lost, name]) => out.replaceAll(lost, name), text);
const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const feed = {
  version: 'https://jsonfeed.org/version/1.1',
  title: 'News Widgets demo',
  home_page_url: 'http://127.0.0.1:5173/',
  feed_url: 'http://127.0.0.1:5173/article-feed.json',
  language: 'en-GB',
  items: [
    {
      id: 'russia-ukraine-talks-antalya-2022-03-10',
      url: 'http://127.0.0.1:5173/#russia-ukraine-talks-antalya',
      title: paragraphs[0].replace(/\.$/, ''),
      content_html: paragraphs.map((text) => `<p>${escapeHtml(restore(text))}</p>`).join('\n'),
      date_published: '2022-03-10T13:00:00+03:00',
      tags: ['News'],
    },
  ],
};

writeFileSync(new URL('../demo/article-feed.json', import.meta.url), JSON.stringify(feed, null, 2) + '\n');
console.log(`demo/article-feed.json: ${paragraphs.length} paragraphs`);
