/**
 * A page whose <comment-form> wraps WordPress's own comment form, with the script-tag
 * bundle (dist/news-widgets.js, which `npm test` builds first) served from a CDN. The
 * code that reads the wrapped form is a chunk of its own, loaded only on such pages:
 * until it arrives the native form is on show and working, what the reader types into
 * it meanwhile moves into the element, and when the chunk cannot be loaded at all the
 * native form stays, still posting as without JavaScript, and the console says why;
 * text typed into the element's own fields (on show when the element was defined while
 * the page was still parsing) then moves into the native form.
 * The chunk's request is held back or failed for real (Chromium's request interception).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { newReaderContext } from '../support/reader-context.js';
import { ABORTED, commentForm, eventually, focusedInForm, launchChromium, strings } from './support/demo.js';
import { root, startCdn, startSite } from './support/embedding-servers.js';

const fixture = readFileSync(join(root, 'test/fixtures/wordpress-6.1-comment-form.html'), 'utf8');
/** WordPress's `<div id="respond">…</div>`, posting natively to the site's /site/posted.html. */
const respond = fixture
  .slice(fixture.indexOf('<div id="respond"'))
  .replace(/<form action="[^"]*"/, '<form action="/site/posted.html"');
const postId = /name='comment_post_ID' value='(\d+)'/.exec(fixture)[1];
/** A page with the wrapped form, the bundle in its head (`async`), and `after` the form (more of the page). */
const articlePage = (bundleUrl, { async = false, after = '' } = {}) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>An article</title>
    <link rel="icon" href="data:," />
    <script type="module"${async ? ' async' : ''} src="${bundleUrl}"></script>
  </head>
  <body>
    <comment-form endpoint="/api/comments">${respond}</comment-form>
    ${after}
    <p>The rest of the page.</p>
  </body>
