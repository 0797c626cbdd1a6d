/**
 * The script-tag bundle (dist/news-widgets.js, which `npm test` builds first) keeps the
 * code that sends comments out of its main file: the transport (requests, the answers of
 * WordPress and of the JSON protocol, Idempotency-Key) and the retries travel in a chunk
 * of their own, which the form downloads on the reader's first focus or input, or once the
 * page is idle. When that download fails (Chromium's request interception, the bundle
 * served from a CDN) the comment waits in the outbox, and is sent once the chunk loads.
 * `<comment-form>`'s engine (the lifecycle, the draft store, the draft keeper) is a chunk of
 * its own as well, downloaded at the same moments; the fields take typing before it is there.
 * When it cannot be downloaded, what the reader typed outlives a real reload, and posting says
 * plainly that nothing was sent, keeps the text, and sends it once the chunk can be downloaded.
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
/** Strings only the engine has: where an earlier draft is kept aside, and the outbox's keys. */
const ENGINE_MARKERS = ['|other-version', 'outbox:'];
const ENGINE_CHUNK = /\/news-widgets-comment-engine-[^/]+\.js(\?.*)?$/;
/** The chunk of `dist/` whose name starts with `prefix` (the one: several fail the test). */
const onlyChunk = (prefix) => {
  const chunks = readdirSync(dist).filter((file) => file.startsWith(prefix) && file.endsWith('.js'));
  assert.equal(chunks.length, 1, `chunks: ${chunks.join(', ')}`);
  return chunks[0];
};
/** `main` imports `chunk` only with import(), never statically. */
function importsOnDemand(main, chunk) {
  const name = chunk.replace(/[.-]/g, '\\$&');
  assert.match(main, new RegExp(`import\\(\`\\./${name}\`\\)`));
  assert.doesNotMatch(main, new RegExp(`^import[^;]*${name}`, 'm'));
}

describe('the script-tag bundle', () => {
  const main = read('news-widgets.js');

  for (const [what, prefix, markers] of [
    ['the code that sends comments', 'news-widgets-comment-delivery-', TRANSPORT_MARKERS],
    ['the comment engine', 'news-widgets-comment-engine-', ENGINE_MARKERS],
  ]) {
    it(`has one chunk with ${what}, and imports it only on demand`, () => {
      const chunk = onlyChunk(prefix);
      for (const marker of markers) {
        assert.ok(read(chunk).includes(marker), `${marker} is in ${chunk}`);
        assert.ok(!main.includes(marker), `${marker} is not in news-widgets.js`);
      }
      importsOnDemand(main, chunk);
    });
  }
});

describe('<comment-form> with the bundle, when one of its chunks cannot be downloaded', { timeout: 120_000 }, () => {
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

  /** A reader whose browser cannot download the engine while `failing()` says so; `asked` lists its requests. */
  async function readerWithoutEngine(t, failing) {
    const reader = await newReaderContext(t, browser, { expectedErrors: [{ text: ABORTED, url: cdn.origin }] });
    const asked = [];
    await reader.context.route(ENGINE_CHUNK, (route) => {
      asked.push(route.request().url());
      return failing() ? route.abort() : route.continue();
    });
    const page = await reader.context.newPage();
    await page.goto(`${site.origin}/site/article.html`);
    return { reader, page, asked, form: commentForm(page) };
  }

  it('takes typing at once, and after a reload right then the text is back', async (t) => {
    let failing = true;
    const { reader, page, asked, form } = await readerWithoutEngine(t, () => failing);
    await form.content.click();
    // Asked for by the first focus (or earlier, once the page was idle), and asked again after each failure.
    await eventually(() => assert.ok(asked.length >= 1, 'the engine is asked for'));
    await page.keyboard.type('Typed while the engine was away');
    failing = false;
    await page.reload();
    await eventually(async () => assert.equal(await form.content.inputValue(), 'Typed while the engine was away'));
    await eventually(async () => assert.equal(await form.statusText(), strings.draftRestored));
    reader.assertNoProblems();
  });

  it('says that nothing was sent when the engine cannot be downloaded, keeps the text, and sends it once it can', async (t) => {
    let failing = true;
    const { reader, page, form, asked } = await readerWithoutEngine(t, () => failing);
    await form.content.click();
    await form.content.pressSequentially('Posted while the engine was away');
    await form.fillIdentity();
    await form.submit.click();
    await eventually(async () =>
      assert.ok(
        (await page.locator('comment-form [part~="error-summary"]').textContent())?.includes(strings.cannotSendYet),
      ),
    );
    assert.equal(await form.content.inputValue(), 'Posted while the engine was away');
    /** What the site published of this comment (the site keeps the other tests' comments too). */
    const published = async () =>
      (await site.comments()).filter(({ content }) => content === 'Posted while the engine was away');
    assert.deepEqual(await published(), []);

    failing = false;
    await form.submit.click();
    await eventually(async () => assert.equal(await form.statusText(), strings.posted));
    assert.equal((await published()).length, 1);
    // Each retry asks under a URL of its own: Chromium would otherwise fail it from its module map.
    assert.equal(new Set(asked).size, asked.length);
    reader.assertNoProblems();
  });
});
