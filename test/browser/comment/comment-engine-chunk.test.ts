/**
 * `<comment-form>`'s engine (the lifecycle with the draft store, outbox and validation) is a
 * chunk of its own (src/comment/comment-engine-loader.ts): the fields take typing before it
 * arrives, and nothing typed meanwhile is lost. The engine's absence is real: while the page
 * holds the cookie `failing-comment-engine=1` the test runner answers its chunk with 503
 * (test/failing-delivery-middleware.js), so the engine cannot arrive until the cookie goes.
 * The tests run in order in one page: once the engine has arrived, it stays, so the one
 * that needs it never to have arrived comes first. Reloading before it arrives, and a wrapped
 * form, are in comment-engine-reload.test.ts.
 */
import { expect, waitUntil } from '@open-wc/testing';
import '../../../src/define.js';
import { openCommentStore } from '../../../src/comment/comment-store.js';
import { draftKey } from '../../../src/comment/draft-key.js';
import { expectAccessible } from '../../support/expect-accessible.js';
import {
  $,
  box,
  engineUnavailable,
  failEngine,
  fill,
  letEngineThrough,
  startEachTestAfresh,
  newForm,
  next,
  storedContents,
} from './chunk-fixtures.js';

let testCount = 0;
const newEndpoint = () => `/api/t/engine-chunk-${Date.now()}-${testCount++}/comments`;

startEachTestAfresh();

describe('<comment-form> before its engine has arrived', () => {
  it('says plainly that nothing was sent when the engine cannot be downloaded, keeps the text, and sends once it can', async () => {
    await failEngine();
    const endpoint = newEndpoint();
    const form = await newForm(endpoint, `engine-fails-${Date.now()}`);
    fill(form, { content: 'Posted while the engine was away', name: 'G', email: 'g@example.com' });
    $(form, '[part~="submit"]').click();
    await engineUnavailable();
    await waitUntil(() => form.shadowRoot!.querySelector('[part~="error-summary"]'), 'no error is shown');
    await form.updateComplete;
    const summary = $(form, '[part~="error-summary"]');
    expect(summary.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'There is a problem Your comment could not be posted. Part of this form could not be downloaded. Check your connection, then post your comment again: your text is kept.',
    );
    expect(form.shadowRoot!.activeElement).to.equal(summary);
    expect(box(form).value).to.equal('Posted while the engine was away');
    expect($<HTMLInputElement>(form, '#name').value).to.equal('G');
    expect($(form, '[part~="submit"]').getAttribute('aria-disabled')).to.equal('false');
    await expectAccessible(form);
    expect(await storedContents(endpoint)).to.deep.equal([]);

    // The connection is back: the same button downloads the engine and posts the comment, once.
    await letEngineThrough();
    const success = next(form, 'comment-form-success');
    $(form, '[part~="submit"]').click();
    await success;
    await form.updateComplete;
    expect(box(form).value).to.equal('');
    expect(form.shadowRoot!.querySelector('[part~="error-summary"]')).to.equal(null);
    expect(await storedContents(endpoint)).to.deep.equal(['Posted while the engine was away']);
  });

  it('offers the earlier draft when one is restored after the reader started typing', async () => {
    const postId = `engine-earlier-${Date.now()}`;
    // A draft from this tab's earlier visit to the page (the page's own store: no other tab).
    await openCommentStore().drafts.save(draftKey({ pageUrl: location.href, postId }), 'The draft from yesterday');
    const form = await newForm(newEndpoint(), postId);
    // Typed before the engine is there (its module is downloaded already: it starts a moment after this input).
    fill(form, { content: 'What I typed today' });
    expect(form.value.content).to.equal('What I typed today');
    await waitUntil(() => form.shadowRoot!.querySelector('.other-version'), 'the earlier draft is not offered', {
      timeout: 5000,
    });
    expect(box(form).value).to.equal('What I typed today');
    expect(form.shadowRoot!.querySelector('.other-version')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Another version of this comment is kept in this browser. Switch to the other version',
    );
    await expectAccessible(form);
    form.shadowRoot!.querySelector<HTMLButtonElement>('.other-version button')!.click();
    await form.updateComplete;
    expect(box(form).value).to.equal('The draft from yesterday');
    // Today's text is kept aside in its place, never dropped.
    form.shadowRoot!.querySelector<HTMLButtonElement>('.other-version button')!.click();
    await form.updateComplete;
    expect(box(form).value).to.equal('What I typed today');
  });
});
