/**
 * Turns untrusted feed HTML into a DocumentFragment that is safe to put in the page. The
 * fragment belongs to an inert document: nothing in it loads before it is put in the page.
 *
 * Browsers with the HTML Sanitizer API (`Element.setHTML`) sanitize natively, so
 * they download no sanitizer at all. Others load DOMPurify on first use, as a
 * separate chunk. Both paths then apply the one URL policy of `safe-url.ts`, which
 * also resolves relative links and images against the article's own URL.
 */
import { safeSrcset, safeUrl } from './safe-url.js';
import { yieldToPage } from './yield-to-page.js';

/** Elements news content needs beyond the Sanitizer API's default list, with their attributes. */
const MEDIA_ELEMENTS: Record<string, string[]> = {
  img: ['src', 'srcset', 'sizes', 'alt', 'width', 'height'],
  picture: [],
  source: ['src', 'srcset', 'sizes', 'media', 'type', 'width', 'height'],
  video: ['src', 'poster', 'width', 'height', 'controls', 'muted', 'loop', 'playsinline'],
  audio: ['src', 'controls', 'loop'],
  details: ['open'],
  summary: [],
};
/** Presentational and form wrappers whose text is kept while the element goes. */
const UNWRAPPED_ELEMENTS = [
  'font',
  'center',
  'big',
  'tt',
  'strike',
  'nobr',
  'form',
  'label',
  'button',
  'fieldset',
  'legend',
];
/** Never allowed, whatever a sanitizer's defaults say. */
const FORBIDDEN_ELEMENTS = [
  'style',
  'input',
  'select',
  'textarea',
  'option',
  'iframe',
  'frame',
  'object',
  'embed',
  'template',
];
const FORBIDDEN_ATTRIBUTES = ['style', 'srcdoc', 'id', 'name', 'class', 'action', 'formaction', 'target', 'form'];

const LINK_ATTRIBUTES = new Set(['href', 'cite', 'action', 'formaction', 'longdesc', 'ping']);
const MEDIA_ATTRIBUTES = new Set(['src', 'poster', 'background', 'data', 'codebase', 'lowsrc', 'dynsrc']);

/**
 * Applies the URL policy to one sanitized element: every URL attribute is resolved
 * against `base` and kept only with an allowed scheme. Handler, `style` and `srcdoc`
 * attributes are removed again here as a second line of defence. Images load lazily.
 */
function enforceUrlPolicy(element: Element, base: string | undefined): void {
  for (const { name, localName, value } of [...element.attributes]) {
    const key = localName.toLowerCase();
    const safe = LINK_ATTRIBUTES.has(key)
      ? safeUrl(value, base, 'link')
      : MEDIA_ATTRIBUTES.has(key)
        ? safeUrl(value, base, 'media')
        : key === 'srcset'
          ? safeSrcset(value, base)
          : /^on|^style$|^srcdoc$/.test(key)
            ? undefined
            : value;
    if (safe === undefined) element.removeAttribute(name);
    else if (safe !== value) element.setAttribute(name, safe);
  }
  if (element.localName === 'img') {
    element.setAttribute('loading', 'lazy');
    element.setAttribute('decoding', 'async');
  }
}

interface SanitizerInstance {
  allowElement(element: { name: string; attributes?: string[] }): void;
  removeElement(name: string): void;
  replaceElementWithChildren(name: string): void;
  removeAttribute(name: string): void;
}
type ElementWithSetHTML = Element & { setHTML(html: string, options?: { sanitizer?: SanitizerInstance }): void };
declare const Sanitizer: { new (): SanitizerInstance } | undefined;

let nativeSanitizer: SanitizerInstance | undefined;

/** Whether this browser sanitizes natively (the HTML Sanitizer API). */
export const hasNativeSanitizer = (): boolean => typeof Sanitizer === 'function' && 'setHTML' in Element.prototype;

/** HTML longer than this is sanitized in several tasks (see `sanitizeNatively`), and an article's content this long may render progressively. */
export const LONG_HTML = 200_000;

async function sanitizeNatively(html: string, base: string | undefined): Promise<DocumentFragment> {
  if (!nativeSanitizer) {
    nativeSanitizer = new Sanitizer!();
    for (const [name, attributes] of Object.entries(MEDIA_ELEMENTS)) nativeSanitizer.allowElement({ name, attributes });
    for (const name of UNWRAPPED_ELEMENTS) nativeSanitizer.replaceElementWithChildren(name);
    for (const name of FORBIDDEN_ELEMENTS) nativeSanitizer.removeElement(name);
    for (const name of FORBIDDEN_ATTRIBUTES) nativeSanitizer.removeAttribute(name);
  }
  // An inert document: nothing in it loads or runs while the URL policy is applied.
  const holder = document.implementation.createHTMLDocument('').createElement('div') as unknown as ElementWithSetHTML;
  holder.setHTML(html, { sanitizer: nativeSanitizer });
  // Long input: the page gets its turn after setHTML and after the URL policy. Nothing
  // leaves the inert document before all of it is done.
  const long = html.length > LONG_HTML;
  if (long) await yieldToPage();
  for (const element of holder.querySelectorAll('*')) enforceUrlPolicy(element, base);
  if (long) await yieldToPage();
  // Moved as one fragment, not spread as arguments: a long article has more top-level nodes than a call takes.
  // It stays in the inert document until the render copies it into the page.
  const range = holder.ownerDocument.createRange();
  range.selectNodeContents(holder);
  return range.extractContents();
}

type Purifier = typeof import('dompurify').default;
let purifier: Promise<Purifier> | undefined;
let purifyBase: string | undefined;

function loadPurifier(): Promise<Purifier> {
  return (purifier ??= import('dompurify').then(({ default: createPurifier }) => {
    // A private instance, so hooks never touch a DOMPurify the host page uses.
    const purify = createPurifier(window);
    purify.addHook('afterSanitizeAttributes', (node) => enforceUrlPolicy(node as Element, purifyBase));
    return purify;
  }));
}

async function sanitizeWithPurifier(html: string, base: string | undefined): Promise<DocumentFragment> {
  const purify = await loadPurifier();
  purifyBase = base;
  const fragment = purify.sanitize(html, {
    RETURN_DOM_FRAGMENT: true,
    ADD_TAGS: ['picture', 'source', 'details', 'summary'],
    FORBID_TAGS: [...UNWRAPPED_ELEMENTS, ...FORBIDDEN_ELEMENTS],
    FORBID_ATTR: FORBIDDEN_ATTRIBUTES,
    ALLOW_DATA_ATTR: false,
  });
  // HTML that parses as a frameset document has no body, and DOMPurify returns null: nothing is left of it.
  return fragment ?? document.createDocumentFragment();
}

export type SanitizerEngine = 'native' | 'dompurify';

/**
 * Sanitizes `html` and resolves its relative URLs against `base`. `engine` forces a
 * path (tests run the corpus through both); by default the native one is used when
 * the browser has it.
 */
export function sanitizeHtml(
  html: string,
  base?: string,
  engine: SanitizerEngine = hasNativeSanitizer() ? 'native' : 'dompurify',
): Promise<DocumentFragment> {
  return engine === 'native' ? sanitizeNatively(html, base) : sanitizeWithPurifier(html, base);
}
