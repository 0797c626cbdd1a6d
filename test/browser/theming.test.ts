/**
 * Theming of both elements as a host page meets it, in real Chromium and Firefox: they
 * follow the page's dark mode when it changes at run time (its `color-scheme`, a class on
 * `<html>`, `prefers-color-scheme`) without being re-created; every colour passes axe's
 * colour-contrast check in light and dark, in every state a reader can reach; forced
 * colours (Chromium's emulation of Windows high contrast) keep every control outlined;
 * and each custom property and part docs/theming.md documents changes what it says.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { emulateMedia, executeServerCommand } from '@web/test-runner-commands';
import '../../src/define.js';
import type { CommentFormElement } from '../../src/comment/comment-form.js';
import type { NewsArticleElement } from '../../src/article/news-article.js';
import { deleteDatabase } from './comment/storage-fixtures.js';
import { axeRunOptions } from '../support/axe-options.js';

interface AxeResult {
  id: string;
  nodes: { target: unknown; failureSummary?: string }[];
}
interface Axe {
  getRules(tags: string[]): { ruleId: string }[];
  run(context: Element, options: object): Promise<{ violations: AxeResult[]; passes: AxeResult[] }>;
}

/** A feed with every piece the article can show, none fetched from the network. */
const IMAGE = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="160" height="90"><rect width="160" height="90" fill="gray"/></svg>')}`;
const FULL_FEED = {
  version: 'https://jsonfeed.org/version/1.1',
  items: [
    {
      id: 'full',
      url: 'https://news.example/full',
      title: 'Talks end without a ceasefire',
      summary: 'Foreign ministers met near Antalya for an hour and a half.',
      content_html:
        '<p>The talks lasted <a href="https://news.example/talks">90 minutes</a>.</p><p>Both sides spoke afterwards.</p>',
      image: IMAGE,
      date_published: '2022-03-10T13:00:00+03:00',
      authors: [{ name: 'Olena Kovalenko', url: 'https://news.example/olena' }],
      tags: ['Diplomacy', 'Turkey'],
    },
  ],
};
const TEXT_FEED = {
  version: 'https://jsonfeed.org/version/1.1',
  items: [{ id: 'text', title: 'Plain text', content_text: 'First paragraph.\n\nSecond paragraph.' }],
};
/** A WordPress post as `?_embed` returns it, with its category. */
const WORDPRESS_POST = {
  id: 7,
  date_gmt: '2022-03-10T10:00:00',
  title: { rendered: 'Categorized post' },
  content: { rendered: '<p>Body.</p>' },
  _embedded: { 'wp:term': [[{ taxonomy: 'category', name: 'News' }], [{ taxonomy: 'post_tag', name: 'Turkey' }]] },
};

const isChromium = navigator.userAgent.includes('Chrome/');
/**
 * Whether the test runner can emulate `prefers-color-scheme` in this browser: it can in
 * Chromium (CDP), not in Firefox driven over WebDriver BiDi nor in WebKit over WebDriver.
 */
const canEmulateColorScheme = isChromium;
const mounted: HTMLElement[] = [];
const pageStyle = document.createElement('style');
// The host page: its own background and text (as a real page has, and as axe needs to
// know what is behind the text), and its own dark switch, a class on <html>.
pageStyle.textContent = `
  html { background: Canvas; color: CanvasText; }
  html.night { color-scheme: dark; }
`;
document.head.append(pageStyle);

let testCount = 0;
const newEndpoint = () => `/api/t/theming-${Date.now()}-${testCount++}/comments`;

function mount<T extends HTMLElement>(markup: string, selector: string): T {
  const wrapper = document.createElement('div');
  wrapper.innerHTML = markup;
  document.body.append(wrapper);
  mounted.push(wrapper);
  return wrapper.querySelector<T>(selector)!;
}

async function newForm(): Promise<CommentFormElement> {
  const form = mount<CommentFormElement>(
    `<comment-form endpoint="${newEndpoint()}" post-id="theming-${Date.now()}"></comment-form>`,
    'comment-form',
  );
  await form.updateComplete;
  return form;
}

