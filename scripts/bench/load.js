/**
 * Page load under CPU throttling: the static page (a), the widget with an inline feed (b),
 * the widget with `src` (c), the widget with `src` over the server-rendered article (d) and
 * the static article with `<comment-form>` alone (e), loaded in turn a, b, c, d, e, a, b…
 * each in a fresh browser context (empty cache and storage), so the machine's noise falls on
 * all of them alike. The same again on a slow network, with b, c and d also as the reference
 * build (an earlier commit's single bundle) loaded them.
 */
import { median } from './stats.js';
import { attribute, startProfiler } from './profile.js';
import { startTracing, summarizeTrace } from './trace.js';

export const LOAD_PAGES = { a: 'static', b: 'inline', c: 'src', d: 'server-rendered', e: 'form' };
/** The slow-network loads: the load pages, and b, c and d with the reference build (rb, rc, rd). */
export const SLOW_PAGES = {
  ...LOAD_PAGES,
  rb: 'reference/inline',
  rc: 'reference/src',
  rd: 'reference/server-rendered',
};
/**
 * The slow network: about 150 ms round trip and 1.6 Mbit/s down (750 kbit/s up), the figures
 * Lighthouse's "slow 4G" uses, through Chromium's own emulation (per request, not per packet).
 */
export const SLOW_NETWORK = {
  offline: false,
  latency: 150,
  downloadThroughput: 1_600_000 / 8,
  uploadThroughput: 750_000 / 8,
};
/** The widget pages, each compared with the static page (a). */
const WIDGET_PAGES = Object.keys(LOAD_PAGES).filter((key) => key !== 'a');
/** How long to keep watching after the article and the comment box are ready (wall time). */
const SETTLE_MS = 1500;
/** The pages loaded once more with the V8 profiler on (b with the bundle's source map; e's bundle is the comments one). */
export const PROFILED_PAGES = { b: 'news-widgets.js', d: 'news-widgets.js', e: 'news-widgets-comments.js' };
/** The pages loaded once more with a Chromium trace: the widget pages, and the static page to compare with. */
export const TRACED_PAGES = ['a', 'b', 'd', 'e'];

/** Largest session window of layout shifts (gaps under 1 s, windows at most 5 s): the CLS definition. */
export function cumulativeLayoutShift(shifts) {
  let worst = 0;
  let current = 0;
  let windowStart = -Infinity;
  let previous = -Infinity;
  for (const { t, value } of [...shifts].sort((x, y) => x.t - y.t)) {
    if (t - previous > 1000 || t - windowStart > 5000) {
      current = 0;
      windowStart = t;
    }
    current += value;
    previous = t;
    worst = Math.max(worst, current);
  }
  return worst;
}

/** Blocking time of long tasks (over 50 ms) that start at or after first contentful paint, until the end of the watch. */
export const totalBlockingTime = (longTasks, fcp = 0) =>
  longTasks.filter(({ t }) => t >= fcp).reduce((sum, { d }) => sum + Math.max(0, d - 50), 0);

async function openPage(browser, { throttle, initScript, network } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  if (initScript) await context.addInitScript(initScript);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  if (network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', network);
  }
  return { context, page, cdp };
}

/**
 * Waits until the probe has seen the article rendered and the comment box take typing. It asks with one small
 * `Runtime.evaluate` every 100 ms: Playwright's `waitForFunction` first installs its injected script in the page, a
 * 50–130 ms task at 4× CPU that could land between the box being rendered and the task that marks it ready (a traced
 * load showed it there), delaying "accepts typing" by the harness's own work.
 */