</html>
`;
/** The chunk that reads the wrapped form. */
const CHUNK = /\/news-widgets-server-rendered-form-[^/]+\.js$/;

describe(
  '<comment-form> around a server-rendered form, with the bundle’s chunk slow or failing',
  { timeout: 120_000 },
  () => {
    let cdn;
    let site;
    let browser;
    before(async () => {
      [cdn, browser] = await Promise.all([startCdn(), launchChromium()]);
      site = await startSite({
        pages: {
          '/site/article.html': articlePage(cdn.bundleUrl()),
          // The element is defined while the page is still parsing: an async module script runs while a
          // classic script further down (held back by the test) keeps the parser waiting.
          '/site/parsing.html': articlePage(cdn.bundleUrl(), {
            async: true,
            after: '<script src="/site/late.js"></script>',
          }),
          '/site/posted.html': '<!doctype html><html lang="en"><title>Comment received</title><p>Thanks.</p></html>',
        },
      });
    });
    after(async () => {
      await browser?.close();
      await Promise.all([site?.close(), cdn?.close()]);
    });
    beforeEach(() => {
      site.resetComments();
      cdn.requests.length = 0;
    });

    /** A reader's page whose requests for the chunk go to `handle(route)`; its console warnings collected. */
    async function open(t, handle, options, { path = '/site/article.html', waitUntil = 'load', routes = {} } = {}) {
      const reader = await newReaderContext(t, browser, options);
      await reader.context.route(CHUNK, handle);
      for (const [pattern, route] of Object.entries(routes)) await reader.context.route(pattern, route);
      const page = await reader.context.newPage();
      const warnings = [];
      page.on('console', (message) => {
        if (message.type() === 'warning') warnings.push(message.text());
      });
      await page.goto(`${site.origin}${path}`, { waitUntil });
      await page.waitForFunction(() => customElements.get('comment-form') !== undefined);
      return { reader, page, warnings, native: page.locator('form#commentform') };
    }

    it('keeps the native form working while the chunk loads, and moves what the reader typed into the element', async (t) => {
      let release;
      const held = new Promise((resolve) => (release = resolve));
      let asked = 0;
      const { reader, page, warnings, native } = await open(t, async (route) => {
        asked++;
        await held;
        await route.continue();
      });
      await eventually(() => assert.equal(asked, 1, 'the chunk is asked for once the element is defined'));

      // The chunk is on its way: the native form is the form, in view and in the tab order.
      assert.equal(await native.isVisible(), true);
      assert.equal(await native.evaluate((form) => form.inert), false);
      assert.equal(
        await page.locator('comment-form').evaluate((host) => host.shadowRoot.querySelector('#content')),
        null,
      );
      await native.locator('#comment').click();
      await page.keyboard.type('Typed before the script finished');

      release();
      const form = commentForm(page);
      await eventually(async () => assert.equal(await form.content.inputValue(), 'Typed before the script finished'));
      assert.equal(await native.evaluate((form) => form.inert), true, 'the native form is inert once taken over');
      assert.equal(await focusedInForm(page), 'content', 'the reader is still in the comment field');
      assert.equal(await page.locator('comment-form').evaluate((host) => host.effectivePostId), postId);

      // The wrapped form's own #email stays in the DOM (inert): the element's fields are its part="input".
      await page.locator('comment-form [part~="input"]#name').fill('Olena');
      await page.locator('comment-form [part~="input"]#email').fill('olena@example.com');
      await form.submit.click();
      await eventually(async () => assert.equal(await form.statusText(), strings.posted));
      const stored = (await site.comments()).map(({ postId, content }) => ({ postId, content }));
      assert.deepEqual(stored, [{ postId, content: 'Typed before the script finished' }]);
      assert.deepEqual(warnings, []);
      reader.assertNoProblems();
    });

    it('leaves the native form on show and posting when the chunk cannot load, with one console warning', async (t) => {
      const { reader, page, warnings, native } = await open(t, (route) => route.abort(), {
        expectedErrors: [{ text: ABORTED, url: cdn.origin }],
      });
      await eventually(() => assert.equal(warnings.length, 1, 'one console warning'));
      assert.match(
        warnings[0],
        /^<comment-form> leaves the form inside it on show, working as without JavaScript: its code could not be loaded\./,
      );

      assert.equal(await native.isVisible(), true);
      assert.equal(await native.evaluate((form) => form.inert), false);
      assert.equal(
        await page.locator('comment-form').evaluate((host) => host.shadowRoot.querySelector('#content')),
        null,
      );
      await native.locator('#comment').fill('Posted the old way');
      await native.locator('#author').fill('Olena');
      await native.locator('#email').fill('olena@example.com');
      await Promise.all([page.waitForURL(`${site.origin}/site/posted.html`), native.locator('#submit').click()]);
      assert.equal(await page.title(), 'Comment received');
      assert.deepEqual(await site.comments(), [], 'nothing posted by the element');
      assert.equal(warnings.length, 1);
      reader.assertNoProblems();
    });

    it('when the chunk cannot load after the element showed its own fields (defined mid-parse), what the reader typed there moves into the native form', async (t) => {
      let releaseParser;
      const parserHeld = new Promise((resolve) => (releaseParser = resolve));
      const { reader, page, warnings, native } = await open(
        t,
        (route) => route.abort(),
        { expectedErrors: [{ text: ABORTED, url: cdn.origin }] },
        {
          path: '/site/parsing.html',
          waitUntil: 'commit',
          // The late classic script is held until the reader has typed into the element's own fields.
          routes: {
            '**/site/late.js': async (route) => {
              await parserHeld;
              await route.fulfill({ contentType: 'text/javascript', body: '' });
            },
          },
        },
      );
      assert.equal(await page.evaluate(() => document.readyState), 'loading', 'the page is still parsing');
      const content = page.locator('comment-form [part~="input"]#content');
      await content.fill('Typed while the page was still loading');
      await page.locator('comment-form [part~="input"]#name').fill('Olena');

      releaseParser();
      await eventually(() => assert.equal(warnings.length, 1, 'one console warning'));
      assert.match(warnings[0], /its code could not be loaded\./);
      await eventually(async () => assert.equal(await native.isVisible(), true));
      assert.equal(await native.locator('#comment').inputValue(), 'Typed while the page was still loading');
      assert.equal(await native.locator('#author').inputValue(), 'Olena');
      assert.equal(await native.evaluate((form) => form.inert), false);
      await native.locator('#email').fill('olena@example.com');
      await Promise.all([page.waitForURL(`${site.origin}/site/posted.html`), native.locator('#submit').click()]);
      assert.deepEqual(await site.comments(), [], 'nothing posted by the element');
      reader.assertNoProblems();
    });
  },
);
