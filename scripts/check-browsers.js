/** Stops `npm test` early, with the exact command to run, when a browser the tests need is missing. */
import { browserPath, installHint, testBrowsers } from './browsers.js';

const missing = testBrowsers.filter((name) => !browserPath(name));
if (missing.length) {
  console.error('The browser tests need browsers that are not installed:');
  for (const name of missing) console.error(`  ${name}: ${installHint[name]}`);
  process.exit(1);
}
