/**
 * The build's template minifier: the elements' Lit templates (`css` and `html` tagged
 * templates in src/) reach readers without source comments and indentation. Only the
 * script-tag bundle is minified this way (`apply: 'build'`).
 */
import MagicString from 'magic-string';
import { parseSync, type Plugin } from 'vite';

/**
 * CSS without comments and with only the spaces that carry meaning. Quoted strings stay
 * as written; a comment becomes a space, as it still keeps the tokens either side apart.
 * A space at either end stays: the text may be a piece between two `${}`, where it can
 * be a combinator.
 */
export function minifyCssText(text: string): string {
  const segments: string[] = [''];
  for (const [index, part] of text.split(/('[^'\n]*'|"[^"\n]*"|\/\*[\s\S]*?\*\/)/).entries()) {
    if (index % 2 && !part.startsWith('/*')) segments.push(part, '');
    else segments[segments.length - 1] += index % 2 ? ' ' : part;
  }
  return segments
    .map((segment, index) =>
      index % 2
        ? segment
        : segment
            .replace(/\s+/g, ' ')
            .replace(/ ?([{};,]) ?/g, '$1')
            .replace(/: /g, ':')
            .replace(/;}/g, '}'),
    )
    .join('');
}

/** HTML templates: a run of whitespace that spans lines (source indentation) becomes one space. */
export const minifyHtmlText = (text: string) => text.replace(/\s*\n\s*/g, ' ');

/**
 * The bundle's Lit templates as the browser needs them: the sources keep their CSS
 * comments and indentation for people; the minifier leaves template text alone, and
 * those bytes went to every reader. Only whitespace and comments go: a run of spaces
 * that spans lines in an HTML template renders as the one space it becomes.
 */
export function minifyTemplates(): Plugin {
  const minifiers: Record<string, (text: string) => string> = {
    css: minifyCssText,
    html: minifyHtmlText,
    staticHtml: minifyHtmlText,
  };
  return {
    name: 'news-widgets-minify-templates',
    apply: 'build',
    transform(code, id) {
      if (!/\/src\/[^?]*\.ts$/.test(id) || !/(css|html)`/i.test(code)) return null;
      const { program } = parseSync(id, code, { lang: 'ts' });
      const output = new MagicString(code);
      const visit = (node: unknown): void => {
        if (!node || typeof node !== 'object') return;
        if (Array.isArray(node)) return node.forEach(visit);
        const record = node as Record<string, any>;
        const minify =
          record.type === 'TaggedTemplateExpression' && record.tag?.type === 'Identifier'
            ? minifiers[record.tag.name]
            : undefined;
        if (minify) {
          for (const quasi of record.quasi.quasis) {
            // The TypeScript AST's quasi spans its delimiters: ` or } before, ` or ${ after.
            const start = quasi.start + 1;
            const end = quasi.end - (quasi.tail ? 1 : 2);
            const raw = code.slice(start, end);
            if (raw !== quasi.value.raw) throw new Error(`${id}: template offsets do not match the source`);
            const minified = minify(raw);
            if (minified !== raw) output.overwrite(start, end, minified);
          }
        }
        for (const key in record) if (key !== 'parent') visit(record[key]);
      };
      visit(program);
      return output.hasChanged()
        ? { code: output.toString(), map: output.generateMap({ hires: true, source: id }) }
        : null;
    },
  };
}
