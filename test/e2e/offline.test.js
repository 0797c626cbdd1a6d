/**
 * Real offline (Chromium's own network switch, with `navigator.onLine` and the
 * `online` event): the comment waits in the outbox and is sent once the reader is
 * back, in the same visit or on the next one.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  OFFLINE,
  commentForm,
  endpointError,
  eventually,
  openReader,
  sleep,
  strings,
  useDemoServer,
} from './support/demo.js';

describe('posting while offline in the demo page', { timeout: 120_000 }, () => {
  let demo;
  let browser;
  useDemoServer((started) => ({ demo, browser } = started));

  it('offline, the form says it will send the comment when back online and keeps the text; back online, it is posted exactly once', async (t) => {
    const reader = await openReader(t, browser, demo, { expectedErrors: [endpointError(demo, OFFLINE)] });
    const page = await reader.openPage();
    const form = commentForm(page);
    const text = 'Written on a train through a tunnel.';
    await form.content.pressSequentially(text);
    await form.fillIdentity();
    // Sent by this very visit on the `online` event: the page is never reloaded (a reload would flush the outbox too).
    let navigations = 0;
    page.on('framenavigated', (frame) => frame === page.mainFrame() && navigations++);

    await reader.context.setOffline(true);
    await form.submit.click();
    await eventually(async () => assert.equal(await form.statusText(), strings.queued));
    assert.equal(await form.content.inputValue(), text);
    await sleep(500);
    assert.deepEqual(await demo.comments(), []);

    await reader.context.setOffline(false);
    await eventually(async () => assert.equal(await form.statusText(), strings.posted), { timeout: 10000 });
    assert.equal(await form.content.inputValue(), '');
    assert.equal(navigations, 0, 'the page was reloaded');
    await sleep(500);
    assert.deepEqual(
      (await demo.comments()).map(({ content }) => content),
      [text],
    );
    reader.assertNoProblems();
  });

  it('a comment queued offline in a tab closed while offline is sent on the next visit, exactly once', async (t) => {
    const reader = await openReader(t, browser, demo, { expectedErrors: [endpointError(demo, OFFLINE)] });
    const page = await reader.openPage();
    const form = commentForm(page);
    const text = 'Queued offline, then the tab was closed.';
    await form.content.pressSequentially(text);
    await form.fillIdentity();

    await reader.context.setOffline(true);
    await form.submit.click();
    await eventually(async () => assert.equal(await form.statusText(), strings.queued));
    await page.close();
    await reader.context.setOffline(false);
    assert.deepEqual(await demo.comments(), []);

    const again = await reader.openPage();
    const formAgain = commentForm(again);
    await eventually(async () => assert.equal(await formAgain.statusText(), strings.posted), { timeout: 10000 });
    assert.equal(await formAgain.content.inputValue(), '');
    await sleep(500);
    assert.deepEqual(
      (await demo.comments()).map(({ content }) => content),
      [text],
    );
    reader.assertNoProblems();
  });
});
