/**
 * Measuring how responsive a page stays in the browser tests: the longest time the main
 * thread was busy without a break while some work ran.
 */

/**
 * The longest time the main thread was busy without a break while `work` ran. Where the
 * engine reports long tasks (Chromium), the longest of them; elsewhere the longest time
 * between two beats of a heartbeat: by default one that asks for every frame (a heartbeat
 * of queued tasks would keep the engine from rendering, and so hold up an element that
 * renders a batch per frame), or, with `heartbeat: 'task'`, one timer callback after
 * another, which waits only for the tasks and rendering queued before it. Nothing else
 * runs on the page, so a long block is the element's own work (fetching, parsing,
 * sanitizing, rendering).
 */
export async function longestBlock(
  work: () => Promise<void>,
  { heartbeat = 'frame' }: { heartbeat?: 'frame' | 'task' } = {},
): Promise<{ longest: number; total: number; method: string }> {
  let longest = 0;
  let running = true;
  const longTasks = PerformanceObserver.supportedEntryTypes?.includes('longtask');
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
  });
  if (longTasks) observer.observe({ type: 'longtask' });
  else {
    const next = heartbeat === 'frame' ? requestAnimationFrame : (beat: () => void) => setTimeout(beat);
    let last = performance.now();
    const beat = () => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
      if (running) next(beat);
    };
    next(beat);
  }
  const started = performance.now();
  try {
    await work();
    // Wait for the render to reach the screen: its layout is part of the cost.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  } finally {
    running = false;
    observer.takeRecords().forEach((entry) => (longest = Math.max(longest, entry.duration)));
    observer.disconnect();
  }
  return {
    longest: Math.round(longest),
    total: Math.round(performance.now() - started),
    method: longTasks ? 'long tasks' : heartbeat === 'frame' ? 'frames' : 'timer callbacks',
  };
}
