/**
 * Both elements follow the page's language as it changes at run time, as a single-page
 * app's or a site's language switch changes it (`document.documentElement.lang = 'de'`,
 * `lang` on a wrapper or on the element): the form's words (its language chunk loaded
 * then), the article's dates and lists. Nothing the reader typed, no draft and no focus
 * is lost. Real Chromium, Firefox and WebKit, real IndexedDB; a chunk that cannot be
 * downloaded is answered with 503 by the test runner (test/failing-locale-middleware.js).
 */
import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import type { CommentFormElement } from '../../src/comment/comment-form.js';
import { loadCommentEngine } from '../../src/comment/comment-engine-loader.js';
import type { NewsArticleElement } from '../../src/article/news-article.js';
import { commentFormStrings as en } from '../../src/comment/comment-form.strings.js';
import ar from '../../src/comment/locales/comment-form.ar.js';
import de from '../../src/comment/locales/comment-form.de.js';
import { deleteDatabase, rawKeys } from './comment/storage-fixtures.js';
import { expectAccessible } from '../support/expect-accessible.js';

const html = document.documentElement;
const pageLang = html.getAttribute('lang');
const pageDir = html.getAttribute('dir');

const $ = <T extends HTMLElement = HTMLElement>(form: Element, selector: string) =>
  form.shadowRoot!.querySelector<T>(selector)!;
const heading = (form: CommentFormElement) => $(form, '[part~="heading"]').textContent!.trim();
const labels = (form: CommentFormElement) =>
  [...form.shadowRoot!.querySelectorAll('label')].map((label) => label.textContent!.replace(/\s+/g, ' ').trim());
const submitText = (form: CommentFormElement) => $(form, '[part~="submit"]').textContent!.trim();
const content = (form: CommentFormElement) => $<HTMLTextAreaElement>(form, '#content');

/** What an empty form's labels read in a language's words. */
const labelsIn = (words: typeof en) => [
  `${words.comment} *`,
  `${words.name} *`,
  `${words.email} *`,
  words.website,
  words.remember,
];

let testCount = 0;
let postId = '';
const mounted: Element[] = [];

/** Puts `markup` in the page; returns its first `selector` element once it has rendered. */
async function mount<T extends HTMLElement>(markup: string, selector: string): Promise<T> {
  const holder = document.createElement('div');
  holder.innerHTML = markup;
  document.body.append(holder);
  mounted.push(holder);
  const element = holder.querySelector<T & { updateComplete: Promise<unknown> }>(selector)!;
  await element.updateComplete;
  return element;
}
const newForm = (attributes = '', wrapperAttributes = '') =>
  mount<CommentFormElement>(
    `<div ${wrapperAttributes}><comment-form endpoint="/api/t/language-${testCount}/comments" post-id="${postId}" ${attributes}></comment-form></div>`,
    'comment-form',
  );

/** Waits until the form shows `words`' heading (its chunk has arrived and it rendered). */
async function waitForWords(form: CommentFormElement, words: { heading: string }, message: string): Promise<void> {
  await waitUntil(() => heading(form) === words.heading, message, { timeout: 10000 });
  await form.updateComplete;
}

beforeEach(async () => {
  postId = `language-${Date.now()}-${testCount++}`;
  html.lang = 'en';
  localStorage.clear();
  await deleteDatabase('news-widgets');
});
afterEach(() => {
  for (const holder of mounted.splice(0)) holder.remove();
  if (pageLang === null) html.removeAttribute('lang');
  else html.setAttribute('lang', pageLang);
  if (pageDir === null) html.removeAttribute('dir');
  else html.setAttribute('dir', pageDir);
});

