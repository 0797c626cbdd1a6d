/**
 * The `Intl` formatters `<news-article>` writes dates, names and terms with, one set per
 * language, shared by every article on the page: creating them is slow (the first one
 * loads the locale's data), and a render needs three.
 */

export interface LocaleFormats {
  date: Intl.DateTimeFormat;
  /** "A, B and C". */
  names: Intl.ListFormat;
  /** "News, Politics". */
  terms: Intl.ListFormat;
}

const formatsByLocale = new Map<string, LocaleFormats>();

/** The formatters for `language` (a `lang` value); the browser's own language when it is missing or malformed. */
export function localeFormats(language: string | undefined): LocaleFormats {
  let locale: string | undefined;
  try {
    locale = language ? Intl.getCanonicalLocales(language)[0] : undefined;
  } catch {
    // A malformed `lang` value: the browser's own language instead.
  }
  let formats = formatsByLocale.get(locale ?? '');
  if (!formats) {
    formats = {
      date: new Intl.DateTimeFormat(locale, { dateStyle: 'long' }),
      names: new Intl.ListFormat(locale, { type: 'conjunction' }),
      terms: new Intl.ListFormat(locale, { type: 'unit' }),
    };
    formatsByLocale.set(locale ?? '', formats);
  }
  return formats;
}
