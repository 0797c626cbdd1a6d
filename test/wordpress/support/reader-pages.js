/**
 * A reader with up to two tabs on one page with a `<comment-form>` posting to the real
 * WordPress, for the fault campaign (pending-comment-campaign.test.js): each tab is a page
 * of one browser context, so the tabs share IndexedDB, localStorage, Web Locks and
 * BroadcastChannel as a reader's tabs do, and each keeps its own sessionStorage. What the
 * reader does goes through the form's own controls: the box, the fields, the buttons.
 * Each step that reads and then acts (a box that must accept typing, the text a press of
 * "Post Comment" sends) runs in the page in one go, so nothing can change in between.
 *
 * Not a test file itself: `node --test test/wordpress/` runs only the `*.test.js` files.
 */
import { setTimeout as sleep } from 'node:timers/promises';

import { formReady } from './wordpress.js';

/** In the page: the form's control or button, found as the reader finds it. */
const IN_PAGE = `
  const form = () => document.querySelector('comment-form');
  const part = (selector) => form()?.shadowRoot?.querySelector(selector) ?? null;
  const button = (words) =>
    [...(form()?.shadowRoot?.querySelectorAll('button') ?? [])].find((b) => b.textContent.trim() === words);
  const type = (control, text) => {
    if (!control || control.readOnly) return false;
    control.focus();
    control.value += text;
    control.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: text }));
    return true;
  };
`;
const inPage = (body) => `(() => { ${IN_PAGE} ${body} })()`;

export class ReaderPages {
  /** Open tabs, oldest first. */
  tabs = [];

  /** `identity`: `{ name, email }`, given when the fields are empty at a press of "Post Comment". */
  constructor(context, url, identity) {
    this.context = context;
    this.url = url;
    this.identity = identity;
  }

  /** Opens a tab on the page; resolves once its form shows and has had a moment to restore. */
  async openTab() {
    const page = await this.context.newPage();
    this.tabs.push(page);
    await page.goto(this.url);
    await this.#ready(page);
    return page;
  }

  async reload(page) {
    await page.reload();
    await this.#ready(page);
  }

  /** Closes a tab as a reader does (the page is hidden and unloaded). */
  async close(page) {
    this.tabs.splice(this.tabs.indexOf(page), 1);
    await page.close();
  }

  tab(index) {
    return this.tabs[index % this.tabs.length];
  }

  /** Types `text` at the end of the comment box; false when the box does not take typing (a comment waits in it). */
  type(page, text) {
    return page.evaluate(`${inPage(`return type(part('#content'), ${JSON.stringify(text)});`)}`);
  }

  /**
   * Presses "Post Comment", after giving the reader's name and email if the fields are
   * empty. Resolves to the text the box showed, trimmed, when the box could be sent (not a
   * comment waiting in it), else undefined.
   */
  submit(page) {
    const { name, email } = this.identity;
    return page.evaluate(
      inPage(`
        for (const [field, value] of [['#name', ${JSON.stringify(name)}], ['#email', ${JSON.stringify(email)}]])
          if (!part(field).value) type(part(field), value);
        const box = part('#content');
        const shown = !box.readOnly && box.value.trim() ? box.value.trim() : undefined;
        part('[part~="submit"]').click();
        return shown;
      `),
    );
  }

  /** Presses a button of the form by its words, if it is on show and available; says whether it was. */
  press(page, words) {
    return page.evaluate(
      inPage(`
        const found = button(${JSON.stringify(words)});
        if (!found || found.getAttribute('aria-disabled') === 'true') return false;
        found.click();
        return true;
      `),
    );
  }

  /** The comment box: what it shows and whether a comment waits in it. */
  box(page) {
    return page.evaluate(inPage(`const box = part('#content'); return { value: box.value, readOnly: box.readOnly };`));
  }

  status(page) {
    return page.evaluate(inPage(`return part('[part~="status"]')?.textContent.trim() ?? '';`));
  }

  /** The reader comes back to the box: the form's engine is asked for then, if it has not come yet. */
  focus(page) {
    return page.evaluate(inPage(`part('#content').focus();`));
  }

  /**
   * Whether the form's engine (its chunk, `news-widgets-comment-engine-*.js`) has arrived in the
   * page: until then the form shows what was typed, not what was kept or waits to be sent.
   */
  engineArrived(page) {
    return page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .some(({ name, responseEnd }) => responseEnd > 0 && /\/news-widgets-comment-engine-[\w-]+\.js$/.test(name)),
    );
  }

  /**
   * The texts kept aside in this browser: the versions of a comment the form keeps beside
   * its draft and offers ("Another version of this comment is kept in this browser"), under
   * `<key>|other-version` in the `news-widgets` IndexedDB database or its localStorage fallback.
   */
  keptAside(page) {
    return page.evaluate(async () => {
      const texts = [];
      const kept = (key) => String(key).startsWith('draft:') && String(key).endsWith('|other-version');
      if ((await indexedDB.databases()).some((database) => database.name === 'news-widgets')) {
        const db = await new Promise((resolve, reject) => {
          const opening = indexedDB.open('news-widgets');
          opening.onsuccess = () => resolve(opening.result);
          opening.onerror = () => reject(opening.error);
        });
        if (db.objectStoreNames.contains('drafts'))
          // One pass over the drafts, each entry `{ value: { content, … } }` (src/comment/storage-areas.ts).
          await new Promise((resolve, reject) => {
            const cursor = db.transaction('drafts').objectStore('drafts').openCursor();
            cursor.onerror = () => reject(cursor.error);
            cursor.onsuccess = () => {
              const entry = cursor.result;
              if (!entry) return resolve();
              if (kept(entry.key) && entry.value?.value) texts.push(entry.value.value.content);
              entry.continue();
            };
          });
        db.close();
      }
      for (const key of Object.keys(localStorage)) {
        const entry = kept(key.replace(/^news-widgets:/, '')) && JSON.parse(localStorage.getItem(key));
        if (entry?.value) texts.push(entry.value.content);
      }
      return texts;
    });
  }

  async #ready(page) {
    await formReady(page);
    // Its draft and outbox are read from IndexedDB: a moment, as a reader's first keystroke takes.
    await sleep(120);
  }
}
