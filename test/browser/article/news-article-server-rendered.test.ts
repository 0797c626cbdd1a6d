/**
 * <news-article> over the page's own server-rendered article (`slot="article"`), in real
 * Chromium and Firefox: the markup shows before the script defines the element, stays
 * (same nodes, nothing moves, never busy) while the article loads and when what loads is
 * not newer, gives way to a newer article (one article for readers and screen readers),
 * and stays when the load fails for real (an error status from the test server). Each
 * test defines the element under a fresh tag, so the markup is seen before the upgrade.
 */
import { aTimeout, expect, oneEvent, waitUntil } from '@open-wc/testing';
import { a11ySnapshot } from '@web/test-runner-commands';
import type { Article } from '../../../src/article/article.js';
import { CommentFormElement } from '../../../src/comment/comment-form.js';
import { NewsArticleElement } from '../../../src/article/news-article.js';
import { readServerRenderedArticle, replacesServerRendered } from '../../../src/article/server-rendered-article.js';
import { expectAccessible } from '../../support/expect-accessible.js';

const SERVER_HEADLINE = 'Talks in Antalya end without a ceasefire';
const LOADED_HEADLINE = 'Talks in Antalya end without a ceasefire, ministers say';
/** The date the server printed the article with. */
const PRINTED = '2022-03-10T13:00:00+03:00';

let serial = 0;
/**
 * Tags no test has defined yet, so the elements upgrade when the test says so: the
 * article's, and a comment form's, defined in that order as `define.js` does.
 */
const freshTags = () => ({
  article: `server-rendered-article-${Date.now()}-${serial}`,
  form: `server-rendered-form-${Date.now()}-${serial++}`,
});
type Tags = ReturnType<typeof freshTags>;
const newEndpoint = () => `/api/t/server-rendered-${Date.now()}-${serial++}/comments`;

/** A feed served by the test server after `delay` ms, with one item dated as given. */
function feedUrl(item: { id?: string; date_published?: string; date_modified?: string }, delay = 0): string {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    items: [
      {
        id: '42',
        title: LOADED_HEADLINE,
        content_html: '<p>The foreign ministers met for ninety minutes.</p><p>No ceasefire was agreed.</p>',
        ...item,
      },
    ],
  };
  return `/feeds/body?type=application/feed%2Bjson&delay=${delay}&body=${encodeURIComponent(JSON.stringify(feed))}`;
}

/** The article as a WordPress theme prints it, with the date given (or none). */
function serverMarkup({ postId = '42', modified = PRINTED } = {}): string {
  return `<article slot="article"${postId ? ` data-post-id="${postId}"` : ''}>
      <h1>${SERVER_HEADLINE}</h1>
      <p>By Olena Kovalenko${modified ? ` · Updated <time datetime="${modified}" itemprop="dateModified">10 March 2022</time>` : ''}</p>
      <p>The foreign ministers of Ukraine and Russia met in Antalya on Thursday.</p>
      <p>After ninety minutes, no ceasefire was agreed.</p>
    </article>`;
}

/** The markup as a theme prints it (see `serverMarkup`), as an element to put in the page. */
function markupElement(options?: Parameters<typeof serverMarkup>[0]): HTMLElement {
  const holder = document.createElement('div');
  holder.innerHTML = serverMarkup(options);
  return holder.firstElementChild as HTMLElement;
}

const mounted: HTMLElement[] = [];
afterEach(() => mounted.splice(0).forEach((wrapper) => wrapper.remove()));
// A scrollbar that appears when a comment form renders would narrow everything: keep its room from the start.
before(() => (document.documentElement.style.overflowY = 'scroll'));
after(() => (document.documentElement.style.overflowY = ''));

/**
 * Puts the article in the page, its elements not yet defined: what a reader sees before
 * the script runs. With `form`, a comment form follows the markup inside the element (and
 * nothing follows the element: the form's own first render makes room for itself);
 * without, a paragraph follows the element.
 */
