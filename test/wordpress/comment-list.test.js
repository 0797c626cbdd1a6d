/**
 * `<comment-list>` against a real WordPress (scripts/wordpress.sh): the thread read
 * from `/wp/v2/comments` (nested replies, paging over 100 comments), a reply posted
 * from the list, and the reader's held comment, which WordPress never lists to them.
 * Each run makes a post of its own, its comments posted as the admin.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import {
  attr,
  commentForm,
  eventually,
  openReader,
  reader as newReader,
  strings,
  uniqueText,
  useWordPress,
} from './support/wordpress.js';

describe('<comment-list> against a real WordPress', { timeout: 180_000 }, () => {
  let wp;
  let pages;
  let browser;
  useWordPress((started) => ({ wp, pages, browser } = started));

  /** A post of this run with `count` comments: every 10th replies to the one before, and 3 answers 2. */
  let post;
  const ids = [];
  before(async () => {
    post = await wp.adminPost('/wp/v2/posts', {
      title: uniqueText('Comment list'),
      content: '<p>A post with many comments.</p>',
      status: 'publish',
    });
    for (let n = 1; n <= 105; n++) {
      const parent = n === 3 ? ids[1] : n % 10 === 0 ? ids[n - 2] : 0;
      const comment = await wp.adminPost('/wp/v2/comments', {
        post: post.id,
        parent,
        author_name: `Reader ${n}`,
        author_email: `reader-${n}@example.com`,
        content: uniqueText(`Comment ${n}`),
        date_gmt: new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString().slice(0, 19),
        status: 'approved',
      });
      ids.push(comment.id);
    }
  });

  const listPage = (postId, inner = '') =>
    pages.page(`<comment-list endpoint="${attr(wp.commentsEndpoint)}" post-id="${postId}">${inner}</comment-list>`);
  const withForm = (postId) =>
    listPage(postId, `<comment-form endpoint="${attr(wp.commentsEndpoint)}" post-id="${postId}"></comment-form>`);
  const articles = (page) => page.locator('comment-list article');
  /** WordPress's avatars are Gravatar's, which this offline machine cannot reach. */
  const offlineAvatars = {
    expectedErrors: ['0', '1', '2', 'secure'].map((host) => ({
      text: 'Failed to load resource: net::ERR_NAME_NOT_RESOLVED',
      url: `https://${host}.gravatar.com/`,
    })),
  };

  it('reads the thread from WordPress with nested replies, and pages over 100 comments', async (t) => {
    const session = await openReader(t, browser, offlineAvatars);
    const page = await session.open(listPage(post.id));
    await eventually(async () => assert.equal(await articles(page).count(), 20), { timeout: 15_000 });
    assert.equal(await page.locator('comment-list [part~="heading"]').textContent(), '105 comments');
    // Comment 3 is nested under comment 2.
    assert.equal(
      await page.locator(`comment-list li:has(> #comment-${ids[1]}) > ol > li > #comment-${ids[2]}`).count(),
      1,
    );
    const more = page.locator('comment-list [part~="load-more"]');
    for (let shown = 20; shown < 105; shown += 20) {
      await more.click();
      await eventually(async () => assert.equal(await articles(page).count(), Math.min(105, shown + 20)), {
        timeout: 15_000,
      });
    }
    assert.equal(await more.count(), 0);
    // Comment 100 (on the fifth page) replies to 99.
    assert.equal(
      await page.locator(`comment-list li:has(> #comment-${ids[98]}) > ol > li > #comment-${ids[99]}`).count(),
      1,
    );
    session.assertNoProblems();
  });

  it('inside <news-article>, as the README shows it, takes the post from the article and shows its comments', async (t) => {
    const session = await openReader(t, browser, offlineAvatars);
    const page = await session.open(
      pages.page(`<news-article src="${attr(wp.postUrl(post.id))}">
  <comment-list endpoint="${attr(wp.commentsEndpoint)}">
    <comment-form endpoint="${attr(wp.commentsEndpoint)}"></comment-form>
  </comment-list>
</news-article>`),
    );
    await page.locator('news-article[state="ready"]').waitFor({ timeout: 15_000 });
    await page.locator('comment-list').scrollIntoViewIfNeeded();
    await eventually(async () => assert.equal(await articles(page).count(), 20), { timeout: 15_000 });
    // The list's own heading: the form inside it has one too.
    assert.equal(await page.locator('comment-list [part~="heading"].heading').textContent(), '105 comments');
    assert.equal(await page.locator(`comment-list #comment-${ids[0]}`).count(), 1);
    session.assertNoProblems();
  });

  it('a reply posted from the list lands in WordPress with its parent, and shows under it at its WordPress #comment-ID', async (t) => {
    const session = await openReader(t, browser, offlineAvatars);
    const page = await session.open(withForm(post.id));
    await eventually(async () => assert.equal(await articles(page).count(), 20), { timeout: 15_000 });
    await page.locator(`comment-list #reply-${ids[4]}`).click();
    const form = commentForm(page);
    await eventually(async () =>
      assert.equal(await page.evaluate(() => document.querySelector('comment-form').parent), String(ids[4])),
    );
    const who = newReader('List Replier');
    const text = uniqueText('A reply from the list');
    await form.content.fill(text);
    await form.fillIdentity(who.name, who.email);
    await form.submit.click();
    await eventually(async () => assert.equal(await form.statusText(), strings.posted), { timeout: 15_000 });
    const stored = (await wp.allComments(post.id)).find((comment) => comment.author_email === who.email);
    assert.equal(stored.parent, ids[4]);
    await eventually(async () =>
      assert.equal(
        await page
          .locator(`comment-list li:has(> #comment-${ids[4]}) > ol > li > #comment-${stored.id}`, {
            hasText: text,
          })
          .count(),
        1,
      ),
    );
    session.assertNoProblems();
  });

  it('a held comment shows to its author across reloads, never in an anonymous GET, until the approved copy replaces it', async (t) => {
    const held = wp.posts.held.id;
    const session = await openReader(t, browser, offlineAvatars);
    const page = await session.open(withForm(held));
    await page.waitForFunction(() =>
      document.querySelector('comment-list')?.shadowRoot?.querySelector('[part~="heading"]'),
    );
    const form = commentForm(page);
    const who = newReader('Held Reader');
    const text = uniqueText('Waiting for an editor');
    await form.content.fill(text);
    await form.fillIdentity(who.name, who.email);
    await form.submit.click();
    await eventually(async () => assert.equal(await form.statusText(), strings.pending), { timeout: 15_000 });
    const mine = () => page.locator('comment-list article', { hasText: text });
    await eventually(async () =>
      assert.equal(await mine().locator('[part~="moderation"]').textContent(), 'Your comment is awaiting moderation.'),
    );
    assert.equal(
      (await wp.publicComments(held)).filter((comment) => comment.content.rendered.includes(text)).length,
      0,
    );
    // It shows at the id WordPress gave it, held.
    const stored = (await wp.allComments(held)).find((comment) => comment.author_email === who.email);
    assert.equal(stored.status, 'hold');
    assert.equal(await mine().getAttribute('id'), `comment-${stored.id}`);

    await page.reload();
    await eventually(async () => assert.equal(await mine().locator('[part~="moderation"]').count(), 1), {
      timeout: 15_000,
    });
    assert.equal(await mine().getAttribute('id'), `comment-${stored.id}`);

    await wp.adminPost(`/wp/v2/comments/${stored.id}`, { status: 'approved' });
    await page.reload();
    await eventually(async () => assert.equal(await page.locator(`comment-list #comment-${stored.id}`).count(), 1), {
      timeout: 15_000,
    });
    assert.equal(await mine().count(), 1, 'shown once');
    assert.equal(await mine().locator('[part~="moderation"]').count(), 0);
    session.assertNoProblems();
  });
});
