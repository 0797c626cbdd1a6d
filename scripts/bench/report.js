/**
 * The targets of issue 7, checked against one run's results; the one table the bench
 * prints; and the generated part of BENCHMARKS.md (between its two marker comments; the
 * rest of the file, the method and the reasons, is written by hand).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { commentListRows } from './comment-list.js';
import { fixed, kb, ms } from './stats.js';

const sizeText = (size) => `${kb(size.brotli)} br (${kb(size.gzip)} gz, ${kb(size.raw)} raw)`;
const ratio = (value) => `${fixed(value, 2)}×`;
const yes = (met) => (met === undefined ? '–' : met ? 'met' : 'NOT MET');

/** The pages of the load measure: the static page (a), then the widget pages, as the table names them. */
const PAGES = ['a', 'b', 'c', 'd', 'e'];
const WIDGET_PAGE_NAMES = [
  ['b', 'inline feed (b)'],
  ['c', 'src (c)'],
  ['d', 'server-rendered article + src (d)'],
  ['e', 'form alone (e)'],
];
/** Layout shift allowed per page: none, but where nothing of the article is there before the script (c). */
const CLS_LIMIT = { b: 0, c: 0.1, d: 0, e: 0 };
/** The pages the slow network compares with the reference's single bundle. */
const SLOW_COMPARED = [
  ['b', 'inline feed (b)'],
  ['c', 'src (c)'],
  ['d', 'server-rendered article + src (d)'],
];
const filesText = (files) => files.map((file) => `\`${file.file}\` ${kb(file.brotli)}`).join(', ') || 'nothing';
const signed = (value) => `${value > 0 ? '+' : ''}${fixed(value, 1)}`;
const JS_OBJECT_KINDS = [
  'object',
  'closure',
  'array',
  'string',
  'concatenated string',
  'sliced string',
  'regexp',
  'number',
  'symbol',
  'bigint',
  'object shape',
];
const jsObjectGrowth = (kinds) => JS_OBJECT_KINDS.reduce((sum, kind) => sum + (kinds[kind] ?? 0), 0);

