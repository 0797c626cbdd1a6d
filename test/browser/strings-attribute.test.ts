/**
 * Both elements take the site's words as a property or as JSON in their `strings`
 * attribute, through one converter (src/shared/json-attribute.ts), in real Chromium,
 * Firefox and WebKit: valid JSON applies; JSON that cannot be read changes no word (a
 * fresh element keeps its built-in words) and the console names the element and the
 * attribute. Nothing throws.
 */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { CommentFormElement } from '../../src/comment/comment-form.js';
import type { NewsArticleElement } from '../../src/article/news-article.js';
import { deleteDatabase } from './comment/storage-fixtures.js';

const text = (element: Element, selector: string) => element.shadowRoot!.querySelector(selector)?.textContent?.trim();

const mounted: Element[] = [];
function mount<T extends HTMLElement>(markup: string): T {
  const holder = document.createElement('div');
  holder.innerHTML = markup;
  document.body.append(holder);
  mounted.push(holder);
  return holder.firstElementChild as T;
}

let count = 0;
async function newForm(attributes: string): Promise<CommentFormElement> {
  const form = mount<CommentFormElement>(
    `<comment-form endpoint="/api/t/strings-${count}/comments" post-id="strings-${Date.now()}-${count++}" ${attributes}></comment-form>`,
  );
  await form.updateComplete;
  return form;
}

/** An article that cannot be found: its error message and retry button show the element's words. */
async function newMissingArticle(attributes: string): Promise<NewsArticleElement> {
  const article = mount<NewsArticleElement>(
    `<news-article src="/feeds/status?code=404&n=${count++}" ${attributes}></news-article>`,
  );
  await oneEvent(article, 'error');
  await article.updateComplete;
  return article;
}

/** Collects console warnings while `run` runs. */
async function warningsDuring(run: () => Promise<void>): Promise<string[]> {
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
  try {
    await run();
  } finally {
    console.warn = warn;
  }
  return warnings;
}

beforeEach(async () => {
  localStorage.clear();
  await deleteDatabase('news-widgets');
});
afterEach(() => {
  for (const element of mounted.splice(0)) element.remove();
});

describe('<comment-form strings>', () => {
  it('shows the words of valid JSON', async () => {
    const form = await newForm(`strings='{"heading":"Join the discussion","submit":"Send"}'`);
    expect(text(form, '[part~="heading"]')).to.equal('Join the discussion');
    expect(text(form, '[part~="submit"]')).to.equal('Send');
  });

  it('keeps its built-in words when the JSON cannot be read, and says which element and attribute in the console', async () => {
    let form!: CommentFormElement;
    const warnings = await warningsDuring(async () => {
      form = await newForm(`strings='{"heading":"Join the discussion",}'`);
    });
    expect(text(form, '[part~="heading"]')).to.equal('Leave a comment');
    expect(text(form, '[part~="submit"]')).to.equal('Post Comment');
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.match(
      /^<comment-form> keeps its strings as they were: its strings attribute is not a JSON object/,
    );
  });

  it('keeps the site’s words when a later value cannot be read', async () => {
    const form = await newForm(`strings='{"submit":"Send"}'`);
    const warnings = await warningsDuring(async () => {
      form.setAttribute('strings', '["Send now"]');
      await form.updateComplete;
    });
    expect(text(form, '[part~="submit"]')).to.equal('Send');
    expect(warnings).to.have.length(1);
    form.removeAttribute('strings');
    await waitUntil(
      () => text(form, '[part~="submit"]') === 'Post Comment',
      'the built-in words are not back after the attribute is removed',
    );
  });
});

describe('<news-article strings>', () => {
  it('shows the words of valid JSON, nested error messages included', async () => {
    const article = await newMissingArticle(
      `strings='{"retry":"Réessayer","errors":{"not-found":"Article introuvable."}}'`,
    );
    expect(text(article, '[part~="error"] p')).to.equal('Article introuvable.');
    expect(text(article, '[part~="retry-button"]')).to.equal('Réessayer');
  });

  it('keeps its built-in words when the JSON cannot be read, and says which element and attribute in the console', async () => {
    let article!: NewsArticleElement;
    const warnings = await warningsDuring(async () => {
      article = await newMissingArticle(`strings="{'retry':'Réessayer'}"`);
    });
    expect(text(article, '[part~="error"] p')).to.equal('The article was not found.');
    expect(text(article, '[part~="retry-button"]')).to.equal('Try again');
    expect(warnings.filter((warning) => warning.includes('strings'))).to.have.length(1);
    expect(warnings.find((warning) => warning.includes('strings'))).to.match(
      /^<news-article> keeps its strings as they were: its strings attribute is not a JSON object/,
    );
  });

  it('takes the property as before', async () => {
    const article = mount<NewsArticleElement>(
      `<news-article src="/feeds/status?code=404&n=${count++}"></news-article>`,
    );
    article.strings = { retry: 'Nochmal' };
    await oneEvent(article, 'error');
    await article.updateComplete;
    expect(text(article, '[part~="retry-button"]')).to.equal('Nochmal');
  });
});
