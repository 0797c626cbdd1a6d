/**
 * Replying from <comment-list> with its <comment-form>, and the reader's own comment,
 * against the JSON protocol's reference endpoint (scripts/comment-endpoint.js, one per
 * test under /list/json/<name>/comments), with real IndexedDB across "reloads" (a new
 * element reading the same storage).
 */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CommentFormElement } from '../../../src/comment/comment-form.js';
import type { CommentListElement } from '../../../src/list/comment-list.js';
import { expectAccessible } from '../../support/expect-accessible.js';
import { $, $$, focused, mountList, shownIds, status, unmountAll, whenShown } from './list-fixtures.js';

let count = 0;
let endpoint = '';
let postId = '';

/** The next event of a type, typed as the element declares it. */
const next = <K extends keyof HTMLElementEventMap>(target: EventTarget, type: K) =>
  oneEvent(target, type) as unknown as Promise<HTMLElementEventMap[K]>;

async function post(fields: { content: string; name: string; parentId?: string }): Promise<void> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `seed-${Math.random()}` },
    body: JSON.stringify({
      postId,
      parentId: fields.parentId ?? null,
      email: 'reader@example.com',
      url: '',
      ...fields,
    }),
  });
  expect(response.status).to.equal(201);
}
const listed = async (): Promise<{ id: string; parentId: string; content: string }[]> =>
  (await fetch(`${endpoint}?postId=${postId}`)).json();
const hold = (on: boolean) => fetch(`${endpoint.replace(/comments$/, 'hold')}?on=${on ? 1 : 0}`, { method: 'POST' });
/** A moderator approves comment `id`: the server lists it from now on, under the same id. */
const approve = (id: string) => fetch(`${endpoint}/approve`, { method: 'POST', body: JSON.stringify({ id }) });

async function mountWithForm(): Promise<{ list: CommentListElement; form: CommentFormElement }> {
  const list = await mountList(
    `<comment-list endpoint="${endpoint}" post-id="${postId}"><comment-form endpoint="${endpoint}" post-id="${postId}"></comment-form></comment-list>`,
  );
  return { list, form: list.querySelector('comment-form')! };
}
const formPart = (form: CommentFormElement, selector: string) => form.shadowRoot!.querySelector<HTMLElement>(selector)!;
const formHeading = (form: CommentFormElement) => formPart(form, '[part~="heading"]').textContent!.trim();

async function fill(form: CommentFormElement, values: Record<string, string>): Promise<void> {
  for (const [id, value] of Object.entries(values)) {
    const control = formPart(form, `#${id}`) as HTMLInputElement;
    control.value = value;
    control.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  }
  await form.updateComplete;
}