/** Every row of the table: what, the result, the target, met or not (undefined: no target, for scale). */
export function targetRows(results) {
  const { size, load, slow, commentList, typing, bigFeed, memory } = results;
  const rows = [];
  const row = (id, what, result, target, met) => rows.push({ id, what, result, target, met });
  if (size) {
    const path = (page) => size.paths[page];
    row(
      'size-critical-src',
      'Size: critical path of the demo-like page (src, c), before it is on show and takes typing (Chromium)',
      `${sizeText(path('src').criticalTotal)}; later ${kb(path('src').laterTotal.brotli)} br`,
      '≤ 12 KB br',
      path('src').criticalTotal.brotli <= 12_000,
    );
    row(
      'size-critical-form',
      'Size: critical path of <comment-form> alone (e)',
      `${sizeText(path('form').criticalTotal)}; later ${kb(path('form').laterTotal.brotli)} br`,
      '≤ 9 KB br',
      path('form').criticalTotal.brotli <= 9_000,
    );
    row(
      'size-critical-d',
      'Size: critical path of the server-rendered article + src (d)',
      `${sizeText(path('server-rendered').criticalTotal)}; later ${kb(path('server-rendered').laterTotal.brotli)} br`,
      '–',
    );
    row(
      'size-page',
      'Size: all the demo-like page (c) downloads from the package (Chromium, has setHTML)',
      sizeText(size.criticalPath.total),
      '–',
    );
    row(
      'size-comment-form',
      'Size: <comment-form> alone, its bundle’s main file',
      sizeText(size.commentFormAlone),
      '–',
    );
    row(
      'size-news-article',
      'Size: <news-article> alone, its bundle’s main file (what server-rendered markup needs)',
      sizeText(size.newsArticleAlone),
      '≤ 8 KB br',
      size.newsArticleAlone.brotli <= 8_000,
    );
    row(
      'size-fallback',
      'Size: fallback chunk (DOMPurify, browsers without setHTML)',
      sizeText(size.fallbackChunk),
      '–',
    );
    row(
      'size-no-sethtml',
      'Size: the demo page in a browser without setHTML',
      sizeText(size.withoutSetHtml.total),
      '–',
    );
    row('size-floor', 'Size, for scale: Lit + @lit/context + idb-keyval alone', sizeText(size.dependenciesFloor), '–');
  }
  if (load) {
    const { medians: m, ratios } = load;
    row(
      'lcp-b',
      `Load ${load.throttle}× CPU: LCP, inline feed / static (b/a)`,
      `${ratio(ratios.lcp.b)} (${ms(m.b.lcp)} / ${ms(m.a.lcp)})`,
      '≤ 1.3×',
      ratios.lcp.b <= 1.3,
    );
    row(
      'lcp-c',
      `Load ${load.throttle}× CPU: LCP, src / static (c/a)`,
      `${ratio(ratios.lcp.c)} (${ms(m.c.lcp)} / ${ms(m.a.lcp)})`,
      '≤ 1.6×',
      ratios.lcp.c <= 1.6,
    );
    const fcpD = m.d.fcp / m.a.fcp;
    row(
      'lcp-d',
      `Load ${load.throttle}× CPU: LCP and FCP, server-rendered article + src / static (d/a)`,
      `LCP ${ratio(ratios.lcp.d)} (${ms(m.d.lcp)} / ${ms(m.a.lcp)}); FCP ${ratio(fcpD)} (${ms(m.d.fcp)} / ${ms(m.a.fcp)})`,
      '≤ 1.05×, FCP ≤ 1.05×',
      ratios.lcp.d <= 1.05 && fcpD <= 1.05,
    );
    row(
      'ready-b',
      'Load: comment box accepts typing, b/a',
      `${ratio(ratios.typingReady.b)} (${ms(m.b.typingReady)} / ${ms(m.a.typingReady)})`,
      '–',
    );
    row(
      'ready-c',
      'Load: comment box accepts typing, c/a',
      `${ratio(ratios.typingReady.c)} (${ms(m.c.typingReady)} / ${ms(m.a.typingReady)})`,
      '–',
    );
    row(
      'ready-d',
      'Load: comment box accepts typing, d/a',
      `${ratio(ratios.typingReady.d)} (${ms(m.d.typingReady)} / ${ms(m.a.typingReady)})`,
      '≤ 1.1×',
      ratios.typingReady.d <= 1.1,
    );
    row(
      'ready-e',
      'Load: comment box accepts typing, e/a',
      `${ratio(ratios.typingReady.e)} (${ms(m.e.typingReady)} / ${ms(m.a.typingReady)})`,
      '–',
    );
    // TBT counts long tasks after the first paint only; a script that wins the race to run before the first
    // frame delays FCP instead. So the target needs both: TBT, and the blocking time added counting from navigation start.
    for (const [key, name] of WIDGET_PAGE_NAMES) {
      const added = m[key].blockingFromStart - m.a.blockingFromStart;
      row(
        `tbt-${key}`,
        `Load: total blocking time, ${name}`,
        `${ms(m[key].tbt)} (≥ 50 ms in ${m[key].loadsWithTbtOver50} of ${load.runs} loads); from navigation start ${ms(m[key].blockingFromStart)} vs static ${ms(m.a.blockingFromStart)}`,
        '< 50 ms',
        m[key].tbt < 50 && added < 50,
      );
    }
    for (const [key, name] of WIDGET_PAGE_NAMES) {
      row(
        `cls-${key}`,
        `Load: layout shift (CLS), ${name}`,
        `${fixed(m[key].cls, 3)} (worst ${fixed(m[key].maxCls, 3)}; a shift in ${m[key].loadsWithShift} of ${load.runs} loads; static ${fixed(m.a.maxCls, 3)})`,
        CLS_LIMIT[key] ? `≤ ${CLS_LIMIT[key]} in every load` : '0',
        m[key].maxCls <= CLS_LIMIT[key],
      );
    }
  }
  if (commentList) rows.push(...commentListRows(commentList));
  if (slow) {
    const s = slow.medians;
    const network = `Slow network (${slow.network.latency} ms, ${fixed(slow.network.downloadThroughput / 125_000, 1)} Mbit/s, ${slow.throttle}× CPU)`;
    for (const [key, name] of SLOW_COMPARED) {
      row(
        `slow-lcp-${key}`,
        `${network}: LCP, ${name}, against the single bundle`,
        `${ms(s[key].lcp)} vs ${ms(s[`r${key}`].lcp)}`,
        '≤ the single bundle',
        s[key].lcp <= s[`r${key}`].lcp,
      );
      row(
        `slow-ready-${key}`,
        `${network}: comment box accepts typing, ${name}, against the single bundle`,
        `${ms(s[key].typingReady)} vs ${ms(s[`r${key}`].typingReady)}`,
        '≤ the single bundle',
        s[key].typingReady <= s[`r${key}`].typingReady,
      );
    }
  }
  if (typing) {
    row(
      'typing-median',
      'Typing: widget’s own main-thread time per keystroke, median',
      `${ms(typing.own.median, 2)} (${ms(typing.widget.median, 2)} − textarea ${ms(typing.plain.median, 2)})`,
      '< 1 ms',
      typing.own.median < 1,
    );
    row(
      'typing-p95',
      'Typing: widget’s own main-thread time per keystroke, p95',
      `${ms(typing.own.p95, 2)} (${ms(typing.widget.p95, 2)} − textarea ${ms(typing.plain.p95, 2)})`,
      '< 2 ms',
      typing.own.p95 < 2,
    );
    row(
      'idb-writes',
      'Typing: IndexedDB writes per second while typing',
      `${fixed(typing.indexedDb.writesPerSecond, 2)}/s (${typing.indexedDb.putsWhileTyping} in ${fixed(typing.indexedDb.typingSeconds, 0)} s)`,
      '≤ 2/s',
      typing.indexedDb.writesPerSecond <= 2,
    );
    row(
      'reload',
      'Typing: everything typed survives an immediate reload',
      typing.reload.survived
        ? `yes (${typing.reload.restoredLength} of ${typing.characters} characters)`
        : `no: ${typing.reload.lostCharacters} characters lost`,
      'nothing lost',
      typing.reload.survived,
    );
  }
  if (bigFeed) {
    row(
      'big-feed',
      `Big feed (${bigFeed.items} items, ${fixed(bigFeed.feedBytes / 1e6, 1)} MB): response→article / JSON.parse`,
      `${ratio(bigFeed.ratio)} (${ms(bigFeed.renderMs)} / ${ms(bigFeed.parseMs)})`,
      '≤ 1.5×',
      bigFeed.allRendered && bigFeed.ratio <= 1.5,
    );
  }
  if (memory) {
    const { firstHalf, secondHalf } = memory.perCycle;
    row(
      'memory',
      `Memory: heap growth after GC, ${memory.cycles} create/remove cycles (1st then 2nd half)`,
      `${fixed(firstHalf.heapBytes, 0)} then ${fixed(secondHalf.heapBytes, 0)} B/cycle (${fixed(100 * memory.secondHalfShareOfAPair, 1)}% of a live pair's ${fixed(memory.pairBytes / 1000, 1)} KB; ` +
        `JS objects ${fixed(jsObjectGrowth(memory.secondHalfByKind), 0)} B, compiled code ${fixed(memory.secondHalfByKind.code ?? 0, 0)} B); nodes ${signed(secondHalf.nodes)}, listeners ${signed(secondHalf.listeners)}/cycle`,
      'no growth that scales with cycles',
      !memory.growthScalesWithCycles,
    );
  }
  return rows;
}