async function newArticle(setup: (element: NewsArticleElement) => void): Promise<NewsArticleElement> {
  const element = mount<NewsArticleElement>('<news-article></news-article>', 'news-article');
  setup(element);
  await waitUntil(() => element.state === 'ready' || element.state === 'error', 'the article never finished loading', {
    timeout: 10000,
  });
  await element.updateComplete;
  return element;
}
const fullArticle = () => newArticle((element) => (element.data = structuredClone(FULL_FEED)));

const inShadow = (host: Element, selector: string) => host.shadowRoot!.querySelector<HTMLElement>(selector)!;
const style = (host: Element, selector: string) => getComputedStyle(inShadow(host, selector));

async function typeDraft(form: CommentFormElement, text: string): Promise<void> {
  const textarea = inShadow(form, '#content') as HTMLTextAreaElement;
  textarea.value = text;
  textarea.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await form.updateComplete;
}

/**
 * A form showing a restored draft: text typed into one form, saved, and put back by a
 * new form for the same post, as on the reader's next visit.
 */
async function formWithRestoredDraft(): Promise<CommentFormElement> {
  const form = await newForm();
  await typeDraft(form, 'Kept for later.');
  await new Promise((resolve) => setTimeout(resolve, 1800));
  const [endpoint, postId] = [form.getAttribute('endpoint')!, form.getAttribute('post-id')!];
  mounted.splice(0).forEach((wrapper) => wrapper.remove());
  const again = mount<CommentFormElement>(
    `<comment-form endpoint="${endpoint}" post-id="${postId}"></comment-form>`,
    'comment-form',
  );
  await waitUntil(() => inShadow(again, '[part~="draft-notice"]'), 'the draft was not restored', { timeout: 5000 });
  return again;
}

async function submitEmpty(form: CommentFormElement): Promise<void> {
  inShadow(form, '[part~="submit"]').click();
  await form.updateComplete;
  await waitUntil(() => inShadow(form, '[part~="error-summary"]'), 'no error summary');
}

/** The colours a reader sees on the form's and the article's controls. */
function controlColours(form: CommentFormElement, article: NewsArticleElement) {
  return {
    fieldBackground: style(form, '#content').backgroundColor,
    fieldText: style(form, '#content').color,
    buttonBackground: style(form, '[part~="submit"]').backgroundColor,
    buttonText: style(form, '[part~="submit"]').color,
    requiredStar: style(form, '.required').color,
    articleLink: style(article, '[part~="content"] a').color,
    articleText: style(article, '[part~="content"]').color,
  };
}

/**
 * Runs axe's colour-contrast rule, with the WCAG 2.2 rules as every axe check does, on an
 * element: contrast must check some text, and nothing may fail.
 */
async function expectContrastPasses(element: Element, label: string): Promise<void> {
  await import('axe-core/axe.min.js' as string);
  const axe = (window as unknown as { axe: Axe }).axe;
  const wcag22 = Object.keys(axeRunOptions(axe).rules);
  const results = await axe.run(element, { runOnly: { type: 'rule', values: ['color-contrast', ...wcag22] } });
  const failures = results.violations.flatMap((rule) =>
    rule.nodes.map((node) => `${rule.id} ${JSON.stringify(node.target)}: ${node.failureSummary}`),
  );
  expect(failures, `${label}: colour contrast and WCAG 2.2`).to.deep.equal([]);
  const checked = results.passes.filter((rule) => rule.id === 'color-contrast').flatMap((rule) => rule.nodes).length;
  expect(checked, `${label}: text axe could check`).to.be.greaterThan(0);
}

function setScheme(scheme: 'light' | 'dark'): void {
  document.documentElement.style.colorScheme = scheme;
}

beforeEach(async () => {
  localStorage.clear();
  await deleteDatabase('news-widgets');
});
afterEach(async () => {
  for (const wrapper of mounted.splice(0)) wrapper.remove();
  document.documentElement.style.colorScheme = '';
  document.documentElement.classList.remove('night');
  for (const sheet of document.querySelectorAll('style[data-test-theme]')) sheet.remove();
  if (canEmulateColorScheme) await emulateMedia({ colorScheme: 'light' });
  if (isChromium) await executeServerCommand('emulate-forced-colors', { active: false });
});

