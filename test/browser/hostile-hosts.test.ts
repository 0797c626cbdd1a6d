/**
 * The script-tag bundle (dist/news-widgets.js, built by `npm run build`) on pages that
 * fight back: another plugin already took `<news-article>`, the bundle is loaded twice,
 * the page keeps its own data in idb-keyval's default store, its CSS unsets everything,
 * and it has written to `Object.prototype`. Each page is a fresh document in an iframe,
 * so each gets the bundle, the registry and the prototypes of its own.
 */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { clear, entries, set } from 'idb-keyval';
import '../../src/define.js';
import type { CommentFormElement } from '../../src/comment/comment-form.js';
import type { NewsArticleElement } from '../../src/article/news-article.js';

const DEMO_HEADLINE = 'Ukraine claims that discussions with Russia in Turkey failed to result in a ceasefire';
const BUNDLE = '<script type="module" src="/dist/news-widgets.js"></script>';

interface HostWindow extends Window {
  messages: string[];
  errors: string[];
  customElements: CustomElementRegistry;
}

/**
 * Records what the page's console and error handlers hear, from before any other
 * script runs: every console.warn and console.error, uncaught errors and rejections.
 */
const RECORDER = `<script>
  window.messages = []; window.errors = [];
  for (const level of ['warn', 'error']) {
    const original = console[level];
    console[level] = (...args) => { window.messages.push(args.map(String).join(' ')); original.apply(console, args); };
  }
  addEventListener('error', (event) => errors.push(String(event.message)));
  addEventListener('unhandledrejection', (event) => errors.push(String(event.reason)));
</script>`;

const frames: HTMLIFrameElement[] = [];
afterEach(() => frames.splice(0).forEach((frame) => frame.remove()));

/** A fresh page in an iframe: `head` runs before the page's body is parsed; resolves once it has loaded. */
async function hostPage(head: string, body: string): Promise<{ win: HostWindow; doc: Document }> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 800px; height: 1200px; border: 0';
  frame.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8">${RECORDER}${head}</head><body>${body}</body></html>`;
  const loaded = oneEvent(frame, 'load');
  document.body.append(frame);
  frames.push(frame);
  await loaded;
  return { win: frame.contentWindow as HostWindow, doc: frame.contentDocument! };
}

/** Waits until the page's `<news-article>` (or another tag) has its article on show. */
async function articleReady(doc: Document, tag = 'news-article'): Promise<NewsArticleElement> {
  const element = doc.querySelector(tag) as NewsArticleElement;
  await waitUntil(() => element.state === 'ready' || element.state === 'error', `<${tag}> never finished loading`, {
    timeout: 10000,
  });
  expect(element.state).to.equal('ready');
  return element;
}

const headline = (element: Element) => element.shadowRoot!.querySelector('[part~="headline"]')!.textContent!.trim();
const formPart = <T extends HTMLElement = HTMLElement>(form: Element, selector: string) =>
  form.shadowRoot!.querySelector<T>(selector)!;

/** The demo article with a comment form inside, on a page whose `head` is given; resolves once the article is on show. */
async function articleWithForm(head: string) {
  const { win, doc } = await hostPage(
    head + BUNDLE,
    '<news-article src="/demo-feed.json"><comment-form endpoint="/comments/json"></comment-form></news-article>',
  );
  const article = await articleReady(doc);
  expect(headline(article)).to.equal(DEMO_HEADLINE);
  return { win, article, form: doc.querySelector('comment-form') as CommentFormElement };
}

/** Types into the form's fields as a reader would, firing the input events the form listens to. */
async function fill(form: CommentFormElement, values: Record<string, string>): Promise<void> {
  for (const [id, value] of Object.entries(values)) {
    const control = formPart<HTMLInputElement>(form, `#${id}`);
    control.value = value;
    control.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  }
  await form.updateComplete;
}

