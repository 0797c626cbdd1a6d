/**
 * The network between a reader's browser and the real WordPress, failing on purpose:
 * Playwright's route interception on the reader's browser context, for the fault campaign
 * (pending-comment-campaign.test.js). WordPress itself runs for real and decides every
 * comment that reaches it (its duplicate check, its flood rule); only what cannot run
 * here, a network and a server in front of WordPress that fail, is mocked, the same
 * faults as test/faulty-endpoint-middleware.js gives the browser campaign:
 *
 *   500, 503, 429   answered by the network, without reaching WordPress (429 and 503 with Retry-After: 0)
 *   drop-before     the connection drops before the post reaches WordPress
 *   drop-after      WordPress stores the comment, then the connection drops: the answer is lost
 *   500-after       WordPress stores the comment, then the browser gets a 500 (a proxy failing after it)
 *   slow            the post reaches WordPress after 1.5 s
 *
 * Offline is the context's own switch (`navigator.onLine`, the `online` and `offline`
 * events, every request failing); a post that is routed meanwhile is dropped before it is
 * read, without taking an armed fault.
 *
 * Not a test file itself: `node --test test/wordpress/` runs only the `*.test.js` files.
 */
import { setTimeout as sleep } from 'node:timers/promises';

export const FAULTS = ['500', '503', '429', 'drop-before', 'drop-after', '500-after', 'slow'];

/** How long a `slow` post takes to reach WordPress. */
const SLOW_MS = 1500;

/** WordPress's error body, as a proxy in front of it might answer with its own words. */
const failing = (status) =>
  JSON.stringify({ code: 'news_widgets_campaign_fault', message: `Failing on purpose (${status})`, data: { status } });

/**
 * Routes `context`'s posts to `endpoint` through a faulty network. `origin` is the page's
 * origin, for the CORS headers a failing answer carries as WordPress's own would (without
 * them the browser could not read its status). Returns the switches and what happened.
 */
export async function faultyNetwork(context, { endpoint, origin }) {
  const armed = [];
  let offline = false;
  /** Every post routed: `{ n, fault, content, status, code }` (status and code: WordPress's answer, when it was asked). */
  const posts = [];
  const inFlight = new Set();
  const cors = {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Credentials': 'true',
    'Access-Control-Expose-Headers': 'Retry-After',
    'Content-Type': 'application/json; charset=UTF-8',
  };

  async function forward(route, post) {
    const response = await route.fetch();
    post.status = response.status();
    post.code = await response.json().then(
      (body) => body?.code,
      () => undefined,
    );
    return response;
  }

  async function answer(route) {
    const request = route.request();
    if (request.method() !== 'POST') return route.continue();
    let content;
    try {
      content = request.postDataJSON()?.content;
    } catch {
      /* not JSON: WordPress says so */
    }
    const post = { n: posts.length + 1, fault: offline ? 'offline' : (armed.shift() ?? 'none'), content };
    posts.push(post);
    switch (post.fault) {
      case 'offline':
        return route.abort('internetdisconnected');
      case 'drop-before':
        return route.abort('connectionreset');
      case '500':
      case '503':
      case '429': {
        const status = Number(post.fault);
        post.status = status;
        return route.fulfill({
          status,
          headers: status === 500 ? cors : { ...cors, 'Retry-After': '0' },
          body: failing(status),
        });
      }
      case 'drop-after':
        await forward(route, post);
        return route.abort('connectionreset');
      case '500-after':
        await forward(route, post);
        return route.fulfill({ status: 500, headers: cors, body: failing(500) });
      case 'slow':
        await sleep(SLOW_MS);
        return route.fulfill({ response: await forward(route, post) });
      default:
        return route.fulfill({ response: await forward(route, post) });
    }
  }

  await context.route(
    (url) => url.href === endpoint,
    (route) => {
      // A tab closed or reloaded meanwhile cannot take the answer any more: what reached WordPress stays recorded.
      const handled = answer(route).catch(() => {});
      inFlight.add(handled);
      return handled.finally(() => inFlight.delete(handled));
    },
  );

  return {
    posts,
    /** The next posts that reach the network fail so, one fault each, in order. */
    arm: (...faults) => armed.push(...faults),
    async setOffline(value) {
      offline = value;
      await context.setOffline(value);
    },
    /** Online, and no more faults. */
    async heal() {
      armed.length = 0;
      offline = false;
      await context.setOffline(false);
    },
    /** Until every post routed so far has had its answer (or lost it), so WordPress has stored what it will. */
    async settled() {
      while (inFlight.size) await Promise.all([...inFlight]);
    },
  };
}
