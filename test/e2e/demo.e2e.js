/**
 * What `npm start` gives a developer: the Vite dev server serving the demo page,
 * opened in Debian's Chromium. The seed article must render, with no console error.
 */
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { browserPath, chromiumArgs } from '../../scripts/browsers.js';

const server = await createServer({ configFile: new URL('../../vite.config.ts', import.meta.url).pathname, server: { port: 0 } });
await server.listen();
const browser = await chromium.launch({ executablePath: browserPath('chromium'), args: chromiumArgs });
try {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(server.resolvedUrls.local[0]);
  await page.waitForSelector('news-article[state="ready"]', { timeout: 15000 });
  const article = page.locator('news-article');
  assert.equal(
    await article.locator('h1[part~="headline"]').textContent(),
    'Ukraine claims that discussions with Russia in Turkey failed to result in a ceasefire',
  );
  assert.equal(await article.locator('[part~="content"] p').count(), 10);
  assert.match(await article.locator('[part~="content"]').textContent(), /Mevlüt Çavuşoğlu.*Recep Tayip Erdoğan/s);
  assert.equal(await article.locator('[part~="byline"] time').textContent(), '10 March 2022');
  assert.equal(await article.locator('[part~="categories"]').textContent(), 'Categorized as News');
  assert.deepEqual(problems, []);
  console.log('demo page: the seed article renders with no console error');
} finally {
  await browser.close();
  await server.close();
}
