/**
 * A reader with two tabs on one article closes the one whose engine never came, after
 * typing into it: the tab still open offers that text at once, and the offer outlives a
 * reload. Tabs are same-origin frames sharing storage and BroadcastChannel
 * (test/support/reader-tabs.ts); the left tab's engine fails for real (its chunk answered
 * with 503 while the cookie is set, test/failing-delivery-middleware.js).
 */
import { expect, waitUntil } from '@open-wc/testing';
import { Reader } from '../../support/reader-tabs.js';

const engineArrived = (frame: HTMLIFrameElement) =>
  (frame.contentWindow as unknown as { engineArrived: () => boolean }).engineArrived();

describe('<comment-form>: a tab closed before its engine came, and another tab open', () => {
  let reader: Reader;
  beforeEach(() => (reader = new Reader()));
  afterEach(() => {
    document.cookie = 'failing-comment-engine=; path=/; max-age=0';
    reader.closeAll();
    localStorage.clear();
  });

  it('offers the closed tab’s text in the open tab at once, and after a reload', async () => {
    const open = await reader.openTab();
    reader.box(open).focus();
    await waitUntil(() => engineArrived(open), 'the open tab’s engine never came', { timeout: 10000 });
    document.cookie = 'failing-comment-engine=1; path=/';
    const left = await reader.openTab();
    const text = 'Typed in a tab whose engine never came';
    reader.type(left, text);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(engineArrived(left), 'the closed tab’s engine came after all').to.equal(false);
    reader.close(left);

    await waitUntil(() => reader.button(open, 'Use the text from the other tab'), 'the text is not offered', {
      timeout: 5000,
    });
    document.cookie = 'failing-comment-engine=; path=/; max-age=0';
    await reader.reload(open);
    await waitUntil(
      () => reader.button(open, 'Use the text from the other tab'),
      'the offer did not outlive a reload',
      {
        timeout: 5000,
      },
    );
    reader.button(open, 'Use the text from the other tab')!.click();
    await reader.form(open).updateComplete;
    expect(reader.box(open).value).to.equal(text);
  });
});
