/**
 * Builds what the benchmark measures, into a temporary folder (never dist/, which other
 * work may be rebuilding): the script-tag bundle exactly as `npm run build` makes it
 * (vite.config.ts, with a hidden source map added for the breakdown; the code is the
 * same bytes), and throwaway bundles of each element alone and of the dependencies'
 * floor, made with the same build options and only the entry changed.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, loadConfigFromFile } from 'vite';
import { brotliCompressSync, constants } from 'node:zlib';
import { compressedSizes, sumSizes } from './stats.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const configFile = join(root, 'vite.config.ts');

/**
 * Throwaway entries, kept in bench/entries/ (inside the project, so `lit` and the other
 * dependencies resolve; `/src/…` resolves through vite.config.ts's alias to src/).
 */
const ALONE_ENTRIES = ['comment-form', 'news-article', 'dependencies-floor'];

async function loadProjectConfig(file = configFile, from = root, mode = 'production') {
  const loaded = await loadConfigFromFile({ command: 'build', mode, isPreview: false }, file, from, 'silent');
  if (!loaded) throw new Error(`Cannot load ${file}`);
  return loaded.config;
}

async function viteBuild(config, buildOverrides) {
  const result = await build({
    ...config,
    configFile: false,
    logLevel: 'silent',
    build: { ...config.build, ...buildOverrides },
  });
  return (Array.isArray(result) ? result : [result]).flatMap((output) => output.output);
}

/**
 * Sizes of each JavaScript file of a build, with how it is loaded: the entry, what the entry imports statically
 * (downloaded before it runs), or later (a lazily loaded chunk, or a chunk only those import).
 */
async function describeOutput(dir, output) {
  const chunks = output.filter((item) => item.type === 'chunk');
  const eager = new Set();
  const visit = (fileName) => {
    if (eager.has(fileName)) return;
    eager.add(fileName);
    for (const imported of chunks.find((chunk) => chunk.fileName === fileName)?.imports ?? []) visit(imported);
  };
  for (const chunk of chunks.filter((item) => item.isEntry)) visit(chunk.fileName);
  const files = [];
  for (const chunk of chunks) {
    const bytes = await readFile(join(dir, chunk.fileName));
    files.push({
      file: chunk.fileName,
      loaded: chunk.isEntry ? 'entry' : eager.has(chunk.fileName) ? 'static import' : 'lazy',
      modules: Object.keys(chunk.modules ?? {}).length,
      ...compressedSizes(bytes),
    });
  }
  return files;
}

/**
 * Builds everything into `tmp`. Returns the folder the full build is in (the bench
 * server serves it as /dist/; the comments bundle is written beside it), the sizes of every
 * file of each, and the breakdown by module.
 */
export async function buildForBench(tmp) {
  const config = await loadProjectConfig();
  const fullDir = join(tmp, 'dist');
  const fullOutput = await viteBuild(config, { outDir: fullDir, emptyOutDir: true, sourcemap: 'hidden' });
  // The comments bundle beside it, as `npm run build` writes it (`vite build --mode comments`).
  const commentsConfig = await loadProjectConfig(configFile, root, 'comments');
  const commentsOutput = await viteBuild(commentsConfig, { outDir: fullDir, emptyOutDir: false, sourcemap: 'hidden' });
  const full = await describeOutput(fullDir, fullOutput);
  const comments = await describeOutput(fullDir, commentsOutput);

  // Is the bench measuring what `npm run build` wrote? (dist/ may be older than the sources.)
  let matchesDist;
  try {
    const [mine, theirs] = await Promise.all([
      readFile(join(fullDir, 'news-widgets.js')),
      readFile(join(root, 'dist/news-widgets.js')),
    ]);
    matchesDist = mine.equals(theirs);
  } catch {
    matchesDist = undefined;
  }

  const alone = {};
  for (const name of ALONE_ENTRIES) {
    const entry = join(root, 'bench/entries', `${name}.js`);
    const outDir = join(tmp, `alone-${name}`);
    const output = await viteBuild(config, {
      outDir,
      emptyOutDir: true,
      lib: { ...config.build.lib, entry, fileName: () => `${name}.js` },
    });
    const files = await describeOutput(outDir, output);
    const eager = files.filter((file) => file.loaded !== 'lazy');
    alone[name] = { eager: sumSizes(eager), files };
  }

  const breakdown = await sourceMapBreakdown(fullDir, 'news-widgets.js');
  return { fullDir, full, comments, matchesDist, alone, breakdown };
}

/**
 * The script-tag bundle as an earlier commit built it (the single bundle before the critical
 * path was split), for the slow-network loads to compare with: that commit's sources, build
 * tooling and vite.config.ts, taken from git into `tmp` (with this checkout's node_modules),
 * and built with its own options (it imports @lit/task, which this checkout keeps as a
 * devDependency for it). Returns the folder the bundle is in.
 */
