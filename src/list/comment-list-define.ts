/**
 * Registers `<comment-list>` only on pages that have one: the element's code is a chunk
 * of its own, downloaded when the first `<comment-list>` appears in the document (at
 * once if it is already there, else when a script or framework adds one), so a page
 * without comments never loads it. A list inside another component's shadow root is not
 * seen: import `CommentListElement` and call `define()` there.
 */
/** Registers the element; `moduleUrl` is where its class can be imported from (the chunk, in the script-tag bundle). */
type Definer = (element: typeof import('./comment-list.js').CommentListElement, moduleUrl: string) => void;

export function defineCommentListWhenUsed(define: Definer, tag = 'comment-list'): void {
  const lists = document.getElementsByTagName(tag);
  const load = (): void => {
    void import('./comment-list.js').then(({ CommentListElement, moduleUrl }) => define(CommentListElement, moduleUrl));
  };
  if (lists.length) return load();
  const observer = new MutationObserver(() => {
    if (!lists.length) return;
    observer.disconnect();
    load();
  });
  observer.observe(document, { childList: true, subtree: true });
}
