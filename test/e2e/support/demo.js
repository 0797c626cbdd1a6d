/**
 * What every end-to-end test needs: the real dev server `npm start` runs (Vite with
 * vite.config.ts, the demo page and its comment endpoint), Debian's Chromium, and a
 * reader's browser context that records every console error and page error.
 *
 * The only change to the dev server: the demo's comment endpoint keeps its comments
 * in a temporary folder instead of .demo-data/, so the tests neither read nor touch a
 * developer's demo comments. It is the same middleware (createCommentEndpoint), in the
 * same place (the plugin of the same name, which also keeps Vite's dependency cache
 * valid), and `reset()` gives each test a new, empty endpoint switched to 'none'.
 *
 * Not a test file itself: `node --test test/e2e/` runs only the `*.test.js` files.
 */
import { commentFormStrings } from '../../support/comment-form-strings.js';
import { newReaderContext } from '../../support/reader-context.js';
import { after, before, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from 'playwright-core';
import { createServer, loadConfigFromFile } from 'vite';
import { browserPath, chromiumArgs, installHint } from '../../../scripts/browsers.js';
import { createCommentEndpoint } from '../../../scripts/comment-endpoint.js';

const configFile = fileURLToPath(new URL('../../../vite.config.ts', import.meta.url));
/** The plugin in vite.config.ts that mounts the demo comment endpoint. */
const ENDPOINT_PLUGIN = 'news-widgets-demo-comments';

const retryingWords = commentFormStrings.retrying
  .split('{seconds}')
  .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
/** The words of `<comment-form>` the tests wait for, from the source. */
export const strings = {
  ...commentFormStrings,
  retrying: new RegExp(`^${retryingWords.join('\\d+')}$`),
};

/** Starts the dev server on a free port, with the comment endpoint writing to a temporary folder. */
export async function startDemoServer() {
  const dataDir = await mkdtemp(join(tmpdir(), 'news-widgets-e2e-'));
  let generation = 0;
  let endpoint;
  const reset = (options = {}) => {
    endpoint = createCommentEndpoint({ file: join(dataDir, `comments-${++generation}.json`), ...options });
  };
  reset();

  const loaded = await loadConfigFromFile({ command: 'serve', mode: 'development', isPreview: false }, configFile);
  let replaced = 0;
  const plugins = [loaded.config.plugins ?? []].flat(Infinity).map((plugin) => {
    if (plugin?.name !== ENDPOINT_PLUGIN) return plugin;
    replaced++;
    return {
      name: ENDPOINT_PLUGIN,
      configureServer(server) {
        server.middlewares.use((req, res, next) => endpoint(req, res, next));
      },
    };
  });
  if (replaced !== 1) {
    await rm(dataDir, { recursive: true, force: true });
    throw new Error(
      `vite.config.ts has ${replaced} plugins named "${ENDPOINT_PLUGIN}"; the e2e tests replace exactly one (test/e2e/support/demo.js).`,
    );
  }
  const server = await createServer({
    ...loaded.config,
    configFile: false,
    plugins,
    logLevel: 'warn',
    server: { ...loaded.config.server, port: 0, strictPort: false },
  });
  await server.listen();
  const url = server.resolvedUrls.local[0];
  const origin = new URL(url).origin;
  const endpointUrl = `${origin}/api/comments`;

  return {
    url,
    origin,
    endpointUrl,
    /** A new comment endpoint, working normally: empty, or as `options` (createCommentEndpoint's) make it. */
    reset,
    /** The comments the endpoint stored (what GET /api/comments lists). */
    async comments() {
      const response = await fetch(endpointUrl);
      assert.equal(response.status, 200);
      return response.json();
    },
    async failureMode() {
      return (await (await fetch(`${endpointUrl}/failure-mode`)).json()).mode;
    },
    async setFailureMode(mode) {
      await fetch(`${endpointUrl}/failure-mode`, { method: 'POST', body: JSON.stringify({ mode }) });
    },
    async close() {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchChromium() {
  const executablePath = browserPath('chromium');
  if (!executablePath) throw new Error(`Chromium is not installed: ${installHint.chromium}`);
  return chromium.launch({ executablePath, args: chromiumArgs });
}

/**
 * The console error Chromium logs for a request to the comment endpoint that failed
 * on purpose (offline, aborted, a 500): tests list the ones they cause, nothing else passes.
 */
export const endpointError = (demo, text) => ({ text, url: demo.endpointUrl });
export const OFFLINE = 'Failed to load resource: net::ERR_INTERNET_DISCONNECTED';
export const ABORTED = 'Failed to load resource: net::ERR_FAILED';
export const SERVER_ERROR_500 =
  'Failed to load resource: the server responded with a status of 500 (Internal Server Error)';

/**
 * A reader's browser (see test/support/reader-context.js) that opens the demo page.
 * `expectedErrors`: console errors the test causes on purpose, as `{ text, url }`.
 */
export async function openReader(t, browser, demo, options = {}) {
  const reader = await newReaderContext(t, browser, options);
  return {
    ...reader,
    /** A new tab showing the demo article, ready for typing. */
    async openPage() {
      const page = await reader.context.newPage();
      await openDemo(page, demo);
      return page;
    },
  };
}

/** Loads the demo page and waits until the article (which gives the form its post id) is on show. */
export async function openDemo(page, demo) {
  await page.goto(demo.url);
  await demoReady(page);
}

/** Waits, after a load or reload, until the article is on show and the form knows its post id. */
export async function demoReady(page) {
  await page.locator('news-article[state="ready"]').waitFor({ timeout: 15000 });
  // The form switches to the article's draft as soon as the article is provided to it.
  await page.waitForFunction(() => document.querySelector('comment-form')?.effectivePostId !== undefined);
}

/** The comment form's controls: Playwright's CSS locators pierce its open shadow root. */
export function commentForm(page) {
  const form = page.locator('comment-form');
  return {
    content: form.locator('#content'),
    name: form.locator('#name'),
    email: form.locator('#email'),
    url: form.locator('#url'),
    remember: form.locator('#remember'),
    submit: form.locator('[part~="submit"]'),
    status: form.locator('[part~="status"]'),
    notices: form.locator('[part~="draft-notice"]'),
    button: (name) => form.getByRole('button', { name, exact: true }),
    /** Name and email, which the endpoint requires. */
    async fillIdentity(name = 'Olena', email = 'olena@example.com') {
      await this.name.fill(name);
      await this.email.fill(email);
    },
    /** The status live region's text. */
    statusText: () => form.locator('[part~="status"]').textContent(),
    /** The texts of the notices on show, whitespace collapsed. */
    async noticeTexts() {
      return (await form.locator('[part~="draft-notice"]').allTextContents()).map((text) =>
        text.replace(/\s+/g, ' ').trim(),
      );
    },
  };
}

/** The texts of the comments `<comment-list>` shows under the article, in reading order. */
export function shownComments(page) {
  return page
    .locator('comment-list article [part~="content"]')
    .evaluateAll((contents) => contents.map((content) => content.textContent.trim()));
}

/** The id (or part) of the focused control inside the comment form's shadow root. */
export function focusedInForm(page) {
  return page.evaluate(() => {
    const form = document.querySelector('comment-form');
    if (document.activeElement !== form) return `outside the form: ${document.activeElement?.tagName}`;
    const focused = form.shadowRoot.activeElement;
    return focused?.id || focused?.getAttribute('part') || String(focused?.tagName);
  });
}

/**
 * The drafts the page's storage keeps: the text of each live `draft:` entry in the
 * `news-widgets` IndexedDB database and the localStorage fallback (src/comment/comment-store.ts),
 * one per key: the synchronous copy a draft gets when the page is left or a comment is sent
 * is the same draft. Used to check that "empty after a reload" is not just a restore that
 * has not happened yet.
 */
export function storedDrafts(page) {
  return page.evaluate(async () => {
    const texts = new Map();
    const request = (req) =>
      new Promise(
        (resolve, reject) => ((req.onsuccess = () => resolve(req.result)), (req.onerror = () => reject(req.error))),
      );
    if ((await indexedDB.databases()).some((database) => database.name === 'news-widgets')) {
      const db = await request(indexedDB.open('news-widgets'));
      try {
        if (db.objectStoreNames.contains('drafts')) {
          const store = db.transaction('drafts').objectStore('drafts');
          const [keys, values] = await Promise.all([request(store.getAllKeys()), request(store.getAll())]);
          keys.forEach(
            (key, i) => String(key).startsWith('draft:') && values[i]?.value && texts.set(key, values[i].value.content),
          );
        }
      } finally {
        db.close();
      }
    }
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (!key.startsWith('news-widgets:draft:')) continue;
      const entry = JSON.parse(localStorage.getItem(key));
      if (entry?.value && !texts.has(key.slice('news-widgets:'.length)))
        texts.set(key.slice('news-widgets:'.length), entry.value.content);
    }
    return [...texts.values()];
  });
}

/** Retries `check` (an async assertion) until it passes; after `timeout` ms its last failure is the test's. */
export async function eventually(check, { timeout = 5000, interval = 50 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    await sleep(interval);
  }
}

export { sleep };

/** Types a comment with the endpoint's required name and email, posts it, and waits for the form's `posted` words. */
export async function postComment(page, content, posted = strings.posted) {
  const form = commentForm(page);
  await form.content.fill(content);
  await form.fillIdentity();
  await form.submit.click();
  await eventually(async () => assert.equal(await form.statusText(), posted), { timeout: 15_000 });
}

/**
 * Starts the demo server and Chromium once for a `describe` block, stops them after
 * it, and resets the endpoint before each test. `assign` receives both when started.
 */
export function useDemoServer(assign, { resetEach = true } = {}) {
  let started;
  before(async () => {
    const [demo, browser] = await Promise.all([startDemoServer(), launchChromium()]);
    assign((started = { demo, browser }));
  });
  after(async () => {
    await started?.browser.close();
    await started?.demo.close();
  });
  if (resetEach) beforeEach(() => started.demo.reset());
}