export async function buildReference(tmp, commit) {
  const sources = join(tmp, `reference-${commit}`);
  await mkdir(sources, { recursive: true });
  const archive = execFileSync('git', ['archive', commit, 'src', 'scripts', 'demo', 'vite.config.ts'], {
    cwd: root,
    maxBuffer: 64 * 1024 * 1024,
  });
  execFileSync('tar', ['-x', '-C', sources], { input: archive });
  await symlink(join(root, 'node_modules'), join(sources, 'node_modules'), 'dir');
  const config = await loadProjectConfig(join(sources, 'vite.config.ts'), sources);
  const outDir = join(tmp, 'reference-dist');
  await viteBuild(config, { outDir, emptyOutDir: true });
  return outDir;
}

/* ---------- source-map breakdown ---------- */

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUE = new Map([...BASE64].map((char, index) => [char, index]));

/** Decodes a source map v3 `mappings` string: per generated line, its segments (column, source index, source line). */
export function decodeMappings(mappings) {
  const lines = [];
  let sourceIndex = 0;
  let sourceLine = 0;
  for (const line of mappings.split(';')) {
    const segments = [];
    let column = 0;
    for (const segment of line ? line.split(',') : []) {
      const fields = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = BASE64_VALUE.get(char);
        value += (digit & 31) << shift;
        if (digit & 32) {
          shift += 5;
        } else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += fields[0];
      if (fields.length >= 4) {
        sourceIndex += fields[1];
        sourceLine += fields[2];
        segments.push({ column, source: sourceIndex, line: sourceLine });
      } else {
        segments.push({ column, source: -1 });
      }
    }
    lines.push(segments);
  }
  return lines;
}

/** "../node_modules/@lit/reactive-element/reactive-element.js" -> "@lit/reactive-element"; src files keep their path. */
export function groupOf(source) {
  const modules = source.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const [scope, name] = source.slice(modules + 'node_modules/'.length).split('/');
    return scope.startsWith('@') ? `${scope}/${name}` : scope;
  }
  const src = source.indexOf('src/');
  return src >= 0 ? source.slice(src) : source;
}

const brotli = (text) =>
  brotliCompressSync(Buffer.from(text), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/**
 * Which module each byte of the minified bundle comes from, by its source map: minified
 * bytes per module, and each module's marginal brotli cost (the bundle's brotli size
 * minus the size with that module's bytes cut out), which is what leaving it out would
 * save. Marginal costs do not add up to the total: modules compress against each other.
 */
async function sourceMapBreakdown(dir, file) {
  const code = await readFile(join(dir, file), 'utf8');
  const map = JSON.parse(await readFile(join(dir, `${file}.map`), 'utf8'));
  const lines = code.split('\n');
  const decoded = decodeMappings(map.mappings);
  /** group -> list of [line, start, end) ranges in UTF-16 columns */
  const ranges = new Map();
  const add = (group, line, start, end) => {
    if (end <= start) return;
    if (!ranges.has(group)) ranges.set(group, []);
    ranges.get(group).push([line, start, end]);
  };
  // A segment runs until the next one, across line ends: the minifier leaves multi-line
  // template literals (the elements' CSS) with mappings only where they start.
  let current = '(unmapped)';
  lines.forEach((text, lineIndex) => {
    const segments = decoded[lineIndex] ?? [];
    add(current, lineIndex, 0, segments.length ? segments[0].column : text.length);
    segments.forEach((segment, index) => {
      const end = index + 1 < segments.length ? segments[index + 1].column : text.length;
      current = segment.source < 0 ? '(unmapped)' : groupOf(map.sources[segment.source]);
      add(current, lineIndex, segment.column, end);
    });
  });
  const total = { raw: Buffer.byteLength(code), brotli: brotli(code) };
  const groups = [];
  for (const [group, list] of ranges) {
    const byLine = new Map();
    for (const [line, start, end] of list) {
      if (!byLine.has(line)) byLine.set(line, []);
      byLine.get(line).push([start, end]);
    }
    let raw = 0;
    const without = lines
      .map((text, lineIndex) => {
        const cuts = (byLine.get(lineIndex) ?? []).sort((a, b) => a[0] - b[0]);
        let kept = '';
        let at = 0;
        for (const [start, end] of cuts) {
          raw += Buffer.byteLength(text.slice(start, end));
          kept += text.slice(at, start);
          at = end;
        }
        return kept + text.slice(at);
      })
      .join('\n');
    groups.push({ module: group, raw, marginalBrotli: total.brotli - brotli(without) });
  }
  groups.sort((a, b) => b.raw - a.raw);
  return { file, total, modules: groups };
}