async function waitUntilReady(cdp, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { result } = await cdp.send('Runtime.evaluate', {
      expression: 'window.__bench?.typingReady !== undefined && window.__bench?.articleReady !== undefined',
      returnByValue: true,
    });
    if (result.value === true) return;
    if (Date.now() > deadline)
      throw new Error('the page did not get ready: no article or no comment box taking typing');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** One load of `url`; returns the page's measurements and the package files it requested. */
export async function loadOnce(browser, url, { throttle = 4, initScript, network } = {}) {
  const { context, page, cdp } = await openPage(browser, { throttle, initScript, network });
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await waitUntilReady(cdp);
    await page.waitForTimeout(SETTLE_MS);
    const raw = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const { lcp, shifts, longTasks, fcp, boxAt, typingReady, articleReady } = window.__bench;
      return {
        lcp,
        shifts,
        longTasks,
        fcp,
        boxAt,
        typingReady,
        articleReady,
        domContentLoaded: nav.domContentLoadedEventEnd,
        loadEvent: nav.loadEventEnd,
        // When each file of the package was asked for, to tell the critical path from what loads later.
        packageRequests: performance
          .getEntriesByType('resource')
          .filter((entry) => new URL(entry.name).pathname.startsWith('/dist/'))
          .map((entry) => ({ file: new URL(entry.name).pathname.split('/').pop(), start: entry.startTime })),
      };
    });
    const last = raw.lcp.at(-1);
    return {
      lcp: last?.t,
      lcpElement: last ? `${last.element} (${last.size} px²)` : undefined,
      fcp: raw.fcp,
      typingReady: raw.typingReady,
      boxAt: raw.boxAt,
      articleReady: raw.articleReady,
      tbt: totalBlockingTime(raw.longTasks, raw.fcp),
      // The same, counting long tasks before the first paint too: a script that runs before the
      // first frame delays FCP and escapes TBT, and whether it does is a race from load to load.
      blockingFromStart: totalBlockingTime(raw.longTasks, 0),
      longTasks: raw.longTasks.length,
      longestTask: Math.max(0, ...raw.longTasks.map(({ d }) => d)),
      cls: cumulativeLayoutShift(raw.shifts),
      // The page is on show and takes typing once the article is rendered and the comment box is ready.
      packageRequests: raw.packageRequests.map((request) => ({
        ...request,
        critical: request.start < Math.max(raw.articleReady ?? 0, raw.typingReady ?? 0),
      })),
      shifts: raw.shifts.map(
        ({ t, value, sources }) => `${t.toFixed(0)} ms: ${value.toFixed(3)} (${sources.join(', ')})`,
      ),
      requests,
    };
  } finally {
    await context.close();
  }
}

/**
 * One more load of `url`, with the V8 profiler on, to say which modules the main thread's
 * JavaScript time goes to (not timed: profiling slows the page). `bundle` is the script file
 * the page loads; without a `lookup` (no source map) its time is counted by file only.
 */
export async function profileLoad(browser, origin, url, { throttle, lookup, bundle = 'news-widgets.js' }) {
  const { context, page, cdp } = await openPage(browser, { throttle });
  try {
    await page.goto(`${origin}/pages/blank.html`);
    const stop = await startProfiler(cdp);
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await waitUntilReady(cdp);
    await page.waitForTimeout(SETTLE_MS);
    return attribute(await stop(), `/dist/${bundle}`, lookup);
  } finally {
    await context.close();
  }
}

/**
 * One more load of `url`, traced (trace.js): first paint, when each of the package's files was
 * downloaded, compiled and evaluated, what each long task was made of, and what the probe saw.
 * Driven as the timed loads are (the same waits), so the trace shows what they leave in the page;
 * not timed itself (tracing slows the page). Never throws: a failure is returned as `error`.
 */
export async function traceLoad(browser, origin, url, { throttle }) {
  const started = Date.now();
  const { context, page, cdp } = await openPage(browser, { throttle });
  try {
    await page.goto(`${origin}/pages/blank.html`);
    const stop = await startTracing(cdp);
    let probe;
    let events;
    try {
      await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
      await waitUntilReady(cdp);
      await page.waitForTimeout(SETTLE_MS);
      probe = await page.evaluate(() => {
        const { fcp, lcp, boxAt, typingReady, articleReady, longTasks } = window.__bench;
        return { fcp, lcp: lcp.at(-1)?.t, boxAt, typingReady, articleReady, longTasks };
      });
    } finally {
      events = await stop();
    }
    return { ...summarizeTrace(events, { pageUrl: url, probe }), probe, seconds: (Date.now() - started) / 1000 };
  } catch (error) {
    return { error: String(error?.message ?? error), seconds: (Date.now() - started) / 1000 };
  } finally {
    await context.close();
  }
}

/** How much slower a fixed piece of work runs in a throttled page than an unthrottled one (sanity check of the emulation). */
export async function measureThrottleFactor(browser, url, throttle) {
  const timeWork = async (rate) => {
    const { context, page } = await openPage(browser, { throttle: rate });
    try {
      await page.goto(url, { waitUntil: 'load' });
      const times = [];
      for (let i = 0; i < 5; i++) {
        times.push(
          await page.evaluate(() => {
            const start = performance.now();
            let x = 0;
            for (let n = 0; n < 3_000_000; n++) x = (x + n * n) % 1_000_003;
            return performance.now() - start + (x < 0 ? 1 : 0);
          }),
        );
      }
      return median(times);
    } finally {
      await context.close();
    }
  };
  const free = await timeWork(1);
  const throttled = await timeWork(throttle);
  return throttled / free;
}

const METRICS = [
  'lcp',
  'typingReady',
  'tbt',
  'blockingFromStart',
  'cls',
  'fcp',
  'articleReady',
  'boxAt',
  'longestTask',
];

/**
 * The same loads on the slow network (CPU throttled as well), fewer of them: LCP, FCP and when
 * the comment box takes typing, per page, and each widget page against the reference build's.
 */