/** The table for the terminal. */
export function textTable(rows) {
  const header = ['', 'Measure', 'Result', 'Target', ''];
  const lines = rows.map((r) => [
    r.met === undefined ? ' ' : r.met ? '✓' : '✗',
    r.what,
    r.result,
    r.target,
    yes(r.met),
  ]);
  const widths = header.map((_, column) => Math.max(...[header, ...lines].map((line) => line[column].length)));
  const format = (line) =>
    line
      .map((cell, column) => cell.padEnd(widths[column]))
      .join('  ')
      .trimEnd();
  return [format(header), widths.map((width) => '-'.repeat(width)).join('  '), ...lines.map(format)].join('\n');
}

const escapeCell = (text) => String(text).replace(/\|/g, '\\|').replace(/</g, '&lt;');

export function markdownTable(rows) {
  return [
    '| Measure | Result | Target | |',
    '|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${escapeCell(r.what)} | ${escapeCell(r.result)} | ${escapeCell(r.target)} | ${r.met === undefined ? '' : r.met ? '✓ met' : '✗ **not met**'} |`,
    ),
  ].join('\n');
}

export const MARK_START = '<!-- bench:results:start (written by npm run bench) -->';
export const MARK_END = '<!-- bench:results:end -->';

/** The generated section: date, machine, settings, the table, and the details behind it. */
export function markdownSection(results, rows) {
  const { machine, settings, size, load, slow } = results;
  const lines = [
    MARK_START,
    `Run ${results.date} on ${machine.nproc} cores (${machine.cpuModel}), ${machine.memoryGB} GB RAM, load average ${machine.loadAverage} at start; ` +
      `Chromium ${machine.chromium} (headless), Node ${machine.node}; the run took ${Math.round(results.durationSeconds)} s.`,
    '',
    `Settings: ${settings.loadRuns} loads of each page, interleaved; CPU throttling ${settings.throttle}× (a fixed loop measured ${fixed(load?.throttleFactor, 1)}× slower); ` +
      `${settings.slowRuns} loads of each page on the slow network, against the single bundle of ${settings.reference}; ` +
      `${settings.characters} characters typed, one every ${settings.keyIntervalMs} ms; big feed ${settings.bigFeedRuns} runs; ${settings.memoryCycles} memory cycles.`,
    '',
    markdownTable(rows),
    '',
  ];
  if (size?.paths) {
    lines.push(
      `What each page downloads from the package before it is on show and takes typing (its critical path), and later (Chromium, brotli): ${[
        ['inline', 'b'],
        ['src', 'c'],
        ['server-rendered', 'd'],
        ['form', 'e'],
      ]
        .map(
          ([page, key]) => `${key} ${filesText(size.paths[page].critical)}, then ${filesText(size.paths[page].later)}`,
        )
        .join('; ')}.`,
      '',
    );
  }
  if (slow) {
    lines.push(
      `Slow network medians (ms; a static, b, c, d, e; then b, c, d with the single bundle of ${settings.reference}): ${[
        ['FCP', 'fcp'],
        ['LCP', 'lcp'],
        ['comment box ready', 'typingReady'],
      ]
        .map(
          ([label, metric]) =>
            `${label} ${PAGES.map((key) => ms(slow.medians[key][metric])).join(' / ')}; single bundle ${['rb', 'rc', 'rd'].map((key) => ms(slow.medians[key][metric])).join(' / ')}`,
        )
        .join('; ')}.`,
      '',
    );
  }
  if (size) {
    lines.push(
      `What the demo-like page (\`src\`) downloads from the package in Chromium: ${size.criticalPath.files.map((file) => `\`${file.file}\` ${kb(file.brotli)} br`).join(', ')}. ` +
        `Without \`Element.setHTML\` it also downloads ${
          size.withoutSetHtml.files
            .filter((file) => !size.criticalPath.files.some((other) => other.file === file.file))
            .map((file) => `\`${file.file}\``)
            .join(', ') || 'nothing more'
        }. ` +
        `Locale chunks (only on pages in that language): ${size.localeChunks.map((file) => kb(file.brotli)).join(', ')} br. ` +
        `The bundle built for the bench ${size.bundleMatchesDist === true ? 'is byte for byte' : size.bundleMatchesDist === false ? 'differs from' : 'could not be compared with'} \`dist/news-widgets.js\`${size.bundleMatchesDist === false ? ' (dist/ is older than the sources)' : ''}.`,
      '',
      `Where the bytes of \`news-widgets.js\` come from (by its source map; “minified”: the module's bytes in the bundle, its CSS and HTML templates included; “saves”: what leaving those bytes out saves after brotli):`,
      '',
      '| Module | Minified | Saves (br) |',
      '|---|---:|---:|',
      ...size.breakdown.modules
        .filter((module) => module.raw >= 700)
        .map((module) => `| ${module.module} | ${module.raw} B | ${module.marginalBrotli} B |`),
      `| ${size.breakdown.modules.filter((module) => module.raw < 700).length} smaller modules | ${size.breakdown.modules.filter((module) => module.raw < 700).reduce((sum, module) => sum + module.raw, 0)} B | |`,
      `| **total** | ${size.breakdown.total.raw} B | ${size.breakdown.total.brotli} B br |`,
      '',
    );
  }
  if (load) {
    const m = load.medians;
    lines.push(
      `Load medians (ms; a static, b inline feed, c src, d server-rendered article + src, e form alone): ${[
        ['FCP', 'fcp'],
        ['LCP', 'lcp'],
        ['comment box ready', 'typingReady'],
        ['article rendered (d: its load event, the markup kept)', 'articleReady'],
        ['longest task', 'longestTask'],
      ]
        .map(([label, metric]) => `${label} ${PAGES.map((key) => ms(m[key][metric])).join(' / ')}`)
        .join('; ')}. ` + `LCP element: ${PAGES.map((key) => m[key].lcpElements.join(', ')).join(' / ')}.`,
      '',
    );
  }
  const profileText = (profile, count) =>
    `${profile.groups
      .slice(0, count)
      .map(({ group, ms: time }) => `${group} ${ms(time)}`)
      .join(', ')}; ` +
    `the bundle's costliest functions, by the source line they start on: ${profile.functions
      .slice(0, 6)
      .map(({ place, ms: time }) => `\`${place}\` ${ms(time)}`)
      .join(', ')}`;
  if (load?.profileInline) {
    lines.push(
      `Layout shifts in the load with the largest CLS (time: score (what moved, in the viewport)): ${WIDGET_PAGE_NAMES.map(([key]) => `${key} ${load.medians[key].shiftsOfWorstRun.join('; ') || 'none'}`).join('; ')}.`,
      '',
      `One more load of b, profiled (V8 sampling profiler, ${load.throttle}× CPU; “(program)” is the browser's own work: parsing, style, layout, compiling): ` +
        `${profileText(load.profileInline, 8)}.`,
      '',
    );
  }
  const otherProfiles = Object.entries(load?.profiles ?? {}).filter(([key]) => key !== 'b');
  if (otherProfiles.length) {
    lines.push(
      `The same for d and e: ${otherProfiles
        .map(([key, profile]) =>
          profile.error
            ? `${key}: not profiled (${profile.error})`
            : `${key} (\`${profile.bundle}\`${profile.sourceMap ? '' : ', which the build leaves without a source map: its time is by file, its functions by line:column in it'}): ${profileText(profile, 8)}`,
        )
        .join('; ')}.`,
      '',
    );
  }
  if (load?.traces) lines.push(...tracesText(load.traces, load.throttle));
  if (results.bigFeed?.profile) {
    lines.push(`One more big-feed run, profiled (no throttling): ${profileText(results.bigFeed.profile, 8)}.`, '');
  }
  lines.push(MARK_END);
  return lines.join('\n');
}

/* ---------- traced loads ---------- */

const whole = (value) => (Number.isFinite(value) ? value.toFixed(0) : '–');
const short = (value) => (!Number.isFinite(value) ? '–' : value < 9.95 ? value.toFixed(1) : value.toFixed(0));
const partText = ({ what, file, ms: time }) => `${what}${file ? ` ${file}` : ''} ${short(time)}`;
/** A task's parts of 1 ms or more, largest first, "other" with the events it is made of. */
const partsText = (parts, otherNames = []) =>
  parts
    .filter((part) => part.ms >= 1)
    .map((part) =>
      part.kind === 'other' && otherNames.length
        ? `${partText(part)} (${otherNames.map(({ name, ms: time }) => `${name} ${short(time)}`).join(', ')})`
        : partText(part),
    )
    .join(', ') || 'nothing over 1 ms';

const sumMs = (list) => list.reduce((sum, item) => sum + item.ms, 0);
/** What else a task of the bench's own held, if anything of 1 ms or more. */
const harnessRest = (task) => {
  const rest = task.parts.filter((part) => part.kind !== 'harness' && part.ms >= 1);
  return rest.length ? ` (and ${partsText(rest, task.otherNames)})` : '';
};

/** One script file of a traced load: requested, downloaded, compiled, evaluated, and its main-thread time in all. */
function traceFileText(file, firstPaint) {
  const when = (time) => (firstPaint === undefined ? '' : time <= firstPaint ? ' (before the first paint)' : '');
  const bits = [`requested at ${whole(file.requestedAt)}`];
  if (file.downloadedAt !== undefined)
    bits.push(
      `downloaded at ${whole(file.downloadedAt)}` +
        (file.finishSeenAt - file.downloadedAt >= 5
          ? ` (taken by the main thread at ${whole(file.finishSeenAt)})`
          : ''),
    );
  else bits.push('download not traced');
  const compiled = [];
  if (file.backgroundCompiles.length)
    compiled.push(
      `${short(sumMs(file.backgroundCompiles))} ms off the main thread at ${whole(file.backgroundCompiles[0].at)}`,
    );
  if (file.compiles.length)
    compiled.push(
      `${short(sumMs(file.compiles))} ms on it at ${whole(file.compiles[0].at)}${when(file.compiles[0].at)}`,
    );
  bits.push(compiled.length ? `compiled ${compiled.join(' and ')}` : 'compile not traced');
  if (file.evaluations.length)
    bits.push(
      `evaluated ${file.evaluations.map(({ at, ms: time }) => `${short(time)} ms at ${whole(at)}${when(at + time)}`).join(', ')}`,
    );
  else if (file.initiator?.includes('.js')) bits.push(`evaluated with ${file.initiator}`);
  else bits.push('evaluation not traced');
  if (file.scriptMs + file.compileMs >= 1)
    bits.push(
      `on the main thread in all: its code ${short(file.scriptMs)} ms, compiling it ${short(file.compileMs)} ms`,
    );
  return `\`${file.file}\` ${bits.join(', ')}`;
}

