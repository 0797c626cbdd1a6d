/**
 * A tab's outbox round sends every comment waiting under its draft key, another tab's too.
 * When the round meets another tab's comment before this tab has heard of it (the other
 * tab's message comes after this tab's round read the outbox), the comment takes the box as
 * it does when followed: the reader's own text there is kept aside and comes back once the
 * comment is published. To make that order certain, the other tab's outbox entry is written
 * straight into IndexedDB, where the form's store keeps it, and its message never comes:
 * what a tab whose round runs first sees. The fault campaign found this (seed 20261206,
 * path 436:3:2:13:8, in Chromium): the box emptied, and the reader's words were gone.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { createStore, set } from 'idb-keyval';
import '../../../src/define.js';
import type { CommentSubmission } from '../../../src/comment/comment.js';
import { loadCommentEngine } from '../../../src/comment/comment-engine-loader.js';
import { createCommentStore } from '../../../src/comment/comment-store.js';
import { draftKey } from '../../../src/comment/draft-key.js';
import { box, fill, newForm, startEachTestAfresh, storedContents } from './chunk-fixtures.js';

startEachTestAfresh();

describe('<comment-form>: another tab’s comment sent by this tab’s outbox round', () => {
  it('keeps the reader’s own text aside while it is sent, and brings it back once it is published', async () => {
    const postId = `outbox-other-tab-${Date.now()}`;
    const endpoint = `/api/t/${postId}/comments`;
    const key = draftKey({ pageUrl: location.href, postId });
    const store = createCommentStore();
    const form = await newForm(endpoint, postId);
    box(form).focus();
    await loadCommentEngine();
    fill(form, { content: 'My own words in this tab', name: 'Bea', email: 'bea@example.com' });
    await waitUntil(
      async () => (await store.drafts.get(key))?.content === 'My own words in this tab',
      'the reader’s text was never written as the draft',
      { timeout: 5000 },
    );

    const theirs: CommentSubmission = {
      id: `other-tab-${postId}`,
      endpoint: new URL(endpoint, location.href).href,
      protocol: 'json',
      postId,
      fields: { content: 'Sent from the other tab', name: 'Ann', email: 'ann@example.com', url: '' },
      draftKey: key,
      createdAt: Date.now(),
      attempts: 1,
    };
    await set(
      `outbox:${theirs.id}`,
      { value: theirs, at: Date.now(), tab: 'the-other-tab' },
      createStore('news-widgets', 'drafts'),
    );
    // The connection is back: this tab's outbox round runs.
    window.dispatchEvent(new Event('online'));

    await waitUntil(async () => (await storedContents(endpoint)).length === 1, 'the other tab’s comment was not sent', {
      timeout: 5000,
    });
    expect(await storedContents(endpoint)).to.deep.equal(['Sent from the other tab']);
    await waitUntil(
      () => box(form).value === 'My own words in this tab' && !box(form).readOnly,
      `the reader's text did not come back into the box (it holds "${box(form).value}")`,
      { timeout: 5000 },
    );
    await waitUntil(
      async () => (await store.drafts.get(key))?.content === 'My own words in this tab',
      'the reader’s text is not the draft again',
      { timeout: 5000 },
    );
  });
});
