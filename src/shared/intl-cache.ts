/**
 * `Intl` formatters made once per language and shared by every element on the page:
 * creating one is slow (the first loads the locale's data), and a render needs several.
 */

/**
 * A function that gives the formatters `make` creates for a language (a `lang` value),
 * made on first use; the browser's own language when `lang` is missing or malformed.
 */
export function perLanguage<Formats>(make: (locale: string | undefined) => Formats): (language?: string) => Formats {
  const cache = new Map<string, Formats>();
  return (language) => {
    let locale: string | undefined;
    try {
      locale = language ? Intl.getCanonicalLocales(language)[0] : undefined;
    } catch {
      // A malformed `lang` value: the browser's own language instead.
    }
    let formats = cache.get(locale ?? '');
    if (!formats) cache.set(locale ?? '', (formats = make(locale)));
    return formats;
  };
}