/** One paragraph per traced load: first paint, the script files, the long tasks and when the box took typing. */
export function traceText(key, trace) {
  if (trace.error) return `A traced load of ${key}: not traced (${trace.error}).`;
  const { firstPaint, firstContentfulPaint, firstFrame, probe = {} } = trace;
  let paint = `first paint at ${whole(firstPaint)} ms`;
  if (firstContentfulPaint !== undefined && Math.abs(firstContentfulPaint - firstPaint) >= 1)
    paint += `, first contentful paint at ${whole(firstContentfulPaint)}`;
  if (firstFrame)
    paint += ` (painted by the main thread at ${whole(firstFrame.paintedAt)}, in a task from ${whole(firstFrame.taskAt)}; until that task ended the main thread spent ${partsText(firstFrame.before.parts)})`;
  const files = trace.files.length
    ? trace.files.map((file) => traceFileText(file, firstPaint)).join('; ')
    : 'no script files';
  const tasks = trace.longTasks.length
    ? trace.longTasks
        .map(
          (task) =>
            `at ${whole(task.at)} ms, ${whole(task.ms)} ms` +
            (task.cpuMs !== undefined ? ` (thread time ${whole(task.cpuMs)})` : '') +
            (task.harness
              ? `, the bench’s own: a script Playwright evaluates in the page through DevTools${harnessRest(task)}`
              : ` (${partsText(task.parts, task.otherNames)})`),
        )
        .join('; ')
    : 'none';
  let typing = `typing ready at ${whole(probe.typingReady)} ms`;
  if (trace.typingWait)
    typing += ` (the box rendered at ${whole(probe.boxAt)}; in between the main thread spent ${partsText(trace.typingWait.parts)})`;
  const missing = trace.notTraced?.length ? ` Not traced: ${trace.notTraced.join('; ')}.` : '';
  return `A traced load of ${key}: ${paint}; ${files}; long tasks: ${tasks}; ${typing}.${missing}`;
}

