/** Types of scripts/demo-feeds.js for the TypeScript files that import it. */
import type { IncomingMessage, ServerResponse } from 'node:http';

export function createDemoFeeds(options: {
  corpus: string;
}): (req: IncomingMessage, res: ServerResponse, next: () => void) => Promise<void>;
