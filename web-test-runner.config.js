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
import { browserPath, chromiumArgs, selectedBrowsers } from './scripts/browsers.js';
import { webkitLauncher } from './scripts/webkit-launcher.js';
import { commentServerMiddleware } from './test/comment-server-middleware.js';
import { demoEndpointMiddleware } from './test/demo-endpoint-middleware.js';
import { feedServerMiddleware } from './test/feed-server-middleware.js';
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

export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: true,
  middleware: [demoEndpointMiddleware, commentServerMiddleware, feedServerMiddleware],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }), forcedColorsCommand()],
  browsers: selectedBrowsers().map((name) => launchers[name]()),
  // One test file at a time in each browser (the browsers run side by side). Firefox
  // hides the tabs behind the selected one (timers at most once a second) and does not
  // activate a focused button on Enter in a window without focus; WebKitWebDriver drives
  // one window per session; and the timing-sensitive draft tests need the CPU a further
  // page would take.
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 300000,
};
