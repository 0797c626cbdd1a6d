/**
 * `npm start` serves the demo (demo/index.html) with the sources, its comment endpoint
 * and the real feeds of test/fixtures/corpus; `npm run build`
 * writes the script-tag bundle dist/news-widgets.js: one minified ES module with Lit
 * and every dependency inside. DOMPurify, needed only by browsers without the HTML
 * Sanitizer API, is a lazily loaded chunk beside it. `vitest` runs the unit tests of
 * the pure modules (test/unit); the elements are tested in real browsers by wtr.
 */
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { demoCommentEndpoint, demoFeeds } from './scripts/vite-plugins/demo-server.js';
import { minifyTemplates } from './scripts/vite-plugins/minify-templates.js';

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** What the feed reader's chunk holds: src/article/feed-reader.ts and what it shares with <comment-list> only. */
const FEED_READER_MODULES =
  /\/src\/(article\/(feed-reader|read-articles|normalize-[a-z-]+|article-(view|texts|template)|locale-formats|structured-data(-script)?|sanitize-html|safe-url)|shared\/intl-cache)\.ts$/;

/**
 * A chunk that is both a lazily loaded module and shared by others (the feed reader's) gets its
 * module namespace from Rolldown's `__export` helper, which walks its list of exports with
 * `for…in`: on a page that wrote to `Object.prototype`, that walk meets the page's keys and
 * throws. This makes it walk the list's own keys only.
 */
const ownKeysInNamespaces = (): Plugin => ({
  name: 'news-widgets-own-keys-in-namespaces',
  renderChunk: (code) =>
    code.replace(
      /for\s*\(\s*var\s+(\w+)\s+in\s+(\w+)\s*\)(\s*\{?\s*\w+\(\s*\w+\s*,\s*\1\s*,\s*\{\s*get:\s*\2\[\1\])/g,
      'for (var $1 of Object.keys($2))$3',
    ),
});

/** `vite build --mode comments`: the bundle of the comment form and list alone (src/define-comments.ts). */
const COMMENTS_BUNDLE = 'news-widgets-comments';

export default defineConfig(({ mode }) => ({
  plugins: [demoCommentEndpoint(), demoFeeds(), minifyTemplates(), ownKeysInNamespaces()],
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
    // The comments bundle is written second, beside the first.
    emptyOutDir: mode !== 'comments',
    target: 'es2022',
    lib:
      mode === 'comments'
        ? { entry: fromRoot('./src/define-comments.ts'), formats: ['es'], fileName: () => `${COMMENTS_BUNDLE}.js` }
        : { entry: fromRoot('./src/define.ts'), formats: ['es'], fileName: () => 'news-widgets.js' },
    rollupOptions: {
      // Lazy chunks (<comment-list>) import Lit and the shared modules from the bundle itself; with
      // Vite's 'strict' library signatures they would go to a further chunk every page must load.
      preserveEntrySignatures: 'allow-extension',
      // Vite keeps ES library builds unminified for consumers' bundlers; this file goes straight to browsers.
      output: {
        // The feed reader has a name of its own, without a hash, so a page can preload it (see the README).
        chunkFileNames: ({ name }) =>
          mode === 'comments'
            ? `${COMMENTS_BUNDLE}-[name]-[hash].js`
            : name === 'feed-reader'
              ? 'news-widgets-feed-reader.js'
              : 'news-widgets-[name]-[hash].js',
        // The feed reader's chunk holds what it needs that the bundle's main file does not (sanitizing, URL checks,
        // Intl formatters), though <comment-list> uses them too: in chunks of their own, the reader would ask for
        // them only once it has arrived, a round trip later. Plain text, which the code that sends comments uses
        // as well, is a chunk of its own (in the reader's, a page with only a form would download the reader), and
        // loadArticle asks for it at the same time as the reader.
        codeSplitting: {
          groups: [{ name: 'feed-reader', test: FEED_READER_MODULES, includeDependenciesRecursively: false }],
        },
        minify: true,
        comments: false,
      },
    },
    minify: true,
  },
}));
