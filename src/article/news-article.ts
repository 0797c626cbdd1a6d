/**
 * `<news-article>`: one article from a JSON Feed or the WordPress REST API,
 * fetched, normalized, sanitized and rendered as an accessible `<article>`.
 * The element ties its parts together: a task turns the sources into what to show
 * (article-view.ts), the article's template shows it (article-template.ts) with the
 * texts' elements made by article-texts.ts, over or instead of the page's own
 * server-rendered markup (server-rendered-article.ts). What the first render needs (the
 * placeholder, the error box, reading the markup) is here; the rest comes with the feed
 * reader's chunk (feed-reader.ts), which the task loads.
 */
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ContextProvider } from '@lit/context';
import { articleContext } from '../shared/article-context.js';
import { ArticleLoad } from './article-load.js';
import { jsonObjectAttribute } from '../shared/json-attribute.js';
import { defineElement } from '../shared/define-element.js';
import { LanguageController } from '../shared/language-controller.js';
import type { Article } from './article.js';
import { asFeedError, type FeedError } from './feed-error.js';
import { feedReader, hasArticleSource, inlineFeedText, loadArticle, loadFeedReader } from './load-article.js';
import { newsArticleStyles } from './news-article.styles.js';
import { yieldToPage } from './yield-to-page.js';
import type { ArticleView } from './article-view.js';
import {
  SERVER_RENDERED_SELECTOR,
  readServerRenderedArticle,
  replacesServerRendered,
  type ServerRenderedArticle,
} from './server-rendered-article.js';
import type { NewsArticleStringOverrides } from './news-article.strings.js';
import { errorTemplate, placeholderTemplate } from './news-article.templates.js';

export { newsArticleStrings } from './news-article.strings.js';
export type { NewsArticleStringOverrides, NewsArticleStrings } from './news-article.strings.js';

