/**
 * The `Intl` formatters `<news-article>` writes dates, names and terms with, one set per
 * language, shared by every article on the page: creating them is slow (the first one
 * loads the locale's data, 70–180 ms on a slow phone), and a render needs three. So an
 * article is first shown without them, and they are made once the page has painted it.
 */
import type { ReactiveControllerHost } from 'lit';
import { perLanguage } from '../shared/intl-cache.js';

export interface LocaleFormats {
  date: Intl.DateTimeFormat;
  /** "A, B and C". */
  names: Intl.ListFormat;
  /** "News, Politics". */
  terms: Intl.ListFormat;
}

/** The formatters for `language` (a `lang` value); the browser's own language when it is missing or malformed. */
export const localeFormats: (language?: string) => LocaleFormats = perLanguage((locale) => ({
  date: new Intl.DateTimeFormat(locale, { dateStyle: 'long' }),
  names: new Intl.ListFormat(locale, { type: 'conjunction' }),
  terms: new Intl.ListFormat(locale, { type: 'unit' }),
}));

/** Languages whose formatters are made, or asked for. */
const made = new Set<string | undefined>();

/**
 * The formatters for `language` once they are asked for. Until then undefined, and `host`
 * renders again in a task of its own after the next frame (the article is on screen first),
 * making them then.
 */
export function madeLocaleFormats(
  language: string | undefined,
  host: ReactiveControllerHost,
): LocaleFormats | undefined {
  if (made.has(language)) return localeFormats(language);
  requestAnimationFrame(() =>
    setTimeout(() => {
      made.add(language);
      host.requestUpdate();
    }),
  );
  return undefined;
}