export async function measureSlowLoads(browser, origin, { runs, throttle, log }) {
  const samples = Object.fromEntries(Object.keys(SLOW_PAGES).map((key) => [key, []]));
  for (let run = 0; run < runs; run++) {
    for (const [key, name] of Object.entries(SLOW_PAGES)) {
      samples[key].push(await loadOnce(browser, `${origin}/pages/${name}.html`, { throttle, network: SLOW_NETWORK }));
    }
    log(
      `  slow network, run ${run + 1}/${runs}: LCP ${Object.keys(SLOW_PAGES)
        .map((key) => `${key} ${samples[key].at(-1).lcp?.toFixed(0)}`)
        .join(' ')} ms`,
    );
  }
  const medians = Object.fromEntries(
    Object.keys(SLOW_PAGES).map((key) => [
      key,
      Object.fromEntries(
        ['lcp', 'fcp', 'typingReady', 'cls'].map((metric) => [
          metric,
          median(samples[key].map((sample) => sample[metric])),
        ]),
      ),
    ]),
  );
  return { network: SLOW_NETWORK, throttle, runs, medians };
}

/**
 * Runs the interleaved loads and returns per-page medians and the ratios against the static page;
 * then, untimed, the profiled loads (`lookups`: a source-map lookup per bundle file, where there is
 * one) and the traced loads.
 */
export async function measureLoads(browser, origin, { runs, throttle, log, lookups = {} }) {
  const throttleFactor = await measureThrottleFactor(browser, `${origin}/pages/static.html`, throttle);
  log(`  CPU throttling ${throttle}x set; a fixed loop runs ${throttleFactor.toFixed(1)}x slower`);
  const samples = Object.fromEntries(Object.keys(LOAD_PAGES).map((key) => [key, []]));
  for (let run = 0; run < runs; run++) {
    for (const [key, name] of Object.entries(LOAD_PAGES)) {
      samples[key].push(await loadOnce(browser, `${origin}/pages/${name}.html`, { throttle }));
    }
    log(
      `  run ${run + 1}/${runs}: LCP ${Object.keys(LOAD_PAGES)
        .map((key) => `${key} ${samples[key].at(-1).lcp?.toFixed(0)}`)
        .join(' ')} ms`,
    );
  }
  const medians = {};
  for (const key of Object.keys(LOAD_PAGES)) {
    medians[key] = Object.fromEntries(
      METRICS.map((metric) => [metric, median(samples[key].map((sample) => sample[metric]))]),
    );
    medians[key].maxCls = Math.max(...samples[key].map((sample) => sample.cls));
    medians[key].loadsWithTbtOver50 = samples[key].filter((sample) => sample.tbt >= 50).length;
    medians[key].loadsWithShift = samples[key].filter((sample) => sample.cls > 0).length;
    medians[key].lcpElements = [...new Set(samples[key].map((sample) => sample.lcpElement))];
    medians[key].shiftsOfWorstRun = samples[key].reduce((worst, sample) =>
      sample.cls > worst.cls ? sample : worst,
    ).shifts;
  }
  const ratio = (key, metric) => medians[key][metric] / medians.a[metric];
  const profiles = {};
  for (const [key, bundle] of Object.entries(PROFILED_PAGES)) {
    const lookup = lookups[bundle];
    try {
      profiles[key] = {
        bundle,
        sourceMap: Boolean(lookup),
        ...(await profileLoad(browser, origin, `${origin}/pages/${LOAD_PAGES[key]}.html`, {
          throttle,
          lookup,
          bundle,
        })),
      };
    } catch (error) {
      profiles[key] = { bundle, error: String(error?.message ?? error) };
    }
  }
  log(`  profiled one more load each of ${Object.keys(profiles).join(', ')}`);
  const traces = {};
  for (const key of TRACED_PAGES) {
    traces[key] = await traceLoad(browser, origin, `${origin}/pages/${LOAD_PAGES[key]}.html`, { throttle });
    const trace = traces[key];
    log(
      trace.error
        ? `  traced load of ${key} failed: ${trace.error}`
        : `  traced load of ${key}: first paint ${trace.firstPaint?.toFixed(0)} ms, ${trace.longTasks.length} long tasks, typing ready ${trace.probe?.typingReady?.toFixed(0)} ms (${trace.seconds.toFixed(1)} s)`,
    );
  }
  return {
    throttle,
    throttleFactor,
    runs,
    medians,
    ratios: {
      lcp: Object.fromEntries(WIDGET_PAGES.map((key) => [key, ratio(key, 'lcp')])),
      typingReady: Object.fromEntries(WIDGET_PAGES.map((key) => [key, ratio(key, 'typingReady')])),
    },
    profileInline: profiles.b?.error ? undefined : profiles.b,
    profiles,
    traces,
    samples: Object.fromEntries(
      Object.entries(samples).map(([key, list]) => [key, list.map(({ requests, ...rest }) => rest)]),
    ),
  };
}
