/**
 * The "There is a problem" summary of <comment-form> as a reader taps it, in real
 * Chromium, Firefox and WebKit: after an empty submit each of its links is a target of
 * at least 24 × 24 CSS px, apart from the others (WCAG 2.2, 2.5.8 Target Size), on a
 * plain page, on a page with small tight type, and in each look of the demo (its own
 * demo/themes.css); and axe, WCAG 2.2 rules included, finds nothing.
 */
import { expect, waitUntil } from '@open-wc/testing';
import '../../../src/define.js';
import type { CommentFormElement } from '../../../src/comment/comment-form.js';
import { expectAccessible } from '../../support/expect-accessible.js';
import { deleteDatabase } from './storage-fixtures.js';

const MIN_TARGET = 24;
let count = 0;

const mounted: HTMLElement[] = [];
/** A form in its own wrapper, built by hand: `fixture()` waits for a frame a background tab may never get. */
async function newForm(wrapperStyle = ''): Promise<CommentFormElement> {
  const wrapper = document.createElement('div');
  wrapper.setAttribute('style', wrapperStyle);
  wrapper.innerHTML = `<comment-form endpoint="/api/t/summary-${Date.now()}-${count++}/comments" post-id="summary-${count}"></comment-form>`;
  document.body.append(wrapper);
  mounted.push(wrapper);
  const form = wrapper.querySelector('comment-form') as CommentFormElement;
  await form.updateComplete;
  return form;
}

/** Submits the form empty, as a reader who pressed the button first does, and returns the summary's links. */
async function submitEmpty(form: CommentFormElement): Promise<HTMLAnchorElement[]> {
  form.shadowRoot!.querySelector<HTMLElement>('[part~="submit"]')!.click();
  await form.updateComplete;
  const summary = () => form.shadowRoot!.querySelector('[part~="error-summary"]');
  await waitUntil(() => summary(), 'no error summary after an empty submit');
  return [...summary()!.querySelectorAll('a')];
}

/** The width and height of each link's box, rounded to 0.1 px. */
const sizes = (links: HTMLElement[]) =>
  links.map((link) => {
    const { width, height } = link.getBoundingClientRect();
    return { text: link.textContent!.trim(), width: Math.round(width * 10) / 10, height: Math.round(height * 10) / 10 };
  });

function expectTappable(links: HTMLAnchorElement[], label: string): void {
  expect(
    links.map((link) => link.textContent!.trim()),
    label,
  ).to.deep.equal(['Enter your comment', 'Enter your name', 'Enter your email address']);
  for (const { text, width, height } of sizes(links)) {
    expect(width, `${label}: width of "${text}"`).to.be.at.least(MIN_TARGET);
    expect(height, `${label}: height of "${text}"`).to.be.at.least(MIN_TARGET);
  }
  // Stacked, not overlapping: each target ends before the next begins.
  const boxes = links.map((link) => link.getBoundingClientRect());
  for (let i = 1; i < boxes.length; i++) {
    expect(boxes[i]!.top, `${label}: link ${i + 1} starts below link ${i}`).to.be.at.least(boxes[i - 1]!.bottom);
  }
}

/** The demo's stylesheet of looks, as the demo page loads it, and the class its Look setting puts on <html>. */
async function applyDemoLook(look: string): Promise<void> {
  const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: '/demo/themes.css' });
  link.dataset.demoThemes = '';
  const loaded = new Promise((resolve, reject) => {
    link.onload = resolve;
    link.onerror = () => reject(new Error('demo/themes.css did not load'));
  });
  document.head.append(link);
  await loaded;
  if (look !== 'default') document.documentElement.classList.add(`theme-${look}`);
}

beforeEach(async () => {
  localStorage.clear();
  await deleteDatabase('news-widgets');
});
afterEach(() => {
  for (const wrapper of mounted.splice(0)) wrapper.remove();
  document.documentElement.className = '';
  document.querySelector('link[data-demo-themes]')?.remove();
});

describe('<comment-form> error summary: links a reader can tap', () => {
  it('gives each link at least 24 × 24 px, one below the other, and passes axe with the WCAG 2.2 rules', async () => {
    const form = await newForm();
    const links = await submitEmpty(form);
    expectTappable(links, 'plain page');
    await expectAccessible(form);
  });

  it('keeps the links 24 px tall on a page with small, tight type', async () => {
    const form = await newForm('font-size: 12px; line-height: 1');
    const links = await submitEmpty(form);
    expectTappable(links, '12 px type, line-height 1');
    await expectAccessible(form);
  });

  it('still takes the reader to the field the link names', async () => {
    const form = await newForm();
    const links = await submitEmpty(form);
    links[1]!.click();
    await form.updateComplete;
    expect(form.shadowRoot!.activeElement?.id).to.equal('name');
  });

  describe('in each look of the demo page', () => {
    for (const look of ['default', 'dark', 'newspaper']) {
      it(`${look}: 24 × 24 px links and no axe violation`, async () => {
        await applyDemoLook(look);
        const form = await newForm();
        if (look === 'newspaper')
          expect(getComputedStyle(form).getPropertyValue('--comment-form-gap').trim()).to.equal('1rem');
        const links = await submitEmpty(form);
        expectTappable(links, `${look} look`);
        await expectAccessible(form);
      });
    }
  });
});
