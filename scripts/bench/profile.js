/**
 * Where main-thread JavaScript time goes, by source module: a V8 CPU profile (CDP Profiler)
 * of one extra run, each sample's function mapped through the bundle's source map to the
 * module it comes from. Only used to explain results (profiling slows the page down), never
 * for the timed runs themselves.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeMappings, groupOf } from './build.js';

/** A lookup from (line, column) in `file` of `dir` to the module that byte comes from. */
export async function sourceLookup(dir, file) {
  const map = JSON.parse(await readFile(join(dir, `${file}.map`), 'utf8'));
  const decoded = decodeMappings(map.mappings);
  // The module a line starts in: the last segment of the lines before it (template literals span lines).
  const carried = [];
  let current = '(unmapped)';
  decoded.forEach((segments, line) => {
    carried[line] = current;
    if (segments.length)
      current = segments.at(-1).source < 0 ? '(unmapped)' : groupOf(map.sources[segments.at(-1).source]);
  });
  /** The module, and the module with the source line a function starts on ("src/x.ts:12"). */
  return (line, column) => {
    const segments = decoded[line] ?? [];
    let found;
    for (const segment of segments) {
      if (segment.column > column) break;
      found = segment;
    }
    if (!found) return { module: carried[line] ?? '(unmapped)' };
    if (found.source < 0) return { module: '(unmapped)' };
    const module = groupOf(map.sources[found.source]);
    // Lines mean something in our sources only: the packages ship minified.
    return { module, place: module.startsWith('src/') ? `${module}:${found.line + 1}` : module };
  };
}

/**
 * Self time per module (ms) in `profile`; frames outside the bundle are grouped by kind. Without a
 * `lookup` (the bundle has no source map) the bundle's time is one group, by file, and its
 * functions are named by where they start in it (line:column of the minified file).
 */
export function attribute(profile, bundleUrlEnd, lookup) {
  const bundleFile = bundleUrlEnd.split('/').pop();
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  const places = new Map();
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    const duration = (timeDeltas[i + 1] ?? 0) / 1000;
    const { functionName, url, lineNumber, columnNumber } = nodes.get(samples[i]).callFrame;
    let group;
    if (url.endsWith(bundleUrlEnd)) {
      const { module, place } = lookup
        ? lookup(lineNumber, columnNumber)
        : {
            module: `${bundleFile} (no source map: file level)`,
            place: `${bundleFile}:${lineNumber + 1}:${columnNumber + 1}${functionName ? ` ${functionName}` : ''}`,
          };
      group = module;
      // The bundle's top level (its evaluation) starts at 0:0, which maps to whatever module comes first.
      const where = lineNumber === 0 && columnNumber === 0 ? 'bundle top level (evaluation)' : place;
      if (where) places.set(where, (places.get(where) ?? 0) + duration);
    } else if (url.includes('/dist/'))
      group = `chunk ${url
        .split('/')
        .pop()
        .replace(/-[\w-]{8}\.js$/, '')}`;
    else if (functionName.startsWith('(')) group = functionName;
    else if (!url) group = `native ${functionName || '(anonymous)'}`;
    else group = 'page scripts';
    self.set(group, (self.get(group) ?? 0) + duration);
  }
  const total = [...self].filter(([group]) => group !== '(idle)').reduce((sum, [, time]) => sum + time, 0);
  return {
    busyMs: total,
    groups: [...self]
      .filter(([group]) => group !== '(idle)')
      .map(([group, ms]) => ({ group, ms }))
      .sort((a, b) => b.ms - a.ms),
    /** Self time of the bundle's functions, by the source line each starts on. */
    functions: [...places]
      .map(([place, ms]) => ({ place, ms }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 15),
  };
}

/** Starts the V8 profiler on a page's CDP session; returns stop(), which resolves to the profile. */
export async function startProfiler(cdp, intervalUs = 200) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: intervalUs });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = await cdp.send('Profiler.stop');
    await cdp.send('Profiler.disable');
    return profile;
  };
}
