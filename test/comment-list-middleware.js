/**
 * Comment lists the <comment-list> browser tests read, on the test runner's server.
 *
 *   GET /list/wp/<scenario>/wp-json/wp/v2/comments?post&per_page&page&order
 *       WordPress's answer (its fields, X-WP-Total, X-WP-TotalPages) for a made-up post:
 *       thread     7 comments: 1 ← 2 ← 3, 1 ← 4, 5, 6 ← 7 (id ← reply); 6 by a reader with a site and avatar
 *       chain      8 comments each replying to the one before
 *       many-<n>   n top-level comments, a minute apart; every 7th has a reply (the next id)
 *       html       2 comments whose content is hostile HTML
 *       empty      none
 *       fail       500 every time; flaky-<key>: 500 the first time for that key, then the thread
 *       slow-<ms>  the thread, after a delay
 *   GET /list/avatar.svg  a square avatar
 *   /list/json/<name>/comments
 *       the demo's endpoint (scripts/comment-endpoint.js), one per name; it holds new comments for
 *       moderation after POST /list/json/<name>/hold?on=1, and stops after ?on=0 (a moderator's approval)
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCommentEndpoint } from '../scripts/comment-endpoint.js';

const START = Date.UTC(2026, 10, 1, 9, 0, 0);
const flaky = new Set();
const jsonEndpoints = new Map();
/** Endpoints that hold new comments for moderation now. */
const holding = new Set();

function wpComment(id, parent, { name = `Reader ${id}`, html = `<p>Comment number ${id}.</p>\n`, extra = {} } = {}) {
  const date = new Date(START + id * 60_000).toISOString().slice(0, 19);
  return {
    id,
    post: 1,
    parent,
    author: 0,
    author_name: name,
    author_url: '',
    date,
    date_gmt: date,
    content: { rendered: html },
    link: `http://example.test/post/#comment-${id}`,
    status: 'approved',
    type: 'comment',
    ...extra,
  };
}

function scenarioComments(scenario) {
  if (scenario === 'empty') return [];
  if (scenario === 'chain') return Array.from({ length: 8 }, (_, index) => wpComment(index + 1, index));
  if (scenario === 'html') {
    return [
      wpComment(1, 0, {
        html: '<p>Safe <strong>bold</strong><img src=x onerror="window.__listXss=1"><script>window.__listXss=2</script></p>',
      }),
      wpComment(2, 0, {
        name: '<b>Ana</b>',
        html: '<p><a href="javascript:window.__listXss=3">link</a> <iframe src="about:blank"></iframe></p>',
      }),
    ];
  }
  const many = /^many-(\d+)$/.exec(scenario);
  if (many) {
    const comments = [];
    for (let id = 1; comments.length < Number(many[1]); id++) {
      comments.push(wpComment(id, id % 7 === 0 && comments.at(-1)?.parent === 0 ? id - 1 : 0));
    }
    return comments;
  }
  return [
    wpComment(1, 0, { name: 'Olena' }),
    wpComment(2, 1, { name: 'Ana' }),
    wpComment(3, 2, { name: 'Olena' }),
    wpComment(4, 1, { name: 'Ben' }),
    wpComment(5, 0, { name: 'Chidi' }),
    wpComment(6, 0, {
      name: 'Dara',
      extra: {
        author_url: 'https://dara.example',
        author_avatar_urls: { 24: '/list/avatar.svg?s=24', 48: '/list/avatar.svg?s=48', 96: '/list/avatar.svg?s=96' },
      },
    }),
    wpComment(7, 6, { name: 'Eli' }),
  ];
}

export async function commentListMiddleware(ctx, next) {
  const hold = /^\/list\/json\/([\w-]+)\/hold$/.exec(ctx.path);
  if (hold) {
    if (ctx.query.on === '1') holding.add(hold[1]);
    else holding.delete(hold[1]);
    ctx.body = { holding: holding.has(hold[1]) };
    return;
  }
  const json = /^\/list\/json\/([\w-]+)\/comments/.exec(ctx.path);
  if (json) {
    const name = json[1];
    if (!jsonEndpoints.has(name)) {
      const file = join(tmpdir(), `news-widgets-list-${process.pid}-${name}.json`);
      const holdForModeration = () => holding.has(name);
      jsonEndpoints.set(
        name,
        createCommentEndpoint({ file, basePath: `/list/json/${name}/comments`, delayMs: 500, holdForModeration }),
      );
    }
    ctx.respond = false;
    return jsonEndpoints.get(name)(ctx.req, ctx.res, () => {
      ctx.res.statusCode = 404;
      ctx.res.end();
    });
  }
  if (ctx.path === '/list/avatar.svg') {
    ctx.type = 'image/svg+xml';
    ctx.body =
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 2 2"><rect width="2" height="2" fill="teal"/></svg>';
    return;
  }
  const match = /^\/list\/wp\/([\w-]+)\/wp-json\/wp\/v2\/comments$/.exec(ctx.path);
  if (!match || ctx.method !== 'GET') return next();
  let scenario = match[1];
  if (scenario === 'fail' || (scenario.startsWith('flaky-') && !flaky.has(scenario))) {
    flaky.add(scenario);
    ctx.status = 500;
    ctx.body = {
      code: 'internal_server_error',
      message: 'There has been a critical error on this website.',
      data: { status: 500 },
    };
    return;
  }
  if (scenario.startsWith('flaky-')) scenario = 'thread';
  const slow = /^slow-(\d+)$/.exec(scenario);
  if (slow) {
    await new Promise((resolve) => setTimeout(resolve, Number(slow[1])));
    scenario = 'thread';
  }
  const perPage = Math.min(100, Number(ctx.query.per_page) || 10);
  const page = Number(ctx.query.page) || 1;
  const order = ctx.query.order === 'asc' ? 1 : -1;
  const all = scenarioComments(scenario).sort((a, b) => order * (a.id - b.id));
  const totalPages = Math.ceil(all.length / perPage);
  if (page > 1 && page > totalPages) {
    ctx.status = 400;
    ctx.body = {
      code: 'rest_comment_invalid_page_number',
      message: 'The page number requested is larger than the number of pages available.',
      data: { status: 400 },
    };
    return;
  }
  ctx.set('X-WP-Total', String(all.length));
  ctx.set('X-WP-TotalPages', String(totalPages));
  ctx.body = all.slice((page - 1) * perPage, page * perPage);
}
