/**
 * What `npm start` gives a developer: the Vite dev server serving the demo page,
 * opened in Debian's Chromium. The seed article renders with no console error; a
 * person can pick a real corpus feed and item, a language (Arabic right to left), a
 * look and the comment endpoint's behaviour, every choice survives a reload, the event
 * log shows what the elements fired, and the page passes axe.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { transformSync } from 'esbuild';
import {
  SERVER_ERROR_500,
  commentForm,
  endpointError,
  eventually,
  launchChromium,
  openReader,
  shownComments,
  startDemoServer,
  useDemoServer,
} from './support/demo.js';
import { axeViolations } from './support/axe.js';
import { fillIn } from '../support/comment-form-strings.js';

const CORPUS = new URL('../fixtures/corpus/', import.meta.url);
const ELASTIC_FEED = JSON.parse(
  readFileSync(
    new URL('feeds/feed-rs__feed-rs__feed-rs__fixture__jsonfeed__jsonfeed_elastic_1.1.json', CORPUS),
    'utf8',
  ),
);

/** The Arabic words of <comment-form>, from src/comment/locales/comment-form.ar.ts and comment-engine.ar.ts themselves. */
const arabic = Object.assign(
  {},
  ...(await Promise.all(
    ['comment-form', 'comment-engine'].map(async (name) => {
      const source = readFileSync(new URL(`../../src/comment/locales/${name}.ar.ts`, import.meta.url), 'utf8');
      const { code } = transformSync(source, { loader: 'ts', format: 'esm' });
      return (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)).default;
    }),
  )),
);
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const arabicRetrying = new RegExp(
  `^${fillIn(arabic.retrying, { seconds: '§' }).split('§').map(escape).join('[\\d٠-٩]+')}$`,
);

/** One of the demo's settings, by its label. */
const setting = (page, label) => page.getByLabel(label, { exact: true });
/** The feeds the picker offers, once the list of corpus feeds has arrived. */
async function offeredFeeds(page) {
  const options = setting(page, 'Feed').locator('option');
  await eventually(async () => assert.ok((await options.count()) > 1, 'the corpus feeds are listed'));
  return options.evaluateAll((all) => all.map((option) => option.value));
}

/** The event types in the demo's log, newest first. */
const loggedEvents = (page) => page.locator('#event-log .event-type').allTextContents();

