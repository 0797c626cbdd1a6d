/**
 * The React 19 and Vue 3 guides' examples (docs/examples/react/, docs/examples/vue/),
 * bundled with esbuild as an app's bundler would (the Vue single-file component
 * compiled by Vue's own compiler with the guide's compilerOptions), in development
 * mode so that every React and Vue warning shows, and run in Chromium against the
 * site's feed and comment endpoint. `news-widgets` resolves to src/, which the npm
 * entry points are compiled from. The Vue page without a build step
 * (docs/examples/vue/no-build.html) is served as written, except for its two CDN URLs:
 * Vue's development build from node_modules, and dist/ (which `npm test` builds before
 * these tests) from the test's CDN.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { build } from 'esbuild';
import { compileScript, parse } from 'vue/compiler-sfc';
import { newReaderContext } from '../support/reader-context.js';
import { commentForm, eventually, launchChromium } from './support/demo.js';
import { root, startCdn, startSite } from './support/embedding-servers.js';
import { compilerOptions as vueCompilerOptions } from '../../docs/examples/vue/compiler-options.js';

const examples = join(root, 'docs/examples');
const feed = JSON.parse(await readFile(join(examples, 'plain-html/feed.json'), 'utf8'));
const shownItem = feed.items.find((item) => item.id === 'library-reopens');

/** `news-widgets` and `news-widgets/define.js`, from the sources of the npm entry points. */
const newsWidgetsFromSource = {
  name: 'news-widgets-from-source',
  setup(builder) {
    builder.onResolve({ filter: /^news-widgets(\/define\.js)?$/ }, ({ path }) => ({
      path: join(root, path === 'news-widgets' ? 'src/index.ts' : 'src/define.ts'),
    }));
  },
};

/** Vue single-file components, compiled as @vitejs/plugin-vue does, with the guide's compilerOptions. */
const vueSingleFileComponents = {
  name: 'vue-sfc',
  setup(builder) {
    builder.onLoad({ filter: /\.vue$/ }, async ({ path }) => {
      // Like the plugin, both the parser and the compiler get the options: the parser decides which tags are elements.
      const { descriptor, errors } = parse(await readFile(path, 'utf8'), {
        filename: path,
        templateParseOptions: vueCompilerOptions,
      });
      if (errors.length) throw errors[0];
      const script = compileScript(descriptor, {
        id: 'article-with-comments',
        inlineTemplate: true,
        templateOptions: { compilerOptions: vueCompilerOptions },
      });
      return { contents: script.content, loader: 'js', resolveDir: dirname(path) };
    });
  },
};