/** Posts a comment through the form and waits for the server's confirmation; returns what the server stored. */
async function postComment(form: CommentFormElement, content: string): Promise<string[]> {
  await waitUntil(
    () => (form as unknown as { effectivePostId?: unknown }).effectivePostId !== undefined,
    'the form never learned its post',
  );
  await fill(form, { content, name: 'Olena', email: 'olena@example.com' });
  const success = oneEvent(form, 'comment-form-success');
  formPart(form, '[part~="submit"]').click();
  await success;
  const stored = await (await fetch(`/comments/_count?${new URLSearchParams({ content })}`)).json();
  return stored.comments.map((comment: { content: string }) => comment.content);
}

let unique = 0;
const uniqueText = (text: string) => `${text} #${Date.now()}-${unique++}`;

describe('a page where another plugin already defined <news-article>', () => {
  const OTHER_PLUGIN = `<script>
    customElements.define('news-article', class OtherPluginArticle extends HTMLElement {
      connectedCallback() { this.dataset.plugin = 'other'; }
    });
  </script>`;

  it('loads without throwing, says once in the console which tag is taken and how to rename, and still defines <comment-form>', async () => {
    const { win, doc } = await hostPage(OTHER_PLUGIN + BUNDLE, '<news-article src="/demo-feed.json"></news-article>');
    expect(win.errors).to.deep.equal([]);
    expect(win.messages).to.have.length(1);
    const [message] = win.messages;
    expect(message).to.include('<news-article> is already defined by another script');
    expect(message).to.include("NewsArticleElement.define('other-tag')");
    expect(message).to.include('/dist/news-widgets.js');
    expect(win.customElements.get('comment-form')).to.exist;
    // The other plugin keeps its element.
    const theirs = doc.querySelector('news-article') as HTMLElement;
    expect(theirs.dataset.plugin).to.equal('other');
    expect(theirs.shadowRoot).to.equal(null);
  });

  it('renders the article under another tag, the way the message says', async () => {
    const { win, doc } = await hostPage(
      OTHER_PLUGIN +
        BUNDLE +
        `<script type="module">
          import { NewsArticleElement } from '/dist/news-widgets.js';
          NewsArticleElement.define('other-tag');
        </script>`,
      '<other-tag src="/demo-feed.json"><comment-form endpoint="/comments/json"></comment-form></other-tag>',
    );
    const article = await articleReady(doc, 'other-tag');
    expect(headline(article)).to.equal(DEMO_HEADLINE);
    const content = uniqueText('Under another tag');
    expect(await postComment(doc.querySelector('comment-form') as CommentFormElement, content)).to.deep.equal([
      content,
    ]);
    expect(win.errors).to.deep.equal([]);
  });
});

describe('a page that loads the bundle twice', () => {
  it('renders the article and logs nothing: the second copy finds its own elements', async () => {
    const { win, doc } = await hostPage(
      BUNDLE + '<script type="module" src="/dist/news-widgets.js?second-copy"></script>',
      '<news-article src="/demo-feed.json"></news-article>',
    );
    expect(headline(await articleReady(doc))).to.equal(DEMO_HEADLINE);
    expect(win.messages).to.deep.equal([]);
    expect(win.errors).to.deep.equal([]);
  });
});

