/**
 * Two tabs of one browser on the same article, so on the same draft: each tab is
 * told what the other typed, neither loses its own text to the other, and each
 * tab's comment lands exactly once.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { commentForm, demoReady, eventually, openReader, sleep, strings, useDemoServer } from './support/demo.js';

/** Long enough for the form to have restored a draft, if it had one, after the article appeared. */
const SETTLE_MS = 1000;
/** The save delay is 0.7 s after the last key press; another tab hears of the save at once. */
const SAVED_MS = 5000;

const otherTabNotice = `${strings.otherTab} ${strings.useOtherTab}`;

describe('two tabs on the same article', { timeout: 120_000 }, () => {
  let demo;
  let browser;
  useDemoServer((started) => ({ demo, browser } = started));

  it('tab B says the comment is being edited in another tab, and its button loads tab A’s text', async (t) => {
    const reader = await openReader(t, browser, demo);
    const tabA = await reader.openPage();
    const tabB = await reader.openPage();
    const formA = commentForm(tabA);
    const formB = commentForm(tabB);
    const text = 'Started in tab A.';
    await formA.content.pressSequentially(text);

    await eventually(async () => assert.deepEqual(await formB.noticeTexts(), [otherTabNotice]), { timeout: SAVED_MS });
    assert.equal(await formB.content.inputValue(), '', 'tab B shows nothing until the reader asks for tab A’s text');
    await formB.button(strings.useOtherTab).click();
    assert.equal(await formB.content.inputValue(), text);
    assert.deepEqual(await formB.noticeTexts(), []);
    reader.assertNoProblems();
  });

  it('when tab A saves its text, tab B keeps its own text on screen and is told about tab A', async (t) => {
    const reader = await openReader(t, browser, demo);
    const tabA = await reader.openPage();
    const tabB = await reader.openPage();
    const formA = commentForm(tabA);
    const formB = commentForm(tabB);
    const textB = 'Tab B’s own words.';
    const textA = 'Tab A’s different words.';
    await formB.content.pressSequentially(textB);
    await eventually(async () => assert.deepEqual(await formA.noticeTexts(), [otherTabNotice]), { timeout: SAVED_MS });

    await formA.content.pressSequentially(textA);
    await eventually(async () => assert.deepEqual(await formB.noticeTexts(), [otherTabNotice]), { timeout: SAVED_MS });
    await sleep(SETTLE_MS);
    assert.equal(await formB.content.inputValue(), textB);
    assert.equal(await formA.content.inputValue(), textA);
    reader.assertNoProblems();
  });

  it('tab B’s saved draft survives tab A saving its own text: after tab B reloads, tab B’s text is back', async (t) => {
    const reader = await openReader(t, browser, demo);
    const tabA = await reader.openPage();
    const tabB = await reader.openPage();
    const formA = commentForm(tabA);
    const formB = commentForm(tabB);
    const textB = 'Tab B’s own words, saved.';
    const textA = 'Tab A’s different words, saved later.';
    await formB.content.pressSequentially(textB);
    // Tab A hears of tab B's save: tab B's draft is stored.
    await eventually(async () => assert.deepEqual(await formA.noticeTexts(), [otherTabNotice]), { timeout: SAVED_MS });
    await formA.content.pressSequentially(textA);
    await eventually(async () => assert.deepEqual(await formB.noticeTexts(), [otherTabNotice]), { timeout: SAVED_MS });

    await tabB.reload();
    await demoReady(tabB);
    await sleep(SETTLE_MS);
    assert.equal(
      await formB.content.inputValue(),
      textB,
      'tab B’s reload brought back tab A’s text: tab B’s own saved draft is gone',
    );
    reader.assertNoProblems();
  });

  it('each tab posts its own comment, and each lands exactly once', async (t) => {
    const reader = await openReader(t, browser, demo);
    const tabA = await reader.openPage();
    const tabB = await reader.openPage();
    const formA = commentForm(tabA);
    const formB = commentForm(tabB);
    const textB = 'Comment from tab B.';
    const textA = 'Comment from tab A.';
    await formB.content.pressSequentially(textB);
    await formB.fillIdentity('Bohdan', 'bohdan@example.com');
    await eventually(async () => assert.deepEqual(await formA.noticeTexts(), [otherTabNotice]), { timeout: SAVED_MS });
    await formA.content.pressSequentially(textA);
    await formA.fillIdentity('Anna', 'anna@example.com');
    await eventually(async () => assert.deepEqual(await formB.noticeTexts(), [otherTabNotice]), { timeout: SAVED_MS });

    await formA.submit.click();
    await eventually(async () => assert.equal(await formA.statusText(), strings.posted));
    assert.equal(await formA.content.inputValue(), '');
    await sleep(SETTLE_MS);
    assert.equal(await formB.content.inputValue(), textB, 'tab A’s post leaves tab B’s text alone');

    await formB.submit.click();
    await eventually(async () => assert.equal(await formB.statusText(), strings.posted));
    assert.equal(await formB.content.inputValue(), '');
    await sleep(SETTLE_MS);
    assert.deepEqual(
      (await demo.comments()).map(({ name, content }) => ({ name, content })),
      [
        { name: 'Anna', content: textA },
        { name: 'Bohdan', content: textB },
      ],
    );
    reader.assertNoProblems();
  });
});