function mount(tags: Tags, attributes: string, markup: string, { form = false, endpoint = newEndpoint() } = {}) {
  const wrapper = document.createElement('div');
  wrapper.innerHTML = form
    ? `<${tags.article} ${attributes}>${markup}<${tags.form} endpoint="${endpoint}"></${tags.form}></${tags.article}>`
    : `<${tags.article} ${attributes}>${markup}</${tags.article}><p class="after">What follows the article.</p>`;
  document.body.append(wrapper);
  mounted.push(wrapper);
  return {
    element: wrapper.querySelector(tags.article) as NewsArticleElement,
    markup: wrapper.querySelector('[slot="article"]') as HTMLElement,
    form: wrapper.querySelector(tags.form) as CommentFormElement | null,
    /** What follows the markup. */
    after: (wrapper.querySelector(tags.form) ?? wrapper.querySelector('.after')) as HTMLElement,
  };
}

/** Defines the elements, the article first, and waits for the article's first render. */
async function upgrade(tags: Tags, element: Element): Promise<NewsArticleElement> {
  NewsArticleElement.define(tags.article);
  CommentFormElement.define(tags.form);
  const upgraded = element as NewsArticleElement;
  expect(upgraded instanceof NewsArticleElement).to.equal(true);
  await upgraded.updateComplete;
  return upgraded;
}
/** Where an element starts: its own first render may give it a size, but must not move it. */
const place = (element: Element) => {
  const { x, y } = element.getBoundingClientRect();
  return { x, y };
};

const box = (element: Element) => {
  const { x, y, width, height } = element.getBoundingClientRect();
  return { x, y, width, height };
};
/**
 * What the element renders of its own: its shadow root, which it attaches only once it shows
 * something other than the markup (empty until then).
 */
const ownRender = (element: Element): ParentNode => element.shadowRoot ?? document.createDocumentFragment();
/** How many elements match: assertions on counts, since a failing assertion that holds a DOM node stalls the test runner's report. */
const count = (root: ParentNode, selector: string) => root.querySelectorAll(selector).length;
const shown = (element: Element) => element.checkVisibility() && element.getBoundingClientRect().height > 0;

/** Records every attribute change, and every change inside the markup and the shadow root, from now on. */
function watchMutations(element: NewsArticleElement, markup: Element) {
  const records: MutationRecord[] = [];
  const observer = new MutationObserver((list) => records.push(...list));
  observer.observe(markup, { subtree: true, childList: true, attributes: true, characterData: true });
  observer.observe(element, { attributes: true, attributeFilter: ['aria-busy'] });
  if (element.shadowRoot)
    observer.observe(element.shadowRoot, { subtree: true, childList: true, attributes: true, characterData: true });
  return {
    records,
    /** Changes to the markup, the shadow root and `aria-busy` (what a reader could see or hear change), described. */
    visible: () =>
      [...records, ...observer.takeRecords()].map((record) =>
        `${record.type} ${record.target.nodeName} ${record.attributeName ?? ''}`.trim(),
      ),
    stop: () => observer.disconnect(),
  };
}

/**
 * An article loaded over markup as new as it, so the markup stays; with the events the
 * element fires from then on.
 */
async function loadedOverKeptMarkup() {
  const tags = freshTags();
  const mounted = mount(tags, `src="${feedUrl({ date_modified: PRINTED })}"`, serverMarkup());
  await upgrade(tags, mounted.element);
  await oneEvent(mounted.element, 'loadend');
  await mounted.element.updateComplete;
  const events: string[] = [];
  for (const type of ['loadstart', 'load', 'error', 'loadend'])
    mounted.element.addEventListener(type, () => events.push(type));
  return { ...mounted, events };
}

/** Layout shifts Chromium reports from now on; `undefined` in engines without the Layout Instability API. */
function watchLayoutShifts() {
  if (!PerformanceObserver.supportedEntryTypes?.includes('layout-shift')) return undefined;
  let total = 0;
  const add = (entries: PerformanceEntryList) =>
    entries.forEach((entry) => (total += (entry as PerformanceEntry & { value: number }).value));
  const observer = new PerformanceObserver((list) => add(list.getEntries()));
  observer.observe({ type: 'layout-shift' });
  return {
    /** The layout shift score so far, after giving the page a moment to paint. */
    async total() {
      await aTimeout(150);
      add(observer.takeRecords());
      return total;
    },
    stop: () => observer.disconnect(),
  };
}

