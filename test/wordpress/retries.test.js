/**
 * WordPress's own rules about posting again, met by `<comment-form>`: its duplicate
 * check, its flood rule (a second comment within 15 s), and an answer lost on its way
 * back to the browser. WordPress has no idempotency keys: the form relies on the
 * duplicate check, and every test counts the rows WordPress stored.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  attr,
  commentForm,
  commentText,
  consoleErrors,
  eventually,
  formReady,
  openReader,
  reader as newReader,
  recordFormEvents,
  sleep,
  storedDrafts,
  strings,
  uniqueText,
  useWordPress,
} from './support/wordpress.js';

describe('posting again to a real WordPress', { timeout: 120_000 }, () => {
  let wp;
  let pages;
  let browser;
  useWordPress((started) => ({ wp, pages, browser } = started));

  const formPage = (postId) =>
    pages.page(`<comment-form endpoint="${attr(wp.commentsEndpoint)}" post-id="${postId}"></comment-form>`);
  const commentsBy = async (postId, who) =>
    (await wp.allComments(postId)).filter((comment) => comment.author_email === who.email);
  /** Every POST to the comments endpoint and WordPress's answer: `[status, code]`. */
  function recordAnswers(page) {
    const answers = [];
    page.on('response', async (response) => {
      if (response.url() !== wp.commentsEndpoint || response.request().method() !== 'POST') return;
      const entry = [response.status()];
      answers.push(entry);
      // Errors carry WordPress's code; a created comment does not.
      const code = await response.json().then(
        (body) => body.code,
        () => undefined,
      );
      if (code !== undefined) entry.push(code);
    });
    page.on('requestfailed', (request) => {
      if (request.url() === wp.commentsEndpoint && request.method() === 'POST') answers.push(['failed']);
    });
    return answers;
  }

  it('the same comment posted twice is recognized as a duplicate: posted, and stored once', async (t) => {
    const { seed } = wp.posts;
    const session = await openReader(t, browser, {
      expectedErrors: [{ text: consoleErrors.conflict, url: wp.commentsEndpoint }],
    });
    const page = await session.open(formPage(seed.id));
    await formReady(page);
    const events = await recordFormEvents(page);
    const answers = recordAnswers(page);
    const form = commentForm(page);
    const who = newReader('Twice Reader');
    const text = uniqueText('I said this once.');
    await form.fillIdentity(who.name, who.email);

    await form.content.fill(text);
    await form.submit.click();
    await eventually(async () => assert.equal(await form.statusText(), strings.posted));
    assert.equal(await form.content.inputValue(), '');

    // The reader posts the very same words again (from another device, say, or to be sure).
    await form.content.fill(text);
    await form.submit.click();
    await eventually(async () => assert.equal((await events()).length, 2));
    assert.deepEqual(
      (await events()).map(({ type, status }) => [type, status]),
      [
        ['comment-form-success', 'approved'],
        ['comment-form-success', 'duplicate'],
      ],
    );
    // WordPress's 409 does not say whether the first copy was held, so the words stay neutral.
    assert.equal(await form.statusText(), strings.duplicate);
    assert.equal(await form.content.inputValue(), '', 'the duplicate is taken as posted: its text leaves the form');
    await eventually(() => assert.deepEqual(answers, [[201], [409, 'comment_duplicate']]));
    assert.deepEqual((await commentsBy(seed.id, who)).map(commentText), [text]);
    assert.deepEqual(await storedDrafts(page), []);
    session.assertNoProblems();
  });

  it('a second comment within 15 seconds meets the flood rule: the form waits, then it arrives, once', async (t) => {
    const { seed } = wp.posts;
    const session = await openReader(t, browser, {
      expectedErrors: [{ text: consoleErrors.badRequest, url: wp.commentsEndpoint }],
    });
    const page = await session.open(formPage(seed.id));
    await formReady(page);
    const events = await recordFormEvents(page);
    const answers = recordAnswers(page);
    const form = commentForm(page);
    const who = newReader('Quick Reader');
    const first = uniqueText('First thought.');
    const second = uniqueText('And another thing.');
    await form.fillIdentity(who.name, who.email);

    await form.content.fill(first);
    await form.submit.click();
    await eventually(async () => assert.equal(await form.statusText(), strings.posted));
    await form.content.fill(second);
    const sentAt = Date.now();
    await form.submit.click();

    // WordPress refuses it for now (comment_flood, with no Retry-After); the form keeps the text and waits 15 s.
    await eventually(async () => assert.equal(await form.statusText(), strings.retrying(15)));
    await eventually(() => assert.deepEqual(answers, [[201], [400, 'comment_flood']]));
    assert.equal(await form.content.inputValue(), second, 'the text stays while the form waits');
    assert.deepEqual((await commentsBy(seed.id, who)).map(commentText), [first]);
    await sleep(5000);
    assert.equal(answers.length, 2, 'no request during the wait');
    assert.deepEqual(await storedDrafts(page), [second], 'the waiting comment survives a closed tab');

    await eventually(async () => assert.equal(await form.statusText(), strings.posted), { timeout: 25_000 });
    const waited = Date.now() - sentAt;
    assert.ok(waited >= 14_000, `sent again after the flood wait, not before (${waited} ms)`);
    await eventually(() => assert.deepEqual(answers, [[201], [400, 'comment_flood'], [201]]));
    assert.deepEqual(
      (await events()).map(({ type, status }) => [type, status]),
      [
        ['comment-form-success', 'approved'],
        ['comment-form-success', 'approved'],
      ],
    );
    assert.equal(await form.content.inputValue(), '');
    assert.deepEqual((await commentsBy(seed.id, who)).map(commentText).sort(), [first, second].sort());
    assert.deepEqual(await storedDrafts(page), []);
    session.assertNoProblems();
  });

  it('when WordPress stores a comment but its answer is lost, the retry ends as posted: one comment, the draft cleared', async (t) => {
    const { seed } = wp.posts;
    const session = await openReader(t, browser, {
      expectedErrors: [
        { text: consoleErrors.aborted, url: wp.commentsEndpoint },
        { text: consoleErrors.conflict, url: wp.commentsEndpoint },
      ],
    });
    const page = await session.context.newPage();
    const posts = [];
    await page.route(
      (url) => url.href === wp.commentsEndpoint,
      async (route) => {
        const request = route.request();
        if (request.method() !== 'POST') return route.continue();
        posts.push(request.postDataJSON());
        if (posts.length > 1) return route.continue();
        // The first attempt reaches WordPress, which stores the comment; the browser never hears the answer.
        const response = await route.fetch();
        assert.equal(response.status(), 201);
        await route.abort('failed');
      },
    );
    const answers = recordAnswers(page);
    await page.goto(formPage(seed.id));
    await formReady(page);
    const events = await recordFormEvents(page);
    const form = commentForm(page);
    const who = newReader('Lost Reader');
    const text = uniqueText('My answer got lost on the way back.');
    await form.content.pressSequentially(text);
    await form.fillIdentity(who.name, who.email);
    await form.submit.click();

    await eventually(async () =>
      assert.match(await form.statusText(), /^Your comment could not be sent yet\. Trying again in \d+ seconds\.$/),
    );
    assert.deepEqual((await commentsBy(seed.id, who)).map(commentText), [text], 'the lost attempt landed');
    await eventually(async () => assert.equal(await form.statusText(), strings.duplicate), { timeout: 10_000 });
    assert.equal(posts.length, 2, 'one attempt and one retry');
    assert.deepEqual(posts[1], posts[0], 'the retry is the same comment');
    // WordPress's duplicate check confirms the first attempt.
    await eventually(() => assert.deepEqual(answers, [['failed'], [409, 'comment_duplicate']]));
    assert.deepEqual(
      (await events()).map(({ type, status }) => [type, status]),
      [['comment-form-success', 'duplicate']],
    );
    assert.equal(await form.content.inputValue(), '');
    assert.deepEqual((await commentsBy(seed.id, who)).map(commentText), [text], 'exactly one comment');

    // The draft is gone, and nothing is sent again on the next visit.
    await page.reload();
    await formReady(page);
    await sleep(1000);
    assert.equal(await form.content.inputValue(), '');
    assert.deepEqual(await storedDrafts(page), []);
    assert.equal(posts.length, 2);
    assert.deepEqual((await commentsBy(seed.id, who)).map(commentText), [text]);
    session.assertNoProblems();
  });
});
