/**
 * `<news-article>`: one article from a JSON Feed or the WordPress REST API,
 * fetched, normalized, sanitized and rendered as an accessible `<article>`.
 */
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import { ContextProvider } from '@lit/context';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { Article, ArticleAuthor, FeedText } from './article.js';
import { articleContext } from '../shared/article-context.js';
import { jsonObjectAttribute } from '../shared/json-attribute.js';
import { FeedError, type FeedErrorCode } from './feed-error.js';
import { headingTag } from '../shared/heading-tag.js';
import { hasArticleSource, loadArticle } from './load-article.js';
import { LanguageController } from '../shared/language-controller.js';
import { newsArticleStyles } from './news-article.styles.js';
import type { ContentFiller } from './progressive-content.js';
import { LONG_HTML, sanitizeHtml } from './sanitize-html.js';
import { yieldToPage } from './yield-to-page.js';
import {
  SERVER_RENDERED_SELECTOR,
  readServerRenderedArticle,
  replacesServerRendered,
  type ServerRenderedArticle,
} from './server-rendered-article.js';
import { articleStructuredData, serializeJsonLd } from './structured-data.js';

/** The words the element shows. Every one can be replaced through the `strings` property. */
export const newsArticleStrings = {
  by: 'By',
  published: 'Published',
  updated: 'Updated',
  categorizedAs: 'Categorized as',
  tagged: 'Tagged',
  loading: 'Loading article',
  retry: 'Try again',
  errors: {
    'not-found': 'The article was not found.',
    http: 'The article could not be loaded: the server answered with an error.',
    network: 'The article could not be loaded. Check your connection and try again.',
    timeout: 'The article took too long to load.',
    'not-a-feed': 'The address does not point to a news feed.',
    'item-not-found': 'This article is not in the feed.',
  } satisfies Record<FeedErrorCode, string>,
};
export type NewsArticleStrings = typeof newsArticleStrings;
/** Any subset of the strings, error messages included. */
export type NewsArticleStringOverrides = Partial<Omit<NewsArticleStrings, 'errors'>> & {
  errors?: Partial<NewsArticleStrings['errors']>;
};

export type NewsArticleState = 'loading' | 'ready' | 'error';

interface LocaleFormats {
  date: Intl.DateTimeFormat;
  names: Intl.ListFormat;
  terms: Intl.ListFormat;
}
/**
 * One set of formatters per language, shared by every article on the page: creating
 * them is slow (the first one loads the locale's data), and a render needs three.
 */
const formatsByLocale = new Map<string, LocaleFormats>();
function localeFormats(language: string | undefined): LocaleFormats {
  let locale: string | undefined;
  try {
    locale = language ? Intl.getCanonicalLocales(language)[0] : undefined;
  } catch {
    // A malformed `lang` value: the browser's own language instead.
  }
  let formats = formatsByLocale.get(locale ?? '');
  if (!formats) {
    formats = {
      date: new Intl.DateTimeFormat(locale, { dateStyle: 'long' }),
      names: new Intl.ListFormat(locale, { type: 'conjunction' }),
      terms: new Intl.ListFormat(locale, { type: 'unit' }),
    };
    formatsByLocale.set(locale ?? '', formats);
  }
  return formats;
}

/** What the task hands to `render()`: the model plus its sanitized, ready-to-insert nodes. */
interface RenderedArticle {
  article: Article;
  /** False when the page's server-rendered markup stays on show instead (then there are no nodes). */
  replacesMarkup: boolean;
  headline?: Element;
  summary?: Element;
  content?: Element;
  /** Of a large content, the nodes still to be moved into the rendered article, a batch per frame. */
  unfilled?: ContentFiller;
}

const INLINE_FEED_SELECTOR = ':scope > script[type="application/feed+json"], :scope > script[type="application/json"]';

/** A module-private Trusted Types policy: JSON-LD is the only script text the element writes. */
let structuredDataPolicy: { createScript(text: string): string } | undefined;
function trustedScript(text: string): string {
  const factory = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: object): typeof structuredDataPolicy } })
    .trustedTypes;
  structuredDataPolicy ??= factory?.createPolicy('news-article#json-ld', { createScript: (value: string) => value }) ?? {
    createScript: (value) => value,
  };
  return structuredDataPolicy!.createScript(text);
}

