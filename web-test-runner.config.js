/**
 * Browser tests (`npm run test:browser`): the elements in real Chromium, with real
 * IndexedDB and the browser's own sanitizer. TypeScript is compiled by esbuild.
 */
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
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
  ],
  concurrency: 2,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 300000,
};
