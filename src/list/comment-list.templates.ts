/**
 * What `<comment-list>` shows, as templates of what the element tells them: the count
 * heading, the order toggle, the states, and the thread as an ordered list of
 * `<article>`s (nested lists for replies). No state here.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { html as staticHtml, type StaticValue } from 'lit/static-html.js';
import type { ThreadEntry } from './comment-thread.js';
import type { CommentListStrings } from './comment-list.strings.js';
import type { ListedComment } from './listed-comment.js';
import { AVATAR_SIZE } from './wordpress-comments.js';

export interface CommentListView {
  text: (key: keyof CommentListStrings, values?: Record<string, string | number>) => string;
  heading: StaticValue;
  headingText: string;
  state: 'initial' | 'loading' | 'ready' | 'empty' | 'error';
  order: 'asc' | 'desc';
  thread: ThreadEntry[];
  remaining: number;
  loadingMore: boolean;
  formPosition: 'above' | 'below';
  /** Reply buttons show only when there is a form to move. */
  canReply: boolean;
  replyingTo: string | undefined;
  highlighted: string | undefined;
  /** Avatars show where the source gives them. */
  avatars: boolean;
  /** What every comment's look depends on besides the comment itself (words, language, reply state). */
  renderKey: readonly unknown[];
  announcement: string;
  contentOf: (comment: ListedComment) => HTMLElement | undefined;
  describeDate: (date: Date) => { label: string; title: string };
  on: {
    order: (order: 'asc' | 'desc') => void;
    retry: () => void;
    more: () => void;
    reply: (comment: ListedComment) => void;
    cancelReply: () => void;
    slotChange: () => void;
  };
}

/** The reader's own plain text, paragraph by paragraph, escaped by Lit. */
function textContent(text: string): TemplateResult {
  const paragraphs = text.split(/\n\s*\n/).filter((paragraph) => paragraph.trim());
  return html`<div part="content" class="content">
    ${paragraphs.map((paragraph) => {
      const lines = paragraph.split('\n');
      return html`<p>${lines.map((line, index) => html`${index ? html`<br />` : nothing}${line}`)}</p>`;
    })}
  </div>`;
}

function author(comment: ListedComment, view: CommentListView): TemplateResult {
  const name = comment.authorName || view.text('anonymous');
  return comment.authorUrl
    ? html`<a part="author" class="author" href=${comment.authorUrl} rel="nofollow ugc">${name}</a>`
    : html`<span part="author" class="author">${name}</span>`;
}

function entryTemplate(entry: ThreadEntry, view: CommentListView): TemplateResult {
  const { comment } = entry;
  const name = comment.authorName || view.text('anonymous');
  const date = comment.date && view.describeDate(comment.date);
  const replying = view.replyingTo === comment.id;
  return html`<li class="entry" data-depth=${entry.depth}>
    <article
      id="comment-${comment.id}"
      part="comment${comment.pending ? ' comment-pending' : ''}"
      class=${view.highlighted === comment.id ? 'comment highlighted' : 'comment'}
      tabindex="-1"
      aria-labelledby="comment-${comment.id}-author"
    >
      <header part="comment-header" class="comment-header">
        ${
          comment.avatarUrl && view.avatars
            ? html`<img
                part="avatar"
                class="avatar"
                src=${comment.avatarUrl}
                alt=""
                width=${AVATAR_SIZE}
                height=${AVATAR_SIZE}
                loading="lazy"
                decoding="async"
              />`
            : nothing
        }
        <span id="comment-${comment.id}-author" class="byline"
          >${author(comment, view)}${
            entry.inReplyTo
              ? html` <span part="in-reply-to" class="in-reply-to"
                  >${view.text('inReplyTo', { name: entry.inReplyTo || view.text('anonymous') })}</span
                >`
              : nothing
          }</span
        >
        ${
          date
            ? html`<a part="permalink" class="permalink" href="#comment-${comment.id}"
                ><time datetime=${comment.date!.toISOString()} title=${date.title}>${date.label}</time></a
              >`
            : nothing
        }
      </header>
      ${comment.pending ? html`<p part="moderation" class="moderation">${view.text('awaitingModeration')}</p>` : nothing}
      ${comment.content.kind === 'html' ? (view.contentOf(comment) ?? nothing) : textContent(comment.content.value)}
      ${
        view.canReply && !comment.pending && !replying
          ? html`<button
              part="reply-button"
              class="reply-button"
              type="button"
              id="reply-${comment.id}"
              aria-label=${view.text('replyTo', { name })}
              @click=${() => view.on.reply(comment)}
            >
              ${view.text('reply')}
            </button>`
          : nothing
      }
    </article>
    ${
      replying
        ? html`<div part="reply-area" class="reply-area">
            <button part="cancel-reply" class="cancel-reply" type="button" @click=${view.on.cancelReply}>
              ${view.text('cancelReply')}
            </button>
            <slot name="reply" @slotchange=${view.on.slotChange}></slot>
          </div>`
        : nothing
    }
    ${
      entry.replies.length
        ? html`<ol class="replies" part="replies">
            ${threadTemplate(entry.replies, view)}
          </ol>`
        : nothing
    }
  </li>`;
}

