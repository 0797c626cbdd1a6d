/**
 * Browser tests (`npm run test:browser`): the elements in real Chromium, real Firefox
 * (Debian's firefox-esr) and real WebKit (Debian's WebKitGTK), each with its own
 * IndexedDB, sanitizer and focus behaviour. WebKit has no Sanitizer API, so it runs the
 * DOMPurify path. BROWSERS=webkit (or any comma-separated subset) runs fewer engines.
 * TypeScript is compiled by esbuild.
 */
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { browserPath, chromiumArgs, selectedBrowsers } from './scripts/browsers.js';
import { webkitLauncher } from './scripts/webkit-launcher.js';
import { commentListMiddleware } from './test/comment-list-middleware.js';
import { commentServerMiddleware } from './test/comment-server-middleware.js';
import { demoEndpointMiddleware } from './test/demo-endpoint-middleware.js';
import { feedServerMiddleware } from './test/feed-server-middleware.js';
import { failingLocaleMiddleware } from './test/failing-locale-middleware.js';
import { failingDeliveryMiddleware } from './test/failing-delivery-middleware.js';
import { faultyEndpointMiddleware } from './test/faulty-endpoint-middleware.js';
import { forcedColorsCommand } from './test/forced-colors-command.js';

const launchers = {
  chromium: () =>
    chromeLauncher({
      launchOptions: { executablePath: browserPath('chromium'), args: chromiumArgs },
    }),
  firefox: () =>
    puppeteerLauncher({
      launchOptions: { browser: 'firefox', executablePath: browserPath('firefox'), headless: true },
    }),
  // MiniBrowser on its own virtual X display, through WebKitWebDriver (scripts/webkit-launcher.js).
  webkit: () => webkitLauncher(),
};

/**
 * Reports a failed assertion about a DOM element (`expect(slot).to.equal(null)`) as a
 * failure. Its error carries the element; the runner's page script structuredClones every
 * message it sends, which throws on nodes and functions, and the run then waits out
 * testsFinishTimeout with no word of what failed (modernweb-dev/web#2967). The script is
 * served here with a clone that describes such values instead.
 */
const reportUncloneableValues = {
  name: 'report-uncloneable-values',
  transform(context) {
    if (context.path !== '/__web-dev-server__web-socket.js' || typeof context.body !== 'string') return undefined;
    const clone = 'var target = structuredClone(obj)';
    if (!context.body.includes(clone))
      throw new Error(`${context.path} no longer has "${clone}": update reportUncloneableValues`);
    return {
      body: `${context.body.replace(clone, 'var target = cloneForReport(obj)')}
function cloneForReport(value) {
  try {
    return structuredClone(value);
  } catch {
    const seen = new WeakSet();
    return JSON.parse(JSON.stringify(value, (key, item) => {
      if (typeof item === 'function') return '[function ' + (item.name || 'anonymous') + ']';
      if (typeof Node !== 'undefined' && item instanceof Node) return item.outerHTML ?? item.nodeName;
      if (typeof item === 'object' && item !== null) {
        if (seen.has(item)) return '[seen before]';
        seen.add(item);
      }
      return item;
    }));
  }
}
`,
    };
  },
};

export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: true,
  middleware: [
    faultyEndpointMiddleware,
    commentListMiddleware,
    demoEndpointMiddleware,
    commentServerMiddleware,
    feedServerMiddleware,
    failingLocaleMiddleware,
    failingDeliveryMiddleware,
  ],
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
    forcedColorsCommand(),
    a11ySnapshotPlugin(),
    reportUncloneableValues,
  ],
  browsers: selectedBrowsers().map((name) => launchers[name]()),
  // One test file at a time in each browser (the browsers run side by side). Firefox
  // hides the tabs behind the selected one (timers at most once a second) and does not
  // activate a focused button on Enter in a window without focus; WebKitWebDriver drives
  // one window per session; and the timing-sensitive draft tests need the CPU a further
  // page would take.
  concurrency: 1,
  // One engine at a time: with two engines side by side on two cores, each engine's tests
  // ran on a shared CPU, and the ones that measure (the 500-comment list's longest task, a
  // round of the outbox before a timeout) measured the other engine's work as well.
  concurrentBrowsers: 1,
  testFramework: { config: { timeout: 20000 } },
  // The fault campaign (npm run test:campaign) runs for many minutes in one test.
  testsFinishTimeout: process.env.CAMPAIGN ? 4 * 3600_000 : 300000,
};
