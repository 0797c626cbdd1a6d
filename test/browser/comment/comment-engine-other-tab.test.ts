/**
 * A reader with two tabs on one article closes the one whose engine never came, after
 * typing into it: the tab still open offers that text at once, and the offer outlives a
 * reload. Tabs are same-origin frames sharing storage and BroadcastChannel
 * (test/support/reader-tabs.ts); the left tab's engine fails for real (its chunk answered
 * with 503 while the cookie is set, test/failing-delivery-middleware.js).
 */
import { expect, waitUntil } from '@open-wc/testing';
import { createCommentStore } from '../../../src/comment/comment-store.js';
import { draftKey } from '../../../src/comment/draft-key.js';
import { Reader } from '../../support/reader-tabs.js';
import { setChunkFailure } from '../../support/failing-chunks.js';

const engineArrived = (frame: HTMLIFrameElement) =>
  (frame.contentWindow as unknown as { engineArrived: () => boolean }).engineArrived();

describe('<comment-form>: a tab closed before its engine came, and another tab open', () => {
  let reader: Reader;
  beforeEach(() => (reader = new Reader()));
  afterEach(async () => {
    await setChunkFailure('failing-comment-engine', '');
    reader.closeAll();
    localStorage.clear();
  });

  it('offers the closed tab’s text in the open tab at once, and after a reload', async () => {
    const open = await reader.openTab();
    reader.box(open).focus();
    await waitUntil(() => engineArrived(open), 'the open tab’s engine never came', { timeout: 10000 });
    await setChunkFailure('failing-comment-engine', '1');
    const left = await reader.openTab();
    const text = 'Typed in a tab whose engine never came';
    reader.type(left, text);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(engineArrived(left), 'the closed tab’s engine came after all').to.equal(false);
    reader.close(left);

    await waitUntil(() => reader.button(open, 'Use the text from the other tab'), 'the text is not offered', {
      timeout: 5000,
    });
    await setChunkFailure('failing-comment-engine', '');
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

describe('<comment-form>: the other version kept, while another tab’s text is on offer', () => {
  let reader: Reader;
  beforeEach(() => (reader = new Reader()));
  afterEach(() => {
    reader.closeAll();
    localStorage.clear();
  });

  // The fault campaign's sequence: a tab left its text, another tab's live text was offered since, and the
  // reader switched to that one with an empty box (seed 20261206, Chromium).
  it('keeps the text stored as the other version when the reader takes another tab’s live text', async () => {
    const tab = await reader.openTab();
    const key = draftKey({ pageUrl: tab.contentWindow!.location.href, postId: '1' });
    const storage = createCommentStore({ tabId: 'a-tab-still-open' });
    await storage.drafts.save(`${key}|other-version`, 'Left by a tab closed since', 'a-closed-tab');
    await reader.reload(tab);
    await waitUntil(() => reader.button(tab, 'Use the text from the other tab'), 'the left text is not offered');
    // The other tab, still open, writes its text: it is what is on offer now.
    await storage.drafts.save(key, 'From the tab still open');
    // Heard through BroadcastChannel, read from IndexedDB: a moment.
    await new Promise((resolve) => setTimeout(resolve, 200));
    reader.button(tab, 'Use the text from the other tab')!.click();
    await reader.form(tab).updateComplete;
    expect(reader.box(tab).value).to.equal('From the tab still open');
    await waitUntil(
      async () => (await storage.drafts.get(`${key}|other-version`))?.content === 'Left by a tab closed since',
      'the text left by the closed tab is no longer kept',
    );
    await waitUntil(() => reader.button(tab, 'Switch to the other version'), 'it is not offered');
  });
});
