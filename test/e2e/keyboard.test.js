/**
 * The form with the keyboard only: Tab walks from the comment box through name,
 * email, website and consent to the button; Enter posts (and makes a new line in
 * the comment box, as in any textarea).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { commentForm, eventually, focusedInForm, openReader, strings, useDemoServer } from './support/demo.js';

describe('the comment form with the keyboard', { timeout: 120_000 }, () => {
  let demo;
  let browser;
  useDemoServer((started) => ({ demo, browser } = started));

  it('Tab goes from the comment box to name, email, website, consent and the button, and Enter on the button posts', async (t) => {
    const reader = await openReader(t, browser, demo);
    const page = await reader.openPage();
    const form = commentForm(page);
    const { keyboard } = page;

    await form.content.click();
    assert.equal(await focusedInForm(page), 'content');
    await keyboard.type('First line.');
    await keyboard.press('Enter');
    await keyboard.type('Second line.');
    assert.equal(
      await form.content.inputValue(),
      'First line.\nSecond line.',
      'Enter in the comment box makes a new line',
    );
    assert.equal(await form.statusText(), '', 'Enter in the comment box does not post');

    await keyboard.press('Tab');
    assert.equal(await focusedInForm(page), 'name');
    await keyboard.type('Olena');
    await keyboard.press('Tab');
    assert.equal(await focusedInForm(page), 'email');
    await keyboard.type('olena@example.com');
    await keyboard.press('Tab');
    assert.equal(await focusedInForm(page), 'url');
    await keyboard.type('example.com');
    await keyboard.press('Tab');
    assert.equal(await focusedInForm(page), 'remember');
    await keyboard.press('Tab');
    assert.equal(await focusedInForm(page), 'submit');

    await keyboard.press('Enter');
    await eventually(async () => assert.equal(await form.statusText(), strings.posted));
    assert.deepEqual(
      (await demo.comments()).map(({ name, url, content }) => ({ name, url, content })),
      [{ name: 'Olena', url: 'http://example.com', content: 'First line.\nSecond line.' }],
    );
    reader.assertNoProblems();
  });

  it('Enter in the website field posts the comment', async (t) => {
    const reader = await openReader(t, browser, demo);
    const page = await reader.openPage();
    const form = commentForm(page);
    await form.content.pressSequentially('Sent with Enter.');
    await form.fillIdentity();
    await form.url.press('Enter');
    await eventually(async () => assert.equal(await form.statusText(), strings.posted));
    assert.deepEqual(
      (await demo.comments()).map(({ content }) => content),
      ['Sent with Enter.'],
    );
    reader.assertNoProblems();
  });
});
