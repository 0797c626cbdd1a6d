/**
 * The code that sends comments is a chunk of its own (src/comment/comment-delivery-loader.ts),
 * downloaded before the reader needs it and, when that download fails, downloaded again.
 * The failure is real: while the page holds the cookie `failing-delivery=1` the test
 * runner answers the chunk with 503 (test/failing-delivery-middleware.js). The tests run
 * in order in one page: the first needs the chunk never to have been downloaded.
 */
import { expect } from '@open-wc/testing';
import type { CommentFormElement } from '../../../src/comment/comment-form.js';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define.js';
import { deleteDatabase } from './storage-fixtures.js';
import { $, fill, mounted, newForm as newFormFor, next, storedContents } from './chunk-fixtures.js';
import { setChunkFailure } from '../../support/failing-chunks.js';

let testCount = 0;
const newEndpoint = () => `/api/t/delivery-chunk-${Date.now()}-${testCount++}/comments`;
const status = (form: CommentFormElement) => $(form, '[part~="status"]').textContent!.trim();
/** Requests for the chunk so far, failed ones included. */
const chunkRequests = () =>
  performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/src/comment/comment-delivery.'));
const newForm = (endpoint: string) => newFormFor(endpoint, `chunk-${Date.now()}-${testCount}`);

beforeEach(async () => {
  localStorage.clear();
  await deleteDatabase('news-widgets');
});
afterEach(async () => {
  await setChunkFailure('failing-delivery', '');
  for (const wrapper of mounted.splice(0)) wrapper.remove();
});

describe('<comment-form>: the code that sends, downloaded apart', () => {
  it('keeps the comment in the outbox when that code cannot be downloaded, says so, and sends it once when it can', async () => {
    await setChunkFailure('failing-delivery', '1');
    const endpoint = newEndpoint();
    const form = await newForm(endpoint);
    // The first focus starts the download, which fails; the reader types on.
    $(form, '#content').focus();
    await sendKeys({ type: 'Typed' });
    fill(form, { content: 'Typed while the code was away', name: 'E', email: 'e@example.com' });

    const queued = next(form, 'comment-form-error');
    $(form, '[part~="submit"]').click();
    expect((await queued).reason).to.equal('queued');
    await form.updateComplete;
    // Online all along: the words do not say "when you are back online".
    expect(status(form)).to.equal(
      'The site could not take your comment yet. It is saved, and it will be sent by itself.',
    );
    expect($<HTMLTextAreaElement>(form, '#content').value).to.equal('Typed while the code was away');
    expect($<HTMLTextAreaElement>(form, '#content').readOnly).to.equal(true);
    expect($<HTMLInputElement>(form, '#name').value).to.equal('E');
    expect(await storedContents(endpoint)).to.deep.equal([]);

    // The chunk can be downloaded again: the next outbox round (here: back online) sends the comment.
    await setChunkFailure('failing-delivery', '');
    const success = next(form, 'comment-form-success');
    window.dispatchEvent(new Event('online'));
    await success;
    await form.updateComplete;
    expect($<HTMLTextAreaElement>(form, '#content').value).to.equal('');
    expect(await storedContents(endpoint)).to.deep.equal(['Typed while the code was away']);
    // Nothing sends it a second time: not another round, not another form on the page.
    window.dispatchEvent(new Event('online'));
    await newForm(endpoint);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await storedContents(endpoint)).to.have.length(1);
  });

  it('sends at once once the code is here, with no further download', async () => {
    const before = chunkRequests().length;
    const endpoint = newEndpoint();
    const form = await newForm(endpoint);
    fill(form, { content: 'Second comment', name: 'F', email: 'f@example.com' });
    const success = next(form, 'comment-form-success');
    $(form, '[part~="submit"]').click();
    await success;
    expect(await storedContents(endpoint)).to.deep.equal(['Second comment']);
    expect(chunkRequests().length).to.equal(before);
  });
});
