/**
 * <comment-list> reading a WordPress-shaped comment list from the test server
 * (test/comment-list-middleware.js) in real browsers: the thread, depth, order, paging,
 * permalinks, the states and their events, with axe in each state.
 */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { expectAccessible } from '../../support/expect-accessible.js';
import { $, $$, focused, headingText, mountList, shownIds, status, unmountAll, whenShown } from './list-fixtures.js';

const wp = (scenario: string) => `/list/wp/${scenario}/wp-json/wp/v2/comments`;

describe('<comment-list> reading comments', () => {
  afterEach(() => {
    unmountAll();
    localStorage.removeItem('news-widgets.comment-list.order');
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('shows the thread as an ordered list of articles under an "N comments" heading, replies nested', async () => {
    const list = await mountList(`<comment-list endpoint="${wp('thread')}" post-id="1"></comment-list>`);
    await whenShown(list, 7);
    expect(headingText(list)).to.equal('7 comments');
    const thread = $(list, 'ol[part~="thread"]')!;
    expect([...thread.children].map((item) => item.localName)).to.deep.equal(['li', 'li', 'li']);
    expect(shownIds(list)).to.deep.equal(['1', '2', '3', '4', '5', '6', '7']);
    // 2 and 4 answer 1; 3 answers 2.
    expect($(list, '#comment-1')!.parentElement!.querySelector(':scope > ol > li > #comment-2')).to.exist;
    expect($(list, '#comment-2')!.parentElement!.querySelector(':scope > ol > li > #comment-3')).to.exist;
    await expectAccessible(list);
  });

  it('shows author, a relative date with the UTC date as title, a permalink, and a fixed-size lazy avatar', async () => {
    const list = await mountList(`<comment-list endpoint="${wp('thread')}" post-id="1"></comment-list>`);
    await whenShown(list, 7);
    const comment = $(list, '#comment-6')!;
    const link = comment.querySelector<HTMLAnchorElement>('[part~="author"]')!;
    expect(link.textContent).to.equal('Dara');
    expect(link.rel).to.equal('nofollow ugc');
    expect(link.href).to.equal('https://dara.example/');
    const time = comment.querySelector('time')!;
    expect(time.dateTime).to.equal('2026-11-01T09:06:00.000Z');
    expect(time.title).to.contain('2026');
    expect(time.textContent).to.match(/ago|month|year|week|day/);
    expect(time.closest('a')!.getAttribute('href')).to.equal('#comment-6');
    const avatar = comment.querySelector('img')!;
    expect([avatar.getAttribute('loading'), avatar.width, avatar.height, avatar.alt]).to.deep.equal([
      'lazy',
      48,
      48,
      '',
    ]);
    expect($(list, '#comment-1 img')).to.equal(null);
    expect($(list, '#comment-1 [part~="content"]')!.textContent!.trim()).to.equal('Comment number 1.');
  });

  it('shows hostile comment HTML as safe content: no script runs, no unsafe link, names as text', async () => {
    const list = await mountList(`<comment-list endpoint="${wp('html')}" post-id="1"></comment-list>`);
    await whenShown(list, 2);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((window as { __listXss?: number }).__listXss).to.equal(undefined);
    expect($(list, '#comment-1 strong')!.textContent).to.equal('bold');
    expect($$(list, 'script, iframe, [onerror]')).to.have.length(0);
    expect($(list, '#comment-2 [part~="content"] a')!.hasAttribute('href')).to.equal(false);
    expect($(list, '#comment-2 [part~="author"]')!.textContent).to.equal('Ana');
  });

  it('fetches nothing until the list is near the viewport', async () => {
    const list = await mountList(
      `<div style="block-size: 6000px"></div><comment-list endpoint="${wp('thread')}" post-id="1"></comment-list>`,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect($$(list, 'article')).to.have.length(0);
    expect(headingText(list)).to.equal('Comments');
    await expectAccessible(list);
    const loaded = oneEvent(list, 'load');
    list.scrollIntoView();
    await loaded;
    await whenShown(list, 7);
  });

  it('nests replies to the depth attribute and lists deeper ones flat, saying whom they answer', async () => {
    const list = await mountList(`<comment-list endpoint="${wp('chain')}" post-id="1" depth="3"></comment-list>`);
    await whenShown(list, 8);
    expect($(list, '#comment-3')!.closest('li')!.dataset.depth).to.equal('3');
    expect($(list, '#comment-5')!.closest('li')!.dataset.depth).to.equal('3');
    expect($(list, '#comment-5 [part~="in-reply-to"]')!.textContent).to.equal('in reply to Reader 4');
    expect($(list, '#comment-3 [part~="in-reply-to"]')).to.equal(null);
    await expectAccessible(list);
  });

  it('switches to newest first and remembers it on the next visit', async () => {
    const list = await mountList(`<comment-list endpoint="${wp('thread')}" post-id="1"></comment-list>`);
    await whenShown(list, 7);
    const newest = () => $$(list, '[part~="order-button"]')[1]!;
    expect(newest().getAttribute('aria-pressed')).to.equal('false');
    newest().click();
    await waitUntil(() => shownIds(list)[0] === '6', 'newest first');
    expect(shownIds(list)).to.deep.equal(['6', '7', '5', '1', '2', '3', '4']);
    expect(newest().getAttribute('aria-pressed')).to.equal('true');
    await expectAccessible(list);
    unmountAll();
    const again = await mountList(`<comment-list endpoint="${wp('thread')}" post-id="1"></comment-list>`);
    await whenShown(again, 7);
    expect(shownIds(again)[0]).to.equal('6');
  });

  it('starts newest first when the site says so (order="desc"), until the reader picks an order', async () => {
    const list = await mountList(`<comment-list endpoint="${wp('thread')}" post-id="1" order="desc"></comment-list>`);
    await whenShown(list, 7);
    expect(shownIds(list)).to.deep.equal(['6', '7', '5', '1', '2', '3', '4']);
    const oldest = () => $$(list, '[part~="order-button"]')[0]!;
    expect(oldest().getAttribute('aria-pressed')).to.equal('false');
    oldest().click();
    await waitUntil(() => shownIds(list)[0] === '1', 'oldest first');
    unmountAll();
    // The reader's choice outlasts the site's default.
    const again = await mountList(`<comment-list endpoint="${wp('thread')}" post-id="1" order="desc"></comment-list>`);
    await whenShown(again, 7);
    expect(shownIds(again)[0]).to.equal('1');
  });

  it('shows no avatar with hide-avatars, where WordPress gives one', async () => {
    const list = await mountList(`<comment-list endpoint="${wp('thread')}" post-id="1" hide-avatars></comment-list>`);
    await whenShown(list, 7);
    expect($(list, '#comment-6 [part~="author"]')!.textContent).to.equal('Dara');
    expect($$(list, 'img')).to.have.length(0);
    list.hideAvatars = false;
    await waitUntil(() => $(list, '#comment-6 img'), 'the avatar never shows once allowed');
  });

  it('shows 20 comments, then "Load N more" puts focus on the first new one and announces it', async () => {
    const list = await mountList(`<comment-list endpoint="${wp('many-45')}" post-id="1"></comment-list>`);
    await whenShown(list, 20);
    expect(headingText(list)).to.equal('45 comments');
    expect($$(list, 'article')).to.have.length(20);
    const more = $(list, '[part~="load-more"]')!;
    expect(more.textContent!.trim()).to.equal('Load 20 more');
    more.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $$(list, 'article').length === 40, 'the second page shows');
    await waitUntil(() => focused(list)?.localName === 'article', 'focus on a new comment');
    // 21 is the first comment of page 2, a reply to 20.
    expect(focused(list)!.id).to.equal('comment-21');
    expect(status(list)).to.equal('20 more comments loaded.');
    expect($(list, '[part~="load-more"]')!.textContent!.trim()).to.equal('Load 5 more');
    await expectAccessible(list);
    $(list, '[part~="load-more"]')!.click();
    await waitUntil(() => $$(list, 'article').length === 45, 'the last page shows');
    await list.updateComplete;
    expect($(list, '[part~="load-more"]')).to.equal(null);
  });

  it('loads pages until a permalinked comment appears, then scrolls to it, focuses and highlights it', async () => {
    history.replaceState(null, '', '#comment-41');
    const list = await mountList(
      `<div style="block-size: 6000px"></div><comment-list endpoint="${wp('many-45')}" post-id="1"></comment-list>`,
    );
    await waitUntil(() => focused(list)?.id === 'comment-41', 'the permalinked comment is focused', { timeout: 10000 });
    expect($(list, '#comment-41')!.classList.contains('highlighted')).to.equal(true);
    const box = $(list, '#comment-41')!.getBoundingClientRect();
    expect(box.top).to.be.within(-1, innerHeight);
    await expectAccessible(list);
    // A permalink clicked later, to a comment already shown.
    location.hash = '#comment-3';
    await waitUntil(() => focused(list)?.id === 'comment-3', 'the clicked permalink is focused');
  });

  it('says "No comments yet. Be the first." when there are none', async () => {
    const list = await mountList(`<comment-list endpoint="${wp('empty')}" post-id="1"></comment-list>`);
    await oneEvent(list, 'load');
    await list.updateComplete;
    expect($(list, '[part~="empty"]')!.textContent).to.equal('No comments yet. Be the first.');
    expect(headingText(list)).to.equal('0 comments');
    await expectAccessible(list);
  });

  it('says the comments could not be loaded, with "Try again" that loads them', async () => {
    const list = await mountList(`<comment-list endpoint="${wp(`flaky-${Date.now()}`)}" post-id="1"></comment-list>`);
    await oneEvent(list, 'error');
    await list.updateComplete;
    expect($(list, '[part~="error"]')!.getAttribute('role')).to.equal('alert');
    expect($(list, '[part~="error"] p')!.textContent).to.equal('The comments could not be loaded.');
    await expectAccessible(list);
    const loaded = oneEvent(list, 'load');
    $(list, '[part~="retry"]')!.click();
    await loaded;
    await whenShown(list, 7);
  });

  it('shows "Loading comments…" while the first page is on its way', async () => {
    const list = await mountList(`<comment-list endpoint="${wp('slow-800')}" post-id="1"></comment-list>`);
    await waitUntil(() => $(list, '[part~="loading"]'), 'loading shows');
    expect($(list, '[part~="loading"]')!.textContent).to.equal('Loading comments…');
    await expectAccessible(list);
    await whenShown(list, 7);
  });

  it('speaks the page’s language, right to left in Arabic, with its plural rules, and each Reply button’s name starts with the word it shows', async () => {
    const list = await mountList(
      `<div lang="ar" dir="rtl"><comment-list endpoint="${wp('thread')}" post-id="1"><comment-form endpoint="${wp('thread')}" post-id="1"></comment-form></comment-list></div>`,
    );
    await whenShown(list, 7);
    await waitUntil(() => headingText(list).includes('تعليقات'), 'the Arabic heading (7 is "few" in Arabic)');
    expect($$(list, '[part~="order-button"]')[0]!.textContent!.trim()).to.equal('الأقدم أولًا');
    const replies = $(list, '#comment-1')!.parentElement!.querySelector<HTMLElement>(':scope > ol')!;
    expect(parseFloat(getComputedStyle(replies).paddingRight)).to.be.greaterThan(0);
    expect(parseFloat(getComputedStyle(replies).paddingLeft)).to.equal(0);
    const reply = $(list, '#reply-1')!;
    await waitUntil(() => reply.textContent!.trim() === 'رد', 'the Arabic Reply');
    expect(reply.getAttribute('aria-label')!.startsWith(`${reply.textContent!.trim()} `)).to.equal(true);
    await expectAccessible(list);
  });

  it('takes its accent from --comment-list-accent, else the form’s --comment-form-accent', async () => {
    const list = await mountList(
      `<div style="--comment-form-accent: rgb(0, 0, 128)"><comment-list endpoint="${wp('thread')}" post-id="1"></comment-list></div>`,
    );
    await whenShown(list, 7);
    const pressed = () => $(list, '[part~="order-button"][aria-pressed="true"]')!;
    expect(getComputedStyle(pressed()).backgroundColor).to.equal('rgb(0, 0, 128)');
    list.style.setProperty('--comment-list-accent', 'rgb(128, 0, 0)');
    expect(getComputedStyle(pressed()).backgroundColor).to.equal('rgb(128, 0, 0)');
  });

  it('shows 500 comments in pages of 100, each shown over short updates, focus on the first new one each time', async () => {
    const list = await mountList(
      `<comment-list endpoint="${wp('many-500')}" post-id="1" per-page="100"></comment-list>`,
    );
    await whenShown(list, 100);
    expect(headingText(list)).to.equal('500 comments');
    for (let page = 2; page <= 5; page++) {
      $(list, '[part~="load-more"]')!.click();
      await waitUntil(() => $$(list, 'article').length === page * 100, `page ${page}`, { timeout: 15000 });
      await waitUntil(() => focused(list)?.localName === 'article', 'focus on a new comment');
    }
    expect(new Set(shownIds(list)).size).to.equal(500);
    expect($(list, '[part~="load-more"]')).to.equal(null);
  });

  it('follows a permalink to a comment on the fifth page of 100', async () => {
    history.replaceState(null, '', '#comment-480');
    const list = await mountList(
      `<comment-list endpoint="${wp('many-500')}" post-id="1" per-page="100"></comment-list>`,
    );
    await waitUntil(() => focused(list)?.id === 'comment-480', 'the permalinked comment is focused', {
      timeout: 15000,
    });
    expect($(list, '#comment-480')!.classList.contains('highlighted')).to.equal(true);
  });
});
