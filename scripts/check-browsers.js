/**
 * The first step of `npm test`: the browsers the tests need (all three, or those named in
 * BROWSERS) must be installed. Run as root on Debian, it installs the missing ones' Debian
 * packages itself, saying which and why; otherwise it prints the command to run as root
 * (or, off Debian, how to point the tests at browsers installed elsewhere) and stops the run.
 */
import { debianPackages, missingFor, pathVariables, selectedBrowsers } from './browsers.js';
import { ensurePackages, thisMachine } from './debian-packages.js';

let browsers;
try {
  browsers = selectedBrowsers();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

const missingBrowsers = () => browsers.filter((name) => missingFor(name).length);
const notFound = (name) => `${name} (${missingFor(name).join(', ')} not found)`;

let missing = missingBrowsers();
if (!missing.length) process.exit(0);

const machine = thisMachine();
if (machine.apt) {
  const packages = Object.assign({}, ...missing.map((name) => debianPackages[name]));
  const outcome = await ensurePackages(packages, { purpose: 'the browser tests', machine });
  if (outcome !== 'ready') process.exit(1);
  missing = missingBrowsers();
  if (!missing.length) process.exit(0);
}

console.error(`The browser tests need browsers that are not installed: ${missing.map(notFound).join(', ')}.`);
console.error(
  machine.apt
    ? 'Tell the tests where they are:'
    : "This is not Debian (no apt-get or dpkg-query): install them with your system's packages and tell the tests where they are:",
);
for (const name of missing) console.error(`  ${name}: set ${pathVariables[name]}`);
console.error(
  'Or run the browser tests in fewer engines: BROWSERS names them, comma-separated (chromium, firefox, webkit), ' +
    'as in BROWSERS=firefox npm test; the end-to-end tests (npm run test:demo) use Chromium whatever BROWSERS says.',
);
process.exit(1);
