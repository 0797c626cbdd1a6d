/**
 * The elements' words in other languages: each language a chunk of its own, chosen by a
 * BCP 47 tag's primary language, and `{name}` placeholders filled in. One element's
 * table of loaders goes in; English is the element's own built-in words.
 */
export type TranslationLoaders<Words> = Record<string, () => Promise<{ default: Partial<Words> }>>;

/**
 * The built-in words for a language tag: `{}` for English or a language without a
 * translation; `undefined` when the language's chunk cannot be downloaded, so the element
 * keeps the words it shows, still working.
 */
export async function loadTranslation<Words>(
  loaders: TranslationLoaders<Words>,
  language: string | undefined,
): Promise<Partial<Words> | undefined> {
  const load = loaders[(language ?? '').toLowerCase().split('-')[0]!];
  try {
    return load ? (await load()).default : {};
  } catch {
    return undefined;
  }
}

/** Fills `{name}` placeholders. */
export function fillIn(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}
