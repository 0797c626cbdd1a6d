/**
 * `npm run bench`: what the widgets cost a page, measured in headless Chromium against a
 * page with no JavaScript at all (issue 7). A benchmark, not a test: it prints one table
 * with each target met or not, writes every number to bench-results/latest.json and the
 * table, with date, machine and settings, into BENCHMARKS.md. Times are medians of
 * interleaved runs and ratios against a baseline measured in the same run. Untimed loads
 * explain the load numbers: one more load each of b, d and e with the V8 profiler on (profile.js),
 * and one each of a, b, d and e traced (trace.js: first paint, when each script file was
 * downloaded, compiled and evaluated, and what each long task was made of).
 *
 *   npm run bench                  the full run (about 4–5 minutes)
 *   npm run bench -- --quick       a smoke run: few loads, 300 characters (numbers not for the record)
 *   npm run bench -- --no-write    leave BENCHMARKS.md alone (bench-results/latest.json is still written)
 *
 * Settings can also be changed one by one: BENCH_LOAD_RUNS, BENCH_SLOW_RUNS, BENCH_CHARACTERS,
 * BENCH_KEY_INTERVAL_MS, BENCH_BIG_FEED_RUNS, BENCH_MEMORY_CYCLES, BENCH_THROTTLE; BENCH_REFERENCE
 * names the commit whose single bundle the slow-network loads compare with (default c37cf24).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { browserPath, chromiumArgs, installHint } from '../browsers.js';
import { buildForBench, buildReference } from './build.js';
import { measureBigFeed } from './big-feed.js';
import { commentListRoutes, measureCommentList } from './comment-list.js';
import { loadOnce, measureLoads, measureSlowLoads } from './load.js';
import { measureMemory } from './memory.js';
import { sourceLookup } from './profile.js';
import { demoFeedText, makeBigFeed, pages } from './pages.js';
import { markdownSection, targetRows, textTable, updateBenchmarksFile } from './report.js';
import { startBenchServer } from './server.js';
import { round, sumSizes } from './stats.js';
import { measureTyping } from './typing.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const setting = (name, full, short) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : quick ? short : full;
};
const settings = {
  throttle: setting('BENCH_THROTTLE', 4, 4),
  loadRuns: setting('BENCH_LOAD_RUNS', 11, 3),
  slowRuns: setting('BENCH_SLOW_RUNS', 5, 2),
  reference: process.env.BENCH_REFERENCE || 'c37cf24',
  characters: setting('BENCH_CHARACTERS', 2000, 300),
  keyIntervalMs: setting('BENCH_KEY_INTERVAL_MS', 60, 60),
  bigFeedRuns: setting('BENCH_BIG_FEED_RUNS', 5, 2),
  memoryCycles: setting('BENCH_MEMORY_CYCLES', 200, 40),
};
const log = (message) => console.log(message);

const executablePath = browserPath('chromium');
if (!executablePath) {
  console.error(`The benchmark needs Chromium, which is not installed: ${installHint.chromium}`);
  process.exit(1);
}

const started = Date.now();
const tmp = await mkdtemp(join(tmpdir(), 'news-widgets-bench-'));
let server;
let browser;
try {
  log('Building the bundle and the single-element bundles…');
  const built = await buildForBench(tmp);
  log(`Building the reference: the single bundle of ${settings.reference}…`);
  const referenceDir = await buildReference(tmp, settings.reference);

  const bigFeed = makeBigFeed(5000);
  server = await startBenchServer({
    distDir: built.fullDir,
    referenceDir,
    routes: { ...pages, ...commentListRoutes, '/feeds/article.json': demoFeedText, '/feeds/big.json': bigFeed },
    commentFile: join(tmp, 'comments.json'),
  });
  browser = await chromium.launch({ executablePath, args: chromiumArgs });
  const machine = {
    nproc: Number(execFileSync('nproc', { encoding: 'utf8' }).trim()) || availableParallelism(),
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGB: Math.round(totalmem() / 1e9),
    loadAverage: loadavg()
      .map((value) => value.toFixed(2))
      .join(' '),
    chromium: browser.version(),
    node: process.versions.node,
    platform: `${process.platform} ${process.arch}`,
  };

  log('Size: what the pages download from the package…');
  const packageFiles = (requests) => {
    const names = [
      ...new Set(
        requests.filter((url) => new URL(url).pathname.startsWith('/dist/')).map((url) => url.split('/').pop()),
      ),
    ];
    return names.map(
      (name) =>
        [...built.full, ...built.comments].find((file) => file.file === name) ?? {
          file: name,
          raw: 0,
          gzip: 0,
          brotli: 0,
        },
    );
  };
  const downloads = async (page, initScript) =>
    packageFiles(
      (await loadOnce(browser, `${server.origin}/pages/${page}.html`, { throttle: 1, initScript })).requests,
    );
  /** What a page downloads from the package before it is on show and takes typing, and what it downloads later. */
  const pathOf = async (page) => {
    const { packageRequests } = await loadOnce(browser, `${server.origin}/pages/${page}.html`, { throttle: 1 });
    const named = (critical) => [
      ...new Set(packageRequests.filter((request) => request.critical === critical).map(({ file }) => file)),
    ];
    const sized = (names) => packageFiles(names.map((name) => `${server.origin}/dist/${name}`));
    const critical = sized(named(true));
    const later = sized(named(false).filter((name) => !named(true).includes(name)));
    return { critical, criticalTotal: sumSizes(critical), later, laterTotal: sumSizes(later) };
  };
  const paths = {};
  for (const page of ['inline', 'src', 'server-rendered', 'form']) paths[page] = await pathOf(page);
  const srcFiles = await downloads('src');
  const inlineFiles = await downloads('inline');
  const noSetHtmlFiles = await downloads('src', () => {
    delete Element.prototype.setHTML;
  });
  const fallback = built.full.filter((file) => file.file.includes('purify'));
  const size = {
    criticalPath: { files: srcFiles, total: sumSizes(srcFiles) },
    inlinePage: { files: inlineFiles, total: sumSizes(inlineFiles) },
    paths,
    withoutSetHtml: { files: noSetHtmlFiles, total: sumSizes(noSetHtmlFiles) },
    commentFormAlone: built.alone['comment-form'].eager,
    newsArticleAlone: built.alone['news-article'].eager,
    dependenciesFloor: built.alone['dependencies-floor'].eager,
    fallbackChunk: sumSizes(fallback),
    fallbackFiles: fallback,
    localeChunks: built.full.filter((file) => file.file.includes('comment-form.')),
    allFiles: built.full,
    aloneFiles: Object.fromEntries(Object.entries(built.alone).map(([name, { files }]) => [name, files])),
    bundleMatchesDist: built.matchesDist,
    breakdown: built.breakdown,
  };

  log(`Load: ${settings.loadRuns} runs of each page under ${settings.throttle}× CPU throttling…`);
  const lookup = await sourceLookup(built.fullDir, 'news-widgets.js');
  // The comments bundle is built as `npm run build` builds it, without a source map: its profile is then by file only.
  const commentsLookup = existsSync(join(built.fullDir, 'news-widgets-comments.js.map'))
    ? await sourceLookup(built.fullDir, 'news-widgets-comments.js')
    : undefined;
  const load = await measureLoads(browser, server.origin, {
    runs: settings.loadRuns,
    throttle: settings.throttle,
    log,
    lookups: { 'news-widgets.js': lookup, 'news-widgets-comments.js': commentsLookup },
  });

  log(`Comment list: bytes, and ${settings.loadRuns} scrolls to the comments of each page…`);
  const commentList = await measureCommentList(browser, server.origin, {
    built,
    downloads,
    runs: settings.loadRuns,
    throttle: settings.throttle,
    log,
  });

  log(
    `Slow network: ${settings.slowRuns} runs of each page and of the reference's, 150 ms round trip, 1.6 Mbit/s, ${settings.throttle}× CPU…`,
  );
  const slow = await measureSlowLoads(browser, server.origin, {
    runs: settings.slowRuns,
    throttle: settings.throttle,
    log,
  });

  log(
    `Typing: ${settings.characters} characters, one every ${settings.keyIntervalMs} ms, into the widget and a plain textarea…`,
  );
  const typing = await measureTyping(browser, server.origin, {
    characters: settings.characters,
    intervalMs: settings.keyIntervalMs,
    log,
  });

  log(`Big feed: ${(Buffer.byteLength(bigFeed) / 1e6).toFixed(1)} MB, ${settings.bigFeedRuns} runs…`);
  const big = await measureBigFeed(browser, server.origin, {
    runs: settings.bigFeedRuns,
    feedBytes: Buffer.byteLength(bigFeed),
    log,
    lookup,
  });

  log(`Memory: ${settings.memoryCycles} create/remove cycles…`);
  const memory = await measureMemory(browser, server.origin, { cycles: settings.memoryCycles, log });

  const results = {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    quick,
    machine,
    settings,
    durationSeconds: (Date.now() - started) / 1000,
    size,
    load,
    slow,
    commentList,
    typing,
    bigFeed: big,
    memory,
  };
  const rows = targetRows(results);
  results.targets = rows;

  await mkdir(join(root, 'bench-results'), { recursive: true });
  await writeFile(
    join(root, 'bench-results/latest.json'),
    JSON.stringify(results, (key, value) => (typeof value === 'number' ? round(value, 4) : value), 2),
  );
  if (!args.has('--no-write') && !quick)
    await updateBenchmarksFile(join(root, 'BENCHMARKS.md'), markdownSection(results, rows));

  console.log('');
  console.log(
    `news-widgets benchmark, ${results.date}: ${machine.nproc} cores (${machine.cpuModel}), Chromium ${machine.chromium}`,
  );
  console.log(textTable(rows));
  const missed = rows.filter((row) => row.met === false).length;
  console.log('');
  console.log(
    `${rows.filter((row) => row.met).length} targets met, ${missed} not met. Results: bench-results/latest.json` +
      (quick ? ' (quick run: BENCHMARKS.md left alone)' : args.has('--no-write') ? '' : '; table: BENCHMARKS.md') +
      `. Took ${Math.round(results.durationSeconds)} s.`,
  );
} finally {
  await browser?.close();
  await server?.close();
  await rm(tmp, { recursive: true, force: true });
}
