/**
 * Failures between the form and the server: an answer lost on its way back (the
 * comment landed, the browser saw a network error) and the demo's own switch that
 * makes the endpoint answer 500. Retries must never post a comment twice.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ABORTED,
  SERVER_ERROR_500,
  commentForm,
  demoReady,
  endpointError,
  eventually,
  openDemo,
  openReader,
  shownComments,
  sleep,
  storedDrafts,
  strings,
  useDemoServer,
} from './support/demo.js';

describe('retries in the demo page', { timeout: 120_000 }, () => {
  let demo;
  let browser;
  useDemoServer((started) => ({ demo, browser } = started));

  it('when the answer to a comment that landed is lost, the retry (same Idempotency-Key) posts it exactly once and the draft is cleared', async (t) => {
    const reader = await openReader(t, browser, demo, { expectedErrors: [endpointError(demo, ABORTED)] });
    const page = await reader.context.newPage();
    const posts = [];
    await page.route('**/api/comments', async (route) => {
      const request = route.request();
      if (request.method() !== 'POST') return route.continue();
      posts.push(request.headers()['idempotency-key']);
      if (posts.length > 1) return route.continue();
      // The first attempt reaches the server, which stores the comment; the browser never hears the answer.
      const response = await route.fetch();
      assert.equal(response.status(), 201);
      await route.abort('failed');
    });
    await openDemo(page, demo);
    const form = commentForm(page);
    const text = 'My answer got lost in the network.';
    await form.content.pressSequentially(text);
    await form.fillIdentity();
    await form.submit.click();

    await eventually(async () => assert.match(await form.statusText(), strings.retrying));
    await eventually(async () => assert.equal(await form.statusText(), strings.posted), { timeout: 10000 });
    assert.equal(posts.length, 2, 'one attempt and one retry');
    assert.ok(posts[0], 'the first attempt carries an Idempotency-Key');
    assert.equal(posts[1], posts[0], 'the retry carries the same Idempotency-Key');
    assert.equal(await form.content.inputValue(), '');
    assert.deepEqual(
      (await demo.comments()).map(({ content }) => content),
      [text],
    );

    // The draft is gone, and nothing is sent again on the next visit.
    await page.reload();
    await demoReady(page);
    await sleep(1000);
    assert.equal(await form.content.inputValue(), '');
    assert.deepEqual(await storedDrafts(page), []);
    assert.equal(posts.length, 2);
    assert.equal((await demo.comments()).length, 1);
    reader.assertNoProblems();
  });

  it('with the demo switched to fail with 500, the form says it will try again; switched back, the comment arrives exactly once', async (t) => {
    const reader = await openReader(t, browser, demo, { expectedErrors: [endpointError(demo, SERVER_ERROR_500)] });
    const page = await reader.openPage();
    const form = commentForm(page);
    let posts = 0;
    page.on('request', (request) => request.url() === demo.endpointUrl && request.method() === 'POST' && posts++);

    await page.getByLabel('fail with a server error (500)').check();
    await eventually(async () => assert.equal(await demo.failureMode(), '500'));
    const text = 'Posted while the server was down.';
    await form.content.pressSequentially(text);
    await form.fillIdentity();
    await form.submit.click();

    await eventually(async () => assert.match(await form.statusText(), strings.retrying));
    assert.equal(await form.content.inputValue(), text);
    assert.deepEqual(await demo.comments(), []);

    await page.getByLabel('work normally').check();
    await eventually(async () => assert.equal(await demo.failureMode(), 'none'));
    await eventually(async () => assert.equal(await form.statusText(), strings.posted), { timeout: 10000 });
    assert.ok(posts >= 2, `at least one retry after the 500 (${posts} requests)`);
    assert.equal(await form.content.inputValue(), '');
    await sleep(500);
    assert.deepEqual(
      (await demo.comments()).map(({ content }) => content),
      [text],
    );
    // The conversation under the article shows it once too.
    await eventually(async () => assert.deepEqual(await shownComments(page), [text]));
    reader.assertNoProblems();
  });
});
