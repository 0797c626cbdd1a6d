/**
 * The script-tag bundle as sites embed it: dist/news-widgets.js (which `npm test`
 * builds before these tests) served from a CDN, on another origin and under another
 * path than the page, with CORS, and the page on the site's own origin with its feed
 * and its comment endpoint. Every chunk the bundle loads later (a comment form
 * language, DOMPurify) must come from beside the bundle, not from the page's folder;
 * loading the bundle twice, or a second copy of it from a plugin's folder, must be
 * harmless. The plain-HTML guide's page (docs/examples/plain-html/) is served exactly
 * as it is written.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { transformSync } from 'esbuild';
import { newReaderContext } from '../support/reader-context.js';
import { commentForm, eventually, launchChromium, postComment } from './support/demo.js';
import { root, startCdn, startSite } from './support/embedding-servers.js';

const plainHtmlDir = join(root, 'docs/examples/plain-html');
const feed = JSON.parse(readFileSync(join(plainHtmlDir, 'feed.json'), 'utf8'));
const shownItem = feed.items.find((item) => item.id === 'library-reopens');

/** The German words of <comment-form>, read from src/comment/locales/comment-form.de.ts. */
const german = await (async () => {
  const source = readFileSync(join(root, 'src/comment/locales/comment-form.de.ts'), 'utf8');
  const { code } = transformSync(source, { loader: 'ts', format: 'esm' });
  return (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)).default;
})();

/** Where a second copy of the bundle lives on the site, as a plugin would ship it. */
const PLUGIN_COPY = '/wp-content/plugins/comments-plugin/news-widgets/';

/** A page of the site: the article from the site's feed with the form under it, after `scripts`. */
const sitePage = ({ lang = 'en', scripts }) => `<!doctype html>
<html lang="${lang}">
  <head>
    <meta charset="utf-8" />
    <title>An article</title>
    <link rel="icon" href="data:," />
    ${scripts.map((src) => `<script type="module" src="${src}"></script>`).join('\n    ')}
  </head>
  <body>
    <news-article src="/gazette/feed.json" item="${shownItem.id}">
      <comment-form endpoint="/api/comments"></comment-form>
    </news-article>
  </body>
</html>
`;

/**
 * The strict policy of docs/csp.md (Content Security Policy) with Trusted Types, plus what a page that loads the bundle from
 * a CDN adds: the CDN's origin in script-src; and, with `allowDuplicates`, 'allow-duplicates', which two copies of the
 * bundle on one page need (each copy of Lit creates its `lit-html` policy).
 */
const strictPolicy = (cdnOrigin, { allowDuplicates }) =>
  [
    "default-src 'self'",
    `script-src 'self' ${cdnOrigin}`,
    "style-src 'self'",
    "img-src 'self' data: https:",
    "require-trusted-types-for 'script'",
    `trusted-types lit-html news-article#json-ld dompurify${allowDuplicates ? " 'allow-duplicates'" : ''}`,
  ].join('; ');

