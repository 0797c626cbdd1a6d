/**
 * Big feed: a generated JSON Feed of 5,000 items (about 10 MB, pages.js makeBigFeed) given
 * to `<news-article src>`. Measured in the page, without CPU throttling: from the end of
 * the feed's response (Resource Timing `responseEnd` of the element's own fetch) to the
 * element's `load` event (the article is in its shadow DOM), against `JSON.parse` of the
 * same text in the same page (the text fetched again, then parsed; median of three parses). The floor any reader
 * of the feed pays after its response has ended is measured beside it: decoding the body's bytes into text
 * (TextDecoder on the bytes fetched again; median of three) and that JSON.parse.
 * Each run is a fresh page; the feed URL carries the run number so nothing is cached.
 */
import { median } from './stats.js';
import { attribute, startProfiler } from './profile.js';

export async function measureBigFeed(browser, origin, { runs, feedBytes, log, lookup }) {
  const samples = [];
  let profile;
  // The last, extra run is profiled (not timed), to say where the time goes.
  for (let run = 0; run < runs + (lookup ? 1 : 0); run++) {
    const profiled = run === runs;
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(`${origin}/pages/big-feed.html`, { waitUntil: 'load' });
      await page.waitForFunction(() => customElements.get('news-article'));
      const stop = profiled ? await startProfiler(await context.newCDPSession(page)) : undefined;
      const sample = await page.evaluate(
        async ({ url, baseline }) => {
          const element = document.createElement('news-article');
          const loaded = new Promise((resolve, reject) => {
            element.addEventListener('load', () => resolve(performance.now()), { once: true });
            element.addEventListener('error', () => reject(new Error(element.error?.message ?? 'error')), {
              once: true,
            });
          });
          element.src = url;
          document.querySelector('main').append(element);
          const loadedAt = await loaded;
          const entry = performance.getEntriesByType('resource').find((resource) => resource.name.endsWith(url));
          const rendered = !!element.shadowRoot.querySelector('article [part~="content"]');
          if (!baseline) return { renderMs: loadedAt - entry.responseEnd, rendered };
          // The same text, parsed on its own; and its bytes, decoded on their own.
          const bytes = await (await fetch(`${url}&again`)).arrayBuffer();
          const medianOfThree = (work) => {
            const times = [];
            for (let i = 0; i < 3; i++) {
              const start = performance.now();
              work();
              times.push(performance.now() - start);
            }
            return times.sort((a, b) => a - b)[1];
          };
          let text = '';
          const decodeMs = medianOfThree(() => (text = new TextDecoder().decode(bytes)));
          return {
            renderMs: loadedAt - entry.responseEnd,
            parseMs: medianOfThree(() => JSON.parse(text)),
            decodeMs,
            responseMs: entry.responseEnd - entry.requestStart,
            rendered,
          };
        },
        { url: `/feeds/big.json?run=${run}`, baseline: !profiled },
      );
      if (profiled) {
        profile = attribute(await stop(), '/dist/news-widgets.js', lookup);
        continue;
      }
      samples.push(sample);
      log(
        `  run ${run + 1}/${runs}: response→article ${sample.renderMs.toFixed(0)} ms, JSON.parse ${sample.parseMs.toFixed(0)} ms, decoding ${sample.decodeMs.toFixed(0)} ms`,
      );
    } finally {
      await context.close();
    }
  }
  const renderMs = median(samples.map((sample) => sample.renderMs));
  const parseMs = median(samples.map((sample) => sample.parseMs));
  const decodeMs = median(samples.map((sample) => sample.decodeMs));
  return {
    items: 5000,
    feedBytes,
    runs,
    renderMs,
    parseMs,
    decodeMs,
    /** Decoding the body and parsing it, against parsing it: what no reader of the whole feed can go under. */
    floorRatio: (decodeMs + parseMs) / parseMs,
    ratio: renderMs / parseMs,
    ratioMedianOfRuns: median(samples.map((sample) => sample.renderMs / sample.parseMs)),
    allRendered: samples.every((sample) => sample.rendered),
    profile,
    samples,
  };
}
