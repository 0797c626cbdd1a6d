/**
 * `<comment-form>` whose engine is still on its way when the reader presses Post Comment:
 * the comment sent is what the box showed at the press, and nothing is sent when the reader
 * changed it meanwhile. The engine's delay is real: while the page holds the cookie
 * `failing-comment-engine=slow`, the test runner answers its chunk 1.5 s late
 * (test/failing-delivery-middleware.js). A file of its own: once the engine has arrived
 * in a page it stays.
 */
import { expect } from '@open-wc/testing';
import '../../../src/define.js';
import { loadCommentEngine } from '../../../src/comment/comment-engine-loader.js';
import { $, box, fill, newForm, startEachTestAfresh, storedContents } from './chunk-fixtures.js';
import { setChunkFailure } from '../../support/failing-chunks.js';

startEachTestAfresh();

describe('<comment-form> pressed before its engine arrived', () => {
  // The fault campaign's sequence: Post Comment on an empty box, then typing, while the engine came.
  it('sends nothing the reader typed after pressing Post Comment on an empty box', async () => {
    await setChunkFailure('failing-comment-engine', 'slow');
    const endpoint = `/api/t/engine-slow-${Date.now()}/comments`;
    const form = await newForm(endpoint, 'engine-slow');
    fill(form, { name: 'Ada', email: 'ada@example.com' });
    $(form, '[part~="submit"]').click();
    fill(form, { content: 'Typed after the press' });
    await loadCommentEngine();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await form.updateComplete;

    expect(await storedContents(endpoint), 'a comment was sent that the reader never posted').to.deep.equal([]);
    expect(box(form).value).to.equal('Typed after the press');
    expect(box(form).readOnly, 'the box holds a comment waiting to be sent').to.equal(false);
  });
});
