/**
 * `<comment-list>`: the conversation under an article. It reads a post's comments
 * from WordPress or the JSON protocol once it is near the viewport (comment-pages.ts),
 * shows them as a thread (comment-thread.ts), moves its `<comment-form>` under the
 * comment a reader replies to, and keeps the reader's own held comment in view across
 * reloads (held-comments.ts).
 */
import { LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { ContextConsumer } from '@lit/context';
import { articleContext } from '../shared/article-context.js';
import { headingTag } from '../shared/heading-tag.js';
import { jsonObjectAttribute } from '../shared/json-attribute.js';
import { defineElement } from '../shared/define-element.js';
import { LanguageController } from '../shared/language-controller.js';
import type { CommentFormElement, CommentFormSuccessEvent } from '../comment/comment-form.js';
import { CommentListReplyEvent } from './comment-list.events.js';
import {
  builtInListStrings,
  commentListStrings,
  countHeading,
  fillIn,
  type CommentListStrings,
} from './comment-list.strings.js';
import { commentListStyles } from './comment-list.styles.js';
import { renderAroundServerThread, renderCommentList, type CommentListView } from './comment-list.templates.js';
import { CommentPages, type PageLoad } from './comment-pages.js';
import { buildThread } from './comment-thread.js';
import { OwnComments } from './own-comments.js';
import type { CommentOrder } from './listed-comment.js';
import { readOrder, rememberOrder } from './comment-order.js';
import { NearViewport } from './near-viewport.js';
import { PermalinkFollower } from './permalink.js';
import { describeDate } from './relative-date.js';
import { ReplyPlacement, type ReplyTarget } from './reply-placement.js';
import { findServerThread, readServerComments, serverReplyFor, type ServerReply } from './server-rendered-thread.js';

export { CommentListReplyEvent } from './comment-list.events.js';

/** Where this class can be imported from: its own chunk in the script-tag bundle. */
export const moduleUrl = import.meta.url;

/** Comments added to the page per frame: a page of 100 is shown over several short updates, never one long one. */
const REVEAL_STEP = 10;

/**
 * The comments of a post, threaded, with replies through a `<comment-form>` inside it.
 *
 * @summary The conversation under an article: threaded, paged, with replies and the reader's own held comment.
 * @tag comment-list
 *
 * @slot - A `<comment-form>`: shown above or below the list (`form-position`), moved under a comment to reply.
 *   Also a theme's own thread (`wp_list_comments()`'s `<ol class="comment-list">`): then it is kept as it is, not
 *   fetched, and its "Reply" links move the form.
 *
 * @csspart heading - The "N comments" heading ("Comments" until the count is known).
 * @csspart order - The Oldest first / Newest first toggle.
 * @csspart order-button - Each button of the toggle (`aria-pressed`).
 * @csspart thread - The ordered list of comments.
 * @csspart replies - Each nested list of replies.
 * @csspart comment - Each comment's `<article>`.
 * @csspart comment-pending - A comment held for moderation (the reader's own), besides `comment`.
 * @csspart comment-header - Avatar, author and date.
 * @csspart avatar - The author's avatar (WordPress), 48 × 48 px.
 * @csspart author - The author's name, or link to their website.
 * @csspart in-reply-to - "in reply to NAME" on a reply shown flat.
 * @csspart permalink - The date, a link to the comment.
 * @csspart moderation - "Your comment is awaiting moderation."
 * @csspart content - The comment's text.
 * @csspart reply-button - Each "Reply" button.
 * @csspart reply-area - Where the form goes under a comment.
 * @csspart cancel-reply - The "Cancel reply" button.
 * @csspart load-more - The "Load N more" button.
 * @csspart loading - "Loading comments…".
 * @csspart empty - "No comments yet. Be the first."
 * @csspart error - The error message, with `retry`.
 * @csspart retry - The "Try again" button.
 * @csspart form - Where the form sits when the reader is not replying.
 * @csspart status - The live region that announces moves and loads.
 *
 * @cssprop --comment-list-accent - Buttons, focus and highlight. Default: `--comment-form-accent`, else `LinkText`.
 * @cssprop --comment-list-accent-text - Text on a pressed button. Default: `--comment-form-accent-text`, else `Canvas`.
 * @cssprop --comment-list-indent - Indentation of each reply level. Default: 1.5rem.
 * @cssprop --comment-list-gap - Space between comments. Default: 1.25rem.
 * @cssprop --comment-list-radius - Corner radius. Default: `--comment-form-radius`, else 0.25rem.
 *
 * @fires load - The first page of comments is shown.
 * @fires error - The comments could not be loaded.
 * @fires {CommentListReplyEvent} comment-list-reply - The reader started a reply: the form moved under a comment.
 */
export class CommentListElement extends LitElement {
  static override styles = commentListStyles;

  static override properties = {
    endpoint: { reflect: true },
    protocol: {},
    postId: { attribute: 'post-id' },
    depth: { type: Number },
    perPage: { type: Number, attribute: 'per-page' },
    formPosition: { attribute: 'form-position' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    order: {},
    hideAvatars: { type: Boolean, attribute: 'hide-avatars' },
    strings: jsonObjectAttribute<Partial<CommentListStrings>>('comment-list', 'strings'),
    _chosenOrder: { state: true },
    _highlighted: { state: true },
    _announcement: { state: true },
    _translatedWords: { state: true },
  };

  /** Registers the element under `tag` (default `comment-list`) in `registry`; a second call is harmless. */
  static define(tag = 'comment-list', registry: CustomElementRegistry = customElements): void {
    defineElement(this, tag, registry);
  }

  /** Where comments are read: a WordPress `/wp/v2/comments` route or a JSON protocol endpoint. Default: the inner form's. */
  declare endpoint: string | undefined;
  /** `wordpress` or `json`. Default: `wordpress` for a `/wp/v2/comments` endpoint, else `json`. */
  declare protocol: string | undefined;
  /** The post whose comments are shown. Default: the enclosing `<news-article>`'s post. */
  declare postId: string | undefined;
  /** Levels of nested replies, as WordPress's "thread comments N levels deep"; deeper replies show flat. Default: 5. */
  declare depth: number;
  /** Comments per page (the source may cap it: WordPress at 100). Default: 20. */
  declare perPage: number;
  /** `below` (default) or `above`: where the form sits when the reader is not replying. */
  declare formPosition: 'above' | 'below';
  /** Level of the "N comments" heading, 1–6. Default: 2. */
  declare headingLevel: number;
  /**
   * The order until the reader picks one with the Oldest/Newest toggle (their choice is remembered):
   * `asc`, oldest first (default), or `desc`, newest first, as WordPress's discussion setting says.
   */
  declare order: CommentOrder | undefined;
  /** No avatars, even where the source gives them (WordPress's "Show Avatars" turned off). */
  declare hideAvatars: boolean;
  /** Replacements for any of the list's words (property, or JSON in the attribute). */
  declare strings: Partial<CommentListStrings>;

  /** The order the reader chose with the toggle, on this page or an earlier one. */
  declare _chosenOrder: CommentOrder | undefined;
  declare _highlighted: string | undefined;
  declare _announcement: string;
  declare _translatedWords: Partial<CommentListStrings>;

  #pages = new CommentPages(this);
  #article = new ContextConsumer(this, { context: articleContext, subscribe: true });
  #language = new LanguageController(this, (language) => void this.#loadWords(language));
  #replies = new ReplyPlacement(this, {
    form: () => this.#form,
    heading: (name) => this.#text('replyTo', { name }),
    cancelText: () => this.#text('cancelReply'),
    cancelled: () => this.#cancelReply(),
  });
  #viewport = new NearViewport(this);
  /** The reader's own comments: held ones from storage, and ones posted in this page view. */
  #own = new OwnComments(this);
  #permalink = new PermalinkFollower(
    this,
    () => this.#pages.status === 'ready',
    (id) => this.#reveal(id),
  );
  #afterUpdate: (() => void) | undefined;
  /** How many of the loaded comments are shown so far (see REVEAL_STEP). */
  #revealed = 0;
  /** The theme's server-rendered thread, kept instead of fetched. */
  #server: HTMLOListElement | null = null;
  #ownRead = false;

  constructor() {
    super();
    this.depth = 5;
    this.perPage = 20;
    this.formPosition = 'below';
    this.headingLevel = 2;
    this.strings = {};
    this.hideAvatars = false;
    this._chosenOrder = readOrder();
    this._announcement = '';
    this._translatedWords = {};
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Any form of this post and endpoint on the page: the list's own, or one beside it.
    document.addEventListener('comment-form-success', this.#onPosted);
    this.addEventListener('keydown', this.#onKeydown);
    this.#server = findServerThread(this);
    this.addEventListener('click', this.#onServerReplyClick);
    // A theme's thread is on show already: its ids are the page's own, so the browser follows permalinks.
    if (this.#server) return;
    this.#permalink.follow();
    // Nothing is fetched until the list is near the viewport, unless the address asks for a comment.
    this.#viewport.watch();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('comment-form-success', this.#onPosted);
    this.removeEventListener('keydown', this.#onKeydown);
    this.removeEventListener('click', this.#onServerReplyClick);
  }

  /** The reader's choice, else the site's. */
  get #order(): CommentOrder {
    return this._chosenOrder ?? (this.order === 'desc' ? 'desc' : 'asc');
  }

  /** The form this list moves for replies: its own `<comment-form>` child (anywhere in a theme's thread, where it moves in the DOM). */
  get #form(): CommentFormElement | null {
    return this.querySelector(this.#server ? 'comment-form' : ':scope > comment-form');
  }

  get #endpoint(): string | undefined {
    return this.endpoint ?? this.#form?.endpoint ?? undefined;
  }

  get #postId(): string | undefined {
    const article = this.#article.value;
    return (
      this.postId ?? (article ? String(article.postId ?? article.id) : undefined) ?? this.#form?.postId ?? undefined
    );
  }

  /** The IndexedDB key of this post's held comments: the endpoint (absolute) and the post. */
  get #heldPlace(): string {
    return `${new URL(this.#endpoint ?? '', document.baseURI).href}|${this.#postId ?? ''}`;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (this.#server) {
      this.#readOwnAroundServerThread();
      return;
    }
    const loaded = this.#pages.comments.length;
    this.#revealed = Math.min(loaded, Math.min(this.#revealed, loaded) + REVEAL_STEP);
    const endpoint = this.#endpoint;
    const postId = this.#postId;
    if (!endpoint || !postId || !(this.#viewport.near || this.#permalink.wanted)) return;
    const current = this.#pages.settings;
    const perPage = Math.min(100, Math.max(1, Math.trunc(this.perPage) || 20));
    if (
      current?.endpoint === endpoint &&
      current.postId === postId &&
      current.order === this.#order &&
      current.perPage === perPage &&
      current.protocol === this.protocol
    )
      return;
    void changed;
    void this.#start({ endpoint, protocol: this.protocol, postId, perPage, order: this.#order });
  }

  /** Once: the reader's held comments for this post, shown unless the theme's thread has them (approved). */
  #readOwnAroundServerThread(): void {
    if (this.#ownRead || !this.#endpoint || !this.#postId) return;
    this.#ownRead = true;
    const thread = this.#server!;
    void this.#own
      .read(this.#heldPlace)
      .then(() => this.#own.reconcile(readServerComments(thread).filter((comment) => !comment.pending)));
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // The next step in the next frame: the browser paints, and handles input, between two steps.
    if (this.#revealed < this.#pages.comments.length) requestAnimationFrame(() => this.requestUpdate());
    const after = this.#afterUpdate;
    this.#afterUpdate = undefined;
    after?.();
  }

  protected override render(): TemplateResult {
    const pages = this.#pages;
    const server = this.#server && readServerComments(this.#server);
    // A held comment the theme shows its author (WordPress does, by cookie) is shown once, the theme's.
    const own = this.#own.visible(server ? server.map((comment) => ({ ...comment, pending: false })) : pages.comments);
    const shown = pages.comments.slice(0, this.#revealed);
    const thread = server
      ? own.map((comment) => ({
          comment,
          depth: 1,
          replies: [],
          inReplyTo: server.find((listed) => listed.id === comment.parent)?.authorName,
        }))
      : buildThread([...shown, ...own], {
          order: this.#order,
          maxDepth: this.depth,
          complete: pages.complete && shown.length === pages.comments.length,
        });
    const count = pages.total + own.filter((comment) => !comment.pending).length;
    const state = pages.status === 'ready' ? (thread.length ? 'ready' : 'empty') : pages.status;
    const language = this.#language.language;
    const canReply = !server && !!this.#form;
    const replyingTo = this.#replies.target?.id;
    const view: CommentListView = {
      text: this.#text,
      heading: headingTag(this.headingLevel, 2),
      headingText: pages.status === 'ready' ? countHeading(count, language, this.#text) : this.#text('heading'),
      state,
      order: this.#order,
      thread,
      remaining: pages.remaining,
      loadingMore: pages.loadingMore,
      formPosition: this.formPosition === 'above' ? 'above' : 'below',
      canReply,
      replyingTo,
      highlighted: this._highlighted,
      avatars: !this.hideAvatars,
      renderKey: [
        canReply,
        replyingTo,
        this._highlighted,
        language,
        this.strings,
        this._translatedWords,
        this.hideAvatars,
      ],
      announcement: this._announcement,
      contentOf: (comment) => pages.contentOf(comment),
      // Once per comment shown: a comment on show is not templated again (comment-list.templates.ts).
      describeDate: (date) => describeDate(date, Date.now(), language),
      on: this.#on,
    };
    return server ? renderAroundServerThread(view) : renderCommentList(view);
  }

  #text = (key: keyof CommentListStrings, values?: Record<string, string | number>): string => {
    const template = this.strings?.[key] ?? this._translatedWords[key] ?? commentListStrings[key];
    return values ? fillIn(template, values) : template;
  };

  async #loadWords(language: string | undefined): Promise<void> {
    const words = await builtInListStrings(language);
    if (language !== this.#language.language) return;
    if (words) this._translatedWords = words;
    else
      console.warn(
        `<${this.localName}> keeps the words it shows: those for lang="${language}" could not be downloaded.`,
        this,
      );
  }

  async #start(settings: Parameters<CommentPages['start']>[0]): Promise<void> {
    const first = this.#pages.start(settings);
    await this.#own.read(this.#heldPlace);
    const load = await first;
    if (!load) return;
    this.dispatchEvent(load.ok ? new Event('load') : new Event('error'));
    await this.#afterLoad(load);
  }

  /** After a page: drops held comments the server now lists, and follows a permalink. */
  async #afterLoad(load: PageLoad): Promise<void> {
    if (!load?.ok) return;
    await this.#own.reconcile(this.#pages.comments);
    if (this.#permalink.wanted) await this.#reveal(this.#permalink.wanted);
  }

  /** Loads pages until comment `id` is there, then scrolls to it, focuses and highlights it. */
  async #reveal(id: string): Promise<void> {
    while (!this.#pages.comments.some((comment) => comment.id === id) && !this.#pages.complete) {
      const load = await this.#pages.more();
      if (!load?.ok) return;
    }
    this.#permalink.wanted = undefined;
    if (
      !this.#pages.comments.some((comment) => comment.id === id) &&
      !this.#own.visible(this.#pages.comments).some((comment) => comment.id === id)
    )
      return;
    this._highlighted = id;
    this.#afterUpdate = () => this.#focusComment(id);
    this.requestUpdate();
  }

  #focusComment(id: string): void {
    const article = this.renderRoot.querySelector<HTMLElement>(`#comment-${CSS.escape(id)}`);
    // Not shown yet: a large page is shown over several updates.
    if (!article && this.#revealed < this.#pages.comments.length) {
      this.#afterUpdate = () => this.#focusComment(id);
      return;
    }
    article?.focus({ preventScroll: true });
    article?.scrollIntoView({ block: 'start' });
  }

  #on: CommentListView['on'] = {
    order: (order) => {
      if (order === this.#order) return;
      this._chosenOrder = order;
      rememberOrder(order);
    },
    retry: () => {
      const settings = this.#pages.settings;
      if (settings) void this.#start(settings);
    },
    more: () => void this.#loadMore(),
    reply: (comment) => void this.#reply(comment),
    cancelReply: () => this.#cancelReply(),
    slotChange: () => this.requestUpdate(),
  };

  async #loadMore(): Promise<void> {
    const load = await this.#pages.more();
    if (!load?.ok) return;
    this._announcement = this.#text('loadedMore', { count: load.added.length });
    // Focus on the first new comment that is shown (a reply waiting for its parent is not).
    const focusFirstNew = (): void => {
      for (const comment of load.added) {
        const article = this.renderRoot.querySelector<HTMLElement>(`#comment-${CSS.escape(comment.id)}`);
        if (article) return article.focus();
      }
      if (this.#revealed < this.#pages.comments.length) this.#afterUpdate = focusFirstNew;
    };
    this.#afterUpdate = focusFirstNew;
    await this.#afterLoad(load);
    this.requestUpdate();
  }

  /** A "Reply" link of the theme's thread: the form moves in the DOM, as WordPress's comment-reply.js moves it. */
  #onServerReplyClick = (event: MouseEvent): void => {
    const reply = this.#server && serverReplyFor(event.target, this.#server);
    if (!reply || !this.#form) return;
    event.preventDefault();
    void this.#reply({ id: reply.commentId, authorName: reply.authorName }, reply);
  };

  async #reply(comment: ReplyTarget, server?: ServerReply): Promise<void> {
    const name = comment.authorName || this.#text('anonymous');
    const form = this.#replies.moveUnder(comment, name, server);
    if (!form) return;
    this._announcement = this.#text('formMoved', { name });
    this.dispatchEvent(new CommentListReplyEvent(comment.id, name));
    await this.updateComplete;
    await form.updateComplete;
    // The comment box, as WordPress's reply focuses the first field.
    form.focus();
  }

  /** Puts the form back where it was; `focus` says where focus goes then (the Reply button by default). */
  #cancelReply(focus: 'reply-button' | 'none' = 'reply-button'): void {
    const moved = this.#replies.back();
    if (!moved) return;
    this._announcement = this.#text('formReturned');
    if (focus === 'reply-button')
      this.#afterUpdate = () =>
        (
          moved.serverLink ?? this.renderRoot.querySelector<HTMLElement>(`#reply-${CSS.escape(moved.target.id)}`)
        )?.focus();
  }

  #onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || !this.#replies.target || event.defaultPrevented) return;
    event.preventDefault();
    this.#cancelReply();
  };

  /** The reader's comment was posted: it shows in its place at once; a held one is kept in this browser. */
  #onPosted = (event: Event): void => {
    // The document's event map does not name the form's events.
    const { submission, status, id } = event as CommentFormSuccessEvent;
    const absolute = (endpoint: string | undefined) => new URL(endpoint ?? '', document.baseURI).href;
    if (submission.postId !== this.#postId || absolute(submission.endpoint) !== absolute(this.#endpoint)) return;
    const shown = this.#own.posted(submission, status, id);
    this.#cancelReply('none');
    this._announcement = this.#text('commentShown');
    this.#afterUpdate = () => this.#focusComment(shown.id);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'comment-list': CommentListElement;
  }
}
