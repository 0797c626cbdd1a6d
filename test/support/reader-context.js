/**
 * A reader's browser for the Node-run tests: a fresh Playwright context (its own
 * IndexedDB, localStorage and BroadcastChannel scope), closed when the test ends, that
 * records console errors and page errors of all its pages.
 */
import assert from 'node:assert/strict';

/**
 * `expectedErrors`: `{ text, url }` of console errors the test causes on purpose;
 * `url` is a prefix of the failing resource's URL.
 */
export async function newReaderContext(t, browser, { expectedErrors = [] } = {}) {
  const context = await browser.newContext();
  t.after(() => context.close());
  const problems = [];
  context.on('console', (message) => {
    if (message.type() !== 'error') return;
    const { url } = message.location();
    if (expectedErrors.some((expected) => expected.text === message.text() && url.startsWith(expected.url))) return;
    problems.push(`console error: ${message.text()} (${url})`);
  });
  context.on('weberror', (error) => problems.push(`page error: ${error.error().stack ?? error.error().message}`));
  return {
    context,
    problems,
    assertNoProblems() {
      assert.deepEqual(problems, [], 'console errors or page errors');
    },
  };
}