describe('the bundle served from a CDN, on another origin and path than the page', { timeout: 120_000 }, () => {
  let cdn;
  let site;
  let browser;
  before(async () => {
    [cdn, browser] = await Promise.all([startCdn({ prefixes: ['/cdn/v1/'] }), launchChromium()]);
    site = await startSite({
      pages: {
        '/site/page.html': sitePage({ scripts: [cdn.bundleUrl()] }),
        '/site/de/page.html': sitePage({ lang: 'de', scripts: [cdn.bundleUrl()] }),
        '/site/twice.html': sitePage({ scripts: [cdn.bundleUrl(), cdn.bundleUrl(), `${PLUGIN_COPY}news-widgets.js`] }),
        ...Object.fromEntries(
          [false, true].map((allowDuplicates) => [
            `/site/twice-strict${allowDuplicates ? '-allow-duplicates' : ''}.html`,
            {
              html: sitePage({ scripts: [cdn.bundleUrl(), `${PLUGIN_COPY}news-widgets.js`] }),
              headers: { 'content-security-policy': strictPolicy(cdn.origin, { allowDuplicates }) },
            },
          ]),
        ),
      },
      folders: { '/gazette/': plainHtmlDir, '/gazette/assets/news-widgets/': cdn.copyDir, [PLUGIN_COPY]: cdn.copyDir },
    });
  });
  after(async () => {
    await browser?.close();
    await Promise.all([site?.close(), cdn?.close()]);
  });
  beforeEach(() => {
    site.resetComments();
    site.requests.length = 0;
    cdn.requests.length = 0;
  });

  /** A reader's page at `path` on the site, with the article on show. */
  async function open(t, path, initScripts = []) {
    const reader = await newReaderContext(t, browser);
    for (const script of initScripts) await reader.context.addInitScript(script);
    const page = await reader.context.newPage();
    await page.goto(`${site.origin}${path}`);
    await page.locator('news-article[state="ready"]').waitFor({ timeout: 15000 });
    await page.waitForFunction(() => document.querySelector('comment-form')?.effectivePostId !== undefined);
    return { reader, page };
  }

  const storedComments = async () =>
    (await site.comments()).map(({ postId, name, content }) => ({ postId, name, content }));
  const headline = (page) => page.locator('news-article [part~="headline"]').textContent();
  /** The chunk files (news-widgets-*.js) a server was asked for, by path. */
  const chunks = (requests) => requests.filter((path) => /\/news-widgets-[^/]*\.js$/.test(path));
  /**
   * The chunks of a comment form, which every page that posts one downloads (first focus, or idle): the code that
   * sends, the form's engine, and the two chunks they share (validation; idb-keyval, shared with <comment-list>).
   */
  const isDelivery = (path) =>
    /^\/cdn\/v1\/news-widgets-(comment-delivery|comment-engine|validate-comment|dist)-[^/]+\.js$/.test(path);
  const isFeedReader = (path) => /^\/cdn\/v1\/news-widgets-(feed-reader|plain-text-[^/]+)\.js$/.test(path);
  /** The chunk files asked of a server, but the ones every page with a feed and a form needs: reading the feed, sending comments. */
  const otherChunks = (requests) => chunks(requests).filter((path) => !isDelivery(path) && !isFeedReader(path));

  it('renders the article and posts a comment, loading nothing from the page’s own folder', async (t) => {
    const { reader, page } = await open(t, '/site/page.html');
    assert.equal((await headline(page)).trim(), shownItem.title);
    assert.equal(await page.locator('news-article [part~="content"] p').count(), 3);
    await postComment(page, 'Glad the reading room stays open late.');
    assert.deepEqual(await storedComments(), [
      { postId: shownItem.id, name: 'Olena', content: 'Glad the reading room stays open late.' },
    ]);

    assert.deepEqual(
      cdn.requests.filter((path) => !isDelivery(path) && !isFeedReader(path)),
      ['/cdn/v1/news-widgets.js'],
      'an English page with the native sanitizer needs no chunk but the ones that read the feed and send the comment',
    );
    assert.equal(
      cdn.requests.filter(isDelivery).length,
      4,
      'the form’s engine and the code that sends (with the chunks they share), from beside the bundle, once each',
    );
    assert.equal(
      cdn.requests.filter(isFeedReader).length,
      2,
      'the code that reads the feed (its chunk, and the plain-text chunk it shares with sending), from beside the bundle, once',
    );
    assert.deepEqual(chunks(site.requests), [], 'no chunk asked of the site');
    assert.equal(await page.evaluate(() => 'setHTML' in Element.prototype), true, 'this Chromium sanitizes natively');
    reader.assertNoProblems();
  });

  it('a German page gets the German form, its chunk loaded from beside the bundle', async (t) => {
    const { reader, page } = await open(t, '/site/de/page.html');
    const form = page.locator('comment-form');
    await eventually(async () => assert.equal((await form.getByRole('heading').textContent()).trim(), german.heading));
    assert.equal((await commentForm(page).submit.textContent()).trim(), german.submit);
    assert.match(await form.locator('label[for="content"]').textContent(), new RegExp(`^${german.comment}\\b`));
    await postComment(page, 'Endlich wieder offen.', german.posted);
    assert.deepEqual(await storedComments(), [
      { postId: shownItem.id, name: 'Olena', content: 'Endlich wieder offen.' },
    ]);

    // The form's German words, and those about a comment waiting to be sent, which come with its engine.
    assert.deepEqual(
      otherChunks(cdn.requests)
        .map((path) => path.replace(/-[\w-]+\.js$/, ''))
        .sort(),
      ['/cdn/v1/news-widgets-comment-engine.de', '/cdn/v1/news-widgets-comment-form.de'],
      cdn.requests.join(),
    );
    assert.deepEqual(chunks(site.requests), []);
    reader.assertNoProblems();
  });

  it('in a browser without Element.setHTML, the DOMPurify chunk loads from beside the bundle and sanitizes', async (t) => {
    const { reader, page } = await open(t, '/site/page.html', [() => delete Element.prototype.setHTML]);
    assert.equal(await page.evaluate(() => 'setHTML' in Element.prototype), false);
    assert.equal((await headline(page)).trim(), shownItem.title);
    const content = page.locator('news-article [part~="content"]');
    assert.equal(await content.locator('p').count(), 3);
    // The relative link in the feed's HTML resolves against the article's URL, not the page's or the CDN's.
    assert.equal(
      await content.locator('a').getAttribute('href'),
      new URL('/2026/03/library-hours-survey/', shownItem.url).href,
    );
    assert.equal(otherChunks(cdn.requests).length, 1, cdn.requests.join());
    assert.match(otherChunks(cdn.requests)[0], /^\/cdn\/v1\/news-widgets-purify\.[^/]+\.js$/);
    assert.deepEqual(chunks(site.requests), []);
    await postComment(page, 'Posted where the sanitizer is DOMPurify.');
    assert.equal((await storedComments()).length, 1);
    reader.assertNoProblems();
  });

  it('the script tag twice and a second copy from a plugin’s folder are harmless', async (t) => {
    const { reader, page } = await open(t, '/site/twice.html');
    assert.deepEqual(
      cdn.requests.filter((path) => path === '/cdn/v1/news-widgets.js'),
      ['/cdn/v1/news-widgets.js'],
      'the same URL twice is one module, fetched once',
    );
    assert.ok(site.requests.includes(`${PLUGIN_COPY}news-widgets.js`), 'the plugin’s copy was loaded too');
    assert.equal((await headline(page)).trim(), shownItem.title);
    const rendered = await page.evaluate(() => ({
      articles: document.querySelector('news-article').shadowRoot.querySelectorAll('article').length,
      jsonLd: document.querySelectorAll('script[type="application/ld+json"]').length,
      forms: document.querySelector('comment-form').shadowRoot.querySelectorAll('form').length,
    }));
    assert.deepEqual(rendered, { articles: 1, jsonLd: 1, forms: 1 });
    await postComment(page, 'Posted once, with two copies of the script on the page.');
    assert.deepEqual(await storedComments(), [
      { postId: shownItem.id, name: 'Olena', content: 'Posted once, with two copies of the script on the page.' },
    ]);
    reader.assertNoProblems();
  });

  it("two copies under a strict CSP with Trusted Types need 'allow-duplicates', and then render and post without a violation", async (t) => {
    // Without it, the second copy's `lit-html` policy is refused, as the plain-HTML guide says.
    const refused = await newReaderContext(t, browser);
    const refusedPage = await refused.context.newPage();
    await refusedPage.goto(`${site.origin}/site/twice-strict.html`);
    await refusedPage.locator('news-article[state="ready"]').waitFor({ timeout: 15000 });
    await eventually(async () =>
      assert.ok(
        refused.problems.some((problem) => /page error: .*Policy with name "lit-html" already exists/.test(problem)),
        refused.problems.join('\n'),
      ),
    );

    const { reader, page } = await open(t, '/site/twice-strict-allow-duplicates.html', [
      () => {
        window.__violations = [];
        document.addEventListener(
          'securitypolicyviolation',
          (event) => window.__violations.push(event.effectiveDirective),
          true,
        );
      },
    ]);
    assert.equal((await headline(page)).trim(), shownItem.title);
    await postComment(page, 'Posted under a strict policy, with two copies of the script.');
    assert.equal((await storedComments()).length, 1);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    reader.assertNoProblems();
  });

  it('the plain-HTML guide’s page, served as written: the article renders and the form posts', async (t) => {
    const { reader, page } = await open(t, '/gazette/index.html');
    assert.equal(await page.title(), `${shownItem.title} — ${feed.title}`);
    assert.equal((await headline(page)).trim(), shownItem.title);
    assert.equal((await page.locator('news-article [part~="summary"]').textContent()).trim(), shownItem.summary);
    assert.match(
      await page.locator('news-article [part~="byline"]').textContent(),
      new RegExp(shownItem.authors[0].name),
    );
    assert.deepEqual(
      (await page.locator('news-article [part~="footer"]').textContent()).match(/Town|Libraries/g),
      shownItem.tags,
    );
    await postComment(page, 'Thank you for the opening hours.');
    assert.deepEqual(await storedComments(), [
      { postId: shownItem.id, name: 'Olena', content: 'Thank you for the opening hours.' },
    ]);
    assert.ok(site.requests.includes('/gazette/assets/news-widgets/news-widgets.js'));
    reader.assertNoProblems();
  });
});
