/**
 * Where the browsers the tests drive live, and which of them a run uses. npm tools
 * cannot download browsers on the machines this project is built on, so the tests use
 * Debian's packages.
 */
import { existsSync, readdirSync } from 'node:fs';

import { installCommand, thisMachine } from './debian-packages.js';

/** WebKitGTK's MiniBrowser, in whichever multiarch folder and API version Debian installed. */
function miniBrowserPaths() {
  const libs = ['/usr/lib', '/usr/libexec'];
  const paths = [];
  for (const lib of libs) {
    let entries;
    try {
      entries = readdirSync(lib);
    } catch {
      continue;
    }
    for (const folder of ['', ...entries.filter((name) => /-linux-gnu/.test(name)).map((name) => `${name}/`)]) {
      // webkit2gtk-4.1 first: Debian's webkit2gtk-driver (WebKitWebDriver) is built against it.
      for (const api of ['webkit2gtk-4.1', 'webkitgtk-6.0', 'webkit2gtk-4.0']) {
        paths.push(`${lib}/${folder}${api}/MiniBrowser`);
      }
    }
  }
  return paths;
}

const candidates = {
  chromium: [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'],
  firefox: [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'],
  webkit: [process.env.MINIBROWSER_PATH, ...miniBrowserPaths()],
  webkitWebDriver: [process.env.WEBKIT_WEBDRIVER_PATH, '/usr/bin/WebKitWebDriver'],
  xvfb: ['/usr/bin/Xvfb'],
};

/** The path of a browser (or of a program one needs), or undefined when it is not installed. */
export function browserPath(name) {
  return candidates[name].find((path) => path && existsSync(path));
}

/** The browsers the browser tests run in (`npm test` needs each of them). */
export const testBrowsers = ['chromium', 'firefox', 'webkit'];

/** What each browser needs installed: WebKit runs as MiniBrowser, through its WebDriver, on a virtual display. */
const needs = {
  chromium: ['chromium'],
  firefox: ['firefox'],
  webkit: ['webkit', 'webkitWebDriver', 'xvfb'],
};

/** The Debian packages each browser comes from, with why each is needed (scripts/check-browsers.js installs them). */
export const debianPackages = {
  chromium: { chromium: 'Chromium' },
  firefox: { 'firefox-esr': 'Firefox' },
  webkit: {
    'webkit2gtk-driver': "WebKit: WebKitGTK's MiniBrowser and WebKitWebDriver, which drives it",
    xvfb: 'a virtual X display for WebKit to run on',
    xauth: "Xvfb's authority files",
  },
};

/** The variables that point the tests at a browser installed elsewhere. */
export const pathVariables = {
  chromium: 'CHROMIUM_PATH to a Chromium or Chrome binary',
  firefox: 'FIREFOX_PATH to a Firefox binary',
  webkit:
    "MINIBROWSER_PATH and WEBKIT_WEBDRIVER_PATH to WebKitGTK's MiniBrowser and WebKitWebDriver, with Xvfb at /usr/bin/Xvfb",
};

/** How to install each browser on Debian, as the user running this can (root, sudo, or su). */
export const installHint = Object.fromEntries(
  testBrowsers.map((name) => [
    name,
    `${installCommand(Object.keys(debianPackages[name]), thisMachine())}   (or set ${pathVariables[name]})`,
  ]),
);

const programNames = {
  chromium: 'Chromium',
  firefox: 'Firefox',
  webkit: 'MiniBrowser',
  webkitWebDriver: 'WebKitWebDriver',
  xvfb: 'Xvfb',
};

/** The programs a browser needs that are not installed, by name (none when it can run). */
export function missingFor(browser) {
  return needs[browser].filter((name) => !browserPath(name)).map((name) => programNames[name]);
}

/**
 * The browsers this run uses: all of them, or those named in BROWSERS
 * (comma-separated, e.g. `BROWSERS=webkit npx wtr --files test/browser/sanitize.test.ts`).
 */
export function selectedBrowsers(value = process.env.BROWSERS) {
  if (!value?.trim()) return testBrowsers;
  const names = value
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  const unknown = names.filter((name) => !testBrowsers.includes(name));
  if (unknown.length) {
    throw new Error(`BROWSERS names ${unknown.join(', ')}; the browsers are ${testBrowsers.join(', ')}`);
  }
  return names;
}

/** Flags Chromium needs to start headless, as root, on a machine with no outside network. */
export const chromiumArgs = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Tests run in several pages at once: keep timers and animation frames running in the ones behind.
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
];