describe('<comment-form> when the page changes its language', () => {
  it('speaks German, then Arabic right to left, when <html lang> changes; the text, caret, focus and draft stay; axe passes', async () => {
    const form = await newForm();
    expect(heading(form)).to.equal(en.heading);
    const textarea = content(form);
    textarea.focus();
    await sendKeys({ type: 'Written before the switch.' });
    textarea.setSelectionRange(7, 7);
    // The form's engine, asked for on focus, is here (on a busy machine it can come after the typing): the draft
    // below is the engine's, not the copy a page makes when it is left before its engine came.
    await loadCommentEngine();
    await form.updateComplete;
    // Leaving the page writes the draft at once: the draft as it stood before the switch.
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    await waitUntil(async () => (await rawKeys('news-widgets')).length > 0, 'no draft written on leaving');
    await aTimeout(200);
    const keysBefore = await rawKeys('news-widgets');
    expect(keysBefore.length, `drafts stored: ${JSON.stringify(keysBefore)}`).to.equal(1);

    html.lang = 'de';
    await waitForWords(form, de, 'the form never showed the German words');
    expect(labels(form)).to.deep.equal(labelsIn({ ...en, ...de }));
    expect(submitText(form)).to.equal(de.submit);
    expect(content(form)).to.equal(textarea, 'the same textarea, not a new form');
    expect(textarea.value).to.equal('Written before the switch.');
    expect(document.activeElement).to.equal(form);
    expect(form.shadowRoot!.activeElement).to.equal(textarea);
    expect([textarea.selectionStart, textarea.selectionEnd]).to.deep.equal([7, 7]);

    html.lang = 'ar';
    html.dir = 'rtl';
    await waitForWords(form, ar, 'the form never showed the Arabic words');
    expect(labels(form)).to.deep.equal(labelsIn({ ...en, ...ar }));
    expect(submitText(form)).to.equal(ar.submit);
    expect(getComputedStyle($(form, 'form')).direction).to.equal('rtl');
    expect(form.shadowRoot!.activeElement).to.equal(textarea);
    expect([textarea.selectionStart, textarea.selectionEnd]).to.deep.equal([7, 7]);
    await expectAccessible(form);

    // Typing on after the switch goes on with the same draft, under the same key.
    textarea.setSelectionRange(textarea.value.length, textarea.value.length);
    await sendKeys({ type: ' And after it.' });
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    await aTimeout(200);
    expect(await rawKeys('news-widgets')).to.deep.equal(keysBefore);
    // The page is left and opened again: the draft comes back, in the page's language.
    form.remove();
    const reopened = await newForm();
    await waitUntil(
      () => content(reopened).value === 'Written before the switch. And after it.',
      'the draft was not restored',
    );
    await waitForWords(reopened, ar, 'the reopened form is not in Arabic');
    // The status message on show follows the language too.
    const status = () => $(reopened, '[part~="status"]').textContent!.trim();
    expect(status()).to.equal(ar.draftRestored);
    html.lang = 'de';
    html.dir = 'ltr';
    await waitForWords(reopened, de, 'the reopened form did not switch to German');
    expect(status()).to.equal(de.draftRestored);
  });

  it('follows a wrapper’s lang, then its own lang, then the wrapper’s again when its own is removed', async () => {
    const form = await newForm('', 'lang="en"');
    const wrapper = form.parentElement!;
    wrapper.lang = 'de';
    await waitForWords(form, de, 'the wrapper’s German was not followed');
    form.lang = 'ar';
    await waitForWords(form, ar, 'the element’s own Arabic was not followed');
    form.removeAttribute('lang');
    await waitForWords(form, de, 'the wrapper’s German did not come back');
    html.lang = 'ar';
    await aTimeout(300);
    expect(heading(form), 'the nearer wrapper wins over <html>').to.equal(de.heading);
  });

  it('follows the page from inside another component’s shadow root', async () => {
    const outer = await mount<HTMLElement>('<div lang="en"><section></section></div>', 'section');
    const shadow = outer.attachShadow({ mode: 'open' });
    shadow.innerHTML = `<div><comment-form endpoint="/api/t/language-${testCount}/comments" post-id="${postId}"></comment-form></div>`;
    const form = shadow.querySelector('comment-form')!;
    await form.updateComplete;
    expect(heading(form)).to.equal(en.heading);
    // Outside the shadow root, on the host's ancestor.
    outer.parentElement!.lang = 'de';
    await waitForWords(form, de, 'a lang change around the host was not followed');
    // Inside the shadow root, on the form's own ancestor there.
    shadow.querySelector('div')!.lang = 'ar';
    await waitForWords(form, ar, 'a lang change inside the shadow root was not followed');
  });

  it('keeps following the page after another form in a shadow root leaves it', async () => {
    const outer = await mount<HTMLElement>('<div><section></section></div>', 'section');
    const shadow = outer.attachShadow({ mode: 'open' });
    shadow.innerHTML = `<comment-form endpoint="/api/t/language-${testCount}/comments" post-id="${postId}-inner"></comment-form>`;
    const inner = shadow.querySelector('comment-form')!;
    const form = await newForm();
    await inner.updateComplete;
    // One of the page's followers leaves: the other goes on following.
    inner.remove();
    html.lang = 'de';
    await waitForWords(form, de, 'the remaining form stopped following the page');
  });

  it('keeps the site’s own words from `strings` after a switch, the rest in the new language', async () => {
    const form = await newForm(`strings='{"heading":"Join the discussion"}'`);
    expect(heading(form)).to.equal('Join the discussion');
    html.lang = 'de';
    await waitUntil(() => submitText(form) === de.submit, 'the German words never came', { timeout: 10000 });
    expect(heading(form)).to.equal('Join the discussion');
    form.strings = { submit: 'Absenden' };
    await form.updateComplete;
    expect(submitText(form)).to.equal('Absenden');
    expect(heading(form)).to.equal(de.heading);
  });

  it('keeps the words it shows when a language’s chunk cannot be downloaded, and says so once in the console', async () => {
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
    // The Spanish chunk fails for this browser only (a cookie the test runner reads).
    document.cookie = 'failing-locale=es; path=/';
    try {
      // On a Spanish page from the start: English, still working.
      const form = await newForm('', 'lang="es"');
      await waitUntil(() => warnings.length > 0, 'nothing was said about the missing chunk', { timeout: 10000 });
      expect(heading(form)).to.equal(en.heading);
      expect(String(warnings[0]![0])).to.equal(
        '<comment-form> keeps the words it shows: those for lang="es" could not be downloaded.',
      );
      const wrapper = form.parentElement!;
      wrapper.lang = 'de';
      await waitForWords(form, de, 'German did not load after the failure');
      content(form).focus();
      await sendKeys({ type: 'Noch da' });
      // A switch to Spanish, whose chunk still cannot be downloaded: German stays.
      wrapper.lang = 'es';
      await waitUntil(() => warnings.length > 1, 'nothing was said about the missing chunk on the switch', {
        timeout: 10000,
      });
      await aTimeout(200);
      expect(warnings.length).to.equal(2);
      expect(String(warnings[1]![0])).to.equal(
        '<comment-form> keeps the words it shows: those for lang="es" could not be downloaded.',
      );
      expect(heading(form)).to.equal(de.heading);
      expect(labels(form)).to.deep.equal(labelsIn({ ...en, ...de }));
      expect(content(form).value).to.equal('Noch da');
    } finally {
      document.cookie = 'failing-locale=; path=/; max-age=0';
      console.warn = warn;
    }
  });
});

