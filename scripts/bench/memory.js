/**
 * Memory: create/remove cycles of both elements (a `<news-article>` with the demo feed
 * inline and a `<comment-form>` inside), in one page, without CPU throttling. A cycle
 * appends the pair, waits for the article's `load`, the form's first update and one frame
 * (by then the form has opened the draft store and looked for a draft), then removes it.
 *
 * After 10 warm-up cycles, after 100 more and after 200 more, the bench forces full garbage
 * collection twice (CDP HeapProfiler.collectGarbage) and reads the JS heap in use (Runtime.
 * getHeapUsage) and Blink's counters (Memory.getDOMCounters: nodes, JS event listeners,
 * documents). Growth that scales with cycles shows as the second 100 cycles adding about
 * as much as the first; a bounded cost (caches, compiled code) shows in the first only.
 * For scale, the bench then keeps 50 pairs on the page and measures what one pair holds.
 */

/**
 * The verdict: growth scales with cycles when, in the second half of the cycles, each cycle
 * still adds more than this share of what one live pair holds on the heap (a leaked pair, or
 * its shadow tree, would add all of it), or adds a DOM node or an event listener.
 */
export const LEAK_SHARE_OF_A_PAIR = 0.05;

export async function measureMemory(browser, origin, { cycles, log }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  try {
    await page.goto(`${origin}/pages/memory.html`, { waitUntil: 'load' });
    await page.waitForFunction(() => customElements.get('news-article') && customElements.get('comment-form'));
    await page.evaluate(() => {
      window.__cycles = async (count, keep = false) => {
        const main = document.querySelector('main');
        const feedText = document.getElementById('feed').textContent;
        for (let i = 0; i < count; i++) {
          const article = document.createElement('news-article');
          const feed = document.createElement('script');
          feed.type = 'application/feed+json';
          feed.textContent = feedText;
          const form = document.createElement('comment-form');
          form.setAttribute('endpoint', '/api/comments');
          article.append(feed, form);
          const loaded = new Promise((resolve, reject) => {
            article.addEventListener('load', resolve, { once: true });
            article.addEventListener('error', () => reject(new Error('article error')), { once: true });
          });
          main.append(article);
          await loaded;
          await form.updateComplete;
          await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
          if (!keep) article.remove();
        }
      };
    });
    const snapshot = async () => {
      await page.waitForTimeout(300); // let the last removal's async work (draft flush) finish
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      const { nodes, jsEventListeners, documents } = await cdp.send('Memory.getDOMCounters');
      return { heapUsed: usedSize, nodes, jsEventListeners, documents, ...(await heapByKind(cdp)) };
    };
    await page.evaluate((count) => window.__cycles(count), 10);
    const points = [{ cycles: 0, ...(await snapshot()) }];
    const half = cycles / 2;
    for (const done of [half, cycles]) {
      const start = Date.now();
      await page.evaluate((count) => window.__cycles(count), half);
      points.push({ cycles: done, ...(await snapshot()), seconds: (Date.now() - start) / 1000 });
      log(
        `  ${done} cycles: heap ${(points.at(-1).heapUsed / 1e6).toFixed(2)} MB, ${points.at(-1).nodes} nodes, ${points.at(-1).jsEventListeners} listeners`,
      );
    }
    // For scale: what one pair holds on the heap while it is on the page (50 pairs kept).
    await page.evaluate(() => window.__cycles(50, true));
    const kept = await snapshot();
    const pairBytes = (kept.heapUsed - points[2].heapUsed) / 50;
    const growth = (from, to, key) => (points[to][key] - points[from][key]) / half;
    const kinds = Object.keys(points[2].kinds);
    const kindGrowth = Object.fromEntries(
      kinds.map((kind) => [kind, (points[2].kinds[kind] - (points[1].kinds[kind] ?? 0)) / half]),
    );
    const perCycle = {
      firstHalf: {
        heapBytes: growth(0, 1, 'heapUsed'),
        nodes: growth(0, 1, 'nodes'),
        listeners: growth(0, 1, 'jsEventListeners'),
      },
      secondHalf: {
        heapBytes: growth(1, 2, 'heapUsed'),
        nodes: growth(1, 2, 'nodes'),
        listeners: growth(1, 2, 'jsEventListeners'),
      },
    };
    const scales =
      perCycle.secondHalf.heapBytes > LEAK_SHARE_OF_A_PAIR * pairBytes ||
      perCycle.secondHalf.nodes >= 1 ||
      perCycle.secondHalf.listeners >= 1;
    return {
      cycles,
      warmUp: 10,
      points,
      perCycle,
      pairBytes,
      secondHalfShareOfAPair: perCycle.secondHalf.heapBytes / pairBytes,
      /** Heap snapshot self sizes by node type, growth per cycle in the second half: "code" is compiled code, not objects. */
      secondHalfByKind: kindGrowth,
      growthScalesWithCycles: scales,
      totalGrowthBytes: points[2].heapUsed - points[0].heapUsed,
    };
  } finally {
    await context.close();
  }
}

/**
 * A heap snapshot's self sizes summed by node type (object, closure, string, code, native…),
 * to tell objects that stay from compiled code that V8 adds as functions get hot.
 */
async function heapByKind(cdp) {
  const chunks = [];
  const collect = ({ chunk }) => chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', collect);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', collect);
  await cdp.send('HeapProfiler.disable');
  const { snapshot, nodes } = JSON.parse(chunks.join(''));
  const fields = snapshot.meta.node_fields;
  const typeNames = snapshot.meta.node_types[fields.indexOf('type')];
  const typeAt = fields.indexOf('type');
  const sizeAt = fields.indexOf('self_size');
  const kinds = {};
  for (let i = 0; i < nodes.length; i += fields.length) {
    const kind = typeNames[nodes[i + typeAt]];
    kinds[kind] = (kinds[kind] ?? 0) + nodes[i + sizeAt];
  }
  return { kinds };
}