describe('the demo page, as npm start serves it', { timeout: 180_000 }, () => {
  let demo;
  let browser;
  useDemoServer((started) => ({ demo, browser } = started));

  it('shows the seed article, with no console error', async (t) => {
    const reader = await openReader(t, browser, demo);
    const page = await reader.openPage();
    const article = page.locator('news-article');
    assert.equal(
      await article.locator('h1[part~="headline"]').textContent(),
      'Ukraine claims that discussions with Russia in Turkey failed to result in a ceasefire',
    );
    assert.equal(await article.locator('[part~="content"] p').count(), 10);
    assert.match(await article.locator('[part~="content"]').textContent(), /Mevlüt Çavuşoğlu.*Recep Tayip Erdoğan/s);
    // The date reads as the feed gives it until the page's formatters are made, just after the article shows.
    await eventually(async () =>
      assert.equal(await article.locator('[part~="byline"] time').textContent(), '10 March 2022'),
    );
    assert.equal(await article.locator('[part~="categories"]').textContent(), 'Categorized as News');
    reader.assertNoProblems();
  });

  it('walks the journey: a corpus feed and item, Arabic right to left, dark, a failed post kept and sent, the event log; axe passes', async (t) => {
    const reader = await openReader(t, browser, demo, { expectedErrors: [endpointError(demo, SERVER_ERROR_500)] });
    const page = await reader.openPage();
    const article = page.locator('news-article');
    const form = commentForm(page);
    const headline = () => article.locator('[part~="headline"]').textContent();

    // The feed: a real JSON Feed from the corpus, then its second item.
    const feedOptions = await offeredFeeds(page);
    assert.ok(
      feedOptions.includes('feeds/jsonfeed_elastic_1.1'),
      `the corpus feeds are offered: ${feedOptions.join(', ')}`,
    );
    assert.ok(feedOptions.includes('wordpress/post-60'), 'WordPress posts are offered');
    assert.ok(!feedOptions.some((id) => /Comment/i.test(id)), 'WordPress comments are not offered as articles');
    await setting(page, 'Feed').selectOption('feeds/jsonfeed_elastic_1.1');
    await eventually(async () => assert.equal((await headline()).trim(), ELASTIC_FEED.items[0].title));
    const items = setting(page, 'Item').locator('option');
    await eventually(async () => assert.equal(await items.count(), ELASTIC_FEED.items.length));
    const second = ELASTIC_FEED.items[1];
    await setting(page, 'Item').selectOption(second.url);
    await eventually(async () => assert.equal((await headline()).trim(), second.title));
    await page.locator('news-article[state="ready"]').waitFor();

    // The language: Arabic, right to left, for both elements.
    await setting(page, 'Language').selectOption('ar');
    const stage = page.locator('#stage');
    assert.equal(await stage.getAttribute('lang'), 'ar');
    assert.equal(await stage.getAttribute('dir'), 'rtl');
    await eventually(async () =>
      assert.equal((await page.locator('comment-form [part~="heading"]').textContent()).trim(), arabic.heading),
    );
    assert.equal((await form.submit.textContent()).trim(), arabic.submit);
    await eventually(async () => assert.match(await article.locator('[part~="byline"]').textContent(), /بقلم/));
    // Right to left: the text of the form's labels starts at its right edge, and the comment box's text runs from the right.
    const { formBox, labelText } = await page.locator('comment-form').evaluate((element) => {
      const range = document.createRange();
      range.selectNodeContents(element.shadowRoot.querySelector('label[for="content"]'));
      return { formBox: element.getBoundingClientRect().toJSON(), labelText: range.getBoundingClientRect().toJSON() };
    });
    assert.ok(
      Math.abs(formBox.right - labelText.right) < 2,
      `the label's text hugs the right edge (${labelText.right} of ${formBox.right})`,
    );
    assert.ok(labelText.left > formBox.left + 100, 'and not the left one');
    assert.equal(await form.content.evaluate((textarea) => getComputedStyle(textarea).direction), 'rtl');
    // The English article keeps its own direction inside the Arabic page: its full stops stay at the end.
    assert.equal(
      await article.locator('[part~="content"]').evaluate((content) => getComputedStyle(content).direction),
      'ltr',
    );
    assert.equal(
      await article.locator('[part~="headline"]').evaluate((headline) => getComputedStyle(headline).direction),
      'ltr',
    );
    assert.equal(
      await article.locator('[part~="byline"]').evaluate((byline) => getComputedStyle(byline).direction),
      'rtl',
    );

    // The look: dark, by a class on <html>; the same form, now dark.
    const fieldBackground = () => form.content.evaluate((textarea) => getComputedStyle(textarea).backgroundColor);
    const lightField = await fieldBackground();
    await setting(page, 'Look').selectOption('dark');
    assert.match(await page.locator('html').getAttribute('class'), /\btheme-dark\b/);
    assert.notEqual(await fieldBackground(), lightField);
    const pageLuminance = await page.evaluate(() => {
      const [r, g, b] = getComputedStyle(document.documentElement).backgroundColor.match(/\d+/g).map(Number);
      return (r + g + b) / 3;
    });
    assert.ok(pageLuminance < 80, `a dark page (${pageLuminance})`);

    // Every choice is in the address; a reload shows the same.
    assert.deepEqual(Object.fromEntries(new URLSearchParams(new URL(page.url()).hash.slice(1))), {
      feed: 'feeds/jsonfeed_elastic_1.1',
      item: second.url,
      lang: 'ar',
      theme: 'dark',
    });
    await page.reload();
    await page.locator('news-article[state="ready"]').waitFor();
    await eventually(async () => assert.equal((await headline()).trim(), second.title));
    assert.equal(await setting(page, 'Feed').inputValue(), 'feeds/jsonfeed_elastic_1.1');
    await eventually(async () => assert.equal(await setting(page, 'Item').inputValue(), second.url));
    assert.equal(await setting(page, 'Language').inputValue(), 'ar');
    assert.equal(await setting(page, 'Look').inputValue(), 'dark');
    assert.equal(await stage.getAttribute('dir'), 'rtl');
    await eventually(async () => assert.equal((await form.submit.textContent()).trim(), arabic.submit));
    await page.waitForFunction(() => document.querySelector('comment-form')?.effectivePostId !== undefined);

    // A comment, posted while the endpoint fails with 500: kept, retried, then sent once it works.
    // Posting an empty form first: the reader is told what is missing, in Arabic.
    await form.submit.click();
    await eventually(async () =>
      assert.equal((await page.locator('comment-form .error-summary-title').textContent()).trim(), arabic.errorSummary),
    );
    const text = 'تعليق كُتب والخادم معطّل.';
    await form.content.fill(text);
    await form.fillIdentity('Layla', 'layla@example.com');
    await page.getByLabel('fail with a server error (500)').check();
    await eventually(async () => assert.equal(await demo.failureMode(), '500'));
    assert.equal(new URLSearchParams(new URL(page.url()).hash.slice(1)).get('endpoint'), '500');
    await form.submit.click();
    await eventually(
      async () =>
        assert.match(
          (await form.statusText()).trim(),
          new RegExp(`${arabicRetrying.source}|^${escape(arabic.queuedServer)}$`),
        ),
      {
        timeout: 10000,
      },
    );
    assert.equal(await form.content.inputValue(), text);
    assert.deepEqual(await demo.comments(), []);

    await page.getByLabel('work normally').check();
    await eventually(async () => assert.equal(await demo.failureMode(), 'none'));
    await eventually(async () => assert.equal((await form.statusText()).trim(), arabic.posted), { timeout: 15000 });
    assert.equal(await form.content.inputValue(), '');
    assert.deepEqual(
      (await demo.comments()).map(({ content }) => content),
      [text],
    );
    await eventually(async () => assert.deepEqual(await shownComments(page), [text]));

    // The event log: what the elements fired since the reload, newest first, with details.
    const events = await loggedEvents(page);
    assert.equal(events[0], 'comment-form-success', `newest first: ${events.join(', ')}`);
    for (const type of ['comment-form-submit', 'comment-form-error', 'loadstart', 'load', 'loadend']) {
      assert.ok(events.includes(type), `${type} is in the log: ${events.join(', ')}`);
    }
    assert.ok(
      events.indexOf('comment-form-error') > events.indexOf('comment-form-submit'),
      'the refused empty form came before the post',
    );
    assert.match(
      await page.locator('#event-log li').first().locator('.event-detail').textContent(),
      /"status": "approved"/,
    );
    assert.match(
      await page.locator('#event-log li').filter({ hasText: 'comment-form-error' }).first().textContent(),
      /"reason": "invalid"/,
    );
    assert.match(
      await page.locator('#event-log li').filter({ hasText: 'comment-form-submit' }).first().textContent(),
      /"name": "Layla"/,
    );
    assert.equal(await page.locator('#event-log').getAttribute('role'), 'log');
    await eventually(async () =>
      assert.match(await page.locator('#event-summary').textContent(), /new events? in the log/),
    );

    assert.deepEqual(await axeViolations(page), []);
    reader.assertNoProblems();
  });

  it('keeps the text being typed when the language changes, and the choice survives a reload', async (t) => {
    const reader = await openReader(t, browser, demo);
    const page = await reader.openPage();
    const form = commentForm(page);
    const text = 'Typed in English, kept in Ukrainian.';
    await form.content.pressSequentially(text);
    await setting(page, 'Language').selectOption('uk');
    await eventually(async () =>
      assert.equal((await page.locator('comment-form [part~="heading"]').textContent()).trim(), 'Залишити коментар'),
    );
    await eventually(async () => assert.equal(await form.content.inputValue(), text));
    await eventually(async () =>
      assert.match(await page.locator('news-article [part~="byline"]').textContent(), /Опубліковано 10 березня 2022/),
    );
    await page.reload();
    await page.locator('news-article[state="ready"]').waitFor();
    assert.equal(await page.locator('#stage').getAttribute('lang'), 'uk');
    await eventually(async () => assert.equal(await form.content.inputValue(), text));
    reader.assertNoProblems();
  });

  it('passes axe in each look, light and dark, and in every language', async (t) => {
    const reader = await openReader(t, browser, demo);
    const page = await reader.openPage();
    for (const [theme, scheme] of [
      ['default', 'light'],
      ['default', 'dark'],
      ['dark', 'light'],
      ['newspaper', 'light'],
    ]) {
      await page.emulateMedia({ colorScheme: scheme });
      await setting(page, 'Look').selectOption(theme);
      assert.deepEqual(await axeViolations(page), [], `${theme} look, ${scheme} preference`);
    }
    for (const lang of ['uk', 'ru', 'de', 'fr', 'es', 'ar', 'en-GB']) {
      await setting(page, 'Language').selectOption(lang);
      await page.locator('news-article[state="ready"]').waitFor();
      assert.deepEqual(await axeViolations(page), [], `in ${lang}`);
    }
    reader.assertNoProblems();
  });

  it('lists every corpus feed and WordPress post, and each one renders', async (t) => {
    const reader = await openReader(t, browser, demo, {
      // Corpus articles point at images on their own sites, which this machine cannot reach.
      expectedErrors: [{ text: 'Failed to load resource: net::ERR_NAME_NOT_RESOLVED', url: 'https://' }],
    });
    const page = await reader.openPage();
    const ids = await offeredFeeds(page);
    assert.deepEqual(ids, [
      'seed',
      'feeds/jsonfeed_elastic_1.1',
      'feeds/jsonfeed_example_1',
      'feeds/jsonfeed_spec_1',
      'feeds/version_json_11_deprecated_author',
      'feeds/json11_full',
      'wordpress/PostModel',
      'wordpress/PostsCollection',
      'wordpress/post-60',
    ]);
    for (const id of ids) {
      await setting(page, 'Feed').selectOption(id);
      await page.waitForFunction(
        (wanted) =>
          document
            .querySelector('news-article')
            ?.getAttribute('src')
            ?.includes(wanted === 'seed' ? 'article-feed' : wanted),
        id,
      );
      await page.locator('news-article[state="ready"]').waitFor({ timeout: 10000 });
      assert.ok((await page.locator('news-article [part~="headline"]').textContent()).trim(), `${id} has a headline`);
    }
    reader.assertNoProblems();
  });
});

describe('the demo page when the corpus cannot be read', { timeout: 60_000 }, () => {
  it('says so in the feed picker and still shows the seed article', async (t) => {
    process.env.NEWS_WIDGETS_CORPUS = '/nonexistent/corpus/';
    const demo = await startDemoServer().finally(() => delete process.env.NEWS_WIDGETS_CORPUS);
    const browser = await launchChromium();
    t.after(async () => {
      await browser.close();
      await demo.close();
    });
    const reader = await openReader(t, browser, demo);
    const page = await reader.openPage();
    const problem = page.locator('#feed-problem');
    await problem.waitFor();
    assert.match(
      await problem.textContent(),
      /test\/fixtures\/corpus\/, and that folder could not be read \(looked in \/nonexistent\/corpus\/\)/,
    );
    assert.equal(await setting(page, 'Feed').getAttribute('aria-describedby'), 'feed-problem');
    assert.deepEqual(await setting(page, 'Feed').locator('option').allTextContents(), [
      'The seed article (demo/article-feed.json)',
    ]);
    assert.equal(
      (await page.locator('news-article [part~="headline"]').textContent()).trim(),
      'Ukraine claims that discussions with Russia in Turkey failed to result in a ceasefire',
    );
    reader.assertNoProblems();
  });
});
