/** Mounting `<comment-list>` for the browser tests, and reading what a reader sees in it. */
import { waitUntil } from '@open-wc/testing';
import '../../../src/define.js';
import type { CommentListElement } from '../../../src/list/comment-list.js';

const mounted: Element[] = [];

/** Puts `markup` (holding one `<comment-list>`) in the page and waits until the element is defined. */
export async function mountList(markup: string): Promise<CommentListElement> {
  const wrapper = document.createElement('div');
  wrapper.innerHTML = markup;
  document.body.append(wrapper);
  mounted.push(wrapper);
  await customElements.whenDefined('comment-list');
  const list = wrapper.querySelector('comment-list')!;
  await list.updateComplete;
  return list;
}

export function unmountAll(): void {
  for (const wrapper of mounted.splice(0)) wrapper.remove();
}

export const $ = <T extends HTMLElement = HTMLElement>(list: CommentListElement, selector: string) =>
  list.shadowRoot!.querySelector<T>(selector);
export const $$ = <T extends HTMLElement = HTMLElement>(list: CommentListElement, selector: string) => [
  ...list.shadowRoot!.querySelectorAll<T>(selector),
];
export const headingText = (list: CommentListElement) => $(list, '[part~="heading"]')!.textContent!.trim();
/** The ids of the comments in reading order. */
export const shownIds = (list: CommentListElement) =>
  $$(list, 'article').map((article) => article.id.replace('comment-', ''));
export const status = (list: CommentListElement) => $(list, '[part~="status"]')!.textContent!.trim();
/** The element focused inside the list's shadow root. */
export const focused = (list: CommentListElement) => list.shadowRoot!.activeElement as HTMLElement | null;

export async function whenShown(list: CommentListElement, count = 1, message = 'the comments show'): Promise<void> {
  await waitUntil(() => $$(list, 'article').length >= count, message, { timeout: 10000 });
  await list.updateComplete;
}
