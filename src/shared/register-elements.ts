/**
 * How the script-tag bundles register their elements (define.ts: every element;
 * define-comments.ts: the comment form and list only). Loading a bundle twice, or both
 * bundles on one page (two themes or plugins), is harmless: a tag a news-widgets bundle
 * registered is left alone. A tag another script took first is left to that script, with
 * one console warning that says how to register ours under another tag.
 *
 * On a page whose first frame is its own, the tags are registered once the browser has
 * painted what it parsed: upgrading the elements, which the page does not need to show it,
 * must not hold it back. That is a page that prints its article or comment form itself
 * (server-rendered markup inside the elements: that markup is its largest content), and a
 * page whose elements of ours are a form or a list and no `<news-article>` (it prints its
 * article; they come under it). An article of ours rendered from a feed is registered at
 * once: it is the page's largest content, and its feed is asked for as it upgrades. So is a
 * page with none of our elements yet (an application adds them later): nothing waits to upgrade.
 */

/** Marks the classes a news-widgets bundle registers, in every copy of it (a registry-wide symbol). */
const REGISTERED_BY_NEWS_WIDGETS = Symbol.for('news-widgets.registered');

/** Whether `tag` is registered by another script than a news-widgets bundle. */
export const takenByAnotherScript = (tag: string): boolean => {
  const existing = customElements.get(tag);
  return !!existing && !(REGISTERED_BY_NEWS_WIDGETS in existing);
};

/** Registers `element` under `tag` unless the tag is taken; `from`: where a page can import `className` from. */
export function defineUnlessTaken(
  element: { define(tag: string): void },
  tag: string,
  className: string,
  from: string,
): void {
  if (!customElements.get(tag)) {
    element.define(tag);
    Object.defineProperty(customElements.get(tag)!, REGISTERED_BY_NEWS_WIDGETS, { value: true });
  } else if (takenByAnotherScript(tag)) {
    console.warn(
      `news-widgets: <${tag}> is already defined by another script on this page, so news-widgets left it alone ` +
        `and its own <${tag}> is not available. To use it, register it under another tag: ` +
        `import { ${className} } from '${from}'; ${className}.define('other-tag');`,
    );
  }
}

/** Server-rendered markup our elements keep on show: an article, or a comment form they take over. */
const SERVER_RENDERED_MARKUP = 'news-article > [slot="article"], comment-form form';

/** After the next frame is painted; at once in a page that is not being rendered (a background tab has no frames). */
const afterNextFrame = (): Promise<void> =>
  new Promise((resolve) =>
    document.visibilityState === 'hidden' ? resolve() : requestAnimationFrame(() => setTimeout(resolve)),
  );

/** Whether what the page shows first is its own: server-rendered markup of ours, or a form or list of ours but no article. */
const firstFrameIsThePages = (): boolean =>
  !!document.querySelector(SERVER_RENDERED_MARKUP) ||
  (!document.querySelector('news-article') && !!document.querySelector('comment-form, comment-list'));

/** Runs `defineAll` now, or, while the page loads, after its first frame when that frame is the page's own. */
export function registerWhenPainted(defineAll: () => void): void {
  if (document.readyState !== 'complete' && firstFrameIsThePages()) void afterNextFrame().then(defineAll);
  else defineAll();
}
