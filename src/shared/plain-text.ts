/**
 * Turns feed text that carries HTML entities or markup into plain text, for the
 * places that need plain text (feed titles, JSON-LD, error messages). It is not a
 * sanitizer: its output must still be rendered as text, never parsed as HTML.
 */

/** The named references that really turn up in feed titles, names and terms
 *  (WordPress's wptexturize makes most of them); the full HTML table is too big to ship. */
const NAMED_CHARACTERS: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  hellip: '\u2026',
  mdash: '\u2014',
  ndash: '\u2013',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201c',
  rdquo: '\u201d',
  laquo: '\u00ab',
  raquo: '\u00bb',
  copy: '\u00a9',
  reg: '\u00ae',
  trade: '\u2122',
};

const CHARACTER_REFERENCE = /&(?:#(\d+)|#[xX]([\da-fA-F]+)|([A-Za-z]+));/g;

/** Elements that separate words, so `<p>a</p><p>b</p>` reads "a b", not "ab". */
const WORD_BREAKING_TAG = /^<\/?(?:br|p|div|li|h[1-6]|blockquote|figure|figcaption|td|th|tr|hr|section|article)\b/i;

/**
 * Decodes numeric references and the named ones above. Unknown names stay as they
 * are (`&foo;`), and code points HTML itself refuses (0, surrogates, > U+10FFFF)
 * become U+FFFD.
 */
export function decodeEntities(text: string): string {
  return text.replace(CHARACTER_REFERENCE, (reference, decimal?: string, hex?: string, name?: string) => {
    if (name !== undefined) return Object.hasOwn(NAMED_CHARACTERS, name) ? NAMED_CHARACTERS[name]! : reference;
    const codePoint = decimal !== undefined ? Number(decimal) : parseInt(hex!, 16);
    const isValid = codePoint > 0 && codePoint <= 0x10ffff && (codePoint < 0xd800 || codePoint > 0xdfff);
    return isValid ? String.fromCodePoint(codePoint) : '\ufffd';
  });
}

/**
 * Plain text of an HTML fragment: comments, `<script>`/`<style>` bodies and tags
 * removed, entities decoded, whitespace collapsed. Tags are removed before entities
 * are decoded, so an escaped `&lt;b&gt;` stays visible text.
 */
export function textFromHtml(html: string): string {
  const withoutTags = html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    .replace(/<(script|style)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, '')
    // A tag is `<` then a letter, `/` or `!`; any other `<` is text, as in the HTML parser.
    .replace(/<[/!?]?[a-z](?:[^>"']|"[^"]*"|'[^']*')*>?/gi, (tag) => (WORD_BREAKING_TAG.test(tag) ? ' ' : ''));
  return decodeEntities(withoutTags).replace(/\s+/g, ' ').trim();
}

/** A start tag, its attributes capped in length so a stray `<p` in a long text costs little. */
const START_TAG = /<([a-z][a-z\d]*)(?=[\s/>])(?:[^<>"']|"[^"]{0,400}"|'[^']{0,400}'){0,400}>/gi;
const END_TAG = /<\/([a-z][a-z\d]*)\s*>/gi;

/** `` `<p>` ``: a tag quoted as code in plain text is a mention, whatever follows it. */
const CODE_SPAN = /`[^`\n]*`/g;

/**
 * Whether text that should be plain holds HTML markup: an element opened and, later,
 * closed (`<em>word</em>`, Publii's `<p><span lang="en">…</span></p>`). A lone tag reads
 * as a mention of it ("the <br> element"), not as markup, so void elements never count; a
 * tag in backticks, `a < b`, `List<String>` and escaped markup (`&lt;p&gt;`) are text too.
 * One pass over the text, however long.
 */
export function holdsMarkup(text: string): boolean {
  const scanned = text.replace(CODE_SPAN, ' ');
  const firstStart = new Map<string, number>();
  for (const start of scanned.matchAll(START_TAG)) {
    const name = start[1]!.toLowerCase();
    if (!firstStart.has(name)) firstStart.set(name, start.index!);
  }
  for (const end of scanned.matchAll(END_TAG)) {
    const opened = firstStart.get(end[1]!.toLowerCase());
    if (opened !== undefined && opened < end.index!) return true;
  }
  return false;
}

/**
 * What a reader sees of a field a format defines as plain text (a JSON Feed `title`,
 * `summary`, author `name` or tag; a WordPress author or term name): its text content
 * when a generator put markup in it anyway, its characters with entities decoded
 * otherwise, so "use the <p> element" keeps every word. `undefined` for a non-string
 * or a field with nothing to read. Pure string work: nothing is parsed as HTML, and the
 * result must still be rendered as text.
 */
export function plainTextField(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = holdsMarkup(value) ? textFromHtml(value) : decodeEntities(value).trim();
  return text || undefined;
}
