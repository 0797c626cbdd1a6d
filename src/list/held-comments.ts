/**
 * The reader's own comments that the server holds for moderation, kept in this
 * browser so they never vanish: the anonymous reader gets a held comment once, in
 * the POST's answer, and a `GET` never lists it for them.
 *
 * The rule: a held comment is shown to its author, in its place in the thread,
 * until the server lists it (approved: the server's copy replaces it) or until it
 * is `HELD_FOR_DAYS` days old (a moderator who has not approved it by then has
 * rejected or forgotten it; WordPress itself empties spam and trash after 30 days).
 *
 * Its own IndexedDB database (`news-widgets-comment-list`), apart from the form's
 * comment store; storage that fails (private modes, blocked IndexedDB) keeps the
 * comment for this page view only, never an uncaught rejection.
 */
import { createStore, get, set, type UseStore } from 'idb-keyval';
import type { ListedComment } from './listed-comment.js';

export const HELD_FOR_DAYS = 30;
const HELD_FOR_MS = HELD_FOR_DAYS * 24 * 60 * 60 * 1000;

/** One held comment as its author wrote it. */
export interface HeldComment {
  /** The comment's submission id (the JSON protocol's Idempotency-Key): unique, stable. */
  key: string;
  /** The comment's id on the server, when its answer gave one: then the server's copy is found by it. */
  id?: string;
  parent: string;
  authorName: string;
  authorUrl?: string;
  content: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
}

/** Letters and digits only, lower-case: the server's copy may be formatted (paragraphs, curly quotes, entities). */
function words(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

function listedText(comment: ListedComment): string {
  if (comment.content.kind === 'text') return comment.content.value;
  // Tags and entities out; a DOM-free read, as the list is built before it is sanitized.
  return comment.content.value
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([\da-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&\w+;/g, ' ');
}

/**
 * Whether the server lists `held` now: by its id where the server gave one, else (kept from
 * before ids, or a server that gives none) the same parent, author and words.
 */
export function isListed(held: HeldComment, listed: readonly ListedComment[]): boolean {
  if (held.id) return listed.some((comment) => !comment.pending && comment.id === held.id);
  const content = words(held.content);
  const author = words(held.authorName);
  return listed.some(
    (comment) =>
      !comment.pending &&
      comment.parent === held.parent &&
      words(comment.authorName) === author &&
      words(listedText(comment)) === content,
  );
}

/** Whether `held` is still shown: not yet listed by the server, and not older than the rule allows. */
export function stillHeld(held: HeldComment, listed: readonly ListedComment[], now: number): boolean {
  return now - held.createdAt < HELD_FOR_MS && !isListed(held, listed);
}

/** The held comment as the list shows it. */
export function heldAsListed(held: HeldComment): ListedComment {
  return {
    id: held.id ?? `held-${held.key}`,
    parent: held.parent || '0',
    authorName: held.authorName,
    authorUrl: held.authorUrl,
    date: new Date(held.createdAt),
    content: { kind: 'text', value: held.content },
    pending: true,
  };
}

/** The held comments of one post at one endpoint, in IndexedDB. */
export class HeldCommentStore {
  #store: UseStore | undefined;
  /** What this page view holds when IndexedDB cannot. */
  #memory = new Map<string, HeldComment[]>();

  constructor(private readonly databaseName = 'news-widgets-comment-list') {}

  #idb(): UseStore | undefined {
    try {
      return (this.#store ??= createStore(this.databaseName, 'held'));
    } catch {
      return undefined;
    }
  }

  /** The held comments kept for `place` (an endpoint and post); an empty list when storage cannot be read. */
  async read(place: string): Promise<HeldComment[]> {
    const store = this.#idb();
    try {
      const kept: unknown = store ? await get(place, store) : undefined;
      if (Array.isArray(kept)) return kept as HeldComment[];
    } catch {
      // Storage is unavailable: what this page view kept.
    }
    return this.#memory.get(place) ?? [];
  }

  /** Keeps exactly `held` for `place`. */
  async write(place: string, held: HeldComment[]): Promise<void> {
    this.#memory.set(place, held);
    const store = this.#idb();
    try {
      if (store) await set(place, held, store);
    } catch {
      // Kept in memory for this page view.
    }
  }
}
