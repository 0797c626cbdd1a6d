/**
 * A comment waiting to be sent is one comment: what the reader sees and can do between
 * pressing "Post Comment" and the server's answer, against a json endpoint whose faults
 * are armed per test (test/faulty-endpoint-middleware.js). Tabs are same-origin iframes
 * with real IndexedDB, Web Locks and BroadcastChannel, and reloads are real
 * (test/support/comment-tab.ts says what is emulated: offline, and shorter retry waits).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { RETRY_POLICY } from '../../../src/comment/retry-policy.js';
import '../../../src/define.js';
import type { CommentFormElement } from '../../../src/comment/comment-form.js';
import { expectAccessible } from '../../support/expect-accessible.js';
import { Reader } from '../../support/reader-tabs.js';

const NOT_TAKEN = 'The site could not take your comment yet. It is saved, and it will be sent by itself.';
const BACK_ONLINE = 'Saved — it will be sent when you are back online.';

let reader: Reader;
beforeEach(() => {
  reader = new Reader();
});
afterEach(() => reader.closeAll());

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('<comment-form>: a comment waiting to be sent', () => {
  it('is edited after the server refused it, and only the edited version is published', async () => {
    const tab = await reader.openTab();
    reader.type(tab, 'alpha');
    await reader.arm('503', '503', '503', '503', '503', '503');
    reader.submit(tab);
    await waitUntil(() => reader.status(tab) === NOT_TAKEN, 'the retries never end in the outbox', {
      timeout: 10000,
    });
    // The reader was online all along, and the box holds exactly the comment waiting.
    expect(reader.status(tab)).not.to.equal(BACK_ONLINE);
    expect(reader.box(tab).readOnly).to.equal(true);
    expect(reader.box(tab).value).to.equal('alpha');
    expect(reader.type(tab, ' beta')).to.equal(false);

    reader.button(tab, 'Edit comment')!.click();
    await waitUntil(() => !reader.box(tab).readOnly, 'the comment never comes back into the box');
    expect(reader.status(tab)).to.equal('Not sent. You can edit your comment and post it again.');
    expect(tab.contentDocument!.activeElement).to.equal(reader.form(tab));
    expect(reader.form(tab).shadowRoot!.activeElement).to.equal(reader.box(tab));
    reader.type(tab, ' beta');
    reader.submit(tab);
    await waitUntil(() => reader.status(tab) === 'Your comment has been posted.', 'never posted', { timeout: 5000 });
    expect(reader.box(tab).value).to.equal('');
    // Outbox rounds come every 300 ms here: nothing else is sent.
    await settle(1000);
    expect(await reader.storedContents()).to.deep.equal(['alpha beta']);
  });

  it('may already be published after a lost answer: the reader is told, and it is published once', async () => {
    const tab = await reader.openTab();
    reader.type(tab, 'alpha');
    // The first post is stored and its answer lost; the retries do not reach the server (browsers may
    // themselves resend a post whose connection dropped, so there are faults to spare).
    await reader.arm('drop-after', ...Array<'drop-before'>(12).fill('drop-before'));
    reader.submit(tab);
    await waitUntil(() => reader.status(tab) === NOT_TAKEN, 'the retries never end in the outbox', {
      timeout: 10000,
    });
    expect(reader.pendingNote(tab)).to.contain('it may already be published');
    expect(reader.button(tab, 'Edit comment')).to.equal(undefined);
    expect(reader.button(tab, 'Edit anyway')).not.to.equal(undefined);
    expect(reader.type(tab, ' beta')).to.equal(false);
    expect(await reader.storedContents()).to.deep.equal(['alpha']);

    await reader.heal();
    reader.button(tab, 'Try now')!.click();
    await waitUntil(() => reader.box(tab).value === '', 'the box never empties', { timeout: 5000 });
    expect(reader.status(tab)).to.equal('Your comment has been posted.');
    await settle(1000);
    expect(await reader.storedContents()).to.deep.equal(['alpha']);
  });

  it('taken back with "Edit anyway", it is the reader’s choice: the outbox sends nothing more', async () => {
    const tab = await reader.openTab();
    reader.type(tab, 'first words');
    await reader.arm('500', '500', '500', '500', '500', '500');
    reader.submit(tab);
    await waitUntil(() => reader.button(tab, 'Edit anyway'), 'a server error is not said to be maybe stored', {
      timeout: 10000,
    });
    await waitUntil(() => reader.status(tab) === NOT_TAKEN, 'the retries never end', { timeout: 10000 });
    reader.button(tab, 'Edit anyway')!.click();
    await waitUntil(() => !reader.box(tab).readOnly, 'the comment never comes back into the box');
    await reader.heal();
    await settle(1000);
    expect(await reader.storedContents()).to.deep.equal([]);
    expect(reader.box(tab).value).to.equal('first words');
  });

  it('shows after a reload, read-only, and can still be taken back to edit', async () => {
    const tab = await reader.openTab();
    reader.type(tab, 'Sent before the reload');
    // Refusals enough to outlast the reload and the edit, however slowly the machine runs their outbox rounds (8
    // ran out once with three browsers testing at once on two cores, and the comment was sent before the edit).
    await reader.arm(...Array<'429'>(40).fill('429'));
    reader.submit(tab);
    await waitUntil(() => reader.status(tab) === NOT_TAKEN, 'the retries never end', { timeout: 10000 });
    await reader.reload(tab);
    await waitUntil(() => reader.box(tab).readOnly, 'the comment waiting is not shown after the reload');
    expect(reader.box(tab).value).to.equal('Sent before the reload');
    expect(reader.pendingNote(tab)).to.contain('Your comment waits to be sent as shown');
    // Its outbox round may be under way: the reader's edit waits for no request to be in flight.
    await waitUntil(
      () => reader.button(tab, 'Edit comment')?.getAttribute('aria-disabled') === 'false',
      'no edit offered',
      { timeout: 5000 },
    );
    reader.button(tab, 'Edit comment')!.click();
    await waitUntil(() => !reader.box(tab).readOnly, 'the comment never comes back into the box', { timeout: 5000 });
    await reader.heal();
    await settle(800);
    expect(await reader.storedContents()).to.deep.equal([]);
  });

  it('shows in a second tab, read-only, and leaves both boxes once it is published', async () => {
    const first = await reader.openTab();
    const second = await reader.openTab();
    reader.type(first, 'Written in the first tab');
    await reader.arm('503', '503', '503', '503', '503', '503', '503', '503', '503', '503');
    reader.submit(first);
    await waitUntil(() => reader.box(second).readOnly, 'the second tab does not show the comment waiting', {
      timeout: 5000,
    });
    expect(reader.box(second).value).to.equal('Written in the first tab');
    expect(reader.type(second, ' and more')).to.equal(false);
    await reader.heal();
    reader.button(first, 'Try now')?.click();
    await waitUntil(() => reader.box(first).value === '' && reader.box(second).value === '', 'a box keeps it', {
      timeout: 8000,
    });
    expect(reader.box(second).readOnly).to.equal(false);
    await settle(800);
    expect(await reader.storedContents()).to.deep.equal(['Written in the first tab']);
  });

  it('waits for the network while offline, in words that say so, and is sent once back online', async () => {
    const tab = await reader.openTab();
    reader.type(tab, 'Written offline');
    await reader.setOffline(true);
    reader.submit(tab);
    await waitUntil(() => reader.status(tab) === BACK_ONLINE, 'offline is not said', { timeout: 5000 });
    expect(reader.button(tab, 'Edit comment')).not.to.equal(undefined);
    await reader.setOffline(false);
    await waitUntil(() => reader.box(tab).value === '', 'never sent once back online', { timeout: 5000 });
    expect(await reader.storedContents()).to.deep.equal(['Written offline']);
  });
});

describe('<comment-form>: a comment waiting to be sent, for every reader', () => {
  const saved = { ...RETRY_POLICY };
  before(() => Object.assign(RETRY_POLICY, { baseDelayMs: 40, outboxBaseDelayMs: 60_000 }));
  after(() => Object.assign(RETRY_POLICY, saved));

  it('passes axe while waiting, and while it may already be published', async () => {
    await reader.arm('503', '503', '503', '503');
    const form = await fixture<CommentFormElement>(
      html`<comment-form endpoint="/faulty/${reader.run}/comments" post-id="a11y"></comment-form>`,
    );
    const root = form.shadowRoot!;
    const control = (selector: string) => root.querySelector<HTMLInputElement>(selector)!;
    for (const [selector, value] of [
      ['#content', 'Accessible while waiting'],
      ['#name', 'A'],
      ['#email', 'a@example.com'],
    ] as const) {
      control(selector).value = value;
      control(selector).dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    }
    root.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
    await waitUntil(() => root.querySelector('[part~="status"]')!.textContent!.trim() === NOT_TAKEN, 'never waits', {
      timeout: 5000,
    });
    expect(control('#content').getAttribute('aria-describedby')).to.contain('pending-note');
    await expectAccessible(form);

    await reader.arm('500-after', 'drop-before', 'drop-before', 'drop-before');
    root.querySelector<HTMLButtonElement>('.pending-actions button')!.click();
    await waitUntil(
      () => root.textContent !== null && form.shadowRoot!.innerHTML.includes('Edit anyway'),
      'never maybe stored',
      {
        timeout: 5000,
      },
    );
    await expectAccessible(form);
  });
});
