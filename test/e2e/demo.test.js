/**
 * What `npm start` gives a developer: the Vite dev server serving the demo page,
 * opened in Debian's Chromium. The seed article must render, with no console error.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openReader, useDemoServer } from './support/demo.js';

describe('the demo page, as npm start serves it', { timeout: 120_000 }, () => {
  let demo;
  let browser;
  useDemoServer((started) => ({ demo, browser } = started), { resetEach: false });

  it('shows the seed article, with no console error', async (t) => {
    const reader = await openReader(t, browser, demo);
    const page = await reader.openPage();
    const article = page.locator('news-article');
    assert.equal(
      await article.locator('h1[part~="headline"]').textContent(),
      'Ukraine claims that discussions with Russia in Turkey failed to result in a ceasefire',
    );
    assert.equal(await article.locator('[part~="content"] p').count(), 10);
    assert.match(await article.locator('[part~="content"]').textContent(), /Mevlüt Çavuşoğlu.*Recep Tayip Erdoğan/s);
    assert.equal(await article.locator('[part~="byline"] time').textContent(), '10 March 2022');
    assert.equal(await article.locator('[part~="categories"]').textContent(), 'Categorized as News');
    reader.assertNoProblems();
  });
});