/**
 * Builds the element a piece of feed text renders into: sanitized nodes for HTML,
 * text nodes for plain text (never parsed), one paragraph per blank-line block for
 * plain-text content.
 */
async function renderFeedText(
  text: FeedText | undefined,
  tag: 'span' | 'div',
  part: string,
  base: string | undefined,
): Promise<Element | undefined> {
  if (!text || !text.value.trim()) return undefined;
  const holder = document.createElement(tag);
  holder.setAttribute('part', part);
  if (text.kind === 'html') {
    holder.append(await sanitizeHtml(text.value, base));
  } else if (tag === 'div') {
    for (const block of text.value.split(/\n\s*\n/)) {
      if (!block.trim()) continue;
      const paragraph = document.createElement('p');
      paragraph.setAttribute('part', 'text-paragraph');
      paragraph.textContent = block.trim();
      holder.append(paragraph);
    }
  } else {
    holder.textContent = text.value;
  }
  return leadingText(holder, 1).trim() || holder.querySelector('img, video, audio, svg') ? holder : undefined;
}

/**
 * The start of `node`'s text (its `textContent`), read text node by text node until it holds
 * more than `length` characters that are not whitespace, or all of it: a 10 MB article's
 * text is never joined just to look at its first words.
 */
function leadingText(node: Node, length = Infinity): string {
  const walker = document.createTreeWalker(node, 4 /* NodeFilter.SHOW_TEXT */);
  let text = '';
  for (let visible = 0; visible <= length && walker.nextNode(); ) {
    const data = walker.currentNode.nodeValue!;
    text += data;
    visible += data.replace(/\s+/g, '').length;
  }
  return text;
}

/**
 * Collapses whitespace and a trailing "[…]" so an automatic excerpt can be compared with the
 * content; of the content, at least its first `length` characters.
 */
const comparableText = (node: Node, length?: number) =>
  leadingText(node, length).replace(/\s+/g, ' ').replace(/\s*(\[(…|&hellip;|\.\.\.)\]|…)\s*$/, '').trim();

/**
 * Renders one article from a JSON Feed (1.0, 1.1) or the WordPress REST API.
 *
 * @summary A news article from a JSON Feed or WordPress, sanitized and accessible.
 * @tag news-article
 *
 * @slot - Content shown after the article, such as a `<comment-form>` (which then learns the post from the article).
 * @slot article - The page's own server-rendered article: shown until a newer one loads (see the README). Not sanitized.
 *
 * @csspart article - The `<article>` element.
 * @csspart headline - The headline heading (`h1`–`h6`, set by `heading-level`).
 * @csspart headline-text - The headline's text inside the heading.
 * @csspart summary - The summary or excerpt under the headline.
 * @csspart summary-text - The summary's text inside the `summary` paragraph.
 * @csspart byline - The authors and dates.
 * @csspart figure - The `<figure>` around the featured image.
 * @csspart image - The featured image.
 * @csspart content - The article body.
 * @csspart text-paragraph - A paragraph of a plain-text (`content_text`) body.
 * @csspart footer - The footer with categories and tags.
 * @csspart categories - "Categorized as …".
 * @csspart tags - "Tagged …".
 * @csspart placeholder - The reserved space shown while loading.
 * @csspart error - The error message box.
 * @csspart retry-button - The "Try again" button in the error box.
 *
 * @cssprop --news-article-max-width - Maximum inline size of the article. Default: none.
 * @cssprop --news-article-link-color - Colour of links. Default: the system `LinkText`.
 * @cssprop --news-article-headline-font - Font family of the headline. Default: inherited.
 * @cssprop --news-article-headline-size - Font size of the headline. Default: 2em.
 * @cssprop --news-article-meta-color - Colour of byline, categories and tags. Default: inherited.
 * @cssprop --news-article-meta-size - Font size of byline, categories and tags. Default: 0.9em.
 * @cssprop --news-article-line-height - Line height of the body. Default: 1.6.
 * @cssprop --news-article-image-radius - Corner radius of the featured image. Default: 0.
 * @cssprop --news-article-placeholder-height - Space reserved while loading. Default: 24rem.
 * @cssprop --news-article-error-color - Border colour of the error box. Default: currentColor.
 *
 * @attr {'loading' | 'ready' | 'error'} state - Read only: set by the element while it has something to show (the `state` property); for CSS such as `news-article[state='error']`.
 *
 * @cssstate loading - The article is being fetched or prepared (also `aria-busy="true"`, unless server-rendered markup is on show), or a very large one is still filling in (then only its content is `aria-busy`).
 * @cssstate ready - The article is on show.
 * @cssstate error - The article could not be shown.
 *
 * @fires {Event} loadstart - A load begins (a new `src`, `item`, `data` or inline feed).
 * @fires {Event} load - The article is rendered (a very large one progressively: all of it).
 * @fires {Event} error - The article could not be shown; `element.error` says why.
 * @fires {Event} loadend - After `load` or `error`.
 */
