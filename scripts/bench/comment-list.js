/**
 * `<comment-list>` in the benchmark: what it costs a page, in bytes and in waiting.
 *
 * - Bytes: the list's own chunk (`news-widgets-comment-list-*.js`), and everything a page with a list
 *   downloads from the package that the same page without one does not. A page without a list (the
 *   load measure's inline and src pages) must download none of it: the chunk is off its critical path.
 * - Time to the first comment: the inline-feed page (article and form) with a `<comment-list>` after the
 *   form, far enough below the fold that it fetches nothing at load. Once the page has loaded and
 *   settled, the bench scrolls to the list and times, in the page, the first frame in which the first
 *   comment `<article>` is inside the viewport: the request, reading and rendering of the comments. The
 *   baseline, loaded in the same run and interleaved with it, is the static page (no JavaScript), scrolled
 *   the same way to its server-rendered comments: the first frame after the scroll. Both under the load
 *   measure's CPU throttling, each load in a fresh browser context.
 *
 * The comments are the demo's seed conversation (demo/seed-comments.json), nine comments with replies,
 * served as the JSON protocol's GET answers them.
 */
import { readFileSync } from 'node:fs';
import { pages } from './pages.js';
import { kb, median, ms, sumSizes } from './stats.js';

const seed = JSON.parse(readFileSync(new URL('../../demo/seed-comments.json', import.meta.url), 'utf8'));
/** The JSON protocol's answer for the seed conversation: public fields only, oldest first. */
const commentsAnswer = JSON.stringify(
  seed.comments.map(({ id, parentId, name, url, content, date }) => ({ id, parentId, name, url, content, date })),
);

const FORM = '<comment-form endpoint="/api/comments"></comment-form>';
/** Far below the fold: the article and form fill the first screens, and then this much more page. */
const SPACER = '<div style="block-size: 1500px" aria-hidden="true"></div>';

function withList(page) {
  if (!page?.includes(FORM))
    throw new Error(
      `scripts/bench/pages.js's inline page no longer holds ${FORM}; update scripts/bench/comment-list.js`,
    );
  return page.replace(
    FORM,
    `${FORM}
        ${SPACER}
        <comment-list endpoint="/bench/comments.json"></comment-list>`,
  );
}

/** The pages and the comments answer the bench server serves for this measure. */
export const commentListRoutes = {
  '/pages/comment-list.html': withList(pages['/pages/inline.html']),
  '/bench/comments.json': commentsAnswer,
};

/** The static page and the list page, as the measure names them. */
const TIMED_PAGES = { static: '/pages/static.html', list: '/pages/comment-list.html' };

/**
 * In the page: scrolls the comments' top to the top of the viewport and resolves with the time, from
 * the scroll, of the first frame in which the first comment is in the viewport (or `undefined` after
 * 30 s); and whether the comments' request started before the scroll.
 */
function scrollAndTime() {
  const list = document.querySelector('comment-list');
  const target = list ?? document.querySelector('.comments');
  const firstComment = () => (list ? list.shadowRoot?.querySelector('article') : target.querySelector('li'));
  const requested = () =>
    performance.getEntriesByType('resource').find((entry) => entry.name.includes('/bench/comments.json'));
  const before = requested()?.startTime;
  return new Promise((resolve) => {
    const start = performance.now();
    target.scrollIntoView({ block: 'start' });
    const frame = () => {
      const comment = firstComment();
      const box = comment?.getBoundingClientRect();
      if (box && box.height > 0 && box.top < innerHeight && box.bottom > 0)
        resolve({ firstComment: performance.now() - start, prefetched: before !== undefined && before < start });
      else if (performance.now() - start > 30_000) resolve({ firstComment: undefined, prefetched: false });
      else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

/** One load of `url`, settled, then the scroll to its comments, timed. */
async function timeOnce(browser, url, throttle) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await page.waitForFunction(
      () => window.__bench?.typingReady !== undefined && window.__bench?.articleReady !== undefined,
      null,
      { polling: 100, timeout: 60_000 },
    );
    // The reader scrolls once the page has settled, as the load measure waits after it is ready.
    await page.waitForTimeout(1500);
    return await page.evaluate(scrollAndTime);
  } finally {
    await context.close();
  }
}

/**
 * The measure. `built` is the bench's build (its files and their sizes); `downloads(page)` lists the
 * package files a load of `/pages/<page>.html` requests.
 */
export async function measureCommentList(browser, origin, { built, downloads, runs, throttle, log }) {
  const chunk = built.full.filter((file) => file.file.startsWith('news-widgets-comment-list-'));
  const withListFiles = await downloads('comment-list');
  const inlineFiles = await downloads('inline');
  const srcFiles = await downloads('src');
  const extra = withListFiles.filter((file) => !inlineFiles.some((other) => other.file === file.file));
  const offCriticalPath = ![...inlineFiles, ...srcFiles].some((file) => file.file.includes('comment-list'));

  const samples = { static: [], list: [] };
  for (let run = 0; run < runs; run++) {
    for (const [key, path] of Object.entries(TIMED_PAGES)) {
      samples[key].push(await timeOnce(browser, `${origin}${path}`, throttle));
    }
    log(
      `  run ${run + 1}/${runs}: first comment after the scroll, static ${samples.static.at(-1).firstComment?.toFixed(0)} ms, ` +
        `list ${samples.list.at(-1).firstComment?.toFixed(0)} ms`,
    );
  }
  const firstComment = (key) => median(samples[key].map((sample) => sample.firstComment));
  return {
    throttle,
    runs,
    chunk: { files: chunk, total: sumSizes(chunk) },
    pageExtra: { files: extra, total: sumSizes(extra) },
    offCriticalPath,
    firstComment: { static: firstComment('static'), list: firstComment('list') },
    allShown: samples.list.every((sample) => sample.firstComment !== undefined),
    prefetchedLoads: samples.list.filter((sample) => sample.prefetched).length,
    samples,
  };
}

const sizeText = (size) => `${kb(size.brotli)} br (${kb(size.gzip)} gz, ${kb(size.raw)} raw)`;

/** The rows of the bench's table for this measure (scripts/bench/report.js's shape). */
export function commentListRows(measure) {
  const { chunk, pageExtra, offCriticalPath, firstComment, throttle, runs, allShown, prefetchedLoads } = measure;
  return [
    {
      id: 'size-comment-list',
      what: 'Size: <comment-list> chunk',
      result: `${sizeText(chunk.total)}; a page with a list downloads ${sizeText(pageExtra.total)} more (${pageExtra.files.map((file) => file.file).join(', ') || 'nothing'})`,
      target: '–',
    },
    {
      id: 'comment-list-off-critical-path',
      what: 'Size: pages without a <comment-list> download none of it',
      result: offCriticalPath ? 'none (inline and src pages)' : 'the inline or src page downloads it',
      target: 'none',
      met: offCriticalPath,
    },
    {
      id: 'comment-list-first-comment',
      what: `Comment list ${throttle}× CPU: scroll to the comments → first comment visible, list / static`,
      result:
        `${ms(firstComment.list)} / ${ms(firstComment.static)} (+${ms(firstComment.list - firstComment.static)}; ` +
        `median of ${runs}${allShown ? '' : ', NOT SHOWN in some loads'}${prefetchedLoads ? `; fetched before the scroll in ${prefetchedLoads}` : ''})`,
      target: '–',
    },
  ];
}
