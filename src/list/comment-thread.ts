/**
 * Builds the thread `<comment-list>` shows from the comments loaded so far, which
 * sources list flat with `parent` (WordPress has no hierarchical parameter). Pure.
 *
 * - Top-level comments follow the reader's order (oldest or newest first); replies
 *   under a comment are always oldest first, so a conversation reads down.
 * - Replies nest up to `maxDepth` levels (WordPress's "thread_comments_depth", 5 by
 *   default); deeper replies are listed flat at the last level, after the comment
 *   they descend from, each saying whom it replies to.
 * - A reply whose parent is not loaded yet (newest first loads replies before the
 *   comments they answer) waits until it is; once every page is loaded, one whose
 *   parent never came (held or deleted) is shown at the top level.
 */
import type { CommentOrder, ListedComment } from './listed-comment.js';

export interface ThreadEntry {
  comment: ListedComment;
  /** 1 for a top-level comment. */
  depth: number;
  replies: ThreadEntry[];
  /** The author replied to, for a reply shown flat below the nesting limit, or apart from its parent. */
  inReplyTo?: string;
}

export interface ThreadOptions {
  order: CommentOrder;
  /** Levels of nesting, 1 (flat) or more. */
  maxDepth: number;
  /** Every page is loaded: no parent is still on its way. */
  complete: boolean;
}

const time = (comment: ListedComment): number => comment.date?.getTime() ?? 0;

/** Oldest first; comments of the same second by id, numerically when ids are numbers. */
function byAge(a: ListedComment, b: ListedComment): number {
  return time(a) - time(b) || a.id.localeCompare(b.id, undefined, { numeric: true });
}

export function buildThread(
  comments: readonly ListedComment[],
  { order, maxDepth, complete }: ThreadOptions,
): ThreadEntry[] {
  const byId = new Map<string, ListedComment>();
  for (const comment of comments) if (!byId.has(comment.id)) byId.set(comment.id, comment);
  const children = new Map<string, ListedComment[]>();
  const topLevel: ListedComment[] = [];
  for (const comment of byId.values()) {
    const hasParent = comment.parent !== '0' && comment.parent !== comment.id;
    if (hasParent && byId.has(comment.parent)) {
      const siblings = children.get(comment.parent) ?? [];
      siblings.push(comment);
      children.set(comment.parent, siblings);
    } else if (!hasParent || complete) {
      topLevel.push(comment);
    }
  }
  const levelLimit = Math.max(1, Math.trunc(maxDepth) || 1);
  const placed = new Set<string>();

  /** The replies to `parent` at `depth`, into `into`; below the limit, each with its own replies nested; at it, flat after it. */
  const addReplies = (parent: ListedComment, depth: number, into: ThreadEntry[]): void => {
    for (const reply of (children.get(parent.id) ?? []).sort(byAge)) {
      if (placed.has(reply.id)) continue; // a cycle in bad data
      placed.add(reply.id);
      const entry: ThreadEntry = { comment: reply, depth: Math.min(depth, levelLimit), replies: [] };
      if (depth > levelLimit) entry.inReplyTo = parent.authorName;
      into.push(entry);
      if (depth < levelLimit) addReplies(reply, depth + 1, entry.replies);
      else addReplies(reply, depth + 1, into);
    }
  };

  const sorted = topLevel.sort(byAge);
  if (order === 'desc') sorted.reverse();
  const thread: ThreadEntry[] = [];
  for (const comment of sorted) {
    placed.add(comment.id);
    const entry: ThreadEntry = { comment, depth: 1, replies: [] };
    thread.push(entry);
    if (levelLimit > 1) addReplies(comment, 2, entry.replies);
    else addReplies(comment, 2, thread);
  }
  return thread;
}

/** Every entry of the thread in reading order. */
export function* threadEntries(thread: readonly ThreadEntry[]): Generator<ThreadEntry> {
  for (const entry of thread) {
    yield entry;
    yield* threadEntries(entry.replies);
  }
}
