/**
 * The model `<comment-list>` renders: one comment as any source lists it, a page of
 * them, and why a page could not be read. Sources map their own answers to it
 * (wordpress-comments.ts, json-comments.ts); the thread is built from it (comment-thread.ts).
 */

/** What a comment says: HTML from the server (sanitized before it is shown), or the reader's own plain text. */
export type CommentContent = { kind: 'html'; value: string } | { kind: 'text'; value: string };

export interface ListedComment {
  id: string;
  /** The comment this one replies to; `'0'` for none. */
  parent: string;
  authorName: string;
  /** The author's website, http(s) only. */
  authorUrl?: string;
  /** A square avatar image, only when the source gives one. */
  avatarUrl?: string;
  date?: Date;
  content: CommentContent;
  /** The comment's own address on the site, if the source gives one. */
  link?: string;
  /** Held for moderation: shown only to its author, from this browser's copy. */
  pending: boolean;
}

/** One page of a post's comments, in the order asked for, and how many approved comments the post has in all. */
export interface CommentPage {
  comments: ListedComment[];
  total: number;
}

/** `asc`: oldest first (WordPress's default for threads); `desc`: newest first. */
export type CommentOrder = 'asc' | 'desc';

/** Why a page could not be read: no answer, an error status, or an answer that is not a comment list. */
export type CommentListError = { kind: 'network' } | { kind: 'status'; status: number } | { kind: 'unreadable' };