describe('dark mode that follows the host page', () => {
  it('switches the form and the article to dark when the page sets color-scheme: dark, without re-creating them or losing the draft', async () => {
    setScheme('light');
    const form = await newForm();
    const article = await fullArticle();
    await typeDraft(form, 'A draft typed in the light.');
    const root = form.shadowRoot;
    const textarea = inShadow(form, '#content');
    const light = controlColours(form, article);

    setScheme('dark');
    const dark = controlColours(form, article);
    for (const key of Object.keys(light) as (keyof typeof light)[]) {
      expect(dark[key], `${key} in dark`).to.not.equal(light[key]);
    }
    expect(document.querySelector('comment-form')).to.equal(form);
    expect(form.shadowRoot).to.equal(root);
    expect(inShadow(form, '#content')).to.equal(textarea);
    expect((textarea as HTMLTextAreaElement).value).to.equal('A draft typed in the light.');

    setScheme('light');
    expect(controlColours(form, article)).to.deep.equal(light);
  });

  it('follows a dark-mode class the page toggles on <html> at run time', async () => {
    const form = await newForm();
    const article = await fullArticle();
    await typeDraft(form, 'Typed before the switch.');
    const light = controlColours(form, article);

    document.documentElement.classList.add('night');
    const dark = controlColours(form, article);
    expect(dark.fieldBackground).to.not.equal(light.fieldBackground);
    expect(dark.buttonBackground).to.not.equal(light.buttonBackground);
    expect(dark.requiredStar).to.not.equal(light.requiredStar);
    expect(dark.articleLink).to.not.equal(light.articleLink);
    expect((inShadow(form, '#content') as HTMLTextAreaElement).value).to.equal('Typed before the switch.');

    document.documentElement.classList.remove('night');
    expect(controlColours(form, article)).to.deep.equal(light);
  });

  // Where the test runner can emulate the reader's preference (Chromium).
  if (!canEmulateColorScheme) return;

  it('follows prefers-color-scheme: dark on a page that allows both schemes', async () => {
    document.documentElement.style.colorScheme = 'light dark';
    const form = await newForm();
    const article = await fullArticle();
    const light = controlColours(form, article);

    await emulateMedia({ colorScheme: 'dark' });
    expect(matchMedia('(prefers-color-scheme: dark)').matches).to.equal(true);
    const dark = controlColours(form, article);
    expect(dark.fieldBackground).to.not.equal(light.fieldBackground);
    expect(dark.buttonBackground).to.not.equal(light.buttonBackground);
    expect(dark.requiredStar).to.not.equal(light.requiredStar);
    expect(dark.articleLink).to.not.equal(light.articleLink);
    await contrastInEveryState('prefers dark', form, article);
  });

  it('stays light on a page that declares no dark scheme, whatever the reader prefers', async () => {
    const form = await newForm();
    const light = style(form, '#content').backgroundColor;
    await emulateMedia({ colorScheme: 'dark' });
    expect(style(form, '#content').backgroundColor).to.equal(light);
  });
});

/** Contrast of the states of the form and article on show now, plus errors and sending. */
async function contrastInEveryState(
  label: string,
  form: CommentFormElement,
  article: NewsArticleElement,
): Promise<void> {
  await expectContrastPasses(form, `${label}, empty form`);
  await expectContrastPasses(article, `${label}, article`);
  await submitEmpty(form);
  await expectContrastPasses(form, `${label}, form with errors`);
}

