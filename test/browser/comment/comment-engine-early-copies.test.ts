/**
 * Text typed before `<comment-form>`'s engine arrived, on two visits that both ended before
 * it came: the first visit's text is back in the box at once on the second, what is typed
 * there joins it, and the engine keeps the whole when it comes. The engine's absence is real (its chunk answered
 * with 503 while the cookie is set, test/failing-delivery-middleware.js); a reload is the
 * page's `pagehide`, then a new element on the same page with the same storage. A file of
 * its own: once the engine has arrived in a page it stays.
 */
import { expect } from '@open-wc/testing';
import '../../../src/define.js';
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
  next,
} from './chunk-fixtures.js';

startEachTestAfresh();

describe('<comment-form>: text typed on visits that ended before its engine arrived', () => {
  // The fault campaign's sequence type, reload, type, close (test/campaign/pending-comment.campaign.ts).
  it('keeps the words of two visits that both ended before the engine came', async () => {
    const markup = `<comment-form endpoint="/api/t/early-copy/comments" post-id="two-visits-${Date.now()}"></comment-form>`;
    await failEngine();
    const first = mount(markup).querySelector('comment-form')!;
    await first.updateComplete;
    fill(first, { content: 'w1' });
    await engineUnavailable();
    leavePage();

    const second = mount(markup).querySelector('comment-form')!;
    await second.updateComplete;
    expect(box(second).value, 'the first visit’s words are not back at once').to.equal('w1');
    fill(second, { content: 'w1 w2' });
    await engineUnavailable();
    leavePage();

    await letEngineThrough();
    const wrapper = document.createElement('div');
    mounted.push(wrapper);
    // Asked for at once, with no focus: the engine restores the text and keeps it as the draft.
    const restored = next(wrapper, 'comment-form-draft-restore' as keyof HTMLElementEventMap);
    wrapper.innerHTML = markup;
    document.body.append(wrapper);
    const third = wrapper.querySelector('comment-form')!;
    await third.updateComplete;
    expect(box(third).value).to.equal('w1 w2');
    expect(((await restored) as unknown as { content: string }).content).to.equal('w1 w2');
    await third.updateComplete;
    expect(box(third).value).to.equal('w1 w2');
    expect($(third, '.other-version'), 'a part of the same text is offered as another version').to.equal(null);
  });
});
