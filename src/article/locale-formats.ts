/**
 * The `Intl` formatters `<news-article>` writes dates, names and terms with, one set per
 * language, shared by every article on the page: creating them is slow (the first one
 * loads the locale's data), and a render needs three.
 */
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
