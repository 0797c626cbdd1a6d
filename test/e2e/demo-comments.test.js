/**
 * The conversation under the demo's article, with the demo's own endpoint rules
 * (demo/demo-comment-endpoint.js): it starts from the seed conversation
 * (demo/seed-comments.json), and a comment with the word "moderate" is held for
 * moderation. The reader who wrote a held comment sees it, marked as awaiting
 * moderation, across a reload; nobody else does, until a moderator approves it.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { demoEndpointOptions } from '../../demo/demo-comment-endpoint.js';
import { commentForm, demoReady, eventually, openReader, shownComments, useDemoServer } from './support/demo.js';
import { axeViolations } from './support/axe.js';

const SEED = JSON.parse(readFileSync(new URL('../../demo/seed-comments.json', import.meta.url), 'utf8'));
/** The words <comment-list> shows in English (src/list/comment-list.strings.ts). */
const AWAITING_MODERATION = 'Your comment is awaiting moderation.';

const list = (page) => page.locator('comment-list');
/** The list's "N comments" heading (the form inside the list has a heading of its own). */
const heading = async (page) => (await list(page).locator('[part~="heading"].heading').textContent()).trim();
/** The ids of the comments shown, in reading order, each with the id of the comment it is nested under. */
const shownThread = (page) =>
  list(page)
    .locator('article')
    .evaluateAll((articles) =>
      articles.map((article) => ({
        id: article.id.replace('comment-', ''),
        nestedUnder: article.parentElement.parentElement.closest('li')?.querySelector(':scope > article')?.id ?? null,
      })),
    );
const moderationNotes = (page) => list(page).locator('[part~="moderation"]').allTextContents();

/** Writes and posts a comment with the demo's form, and waits until the list shows it. */
async function post(page, text, name = 'Olena') {
  const form = commentForm(page);
  await form.content.fill(text);
  await form.fillIdentity(name, `${name.toLowerCase()}@example.com`);
  await form.submit.click();
  await eventually(async () => assert.ok((await shownComments(page)).includes(text), `"${text}" is shown`), {
    timeout: 10000,
  });
}

describe('the conversation under the demo article', { timeout: 120_000 }, () => {
  let demo;
  let browser;
  useDemoServer((started) => ({ demo, browser } = started));

  it('shows the seed conversation under the article, replies nested under what they answer', async (t) => {
    demo.reset(demoEndpointOptions());
    const reader = await openReader(t, browser, demo);
    const page = await reader.openPage();
    await list(page).scrollIntoViewIfNeeded();
    await eventually(async () => assert.equal(await heading(page), `${SEED.comments.length} comments`), {
      timeout: 10000,
    });
    const byId = new Map(SEED.comments.map((comment) => [comment.id, comment]));
    assert.deepEqual(
      await shownThread(page),
      SEED.comments.map((comment) => ({
        id: comment.id,
        nestedUnder: comment.parentId === '0' ? null : `comment-${comment.parentId}`,
      })),
    );
    assert.ok(
      SEED.comments.some((comment) => comment.parentId !== '0' && byId.get(comment.parentId).parentId !== '0'),
      'the seed has a reply to a reply',
    );
    assert.deepEqual(
      await shownComments(page),
      SEED.comments.map((comment) => comment.content.replace(/\n\s*\n/g, '')),
    );
    assert.deepEqual(await axeViolations(page), []);
    reader.assertNoProblems();
  });

  it('holds a comment with a moderation word: its author sees it awaiting moderation across a reload, nobody else does', async (t) => {
    demo.reset(demoEndpointOptions());
    const author = await openReader(t, browser, demo);
    const page = await author.openPage();
    const seeded = `${SEED.comments.length} comments`;
    await list(page).scrollIntoViewIfNeeded();
    await eventually(async () => assert.equal(await heading(page), seeded), { timeout: 10000 });

    const held = 'Please moderate the thread above: it is drifting off topic.';
    await post(page, held);
    assert.deepEqual(await moderationNotes(page), [AWAITING_MODERATION]);
    assert.equal(await heading(page), seeded, 'a held comment is not counted');
    assert.deepEqual(await axeViolations(page), [], 'with a held comment on show');
    // The endpoint lists it to nobody: an anonymous GET does not have it.
    assert.ok(!(await demo.comments()).some((comment) => comment.content === held));

    await page.reload();
    await demoReady(page);
    await list(page).scrollIntoViewIfNeeded();
    await eventually(async () => assert.ok((await shownComments(page)).includes(held), 'still shown after a reload'), {
      timeout: 10000,
    });
    assert.deepEqual(await moderationNotes(page), [AWAITING_MODERATION]);
    const heldId = (await list(page).locator('article[part~="comment-pending"]').getAttribute('id')).replace(
      'comment-',
      '',
    );

    // Another reader sees the seed conversation only.
    const other = await openReader(t, browser, demo);
    const otherPage = await other.openPage();
    await list(otherPage).scrollIntoViewIfNeeded();
    await eventually(async () => assert.equal(await heading(otherPage), seeded), { timeout: 10000 });
    assert.ok(!(await shownComments(otherPage)).includes(held));

    // A comment without the word is shown to everyone at once.
    const approved = 'Thank you for the clear summary.';
    await post(otherPage, approved, 'Bohdan');
    assert.deepEqual(await moderationNotes(otherPage), []);
    assert.ok((await demo.comments()).some((comment) => comment.content === approved));

    // Once a moderator approves it, its author sees it as everyone does, once.
    const approval = await fetch(`${demo.endpointUrl}/approve`, {
      method: 'POST',
      body: JSON.stringify({ id: heldId }),
    });
    assert.equal(approval.status, 200);
    await page.reload();
    await demoReady(page);
    await list(page).scrollIntoViewIfNeeded();
    await eventually(async () => assert.equal(await heading(page), `${SEED.comments.length + 2} comments`), {
      timeout: 10000,
    });
    assert.equal((await shownComments(page)).filter((text) => text === held).length, 1);
    assert.deepEqual(await moderationNotes(page), []);
    author.assertNoProblems();
    other.assertNoProblems();
  });
});
