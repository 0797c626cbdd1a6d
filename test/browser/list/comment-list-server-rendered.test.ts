/**
 * A theme's own comments (WordPress 6.1's `wp_list_comments()` markup, html5 format)
 * inside <comment-list>: kept as they are, never fetched again, and their "Reply"
 * links move the form as WordPress's comment-reply.js does, with focus handled better.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { expectAccessible } from '../../support/expect-accessible.js';
import { $$, mountList, status, unmountAll } from './list-fixtures.js';

const comment = (id: number, name: string, text: string, children = '') => `
<li id="comment-${id}" class="comment even thread-even depth-1${children ? ' parent' : ''}">
  <article id="div-comment-${id}" class="comment-body">
    <footer class="comment-meta">
      <div class="comment-author vcard"><b class="fn">${name}</b> <span class="says">says:</span></div>
      <div class="comment-metadata"><a href="http://example.test/post/#comment-${id}"><time datetime="2026-11-01T09:00:00+00:00">1 November 2026 at 9:00 am</time></a></div>
    </footer>
    <div class="comment-content"><p>${text}</p></div>
    <div class="reply"><a rel="nofollow" class="comment-reply-link" href="?replytocom=${id}#respond" data-commentid="${id}" data-postid="1" data-belowelement="div-comment-${id}" data-respondelement="respond" data-replyto="Reply to ${name}" aria-label="Reply to ${name}">Reply</a></div>
  </article>
  ${children ? `<ol class="children">${children}</ol>` : ''}
</li>`;

/** The theme's own styles keep its Reply links 24 px high, as WordPress's default themes do. */
const themeThread = `<style>.comment-reply-link { display: inline-block; padding-block: 4px; }</style><ol class="comment-list">${comment(1, 'Olena', 'First!', comment(2, 'Ana', 'A reply.'))}${comment(3, 'Ben', 'Another.')}</ol>`;

describe('<comment-list> around a theme’s server-rendered comments', () => {
  afterEach(() => unmountAll());

  it('keeps the theme’s comments as they are and fetches nothing', async () => {
    // The endpoint always fails: any fetch would show the error state.
    const list = await mountList(
      `<comment-list endpoint="/list/wp/fail/wp-json/wp/v2/comments" post-id="1">${themeThread}<comment-form endpoint="/list/wp/fail/wp-json/wp/v2/comments" post-id="1"></comment-form></comment-list>`,
    );
    const thread = list.querySelector('ol.comment-list')!;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(list.querySelector('ol.comment-list')).to.equal(thread);
    expect(list.shadowRoot!.querySelector('[part~="error"], [part~="thread"]')).to.equal(null);
    expect(thread.getBoundingClientRect().height).to.be.greaterThan(0);
    await expectAccessible(list);
  });

  it('a theme’s "Reply" link moves the form under the comment and focuses it; Escape brings form and focus back', async () => {
    const endpoint = `/list/json/server-${Date.now()}/comments`;
    const list = await mountList(
      `<comment-list endpoint="${endpoint}" post-id="1">${themeThread}<comment-form endpoint="${endpoint}" post-id="1"></comment-form></comment-list>`,
    );
    const form = list.querySelector('comment-form')!;
    await form.updateComplete;
    const link = list.querySelector<HTMLAnchorElement>('#comment-2 .comment-reply-link')!;
    link.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => form.shadowRoot!.activeElement?.id === 'content', 'the comment box is focused');
    expect(location.search).to.not.contain('replytocom');
    expect(form.parentElement!.id).to.equal('comment-2');
    expect(form.previousElementSibling!.textContent).to.equal('Cancel reply');
    expect(form.parent).to.equal('2');
    expect(form.shadowRoot!.querySelector('[part~="heading"]')!.textContent!.trim()).to.equal('Reply to Ana');
    expect(status(list)).to.equal('The comment form is now under the comment by Ana.');
    await expectAccessible(list);

    await sendKeys({ press: 'Escape' });
    await waitUntil(() => document.activeElement === link, 'focus is back on the Reply link');
    expect(form.previousElementSibling).to.equal(list.querySelector('ol.comment-list'));
    expect(list.querySelector('.comment-list-cancel-reply')).to.equal(null);
    expect(form.parent).to.equal(undefined);

    // "Cancel reply" does the same.
    list.querySelector<HTMLAnchorElement>('#comment-3 .comment-reply-link')!.click();
    await waitUntil(() => form.parentElement!.id === 'comment-3', 'the form is under comment 3');
    list.querySelector<HTMLButtonElement>('.comment-list-cancel-reply')!.click();
    await waitUntil(
      () => document.activeElement === list.querySelector('#comment-3 .comment-reply-link'),
      'focus on its Reply link',
    );
    expect(status(list)).to.equal('Reply cancelled. The comment form is back in its place.');
  });

  it('shows the reader’s held comment after the theme’s comments, across reloads, until the theme lists it', async () => {
    const endpoint = `/list/json/server-held-${Date.now()}/comments`;
    // The server has the theme's three comments (ids 1 to 3); the reader's, held, is its fourth.
    for (const [name, content] of [
      ['Olena', 'First!'],
      ['Ana', 'A reply.'],
      ['Ben', 'Another.'],
    ]) {
      await fetch(endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `seed-${Math.random()}` },
        body: JSON.stringify({ postId: '1', parentId: null, name, email: 'seed@example.com', url: '', content }),
      });
    }
    await fetch(endpoint.replace(/comments$/, 'hold') + '?on=1', { method: 'POST' });
    const page = (thread: string) =>
      `<comment-list endpoint="${endpoint}" post-id="1">${thread}<comment-form endpoint="${endpoint}" post-id="1"></comment-form></comment-list>`;
    let list = await mountList(page(themeThread));
    const form = list.querySelector('comment-form')!;
    await form.updateComplete;
    for (const [id, value] of Object.entries({
      content: 'Held under a theme.',
      name: 'Dara',
      email: 'dara@example.com',
    })) {
      const control = form.shadowRoot!.querySelector<HTMLInputElement>(`#${id}`)!;
      control.value = value;
      control.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    }
    await form.updateComplete;
    form.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => $$(list, 'article').length === 1, 'the held comment shows');
    expect($$(list, 'article')[0]!.querySelector('[part~="moderation"]')).to.exist;

    unmountAll();
    list = await mountList(page(themeThread));
    await waitUntil(() => $$(list, 'article').length === 1, 'the held comment is back after a reload');

    // The theme lists it now (approved): the local copy gives way.
    unmountAll();
    const approved = `${themeThread.slice(0, -'</ol>'.length)}${comment(4, 'Dara', 'Held under a theme.')}</ol>`;
    list = await mountList(page(approved));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect($$(list, 'article')).to.have.length(0);
  });
});
