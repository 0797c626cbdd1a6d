/**
 * The comment's lifecycle (src/comment/comment-lifecycle.ts) on its own, without the
 * form's DOM: key → draft → outbox → confirm → delete, in real Chromium, Firefox and
 * WebKit with real IndexedDB (a database of its own per test) and real HTTP to the json
 * protocol's reference endpoint (scripts/comment-endpoint.js, one per test under
 * /api/t/<name>/comments). Its host is a bare ReactiveElement. A "reload" is a new host
 * with a new store on the same database.
 */
import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import { ReactiveElement } from 'lit';
import type { CommentIdentity } from '../../../src/comment/comment.js';
import { CommentLifecycle, type CommentTarget, type Settlement } from '../../../src/comment/comment-lifecycle.js';
import { createCommentStore, type CommentStore } from '../../../src/comment/comment-store.js';
import type { DraftPlace } from '../../../src/comment/draft-key.js';
import { draftKey } from '../../../src/comment/draft-key.js';
import { forgetTestStorage, freshName, stub, unstub } from './storage-fixtures.js';

class LifecycleHost extends ReactiveElement {}
customElements.define('comment-lifecycle-host', LifecycleHost);

let count = 0;
/** This test's own endpoint, database and place. */
let endpoint = '';
let databaseName = '';
let place: DraftPlace;
beforeEach(() => {
  count++;
  endpoint = `/api/t/lifecycle-${Date.now()}-${count}/comments`;
  databaseName = freshName('lifecycle-');
  place = { pageUrl: `https://news.example/story-${count}`, postId: `post-${count}` };
});

const hosts: LifecycleHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) host.remove();
  await forgetTestStorage();
});

async function setFailureMode(mode: string): Promise<void> {
  await fetch(`${endpoint}/failure-mode`, { method: 'POST', body: JSON.stringify({ mode }) });
}
async function storedComments(): Promise<string[]> {
  return ((await (await fetch(endpoint)).json()) as { content: string }[]).map((comment) => comment.content);
}

/** A page with a comment on it: a host in the document, its lifecycle, and what the lifecycle reported. */
async function openPage({
  placed = () => place as DraftPlace | undefined,
  store = createCommentStore({ databaseName }),
} = {}) {
  const host = document.createElement('comment-lifecycle-host') as LifecycleHost;
  const settled: Settlement[] = [];
  const restored: string[] = [];
  const comment = new CommentLifecycle(host, {
    place: placed,
    store: () => store,
    settled: (_, result) => settled.push(result),
    restored: (content) => restored.push(content),
  });
  document.body.append(host);
  hosts.push(host);
  await host.updateComplete;
  return { host, comment, store, settled, restored };
}

const target = (identity: CommentIdentity = 'required'): CommentTarget => ({
  endpoint,
  postId: place.postId,
  identity,
});
const send = (comment: CommentLifecycle, identity?: CommentIdentity) =>
  comment.submit(target(identity), {
    notConnected: { code: 'rejected', message: 'not connected' },
    beforeSend: () => true,
  });

function type(comment: CommentLifecycle, fields: Partial<Record<'content' | 'name' | 'email' | 'url', string>>): void {
  for (const [field, value] of Object.entries(fields)) comment.input(field as 'content', value);
}

const draftOf = async (store: CommentStore) => (await store.drafts.get(draftKey(place)))?.content;
/** What a reload would find: a new store on the same database. */
const afterReload = () => createCommentStore({ databaseName });

