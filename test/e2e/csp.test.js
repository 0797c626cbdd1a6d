/**
 * Hostile hosts: both elements under a strict Content Security Policy with Trusted
 * Types, served as a header, as a careful news site serves its pages. The built bundle
 * (dist/news-widgets.js, which `npm test` builds before these tests) is loaded by a
 * `<script type="module" src>` from the page's own origin, with no inline script
 * anywhere; the article must render, styled, the form must post, the JSON-LD block
 * must be written, and the browser must report not one `securitypolicyviolation`, on
 * the native sanitizer path and on the DOMPurify fallback.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { createCommentEndpoint } from '../../scripts/comment-endpoint.js';
import { newReaderContext } from '../support/reader-context.js';
import { commentForm, eventually, focusedInForm, launchChromium, strings } from './support/demo.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const distDir = join(root, 'dist');

/** Every Trusted Types policy the widgets create (grep `createPolicy` in src/ and the bundle). */
export const TRUSTED_TYPES_POLICIES = [
  'lit-html', // Lit's templates
  'news-article#json-ld', // the JSON-LD block (src/article/news-article.ts)
  'dompurify', // the DOMPurify chunk, in browsers without Element.setHTML
];

/** The policy docs/csp.md documents. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: https:",
  "require-trusted-types-for 'script'",
  `trusted-types ${TRUSTED_TYPES_POLICIES.join(' ')}`,
].join('; ');

/** Markup the hostile-feed case appends to the demo article: none of it may survive or run. */
const HOSTILE_TAIL =
  '<div data-hostile onclick="window.__pwned = \'onclick\'" style="color: red" class="x" id="x">Hostile tail' +
  '<script>window.__pwned = "script"</script><style>p { display: none }</style>' +
  '<svg><script>window.__pwned = "svg"</script></svg></div>';

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>news-widgets under a strict CSP</title>
    <link rel="icon" href="data:," />
    <script type="module" src="/dist/news-widgets.js"></script>
  </head>
  <body>
    <main>
      <news-article src="/feed.json">
        <comment-form endpoint="/api/comments"></comment-form>
      </news-article>
    </main>
  </body>
