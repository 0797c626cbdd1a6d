/**
 * What `npm start` serves beside the demo page: its comment endpoint (the JSON protocol)
 * and the real feeds a person can pick.
 */
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { createDemoCommentEndpoint } from '../../demo/demo-comment-endpoint.js';
import { createDemoFeeds } from '../demo-feeds.js';

const fromRoot = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/**
 * The demo's comment endpoint (json protocol) at /api/comments, keeping comments in .demo-data/: it starts from
 * the seed article's conversation and holds comments with a moderation word (demo/demo-comment-endpoint.js).
 */
export function demoCommentEndpoint(): Plugin {
  return {
    name: 'news-widgets-demo-comments',
    configureServer(server) {
      server.middlewares.use(createDemoCommentEndpoint({ file: fromRoot('./.demo-data/comments.json') }));
    },
  };
}

/**
 * The real feeds the demo can show, from the corpus of real inputs the tests use (test/fixtures/corpus,
 * or NEWS_WIDGETS_CORPUS): the list at /demo-feeds/index.json, each file under /demo-feeds/.
 */
export function demoFeeds(): Plugin {
  return {
    name: 'news-widgets-demo-feeds',
    configureServer(server) {
      const corpus = process.env.NEWS_WIDGETS_CORPUS ?? fromRoot('test/fixtures/corpus/');
      server.middlewares.use(createDemoFeeds({ corpus }));
    },
  };
}
