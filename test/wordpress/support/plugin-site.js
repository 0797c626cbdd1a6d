/**
 * What the WordPress plugin's tests (test/wordpress/plugin.test.js) do to the test site:
 * a site owner's wp-admin (signing in, uploading the plugin's zip, its settings),
 * WordPress's settings and themes through test/wordpress/server/plugin-site.php (php-cli),
 * readers' accounts, and WordPress's PHP error log (WP_DEBUG_LOG, set by scripts/wordpress.sh).
 *
 * Not a test file itself: `node --test test/wordpress/` runs only the `*.test.js` files.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { ZIP } from '../../../scripts/build-wordpress.js';

export { ZIP };

const dataDir = process.env.NEWS_WIDGETS_WP_DIR || join(process.env.TMPDIR || tmpdir(), 'news-widgets-wordpress');
const sitePhpFile = fileURLToPath(new URL('../server/plugin-site.php', import.meta.url));
/** The plugin as WordPress knows it: its folder (the zip's top folder) and main file. */
export const PLUGIN = 'news-widgets/news-widgets.php';

/** Runs test/wordpress/server/plugin-site.php with `args` against the site; returns what it prints. */
export async function sitePhp(wp, ...args) {
  const { stdout } = await promisify(execFile)('php', [sitePhpFile, ...args.map(String)], {
    env: { ...process.env, NEWS_WIDGETS_WP_URL: wp.origin },
  });
  return stdout.trim();
}

/**
 * The must-use plugin with the README's line that lets anyone comment through the REST
 * API (test/wordpress/server/mu-plugins/): set aside while the plugin's tests run, since
 * the plugin decides that itself; `restore()` puts it back (and `scripts/wordpress.sh
 * start` copies it again in any case).
 */
export function setAsideAnonymousCommentsLine() {
  const file = join(dataDir, 'wp-content/mu-plugins/allow-anonymous-comments.php');
  const aside = `${file}.set-aside`;
  if (existsSync(file)) renameSync(file, aside);
  return { restore: () => existsSync(aside) && renameSync(aside, file) };
}

/** A must-use plugin of a test's own (`php`, its code), such as another plugin would be; `remove()` deletes it. */
export function addMustUsePlugin(name, php) {
  const file = join(dataDir, 'wp-content/mu-plugins', name);
  writeFileSync(file, php);
  return { remove: () => rmSync(file, { force: true }) };
}

/** WordPress's PHP log (WP_DEBUG_LOG): its size now, and the lines written since. */
export function phpErrorLog() {
  const file = join(dataDir, 'debug.log');
  const size = () => (existsSync(file) ? statSync(file).size : 0);
  const start = size();
  return {
    file,
    linesSince: () =>
      existsSync(file)
        ? readFileSync(file)
            .subarray(start)
            .toString('utf8')
            .split('\n')
            .filter((line) => line.trim())
        : [],
  };
}

/** An account on the site (as the admin, through the REST API): `role` is `administrator` or `subscriber`. */
export async function newAccount(wp, who, role) {
  const account = { login: who.email.split('@')[0], password: `pw-${who.email}`, name: who.name, email: who.email };
  await wp.adminPost('/wp/v2/users', {
    username: account.login,
    password: account.password,
    email: account.email,
    name: account.name,
    roles: [role],
  });
  return account;
}

/** Plugins → Add New → Upload Plugin with the zip, then "Activate Plugin", as a site owner does. */
export async function uploadAndActivate(wp, page, zip = ZIP) {
  assert.ok(existsSync(zip), `${zip} is missing: run npm run build:wordpress (npm run test:wordpress does)`);
  await page.goto(`${wp.origin}/wp-admin/plugin-install.php?tab=upload`);
  await page.locator('#pluginzip').setInputFiles(zip);
  await Promise.all([
    page.waitForURL(/update\.php\?action=upload-plugin/),
    page.locator('#install-plugin-submit').click(),
  ]);
  assert.match(await page.locator('.wrap').textContent(), /Plugin installed successfully\./);
  await Promise.all([page.waitForURL(/plugins\.php/), page.getByRole('link', { name: 'Activate Plugin' }).click()]);
  assert.match(await page.locator('#message, .notice').first().textContent(), /Plugin activated\./);
}

/** Plugins → Deactivate, on the plugin's row. */
export async function deactivate(wp, page) {
  await page.goto(`${wp.origin}/wp-admin/plugins.php`);
  await Promise.all([
    page.waitForURL(/plugins\.php\?deactivate=true/),
    page.locator(`tr[data-plugin="${PLUGIN}"] .deactivate a`).click(),
  ]);
}

/** Settings → News Widgets: ticks or unticks the two upgrades, and saves. */
export async function setUpgrades(wp, page, { form, list }) {
  await page.goto(`${wp.origin}/wp-admin/options-general.php?page=news-widgets`);
  await page.getByRole('checkbox', { name: /^Upgrade the comment form/ }).setChecked(form);
  await page.getByRole('checkbox', { name: /^Upgrade the comments/ }).setChecked(list);
  await Promise.all([
    page.waitForURL(/settings-updated=true/),
    page.getByRole('button', { name: 'Save Changes' }).click(),
  ]);
}
