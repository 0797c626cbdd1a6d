/**
 * The API tables of docs/news-article.md and docs/comment-form.md are what the code says. The test runs the
 * analyzer with the project's config (what `npm run manifest` does), as custom-elements-manifest.test.ts
 * does (test/support/analyze-manifest.ts), writes the tables from it with scripts/api-docs.js, and compares them
 * with the committed pages. Then the generator itself: descriptions are escaped for Markdown tables.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  apiMarkdown,
  apiSection,
  codeSpan,
  elementDeclaration,
  markdownText,
  pages,
  withApi,
  type Manifest,
} from '../../../scripts/api-docs.js';
import { analyzeManifest, repositoryRoot } from '../../support/analyze-manifest.js';

const root = repositoryRoot;
let manifest: Manifest;

beforeAll(() => {
  manifest = analyzeManifest<Manifest>();
}, 60_000);

/** The cells of a Markdown table row, split at the pipes that are not escaped. */
function cells(row: string): string[] {
  return row
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());
}

describe.each(pages)('$file', ({ tag, file }) => {
  test('its API tables are what custom-elements.json says (run npm run docs when this fails)', () => {
    const committed = apiSection(readFileSync(join(root, file), 'utf8'), file);
    const generated = apiMarkdown(elementDeclaration(manifest, tag));
    expect(
      committed,
      `${file}: the tables between <!-- api:start --> and <!-- api:end --> differ from the code's custom-elements.json: run npm run docs`,
    ).toBe(generated);
  });

  test('every row of every table has as many cells as its header', () => {
    const lines = apiMarkdown(elementDeclaration(manifest, tag)).split('\n');
    let width = 0;
    for (const [index, line] of lines.entries()) {
      if (!line.startsWith('|')) {
        width = 0;
        continue;
      }
      if (!width) width = cells(line).length;
      expect(cells(line), `${tag}, line ${index + 1}: ${line}`).toHaveLength(width);
      expect(cells(line).every(Boolean), `${tag}, line ${index + 1} has an empty cell: ${line}`).toBe(true);
    }
  });

  test('it lists every public attribute, member, event, slot, part and custom property', () => {
    const declaration = elementDeclaration(manifest, tag) as Record<string, { name: string; privacy?: string }[]>;
    const generated = apiMarkdown(declaration);
    const names = [
      ...(declaration.attributes ?? []),
      ...(declaration.members ?? []).filter((member) => member.privacy !== 'private' && !/^[#_]/.test(member.name)),
      ...(declaration.events ?? []),
      ...(declaration.slots ?? []).filter((slot) => slot.name),
      ...(declaration.cssParts ?? []),
      ...(declaration.cssProperties ?? []),
      ...(declaration.cssStates ?? []),
    ].map(({ name }) => name);
    expect(names.length).toBeGreaterThan(10);
    const escape = (name: string) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // In code: `name`, `Class.method(…)` or `:state(name)`.
    for (const name of names) expect(generated, `${tag}: ${name}`).toMatch(new RegExp(`[\`.(]${escape(name)}[\`()]`));
  });
});

describe('escaping', () => {
  test('pipes are escaped in text and in code, so a description stays in its cell', () => {
    expect(markdownText('`a | b` or c | d')).toBe('`a \\| b` or c \\| d');
    expect(codeSpan("'loading' | 'ready'")).toBe("`'loading' \\| 'ready'`");
  });

  test('Markdown and HTML outside code are literal; code spans stay code', () => {
    expect(markdownText('Shows <comment-form> *inside* [it](x) & `<news-article>`')).toBe(
      'Shows \\<comment-form\\> \\*inside\\* \\[it\\](x) \\& `<news-article>`',
    );
    expect(markdownText('snake_case and a\\b')).toBe('snake\\_case and a\\\\b');
  });

  test('line breaks become spaces, and an unclosed backtick is a literal one', () => {
    expect(markdownText('one\nline,\n\n  one cell')).toBe('one line, one cell');
    expect(markdownText('a ` b')).toBe('a \\` b');
    expect(markdownText('``a ` b`` c')).toBe('``a ` b`` c');
  });

  test('code with backticks gets a longer fence', () => {
    expect(codeSpan('a`b')).toBe('``a`b``');
    expect(codeSpan('`x`')).toBe('`` `x` ``');
  });
});

describe('the markers', () => {
  const page = '# Title\n\nProse.\n\n<!-- api:start -->\nold\n<!-- api:end -->\n\nMore prose.\n';

  test('only the text between them is replaced', () => {
    const updated = withApi(page, '### Events\n\n| event |\n|---|\n| `x` |');
    expect(updated).toBe(
      '# Title\n\nProse.\n\n<!-- api:start -->\n\n### Events\n\n| event |\n|---|\n| `x` |\n\n<!-- api:end -->\n\nMore prose.\n',
    );
    expect(withApi(updated, '### Events\n\n| event |\n|---|\n| `x` |')).toBe(updated);
  });

  test('a page without them is an error that names it', () => {
    expect(() => withApi('# Title\n', 'x', 'docs/x.md')).toThrow(
      'docs/x.md has no <!-- api:start --> … <!-- api:end --> markers',
    );
  });
});