describe('<news-article> when the page changes its language', () => {
  const published = '2022-03-10T10:00:00Z';
  const authors = ['Olena Kovalenko', 'Marc Dupont', 'Amina Haddad'];
  const tags = ['Diplomacy', 'Turkey', 'Ukraine'];
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Language test',
    items: [
      {
        id: 'language-1',
        title: 'Talks in Antalya',
        content_text: 'The ministers met for ninety minutes.',
        date_published: published,
        authors: authors.map((name) => ({ name })),
        tags,
      },
    ],
  };
  const byline = (element: NewsArticleElement) =>
    element.shadowRoot!.querySelector('[part~="byline"]')!.textContent!.replace(/\s+/g, ' ');
  const date = (element: NewsArticleElement) =>
    element.shadowRoot!.querySelector('[part~="byline"] time')!.textContent!;
  const terms = (element: NewsArticleElement) =>
    element.shadowRoot!.querySelector('[part~="categories"]')!.textContent!.replace(/\s+/g, ' ').trim();
  const expected = (lang: string) => ({
    date: new Intl.DateTimeFormat(lang, { dateStyle: 'long' }).format(new Date(published)),
    names: new Intl.ListFormat(lang, { type: 'conjunction' }).format(authors),
    // A JSON Feed's tags are its one list of terms, shown as categories.
    terms: `Categorized as ${new Intl.ListFormat(lang, { type: 'unit' }).format(tags)}`,
  });

  it('formats its date, authors and terms again in German, then Arabic, when <html lang> changes', async () => {
    const element = document.createElement('news-article');
    element.data = feed;
    const loaded = new Promise((resolve) => element.addEventListener('load', resolve, { once: true }));
    document.body.append(element);
    mounted.push(element);
    await loaded;
    // The page's formatters are made just after the article's first frame.
    await waitUntil(() => date(element) === expected('en').date, `the date is not in English: ${date(element)}`);
    expect(byline(element)).to.include(expected('en').names);
    for (const lang of ['de', 'ar']) {
      html.lang = lang;
      await waitUntil(
        () => date(element) === expected(lang).date,
        `the date was not formatted in ${lang}: ${date(element)}`,
      );
      expect(byline(element)).to.include(expected(lang).names);
      expect(terms(element)).to.equal(expected(lang).terms);
    }
    expect(element.state).to.equal('ready');
  });

  it('formats in the language of its own lang attribute as it is set and removed', async () => {
    const element = document.createElement('news-article');
    element.data = feed;
    const loaded = new Promise((resolve) => element.addEventListener('load', resolve, { once: true }));
    document.body.append(element);
    mounted.push(element);
    await loaded;
    element.lang = 'fr';
    await waitUntil(() => date(element) === expected('fr').date, `not in French: ${date(element)}`);
    element.removeAttribute('lang');
    await waitUntil(() => date(element) === expected('en').date, `not back in English: ${date(element)}`);
  });
});
