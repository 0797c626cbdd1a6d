/**
 * The example WordPress theme (docs/wordpress-theme/, shown in docs/wordpress.md; scripts/wordpress.sh installs
 * and activates in the test WordPress 6.1) on a page WordPress renders itself: the post
 * as HTML and WordPress's own `comment_form()` inside `<comment-form>`, with the bundle
 * loaded from the theme's folder by a module script in the footer. Readers without
 * JavaScript comment through wp-comments-post.php; with JavaScript the element takes
 * the form over and posts through the REST API it finds in the page's head. Every
 * comment is read back from WordPress.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  commentText,
  eventually,
  focusedInForm,
  formReady,
  openReader,
  reader as newReader,
  recordFormEvents,
  storedDrafts,
  strings,
  uniqueText,
  useWordPress,
} from './support/wordpress.js';
import { noFavicon, recordCommentPosts, signIn, takenOverForm } from './support/wordpress-page.js';

const THEME_POST = 'server-rendered-comment-form';
const root = new URL('../../', import.meta.url);

describe('the example WordPress theme: WordPress’s comment form inside <comment-form>', { timeout: 120_000 }, () => {
  let wp;
  let browser;
  useWordPress((started) => ({ wp, browser } = started));

  const commentsBy = async (postId, who) =>
    (await wp.allComments(postId)).filter((comment) => comment.author_email === who.email);

  it('without JavaScript, the reader fills in WordPress’s form and the comment lands', async (t) => {
    const post = await wp.postBySlug(THEME_POST);
    const context = await browser.newContext({ javaScriptEnabled: false });
    t.after(() => context.close());
    const page = await context.newPage();
    const posts = recordCommentPosts(page);
    await page.goto(wp.pageUrl(post.id));
    // The article as HTML, and WordPress's form, as the page prints them.
    assert.equal(
      await page.locator('news-article article[slot="article"] h1').textContent(),
      'Readers comment with or without JavaScript',
    );
    const form = page.locator('comment-form form#commentform');
    assert.equal(await form.isVisible(), true);
    const who = newReader('No Script Reader');
    const text = uniqueText('Posted with JavaScript off.');
    await page.getByRole('textbox', { name: /^Comment/ }).fill(text);
    await page.getByRole('textbox', { name: /^Name/ }).fill(who.name);
    await page.getByRole('textbox', { name: /^Email/ }).fill(who.email);
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('p') === String(post.id)),
      page.getByRole('button', { name: 'Post Comment' }).click(),
    ]);
    assert.equal(posts.native().length, 1);
    const landed = await commentsBy(post.id, who);
    assert.deepEqual(landed.map(commentText), [text]);
    assert.equal(landed[0].status, 'approved');
    // WordPress shows it on the page it sends the reader back to.
    assert.match(await page.locator('.comment-list').textContent(), new RegExp(text.replace(/[.()]/g, '\\$&')));
  });

  it('with JavaScript, the element takes the form over and posts through the REST API exactly once, then forgets the draft', async (t) => {
    const post = await wp.postBySlug(THEME_POST);
    const session = await openReader(t, browser, { expectedErrors: [noFavicon(wp)] });
    const page = await session.context.newPage();
    const posts = recordCommentPosts(page);
    await page.goto(wp.pageUrl(post.id));
    await formReady(page);
    // Taken over: WordPress's form is still in the page, but neither shown nor reachable.
    assert.equal(await page.locator('form#commentform').isVisible(), false);
    assert.equal(await page.evaluate(() => document.querySelector('form#commentform').inert), true);
    assert.equal(await page.evaluate(() => document.querySelector('comment-form').effectivePostId), String(post.id));
    const events = await recordFormEvents(page);
    const form = takenOverForm(page);
    const who = newReader('Script Reader');
    const text = uniqueText('Posted through the REST API.');
    await form.content.focus();
    await page.keyboard.type(text);
    await form.fillIdentity(who.name, who.email);
    // A draft while it is being written.
    await eventually(async () => assert.ok((await storedDrafts(page)).includes(text)));
    await form.submit.click();
    await eventually(async () => assert.equal(await form.statusText(), strings.posted));
    assert.deepEqual(await events(), [{ type: 'comment-form-success', status: 'approved', reason: undefined }]);
    assert.equal(posts.native().length, 0, 'WordPress’s own form was submitted');
    assert.equal(posts.rest().length, 1);
    assert.deepEqual(JSON.parse(posts.rest()[0].body), {
      post: post.id,
      parent: 0,
      author_name: who.name,
      author_email: who.email,
      author_url: '',
      content: text,
    });
    assert.deepEqual((await commentsBy(post.id, who)).map(commentText), [text]);
    // Deleted once the server confirmed the comment.
    await eventually(async () => assert.deepEqual(await storedDrafts(page), []));
    session.assertNoProblems();
  });

  it('text typed into WordPress’s form before the script arrives moves into the element, with focus, and is posted', async (t) => {
    const post = await wp.postBySlug(THEME_POST);
    const session = await openReader(t, browser, { expectedErrors: [noFavicon(wp)] });
    const page = await session.context.newPage();
    const posts = recordCommentPosts(page);
    // The bundle is slow to arrive (a slow network): the reader starts typing into the HTML form.
    let release;
    const arrived = new Promise((resolve) => (release = resolve));
    await page.route('**/assets/news-widgets.js', async (route) => {
      await arrived;
      await route.continue();
    });
    // Not waiting for DOMContentLoaded: module scripts run before it.
    await page.goto(wp.pageUrl(post.id), { waitUntil: 'commit' });
    await page.locator('#comment').waitFor();
    const who = newReader('Early Reader');
    const text = uniqueText('Typed before the script arrived.');
    await page.locator('#author').fill(who.name);
    await page.locator('#email').fill(who.email);
    await page.locator('#comment').focus();
    await page.keyboard.type(text);
    release();
    await formReady(page);
    const form = takenOverForm(page);
    assert.equal(await form.content.inputValue(), text);
    assert.equal(await form.name.inputValue(), who.name);
    assert.equal(await form.email.inputValue(), who.email);
    assert.equal(await focusedInForm(page), 'content');
    // The reader goes on typing where they were.
    await page.keyboard.type(' And more.');
    await form.submit.click();
    await eventually(async () => assert.equal(await form.statusText(), strings.posted));
    assert.equal(posts.native().length, 0);
    assert.equal(posts.rest().length, 1);
    assert.deepEqual((await commentsBy(post.id, who)).map(commentText), [`${text} And more.`]);
    session.assertNoProblems();
  });

  it('a reply link’s page (?replytocom=) gives the element its parent, and the reply lands under that comment', async (t) => {
    const post = await wp.postBySlug(THEME_POST);
    const first = await wp.adminPost('/wp/v2/comments', {
      post: post.id,
      content: uniqueText('A comment to reply to.'),
    });
    const session = await openReader(t, browser, { expectedErrors: [noFavicon(wp)] });
    const page = await session.context.newPage();
    // Where WordPress's "Reply" link leads without its comment-reply script: the post, with the form set for a reply.
    await page.goto(`${wp.pageUrl(post.id)}&replytocom=${first.id}`);
    assert.equal(await page.locator('a.comment-reply-link').first().isVisible(), true);
    await formReady(page);
    const form = takenOverForm(page);
    assert.equal((await page.locator('comment-form [part~="heading"]').textContent()).trim(), strings.replyHeading);
    const who = newReader('Replying Reader');
    const text = uniqueText('A reply, through the REST API.');
    await form.content.fill(text);
    await form.fillIdentity(who.name, who.email);
    await form.submit.click();
    await eventually(async () => assert.equal(await form.statusText(), strings.posted));
    const [reply] = await commentsBy(post.id, who);
    assert.equal(commentText(reply), text);
    assert.equal(reply.parent, first.id);
    session.assertNoProblems();
  });

  it('a signed-in reader’s form (no name or email) is taken over with the theme’s nonce, and the comment is theirs', async (t) => {
    const post = await wp.postBySlug(THEME_POST);
    // A subscriber of this run's own: WordPress's flood rule keys on the signed-in user.
    const who = newReader('Signed-in Reader');
    const account = { login: who.email.split('@')[0], password: `pw-${who.email}`, name: who.name };
    await wp.adminPost('/wp/v2/users', {
      username: account.login,
      password: account.password,
      email: who.email,
      name: account.name,
      roles: ['subscriber'],
    });
    const session = await openReader(t, browser, { expectedErrors: [noFavicon(wp)] });
    const page = await session.context.newPage();
    await signIn(wp, page, account);
    const posts = recordCommentPosts(page);
    await page.goto(wp.pageUrl(post.id));
    await formReady(page);
    // WordPress's form for a signed-in reader has no name and email fields; neither has the element's.
    assert.equal(await page.locator('form#commentform #author').count(), 0);
    assert.equal(await page.evaluate(() => document.querySelector('comment-form').identity), 'hidden');
    assert.equal(await page.locator('comment-form form[part~="form"] #name').count(), 0);
    const form = takenOverForm(page);
    const text = uniqueText('Posted while signed in.');
    await form.content.fill(text);
    await form.submit.click();
    await eventually(async () => assert.equal(await form.statusText(), strings.posted));
    assert.equal(posts.native().length, 0);
    assert.equal(posts.rest().length, 1);
    const landed = (await wp.allComments(post.id)).filter((comment) => commentText(comment) === text);
    assert.equal(landed.length, 1);
    assert.equal(landed[0].author_name, account.name);
    assert.notEqual(landed[0].author, 0, 'posted as the signed-in user');
    session.assertNoProblems();
  });

  it('the theme code docs/wordpress.md quotes is the theme under test', () => {
    const guide = readFileSync(new URL('docs/wordpress.md', root), 'utf8');
    const quoted = [...guide.matchAll(/```php\n([\s\S]*?)```/g)].map(([, code]) => code);
    assert.ok(quoted.length >= 2, 'the guide quotes the theme’s PHP');
    for (const file of ['functions.php', 'template-parts/post.php']) {
      const code = readFileSync(new URL(`docs/wordpress-theme/${file}`, root), 'utf8');
      assert.ok(quoted.includes(code), `docs/wordpress.md quotes docs/wordpress-theme/${file} exactly`);
    }
  });
});