/** Chromium: the test runner reads the accessibility tree through the DevTools protocol, which only Chromium speaks here. */
const readsAccessibilityTree = navigator.userAgent.includes('Chrome/');

/** Names of the headings in the browser's accessibility tree. */
async function accessibleHeadings(): Promise<string[]> {
  type Node = { role?: string; name?: string; children?: Node[] };
  const names: string[] = [];
  const walk = (node: Node) => {
    if (node.role === 'heading' && node.name) names.push(node.name);
    node.children?.forEach(walk);
  };
  walk((await a11ySnapshot({})) as unknown as Node);
  return names;
}

describe('<news-article> with server-rendered markup and no source', () => {
  it('shows the markup before the script defines the element, and keeps it, unmoved, after', async () => {
    const tags = freshTags();
    const { element, markup, after } = mount(tags, '', serverMarkup());
    expect(customElements.get(tags.article)).to.equal(undefined);
    expect(shown(markup)).to.equal(true);
    const before = { markup: box(markup), after: box(after) };
    const shifts = watchLayoutShifts();

    await upgrade(tags, element);
    // The upgrade leaves the markup's boxes as they were: no shadow root to slot it into, so the
    // browser neither re-lays it out nor reports its headline as a new largest contentful paint.
    expect(element.shadowRoot).to.equal(null);
    expect(shown(markup)).to.equal(true);
    expect(markup.assignedSlot?.name).to.equal(undefined);
    expect({ markup: box(markup), after: box(after) }).to.deep.equal(before);
    if (shifts) expect(await shifts.total()).to.equal(0);
    shifts?.stop();
    expect(element.state).to.equal('ready');
    expect(element.getAttribute('state')).to.equal('ready');
    expect(element.hasAttribute('aria-busy')).to.equal(false);
    expect(count(ownRender(element), '[part~="placeholder"], [part~="error"], [part~="article"]')).to.equal(0);
    await expectAccessible(element);
  });

  it('is the article: state ready, no events, what the markup says as the article, and no structured data of its own', async () => {
    const tags = freshTags();
    const { element } = mount(tags, '', serverMarkup());
    const events: string[] = [];
    for (const type of ['loadstart', 'load', 'error', 'loadend'])
      element.addEventListener(type, () => events.push(type));
    await upgrade(tags, element);
    await aTimeout(100);
    expect(events).to.deep.equal([]);
    expect(element.state).to.equal('ready');
    expect(element.error).to.equal(undefined);
    const article = element.article!;
    expect(article.format).to.equal('html');
    expect(article.id).to.equal('42');
    expect(article.postId).to.equal(42);
    expect(article.title).to.deep.equal({ kind: 'text', value: SERVER_HEADLINE });
    expect(article.modified?.toISOString()).to.equal('2022-03-10T10:00:00.000Z');
    expect(count(element, 'script[type="application/ld+json"]')).to.equal(0);
  });

  it('gives a comment form inside the post named by data-post-id, and the comment is posted to it', async () => {
    const tags = freshTags();
    const endpoint = newEndpoint();
    const { element, form } = mount(tags, '', serverMarkup({ postId: '4207' }), { form: true, endpoint });
    await upgrade(tags, element);
    await waitUntil(() => form!.effectivePostId === '4207', 'the form never learned its post from the markup');
    expect(shown(form!)).to.equal(true);
    const content = form!.shadowRoot!.querySelector<HTMLTextAreaElement>('#content')!;
    const values = { content: 'Thank you for the report.', name: 'Reader', email: 'reader@example.com' };
    for (const [id, value] of Object.entries(values)) {
      const control = form!.shadowRoot!.querySelector<HTMLInputElement>(`#${id}`)!;
      control.value = value;
      control.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    }
    await form!.updateComplete;
    expect(content.value).to.equal(values.content);
    const success = oneEvent(form!, 'comment-form-success');
    form!.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
    await success;
    const stored = (await (await fetch(endpoint)).json()) as { postId: string; content: string }[];
    expect(stored.map((comment) => comment.postId)).to.deep.equal(['4207']);
    await expectAccessible(element);
  });

  it('without data-post-id has no article model, and a form inside has no post until it is given one', async () => {
    const tags = freshTags();
    const { element, form } = mount(tags, '', serverMarkup({ postId: '' }), { form: true });
    await upgrade(tags, element);
    await form!.updateComplete;
    expect(element.state).to.equal('ready');
    expect(element.article).to.equal(undefined);
    expect(form!.effectivePostId).to.equal(undefined);
    form!.setAttribute('post-id', '77');
    expect(form!.effectivePostId).to.equal('77');
  });
});

