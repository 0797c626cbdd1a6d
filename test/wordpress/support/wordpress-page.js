/**
 * A page WordPress renders itself (a theme's post page, wp-login.php), as the tests
 * against the example theme and the WordPress plugin drive it: the comment POSTs it
 * makes, the fields of the `<comment-form>` that took WordPress's form over, and a
 * reader signing in.
 *
 * Not a test file itself: `node --test test/wordpress/` runs only the `*.test.js` files.
 */
import { commentForm } from '../../e2e/support/demo.js';

/** POST requests the page makes: to wp-comments-post.php (WordPress's own form) and to the REST API. */
export function recordCommentPosts(page) {
  const posts = [];
  page.on('request', (request) => {
    if (request.method() === 'POST')
      posts.push({ url: request.url(), body: request.postData(), headers: request.headers() });
  });
  return {
    native: () => posts.filter(({ url }) => new URL(url).pathname.endsWith('/wp-comments-post.php')),
    rest: () => posts.filter(({ url }) => new URL(url).searchParams.get('rest_route') === '/wp/v2/comments'),
  };
}

/**
 * The element's own fields. (Playwright's CSS pierces shadow roots, and WordPress's
 * hidden form in the light DOM has an `#email` and a `#url` too.)
 */
export function takenOverForm(page) {
  const field = (id) => page.locator(`comment-form form[part~="form"] #${id}`);
  return {
    ...commentForm(page),
    content: field('content'),
    name: field('name'),
    email: field('email'),
    url: field('url'),
  };
}

/** Chromium asks WordPress's pages for /favicon.ico, which PHP's server does not have (a 404, when it asks in time). */
export const noFavicon = (wp) => ({
  text: 'Failed to load resource: the server responded with a status of 404 (Not Found)',
  url: `${wp.origin}/favicon.ico`,
});

/** WordPress shows avatars from gravatar.com (a signed-in reader's in the toolbar), which is outside this machine's network. */
export const answerAvatars = (context) =>
  context.route(/^https?:\/\/(\w+\.)?gravatar\.com\//, (route) => route.fulfill({ status: 204 }));

/** Signs `account` (`{ login, password }`) in on wp-login.php in `page`'s browser. */
export async function signIn(wp, page, account) {
  await answerAvatars(page.context());
  await page.goto(`${wp.origin}/wp-login.php`);
  await page.locator('#user_login').fill(account.login);
  await page.locator('#user_pass').fill(account.password);
  await Promise.all([
    page.waitForURL((url) => !url.pathname.endsWith('/wp-login.php')),
    page.locator('#wp-submit').click(),
  ]);
}
