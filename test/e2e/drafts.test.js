/**
 * Drafts, as a reader meets them in a real page: typed with real key presses, kept
 * across real reloads and a closed tab, and gone for good once the comment is posted.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  commentForm,
  demoReady,
  eventually,
  openReader,
  sleep,
  storedDrafts,
  strings,
  useDemoServer,
} from './support/demo.js';

/** Long enough for the form to have restored a draft, if it had one, after the article appeared. */
const SETTLE_MS = 1000;

describe('drafts in the demo page', { timeout: 120_000 }, () => {
  let demo;
  let browser;
  useDemoServer((started) => ({ demo, browser } = started));

  it('after a reload the typed text is back, the status says "Draft restored.", and "Discard draft" empties it for good', async (t) => {
    const reader = await openReader(t, browser, demo);
    const page = await reader.openPage();
    const form = commentForm(page);
    const text = 'The talks in Antalya were doomed from the start.';
    await form.content.pressSequentially(text);
    await sleep(2500);

    await page.reload();
    await demoReady(page);
    await eventually(async () => assert.equal(await form.content.inputValue(), text));
    await eventually(async () => assert.equal(await form.statusText(), strings.draftRestored));
    assert.deepEqual(await form.noticeTexts(), [`${strings.draftRestored} ${strings.discardDraft}`]);

    await form.button(strings.discardDraft).click();
    await eventually(async () => assert.equal(await form.content.inputValue(), ''));
    assert.equal(await form.statusText(), strings.draftDiscarded);
    assert.deepEqual(await form.noticeTexts(), []);

    await page.reload();
    await demoReady(page);
    await sleep(SETTLE_MS);
    assert.deepEqual(await storedDrafts(page), []);
    assert.equal(await form.content.inputValue(), '');
    assert.deepEqual(await form.noticeTexts(), []);
    assert.equal(await form.statusText(), '');
    reader.assertNoProblems();
  });

  it('a reload right after the last key press (inside the save delay) brings back every keystroke', async (t) => {
    const reader = await openReader(t, browser, demo);
    const page = await reader.openPage();
    const form = commentForm(page);
    const text = 'Typed and reloaded at once';
    await form.content.pressSequentially(text);
    await page.reload();

    await demoReady(page);
    await eventually(async () =>
      assert.equal(await form.content.inputValue(), text, 'the text typed just before the reload is not back'),
    );
    assert.equal(await form.statusText(), strings.draftRestored);
    reader.assertNoProblems();
  });

  it('a tab closed right after the last key press brings the draft back in a new tab', async (t) => {
    const reader = await openReader(t, browser, demo);
    const page = await reader.openPage();
    const text = 'Typed, then the tab was closed';
    await commentForm(page).content.pressSequentially(text);
    await page.close();

    const again = await reader.openPage();
    const form = commentForm(again);
    await eventually(async () =>
      assert.equal(await form.content.inputValue(), text, 'the text typed just before the tab was closed is not back'),
    );
    assert.equal(await form.statusText(), strings.draftRestored);
    reader.assertNoProblems();
  });

  it('a posted comment never comes back as a draft after a reload, and is stored exactly once', async (t) => {
    const reader = await openReader(t, browser, demo);
    const page = await reader.openPage();
    const form = commentForm(page);
    const text = 'Posted, so never a draft again.';
    await form.content.pressSequentially(text);
    await form.fillIdentity();
    await form.submit.click();
    await eventually(async () => assert.equal(await form.statusText(), strings.posted));
    assert.equal(await form.content.inputValue(), '');

    await page.reload();
    await demoReady(page);
    await sleep(SETTLE_MS);
    assert.equal(await form.content.inputValue(), '');
    assert.deepEqual(await form.noticeTexts(), []);
    assert.notEqual(await form.statusText(), strings.draftRestored);
    assert.deepEqual(await storedDrafts(page), []);
    const comments = await demo.comments();
    assert.deepEqual(
      comments.map(({ content, name }) => ({ content, name })),
      [{ content: text, name: 'Olena' }],
    );
    reader.assertNoProblems();
  });
});
