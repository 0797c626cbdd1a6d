/**
 * The script-tag bundle (dist/news-widgets.js, which `npm test` builds first) keeps the
 * code that sends comments out of its main file: the transport (requests, the answers of
 * WordPress and of the JSON protocol, Idempotency-Key) and the retries travel in a chunk
 * of their own, which the form downloads on the reader's first focus or input, or once the
 * page is idle. When that download fails (Chromium's request interception, the bundle
 * served from a CDN) the comment waits in the outbox, and is sent once the chunk loads.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { newReaderContext } from '../support/reader-context.js';
import { ABORTED, commentForm, eventually, launchChromium, strings } from './support/demo.js';
import { startCdn, startSite } from './support/embedding-servers.js';

const dist = new URL('../../dist/', import.meta.url);
const read = (file) => readFileSync(new URL(file, dist), 'utf8');
/** Strings only the code that sends has: a header of the JSON protocol, and WordPress error codes it maps. */
const TRANSPORT_MARKERS = ['Idempotency-Key', 'rest_comment_login_required', 'comment_author_email_column_length'];

describe('the script-tag bundle', () => {
  const main = read('news-widgets.js');
  const chunks = readdirSync(dist).filter(
    (file) => file.startsWith('news-widgets-comment-delivery-') && file.endsWith('.js'),
  );

  it('has one chunk with the code that sends comments', () => {
    assert.equal(chunks.length, 1, `chunks: ${chunks.join(', ')}`);
    const chunk = read(chunks[0]);
    for (const marker of TRANSPORT_MARKERS) assert.ok(chunk.includes(marker), `${marker} is in ${chunks[0]}`);
  });

  it('leaves that code out of its main file, which imports the chunk only on demand', () => {
    for (const marker of TRANSPORT_MARKERS) assert.ok(!main.includes(marker), `${marker} is not in news-widgets.js`);
    assert.match(main, new RegExp(`import\\(\`\\./${chunks[0].replace(/[.-]/g, '\\$&')}\`\\)`));
    assert.doesNotMatch(main, new RegExp(`^import[^;]*${chunks[0].replace(/[.-]/g, '\\$&')}`, 'm'));
  });
});

describe('<comment-form> with the bundle, when the code that sends cannot be downloaded', { timeout: 120_000 }, () => {
  let cdn;
  let site;
  let browser;
  before(async () => {
    [cdn, browser] = await Promise.all([startCdn(), launchChromium()]);
    site = await startSite({
      pages: {
        '/site/article.html': `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>An article</title><link rel="icon" href="data:," />
    <script type="module" src="${cdn.bundleUrl()}"></script></head>
  <body><comment-form endpoint="/api/comments" post-id="7"></comment-form></body>
</html>`,
      },
    });
  });
  after(async () => {
    await browser?.close();
    await Promise.all([site?.close(), cdn?.close()]);
  });

  it('keeps the comment in the outbox, then downloads the chunk again and sends the comment once', async (t) => {
    const reader = await newReaderContext(t, browser, { expectedErrors: [{ text: ABORTED, url: cdn.origin }] });
    let failing = true;
    const asked = [];
    await reader.context.route(/\/news-widgets-comment-delivery-[^/]+\.js(\?.*)?$/, (route) => {
      asked.push(route.request().url());
      return failing ? route.abort() : route.continue();
    });
    const page = await reader.context.newPage();
    await page.goto(`${site.origin}/site/article.html`);
    const form = commentForm(page);
    await form.content.click();
    await eventually(() => assert.equal(asked.length, 1, 'the first focus asks for the chunk'));
    await page.keyboard.type('Typed while the chunk was away');
    await form.fillIdentity();
    await form.submit.click();
    // Online all along: the words do not say "when you are back online".
    await eventually(async () => assert.equal(await form.statusText(), strings.queuedServer));
    assert.equal(await form.content.inputValue(), 'Typed while the chunk was away');
    assert.equal(await form.content.getAttribute('readonly'), '');
    assert.deepEqual(await site.comments(), []);

    failing = false;
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await eventually(async () => assert.equal(await form.statusText(), strings.posted));
    assert.deepEqual(
      (await site.comments()).map(({ content }) => content),
      ['Typed while the chunk was away'],
    );
    // Each retry asks under a URL of its own: Chromium would otherwise fail it from its module map.
    assert.match(asked.at(-1), /\?retry=\d+$/);
    assert.equal(new Set(asked).size, asked.length);
    reader.assertNoProblems();
  });
});
