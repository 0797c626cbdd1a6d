/**
 * Typing: the same text is typed, key by key at a steady pace, into the widget's comment box
 * (the inline-feed page) and into the plain WordPress <textarea> of the static page, in the
 * same run, keystrokes alternating between the two pages (each in its own browser context,
 * so its own renderer process and main thread). No CPU throttling.
 *
 * Main-thread time per keystroke: just before each keystroke the bench reads the page's
 * cumulative main-thread task time (CDP Performance.getMetrics, `TaskDuration`: the summed
 * duration of every task the renderer's main thread ran: event handlers, Lit's update,
 * style, layout, paint, timers, IndexedDB callbacks). The difference between two readings is
 * the main-thread time spent between two keystrokes, i.e. on that keystroke and whatever it
 * set off before the next one; the time of the readings themselves (`DevToolsCommandDuration`)
 * is subtracted. What is left of the harness, and the caret's blinking, cost the same in
 * both pages, so the widget's own cost is the widget page's figure minus the plain page's
 * (median minus median, p95 minus p95). During development this agreed within about 0.1 ms
 * with a Chromium trace (top-level RunTask durations between keydown dispatches).
 *
 * IndexedDB writes: IDBObjectStore.prototype.put is wrapped in the page before the bundle
 * loads (pages.js's probe); writes per second = puts between the first and last keystroke
 * divided by that time. Then the widget page is reloaded at once, without waiting, and the
 * bench checks the comment box holds everything typed.
 */
import { median, quantile } from './stats.js';

const WORDS =
  `thank you for this report it is the first account I have read that explains why the talks ended so quickly
and what the ministers actually said to each other my family lives near the border and we follow every update
could you also publish the full statement from the press conference and say where the figures about the hospital
come from because people here are asking whether they were checked independently`.split(/\s+/);

/** About `length` characters of comment text: sentences of lowercase words, capitals and full stops. */
export function commentText(length) {
  let text = '';
  let index = 0;
  while (text.length < length) {
    const words = Array.from({ length: 9 + (index % 7) }, (_, n) => WORDS[(index * 7 + n * 3) % WORDS.length]);
    text += `${words.join(' ').replace(/^./, (char) => char.toUpperCase())}. `;
    index++;
  }
  return text.slice(0, length);
}

const sleepUntil = (due) => {
  const wait = due - performance.now();
  return wait > 0 ? new Promise((resolve) => setTimeout(resolve, wait)) : undefined;
};

async function openTypingPage(browser, url, selector) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(
    () => window.__bench?.typingReady !== undefined && window.__bench?.articleReady !== undefined,
    null,
    { polling: 100 },
  );
  await page.locator(selector).click();
  const taskTime = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const value = (name) => metrics.find((metric) => metric.name === name)?.value ?? 0;
    return {
      task: value('TaskDuration') * 1000,
      devtools: value('DevToolsCommandDuration') * 1000,
      script: value('ScriptDuration') * 1000,
      layout: value('LayoutDuration') * 1000,
      style: value('RecalcStyleDuration') * 1000,
    };
  };
  return { context, page, taskTime, readings: [] };
}

function perKeystroke(readings) {
  const deltas = (key) => readings.slice(1).map((reading, index) => reading[key] - readings[index][key]);
  // The readings themselves are DevTools commands run on the main thread: leave their time out.
  const devtools = deltas('devtools');
  const task = deltas('task').map((time, index) => time - devtools[index]);
  return {
    median: median(task),
    p95: quantile(task, 0.95),
    max: Math.max(...task),
    scriptMedian: median(deltas('script')),
    layoutMedian: median(deltas('layout')),
    styleMedian: median(deltas('style')),
    readingMedian: median(devtools),
  };
}

export async function measureTyping(browser, origin, { characters, intervalMs, log }) {
  const text = commentText(characters);
  const widget = await openTypingPage(browser, `${origin}/pages/inline.html`, 'comment-form textarea');
  const plain = await openTypingPage(browser, `${origin}/pages/static.html`, '#comment');
  try {
    // Let both pages go quiet (the widget opens IndexedDB and looks for a draft).
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const start = performance.now();
    for (let index = 0; index < text.length; index++) {
      for (const [offset, target] of [
        [0, widget],
        [intervalMs / 2, plain],
      ]) {
        await sleepUntil(start + index * intervalMs + offset);
        target.readings.push(await target.taskTime());
        await target.page.keyboard.type(text[index]);
      }
      if ((index + 1) % 500 === 0) log(`  typed ${index + 1}/${text.length}`);
    }
    const typingSeconds = (performance.now() - start) / 1000;
    // The widget: reload at once, before any pending draft write could have happened.
    const counters = await widget.page.evaluate(() => {
      const { idb, firstKey, lastKey, localStorageWrites } = window.__bench;
      const during = idb.put.filter((time) => time >= firstKey && time <= lastKey).length;
      return {
        puts: idb.put.length,
        putsWhileTyping: during,
        gets: idb.get,
        seconds: (lastKey - firstKey) / 1000,
        localStorageWrites,
        content: document.querySelector('comment-form').value.content.length,
      };
    });
    await widget.page.reload({ waitUntil: 'load' });
    const restored = await widget.page
      .waitForFunction(
        () => document.querySelector('comment-form')?.shadowRoot?.querySelector('textarea')?.value || undefined,
        null,
        {
          polling: 50,
          timeout: 10_000,
        },
      )
      .then((handle) => handle.jsonValue())
      .catch(() => '');
    // One reading before each keystroke: n readings give the windows of the first n - 1
    // keystrokes (the widget's last window would end with the reload, so neither page counts it).

    let kept = 0;
    while (kept < text.length && restored[kept] === text[kept]) kept++;
    const widgetStats = perKeystroke(widget.readings);
    const plainStats = perKeystroke(plain.readings);
    return {
      characters: text.length,
      intervalMs,
      typingSeconds,
      widget: widgetStats,
      plain: plainStats,
      own: { median: widgetStats.median - plainStats.median, p95: widgetStats.p95 - plainStats.p95 },
      indexedDb: {
        putsWhileTyping: counters.putsWhileTyping,
        putsTotal: counters.puts,
        getsTotal: counters.gets,
        typingSeconds: counters.seconds,
        writesPerSecond: counters.putsWhileTyping / counters.seconds,
        localStorageWrites: counters.localStorageWrites,
      },
      reload: {
        typedBeforeReload: counters.content,
        restoredLength: restored.length,
        survived: restored === text,
        lostCharacters: text.length - kept,
      },
    };
  } finally {
    await widget.context.close();
    await plain.context.close();
  }
}