describe('colour contrast (WCAG AA, axe) in light and dark', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`${scheme}: the empty form, the form with errors, the restored draft and the sending button`, async () => {
      setScheme(scheme);
      const form = await newForm();
      await expectContrastPasses(form, `${scheme}, empty form`);
      await submitEmpty(form);
      await expectContrastPasses(form, `${scheme}, form with errors`);

      // A draft put back on the next visit shows its notice and the discard button.
      const again = await formWithRestoredDraft();
      const endpoint = again.getAttribute('endpoint')!;
      await expectContrastPasses(again, `${scheme}, restored draft`);

      // Sending: the button while the slow endpoint has not answered.
      await fetch(`${endpoint}/failure-mode`, { method: 'POST', body: JSON.stringify({ mode: 'slow' }) });
      for (const [id, value] of [
        ['name', 'Olena'],
        ['email', 'olena@example.com'],
      ]) {
        const input = inShadow(again, `#${id}`) as HTMLInputElement;
        input.value = value!;
        input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      }
      await again.updateComplete;
      inShadow(again, '[part~="submit"]').click();
      await waitUntil(
        () => inShadow(again, '[part~="submit"]').getAttribute('aria-disabled') === 'true',
        'never sending',
      );
      await expectContrastPasses(again, `${scheme}, sending`);
      await waitUntil(
        () => inShadow(again, '[part~="submit"]').getAttribute('aria-disabled') === 'false',
        'never answered',
        { timeout: 6000 },
      );
      await expectContrastPasses(again, `${scheme}, posted`);
    });

    it(`${scheme}: the article ready, loading and failed`, async () => {
      setScheme(scheme);
      await expectContrastPasses(await fullArticle(), `${scheme}, article`);
      await expectContrastPasses(
        await newArticle((element) => (element.src = '/feeds/status?code=500')),
        `${scheme}, article that failed to load`,
      );
    });
  }
});

describe('forced colours (Windows high contrast)', () => {
  if (!isChromium) return; // Only Chromium can emulate forced colours.

  it('keeps every control of the form and the article outlined in system colours', async () => {
    await executeServerCommand('emulate-forced-colors', { active: true });
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
    const form = await newForm();
    await submitEmpty(form);
    const visible = (host: Element, selector: string, property: 'borderTopColor' | 'outlineColor') => {
      const computed = style(host, selector);
      expect(computed[property], `${selector} ${property}`).to.not.match(/rgba\(0, 0, 0, 0\)|transparent/);
      expect(computed[property], `${selector} ${property} against the page`).to.not.equal(
        getComputedStyle(document.documentElement).backgroundColor,
      );
    };
    for (const selector of ['#content', '#name', '#email', '#url', '[part~="submit"]', '[part~="error-summary"]']) {
      visible(form, selector, 'borderTopColor');
    }
    expect(parseFloat(style(form, '.invalid [part~="input"]').borderInlineStartWidth)).to.be.greaterThan(
      parseFloat(style(form, '#url').borderInlineStartWidth),
    );
    const checkbox = inShadow(form, '#remember');
    expect(checkbox.getBoundingClientRect().width).to.be.greaterThan(0);
    expect(style(form, '#remember').appearance).to.not.equal('none');

    inShadow(form, '#name').focus();
    // Focus from script does not always count as keyboard focus: check the rule the ring comes from.
    const ring = [...form.shadowRoot!.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules])]
      .flatMap((rule) =>
        rule instanceof CSSMediaRule && rule.conditionText.includes('forced-colors') ? [...rule.cssRules] : [],
      )
      .find((rule) => rule instanceof CSSStyleRule && rule.selectorText.includes(':focus-visible')) as
      CSSStyleRule | undefined;
    expect(ring?.style.outlineColor).to.equal('highlight');

    const failed = await newArticle((element) => (element.src = '/feeds/status?code=500'));
    visible(failed, '[part~="error"]', 'borderTopColor');
    visible(failed, '[part~="retry-button"]', 'borderTopColor');
  });
});

