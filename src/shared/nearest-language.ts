/**
 * The language an element is read in: the nearest `[lang]`, looking out through
 * shadow roots, so an element inside another component still follows the page.
 */
export function nearestLanguage(element: Element): string | undefined {
  for (let node: Element | undefined = element; node; node = (node.getRootNode() as ShadowRoot).host) {
    const lang = node.closest('[lang]')?.getAttribute('lang');
    if (lang) return lang;
  }
  return undefined;
}
