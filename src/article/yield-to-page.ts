/**
 * Ends the current task so the page can handle input and render, and resumes in a task of
 * its own: work on a large article is spread over several tasks this way, none of them
 * long enough to freeze the page.
 */
export const yieldToPage = (): Promise<void> => new Promise((resolve) => setTimeout(resolve));