describe('<news-article> with server-rendered markup and a source', () => {
  it('keeps the same nodes on show, unmoved and never busy, while loading and when what loads is not newer', async () => {
    const tags = freshTags();
    const src = feedUrl({ date_published: '2022-03-10T09:00:00Z', date_modified: PRINTED }, 400);
    const { element, markup, form } = mount(tags, `src="${src}"`, serverMarkup(), { form: true });
    const displayedNodes = [...markup.querySelectorAll('*')];
    const before = { markup: box(markup), form: place(form!) };
    const shifts = watchLayoutShifts();
    const events: string[] = [];
    for (const type of ['loadstart', 'load', 'error', 'loadend'])
      element.addEventListener(type, () => events.push(type));

    await upgrade(tags, element);
    // Listened for now: on a busy machine the checks below can outlast the feed's delay.
    const loadEnded = oneEvent(element, 'loadend');
    const mutations = watchMutations(element, markup);
    // Loading: the markup is what readers see, with no placeholder and no aria-busy.
    expect(element.state).to.equal('loading');
    expect(element.hasAttribute('aria-busy')).to.equal(false);
    expect(count(ownRender(element), '[part~="placeholder"]')).to.equal(0);
    expect(shown(markup)).to.equal(true);
    expect(element.article?.format).to.equal('html');
    // A form inside knows its post at once, without waiting for the load.
    await form!.updateComplete;
    expect(form!.effectivePostId).to.equal('42');
    await expectAccessible(element);

    await loadEnded;
    await element.updateComplete;
    expect(events).to.deep.equal(['loadstart', 'load', 'loadend']);
    expect(element.state).to.equal('ready');
    expect(element.article?.format).to.equal('json-feed');
    expect(element.article?.id).to.equal('42');
    // Nothing a reader can see or hear changed: the same nodes, no mutation, no aria-busy, nothing moved.
    expect(mutations.visible()).to.deep.equal([]);
    mutations.stop();
    expect(element.shadowRoot).to.equal(null);
    const nodesNow = [...markup.querySelectorAll('*')];
    expect(
      nodesNow.length === displayedNodes.length && nodesNow.every((node, index) => node === displayedNodes[index]),
    ).to.equal(true);
    expect(displayedNodes.every((node) => node.isConnected)).to.equal(true);
    expect(count(ownRender(element), '[part~="article"]')).to.equal(0);
    expect({ markup: box(markup), form: place(form!) }).to.deep.equal(before);
    if (shifts) expect(await shifts.total()).to.equal(0);
    shifts?.stop();
    // Structured data comes from the loaded article.
    const data = JSON.parse(element.querySelector('script[type="application/ld+json"]')!.textContent!);
    expect(data.headline).to.equal(LOADED_HEADLINE);
    expect(form!.effectivePostId).to.equal('42');
    await expectAccessible(element);
  });

  it('keeps markup that carries no date, whatever the loaded article’s date', async () => {
    const tags = freshTags();
    const { element, markup } = mount(
      tags,
      `src="${feedUrl({ date_modified: '2030-01-01T00:00:00Z' })}"`,
      serverMarkup({ modified: '' }),
    );
    await upgrade(tags, element);
    await oneEvent(element, 'load');
    await element.updateComplete;
    expect(element.state).to.equal('ready');
    expect(shown(markup)).to.equal(true);
    expect(count(ownRender(element), '[part~="article"]')).to.equal(0);
  });

  it('replaces the markup with a newer article, and readers and screen readers get one article', async () => {
    const tags = freshTags();
    const src = feedUrl({ date_published: '2022-03-10T09:00:00Z', date_modified: '2022-03-11T08:00:00Z' }, 300);
    const { element, markup, after } = mount(tags, `src="${src}"`, serverMarkup());
    const shifts = watchLayoutShifts();
    await upgrade(tags, element);
    expect(shown(markup)).to.equal(true);
    await oneEvent(element, 'load');
    await element.updateComplete;

    expect(element.state).to.equal('ready');
    const headline = element.shadowRoot!.querySelector('[part~="headline"]')!;
    expect(headline.textContent!.trim()).to.equal(LOADED_HEADLINE);
    expect(shown(element.shadowRoot!.querySelector('[part~="article"]')!)).to.equal(true);
    // The markup is still in the page, but no longer slotted: not displayed, not read out.
    expect(markup.isConnected).to.equal(true);
    expect(markup.assignedSlot?.name).to.equal(undefined);
    expect(shown(markup)).to.equal(false);
    const visibleArticles = [
      ...document.querySelectorAll(`${tags.article} article`),
      ...element.shadowRoot!.querySelectorAll('article'),
    ].filter(shown);
    expect(visibleArticles.length).to.equal(1);
    if (readsAccessibilityTree) {
      const headings = await accessibleHeadings();
      expect(headings.filter((name) => name === LOADED_HEADLINE).length).to.equal(1);
      expect(headings).not.to.include(SERVER_HEADLINE);
    }
    expect(shown(after)).to.equal(true);
    // The instrument of the other tests sees a shift when there is one.
    if (shifts) expect(await shifts.total()).to.be.greaterThan(0);
    shifts?.stop();
    await expectAccessible(element);
  });

  it('replaces the markup with another post, whatever its date', async () => {
    const tags = freshTags();
    const src = feedUrl({ id: '43', date_modified: '2020-01-01T00:00:00Z' });
    const { element, markup } = mount(tags, `src="${src}"`, serverMarkup());
    await upgrade(tags, element);
    await oneEvent(element, 'load');
    await element.updateComplete;
    expect(element.article?.id).to.equal('43');
    expect(shown(markup)).to.equal(false);
    expect(element.shadowRoot!.querySelector('[part~="headline"]')!.textContent!.trim()).to.equal(LOADED_HEADLINE);
  });

  it('keeps the markup, with no error box, when the load fails, and says why through the error event', async () => {
    const tags = freshTags();
    const { element, markup, form } = mount(tags, 'src="/feeds/status?code=503"', serverMarkup(), { form: true });
    const before = { markup: box(markup), form: place(form!) };
    const failed = new Promise<void>((resolve) => element.addEventListener('error', () => resolve(), { once: true }));
    await upgrade(tags, element);
    const mutations = watchMutations(element, markup);
    await failed;
    await element.updateComplete;
    expect(element.state).to.equal('error');
    expect(element.error?.code).to.equal('http');
    expect(shown(markup)).to.equal(true);
    expect(count(ownRender(element), '[part~="error"], [role="alert"]')).to.equal(0);
    expect(mutations.visible()).to.deep.equal([]);
    mutations.stop();
    expect({ markup: box(markup), form: place(form!) }).to.deep.equal(before);
    expect(element.article?.format).to.equal('html');
    expect(count(element, 'script[type="application/ld+json"]')).to.equal(0);
    await form!.updateComplete;
    expect(form!.effectivePostId).to.equal('42');
    await expectAccessible(element);
  });

  it('loads again by itself when the page changes its markup, and weighs the loaded article against the new markup', async () => {
    const { element, markup, events } = await loadedOverKeptMarkup();
    expect(count(ownRender(element), '[part~="article"]')).to.equal(0);
    // The page puts an older print of the article in its place.
    const loaded = oneEvent(element, 'loadend');
    markup.replaceWith(markupElement({ modified: '2022-03-09T13:00:00+03:00' }));
    await loaded;
    await element.updateComplete;
    expect(events).to.deep.equal(['loadstart', 'load', 'loadend']);
    expect(element.shadowRoot!.querySelector('[part~="headline"]')!.textContent!.trim()).to.equal(LOADED_HEADLINE);
    expect(element.article?.format).to.equal('json-feed');
  });

  it('does not load again when the page puts back markup that says the same', async () => {
    const { element, markup, events } = await loadedOverKeptMarkup();
    markup.replaceWith(markupElement());
    await aTimeout(200);
    expect(events).to.deep.equal([]);
    expect(element.state).to.equal('ready');
    expect(count(ownRender(element), '[part~="article"]')).to.equal(0);
  });

  it('weighs markup the page adds while the article loads as it would markup that was there first', async () => {
    const tags = freshTags();
    const { element, after } = mount(tags, `src="${feedUrl({ date_modified: PRINTED }, 300)}"`, '');
    await upgrade(tags, element);
    const markup = markupElement();
    element.prepend(markup);
    await oneEvent(element, 'loadend');
    await element.updateComplete;
    // The article that loads is not newer than the markup: the markup stays, and no article is rendered over it.
    expect(element.state).to.equal('ready');
    expect(markup.assignedSlot?.name).to.equal('article');
    expect(shown(markup)).to.equal(true);
    expect(count(ownRender(element), '[part~="article"]')).to.equal(0);
    expect(shown(after)).to.equal(true);
  });

  it('renders the kept article when the page takes its markup away', async () => {
    const tags = freshTags();
    const { element, markup } = mount(tags, `src="${feedUrl({ date_modified: PRINTED })}"`, serverMarkup());
    await upgrade(tags, element);
    await oneEvent(element, 'load');
    await element.updateComplete;
    expect(count(ownRender(element), '[part~="article"]')).to.equal(0);
    markup.remove();
    await waitUntil(
      () => element.shadowRoot?.querySelector('[part~="headline"]'),
      'the loaded article was never rendered',
    );
    expect(element.shadowRoot!.querySelector('[part~="headline"]')!.textContent!.trim()).to.equal(LOADED_HEADLINE);
    expect(element.state).to.equal('ready');
  });
});

