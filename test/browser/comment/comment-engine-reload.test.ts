/**
 * `<comment-form>` whose engine (src/comment/comment-engine-loader.ts) cannot arrive: the
 * text typed meanwhile outlives a reload, and a wrapped server-rendered form posts natively.
 * The engine's absence is real: while the page holds the cookie `failing-comment-engine=1`
 * the test runner answers its chunk with 503 (test/failing-delivery-middleware.js). A reload
 * is the page's `pagehide`, then a new element on the same page, with the same tab (its
 * sessionStorage) and the same storage; test/e2e/comment-engine-chunk.test.js reloads for
 * real. The tests run in order in one page: once the engine has arrived it stays, so the one
 * where it arrives comes last.
 */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../src/define.js';
import { createCommentStore } from '../../../src/comment/comment-store.js';
import { draftKey } from '../../../src/comment/draft-key.js';
import {
  $,
  box,
  engineUnavailable,
  failEngine,
  fill,
  letEngineThrough,
  startEachTestAfresh,
  mount,
  mounted,
} from './chunk-fixtures.js';

const fixture = await (await fetch('/test/fixtures/wordpress-6.1-comment-form.html')).text();
/** WordPress's `<div id="respond">…</div>` with its form, as WordPress printed it. */
const respond = fixture.slice(fixture.indexOf('<div id="respond"'));

startEachTestAfresh();

describe('<comment-form> when its engine cannot be downloaded', () => {
  it('posts the server-rendered form it wraps natively, with what the reader typed', async () => {
    await failEngine();
    // WordPress's REST API link, so the form is taken over; the native post goes to a frame, not away from the tests.
    const link = document.createElement('link');
    link.rel = 'https://api.w.org/';
    link.href = '/wp-json/';
    document.head.append(link);
    mounted.push(link);
    const wrapper = mount(
      `<iframe name="native-post" title="Where the form posts"></iframe><comment-form>${respond
        .replace('action="http://127.0.0.1:8081/wp-comments-post.php"', 'action="/wp-comments-post.php"')
        .replace('id="commentform"', 'id="commentform" target="native-post"')}</comment-form>`,
    );
    const form = wrapper.querySelector('comment-form')!;
    const native = form.querySelector('form')!;
    await waitUntil(() => native.inert && form.shadowRoot!.querySelector('#content'), 'the form is not taken over');
    await form.updateComplete;
    fill(form, { content: 'Posted without the engine', name: 'Hanna', email: 'hanna@example.com' });
    $<HTMLInputElement>(form, '#remember').click();
    const frame = wrapper.querySelector('iframe')!;
    const posted = oneEvent(frame, 'load');
    $(form, '[part~="submit"]').click();
    await posted;
    expect(frame.contentWindow!.location.pathname).to.equal('/wp-comments-post.php');
    expect(native.querySelector('textarea')!.value).to.equal('Posted without the engine');
    expect(native.querySelector<HTMLInputElement>('[name="author"]')!.value).to.equal('Hanna');
    expect(native.querySelector<HTMLInputElement>('[name="email"]')!.value).to.equal('hanna@example.com');
    expect(native.querySelector<HTMLInputElement>('[name="wp-comment-cookies-consent"]')!.checked).to.equal(true);
    expect(form.shadowRoot!.querySelector('[part~="error-summary"]')).to.equal(null);
  });

  it('keeps what was typed before it arrived across a reload made right then', async () => {
    await failEngine();
    const postId = `engine-reload-${Date.now()}`;
    const markup = `<comment-form endpoint="/api/t/engine-reload/comments" post-id="${postId}"></comment-form>`;
    const form = mount(markup).querySelector('comment-form')!;
    await form.updateComplete;
    box(form).focus();
    fill(form, { content: 'Typed before the engine came' });
    await engineUnavailable();
    await form.updateComplete;
    expect(box(form).value).to.equal('Typed before the engine came');

    // The reader reloads (or closes the tab): the page is left, then loads again, with the engine.
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    for (const element of mounted.splice(0)) element.remove();
    await letEngineThrough();
    const restored = oneEvent(document, 'comment-form-draft-restore') as unknown as Promise<CustomEvent>;
    const again = mount(markup).querySelector('comment-form')!;
    await again.updateComplete;
    box(again).focus();
    expect(((await restored) as unknown as { content: string }).content).to.equal('Typed before the engine came');
    await again.updateComplete;
    expect(box(again).value).to.equal('Typed before the engine came');
    expect($(again, '[part~="status"]').textContent!.trim()).to.equal('Draft restored.');
    // The copy was made as the comment store makes its own: it reads it as this tab's draft.
    const draft = await createCommentStore().drafts.get(draftKey({ pageUrl: location.href, postId }));
    expect(draft?.content).to.equal('Typed before the engine came');
  });
});
