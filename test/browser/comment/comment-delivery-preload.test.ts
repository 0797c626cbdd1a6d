/**
 * The code that sends comments is a chunk of its own (src/comment/comment-delivery-loader.ts),
 * downloaded before the reader presses "Post Comment": on the first focus in the form, or
 * once the page is idle. In a page of its own, where nothing has downloaded it yet.
 */
import { expect, waitUntil } from '@open-wc/testing';
import '../../../src/define.js';
import type { CommentFormElement } from '../../../src/comment/comment-form.js';

const chunkRequests = () =>
  performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/src/comment/comment-delivery.'));

describe('<comment-form>: the code that sends arrives before it is needed', () => {
  it('is not part of the page until a form is, then is downloaded before the reader sends', async () => {
    expect(chunkRequests()).to.have.length(0);
    const wrapper = document.createElement('div');
    wrapper.innerHTML = '<comment-form endpoint="/api/t/preload/comments" post-id="1"></comment-form>';
    document.body.append(wrapper);
    try {
      const form = wrapper.querySelector('comment-form') as CommentFormElement;
      await form.updateComplete;
      form.shadowRoot!.querySelector<HTMLElement>('#content')!.focus();
      await waitUntil(() => chunkRequests().length > 0, 'the chunk was not downloaded', { timeout: 5000 });
      expect(chunkRequests()).to.have.length(1);
    } finally {
      wrapper.remove();
    }
  });
});
