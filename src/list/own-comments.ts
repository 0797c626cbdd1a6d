/**
 * The reader's own comments in the list: those posted in this page view, and those held
 * for moderation, kept in IndexedDB (held-comments.ts) and shown again on later visits.
 * The one owner of the rule: a held comment is shown until the server lists it or it is
 * too old, and one the server lists is never shown twice.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CommentSubmission } from '../comment/comment.js';
import { HeldCommentStore, heldAsListed, isListed, stillHeld, type HeldComment } from './held-comments.js';
import type { ListedComment } from './listed-comment.js';

const heldStore = new HeldCommentStore();

/** One of the reader's comments: as it was written (to find the server's copy) and as it is shown. */
interface OwnComment {
  written: HeldComment;
  shown: ListedComment;
}

export class OwnComments implements ReactiveController {
  #own: OwnComment[] = [];
  #held: HeldComment[] = [];
  #place = '';

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Reads the held comments kept for `place` (an endpoint and post). */
  async read(place: string): Promise<void> {
    this.#place = place;
    this.#held = await heldStore.read(place);
  }

  /** After a page: forgets the held comments the server now lists, or too old; shows the rest. */
  async reconcile(listed: readonly ListedComment[]): Promise<void> {
    const now = Date.now();
    const kept = this.#held.filter((held) => stillHeld(held, listed, now));
    if (kept.length !== this.#held.length) await heldStore.write(this.#place, kept);
    this.#held = kept;
    this.#own = [
      ...this.#own.filter((own) => !own.shown.pending),
      ...kept.map((written) => ({ written, shown: heldAsListed(written) })),
    ];
    this.host.requestUpdate();
  }

  /**
   * A comment the reader just posted, with its `id` on the server when the answer gave one
   * (then it shows as `#comment-ID`, and the server's copy is found by it); kept in IndexedDB
   * when held. Returns it as shown.
   */
  posted(submission: CommentSubmission, status: 'approved' | 'pending' | 'duplicate', id?: string): ListedComment {
    const held: HeldComment = {
      key: submission.id,
      id,
      parent: submission.parent || '0',
      authorName: submission.fields.name.trim(),
      authorUrl: submission.fields.url.trim() || undefined,
      content: submission.fields.content.trim(),
      createdAt: submission.createdAt,
    };
    const shown =
      status === 'pending'
        ? heldAsListed(held)
        : { ...heldAsListed(held), id: id ?? `own-${held.key}`, pending: false };
    if (status === 'pending') {
      this.#held = [...this.#held.filter((kept) => kept.key !== held.key), held];
      void heldStore.write(this.#place, this.#held);
    }
    this.#own = [...this.#own.filter((own) => own.written.key !== held.key), { written: held, shown }];
    this.host.requestUpdate();
    return shown;
  }

  /** The reader's comments to show beside `listed`: those it does not list yet. */
  visible(listed: readonly ListedComment[]): ListedComment[] {
    return this.#own
      .filter((own) => !isListed(own.written, listed) && !listed.some((comment) => comment.id === own.shown.id))
      .map((own) => own.shown);
  }
}