</html>
`;

/** A tiny static server: the page (with the CSP header), the bundle, the demo feed and the comment endpoint. */
async function startCspServer() {
  if (!existsSync(join(distDir, 'news-widgets.js'))) {
    throw new Error('dist/news-widgets.js is missing: run `npm run build` first (`npm test` does).');
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'news-widgets-csp-'));
  const endpoint = createCommentEndpoint({ file: join(dataDir, 'comments.json') });
  const feed = JSON.parse(await readFile(join(root, 'demo/article-feed.json'), 'utf8'));
  const hostileFeed = structuredClone(feed);
  hostileFeed.items[0].content_html += HOSTILE_TAIL;
  const requests = [];

  const server = createServer(async (req, res) => {
    const { pathname } = new URL(req.url, 'http://localhost');
    requests.push(pathname);
    const send = (status, type, body, headers = {}) => {
      res.writeHead(status, {
        'content-type': type,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        ...headers,
      });
      res.end(body);
    };
    try {
      if (pathname === '/' || pathname === '/index.html') {
        return send(200, 'text/html; charset=utf-8', PAGE, { 'content-security-policy': CONTENT_SECURITY_POLICY });
      }
      if (pathname === '/feed.json') return send(200, 'application/feed+json', JSON.stringify(feed));
      if (pathname === '/hostile-feed.json') return send(200, 'application/feed+json', JSON.stringify(hostileFeed));
      if (pathname.startsWith('/dist/') && extname(pathname) === '.js') {
        const file = normalize(join(distDir, decodeURIComponent(pathname.slice('/dist/'.length))));
        if (!file.startsWith(distDir + sep)) return send(404, 'text/plain', 'not found');
        return send(200, 'text/javascript; charset=utf-8', await readFile(file));
      }
      return endpoint(req, res, () => send(404, 'text/plain', 'not found'));
    } catch (error) {
      if (error.code === 'ENOENT') return send(404, 'text/plain', 'not found');
      return send(500, 'text/plain', String(error));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    feed,
    requests,
    async comments() {
      return (await fetch(`${origin}/api/comments`)).json();
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Runs in every page before any of its scripts, outside the page's CSP: records each
 * `securitypolicyviolation` (the event is composed, so it reaches the document from
 * shadow roots too).
 */
function recordViolations() {
  window.__cspViolations = [];
  document.addEventListener(
    'securitypolicyviolation',
    (event) =>
      window.__cspViolations.push({
        violatedDirective: event.violatedDirective,
        effectiveDirective: event.effectiveDirective,
        blockedURI: event.blockedURI,
        sample: event.sample,
        sourceFile: event.sourceFile,
        lineNumber: event.lineNumber,
      }),
    true,
  );
}

/** Makes the browser look like one without the HTML Sanitizer API, so the DOMPurify chunk runs. */
function removeSetHTML() {
  delete Element.prototype.setHTML;
}

const violations = (page) => page.evaluate(() => window.__cspViolations);

describe('under a strict Content Security Policy with Trusted Types', { timeout: 120_000 }, () => {
  let server;
  let browser;
  before(async () => {
    [server, browser] = await Promise.all([startCspServer(), launchChromium()]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A reader's page with the violation recorder (and any other init scripts) installed. */
  async function openPage(t, initScripts = []) {
    const reader = await newReaderContext(t, browser);
    await reader.context.addInitScript(recordViolations);
    for (const script of initScripts) await reader.context.addInitScript(script);
    const page = await reader.context.newPage();
    const response = await page.goto(`${server.origin}/`);
    assert.equal(
      response.headers()['content-security-policy'],
      CONTENT_SECURITY_POLICY,
      'the page is served with the CSP header',
    );
    await page.locator('news-article[state="ready"]').waitFor({ timeout: 15000 });
    return { reader, page };
  }

  /** What both cases check of the article: headline, paragraphs, styles and the JSON-LD block. */
  async function assertArticleRendered(page) {
    const item = server.feed.items[0];
    const article = page.locator('news-article');
    assert.equal((await article.locator('[part~="headline"]').textContent()).trim(), item.title);
    assert.equal(await article.locator('[part~="content"] p').count(), 10, 'the ten paragraphs of the demo article');

    // The element's own styles (constructable stylesheets) apply under style-src 'self'.
    const headline = await article.locator('[part~="headline"]').evaluate((element) => {
      const style = getComputedStyle(element);
      return {
        marginTop: style.marginTop,
        marginBottom: style.marginBottom,
        lineHeight: style.lineHeight,
        fontSize: style.fontSize,
      };
    });
    assert.deepEqual(
      { marginTop: headline.marginTop, marginBottom: headline.marginBottom },
      { marginTop: '0px', marginBottom: '8px' },
      "the headline has <news-article>'s margins (margin-block: 0 0.5rem), not an h1's",
    );
    assert.equal(
      parseFloat(headline.lineHeight),
      Math.round(parseFloat(headline.fontSize) * 1.2 * 100) / 100,
      'line-height: 1.2',
    );
    const textarea = await commentForm(page).content.evaluate((element) => {
      const style = getComputedStyle(element);
      return { width: style.borderTopWidth, style: style.borderTopStyle, boxSizing: style.boxSizing };
    });
    assert.deepEqual(
      textarea,
      { width: '2px', style: 'solid', boxSizing: 'border-box' },
      "the comment box has <comment-form>'s border",
    );

    // The JSON-LD block, written through the news-article#json-ld policy, in the light DOM.
    const jsonLd = await page.evaluate(() => {
      const blocks = document.querySelectorAll('news-article > script[type="application/ld+json"][data-news-article]');
      return [...blocks].map((block) => JSON.parse(block.textContent));
    });
    assert.equal(jsonLd.length, 1, 'one JSON-LD block in the light DOM');
    assert.equal(jsonLd[0]['@type'], 'NewsArticle');
    assert.equal(jsonLd[0].headline, item.title);
  }

  it('both elements render, styled, and a comment posts, with no violation (native sanitizer)', async (t) => {
    const { reader, page } = await openPage(t);
    assert.equal(await page.evaluate(() => 'setHTML' in Element.prototype), true, 'this Chromium sanitizes natively');
    await assertArticleRendered(page);

    // Post a comment with the keyboard only.
    await page.waitForFunction(() => document.querySelector('comment-form')?.effectivePostId !== undefined);
    const form = commentForm(page);
    const { keyboard } = page;
    await form.content.focus();
    assert.equal(await focusedInForm(page), 'content');
    await keyboard.type('Posted under a strict CSP.');
    await keyboard.press('Tab');
    await keyboard.type('Olena');
    await keyboard.press('Tab');
    await keyboard.type('olena@example.com');
    await keyboard.press('Tab');
    await keyboard.press('Tab');
    await keyboard.press('Tab');
    assert.equal(await focusedInForm(page), 'submit');
    await keyboard.press('Enter');
    await eventually(async () => assert.equal(await form.statusText(), strings.posted));
    assert.deepEqual(
      (await server.comments()).map(({ name, content, postId }) => ({ name, content, postId })),
      [{ name: 'Olena', content: 'Posted under a strict CSP.', postId: server.feed.items[0].id }],
    );

    assert.deepEqual(await violations(page), [], 'securitypolicyviolation events');
    reader.assertNoProblems();

    // The recorder works and the header is enforced: a raw innerHTML is refused and reported.
    const refused = await page.evaluate(() => {
      try {
        document.createElement('div').innerHTML = '<b>raw</b>';
        return 'allowed';
      } catch (error) {
        return error.name;
      }
    });
    assert.equal(refused, 'TypeError', 'Trusted Types are enforced on this page');
    await eventually(async () =>
      assert.deepEqual(
        (await violations(page)).map(({ effectiveDirective }) => effectiveDirective),
        ['require-trusted-types-for'],
      ),
    );
  });

  it('the DOMPurify fallback renders the content sanitized, with no violation', async (t) => {
    const { reader, page } = await openPage(t, [removeSetHTML]);
    assert.equal(await page.evaluate(() => 'setHTML' in Element.prototype), false);
    await assertArticleRendered(page);
    assert.ok(
      server.requests.some((path) => /^\/dist\/news-widgets-purify\.[^/]*\.js$/.test(path)),
      'the DOMPurify chunk was loaded',
    );
    const unsafe = await page
      .locator('news-article [part~="content"]')
      .evaluate((content) => [
        ...[...content.querySelectorAll('script, style, iframe, object, embed')].map((element) => element.localName),
        ...[...content.querySelectorAll('*')].flatMap((element) =>
          element.getAttributeNames().filter((name) => /^on|^style$|^srcdoc$|^id$|^class$/.test(name)),
        ),
      ]);
    assert.deepEqual(unsafe, [], 'no script, style, handler, id or class in the sanitized content');
    assert.deepEqual(await violations(page), [], 'securitypolicyviolation events');
    reader.assertNoProblems();
  });

  // Known issue, kept visible as a todo (it fails; node --test reports it without failing the run):
  // both sanitizers parse the untrusted HTML before removing anything, and Chromium checks the
  // CSP of the page's window whenever its parser sets a `style` or `on…` attribute or creates a
  // `<style>` element, in whatever document of that window it parses into, so each one is
  // reported (style-src-attr, script-src-attr, style-src-elem) although nothing is applied, runs,
  // or reaches the page. Every parsing route a window has reports the same, measured under this
  // policy in Chromium 156: document.implementation.createHTMLDocument() (innerHTML, setHTML and
  // document.write), Document.parseHTMLUnsafe(), Document.parseHTML() with the Sanitizer API,
  // DOMParser (text/html and application/xhtml+xml), createDocument(), <template> and
  // Range.createContextualFragment(). A document without the page's policy would need another
  // window: an about:blank, srcdoc or blob: iframe inherits the policy, a data: iframe is refused
  // by frame-src 'self', and workers have no HTML parser. Closing it would take parsing the HTML
  // without the browser's parser, that is, a sanitizer of our own, which this library does not ship.
  for (const [path, initScripts] of [
    ['native', []],
    ['DOMPurify', [removeSetHTML]],
  ]) {
    it(
      `hostile markup in the content is sanitized without a violation (${path})`,
      {
        todo: 'the sanitizers parse untrusted HTML in a document that reports to the page CSP (see the comment above)',
      },
      async (t) => {
        const { reader, page } = await openPage(t, initScripts);
        await page.evaluate(() => {
          const article = document.querySelector('news-article');
          return new Promise((resolve) => {
            article.addEventListener('load', resolve, { once: true });
            article.src = '/hostile-feed.json';
          });
        });
        const content = page.locator('news-article [part~="content"]');
        assert.equal(await content.locator('p').count(), 10);
        const tail = await content.evaluate((element) => {
          const div = element.querySelector('div');
          return {
            text: div?.textContent,
            attributes: div ? [...div.attributes].map((attribute) => attribute.name) : [],
            scripts: element.querySelectorAll('script, style').length,
          };
        });
        assert.deepEqual(tail, { text: 'Hostile tail', attributes: [], scripts: 0 }, 'the hostile tail, sanitized');
        assert.equal(await page.evaluate(() => window.__pwned), undefined, 'nothing in the content ran');
        assert.equal(
          await content
            .locator('p')
            .first()
            .evaluate((p) => getComputedStyle(p).display),
          'block',
          'the <style> did not apply',
        );
        assert.deepEqual(await violations(page), [], 'securitypolicyviolation events');
        reader.assertNoProblems();
      },
    );
  }
});