/** A custom property, the value a page gives it, and where the change must show. */
interface PropertyCase {
  name: string;
  value: string;
  selector: string;
  property: string;
  expected: string;
  state?: 'loading' | 'error' | 'invalid';
}
const ARTICLE_PROPERTIES: PropertyCase[] = [
  {
    name: '--news-article-max-width',
    value: '300px',
    selector: '[part~="article"]',
    property: 'max-width',
    expected: '300px',
  },
  {
    name: '--news-article-link-color',
    value: 'rgb(1, 2, 3)',
    selector: '[part~="content"] a',
    property: 'color',
    expected: 'rgb(1, 2, 3)',
  },
  {
    name: '--news-article-headline-font',
    value: 'monospace',
    selector: '[part~="headline"]',
    property: 'font-family',
    expected: 'monospace',
  },
  {
    name: '--news-article-headline-size',
    value: '50px',
    selector: '[part~="headline"]',
    property: 'font-size',
    expected: '50px',
  },
  {
    name: '--news-article-meta-color',
    value: 'rgb(4, 5, 6)',
    selector: '[part~="byline"]',
    property: 'color',
    expected: 'rgb(4, 5, 6)',
  },
  {
    name: '--news-article-meta-size',
    value: '11px',
    selector: '[part~="categories"]',
    property: 'font-size',
    expected: '11px',
  },
  {
    name: '--news-article-line-height',
    value: '30px',
    selector: '[part~="content"]',
    property: 'line-height',
    expected: '30px',
  },
  {
    name: '--news-article-image-radius',
    value: '9px',
    selector: '[part~="image"]',
    property: 'border-top-left-radius',
    expected: '9px',
  },
  {
    name: '--news-article-placeholder-height',
    value: '123px',
    selector: '[part~="placeholder"]',
    property: 'min-height',
    expected: '123px',
    state: 'loading',
  },
  {
    name: '--news-article-error-color',
    value: 'rgb(7, 8, 9)',
    selector: '[part~="error"]',
    property: 'border-top-color',
    expected: 'rgb(7, 8, 9)',
    state: 'error',
  },
];
const FORM_PROPERTIES: PropertyCase[] = [
  {
    name: '--comment-form-accent',
    value: 'rgb(10, 20, 30)',
    selector: '[part~="submit"]',
    property: 'background-color',
    expected: 'rgb(10, 20, 30)',
  },
  {
    name: '--comment-form-accent-text',
    value: 'rgb(250, 240, 230)',
    selector: '[part~="submit"]',
    property: 'color',
    expected: 'rgb(250, 240, 230)',
  },
  {
    name: '--comment-form-error-color',
    value: 'rgb(120, 0, 0)',
    selector: '.error-message',
    property: 'color',
    expected: 'rgb(120, 0, 0)',
    state: 'invalid',
  },
  {
    name: '--comment-form-field-background',
    value: 'rgb(255, 250, 240)',
    selector: '#content',
    property: 'background-color',
    expected: 'rgb(255, 250, 240)',
  },
  {
    name: '--comment-form-field-border',
    value: '3px dashed rgb(0, 90, 0)',
    selector: '#name',
    property: 'border-top-style',
    expected: 'dashed',
  },
  {
    name: '--comment-form-radius',
    value: '0px',
    selector: '#name',
    property: 'border-top-left-radius',
    expected: '0px',
  },
  { name: '--comment-form-gap', value: '33px', selector: '[part~="form"]', property: 'row-gap', expected: '33px' },
];

/** The custom properties a set of constructable stylesheets reads. */
const propertiesIn = (styles: unknown, prefix: string) =>
  new Set(
    [
      ...[styles]
        .flat(Infinity)
        .map((sheet) => String((sheet as { cssText: string }).cssText))
        .join('\n')
        .matchAll(new RegExp(`var\\((${prefix}[\\w-]+)`, 'g')),
    ].map((match) => match[1]!),
  );

