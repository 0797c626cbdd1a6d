/**
 * A test runner command, `emulate-forced-colors`, for the browser tests: turns Chromium's
 * forced-colours mode (what Windows high contrast does to a page) on or off for the
 * test's page. @web/test-runner-commands' `emulateMedia` passes only `prefers-color-scheme`
 * and `prefers-reduced-motion` on. Chromium only: other browsers have no such emulation,
 * and the command answers `false` there.
 */
export function forcedColorsCommand() {
  return {
    name: 'emulate-forced-colors',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-forced-colors') return undefined;
      const page = session.browser.type === 'puppeteer' ? session.browser.getPage(session.id) : undefined;
      if (!page || !(await page.browser().version()).toLowerCase().includes('chrom')) return false;
      await page.emulateMediaFeatures([{ name: 'forced-colors', value: payload?.active ? 'active' : 'none' }]);
      return true;
    },
  };
}
