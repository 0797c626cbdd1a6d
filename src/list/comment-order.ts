/**
 * The reader's choice of Oldest or Newest first, remembered across pages and visits in
 * localStorage; where storage is blocked the choice still applies to this page.
 */
import type { CommentOrder } from './listed-comment.js';

const ORDER_KEY = 'news-widgets.comment-list.order';

/** The order the reader chose, if they ever chose one here. */
export function readOrder(): CommentOrder | undefined {
  try {
    const stored = localStorage.getItem(ORDER_KEY);
    return stored === 'desc' || stored === 'asc' ? stored : undefined;
  } catch {
    return undefined;
  }
}

export function rememberOrder(order: CommentOrder): void {
  try {
    localStorage.setItem(ORDER_KEY, order);
  } catch {
    // Not remembered where storage is blocked; the order still applies now.
  }
}