/** What an entry and its replies show: each comment, where it sits and whom it answers, in reading order. */
function entryKey(entry: ThreadEntry, into: unknown[] = []): unknown[] {
  into.push(entry.comment, entry.depth, entry.inReplyTo);
  for (const reply of entry.replies) entryKey(reply, into);
  return into;
}

/**
 * The thread, one entry per comment. An entry is templated again only when it or its
 * replies change, so showing comment 476 does not redo the 475 on show before it: a long
 * thread grows in short updates.
 */
function threadTemplate(entries: ThreadEntry[], view: CommentListView): TemplateResult {
  return html`${repeat(
    entries,
    (entry) => entry.comment.id,
    (entry) => guard([...view.renderKey, ...entryKey(entry)], () => entryTemplate(entry, view)),
  )}`;
}

function stateTemplate(view: CommentListView): TemplateResult | typeof nothing {
  switch (view.state) {
    case 'loading':
      return html`<p part="loading" class="loading">${view.text('loading')}</p>`;
    case 'empty':
      return html`<p part="empty" class="empty">${view.text('empty')}</p>`;
    case 'error':
      return html`<div part="error" class="error" role="alert">
        <p>${view.text('error')}</p>
        <button part="retry" type="button" @click=${view.on.retry}>${view.text('retry')}</button>
      </div>`;
    default:
      return nothing;
  }
}

/**
 * Around a theme's server-rendered thread: that thread and the form (the slot), then the
 * reader's own comments the theme does not show (posted now, or held), flat.
 */
export function renderAroundServerThread(view: CommentListView): TemplateResult {
  return html`<slot @slotchange=${view.on.slotChange}></slot>
    ${
      view.thread.length
        ? html`<ol part="thread" class="thread">
            ${threadTemplate(view.thread, view)}
          </ol>`
        : nothing
    }
    <p part="status" class="visually-hidden" role="status">${view.announcement}</p>`;
}

export function renderCommentList(view: CommentListView): TemplateResult {
  const form = html`<div part="form" class="form"><slot @slotchange=${view.on.slotChange}></slot></div>`;
  const orderButton = (order: 'asc' | 'desc', key: 'oldest' | 'newest') =>
    html`<button
      type="button"
      part="order-button"
      aria-pressed=${view.order === order ? 'true' : 'false'}
      @click=${() => view.on.order(order)}
    >
      ${view.text(key)}
    </button>`;
  const more = Math.min(view.remaining, 20);
  // "Load N more" sits in a box that stays: when the button left the shadow root itself, WebKit
  // restyled the whole thread (15–30 ms with 400 comments on show, a long task with the rest).
  return html`
    ${staticHtml`<${view.heading} part="heading" id="heading" class="heading">${view.headingText}</${view.heading}>`}
    ${view.formPosition === 'above' ? form : nothing}
    ${
      view.state === 'ready' && view.thread.length > 1
        ? html`<div part="order" class="order" role="group" aria-label=${view.text('order')}>
            ${orderButton('asc', 'oldest')} ${orderButton('desc', 'newest')}
          </div>`
        : nothing
    }
    ${stateTemplate(view)}
    ${
      view.thread.length
        ? html`<ol part="thread" class="thread" aria-labelledby="heading">
            ${threadTemplate(view.thread, view)}
          </ol>`
        : nothing
    }
    <div class="more">
      ${
        view.state === 'ready' && view.remaining > 0
          ? html`<button
              part="load-more"
              class="load-more"
              type="button"
              ?disabled=${view.loadingMore}
              @click=${view.on.more}
            >
              ${view.loadingMore ? view.text('loadingMore') : view.text('loadMore', { count: more })}
            </button>`
          : nothing
      }
    </div>
    ${view.formPosition === 'below' ? form : nothing}
    <p part="status" class="visually-hidden" role="status">${view.announcement}</p>
  `;
}
