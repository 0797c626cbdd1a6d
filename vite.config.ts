/**
 * `npm start` serves the demo (demo/index.html) with the sources, its comment endpoint
 * and the real feeds of ../shared/corpus; `npm run build`
 * writes the script-tag bundle dist/news-widgets.js: one minified ES module with Lit
 * and every dependency inside. DOMPurify, needed only by browsers without the HTML
 * Sanitizer API, is a lazily loaded chunk beside it. `vitest` runs the unit tests of
 * the pure modules (test/unit); the elements are tested in real browsers by wtr.
 */
import { fileURLToPath } from 'node:url';
import MagicString from 'magic-string';
import { parseSync } from 'vite';
import { defineConfig, type Plugin } from 'vitest/config';
import { createCommentEndpoint } from './scripts/comment-endpoint.js';
import { createDemoFeeds } from './scripts/demo-feeds.js';

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The demo's comment endpoint (json protocol) at /api/comments, keeping comments in .demo-data/. */
function demoCommentEndpoint(): Plugin {
  return {
    name: 'news-widgets-demo-comments',
    configureServer(server) {
      server.middlewares.use(createCommentEndpoint({ file: fromRoot('./.demo-data/comments.json') }));
    },
  };
}

/**
 * The real feeds the demo can show, from the corpus beside the clone (../shared/corpus,
 * or NEWS_WIDGETS_CORPUS): the list at /demo-feeds/index.json, each file under /demo-feeds/.
 */
function demoFeeds(): Plugin {
  return {
    name: 'news-widgets-demo-feeds',
    configureServer(server) {
      const corpus = process.env.NEWS_WIDGETS_CORPUS ?? fromRoot('../shared/corpus/');
      server.middlewares.use(createDemoFeeds({ corpus }));
    },
  };
}

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
function minifyTemplates(): Plugin {
  const minifiers: Record<string, (text: string) => string> = { css: minifyCssText, html: minifyHtmlText, staticHtml: minifyHtmlText };
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
        const minify = record.type === 'TaggedTemplateExpression' && record.tag?.type === 'Identifier' ? minifiers[record.tag.name] : undefined;
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
      return output.hasChanged() ? { code: output.toString(), map: output.generateMap({ hires: true, source: id }) } : null;
    },
  };
}

export default defineConfig({
  plugins: [demoCommentEndpoint(), demoFeeds(), minifyTemplates()],
  root: fromRoot('./demo'),
  // The demo page loads the sources as /src/…, though the demo folder is the server's root.
  resolve: { alias: [{ find: /^\/src\//, replacement: fromRoot('./src/') }] },
  server: { host: '127.0.0.1', port: 5173, fs: { allow: [fromRoot('.')] } },
  preview: { host: '127.0.0.1' },
  test: {
    root: fromRoot('.'),
    include: ['test/unit/**/*.test.ts'],
  },
  build: {
    outDir: fromRoot('./dist'),
    emptyOutDir: true,
    target: 'es2022',
    lib: {
      entry: fromRoot('./src/define.ts'),
      formats: ['es'],
      fileName: () => 'news-widgets.js',
    },
    rollupOptions: {
      // Vite keeps ES library builds unminified for consumers' bundlers; this file goes straight to browsers.
      output: { chunkFileNames: 'news-widgets-[name]-[hash].js', minify: true, comments: false },
    },
    minify: true,
  },
});
