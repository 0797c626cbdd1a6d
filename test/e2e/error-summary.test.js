/**
 * The "There is a problem" summary of the demo's <comment-form>, as `npm start` serves
 * it in Debian's Chromium: after an empty submit, in each look the demo offers, light
 * and dark, each link is a target of at least 24 × 24 CSS px, stacked apart from the
 * next (WCAG 2.2, 2.5.8 Target Size), and the page passes axe with the WCAG 2.2 rules.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { commentForm, openReader, useDemoServer } from './support/demo.js';
import { axeViolations } from './support/axe.js';
import { commentFormStrings } from '../support/comment-form-strings.js';

const MIN_TARGET = 24;
/** The demo's looks and the reader's colour preference, as its own axe test visits them. */
const LOOKS = [
  ['default', 'light'],
  ['default', 'dark'],
  ['dark', 'light'],
  ['newspaper', 'light'],
];

describe('the error summary on the demo page', { timeout: 180_000 }, () => {
  let demo;
  let browser;
  useDemoServer((started) => ({ demo, browser } = started));

  it('gives each link at least 24 × 24 px in every look, light and dark, and passes axe with the WCAG 2.2 rules', async (t) => {
    const reader = await openReader(t, browser, demo);
    const page = await reader.openPage();
    const form = commentForm(page);
    const links = page.locator('comment-form [part~="error-summary"] a');
    for (const [look, scheme] of LOOKS) {
      const label = `${look} look, ${scheme} preference`;
      await page.emulateMedia({ colorScheme: scheme });
      await page.getByLabel('Look', { exact: true }).selectOption(look);
      await form.submit.click();
      await links.first().waitFor();
      const boxes = await links.evaluateAll((all) =>
        all.map((link) => {
          const { top, bottom, width, height } = link.getBoundingClientRect();
          return { text: link.textContent.trim(), top, bottom, width, height };
        }),
      );
      assert.deepEqual(
        boxes.map((box) => box.text),
        [commentFormStrings.requiredComment, commentFormStrings.requiredName, commentFormStrings.requiredEmail],
        label,
      );
      for (const { text, width, height } of boxes) {
        assert.ok(width >= MIN_TARGET && height >= MIN_TARGET, `${label}: "${text}" is ${width} × ${height} px`);
      }
      for (let i = 1; i < boxes.length; i++) {
        assert.ok(
          boxes[i].top >= boxes[i - 1].bottom,
          `${label}: "${boxes[i].text}" starts below "${boxes[i - 1].text}"`,
        );
      }
      assert.deepEqual(await axeViolations(page), [], label);
    }
    reader.assertNoProblems();
  });
});
