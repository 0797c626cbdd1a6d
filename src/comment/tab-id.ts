/**
 * This tab's id, kept in sessionStorage (which lives as long as the tab, across reloads),
 * so a reloaded tab recognizes the draft it wrote itself. Read by the comment store and by
 * the copy `<comment-form>` makes when the page is left before the store is there.
 */
import { newTabId } from './random-id.js';

export function sessionTabId(): string {
  try {
    let id = sessionStorage.getItem('news-widgets:tab');
    if (!id) sessionStorage.setItem('news-widgets:tab', (id = newTabId()));
    return id;
  } catch {
    return newTabId();
  }
}
