/**
 * The one URL policy for everything a feed hands us: links and images in the
 * sanitized content and the URL fields outside it (`url`, `image`, author `url`...).
 * A URL either resolves to an allowed scheme or is dropped.
 */

/** Schemes a link may use. Relative URLs resolve against the article's base first. */
const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);
/** Schemes an image, video or audio source may use. */
const MEDIA_SCHEMES = new Set(['http:', 'https:']);
/** `data:` is allowed for images only, and only for raster and SVG image types (SVG in <img> runs no script). */
const DATA_IMAGE = /^data:image\/(?:png|jpe?g|gif|webp|avif|svg\+xml)[;,]/i;

export type UrlUse = 'link' | 'media';

/**
 * Resolves `value` against `base` and returns the absolute URL when its scheme is
 * allowed for `use`, otherwise `undefined`. Browsers strip ASCII whitespace and
 * control characters before reading a scheme; `new URL` does the same, so
 * `" java\tscript:"` is caught here as `javascript:`.
 */
export function safeUrl(value: unknown, base?: string, use: UrlUse = 'link'): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  let url: URL;
  try {
    url = new URL(trimmed, base);
  } catch {
    try {
      // An absolute URL stands on its own even when the base is unusable.
      url = new URL(trimmed);
    } catch {
      // Relative URL with no usable base: keep it only when it cannot carry a scheme.
      // eslint-disable-next-line no-control-regex -- a control character could hide a scheme from this check
      return /^[/?#.]/.test(trimmed) && !/[\u0000-\u001f]/.test(trimmed) ? trimmed : undefined;
    }
  }
  if (use === 'media' && url.protocol === 'data:') return DATA_IMAGE.test(url.href) ? url.href : undefined;
  return (use === 'link' ? LINK_SCHEMES : MEDIA_SCHEMES).has(url.protocol) ? url.href : undefined;
}

/**
 * Like `safeUrl`, for URL fields outside the content (permalinks, images, authors):
 * the result must be absolute, since a relative one left unresolved would point at the
 * host page's site. `httpOnly` also refuses `mailto:` and `tel:`.
 */
export function absoluteUrl(
  value: unknown,
  base: string | undefined,
  use: UrlUse,
  httpOnly: boolean,
): string | undefined {
  const url = safeUrl(value, base, use);
  if (url === undefined || !/^[a-z][a-z\d+.-]*:/i.test(url)) return undefined;
  return !httpOnly || /^https?:/i.test(url) ? url : undefined;
}

/**
 * Checks each candidate of a `srcset` value; returns the value rebuilt from the safe
 * candidates, or `undefined` when none is safe. Candidates are split the way the HTML
 * standard's srcset parser does, so a URL with commas in it (`w_400,h_300`) stays whole.
 */
export function safeSrcset(value: unknown, base?: string): string | undefined {
  if (typeof value !== 'string') return undefined;
  const candidates: string[] = [];
  let i = 0;
  while (i < value.length) {
    while (i < value.length && /[\s,]/.test(value[i]!)) i++;
    let start = i;
    while (i < value.length && !/\s/.test(value[i]!)) i++;
    let url = value.slice(start, i);
    let descriptor = '';
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      start = i;
      while (i < value.length && value[i] !== ',') i++;
      descriptor = value.slice(start, i).trim();
    }
    const safe = url && safeUrl(url, base, 'media');
    if (safe && !safe.startsWith('data:')) candidates.push(descriptor ? `${safe} ${descriptor}` : safe);
  }
  return candidates.length ? candidates.join(', ') : undefined;
}