describe('<comment-list> replies and the reader’s own comment', () => {
  beforeEach(async () => {
    count++;
    endpoint = `/list/json/reply-${Date.now()}-${count}/comments`;
    postId = `p${count}`;
    await post({ content: 'The first comment.', name: 'Olena' });
    await post({ content: 'A second one.', name: 'Ben' });
  });
  afterEach(() => unmountAll());

  it('"Reply" moves the form under the comment, retitles it, focuses the comment box and announces it; Escape brings form and focus back', async () => {
    const { list, form } = await mountWithForm();
    await whenShown(list, 2);
    const reply = $(list, '#reply-1')!;
    expect(reply.getAttribute('aria-label')).to.equal('Reply to Olena');
    const replied = next(list, 'comment-list-reply');
    reply.focus();
    await sendKeys({ press: 'Enter' });
    expect((await replied).commentId).to.equal('1');
    await waitUntil(() => form.shadowRoot!.activeElement?.id === 'content', 'the comment box is focused');
    expect(form.parent).to.equal('1');
    expect(form.assignedSlot!.closest('li')!.querySelector('article')!.id).to.equal('comment-1');
    expect(formHeading(form)).to.equal('Reply to Olena');
    expect(status(list)).to.equal('The comment form is now under the comment by Olena.');
    await expectAccessible(list);

    await sendKeys({ press: 'Escape' });
    await waitUntil(() => focused(list)?.id === 'reply-1', 'focus is back on Reply');
    expect(form.parent).to.equal(undefined);
    expect(form.assignedSlot!.closest('[part~="form"]')).to.exist;
    expect(status(list)).to.equal('Reply cancelled. The comment form is back in its place.');
    await form.updateComplete;
    expect(formHeading(form)).to.equal('Leave a comment');
  });

  it('"Cancel reply" brings the form and focus back, and a reply started earlier is still there when the reader returns', async () => {
    const { list, form } = await mountWithForm();
    await whenShown(list, 2);
    $(list, '#reply-2')!.click();
    await waitUntil(() => form.shadowRoot!.activeElement?.id === 'content', 'the comment box is focused');
    await sendKeys({ type: 'Half a reply' });
    await new Promise((resolve) => setTimeout(resolve, 800)); // the draft is saved as the reader types
    $(list, '[part~="cancel-reply"]')!.click();
    await waitUntil(() => focused(list)?.id === 'reply-2', 'focus is back on Reply');
    expect(form.parent).to.equal(undefined);
    expect(status(list)).to.equal('Reply cancelled. The comment form is back in its place.');
    $(list, '#reply-2')!.click();
    await waitUntil(
      () => (formPart(form, '#content') as HTMLTextAreaElement).value === 'Half a reply',
      'the reply draft is back',
    );
  });

  it('a reply’s text and the top-level comment’s stay apart: Cancel shows the top-level draft, Reply brings the reply back, and both survive a reload', async () => {
    const box = (form: CommentFormElement) => formPart(form, '#content') as HTMLTextAreaElement;
    const first = await mountWithForm();
    await whenShown(first.list, 2);
    await fill(first.form, { content: 'My own comment.' });
    $(first.list, '#reply-2')!.click();
    await waitUntil(() => first.form.shadowRoot!.activeElement?.id === 'content', 'the comment box is focused');
    await first.form.updateComplete;
    expect(box(first.form).value).to.equal('', 'the reply starts empty');
    await sendKeys({ type: 'Half a reply' });
    $(first.list, '[part~="cancel-reply"]')!.click();
    await waitUntil(() => box(first.form).value === 'My own comment.', 'the top-level draft is back after Cancel');
    $(first.list, '#reply-2')!.click();
    await waitUntil(() => box(first.form).value === 'Half a reply', 'the reply is back');

    // A reload while replying: both drafts are there.
    await sendKeys({ type: ', and more' });
    unmountAll();
    const again = await mountWithForm();
    await whenShown(again.list, 2);
    await waitUntil(() => box(again.form).value === 'My own comment.', 'the top-level draft after the reload');
    $(again.list, '#reply-2')!.click();
    await waitUntil(() => box(again.form).value === 'Half a reply, and more', 'the reply after the reload');
    $(again.list, '[part~="cancel-reply"]')!.click();
    await waitUntil(() => box(again.form).value === 'My own comment.', 'the top-level draft once more');
  });

  it('a reply posted from the list lands with its parent and shows under that comment at once, focused, at its own #comment-ID', async () => {
    const { list, form } = await mountWithForm();
    await whenShown(list, 2);
    $(list, '#reply-1')!.click();
    await waitUntil(() => form.parent === '1', 'replying');
    await form.updateComplete;
    await fill(form, { content: 'Agreed with you.', name: 'Dara', email: 'dara@example.com' });
    const posted = next(form, 'comment-form-success');
    formPart(form, 'button[type="submit"]').click();
    const { id } = await posted;
    await waitUntil(() => $$(list, 'article').length === 3, 'the reply shows');
    const reply = $$(list, 'article').find((article) => article.textContent!.includes('Agreed with you.'))!;
    expect(reply.closest('ol')!.closest('li')!.querySelector('article')!.id).to.equal('comment-1');
    await waitUntil(() => focused(list) === reply, 'the new reply is focused');
    expect(form.parent).to.equal(undefined);
    const landed = (await listed()).find((comment) => comment.content === 'Agreed with you.')!;
    expect(landed.parentId).to.equal('1');
    expect(id).to.equal(landed.id);
    expect(reply.id).to.equal(`comment-${landed.id}`);
    await expectAccessible(list);
  });

  it('keeps the reader’s comment held for moderation in view across reloads, until the approved copy replaces it', async () => {
    await hold(true);
    const { list: first, form } = await mountWithForm();
    let list = first;
    await whenShown(list, 2);
    await fill(form, { content: 'Waiting for a moderator.', name: 'Dara', email: 'dara@example.com' });
    const posted = next(form, 'comment-form-success');
    formPart(form, 'button[type="submit"]').click();
    expect((await posted).status).to.equal('pending');
    await waitUntil(() => $$(list, 'article').length === 3, 'the held comment shows');
    const held = () => $$(list, 'article').find((article) => article.textContent!.includes('Waiting for a moderator.'));
    expect(held()!.querySelector('[part~="moderation"]')!.textContent).to.equal('Your comment is awaiting moderation.');
    expect((await listed()).map((comment) => comment.content)).to.not.include('Waiting for a moderator.');
    await expectAccessible(list);

    // A reload: a new page view reads the comment back from IndexedDB.
    unmountAll();
    ({ list } = await mountWithForm());
    await whenShown(list, 3, 'the held comment is back after a reload');
    expect(held()!.querySelector('[part~="moderation"]')).to.exist;
    expect(shownIds(list).slice(0, 2)).to.deep.equal(['1', '2']);

    // The moderator approves it: the server lists it, and the local copy gives way.
    expect(held()!.id).to.equal('comment-3', 'the server’s id, from its answer');
    await approve('3');
    unmountAll();
    ({ list } = await mountWithForm());
    await whenShown(list, 3);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const copies = $$(list, 'article').filter((article) => article.textContent!.includes('Waiting for a moderator.'));
    expect(copies).to.have.length(1);
    expect(copies[0]!.id).to.equal('comment-3');
    expect(copies[0]!.querySelector('[part~="moderation"]')).to.equal(null);
  });

  it('shows a comment posted from a form beside the list, not one posted on another post', async () => {
    const list = await mountList(
      `<comment-form endpoint="${endpoint}" post-id="${postId}"></comment-form><comment-list endpoint="${endpoint}" post-id="${postId}"></comment-list>` +
        `<comment-form id="other" endpoint="${endpoint}" post-id="${postId}-other"></comment-form>`,
    );
    await whenShown(list, 2);
    const [form, other] = [...document.querySelectorAll('comment-form')];
    await form!.updateComplete;
    await fill(other!, { content: 'On another post.', name: 'Eli', email: 'eli@example.com' });
    const elsewhere = next(other!, 'comment-form-success');
    formPart(other!, 'button[type="submit"]').click();
    await elsewhere;
    await fill(form!, { content: 'From the form beside.', name: 'Dara', email: 'dara@example.com' });
    const posted = next(form!, 'comment-form-success');
    formPart(form!, 'button[type="submit"]').click();
    await posted;
    await waitUntil(() => $$(list, 'article').length === 3, 'the comment shows');
    expect($$(list, 'article')[2]!.textContent).to.contain('From the form beside.');
    expect($(list, '[part~="reply-button"]')).to.equal(null, 'no Reply without a form of its own');
  });

  it('puts the form above the list with form-position="above", under a heading at heading-level', async () => {
    const list = await mountList(
      `<comment-list endpoint="${endpoint}" post-id="${postId}" form-position="above" heading-level="3"><comment-form endpoint="${endpoint}" post-id="${postId}"></comment-form></comment-list>`,
    );
    await whenShown(list, 2);
    const form = list.querySelector('comment-form')!;
    const formBox = form.getBoundingClientRect();
    expect(formBox.bottom).to.be.at.most($(list, '#comment-1')!.getBoundingClientRect().top);
    expect($(list, '[part~="heading"]')!.localName).to.equal('h3');
    expect($(list, '[part~="heading"]')!.getBoundingClientRect().bottom).to.be.at.most(formBox.top);
    // Replying and Escape bring it back above the list.
    $(list, '#reply-1')!.click();
    await waitUntil(() => form.assignedSlot?.name === 'reply', 'the form moved under the comment');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => form.assignedSlot?.name === '', 'the form is back above the list');
    expect(form.getBoundingClientRect().bottom).to.be.at.most($(list, '#comment-1')!.getBoundingClientRect().top);
    await expectAccessible(list);
  });
});