export type NewsArticleState = 'loading' | 'ready' | 'error';

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
    defineElement(this, tag, registry);
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
  /** How the current load ends (`load` or `error`): fired once the article is on show. */
  #outcome: 'load' | 'error' | undefined;
  /** A load cut short when the element left the page: it runs again when the element comes back. */
  #reloadOnConnect = false;
  /** What the server-rendered markup says: a new object only when it says something new. */
  #markup: ServerRenderedArticle | undefined;
  /** Watches the page adding, replacing or removing server-rendered markup. */
  #children = new MutationObserver(() => this.#readMarkup());
  #contextProvider = new ContextProvider(this, { context: articleContext, initialValue: null });
  /** The page's language, followed as it changes: dates, names and terms are formatted again in it. */
  #language = new LanguageController(this);

  /**
   * What to show. Every input is an argument, the markup's reading included: a change of any
   * of them runs the task again, and a newer run aborts the requests of an older one.
   */
  #articleTask = new ArticleLoad(
    this,
    async ([data, inlineText, src, item, markup], { signal }): Promise<ArticleView | undefined> => {
      const source = { data, inlineText, src, item };
      if (!hasArticleSource(source)) return undefined;
      // Listeners of `loadstart` already see the state `loading`.
      this.#reflectState();
      this.dispatchEvent(new Event('loadstart'));
      const article = await loadArticle(source, signal);
      signal.throwIfAborted();
      // The page already shows this article, and not an older version: keep it, and spend nothing on texts never shown.
      if (markup && !replacesServerRendered(article, markup)) return { article, replacesMarkup: false };
      // The reader read the article: it is there.
      const reader = await loadFeedReader();
      const view = await reader.articleView(article);
      // A long content was sanitized in this task: the page's turn, then the code that shows it progressively.
      if (view.largeContent) {
        await yieldToPage();
        await reader.loadProgressiveContent();
      }
      signal.throwIfAborted();
      return view;
    },
    () => [this.data, inlineFeedText(this), this.src, this.item, this.#markup] as const,
    (outcome) => {
      const error = this.#articleTask.error;
      // Cut short by leaving the page: it runs again when the element comes back.
      if (outcome === 'error' && error instanceof DOMException && error.name === 'AbortError' && !this.isConnected)
        return;
      this.#outcome = outcome;
    },
  );

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
    return this.#view?.article ?? this.#markup?.article;
  }

  /** Why the last load failed, when `state` is `error`. */
  get error(): FeedError | undefined {
    return this.#articleTask.status === 'error' ? asFeedError(this.#articleTask.error) : undefined;
  }

  /** `loading`, `ready` or `error`; `undefined` while there is nothing to show (no `src`, `data` or inline feed). */
  get state(): NewsArticleState | undefined {
    switch (this.#articleTask.status) {
      case 'pending':
        return 'loading';
      case 'complete':
        // A large article is on show from its first screen, and ready once all of it is.
        return feedReader()?.fullyShown(this.#articleTask.value!) === false ? 'loading' : 'ready';
      case 'error':
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
    this.#children.observe(this, { childList: true });
    if (this.#reloadOnConnect) {
      this.#reloadOnConnect = false;
      void this.#articleTask.run();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#children.disconnect();
    // A request still in flight is cancelled; it starts again if the element comes back.
    if (this.#articleTask.status === 'pending') {
      this.#reloadOnConnect = true;
      this.#articleTask.abort();
    }
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Before the task's first run, which takes the reading as an argument; a change of children reads it again.
    if (!this.hasUpdated) this.#readMarkup();
  }

  /**
   * No shadow root while the page's server-rendered markup is what readers see: attaching one
   * re-lays the markup out (Chromium then reports its headline again as the largest contentful
   * paint, later) and would change nothing on screen. It is attached once the element shows
   * something of its own (see `update`).
   */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    return this.querySelector(SERVER_RENDERED_SELECTOR) ? document.createDocumentFragment() : super.createRenderRoot();
  }

  protected override update(changed: PropertyValues): void {
    if (!this.shadowRoot && !this.#markupOnShow())
      (this as { renderRoot: HTMLElement | DocumentFragment }).renderRoot = super.createRenderRoot();
    super.update(changed);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const state = this.state;
    this.#reflectState();
    // The one place the article is provided to elements inside. While loading: what the markup
    // says, or else what they had (a form waits for its article); then the article on show, or none.
    this.#contextProvider.setValue(
      state === 'loading' ? (this.#markup?.article ?? this.#contextProvider.value) : this.article,
    );
    // `load` once the whole article is on show, a large one included; one still filling when a
    // newer load starts never fires it (the newer load's outcome does).
    if (this.#outcome && state !== 'loading') {
      const outcome = this.#outcome;
      this.#outcome = undefined;
      // Only an article the reader loaded writes structured data, and removes it once none is on show.
      feedReader()?.writeStructuredData(this, this.#view?.article);
      this.dispatchEvent(new Event(outcome));
      this.dispatchEvent(new Event('loadend'));
    }
  }

  protected override render(): TemplateResult {
    // Server-rendered markup stays on show, untouched, while loading, when nothing newer
    // loads and when the load fails. Otherwise it is left unslotted: not displayed, and
    // not in the accessibility tree, so readers never get the article twice.
    if (this.#markupOnShow()) return html`<slot name="article"></slot><slot></slot>`;
    const { status, value } = this.#articleTask;
    const shown =
      status === 'pending'
        ? placeholderTemplate(this.strings)
        : status === 'complete'
          ? feedReader()!.renderArticle(value!, this, this.headingLevel, this.strings, this.#language.language)
          : status === 'error'
            ? errorTemplate(this.error!.code, this.strings, () => this.reload())
            : undefined;
    // Children (a <comment-form>, say) follow the article. The article slot stays while no
    // article is on show, so markup the page adds later shows.
    return html`${shown ?? nothing}${this.#view ? nothing : html`<slot name="article"></slot>`}<slot></slot>`;
  }

  /** Shows the state to CSS, scripts and assistive technology: `state` attribute, `:state()`, `aria-busy`. */
  #reflectState(): void {
    const state = this.state;
    if (state) this.setAttribute('state', state);
    else this.removeAttribute('state');
    // Over server-rendered markup the article is readable while it loads: not busy.
    // While a large article fills, its start is readable: only its content is busy.
    const busy = this.#articleTask.status === 'pending' && !this.#markupOnShow();
    if (busy) this.setAttribute('aria-busy', 'true');
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
    return !!this.#markup && !this.#view?.replacesMarkup;
  }

  /** The loaded article's view, while the task holds one. */
  get #view(): ArticleView | undefined {
    return this.#articleTask.status === 'complete' ? this.#articleTask.value : undefined;
  }

  /** Reads what the server-rendered markup says; the task runs again only when it says something new. */
  #readMarkup = (): void => {
    const markup = readServerRenderedArticle([...this.querySelectorAll(SERVER_RENDERED_SELECTOR)]);
    if (JSON.stringify(markup) === JSON.stringify(this.#markup)) return;
    this.#markup = markup;
    this.requestUpdate();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'news-article': NewsArticleElement;
  }
}
