/**
 * Text typed before `<comment-form>`'s engine arrived, on a page left before it came: it
 * is back in the box at once on the next visit, what is typed there joins it, and it meets
 * a draft stored on an earlier visit: after the reload, the newer text is in the box and
 * the older one is offered, neither lost. The engine's absence is real (its chunk answered
 * with 503 while the cookie is set, test/failing-delivery-middleware.js); a reload is the
 * page's `pagehide`, then a new element on the same page with the same storage. A file of
 * its own: once the engine has arrived in a page it stays.
 */
import { expect, waitUntil } from '@open-wc/testing';
import '../../../src/define.js';
import { createCommentStore } from '../../../src/comment/comment-store.js';
import { draftKey, earlyCopyKey } from '../../../src/comment/draft-key.js';
import {
  $,
  box,
  engineUnavailable,
  failEngine,
  fill,
  letEngineThrough,
  startEachTestAfresh,
  mount,
  leavePage,
  mounted,
} from './chunk-fixtures.js';

startEachTestAfresh();

describe('<comment-form>: text typed before its engine arrived, and an older draft', () => {
  it('keeps the words of two tabs that were both left before the engine came', async () => {
    const markup = `<comment-form endpoint="/api/t/early-copy/comments" post-id="two-tabs-${Date.now()}"></comment-form>`;
    await failEngine();
    const [tabA, tabB] = [mount(markup), mount(markup)].map((wrapper) => wrapper.querySelector('comment-form')!);
    await Promise.all([tabA!.updateComplete, tabB!.updateComplete]);
    fill(tabA!, { content: 'From the first tab' });
    fill(tabB!, { content: 'From the second tab' });
    await engineUnavailable();
    // Each tab leaves on its own (removed, each copies its text as a page left does).
    tabA!.remove();
    tabB!.remove();
    for (const element of mounted.splice(0)) element.remove();

    // Back, with the engine still away: both texts are in the box at once.
    const again = mount(markup).querySelector('comment-form')!;
    await again.updateComplete;
    expect(box(again).value).to.equal('From the first tab\n\nFrom the second tab');
    await engineUnavailable();
    for (const element of mounted.splice(0)) element.remove();
  });

  it('shows the newer text after a reload and offers the older draft', async () => {
    const postId = `early-copy-${Date.now()}`;
    const key = draftKey({ pageUrl: location.href, postId });
    await createCommentStore().drafts.save(key, 'The draft from yesterday');
    await failEngine();
    const markup = `<comment-form endpoint="/api/t/early-copy/comments" post-id="${postId}"></comment-form>`;
    const form = mount(markup).querySelector('comment-form')!;
    await form.updateComplete;
    box(form).focus();
    fill(form, { content: 'What I typed today' });
    await engineUnavailable();

    leavePage();
    await letEngineThrough();
    const again = mount(markup).querySelector('comment-form')!;
    await again.updateComplete;
    box(again).focus();
    await waitUntil(() => box(again).value === 'What I typed today', 'the newer text is not in the box', {
      timeout: 5000,
    });
    await waitUntil(() => $(again, '.other-version'), 'the older draft is not offered');
    const store = createCommentStore();
    await waitUntil(
      async () => (await store.drafts.get(`${key}|other-version`))?.content === 'The draft from yesterday',
    );
    expect((await store.drafts.get(key))?.content).to.equal('What I typed today');
  });

  // The reader types on while the engine arrives: the copy handed over holds the first keys,
  // and the draft of the last keys can be written before the engine reads that copy.
  it('offers no other version when the newer text is the older one typed on', async () => {
    const postId = `early-copy-typed-on-${Date.now()}`;
    const key = draftKey({ pageUrl: location.href, postId });
    const store = createCommentStore();
    await store.drafts.saveBeforeLeaving(earlyCopyKey(key), 'Written before the switc');
    await new Promise((resolve) => setTimeout(resolve, 5));
    await store.drafts.save(key, 'Written before the switch.');
    const form = mount(
      `<comment-form endpoint="/api/t/early-copy/comments" post-id="${postId}"></comment-form>`,
    ).querySelector('comment-form')!;
    await form.updateComplete;
    box(form).focus();
    await waitUntil(() => box(form).value === 'Written before the switch.', 'the draft is not in the box', {
      timeout: 5000,
    });
    await waitUntil(async () => (await store.drafts.get(earlyCopyKey(key))) === undefined, 'the copy is still kept');
    await form.updateComplete;
    expect($(form, '.other-version'), 'another version is offered').to.equal(null);
    expect(await store.drafts.get(`${key}|other-version`)).to.equal(undefined);
    expect((await store.drafts.get(key))?.content).to.equal('Written before the switch.');
  });
});
