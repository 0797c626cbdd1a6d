/**
 * The pages of a post's comments that `<comment-list>` has loaded, one page at a time
 * (20 by default, "Load N more" for the next): the owner of what is loaded, the total,
 * and each comment's sanitized content. A newer start (another post, another order)
 * aborts what was on its way, and nothing is written after the host disconnects.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { sanitizeHtml } from '../article/sanitize-html.js';
import { yieldToPage } from '../article/yield-to-page.js';
import { commentSource, fetchCommentPage } from './comment-source.js';
import type { CommentListError, CommentOrder, ListedComment } from './listed-comment.js';

export type CommentPagesStatus = 'initial' | 'loading' | 'ready' | 'error';

export interface CommentPagesSettings {
  endpoint: string;
  protocol?: string;
  postId: string;
  perPage: number;
  order: CommentOrder;
}

/** What one load came to: the comments it added, or why it failed. `undefined` when a newer load replaced it. */
export type PageLoad = { ok: true; added: ListedComment[] } | { ok: false; error: CommentListError } | undefined;

export class CommentPages implements ReactiveController {
  status: CommentPagesStatus = 'initial';
  error: CommentListError | undefined;
  /** Every comment loaded, in the order pages gave them. */
  comments: ListedComment[] = [];
  /** The approved comments the post has in all, as the source counts them. */
  total = 0;
  /** A further page is on its way. */
  loadingMore = false;
  #settings: CommentPagesSettings | undefined;
  #pagesLoaded = 0;
  #lastPageShort = false;
  #abort: AbortController | undefined;
  #content = new Map<string, HTMLElement>();

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.#abort?.abort();
    this.#abort = undefined;
    this.loadingMore = false;
    if (this.status === 'loading') this.status = 'initial';
  }

  get settings(): CommentPagesSettings | undefined {
    return this.#settings;
  }

  /** How many approved comments are not loaded yet. */
  get remaining(): number {
    return this.#lastPageShort ? 0 : Math.max(0, this.total - this.comments.length);
  }

  /** Every page is loaded. */
  get complete(): boolean {
    return this.status === 'ready' && this.remaining === 0;
  }

  /** The sanitized content of a comment whose source gave HTML. */
  contentOf(comment: ListedComment): HTMLElement | undefined {
    return this.#content.get(comment.id);
  }

  /** Loads the first page for `settings`, forgetting what was loaded. */
  start(settings: CommentPagesSettings): Promise<PageLoad> {
    this.#settings = settings;
    this.comments = [];
    this.#content.clear();
    this.total = 0;
    this.#pagesLoaded = 0;
    this.#lastPageShort = false;
    this.loadingMore = false;
    this.status = 'loading';
    this.error = undefined;
    this.host.requestUpdate();
    return this.#load();
  }

  /** Loads the next page. */
  more(): Promise<PageLoad> {
    if (!this.#settings || this.loadingMore || this.complete) return Promise.resolve(undefined);
    this.loadingMore = true;
    this.host.requestUpdate();
    return this.#load();
  }

  async #load(): Promise<PageLoad> {
    const settings = this.#settings!;
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    const request = {
      postId: settings.postId,
      page: this.#pagesLoaded + 1,
      perPage: settings.perPage,
      order: settings.order,
    };
    let outcome: PageLoad;
    try {
      const result = await fetchCommentPage(
        commentSource(settings.endpoint, settings.protocol),
        settings.endpoint,
        request,
        abort.signal,
      );
      if (!result.ok) {
        outcome = result;
      } else {
        const known = new Set(this.comments.map((comment) => comment.id));
        const added = result.page.comments.filter((comment) => !known.has(comment.id));
        // A page of 100 is sanitized across tasks of about 4 ms, so the page stays responsive, on a busy machine too.
        let slice = performance.now();
        for (const comment of added) {
          await this.#sanitize(comment);
          if (performance.now() - slice < 4) continue;
          await yieldToPage();
          if (abort.signal.aborted) return undefined;
          slice = performance.now();
        }
        if (abort.signal.aborted) return undefined;
        this.comments = [...this.comments, ...added];
        this.total = Math.max(result.page.total, this.comments.length);
        this.#pagesLoaded++;
        this.#lastPageShort = result.page.comments.length < settings.perPage;
        outcome = { ok: true, added };
      }
    } catch {
      return undefined; // aborted: a newer load or a disconnect
    }
    if (abort.signal.aborted) return undefined;
    this.#abort = undefined;
    if (outcome.ok) {
      this.status = 'ready';
    } else if (this.#pagesLoaded === 0) {
      this.status = 'error';
      this.error = outcome.error;
    }
    this.loadingMore = false;
    this.host.requestUpdate();
    return outcome;
  }

  async #sanitize(comment: ListedComment): Promise<void> {
    if (comment.content.kind !== 'html') return;
    const fragment = await sanitizeHtml(comment.content.value, comment.link ?? document.baseURI);
    const holder = document.createElement('div');
    holder.setAttribute('part', 'content');
    holder.className = 'content';
    holder.append(document.importNode(fragment, true));
    this.#content.set(comment.id, holder);
  }
}
