/**
 * Browser tests (`npm run test:browser`): the elements in real Chromium and real Firefox
 * (Debian's firefox-esr), each with its own IndexedDB, sanitizer and focus behaviour.
 * TypeScript is compiled by esbuild.
 */
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { browserPath, chromiumArgs } from './scripts/browsers.js';
import { commentServerMiddleware } from './test/comment-server-middleware.js';
import { demoEndpointMiddleware } from './test/demo-endpoint-middleware.js';
import { feedServerMiddleware } from './test/feed-server-middleware.js';

export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: true,
  middleware: [demoEndpointMiddleware, commentServerMiddleware, feedServerMiddleware],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: browserPath('chromium'), args: chromiumArgs },
    }),
    puppeteerLauncher({
      launchOptions: { browser: 'firefox', executablePath: browserPath('firefox'), headless: true },
    }),
  ],
  // One test file at a time in each browser (both browsers run side by side). Firefox
  // hides the tabs behind the selected one (timers at most once a second) and does not
  // activate a focused button on Enter in a window without focus; and the timing-sensitive
  // draft tests need the CPU a third page would take.
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 300000,
};