describe('what server-rendered markup says about itself', () => {
  const read = (html: string) => {
    const holder = document.createElement('div');
    holder.innerHTML = html;
    return readServerRenderedArticle([...holder.children]);
  };

  it('reads the modified date from data-modified first, then a time marked dateModified or updated', () => {
    expect(
      read(
        `<article data-modified="2024-05-02T09:30:00+02:00"><time class="updated" datetime="2020-01-01T00:00:00Z"></time></article>`,
      )?.date?.toISOString(),
    ).to.equal('2024-05-02T07:30:00.000Z');
    // WordPress themes print hAtom classes: entry-date published, and updated.
    const wordpress =
      read(`<article data-post-id="7"><time class="entry-date published" datetime="2024-05-01T08:00:00+00:00">1 May</time>
      <time class="updated" datetime="2024-05-03T08:00:00+00:00">3 May</time></article>`)!;
    expect(wordpress.date?.toISOString()).to.equal('2024-05-03T08:00:00.000Z');
    expect(wordpress.article?.published?.toISOString()).to.equal('2024-05-01T08:00:00.000Z');
    expect(
      read(`<article><time itemprop="datePublished" datetime="2024-05-01"></time></article>`)?.date?.toISOString(),
    ).to.equal('2024-05-01T00:00:00.000Z');
  });

  it('takes no date from an unmarked time or a date-time without a zone, so such markup is kept', () => {
    expect(
      read(`<article><p>Talks on <time datetime="2024-05-01T08:00:00Z">1 May</time></p></article>`)?.date,
    ).to.equal(undefined);
    expect(read(`<article data-modified="2024-05-01T08:00:00"></article>`)?.date).to.equal(undefined);
  });

  it('replaces only with another post or a later date', () => {
    const markup = read(`<article data-post-id="42" data-modified="2024-05-01T08:00:00Z"></article>`)!;
    const loaded = (id: string, modified: string): Article => ({
      format: 'wordpress',
      id,
      postId: Number(id),
      authors: [],
      categories: [],
      tags: [],
      modified: new Date(modified),
    });
    expect(replacesServerRendered(loaded('42', '2024-05-01T08:00:00Z'), markup)).to.equal(false);
    expect(replacesServerRendered(loaded('42', '2024-04-30T08:00:00Z'), markup)).to.equal(false);
    expect(replacesServerRendered(loaded('42', '2024-05-01T08:00:01Z'), markup)).to.equal(true);
    expect(replacesServerRendered(loaded('43', '2020-01-01T00:00:00Z'), markup)).to.equal(true);
  });

  it('has no markup to read when there are no slotted elements', () => {
    expect(readServerRenderedArticle([])).to.equal(undefined);
  });
});
