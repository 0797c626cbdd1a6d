/**
 * The reader's choice of Oldest or Newest first, remembered across pages and visits in
 * localStorage; where storage is blocked the choice still applies to this page.
 */
import type { CommentOrder } from './listed-comment.js';

const ORDER_KEY = 'news-widgets.comment-list.order';

export function readOrder(): CommentOrder {
  try {
    return localStorage.getItem(ORDER_KEY) === 'desc' ? 'desc' : 'asc';
  } catch {
    return 'asc';
  }
}

export function rememberOrder(order: CommentOrder): void {
  try {
    localStorage.setItem(ORDER_KEY, order);
  } catch {
    // Not remembered where storage is blocked; the order still applies now.
  }
}
