/**
 * Stops `npm test` early, with the exact command to run, when a browser the tests need
 * is missing (all three, or those named in BROWSERS).
 */
import { installHint, missingFor, selectedBrowsers } from './browsers.js';

let browsers;
try {
  browsers = selectedBrowsers();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
const missing = browsers.filter((name) => missingFor(name).length);
if (missing.length) {
  console.error('The browser tests need browsers that are not installed:');
  for (const name of missing) {
    console.error(`  ${name} (${missingFor(name).join(', ')} not found): ${installHint[name]}`);
  }
  process.exit(1);
}