/** Bundles an example app's entry into `outdir` (main.js there). */
async function bundle(entry, outdir) {
  await build({
    entryPoints: { main: join(examples, entry) },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    jsx: 'automatic',
    logLevel: 'error',
    plugins: [newsWidgetsFromSource, vueSingleFileComponents],
    define: {
      'process.env.NODE_ENV': '"development"',
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
  });
}

const appPage = (name, script, mountId) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${name} app</title>
    <link rel="icon" href="data:," />
    <script type="module" src="${script}"></script>
  </head>
  <body>
    <div id="${mountId}"></div>
  </body>
</html>
`;

/** Replaces `from` (which must be there) with `to`. */
function rewrite(text, from, to) {
  assert.ok(text.includes(from), `the example still has ${from}`);
  return text.replaceAll(from, to);
}

/** The bundled apps: where the entry is, and the element it mounts in. */
const BUNDLED = [
  { name: 'React 19', entry: 'react/main.tsx', path: '/react/', mountId: 'root' },
  { name: 'Vue 3', entry: 'vue/main.js', path: '/vue/', mountId: 'app' },
];
const APPS = [...BUNDLED, { name: 'Vue 3 without a build step', path: '/vue-no-build/' }];

describe('the framework guides’ examples', { timeout: 120_000 }, () => {
  let site;
  let cdn;
  let browser;
  let outdirs = [];
  before(async () => {
    outdirs = await Promise.all(BUNDLED.map(() => mkdtemp(join(tmpdir(), 'news-widgets-app-'))));
    [browser, cdn] = await Promise.all([
      launchChromium(),
      startCdn(),
      ...BUNDLED.map(({ entry }, i) => bundle(entry, outdirs[i])),
    ]);
    let noBuild = await readFile(join(examples, 'vue/no-build.html'), 'utf8');
    noBuild = rewrite(
      noBuild,
      'https://unpkg.com/vue@3.5.45/dist/vue.esm-browser.prod.js',
      '/vendor/vue/vue.esm-browser.js',
    );
    noBuild = rewrite(noBuild, 'https://your.cdn.example/news-widgets/0.1.0/news-widgets.js', cdn.bundleUrl());
    site = await startSite({
      pages: {
        ...Object.fromEntries(
          BUNDLED.map(({ name, path, mountId }, i) => [path, appPage(name, `/app-${i}/main.js`, mountId)]),
        ),
        '/vue-no-build/': noBuild,
      },
      folders: {
        '/': join(examples, 'plain-html'), // the site's feed.json
        '/vendor/vue/': join(root, 'node_modules/vue/dist'),
        ...Object.fromEntries(outdirs.map((dir, i) => [`/app-${i}/`, dir])),
      },
    });
  });
  after(async () => {
    await browser?.close();
    await Promise.all([
      site?.close(),
      cdn?.close(),
      ...outdirs.map((dir) => rm(dir, { recursive: true, force: true })),
    ]);
  });
  beforeEach(() => site.resetComments());

  /** The app in a reader's page, with the article on show; React's and Vue's warnings are collected. */
  async function openApp(t, path) {
    const reader = await newReaderContext(t, browser);
    const warnings = [];
    reader.context.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
    const page = await reader.context.newPage();
    await page.goto(`${site.origin}${path}`);
    await page
      .locator('news-article[state="ready"]')
      .waitFor({ timeout: 15000 })
      .catch(async (error) => {
        const tag = await page.evaluate(() => document.querySelector('news-article')?.cloneNode(false).outerHTML);
        throw new Error(`the article is not on show: ${tag}`, { cause: error });
      });
    await page.waitForFunction(() => document.querySelector('comment-form')?.effectivePostId !== undefined);
    return { reader, page, warnings };
  }

  const articleViews = (page) => page.evaluate(() => window.dataLayer ?? []);

  for (const { name, path } of APPS) {
    it(`${name}: data and strings arrive as properties, and the article renders with them`, async (t) => {
      const { reader, page, warnings } = await openApp(t, path);
      const received = await page.evaluate(() => {
        const article = document.querySelector('news-article');
        const form = document.querySelector('comment-form');
        return {
          items: Array.isArray(article.data?.items) ? article.data.items.length : typeof article.data,
          articleStrings: article.strings,
          formStrings: form.strings,
          attributes: [article, form].flatMap((element) =>
            element.getAttributeNames().filter((attribute) => ['data', 'strings'].includes(attribute)),
          ),
        };
      });
      assert.deepEqual(received, {
        items: feed.items.length,
        articleStrings: { by: 'Written by', categorizedAs: 'Filed under' },
        formStrings: { heading: 'Join the discussion', submit: 'Publish comment' },
        attributes: [],
      });

      const article = page.locator('news-article');
      assert.equal(
        (await article.locator('h2[part~="headline"]').textContent()).trim(),
        shownItem.title,
        'heading level 2',
      );
      assert.match(
        await article.locator('[part~="byline"]').textContent(),
        new RegExp(`Written by\\s+${shownItem.authors[0].name}`),
      );
      assert.match(await article.locator('[part~="footer"]').textContent(), /Filed under\s+Town, Libraries/);
      const form = commentForm(page);
      assert.equal(
        (await page.locator('comment-form').getByRole('heading').textContent()).trim(),
        'Join the discussion',
      );
      assert.equal((await form.submit.textContent()).trim(), 'Publish comment');
      assert.deepEqual(
        await articleViews(page),
        [{ event: 'article_view', articleId: shownItem.id }],
        'the load listener ran once',
      );
      assert.deepEqual(warnings, [], `${name} warnings`);
      reader.assertNoProblems();
    });

    it(`${name}: posting a comment runs the app’s comment-form-success listener`, async (t) => {
      const { reader, page, warnings } = await openApp(t, path);
      const form = commentForm(page);
      await form.content.fill(`Posted from the ${name} example.`);
      await form.fillIdentity();
      await form.submit.click();
      await eventually(async () =>
        assert.equal(
          await page.locator('.comment-notice').textContent(),
          'Thank you, Olena: your comment is published.',
        ),
      );
      assert.deepEqual(
        (await site.comments()).map(({ postId, content }) => ({ postId, content })),
        [{ postId: shownItem.id, content: `Posted from the ${name} example.` }],
      );
      // The app re-rendered with the notice; the article kept its document and did not load again.
      assert.deepEqual(await articleViews(page), [{ event: 'article_view', articleId: shownItem.id }]);
      assert.deepEqual(warnings, [], `${name} warnings`);
      reader.assertNoProblems();
    });
  }
});
