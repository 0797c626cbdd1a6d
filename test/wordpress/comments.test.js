/**
 * `<comment-form>` against a real WordPress (scripts/wordpress.sh), with the `wordpress`
 * protocol the endpoint `/?rest_route=/wp/v2/comments` selects: every comment is read
 * back from WordPress, as the admin (application password) when a reader cannot see it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  attr,
  commentForm,
  commentText,
  consoleErrors,
  eventually,
  focusedInForm,
  formReady,
  openReader,
  reader as newReader,
  recordFormEvents,
  strings,
  uniqueText,
  useWordPress,
} from './support/wordpress.js';

describe('<comment-form> against a real WordPress', { timeout: 120_000 }, () => {
  let wp;
  let pages;
  let browser;
  useWordPress((started) => ({ wp, pages, browser } = started));

  /** A page with a form for one post, outside any article (`post-id` given). */
  const formPage = (postId, attributes = '') =>
    pages.page(
      `<comment-form endpoint="${attr(wp.commentsEndpoint)}" post-id="${postId}"${attributes}></comment-form>`,
    );
  /** The comments on a post by one reader, held ones too. */
  const commentsBy = async (postId, who) =>
    (await wp.allComments(postId)).filter((comment) => comment.author_email === who.email);

  it('the endpoint /?rest_route=/wp/v2/comments selects the wordpress protocol', async (t) => {
    const session = await openReader(t, browser);
    const page = await session.open(formPage(wp.posts.seed.id));
    await formReady(page);
    const requests = [];
    page.on(
      'request',
      (request) =>
        request.method() === 'POST' &&
        requests.push({ url: request.url(), body: request.postDataJSON(), headers: request.headers() }),
    );
    const who = newReader('Protocol Reader');
    const form = commentForm(page);
    const text = uniqueText('Which protocol?');
    await form.content.fill(text);
    await form.fillIdentity(who.name, who.email);
    await form.submit.click();
    await eventually(async () => assert.equal(await form.statusText(), strings.posted));
    assert.equal(requests.length, 1);
    assert.equal(requests[0].url, wp.commentsEndpoint);
    assert.deepEqual(requests[0].body, {
      post: wp.posts.seed.id,
      parent: 0,
      author_name: who.name,
      author_email: who.email,
      author_url: '',
      content: text,
    });
    assert.equal(requests[0].headers['idempotency-key'], undefined, 'WordPress does not allow the header in CORS');
    session.assertNoProblems();
  });

  it('a comment posted with the keyboard lands in WordPress, approved, and readers see it', async (t) => {
    const { seed } = wp.posts;
    const session = await openReader(t, browser);
    const page = await session.open(formPage(seed.id));
    await formReady(page);
    const events = await recordFormEvents(page);
    const form = commentForm(page);
    const { keyboard } = page;
    const who = newReader('Keyboard Reader');
    const lines = [uniqueText('Thank you for the report from Antalya.'), 'Will the ministers meet again?'];

    await form.content.focus();
    await keyboard.type(lines[0]);
    await keyboard.press('Enter');
    await keyboard.type(lines[1]);
    await keyboard.press('Tab');
    assert.equal(await focusedInForm(page), 'name');
    await keyboard.type(who.name);
    await keyboard.press('Tab');
    await keyboard.type(who.email);
    await keyboard.press('Tab');
    assert.equal(await focusedInForm(page), 'url');
    await keyboard.type('reader.example');
    await keyboard.press('Tab');
    await keyboard.press('Tab');
    assert.equal(await focusedInForm(page), 'submit');
    await keyboard.press('Enter');

    await eventually(async () => assert.equal(await form.statusText(), strings.posted));
    assert.deepEqual(await events(), [{ type: 'comment-form-success', status: 'approved', reason: undefined }]);
    assert.equal(await form.content.inputValue(), '', 'the posted text leaves the form');

    const stored = await commentsBy(seed.id, who);
    assert.deepEqual(
      stored.map((comment) => ({
        status: comment.status,
        name: comment.author_name,
        url: comment.author_url,
        text: commentText(comment),
      })),
      [{ status: 'approved', name: who.name, url: 'http://reader.example', text: lines.join('\n') }],
    );
    // What any reader of the site sees, without signing in.
    const visible = (await wp.publicComments(seed.id)).find((comment) => comment.id === stored[0].id);
    assert.ok(visible, 'readers see the comment');
    assert.equal(visible.author_name, who.name);
    assert.equal(visible.content.rendered.trim(), `<p>${lines[0]}<br />\n${lines[1]}</p>`);
    session.assertNoProblems();
  });

  it('a comment held for moderation says it is awaiting moderation, and only the admin sees it', async (t) => {
    const { held } = wp.posts;
    const session = await openReader(t, browser);
    const page = await session.open(formPage(held.id));
    await formReady(page);
    const events = await recordFormEvents(page);
    const form = commentForm(page);
    const who = newReader('Moderated Reader');
    const text = uniqueText('An editor will read this first.');
    await form.content.fill(text);
    await form.fillIdentity(who.name, who.email);
    await form.submit.click();

    await eventually(async () => assert.equal(await form.statusText(), strings.pending));
    assert.deepEqual(await events(), [{ type: 'comment-form-success', status: 'pending', reason: undefined }]);
    assert.equal(await form.content.inputValue(), '');
    const stored = await commentsBy(held.id, who);
    assert.deepEqual(
      stored.map((comment) => ({ status: comment.status, text: commentText(comment) })),
      [{ status: 'hold', text }],
    );
    assert.equal(
      (await wp.publicComments(held.id)).some((comment) => comment.id === stored[0].id),
      false,
      'readers do not see it yet',
    );
    session.assertNoProblems();
  });

  it('without name and email (identity="optional"), WordPress\'s refusal shows on the name and email fields', async (t) => {
    const { seed } = wp.posts;
    const session = await openReader(t, browser, {
      expectedErrors: [{ text: consoleErrors.badRequest, url: wp.commentsEndpoint }],
    });
    const page = await session.open(formPage(seed.id, ' identity="optional"'));
    await formReady(page);
    const events = await recordFormEvents(page);
    const form = commentForm(page);
    const text = uniqueText('A comment with no name.');
    await form.content.fill(text);
    const answer = page.waitForResponse(
      (response) => response.url() === wp.commentsEndpoint && response.request().method() === 'POST',
    );
    await form.submit.click();
    const response = await answer;
    assert.equal(response.status(), 400);
    assert.equal(
      (await response.json()).code,
      'rest_comment_author_data_required',
      'the form sent it; WordPress refused it',
    );

    await eventually(async () => assert.equal(await form.name.getAttribute('aria-invalid'), 'true'));
    assert.equal(await form.email.getAttribute('aria-invalid'), 'true');
    assert.equal(await form.content.getAttribute('aria-invalid'), null);
    const formEl = page.locator('comment-form');
    assert.match(await formEl.locator('#name-error').textContent(), new RegExp(`${strings.requiredName}\\s*$`));
    assert.match(await formEl.locator('#email-error').textContent(), new RegExp(`${strings.requiredEmail}\\s*$`));
    assert.match(await form.name.getAttribute('aria-describedby'), /\bname-error\b/);
    assert.match(await form.email.getAttribute('aria-describedby'), /\bemail-error\b/);
    const summary = formEl.locator('[part~="error-summary"]');
    assert.deepEqual(
      await summary
        .locator('li')
        .allTextContents()
        .then((items) => items.map((item) => item.trim())),
      [strings.requiredName, strings.requiredEmail],
    );
    assert.equal(await focusedInForm(page), 'error-summary');
    assert.equal(await form.content.inputValue(), text, 'the text stays');
    assert.deepEqual(await events(), [{ type: 'comment-form-error', status: undefined, reason: 'rejected' }]);
    assert.equal(
      (await wp.allComments(seed.id)).some((comment) => commentText(comment) === text),
      false,
    );
    session.assertNoProblems();
  });

  it('on a post with comments closed, the form says so and keeps the text', async (t) => {
    const { closed } = wp.posts;
    const session = await openReader(t, browser, {
      expectedErrors: [{ text: consoleErrors.forbidden, url: wp.commentsEndpoint }],
    });
    const page = await session.open(formPage(closed.id));
    await formReady(page);
    const form = commentForm(page);
    const who = newReader('Late Reader');
    const text = uniqueText('Too late?');
    await form.content.fill(text);
    await form.fillIdentity(who.name, who.email);
    const answer = page.waitForResponse(
      (response) => response.url() === wp.commentsEndpoint && response.request().method() === 'POST',
    );
    await form.submit.click();
    const response = await answer;
    assert.equal(response.status(), 403);
    assert.equal((await response.json()).code, 'rest_comment_closed');

    const summary = page.locator('comment-form [part~="error-summary"]');
    await summary.waitFor();
    assert.deepEqual(
      (await summary.locator('li').allTextContents()).map((item) => item.trim()),
      [strings.closed],
    );
    assert.equal(await focusedInForm(page), 'error-summary');
    assert.equal(await form.content.inputValue(), text);
    assert.deepEqual(await commentsBy(closed.id, who), []);
    session.assertNoProblems();
  });

  it('inside <news-article>, on a page of another origin, the form learns the post from WordPress and posts to it', async (t) => {
    const { seed } = wp.posts;
    const session = await openReader(t, browser);
    // The README's "Try it in 30 seconds", with a site without pretty permalinks.
    const page = await session.open(
      pages.page(`<news-article src="${attr(wp.postUrl(seed.id))}">
  <comment-form endpoint="${attr(wp.commentsEndpoint)}"></comment-form>
</news-article>`),
    );
    assert.notEqual(new URL(page.url()).origin, wp.origin);
    await page.locator('news-article[state="ready"]').waitFor();
    await formReady(page);
    assert.equal(await page.locator('comment-form').evaluate((form) => form.effectivePostId), String(seed.id));
    const form = commentForm(page);
    const who = newReader('Embedded Reader');
    const text = uniqueText('Posted from a page of another origin.');
    await form.content.fill(text);
    await form.fillIdentity(who.name, who.email);
    const answer = page.waitForResponse(
      (response) => response.url() === wp.commentsEndpoint && response.request().method() === 'POST',
    );
    await form.submit.click();
    const response = await answer;
    assert.equal(response.status(), 201);
    assert.equal(await response.headerValue('access-control-allow-origin'), pages.origin);
    await eventually(async () => assert.equal(await form.statusText(), strings.posted));
    assert.deepEqual((await commentsBy(seed.id, who)).map(commentText), [text]);
    session.assertNoProblems();
  });
});