export class NewsArticleElement extends LitElement {
  static override styles = newsArticleStyles;

  static override properties = {
    src: { reflect: true },
    item: { reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level' },
    data: { attribute: false },
    strings: jsonObjectAttribute<NewsArticleStringOverrides>('news-article', 'strings'),
  };

  /** Registers the element under `tag` (default `news-article`) in `registry`; a second call is harmless. */
  static define(tag = 'news-article', registry: CustomElementRegistry = customElements): void {
    if (!registry.get(tag)) registry.define(tag, class extends this {});
  }

  /** URL of a JSON Feed, a WordPress REST post (`/wp/v2/posts/ID`, `?_embed` recommended) or posts collection. */
  declare src: string | undefined;
  /** Which item to show: a JSON Feed item's `id` or `url`, a WordPress post's `id` or `slug`. Default: the first. */
  declare item: string | undefined;
  /** Level of the headline heading, 1–6. Default: 1. */
  declare headingLevel: number;
  /** A parsed feed document (JSON Feed or WordPress); wins over an inline feed and `src`. */
  declare data: unknown;
  /** Replacements for any of the words the element shows (see `newsArticleStrings`). */
  declare strings: NewsArticleStringOverrides;

  #internals = this.attachInternals();
  #eventAfterRender: 'load' | 'error' | undefined;
  #rerunOnConnect = false;
  /** What the server-rendered markup says; read again when the `article` slot's children change. */
  #markup: ServerRenderedArticle | undefined;
  #markupStale = true;
  #contextProvider = new ContextProvider(this, { context: articleContext, initialValue: null });
  /** The page's language, followed as it changes: dates, names and terms are formatted again in it. */
  #language = new LanguageController(this);

  #articleTask = new Task(this, {
    args: () => [this.data, this.#inlineFeedText(), this.src, this.item] as const,
    task: async ([data, inlineText, src, item], { signal }) => {
      const source = { data, inlineText, src, item };
      if (!hasArticleSource(source)) return initialState;
      this.#reflectState();
      this.dispatchEvent(new Event('loadstart'));
      const article = await loadArticle(source, signal);
      signal.throwIfAborted();
      // The page already shows this article, and not an older version: keep it, and spend nothing on nodes never shown.
      if (this.#markup && !replacesServerRendered(article, this.#markup)) {
        return { article, replacesMarkup: false } as RenderedArticle;
      }
      const articleBase = article.baseUrl ?? document.baseURI;
      const [headline, summary, content] = await Promise.all([
        renderFeedText(article.title, 'span', 'headline-text', articleBase),
        renderFeedText(article.summary, 'span', 'summary-text', articleBase),
        renderFeedText(article.content, 'div', 'content', articleBase),
      ]);
      // A long content was sanitized in this task: the page's turn before it renders, progressively.
      let unfilled: ContentFiller | undefined;
      if (content && article.content!.value.length > LONG_HTML) {
        await yieldToPage();
        unfilled = (await import('./progressive-content.js')).takeUnfilledContent(content);
      }
      signal.throwIfAborted();
      // WordPress makes excerpts from the first words of the post: do not print them twice.
      const summaryText = summary ? comparableText(summary) : '';
      const redundantSummary = summary && content && comparableText(content, summaryText.length + 16).startsWith(summaryText);
      return {
        article,
        replacesMarkup: true,
        headline,
        summary: redundantSummary ? undefined : summary,
        content,
        unfilled,
      } as RenderedArticle;
    },
    onComplete: () => (this.#eventAfterRender = 'load'),
    onError: (error) => {
      if (error instanceof DOMException && error.name === 'AbortError' && !this.isConnected) return;
      this.#eventAfterRender = 'error';
    },
  });

  constructor() {
    super();
    this.headingLevel = 1;
    this.strings = {};
  }

  /**
   * The article on show, normalized; `undefined` until the element is `ready`. With server-rendered
   * markup, what the markup says (`format: 'html'`) until an article loads, or when it fails to.
   */
  get article(): Article | undefined {
    return this.#articleTask.status === TaskStatus.COMPLETE ? this.#articleTask.value?.article : this.#markup?.article;
  }

  /** Why the last load failed, when `state` is `error`. */
  get error(): FeedError | undefined {
    return this.#articleTask.status === TaskStatus.ERROR ? this.#feedError(this.#articleTask.error) : undefined;
  }

  /** `loading`, `ready` or `error`; `undefined` while there is nothing to show (no `src`, `data` or inline feed). */
  get state(): NewsArticleState | undefined {
    switch (this.#articleTask.status) {
      case TaskStatus.PENDING:
        return 'loading';
      case TaskStatus.COMPLETE:
        // A large article is on show from its first screen, and ready once all of it is.
        return this.#articleTask.value?.unfilled ? 'loading' : 'ready';
      case TaskStatus.ERROR:
        return 'error';
      default:
        // No source: server-rendered markup is the article, as it is.
        return this.#markup ? 'ready' : undefined;
    }
  }

  /** Loads the article again (what the "Try again" button does). */
  reload(): Promise<void> {
    return this.#articleTask.run();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#fillContent();
    if (this.#rerunOnConnect) {
      this.#rerunOnConnect = false;
      void this.#articleTask.run();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A request still in flight is cancelled; it starts again if the element comes back.
    if (this.#articleTask.status === TaskStatus.PENDING) {
      this.#rerunOnConnect = true;
      this.#articleTask.abort();
    }
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.#markupStale) {
      this.#markupStale = false;
      this.#markup = readServerRenderedArticle([...this.querySelectorAll(SERVER_RENDERED_SELECTOR)]);
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.#reflectState();
    // While loading, a form inside learns its post from the markup at once, or waits for the
    // article. With nothing to show, or after a failure, it must not wait for an article that will not come.
    const status = this.#articleTask.status;
    if (status !== TaskStatus.PENDING && status !== TaskStatus.COMPLETE) this.#contextProvider.setValue(this.article);
    else if (status === TaskStatus.PENDING && this.#markup?.article) this.#contextProvider.setValue(this.#markup.article);
    void this.#fillContent();
    // `load` once the whole article is on show, a large one included; one still filling when a
    // newer load starts never fires it (the newer load's outcome does).
    if (this.#eventAfterRender && this.state !== 'loading') {
      const event = this.#eventAfterRender;
      this.#eventAfterRender = undefined;
      this.#contextProvider.setValue(this.article);
      this.#writeStructuredData();
      this.dispatchEvent(new Event(event));
      this.dispatchEvent(new Event('loadend'));
    }
  }

  /** Shows the state to CSS, scripts and assistive technology: `state` attribute, `:state()`, `aria-busy`. */
  #reflectState(): void {
    const state = this.state;
    this.toggleAttribute('state', !!state);
    if (state) this.setAttribute('state', state);
    // Over server-rendered markup the article is readable while it loads: not busy.
    // While a large article fills, its start is readable: only its content is busy.
    if (this.#articleTask.status === TaskStatus.PENDING && !this.#markupOnShow()) this.setAttribute('aria-busy', 'true');
    else this.removeAttribute('aria-busy');
    for (const name of ['loading', 'ready', 'error']) {
      try {
        if (name === state) this.#internals.states.add(name);
        else this.#internals.states.delete(name);
      } catch {
        /* Browsers before CustomStateSet: the `state` attribute carries the same information. */
      }
    }
  }

  /** Whether the server-rendered markup is what readers see (not replaced by a loaded article). */
  #markupOnShow(): boolean {
    if (!this.#markup) return false;
    return !(this.#articleTask.status === TaskStatus.COMPLETE && this.#articleTask.value?.replacesMarkup);
  }

  /**
   * Moves the rest of a large content into the rendered article (see progressive-content.ts).
   * Stops when a newer article starts loading or the element leaves the page, and goes on if it comes back.
   */
  async #fillContent(): Promise<void> {
    const rendered = this.#articleTask.status === TaskStatus.COMPLETE ? this.#articleTask.value : undefined;
    const keepGoing = () => this.isConnected && this.#articleTask.value === rendered && this.#articleTask.status === TaskStatus.COMPLETE;
    if (keepGoing() && (await rendered?.unfilled?.fill(keepGoing))) {
      rendered!.unfilled = undefined;
      this.requestUpdate();
    }
  }

  protected override render(): TemplateResult {
    // Server-rendered markup stays on show, untouched, while loading, when nothing newer
    // loads and when the load fails. Otherwise it is left unslotted: not displayed, and
    // not in the accessibility tree, so readers never get the article twice.
    if (this.#markupOnShow()) return html`<slot name="article" @slotchange=${this.#onMarkupChange}></slot><slot></slot>`;
    const loadedOnShow = this.#articleTask.status === TaskStatus.COMPLETE;
    const state = this.#articleTask.render({
      pending: () =>
        html`<div part="placeholder" aria-hidden="true"><span></span><span></span><span></span><span></span></div>
          <span class="visually-hidden">${this.#text('loading')}</span>`,
      complete: (rendered) => this.#renderArticle(rendered),
      error: (error) => this.#renderError(this.#feedError(error)),
    });
    // Children (a <comment-form>, say) follow the article. The article slot stays while no
    // article is on show, so markup added later is noticed.
    return html`${state ?? nothing}${loadedOnShow
      ? nothing
      : html`<slot name="article" @slotchange=${this.#onMarkupChange}></slot>`}<slot></slot>`;
  }

  #onMarkupChange = (): void => {
    this.#markupStale = true;
    this.requestUpdate();
    // The markup was kept, so the loaded article's nodes were never made: make them now that it is gone.
    void this.updateComplete.then(() => {
      const value = this.#articleTask.status === TaskStatus.COMPLETE ? this.#articleTask.value : undefined;
      if (value && !value.replacesMarkup && !this.#markup) void this.#articleTask.run();
    });
  };

  #renderArticle({ article, headline, summary, content }: RenderedArticle): TemplateResult {
    const heading = headingTag(this.headingLevel, 1);
    const image = article.image;
    return html`<article part="article" aria-labelledby=${headline ? 'headline' : nothing}>
      <header>
        ${headline
          ? staticHtml`<${heading} part="headline" id="headline" lang=${article.language ?? nothing} dir="auto">${headline}</${heading}>`
          : nothing}
        ${summary ? html`<p part="summary" lang=${article.language ?? nothing} dir="auto">${summary}</p>` : nothing}
        ${this.#renderByline(article)}
      </header>
      ${image
        ? html`<figure part="figure">
            <img
              part="image"
              src=${image.url}
              srcset=${image.srcset ?? nothing}
              sizes=${image.srcset ? '(min-width: 60em) 60em, 100vw' : nothing}
              alt=${image.alt}
              width=${image.width ?? nothing}
              height=${image.height ?? nothing}
              decoding="async"
            />
          </figure>`
        : nothing}
      ${content ? html`<div lang=${article.language ?? nothing} dir="auto">${content}</div>` : nothing}
      ${article.categories.length || article.tags.length
        ? html`<footer part="footer">
            ${this.#renderTerms('categories', 'categorizedAs', article.categories)}
            ${this.#renderTerms('tags', 'tagged', article.tags)}
          </footer>`
        : nothing}
    </article>`;
  }

  #renderByline(article: Article): TemplateResult | typeof nothing {
    const { authors, published, modified } = article;
    if (!authors.length && !published) return nothing;
    const format = this.#formats().date;
    const showModified = modified && published && format.format(modified) !== format.format(published);
    return html`<p part="byline">
      ${authors.length ? html`<span class="authors">${this.#text('by')} ${this.#renderAuthors(authors)}</span>` : nothing}
      ${authors.length && published ? html`<span aria-hidden="true"> · </span>` : nothing}
      ${published
        ? html`<span class="published"
            >${this.#text('published')} <time datetime=${published.toISOString()}>${format.format(published)}</time></span
          >`
        : nothing}
      ${showModified
        ? html`<span aria-hidden="true"> · </span
            ><span class="modified"
              >${this.#text('updated')} <time datetime=${modified.toISOString()}>${format.format(modified)}</time></span
            >`
        : nothing}
    </p>`;
  }

  /** "A, B and C" in the page's language, each name linked when the feed gives a URL. */
  #renderAuthors(authors: ArticleAuthor[]): unknown[] {
    const parts = this.#formats().names.formatToParts(authors.map((author) => author.name));
    let index = 0;
    return parts.map((part) => {
      if (part.type !== 'element') return part.value;
      const author = authors[index++]!;
      return author.url ? html`<a href=${author.url} rel="author">${author.name}</a>` : author.name;
    });
  }

  #renderTerms(part: 'categories' | 'tags', label: 'categorizedAs' | 'tagged', terms: string[]) {
    if (!terms.length) return nothing;
    return html`<p part=${part}>${this.#text(label)} ${this.#formats().terms.format(terms)}</p>`;
  }

  #renderError(error: FeedError): TemplateResult {
    return html`<div part="error" role="alert">
      <p>${this.#errorText(error.code)}</p>
      <button part="retry-button" type="button" @click=${() => this.reload()}>${this.#text('retry')}</button>
    </div>`;
  }

  #text<K extends Exclude<keyof NewsArticleStrings, 'errors'>>(key: K): string {
    return this.strings[key] ?? newsArticleStrings[key];
  }

  #errorText(code: FeedErrorCode): string {
    return this.strings.errors?.[code] ?? newsArticleStrings.errors[code];
  }

  #feedError(error: unknown): FeedError {
    if (error instanceof FeedError) return error;
    if (error instanceof TypeError && /import|module/i.test(error.message)) {
      return new FeedError('network', 'A part of the widget could not be downloaded.');
    }
    return new FeedError('not-a-feed', error instanceof Error ? error.message : String(error));
  }

  /** Formats in the language of the nearest `[lang]` (through shadow roots, followed as it changes), so dates and lists read the way the page does. */
  #formats(): LocaleFormats {
    return localeFormats(this.#language.language);
  }

  #inlineFeedText(): string | undefined {
    return this.querySelector(INLINE_FEED_SELECTOR)?.textContent ?? undefined;
  }

  /** Keeps a schema.org NewsArticle block in the light DOM, where search engines read it. */
  #writeStructuredData(): void {
    let block = this.querySelector(':scope > script[type="application/ld+json"][data-news-article]');
    // From a loaded article only: a page that prints its article prints its own structured data.
    const article = this.#articleTask.status === TaskStatus.COMPLETE ? this.#articleTask.value?.article : undefined;
    if (!article) {
      block?.remove();
      return;
    }
    if (!block) {
      block = document.createElement('script');
      block.setAttribute('type', 'application/ld+json');
      block.setAttribute('data-news-article', '');
      // Assigned to no slot, so it is never rendered, even on a page whose CSS unsets `display: none` on scripts.
      block.setAttribute('slot', 'structured-data');
      this.append(block);
    }
    (block as HTMLScriptElement).text = trustedScript(serializeJsonLd(articleStructuredData(article)));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'news-article': NewsArticleElement;
  }
}