describe('a page that keeps its own data in idb-keyval’s default store', () => {
  after(() => clear());

  it('finds its data untouched after the form saved, restored and cleared a draft', async () => {
    // The page's own data, including keys a draft store might also use.
    const hostData: [IDBValidKey, unknown][] = [
      ['draft', 'the page’s own draft'],
      ['news-widgets', { mine: true }],
      ['comment:/comments/json:post:1', 'not yours'],
      [['settings', 1], { theme: 'dark', fontSize: 18 }],
    ];
    await clear();
    for (const [key, value] of hostData) await set(key, value);

    const newForm = async () => {
      const form = document.createElement('comment-form') as CommentFormElement;
      form.setAttribute('endpoint', '/comments/json');
      form.setAttribute('post-id', '1');
      document.body.append(form);
      await form.updateComplete;
      return form;
    };
    const content = uniqueText('A draft beside the page’s data');
    const first = await newForm();
    await fill(first, { content });
    // Leaving the page writes the draft at once.
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    first.remove();
    const restored = oneEvent(document, 'comment-form-draft-restore');
    const second = await newForm();
    expect(((await restored) as unknown as { content: string }).content).to.equal(content);
    // Posting it deletes the draft once the server confirms.
    expect(await postComment(second, content)).to.deep.equal([content]);
    second.remove();
    const third = await newForm();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(formPart<HTMLTextAreaElement>(third, '#content').value).to.equal('');
    third.remove();

    const sortByKey = (list: [IDBValidKey, unknown][]) =>
      [...list].sort(([a], [b]) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(sortByKey(await entries())).to.deep.equal(sortByKey(hostData));
  });
});

describe('a page with aggressive global CSS', () => {
  const CSS = '<style>* { all: unset } button { display: none } script { display: inline }</style>';

  it('still shows the article and a visible, clickable "Post Comment" button that posts', async () => {
    const { win, article, form } = await articleWithForm(CSS);
    const button = formPart<HTMLButtonElement>(form, '[part~="submit"]');
    button.scrollIntoView();
    const box = button.getBoundingClientRect();
    expect(box.width).to.be.above(20);
    expect(box.height).to.be.above(10);
    expect(win.getComputedStyle(button).display).not.to.equal('none');
    expect(win.getComputedStyle(button).visibility).to.equal('visible');
    // Nothing covers it: a click at its centre reaches the button.
    const hit = form.shadowRoot!.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    expect(hit === button || button.contains(hit)).to.equal(true);
    const content = uniqueText('Posted past the page’s CSS');
    expect(await postComment(form, content)).to.deep.equal([content]);
    // The structured data is for search engines, never text on the page.
    const jsonLd = article.querySelector('script[type="application/ld+json"]')!;
    expect(jsonLd).to.exist;
    expect(jsonLd.getClientRects().length).to.equal(0);
    expect(win.errors).to.deep.equal([]);
  });
});

describe('a page that wrote to Object.prototype before loading the bundle', () => {
  const POLLUTION = `<script>
    const pollution = {
      title: 'Polluted title', summary: 'Polluted summary', content_html: '<img src=x onerror=alert(1)>',
      href: 'javascript:alert(1)', url: 'https://attacker.example/', src: '/feeds/status?code=500',
      items: [], version: 'polluted', id: 'polluted', name: 'Polluted name', authors: [{ name: 'Polluted author' }],
      image: 'https://attacker.example/pixel.png', length: 5, then: 'not a function', language: 'xx',
    };
    for (const [key, value] of Object.entries(pollution)) Object.prototype[key] = value;
    window.pollution = pollution;
    window.hostData = JSON.parse('{"story": "the page’s own"}');
    window.alert = () => errors.push('alert ran');
  </script>`;

  it('renders the right article, posts a comment, and leaves the page’s data as it was', async () => {
    const { win, article, form } = await articleWithForm(POLLUTION);
    const shown = article.shadowRoot!.textContent!;
    expect(shown).not.to.match(/Polluted|attacker/);
    expect(article.shadowRoot!.querySelector('[part~="image"], [part~="summary"]')).to.equal(null);
    expect((article as NewsArticleElement).article!.authors).to.deep.equal([]);
    const content = uniqueText('Posted on a polluted page');
    expect(await postComment(form, content)).to.deep.equal([content]);

    const { pollution, hostData } = win as unknown as {
      pollution: Record<string, unknown>;
      hostData: Record<string, unknown>;
    };
    const prototype = Object.getPrototypeOf(hostData) as Record<string, unknown>;
    for (const [key, value] of Object.entries(pollution)) expect(prototype[key], key).to.equal(value);
    expect(Object.keys(hostData)).to.deep.equal(['story']);
    expect(hostData.story).to.equal('the page’s own');
    expect(win.errors).to.deep.equal([]);
  });
});
