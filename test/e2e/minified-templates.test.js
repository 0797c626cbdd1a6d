/**
 * The build minifies the elements' CSS and HTML templates (scripts/vite-plugins/minify-templates.ts,
 * minifyTemplates): what a reader gets from dist/news-widgets.js (which `npm test`
 * builds first) must be what the sources say. The same elements, from the sources
 * (the dev server) and from the bundle (a CDN copy of dist/), in Debian's Chromium:
 * their stylesheets as the browser parses them rule by rule, the computed style of
 * every node they render, and their rendered text (innerText, where every space that
 * shows counts), for the same article and form.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newReaderContext } from '../support/reader-context.js';
import { launchChromium, startDemoServer } from './support/demo.js';
import { startCdn, startSite } from './support/embedding-servers.js';

const feed = {
  version: 'https://jsonfeed.org/version/1.1',
  title: 'The Gazette',
  items: [
    {
      id: 'bridge',
      url: 'https://example.org/bridge',
      title: 'The old bridge reopens',
      content_html:
        '<p>After two years, <strong>the bridge</strong> is <a href="https://example.org/a">open</a> again.</p>',
      date_published: '2026-11-20T09:30:00Z',
      date_modified: '2026-11-21T10:00:00Z',
      authors: [{ name: 'Olena Petrenko', url: 'https://example.org/olena' }, { name: 'Sam Lee' }],
      tags: ['Transport', 'City'],
    },
  ],
};

/** The article and a reply form, with an inline feed, as both pages show them. */
const markup = `<news-article><script type="application/feed+json">${JSON.stringify(feed)}</script>
  <comment-form endpoint="/api/comments" parent="7"></comment-form></news-article>`;

/** In the page: each element's stylesheets as parsed rules, and the rendered text of its shadow root once ready. */
async function readElements(page) {
  await page.evaluate((html) => {
    // Only the elements' own styles: the demo page's stylesheets go.
    for (const sheet of document.querySelectorAll('link[rel="stylesheet"], style')) sheet.remove();
    document.documentElement.lang = 'en';
    document.body.innerHTML = html;
  }, markup);
  await page.locator('news-article[state="ready"]').waitFor({ timeout: 15000 });
  await page.waitForFunction(() => document.querySelector('comment-form')?.effectivePostId === 'bridge');
  // A field error and the error summary, so their templates are on show too.
  await page.locator('comment-form [part~="submit"]').click();
  await page.locator('comment-form [part~="error-summary"]').waitFor();
  return page.evaluate(() =>
    Object.fromEntries(
      ['news-article', 'comment-form'].map((tag) => {
        const element = document.querySelector(tag);
        const rules = element.constructor.elementStyles.flatMap((style) => {
          const sheet = new CSSStyleSheet();
          sheet.replaceSync(style.cssText);
          // The CSSOM keeps the space after a var() fallback's comma, which substitution trims.
          return [...sheet.cssRules].map((rule) => rule.cssText.replace(/, /g, ','));
        });
        const text = [...element.shadowRoot.children].map((child) => child.innerText ?? '');
        // Every property of every node in the shadow root, as the browser computes it.
        const computed = [...element.shadowRoot.querySelectorAll('*')].map((node) => {
          const style = getComputedStyle(node);
          return {
            node: node.localName,
            style: Object.fromEntries([...style].map((name) => [name, style.getPropertyValue(name)])),
          };
        });
        return [tag, { rules, text, computed }];
      }),
    ),
  );
}

describe('the bundle’s minified templates', { timeout: 120_000 }, () => {
  let demo;
  let cdn;
  let site;
  let browser;
  before(async () => {
    [demo, cdn, browser] = await Promise.all([startDemoServer(), startCdn(), launchChromium()]);
    site = await startSite({
      pages: {
        '/page.html': `<!doctype html><html lang="en"><head><meta charset="utf-8" /><title>A page</title>
<link rel="icon" href="data:," /><script type="module" src="${cdn.bundleUrl()}"></script></head><body></body></html>`,
      },
    });
  });
  after(async () => {
    await browser?.close();
    await Promise.all([demo?.close(), site?.close(), cdn?.close()]);
  });

  it('style and render the article and the form exactly as the sources do', async (t) => {
    const reader = await newReaderContext(t, browser);
    const fromSources = await reader.context.newPage();
    await fromSources.goto(demo.url);
    await fromSources.waitForFunction(() => customElements.get('comment-form') && customElements.get('news-article'));
    const fromBundle = await reader.context.newPage();
    await fromBundle.goto(`${site.origin}/page.html`);
    await fromBundle.waitForFunction(() => customElements.get('comment-form') && customElements.get('news-article'));

    const [sources, bundle] = [await readElements(fromSources), await readElements(fromBundle)];
    for (const tag of ['news-article', 'comment-form']) {
      assert.ok(sources[tag].rules.length > 10, `${tag} has its stylesheet`);
      assert.deepEqual(bundle[tag].rules, sources[tag].rules, `${tag}: the same CSS rules`);
      assert.ok(sources[tag].text.join('').length > 50, `${tag} renders text`);
      assert.deepEqual(bundle[tag].text, sources[tag].text, `${tag}: the same rendered text`);
      assert.ok(sources[tag].computed.length > 10, `${tag} has nodes`);
      assert.deepEqual(
        bundle[tag].computed.map(({ node }) => node),
        sources[tag].computed.map(({ node }) => node),
        `${tag}: the same nodes`,
      );
      const differences = sources[tag].computed.flatMap(({ node, style }, index) =>
        Object.entries(style)
          // A custom property's computed value is its text as written (commas' spaces kept);
          // what counts is every property that uses it, compared here as computed.
          .filter(([name, value]) => !name.startsWith('--') && bundle[tag].computed[index].style[name] !== value)
          .map(
            ([name, value]) =>
              `${tag} ${node} #${index} ${name}: ${value} (sources) ≠ ${bundle[tag].computed[index].style[name]} (bundle)`,
          ),
      );
      assert.deepEqual(differences, [], `${tag}: the same computed styles`);
    }
    assert.match(bundle['news-article'].text.join('\n'), /The old bridge reopens/);
    reader.assertNoProblems();
  });
});
