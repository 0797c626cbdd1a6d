/**
 * The WordPress plugin (wordpress-plugin/), from the zip `npm run build:wordpress` writes,
 * uploaded through wp-admin into the real test WordPress 6.1 (scripts/wordpress.sh) and
 * activated by a site owner, on Debian's Twenty Twenty-One (a classic theme) and Twenty
 * Twenty-Three (a block theme). No theme is edited: the plugin wraps the comment form and
 * the thread each theme prints, and readers comment with or without JavaScript.
 *
 * The README's must-use line (anonymous REST comments) is set aside while these tests
 * run: the plugin decides that. Every comment is read back from WordPress; the PHP log
 * is read at the end.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { axeViolations } from '../e2e/support/axe.js';
import {
  addMustUsePlugin,
  deactivate,
  newAccount,
  phpErrorLog,
  setAsideAnonymousCommentsLine,
  setUpgrades,
  sitePhp,
  uploadAndActivate,
} from './support/plugin-site.js';
import {
  commentText,
  eventually,
  focusedInForm,
  formReady,
  openReader,
  reader as newReader,
  storedDrafts,
  strings,
  uniqueText,
  useWordPress,
} from './support/wordpress.js';
import { answerAvatars, noFavicon, recordCommentPosts, signIn, takenOverForm } from './support/wordpress-page.js';

const THEMES = [
  { slug: 'twentytwentyone', name: 'Twenty Twenty-One, a classic theme' },
  { slug: 'twentytwentythree', name: 'Twenty Twenty-Three, a block theme' },
];

describe('the WordPress plugin, uploaded as a zip and activated', { timeout: 600_000 }, () => {
  let wp;
  let browser;
  useWordPress((started) => ({ wp, browser } = started));

  let log;
  let anonymousLine;
  /** The site owner's browser, signed in to wp-admin. */
  let owner;
  before(async () => {
    // A site as scripts/wordpress.sh leaves it, without the plugin of an earlier run that stopped half way.
    await sitePhp(wp, 'restore');
    log = phpErrorLog();
    anonymousLine = setAsideAnonymousCommentsLine();
    const account = await newAccount(wp, newReader('Site Owner'), 'administrator');
    const context = await browser.newContext();
    owner = await context.newPage();
    await signIn(wp, owner, account);
    await uploadAndActivate(wp, owner);
  });
  /** The posts this run made, deleted at the end: other tests read the site's latest posts. */
  const madePosts = [];
  after(async () => {
    await owner?.context().close();
    anonymousLine?.restore();
    if (wp) await sitePhp(wp, 'restore');
    if (wp && madePosts.length) await sitePhp(wp, 'forget', ...madePosts);
  });

  /** A post of this run, without comments. */
  async function newPost(title) {
    const post = await wp.adminPost('/wp/v2/posts', {
      title: uniqueText(title),
      content: '<p>A report readers answer.</p>',
      status: 'publish',
    });
    madePosts.push(post.id);
    return post;
  }
  /** A post of this run with an approved comment and an approved reply to it, by two readers. */
  async function postWithThread(title) {
    const post = await newPost(title);
    const comment = await wp.adminPost('/wp/v2/comments', {
      post: post.id,
      author_name: 'Ada Reader',
      author_email: 'ada-reader@example.com',
      content: uniqueText('The first comment.'),
      status: 'approved',
    });
    const reply = await wp.adminPost('/wp/v2/comments', {
      post: post.id,
      parent: comment.id,
      author_name: 'Bo Reader',
      author_email: 'bo-reader@example.com',
      content: uniqueText('A reply to the first.'),
      status: 'approved',
    });
    return { id: post.id, comment: comment.id, reply: reply.id };
  }

  /** A reader's browser on the post's page; the themes show avatars from gravatar.com, outside this machine's network. */
  async function openPost(t, postId, options = {}) {
    const session = await openReader(t, browser, { expectedErrors: [noFavicon(wp)] });
    await answerAvatars(session.context);
    const page = await session.context.newPage();
    if (options.signIn) await signIn(wp, page, options.signIn);
    const posts = recordCommentPosts(page);
    // Which of the plugin's two bundles the page asked for (news-widgets.js, or news-widgets-comments.js).
    const bundles = [];
    page.on('request', (request) => {
      const bundle = /\/assets\/(news-widgets(?:-comments)?\.js)$/.exec(new URL(request.url()).pathname)?.[1];
      if (bundle) bundles.push(bundle);
    });
    await page.goto(wp.pageUrl(postId));
    return { session, page, posts, bundles };
  }
  /** Types a comment into the taken-over form (as `who`, unless signed in) and sends it; waits for the status. */
  async function sendWithElement(page, text, who, status) {
    const form = takenOverForm(page);
    await form.content.fill(text);
    if (who) await form.fillIdentity(who.name, who.email);
    await form.submit.click();
    await eventually(async () => assert.equal(await form.statusText(), status), { timeout: 15_000 });
  }
  const commentsBy = async (postId, who) =>
    (await wp.allComments(postId)).filter((comment) => comment.author_email === who.email);

  for (const theme of THEMES) {
    describe(theme.name, () => {
      let post;
      before(async () => {
        await sitePhp(wp, 'theme', theme.slug);
        post = await postWithThread(`Comments on ${theme.slug}`);
      });

      it('without JavaScript, a comment and a reply post through wp-comments-post.php', async (t) => {
        const context = await browser.newContext({ javaScriptEnabled: false });
        t.after(() => context.close());
        await answerAvatars(context);
        const page = await context.newPage();
        const posts = recordCommentPosts(page);
        await page.goto(wp.pageUrl(post.id));
        // The theme's thread and WordPress's form, inside the elements, on show as the theme prints them.
        assert.equal(await page.locator('comment-list > ol.comment-list > li').count(), 1);
        assert.equal(await page.locator('comment-list comment-form form#commentform').isVisible(), true);
        const send = async (who, text) => {
          await page.getByRole('textbox', { name: /^Comment/ }).fill(text);
          await page.getByRole('textbox', { name: /^Name/ }).fill(who.name);
          await page.getByRole('textbox', { name: /^Email/ }).fill(who.email);
          await Promise.all([
            page.waitForURL((url) => url.hash.startsWith('#comment-')),
            page.getByRole('button', { name: 'Post Comment' }).click(),
          ]);
        };
        const who = newReader(`No Script ${theme.slug}`);
        const text = uniqueText('Posted with JavaScript off.');
        await send(who, text);
        const [comment] = await commentsBy(post.id, who);
        assert.equal(commentText(comment), text);
        // Reply: WordPress's link opens the form as a reply to that comment (?replytocom=).
        await Promise.all([
          page.waitForURL((url) => url.searchParams.get('replytocom') === String(post.comment)),
          page.locator(`a.comment-reply-link[data-commentid="${post.comment}"]`).click(),
        ]);
        // Another reader: WordPress takes no second comment from one reader within 15 s.
        const replier = newReader(`No Script Replier ${theme.slug}`);
        const reply = uniqueText('A reply with JavaScript off.');
        await send(replier, reply);
        const [landed] = await commentsBy(post.id, replier);
        assert.deepEqual([commentText(landed), landed.parent], [reply, post.comment]);
        assert.equal(posts.native().length, 2);
        assert.equal(posts.rest().length, 0);
        assert.match(await page.locator('ol.comment-list').textContent(), new RegExp(reply.replace(/[.()]/g, '\\$&')));
      });

      it('with JavaScript, a comment posts through the REST API exactly once, its draft kept across a reload before sending', async (t) => {
        const { session, page, posts, bundles } = await openPost(t, post.id);
        await formReady(page);
        assert.equal(await page.locator('form#commentform').isVisible(), false, 'WordPress’s form is taken over');
        assert.deepEqual(
          bundles,
          ['news-widgets-comments.js'],
          'a post without an article of ours loads the comments bundle',
        );
        const form = takenOverForm(page);
        const who = newReader(`Script ${theme.slug}`);
        const text = uniqueText('Written, reloaded, then posted.');
        await form.content.fill(text);
        await form.fillIdentity(who.name, who.email);
        await eventually(async () => assert.ok((await storedDrafts(page)).includes(text)));
        await page.reload();
        await formReady(page);
        await eventually(async () => assert.equal(await form.content.inputValue(), text));
        await form.fillIdentity(who.name, who.email);
        await form.submit.click();
        await eventually(async () => assert.equal(await form.statusText(), strings.posted), { timeout: 15_000 });
        assert.equal(posts.rest().length, 1);
        assert.equal(posts.native().length, 0);
        assert.deepEqual((await commentsBy(post.id, who)).map(commentText), [text]);
        await eventually(async () => assert.deepEqual(await storedDrafts(page), []));
        session.assertNoProblems();
      });

      it('Reply moves the form under the comment, and Cancel brings it back, with focus; a reply posts through the REST API once', async (t) => {
        const { session, page, posts } = await openPost(t, post.id);
        await formReady(page);
        const replyLink = page.locator(`a.comment-reply-link[data-commentid="${post.reply}"]`);
        await replyLink.click();
        // Under the comment, as a reply to it, with the comment box focused.
        await eventually(async () =>
          assert.equal(await page.evaluate(() => document.querySelector('comment-form').parent), String(post.reply)),
        );
        assert.equal(await page.locator(`li#comment-${post.reply} comment-form`).count(), 1);
        assert.equal(page.url(), wp.pageUrl(post.id), 'no page load');
        await eventually(async () => assert.equal(await focusedInForm(page), 'content'));
        const cancel = page.getByRole('button', { name: 'Cancel reply', exact: true });
        await cancel.click();
        await eventually(async () =>
          assert.equal(await page.locator(`li#comment-${post.reply} comment-form`).count(), 0),
        );
        assert.notEqual(await page.evaluate(() => document.querySelector('comment-form').parent), String(post.reply));
        assert.equal(await replyLink.evaluate((link) => link === document.activeElement), true, 'focus on Reply');

        await replyLink.click();
        await eventually(async () => assert.equal(await focusedInForm(page), 'content'));
        const who = newReader(`Replier ${theme.slug}`);
        const text = uniqueText('A reply with JavaScript.');
        await sendWithElement(page, text, who, strings.posted);
        assert.equal(posts.rest().length, 1);
        const [landed] = await commentsBy(post.id, who);
        assert.deepEqual([commentText(landed), landed.parent], [text, post.reply]);
        // Shown to the reader at once, at the id WordPress gave it.
        await eventually(async () => assert.equal(await page.locator(`comment-list #comment-${landed.id}`).count(), 1));
        session.assertNoProblems();
      });

      it('a comment held for moderation shows to its author, after a reload too, on a post without comments yet', async (t) => {
        const held = await newPost(`Held comments on ${theme.slug}`);
        await sitePhp(wp, 'hold', held.id);
        const { session, page } = await openPost(t, held.id);
        await formReady(page);
        const who = newReader(`Held ${theme.slug}`);
        const text = uniqueText('Waiting for an editor.');
        await sendWithElement(page, text, who, strings.pending);
        const [stored] = await commentsBy(held.id, who);
        assert.equal(stored.status, 'hold');
        const mine = () => page.locator(`comment-list #comment-${stored.id}`, { hasText: text });
        await eventually(async () => assert.match(await mine().textContent(), /Your comment is awaiting moderation\./));
        await page.reload();
        await eventually(
          async () => assert.match(await mine().textContent(), /Your comment is awaiting moderation\./),
          {
            timeout: 15_000,
          },
        );
        session.assertNoProblems();
      });

      it('a signed-in reader posts as themselves, with the nonce', async (t) => {
        const who = newReader(`Signed In ${theme.slug}`);
        const account = await newAccount(wp, who, 'subscriber');
        const { session, page, posts } = await openPost(t, post.id, { signIn: account });
        await formReady(page);
        assert.equal(await page.evaluate(() => document.querySelector('comment-form').identity), 'hidden');
        const text = uniqueText('Posted while signed in.');
        await sendWithElement(page, text, null, strings.posted);
        assert.equal(posts.rest().length, 1);
        assert.ok(posts.rest()[0].headers['x-wp-nonce'], 'the REST request carries the nonce');
        const [landed] = (await wp.allComments(post.id)).filter((comment) => commentText(comment) === text);
        assert.equal(landed.author_name, account.name);
        assert.notEqual(landed.author, 0, 'posted as the signed-in user');
        session.assertNoProblems();
      });

      it('axe finds nothing on the post page', async (t) => {
        const { session, page } = await openPost(t, post.id);
        await formReady(page);
        await page.waitForFunction(() => document.querySelector('comment-list')?.shadowRoot);
        // WordPress 6.1's Navigation block (Twenty Twenty-Three's header) labels a role-less <div>: WordPress's markup.
        const navigationBlock = /^aria-prohibited-attr: \["\.wp-block-navigation__responsive-dialog"\] /;
        assert.deepEqual(
          (await axeViolations(page)).filter((violation) => !navigationBlock.test(violation)),
          [],
        );
        session.assertNoProblems();
      });
    });
  }

  it('[news_article] shows an article from another site’s REST API, and its attributes are printed escaped', async (t) => {
    const made = async (title, content) => {
      const post = await wp.adminPost('/wp/v2/posts', { title: uniqueText(title), content, status: 'publish' });
      madePosts.push(post.id);
      return post;
    };
    const { seed } = wp.posts;
    const embedded = await made('An embedded article', `[news_article src="${wp.postUrl(seed.id)}"]`);
    const { session, page, bundles } = await openPost(t, embedded.id);
    await page.locator('news-article[state="ready"]').waitFor({ timeout: 15_000 });
    assert.equal(await page.locator('news-article [part~="headline"]').textContent(), seed.title);
    // Its comments too are upgraded, by the same bundle.
    await page.locator('comment-form #content').waitFor({ timeout: 15_000 });
    assert.deepEqual(bundles, ['news-widgets.js'], 'a post with an article of ours loads the full bundle, and only it');
    session.assertNoProblems();

    // A value that would end the attribute, and an address that is not a web page's.
    const hostile = await made(
      'A hostile shortcode',
      `[news_article src="${wp.postUrl(seed.id)}" item='x" onfocus="alert(1)'] [news_article src="javascript:alert(1)"]`,
    );
    const context = await browser.newContext({ javaScriptEnabled: false });
    t.after(() => context.close());
    const noScript = await context.newPage();
    await noScript.goto(wp.pageUrl(hostile.id));
    assert.deepEqual(
      await noScript
        .locator('news-article')
        .evaluateAll((all) => all.map((article) => [article.getAttribute('item'), article.hasAttribute('onfocus')])),
      [['x" onfocus="alert(1)', false]],
    );
  });

  it('under the tag names of the news_widgets_tag_names filter, the form is taken over while another script holds <comment-form>', async (t) => {
    const post = await postWithThread('Renamed tags');
    const otherPlugin = addMustUsePlugin(
      'news-widgets-test-renamed-tags.php',
      `<?php
// Another plugin's <comment-form>, and the filter that gives news-widgets' form another tag.
add_action('wp_head', function () { echo "<script>customElements.define('comment-form', class extends HTMLElement {});</script>\\n"; });
add_filter('news_widgets_tag_names', function (array $tags): array { $tags['comment-form'] = 'news-comment-form'; return $tags; });
`,
    );
    t.after(() => otherPlugin.remove());
    const { session, page } = await openPost(t, post.id);
    const bundleRequests = [];
    page.on(
      'request',
      (request) =>
        /\/news-widgets(-comments)?\.js$/.test(new URL(request.url()).pathname) && bundleRequests.push(request.url()),
    );
    await page.reload();
    await page.waitForFunction(() =>
      document.querySelector('news-comment-form')?.shadowRoot?.querySelector('#content'),
    );
    assert.equal(await page.locator('form#commentform').isVisible(), false, 'WordPress’s form is taken over');
    assert.equal(await page.locator('comment-form, comment-list').count(), 0);
    const who = newReader('Renamed Tag Reader');
    const text = uniqueText('Posted through a renamed form.');
    await page.locator('news-comment-form form[part~="form"] #content').fill(text);
    await page.locator('news-comment-form form[part~="form"] #name').fill(who.name);
    await page.locator('news-comment-form form[part~="form"] #email').fill(who.email);
    await page.locator('news-comment-form [part~="submit"]').click();
    await eventually(async () => assert.deepEqual((await commentsBy(post.id, who)).map(commentText), [text]), {
      timeout: 15_000,
    });
    assert.deepEqual(
      bundleRequests.map((url) => new URL(url).pathname.split('/').pop()),
      ['news-widgets-comments.js'],
      'the comments bundle is loaded once, at one address',
    );
    session.assertNoProblems();
  });

  it('the REST API takes no anonymous comment where the site’s form would not: registration required, or the form upgrade off', async (t) => {
    const post = await postWithThread('Anonymous comments');
    const anonymous = (who) =>
      fetch(wp.commentsEndpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          post: post.id,
          author_name: who.name,
          author_email: who.email,
          content: uniqueText('Hi'),
        }),
      });
    assert.equal((await anonymous(newReader('Anonymous Allowed'))).status, 201);

    await sitePhp(wp, 'option', 'comment_registration', '1');
    t.after(() => sitePhp(wp, 'option', 'comment_registration', '0'));
    assert.equal((await anonymous(newReader('Anonymous Registered Only'))).status, 401);
    // The page shows WordPress's "You must be logged in" instead of a form, and no element.
    const { session, page } = await openPost(t, post.id);
    assert.equal(await page.locator('comment-form').count(), 0);
    assert.match(await page.locator('#respond').textContent(), /must be logged in/);
    await sitePhp(wp, 'option', 'comment_registration', '0');

    await setUpgrades(wp, owner, { form: false, list: true });
    t.after(() => setUpgrades(wp, owner, { form: true, list: true }));
    assert.equal((await anonymous(newReader('Anonymous Form Off'))).status, 401);
    session.assertNoProblems();
  });

  it('the site’s discussion settings reach <comment-list>: depth, comments per page, order and avatars', async (t) => {
    const post = await postWithThread('Discussion settings');
    const settings = {
      thread_comments: ['1', '1'],
      thread_comments_depth: ['3', '5'],
      page_comments: ['1', '0'],
      comments_per_page: ['7', '50'],
      comment_order: ['desc', 'asc'],
      show_avatars: ['0', '1'],
    };
    for (const [name, [value, standard]] of Object.entries(settings)) {
      await sitePhp(wp, 'option', name, value);
      t.after(() => sitePhp(wp, 'option', name, standard));
    }
    const { session, page } = await openPost(t, post.id);
    const list = page.locator('comment-list');
    await eventually(async () => assert.equal(await list.count(), 1));
    assert.deepEqual(
      await list.evaluate((element) => ({
        depth: element.getAttribute('depth'),
        perPage: element.getAttribute('per-page'),
        order: element.getAttribute('order'),
        hideAvatars: element.hasAttribute('hide-avatars'),
      })),
      { depth: '3', perPage: '7', order: 'desc', hideAvatars: true },
    );
    session.assertNoProblems();
  });

  it('Settings → News Widgets is the site owner’s alone: a subscriber is turned away, and a save without its nonce is refused', async (t) => {
    const subscriber = await newAccount(wp, newReader('Curious Subscriber'), 'subscriber');
    const context = await browser.newContext();
    t.after(() => context.close());
    const page = await context.newPage();
    await signIn(wp, page, subscriber);
    const answer = await page.goto(`${wp.origin}/wp-admin/options-general.php?page=news-widgets`);
    assert.equal(answer.status(), 403);
    assert.doesNotMatch(await page.content(), /Upgrade the comment form/);

    // The owner's own session, but not from the page: no nonce.
    const forged = await owner.request.post(`${wp.origin}/wp-admin/options.php`, {
      form: { option_page: 'news-widgets', action: 'update', 'news_widgets_options[list]': '' },
      maxRedirects: 0,
    });
    assert.equal(forged.status(), 403);
    await owner.goto(`${wp.origin}/wp-admin/options-general.php?page=news-widgets`);
    assert.equal(await owner.getByRole('checkbox', { name: /^Upgrade the comment form/ }).isChecked(), true);
    assert.equal(await owner.getByRole('checkbox', { name: /^Upgrade the comments/ }).isChecked(), true);
  });

  it('Settings → News Widgets turns the comments upgrade and the form upgrade off', async (t) => {
    const post = await postWithThread('Settings');
    await setUpgrades(wp, owner, { form: true, list: false });
    t.after(() => setUpgrades(wp, owner, { form: true, list: true }));
    const { session, page } = await openPost(t, post.id);
    await formReady(page);
    assert.equal(await page.locator('comment-list').count(), 0);
    assert.equal(await page.locator('ol.comment-list > li, ol.wp-block-comment-template > li').count(), 1);

    await setUpgrades(wp, owner, { form: false, list: false });
    await page.reload();
    assert.equal(await page.locator('comment-form, comment-list').count(), 0);
    assert.equal(await page.locator('form#commentform').isVisible(), true);
    session.assertNoProblems();
  });

  it('deactivating restores each theme’s own form and thread', async (t) => {
    const post = await postWithThread('Deactivated');
    await deactivate(wp, owner);
    for (const theme of THEMES) {
      await sitePhp(wp, 'theme', theme.slug);
      const { session, page } = await openPost(t, post.id);
      await page.waitForLoadState('load');
      assert.equal(await page.locator('comment-form, comment-list').count(), 0, theme.slug);
      assert.equal(await page.locator('script[src*="news-widgets"]').count(), 0, theme.slug);
      assert.equal(await page.locator('form#commentform').isVisible(), true, theme.slug);
      assert.equal(
        await page.locator('ol.comment-list > li, ol.wp-block-comment-template > li').count(),
        1,
        theme.slug,
      );
      session.assertNoProblems();
    }
  });

  it('deleting the plugin deletes its settings', async () => {
    assert.deepEqual(JSON.parse(await sitePhp(wp, 'delete')), { deleted: true, optionLeft: false });
  });

  it('WordPress logged no PHP notice, warning or error', () => {
    // WordPress 6.1 predates PHP 8.2, the PHP Debian 12 ships: its own files log deprecations, which are WordPress's.
    const ownDeprecation =
      /^\[[^\]]+\] PHP Deprecated: .* in \/usr\/share\/wordpress\/wp-(includes|admin)\/\S+ on line \d+$/;
    assert.deepEqual(
      log.linesSince().filter((line) => !ownDeprecation.test(line)),
      [],
      `${log.file} has lines`,
    );
  });
});
