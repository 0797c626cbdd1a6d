/**
 * One reader's tab for the tests of a comment waiting to be sent (test/support/reader-tabs.ts):
 * a page with one `<comment-form>` posting to `/faulty/<run>/comments`
 * (test/faulty-endpoint-middleware.js), loaded in a same-origin iframe.
 *
 * What is emulated, and why:
 * - Iframes share IndexedDB, Web Locks and BroadcastChannel as tabs do. They also share
 *   sessionStorage, which tabs do not and where the form keeps its tab's id: so each frame
 *   reads its own id there (its `window.name`, which survives reloads as a tab's session
 *   does), whenever it asks. Frames are opened and reloaded one at a time.
 * - A frame cannot go offline alone: `navigator.onLine` follows the parent's `readerOffline`,
 *   and the server drops every post meanwhile.
 * - Time is compressed: the retry policy's waits are shortened (retries 40 ms apart and
 *   doubling, outbox rounds from 300 ms), so that a campaign runs thousands of retries.
 *   Everything else (storage, locks, requests, reloads) is real.
 */
import { RETRY_POLICY } from '../../src/comment/retry-policy.js';

Object.assign(RETRY_POLICY, { baseDelayMs: 40, outboxBaseDelayMs: 300, outboxMaxDelayMs: 1200 });
// Each frame reads its own id, whatever another frame wrote since (its engine, and with it its store, may
// start after a second frame has opened). The frame's own realm has its own Storage.prototype.
const ownTabId = window.name || 'tab';
const { getItem } = Storage.prototype;
Storage.prototype.getItem = function (this: Storage, key: string) {
  return this === sessionStorage && key === 'news-widgets:tab' ? ownTabId : getItem.call(this, key);
};
Object.defineProperty(navigator, 'onLine', {
  configurable: true,
  get: () => !(parent as unknown as { readerOffline?: boolean }).readerOffline,
});
await import('../../src/define.js');
// Whether the form's engine has arrived in this tab (the campaign waits for it before it reads what a box holds).
const { arrivedCommentEngine } = await import('../../src/comment/comment-engine-loader.js');
(window as unknown as { engineArrived: () => boolean }).engineArrived = () => !!arrivedCommentEngine();
const form = document.createElement('comment-form');
form.setAttribute('endpoint', `/faulty/${new URLSearchParams(location.search).get('run')}/comments`);
form.setAttribute('post-id', '1');
document.body.append(form);
