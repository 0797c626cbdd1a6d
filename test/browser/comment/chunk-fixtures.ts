/**
 * What the tests of `<comment-form>`'s chunks share (the code that sends, the engine): the
 * form's controls, the reader's typing as input events, new forms on the page, and the
 * engine's chunk made to fail for real (test/failing-delivery-middleware.js answers it with
 * 503 while the page holds the cookie `failing-comment-engine=1`).
 */
import { oneEvent } from '@open-wc/testing';
import type { CommentFormElement } from '../../../src/comment/comment-form.js';
import { loadCommentEngine } from '../../../src/comment/comment-engine-loader.js';
import { deleteDatabase } from './storage-fixtures.js';
import { setChunkFailure } from '../../support/failing-chunks.js';

export const next = <K extends keyof HTMLElementEventMap>(target: EventTarget, type: K) =>
  oneEvent(target, type) as unknown as Promise<HTMLElementEventMap[K]>;
export const $ = <T extends HTMLElement = HTMLElement>(form: CommentFormElement, selector: string) =>
  form.shadowRoot!.querySelector<T>(selector)!;
export const box = (form: CommentFormElement) => $<HTMLTextAreaElement>(form, '#content');
export const storedContents = async (endpoint: string): Promise<string[]> =>
  ((await (await fetch(endpoint)).json()) as { content: string }[]).map((comment) => comment.content);

/** Text into the fields as input events, the way the reader's typing arrives. */
export function fill(form: CommentFormElement, values: Record<string, string>): void {
  for (const [id, value] of Object.entries(values)) {
    const control = $<HTMLInputElement>(form, `#${id}`);
    control.value = value;
    control.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  }
}

/** What the tests put on the page, removed after each. */
export const mounted: Element[] = [];
/** `html` on the page, in a wrapper of its own. */
export function mount(html: string): HTMLElement {
  const wrapper = document.createElement('div');
  wrapper.innerHTML = html;
  document.body.append(wrapper);
  mounted.push(wrapper);
  return wrapper;
}
/** The page is left (a reload or a closed tab): its `pagehide`, and the elements go. */
export function leavePage(): void {
  window.dispatchEvent(new PageTransitionEvent('pagehide'));
  for (const element of mounted.splice(0)) element.remove();
}
/** A new `<comment-form>` posting to `endpoint`, rendered. */
export async function newForm(endpoint: string, postId: string): Promise<CommentFormElement> {
  const form = mount(`<comment-form endpoint="${endpoint}" post-id="${postId}"></comment-form>`).querySelector(
    'comment-form',
  )!;
  await form.updateComplete;
  return form;
}

export const failEngine = () => setChunkFailure('failing-comment-engine', '1');
export const letEngineThrough = () => setChunkFailure('failing-comment-engine', '');
/** Resolves once the engine's download has failed (the one under way, or a new one). */
export const engineUnavailable = () =>
  loadCommentEngine().then(
    () => {
      throw new Error('the engine arrived');
    },
    () => {},
  );

/** Each test starts with empty storage, the engine's chunk downloadable, and nothing of the last test on the page. */
export function startEachTestAfresh(): void {
  beforeEach(async () => {
    localStorage.clear();
    await deleteDatabase('news-widgets');
  });
  afterEach(async () => {
    await letEngineThrough();
    for (const element of mounted.splice(0)) element.remove();
  });
}
