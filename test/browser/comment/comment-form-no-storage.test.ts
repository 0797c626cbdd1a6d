/**
 * <comment-form> in a browser where nothing can be stored: no IndexedDB and a
 * localStorage that refuses every write (as in some private modes and sandboxed
 * frames). The platform APIs are stubbed before the first form opens its store,
 * which is why this runs in a page of its own.
 */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { stub } from './storage-fixtures.js';
import { expectAccessible } from '../../support/expect-accessible.js';

// Stubs: `indexedDB` is missing and Storage.setItem throws a QuotaExceededError.
stub(window, 'indexedDB', { get: () => undefined });
stub(Storage.prototype, 'setItem', {
  value() {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  },
});
await import('../../../src/define.js');

describe('<comment-form> when drafts cannot be stored', () => {
  it('says plainly that the draft will not survive a reload, never claims it is saved, and still posts', async () => {
    const endpoint = `/api/t/no-storage-${Date.now()}/comments`;
    const form = document.createElement('comment-form');
    form.setAttribute('endpoint', endpoint);
    form.setAttribute('post-id', '5');
    document.body.append(form);
    await form.updateComplete;
    const root = form.shadowRoot!;
    const content = root.querySelector<HTMLTextAreaElement>('#content')!;
    content.value = 'Typed without storage';
    content.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await waitUntil(() => root.querySelector('.not-saved'), 'no warning that drafts are not kept', { timeout: 5000 });
    expect(root.querySelector('.not-saved')!.textContent!.trim()).to.equal(
      'Your draft cannot be saved in this browser. It will be lost if you leave or reload the page.',
    );
    // Nothing on screen claims the text is kept: the usual hint under the comment box is gone.
    expect(root.querySelector('#content-hint')).to.equal(null);
    expect(root.textContent).not.to.include('kept in this browser');
    await expectAccessible(form);
    for (const [id, value] of [
      ['name', 'A'],
      ['email', 'a@example.com'],
    ]) {
      const input = root.querySelector<HTMLInputElement>(`#${id}`)!;
      input.value = value!;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    }
    await form.updateComplete;
    const success = oneEvent(form, 'comment-form-success');
    root.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
    await success;
    const stored = await (await fetch(endpoint)).json();
    expect(stored.map((comment: { content: string }) => comment.content)).to.deep.equal(['Typed without storage']);
    form.remove();
  });
});
