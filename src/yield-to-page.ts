/**
 * Ends the current task so the page can handle input and render, and resumes as soon as
 * it may: work on a large article is spread over several tasks this way, none of them
 * long enough to freeze the page.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve));
}