describe('CommentLifecycle: the draft', () => {
  it('holds one draft key per page, post and parent, and switches drafts when the parent changes', async () => {
    const page = await openPage();
    expect(page.comment.key).to.equal(draftKey(place));
    type(page.comment, { content: 'A top-level comment' });
    await waitUntil(async () => (await draftOf(page.store)) === 'A top-level comment', 'the draft is not saved');
    place = { ...place, parent: '7' };
    page.host.requestUpdate();
    await page.host.updateComplete;
    expect(page.comment.key).to.equal(draftKey(place));
    expect(page.comment.key).not.to.equal(draftKey({ ...place, parent: undefined }));
    // The reply has a draft of its own; the top-level one is still there.
    expect(await page.store.drafts.get(draftKey({ ...place, parent: undefined }))).to.include({
      content: 'A top-level comment',
    });
  });

  it('switching to a reply and back shows each place’s own draft, and what was just typed is kept under the place it was typed for', async () => {
    const page = await openPage();
    const topLevel = { ...place };
    type(page.comment, { content: 'A top-level comment' });
    await waitUntil(async () => (await draftOf(page.store)) === 'A top-level comment', 'the draft is not saved');
    // To a reply: the box empties (the reply has no draft yet).
    place = { ...topLevel, parent: '7' };
    page.host.requestUpdate();
    await page.host.updateComplete;
    expect(page.comment.fields.content).to.equal('');
    // Typed, and switched back at once: the save still waiting lands under the reply.
    type(page.comment, { content: 'Half a reply' });
    place = topLevel;
    page.host.requestUpdate();
    await page.host.updateComplete;
    await waitUntil(() => page.comment.fields.content === 'A top-level comment', 'the top-level draft is not back');
    expect(page.comment.key).to.equal(draftKey(topLevel));
    await waitUntil(
      async () => (await page.store.drafts.get(draftKey({ ...topLevel, parent: '7' })))?.content === 'Half a reply',
      'the reply is not kept under its own key',
    );
    expect(await draftOf(page.store)).to.equal('A top-level comment');
    // Back to the reply: its text is back.
    place = { ...topLevel, parent: '7' };
    page.host.requestUpdate();
    await page.host.updateComplete;
    await waitUntil(() => page.comment.fields.content === 'Half a reply', 'the reply draft is not back');
    expect(page.comment.draftRestored).to.equal(true);
  });

  it('waits for where the comment belongs before it reads or writes a draft, then keeps what was typed under it', async () => {
    let known = false;
    const page = await openPage({ placed: () => (known ? place : undefined) });
    expect(page.comment.key).to.equal(undefined);
    type(page.comment, { content: 'Typed while the article loads' });
    await aTimeout(900);
    known = true;
    page.host.requestUpdate();
    await page.host.updateComplete;
    await waitUntil(
      async () => (await draftOf(afterReload())) === 'Typed while the article loads',
      'the text is not kept under the key',
    );
  });

  it('puts the draft and the remembered identity back after a reload, and says so', async () => {
    const first = await openPage();
    type(first.comment, { content: 'A thought worth keeping', name: 'Olena', email: 'olena@example.com' });
    first.comment.setRemember(true);
    await waitUntil(async () => (await draftOf(first.store)) === 'A thought worth keeping', 'the draft is not saved');
    first.host.remove();
    const again = await openPage({ store: afterReload() });
    await waitUntil(() => again.comment.draftRestored, 'the draft is not restored');
    expect(again.comment.fields).to.deep.equal({
      content: 'A thought worth keeping',
      name: 'Olena',
      email: 'olena@example.com',
      url: '',
    });
    expect(again.comment.remember).to.equal(true);
    expect(again.comment.status).to.equal('draftRestored');
    expect(again.restored).to.deep.equal(['A thought worth keeping']);
  });

  it('offers the earlier draft when the reader typed into the box before storage could answer', async () => {
    await afterReload().drafts.save(draftKey(place), 'The draft from yesterday');
    const host = document.createElement('comment-lifecycle-host') as LifecycleHost;
    const store = afterReload();
    const comment = new CommentLifecycle(host, { place: () => place, store: () => store });
    document.body.append(host);
    hosts.push(host);
    // The first keystroke lands before IndexedDB has answered the restore.
    type(comment, { content: 'Typed at once' });
    await waitUntil(() => comment.otherVersion, 'the earlier draft is not offered');
    expect(comment.fields.content).to.equal('Typed at once');
    expect(comment.otherVersion).to.deep.equal({ source: 'earlier-draft', content: 'The draft from yesterday' });
    // Both survive a reload: the newer text in the box, the earlier one on offer.
    await waitUntil(async () => (await draftOf(afterReload())) === 'Typed at once', 'the newer text is not saved');
    const again = await openPage({ store: afterReload() });
    await waitUntil(() => again.comment.otherVersion, 'the earlier draft is not offered after a reload');
    expect(again.comment.fields.content).to.equal('Typed at once');
    expect(again.comment.otherVersion?.content).to.equal('The draft from yesterday');
  });

  it('offers the earlier draft, never dropping it, when the reader typed before it could be restored', async () => {
    await afterReload().drafts.save(draftKey(place), 'The draft from yesterday');
    const host = document.createElement('comment-lifecycle-host') as LifecycleHost;
    const store = afterReload();
    const comment = new CommentLifecycle(host, { place: () => place, store: () => store });
    // What the reader typed into the server-rendered form before the script ran.
    comment.adoptServerForm({ typed: { content: 'What I typed today' }, prefilled: {} });
    document.body.append(host);
    hosts.push(host);
    await waitUntil(() => comment.otherVersion, 'the earlier draft is not offered');
    expect(comment.fields.content).to.equal('What I typed today');
    expect(comment.otherVersion).to.deep.equal({ source: 'earlier-draft', content: 'The draft from yesterday' });
    comment.useOtherVersion();
    expect(comment.fields.content).to.equal('The draft from yesterday');
    expect(comment.otherVersion).to.deep.equal({ source: 'earlier-draft', content: 'What I typed today' });
  });

  it('discards the draft for good: the box empties and a reload brings nothing back', async () => {
    const page = await openPage();
    type(page.comment, { content: 'Second thoughts' });
    await waitUntil(async () => (await draftOf(page.store)) === 'Second thoughts', 'the draft is not saved');
    await page.comment.discardDraft();
    expect(page.comment.fields.content).to.equal('');
    expect(page.comment.status).to.equal('draftDiscarded');
    expect(await draftOf(afterReload())).to.equal(undefined);
  });
});