describe('custom properties and parts, as docs/theming.md documents them', () => {
  it('tests every custom property the elements read', async () => {
    const { NewsArticleElement } = await import('../../src/article/news-article.js');
    const { CommentFormElement } = await import('../../src/comment/comment-form.js');
    expect([...propertiesIn(NewsArticleElement.styles, '--news-article-')].sort()).to.deep.equal(
      ARTICLE_PROPERTIES.map((c) => c.name).sort(),
    );
    expect([...propertiesIn(CommentFormElement.styles, '--comment-form-')].sort()).to.deep.equal(
      FORM_PROPERTIES.map((c) => c.name).sort(),
    );
  });

  for (const entry of ARTICLE_PROPERTIES) {
    it(`${entry.name} sets ${entry.property} of ${entry.selector}`, async () => {
      const setup = (element: NewsArticleElement) => {
        element.style.setProperty(entry.name, entry.value);
        if (entry.state === 'loading') element.src = '/feeds/body?delay=4000&body=%7B%7D';
        else if (entry.state === 'error') element.src = '/feeds/status?code=500';
        else element.data = structuredClone(FULL_FEED);
      };
      let element: NewsArticleElement;
      if (entry.state === 'loading') {
        element = mount<NewsArticleElement>('<news-article></news-article>', 'news-article');
        setup(element);
        await waitUntil(() => element.state === 'loading' && inShadow(element, entry.selector), 'never loading');
      } else {
        element = await newArticle(setup);
      }
      const before = getComputedStyle(inShadow(element, entry.selector)).getPropertyValue(entry.property);
      expect(before).to.equal(entry.expected);
      element.style.removeProperty(entry.name);
      expect(
        getComputedStyle(inShadow(element, entry.selector)).getPropertyValue(entry.property),
        'the default differs',
      ).to.not.equal(entry.expected);
    });
  }

  for (const entry of FORM_PROPERTIES) {
    it(`${entry.name} sets ${entry.property} of ${entry.selector}`, async () => {
      const form = await newForm();
      form.style.setProperty(entry.name, entry.value);
      if (entry.state === 'invalid') await submitEmpty(form);
      expect(style(form, entry.selector).getPropertyValue(entry.property)).to.equal(entry.expected);
      form.style.removeProperty(entry.name);
      expect(style(form, entry.selector).getPropertyValue(entry.property), 'the default differs').to.not.equal(
        entry.expected,
      );
    });
  }

  it('styles every part of <news-article> from the page with ::part()', async () => {
    const parts = {
      ready: [
        'article',
        'headline',
        'headline-text',
        'summary',
        'summary-text',
        'byline',
        'figure',
        'image',
        'content',
        'footer',
        'categories',
      ],
      text: ['text-paragraph'],
      wordpress: ['categories', 'tags'],
      error: ['error', 'retry-button'],
      loading: ['placeholder'],
    };
    const sheet = document.createElement('style');
    sheet.dataset.testTheme = '';
    sheet.textContent = Object.values(parts)
      .flat()
      .map((part) => `news-article::part(${part}) { outline: 2px dotted rgb(11, 22, 33); }`)
      .join('\n');
    document.head.append(sheet);
    const expectStyled = (element: NewsArticleElement, names: string[]) => {
      for (const part of names) {
        expect(getComputedStyle(inShadow(element, `[part~="${part}"]`)).outlineColor, part).to.equal('rgb(11, 22, 33)');
      }
    };
    expectStyled(await fullArticle(), parts.ready);
    expectStyled(await newArticle((element) => (element.data = structuredClone(TEXT_FEED))), parts.text);
    expectStyled(await newArticle((element) => (element.data = structuredClone(WORDPRESS_POST))), parts.wordpress);
    expectStyled(await newArticle((element) => (element.src = '/feeds/status?code=404')), parts.error);
    const loading = mount<NewsArticleElement>(
      '<news-article src="/feeds/body?delay=4000&body=%7B%7D"></news-article>',
      'news-article',
    );
    await waitUntil(() => loading.state === 'loading' && inShadow(loading, '[part~="placeholder"]'), 'never loading');
    expectStyled(loading, parts.loading);
  });

  it('styles every part of <comment-form> from the page with ::part()', async () => {
    const parts = [
      'heading',
      'error-summary',
      'status',
      'form',
      'field',
      'label',
      'hint',
      'error-message',
      'input',
      'remember',
      'submit',
      'draft-notice',
    ];
    const sheet = document.createElement('style');
    sheet.dataset.testTheme = '';
    sheet.textContent = parts
      .map((part) => `comment-form::part(${part}) { outline: 2px dotted rgb(11, 22, 33); }`)
      .join('\n');
    document.head.append(sheet);
    const again = await formWithRestoredDraft();
    (inShadow(again, '#email') as HTMLInputElement).value = 'not an address';
    inShadow(again, '#email').dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await submitEmpty(again);
    for (const part of parts) {
      const nodes = [...again.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${part}"]`)];
      expect(nodes.length, part).to.be.greaterThan(0);
      for (const node of nodes) expect(getComputedStyle(node).outlineColor, part).to.equal('rgb(11, 22, 33)');
    }
  });
});