/** The traced loads' paragraphs, after a line that says how to read them. */
export function tracesText(traces, throttle) {
  const keys = Object.keys(traces);
  if (!keys.length) return [];
  return [
    `One more load each of ${keys.join(', ')}, traced (Chromium's tracing with V8's sampler, ${throttle}× CPU; not timed, tracing slows the page; ms from navigation start). ` +
      `A task's parts are the self times of the trace events nested in it (they add up to its duration), script time by file (by V8's samples where the events name none); ` +
      `“thread time” is the task's time on a core (the throttle's pauses included), the rest of it the thread waited for one; “other” is the browser's own work (navigation, loading), named by its largest events. ` +
      `The tab starts on a blank page (so the trace begins before the navigation): unloading it (Frame::Detach) is the trace's own, as are the sampler's start and Playwright's script.`,
    '',
    ...keys.flatMap((key) => [traceText(key, traces[key]), '']),
  ];
}

/** Replaces the generated section of BENCHMARKS.md (or adds it at the end). */
export async function updateBenchmarksFile(path, section) {
  let text;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    text = '# Benchmarks\n\n';
  }
  const start = text.indexOf(MARK_START);
  const end = text.indexOf(MARK_END);
  const next =
    start >= 0 && end > start
      ? text.slice(0, start) + section + text.slice(end + MARK_END.length)
      : `${text.trimEnd()}\n\n${section}\n`;
  await writeFile(path, next);
}