describe('CommentLifecycle: sending', () => {
  it('the draft stays until the server confirms, then it is gone', async () => {
    await setFailureMode('500');
    const page = await openPage();
    type(page.comment, { content: 'Survives a 500', name: 'B', email: 'b@example.com' });
    await waitUntil(async () => (await draftOf(page.store)) === 'Survives a 500', 'the draft is not saved');
    expect(send(page.comment).kind).to.equal('sending');
    expect(page.comment.pending?.progress).to.deep.equal({ phase: 'sending' });
    await waitUntil(() => page.comment.pending?.progress.phase === 'retry-wait', 'no retry is planned', {
      timeout: 5000,
    });
    // Failed once: the draft is still stored, and the comment waits in the outbox too.
    expect(await draftOf(afterReload())).to.equal('Survives a 500');
    expect((await afterReload().outbox.list()).map((entry) => entry.fields.content)).to.deep.equal(['Survives a 500']);
    await setFailureMode('none');
    await waitUntil(() => page.settled.length, 'the comment never settles', { timeout: 10000 });
    expect(page.settled[0]).to.include({ kind: 'posted', status: 'approved' });
    expect(page.comment.status).to.equal('posted');
    expect(page.comment.fields.content).to.equal('');
    expect(page.comment.pending).to.equal(undefined);
    await waitUntil(async () => (await draftOf(afterReload())) === undefined, 'the confirmed draft is still stored');
    expect(await afterReload().outbox.list()).to.deep.equal([]);
    expect(await storedComments()).to.deep.equal(['Survives a 500']);
  });

  it('a failed post waits in the outbox, with its draft, and is sent once the reader is back online', async () => {
    await setFailureMode('offline');
    const page = await openPage();
    type(page.comment, { content: 'Written on a train', name: 'C', email: 'c@example.com' });
    await waitUntil(async () => (await draftOf(page.store)) === 'Written on a train', 'the draft is not saved');
    stub(navigator, 'onLine', { get: () => false });
    send(page.comment);
    await waitUntil(() => page.settled.length, 'the comment is not queued');
    expect(page.settled).to.deep.equal([{ kind: 'queued' }]);
    expect(page.comment.pending?.progress).to.deep.equal({ phase: 'waiting', reason: 'offline' });
    expect(page.comment.fields.content).to.equal('Written on a train');
    expect((await afterReload().outbox.list()).map((entry) => entry.fields.content)).to.deep.equal([
      'Written on a train',
    ]);
    expect(await draftOf(afterReload())).to.equal('Written on a train');
    unstub();
    await setFailureMode('none');
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => page.settled.length === 2, 'the outbox is not sent when back online', { timeout: 5000 });
    expect(page.settled[1]).to.include({ kind: 'posted' });
    expect(await storedComments()).to.deep.equal(['Written on a train']);
    expect(await afterReload().outbox.list()).to.deep.equal([]);
    await waitUntil(async () => (await draftOf(afterReload())) === undefined, 'the confirmed draft is still stored');
  });

  it('the outbox is sent after a reload without restoring anything', async () => {
    // A comment queued by an earlier page load; its draft was discarded since, so there is nothing to restore.
    await afterReload().outbox.put({
      id: crypto.randomUUID(),
      endpoint: new URL(endpoint, location.href).href,
      protocol: 'json',
      postId: place.postId,
      fields: { content: 'Queued on an earlier visit', name: 'D', email: 'd@example.com', url: '' },
      draftKey: draftKey(place),
      createdAt: Date.now(),
      attempts: 1,
    });
    const page = await openPage({ store: afterReload() });
    await waitUntil(() => page.settled.length, 'the outbox is not sent', { timeout: 5000 });
    expect(page.settled[0]).to.include({ kind: 'posted' });
    expect(page.restored).to.deep.equal([]);
    expect(page.comment.draftRestored).to.equal(false);
    expect(await storedComments()).to.deep.equal(['Queued on an earlier visit']);
    expect(await afterReload().outbox.list()).to.deep.equal([]);
  });

  it('a rejected comment keeps the draft, and shows what to fix', async () => {
    const page = await openPage();
    // identity "optional" lets the comment go without a name; the reference server requires one.
    type(page.comment, { content: 'Anonymous?' });
    await waitUntil(async () => (await draftOf(page.store)) === 'Anonymous?', 'the draft is not saved');
    send(page.comment, 'optional');
    await waitUntil(() => page.settled.length, 'the comment never settles');
    expect(page.settled[0]!.kind).to.equal('rejected');
    expect(page.comment.fieldErrors.name).to.deep.equal({ code: 'server', message: 'Enter your name' });
    expect(page.comment.fields.content).to.equal('Anonymous?');
    expect(await draftOf(afterReload())).to.equal('Anonymous?');
    expect(await afterReload().outbox.list()).to.deep.equal([]);
    expect(await storedComments()).to.deep.equal([]);
  });

  it('an answer that cannot be read keeps the draft and is not sent a third time', async () => {
    // A server answers 200 with a web page every time: the comment may be stored.
    endpoint = `/comments/json?fail=200&times=9&type=text/html&body=%3Cp%3EThanks%3C/p%3E&landed&n=${Date.now()}`;
    const page = await openPage();
    type(page.comment, { content: `Never readable ${Date.now()}`, name: 'E', email: 'e@example.com' });
    const content = page.comment.fields.content;
    send(page.comment);
    await waitUntil(() => page.settled.length, 'the comment never settles');
    expect(page.settled[0]).to.deep.equal({ kind: 'unconfirmed', status: 200 });
    expect(page.comment.status).to.equal('unconfirmed');
    expect(page.comment.fields.content).to.equal(content);
    await waitUntil(async () => (await draftOf(afterReload())) === content, 'the draft is not kept');
    const arrived = await (await fetch(`/comments/_count?${new URLSearchParams({ content })}`)).json();
    expect(arrived.count).to.equal(1);
  });

  it('holds the comment on its way as sent: typing cannot change it, and the box empties once it is posted', async () => {
    await setFailureMode('slow');
    const page = await openPage();
    type(page.comment, { content: 'The first comment', name: 'F', email: 'f@example.com' });
    send(page.comment);
    type(page.comment, { content: 'A second thought' });
    expect(page.comment.fields.content).to.equal('The first comment');
    await waitUntil(() => page.settled.length, 'the comment never settles', { timeout: 5000 });
    expect(page.settled[0]).to.include({ kind: 'posted' });
    expect(page.comment.fields.content).to.equal('');
    await waitUntil(async () => (await draftOf(afterReload())) === undefined, 'the posted draft is still stored');
    expect(await storedComments()).to.deep.equal(['The first comment']);
  });

  it('sends nothing new while a comment is on its way', async () => {
    await setFailureMode('slow');
    const page = await openPage();
    type(page.comment, { content: 'Only once', name: 'G', email: 'g@example.com' });
    expect(send(page.comment).kind).to.equal('sending');
    expect(send(page.comment)).to.deep.equal({ kind: 'busy' });
    await waitUntil(() => page.settled.length, 'the comment never settles', { timeout: 5000 });
    expect(await storedComments()).to.deep.equal(['Only once']);
  });

  it('sends nothing when something must be fixed, or when the form is not connected', async () => {
    const page = await openPage();
    expect(send(page.comment)).to.deep.equal({
      kind: 'invalid',
      fieldErrors: { content: { code: 'required' }, name: { code: 'required' }, email: { code: 'required' } },
      formError: undefined,
    });
    type(page.comment, { content: 'Hello', name: 'H', email: 'h@example.com' });
    const notConnected = { code: 'rejected' as const, message: 'This form is not connected to a comment service yet.' };
    expect(
      page.comment.submit({ ...target(), endpoint: undefined }, { notConnected, beforeSend: () => true }),
    ).to.deep.equal({
      kind: 'invalid',
      fieldErrors: {},
      formError: notConnected,
    });
    expect(page.comment.formError).to.equal(notConnected);
    await aTimeout(200);
    expect(await storedComments()).to.deep.equal([]);
  });

  it('when the page is left mid-send, nothing is thrown and the comment waits in the outbox for the next visit', async () => {
    await setFailureMode('500');
    const unhandled: unknown[] = [];
    const onUnhandled = (event: PromiseRejectionEvent) => void unhandled.push(event.reason);
    addEventListener('unhandledrejection', onUnhandled);
    try {
      const page = await openPage();
      type(page.comment, { content: 'Left mid-send', name: 'I', email: 'i@example.com' });
      send(page.comment);
      await waitUntil(() => page.comment.pending?.progress.phase === 'retry-wait', 'no retry is planned', {
        timeout: 5000,
      });
      page.host.remove();
      await aTimeout(300);
      expect(unhandled).to.deep.equal([]);
      expect(page.comment.pending?.submission.fields.content).to.equal('Left mid-send');
      expect(page.settled).to.deep.equal([]);
    } finally {
      removeEventListener('unhandledrejection', onUnhandled);
    }
    await setFailureMode('none');
    const next = await openPage({ store: afterReload() });
    await waitUntil(() => next.settled.length, 'the outbox is not sent on the next visit', { timeout: 5000 });
    expect(next.settled[0]).to.include({ kind: 'posted' });
    expect(await storedComments()).to.deep.equal(['Left mid-send']);
  });
});
