/**
 * Where the browsers the tests drive live. npm tools cannot download browsers on
 * the machines this project is built on, so the tests use Debian's packages.
 */
import { existsSync } from 'node:fs';

const candidates = {
  chromium: [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'],
  firefox: [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'],
};

/** The path of a browser, or undefined when it is not installed. */
export function browserPath(name) {
  return candidates[name].find((path) => path && existsSync(path));
}

/** How to install each browser on Debian. */
export const installHint = {
  chromium: 'sudo apt-get update && sudo apt-get install -y chromium   (or set CHROMIUM_PATH to a Chromium/Chrome binary)',
  firefox: 'sudo apt-get update && sudo apt-get install -y firefox-esr   (or set FIREFOX_PATH to a Firefox binary)',
};

/** The browsers the browser tests run in (`npm test` needs each of them). */
export const testBrowsers = ['chromium', 'firefox'];

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
