/**
 * <comment-form> around a server-rendered form: WordPress 6.1's own `comment_form()`
 * markup (test/fixtures/wordpress-6.1-comment-form.html, copied from the test WordPress),
 * in real browsers with real IndexedDB and real key presses. Each test puts the markup
 * in the page first and defines the element (under a tag of its own) only afterwards,
 * as a page does when its script arrives after the HTML; what the reader typed before
 * then must survive. Comments post to the WordPress route of the test server
 * (test/comment-server-middleware.js).
 */
import { aTimeout, expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { CommentFormElement } from '../../../src/comment/comment-form.js';
import { createCommentStore } from '../../../src/comment/comment-store.js';
import { DRAFT_SAVE_DELAY_MS } from '../../../src/comment/draft-keeper.js';
import { draftKey } from '../../../src/comment/draft-key.js';
import { deleteDatabase } from './storage-fixtures.js';
import { expectAccessible } from '../../support/expect-accessible.js';

const fixture = await (await fetch('/test/fixtures/wordpress-6.1-comment-form.html')).text();
/** WordPress's `<div id="respond">…</div>` with its form, as WordPress printed it. */
const respond = fixture.slice(fixture.indexOf('<div id="respond"'));
/** The REST API link WordPress printed in the head (plain permalinks, the real site's address). */
const printedLinkHref = /<link rel="https:\/\/api\.w\.org\/" href="([^"]+)"/.exec(fixture)![1]!;
/** The post id WordPress printed into `comment_post_ID`. */
const printedPostId = /name='comment_post_ID' value='(\d+)'/.exec(fixture)![1]!;

let count = 0;
const mounted: Element[] = [];

/** The REST API link WordPress prints in the head; `href` of this test server's WordPress route by default. */
function restLink(href = '/wp-json/'): void {
  const link = document.createElement('link');
  link.rel = 'https://api.w.org/';
  link.href = href;
  document.head.append(link);
  mounted.push(link);
}

/**
 * WordPress's markup inside a not-yet-defined element, as the page has it before its
 * script runs. `edit` changes the markup first (a reply, a signed-in reader's form).
 * Each test's form is for a post of its own (`postId`), so that no draft an earlier
 * test's form writes as it leaves can show up in it.
 */
function serverRendered({
  attributes = '',
  edit = (html: string) => html,
  postId = String(200_000 + count * 1000 + Math.floor(Math.random() * 1000)),
} = {}) {
  const tag = `server-form-${Date.now()}-${count++}`;
  const wrapper = document.createElement('div');
  const markup = edit(respond).replace(
    `name='comment_post_ID' value='${printedPostId}'`,
    `name='comment_post_ID' value='${postId}'`,
  );
  wrapper.innerHTML = `<${tag} ${attributes}>${markup}</${tag}>`;
  document.body.append(wrapper);
  mounted.push(wrapper);
  const host = wrapper.firstElementChild as CommentFormElement;
  const native = host.querySelector('form')!;
  const field = <T extends HTMLElement = HTMLInputElement>(name: string) =>
    native.querySelector<T>(`[name="${name}"]`)!;
  return {
    host,
    native,
    postId,
    field,
    /**
     * The script arrives: the element upgrades. The code that reads the form is a chunk
     * of its own, so the takeover follows once it has loaded: with `takeover` (the
     * default), wait until the native form is inert and the element's fields are shown.
     */
    async upgrade({ takeover = true } = {}): Promise<CommentFormElement> {
      CommentFormElement.define(tag);
      await host.updateComplete;
      if (takeover) {
        await waitUntil(() => native.inert && host.shadowRoot!.querySelector('#content'), 'the form is not taken over');
        await host.updateComplete;
      }
      return host;
    },
  };
}

const $ = <T extends HTMLElement = HTMLInputElement>(form: CommentFormElement, selector: string) =>
  form.shadowRoot!.querySelector<T>(selector)!;

/** Types like a reader: real key presses into the focused field. */
async function typeInto(element: HTMLElement, text: string): Promise<void> {
  element.focus();
  await sendKeys({ type: text });
}

/** Records each submit event of a native form and stops it, so a failing test cannot navigate away. */
function watchNativeSubmits(form: HTMLFormElement): { defaultPrevented: boolean }[] {
  const submits: { defaultPrevented: boolean }[] = [];
  form.addEventListener('submit', (event) => {
    submits.push({ defaultPrevented: event.defaultPrevented });
    event.preventDefault();
  });
  return submits;
}

const pageDraftKey = (postId = printedPostId, parent?: string) => draftKey({ pageUrl: location.href, postId, parent });

beforeEach(async () => {
  localStorage.clear();
  await deleteDatabase('news-widgets');
});
afterEach(() => {
  for (const element of mounted.splice(0)) element.remove();
});

describe('<comment-form> around WordPress’s own comment form', () => {
  it('finds its endpoint from the REST API link, and its post and parent in the form', async () => {
    restLink(printedLinkHref);
    const page = serverRendered({
      postId: printedPostId,
      edit: (html) => html.replace("id='comment_parent' value='0'", "id='comment_parent' value='31'"),
    });
    const form = await page.upgrade();
    expect(form.effectivePostId).to.equal(printedPostId);
    expect($(form, '[part~="heading"]').textContent!.trim()).to.equal('Leave a reply');

    for (const [id, value] of [
      ['content', 'A reply'],
      ['name', 'Olena'],
      ['email', 'olena@example.com'],
    ]) {
      const control = $(form, `#${id}`);
      control.value = value!;
      control.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    }
    // Cancelled: the real site is not running here; what would be sent is the point.
    form.addEventListener('comment-form-submit', (event) => event.preventDefault(), { once: true });
    const submitted = oneEvent(form, 'comment-form-submit');
    $(form, '[part~="submit"]').click();
    const { submission } = (await submitted) as unknown as HTMLElementEventMap['comment-form-submit'];
    // Plain permalinks: the route goes into rest_route, as WordPress's rest_url() writes it.
    const endpoint = new URL(submission.endpoint);
    expect(endpoint.pathname).to.equal('/index.php');
    expect(endpoint.searchParams.get('rest_route')).to.equal('/wp/v2/comments');
    expect(submission.protocol).to.equal('wordpress');
    expect(submission.postId).to.equal(printedPostId);
    expect(submission.parent).to.equal('31');
    expect(submission.draftKey).to.equal(pageDraftKey(printedPostId, '31'));
  });

  it('posts through the REST API exactly once, and the native form is never submitted', async () => {
    restLink();
    const page = serverRendered();
    const submits = watchNativeSubmits(page.native);
    const form = await page.upgrade();
    const content = `Posted through REST ${Date.now()}`;
    await typeInto($(form, '#content'), content);
    await typeInto($(form, '#name'), 'Olena');
    await typeInto($(form, '#email'), 'olena@example.com');
    const success = oneEvent(form, 'comment-form-success');
    $(form, '[part~="submit"]').click();
    await success;
    const stored = await (
      await fetch(`/comments/_count?route=wordpress&content=${encodeURIComponent(content)}`)
    ).json();
    expect(stored.count).to.equal(1);
    expect(stored.comments[0].post).to.equal(Number(page.postId));
    expect(submits).to.deep.equal([]);
    expect($(form, '#content').value).to.equal('');
  });

  it('keeps what the reader typed into the native form before the script ran, with their focus and caret', async () => {
    restLink();
    const page = serverRendered();
    await typeInto(page.field('author'), 'Mykola');
    await typeInto(page.field<HTMLTextAreaElement>('comment'), 'Typed before the script');
    // The caret after "Typed", as a reader leaves it mid-sentence.
    page.field<HTMLTextAreaElement>('comment').setSelectionRange(5, 5);
    const form = await page.upgrade();

    const textarea = $<HTMLTextAreaElement>(form, '#content');
    expect(textarea.value).to.equal('Typed before the script');
    expect($(form, '#name').value).to.equal('Mykola');
    expect(form.shadowRoot!.activeElement).to.equal(textarea);
    expect([textarea.selectionStart, textarea.selectionEnd]).to.deep.equal([5, 5]);
    // The reader goes on typing where they were.
    await sendKeys({ type: ' and after' });
    expect(textarea.value).to.equal('Typed and after before the script');
    // And it is a draft like any other: stored under the form's post.
    const store = createCommentStore();
    await waitUntil(
      async () => (await store.drafts.get(pageDraftKey(page.postId)))?.content === 'Typed and after before the script',
      'no draft stored',
    );
  });

  it('moves focus to the same field when the reader was in the name field', async () => {
    restLink();
    const page = serverRendered();
    await typeInto(page.field('author'), 'Olena Petrenko');
    page.field('author').setSelectionRange(0, 5, 'backward');
    const form = await page.upgrade();
    const name = $(form, '#name');
    expect(form.shadowRoot!.activeElement).to.equal(name);
    expect([name.selectionStart, name.selectionEnd, name.selectionDirection]).to.deep.equal([0, 5, 'backward']);
    expect($(form, '#content').value).to.equal('');
  });

  it('lets the reader’s new text win over an older stored draft, and keeps the draft on offer', async () => {
    restLink();
    const page = serverRendered();
    // A draft from an earlier visit, written by that page load.
    await createCommentStore().drafts.save(pageDraftKey(page.postId), 'The draft from yesterday');
    await typeInto(page.field<HTMLTextAreaElement>('comment'), 'What I typed today');
    const form = await page.upgrade();
    await waitUntil(() => form.shadowRoot!.querySelector('.other-version'), 'the earlier draft is not offered');
    const notice = form.shadowRoot!.querySelector('.other-version')!;
    expect($(form, '#content').value).to.equal('What I typed today');
    expect(notice.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Another version of this comment is kept in this browser. Switch to the other version',
    );
    await expectAccessible(form);
    notice.querySelector('button')!.click();
    await form.updateComplete;
    expect($(form, '#content').value).to.equal('The draft from yesterday');
    // Today's text is now the one kept aside, with the same words.
    expect(form.shadowRoot!.querySelector('.other-version')).to.exist;
    form.shadowRoot!.querySelector<HTMLButtonElement>('.other-version button')!.click();
    await form.updateComplete;
    expect($(form, '#content').value).to.equal('What I typed today');
  });

  it('after a reload, shows the reader’s newer text and still offers the earlier draft', async () => {
    restLink();
    const page = serverRendered();
    await createCommentStore().drafts.save(pageDraftKey(page.postId), 'The draft from yesterday');
    await typeInto(page.field<HTMLTextAreaElement>('comment'), 'What I typed today');
    const form = await page.upgrade();
    await waitUntil(() => form.shadowRoot!.querySelector('.other-version'), 'the earlier draft is not offered');
    // Stored as the page is left, then the page loads again (a new store, as after a reload).
    form.remove();
    const stored = createCommentStore();
    await waitUntil(
      async () => (await stored.drafts.get(pageDraftKey(page.postId)))?.content === 'What I typed today',
      'the newer text is not stored',
    );
    const again = serverRendered({ postId: page.postId });
    const reloaded = await again.upgrade();
    await waitUntil(() => $(reloaded, '#content').value === 'What I typed today', 'the newer text is not shown');
    await waitUntil(
      () => reloaded.shadowRoot!.querySelector('.other-version'),
      'the earlier draft is not offered after the reload',
    );
    reloaded.shadowRoot!.querySelector<HTMLButtonElement>('.other-version button')!.click();
    await reloaded.updateComplete;
    expect($(reloaded, '#content').value).to.equal('The draft from yesterday');
  });

  it('treats what the server printed into the fields as a default, not as the reader’s text', async () => {
    // WordPress prints a returning commenter's name, email and website from its cookies, and ticks the box.
    restLink();
    const page = serverRendered({
      edit: (html) =>
        html
          .replace('name="author" type="text" value=""', 'name="author" type="text" value="Olena"')
          .replace('name="email" type="email" value=""', 'name="email" type="email" value="olena@example.com"')
          .replace('type="checkbox" value="yes"', 'type="checkbox" value="yes" checked="checked"'),
    });
    const store = createCommentStore();
    await store.drafts.save(pageDraftKey(page.postId), 'My stored draft');
    await store.identity.save({ name: 'Mykola', email: 'mykola@example.com', url: '' });
    const form = await page.upgrade();
    await waitUntil(() => $(form, '#content').value === 'My stored draft', 'the draft is not restored');
    // Not typed: the stored draft and name come back, and no earlier version is offered.
    expect(form.shadowRoot!.querySelector('[part~="draft-notice"]')!.textContent).to.contain('Draft restored.');
    expect(form.shadowRoot!.querySelector('.other-version, .other-tab')).to.equal(null);
    expect($(form, '#name').value).to.equal('Mykola');
    expect($(form, '#email').value).to.equal('mykola@example.com');
  });

  it('uses the printed name and email when nothing is stored, and does not store them', async () => {
    restLink();
    const page = serverRendered({
      edit: (html) =>
        html
          .replace('name="author" type="text" value=""', 'name="author" type="text" value="Olena"')
          .replace('type="checkbox" value="yes"', 'type="checkbox" value="yes" checked="checked"'),
    });
    const form = await page.upgrade();
    expect($(form, '#name').value).to.equal('Olena');
    // The box WordPress ticked is its cookie's consent, not the reader ticking this form's.
    expect($(form, '#remember').checked).to.equal(false);
    // Past the moment a typed draft or name would have been written.
    await aTimeout(DRAFT_SAVE_DELAY_MS + 300);
    expect(await createCommentStore().identity.get()).to.equal(undefined);
    expect(await createCommentStore().drafts.get(pageDraftKey(page.postId))).to.equal(undefined);
  });

  it('keeps the reader’s own tick of the consent box, and stores their name and email with it', async () => {
    restLink();
    const page = serverRendered();
    await typeInto(page.field('author'), 'Olena');
    await typeInto(page.field('email'), 'olena@example.com');
    page.field('wp-comment-cookies-consent').click();
    const form = await page.upgrade();
    expect($(form, '#remember').checked).to.equal(true);
    const store = createCommentStore();
    await waitUntil(
      async () => (await store.identity.get())?.email === 'olena@example.com',
      'the name and email are not stored',
    );
    expect(await store.identity.get()).to.deep.equal({ name: 'Olena', email: 'olena@example.com', url: '' });
  });

  it('hides the native form from the accessibility tree and never submits it once upgraded; axe passes', async () => {
    restLink();
    const page = serverRendered();
    const submits = watchNativeSubmits(page.native);
    const form = await page.upgrade();
    expect(page.native.checkVisibility()).to.equal(false);
    expect(page.native.getClientRects().length).to.equal(0);
    expect(page.native.inert).to.equal(true);
    page.field<HTMLTextAreaElement>('comment').focus();
    expect(document.activeElement).not.to.equal(page.field('comment'));
    // Enter in a field, or a script, asks the form to submit: nothing leaves.
    page.native.requestSubmit();
    expect(submits).to.deep.equal([{ defaultPrevented: true }]);
    // One Comment field, one Name field: the element's.
    expect(form.shadowRoot!.querySelectorAll('textarea').length).to.equal(1);
    await expectAccessible(form);
  });

  it('lets its own attributes win over what the form and the page say', async () => {
    restLink(printedLinkHref);
    const page = serverRendered({ attributes: 'endpoint="/wp-json/wp/v2/comments" post-id="60" parent="7"' });
    const form = await page.upgrade();
    expect(form.effectivePostId).to.equal('60');
    form.addEventListener('comment-form-submit', (event) => event.preventDefault(), { once: true });
    for (const [id, value] of [
      ['content', 'Attributes win'],
      ['name', 'Olena'],
      ['email', 'olena@example.com'],
    ]) {
      const control = $(form, `#${id}`);
      control.value = value!;
      control.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    }
    const submitted = oneEvent(form, 'comment-form-submit');
    $(form, '[part~="submit"]').click();
    const { submission } = (await submitted) as unknown as HTMLElementEventMap['comment-form-submit'];
    expect(submission.endpoint).to.equal(new URL('/wp-json/wp/v2/comments', location.href).href);
    expect([submission.postId, submission.parent]).to.deep.equal(['60', '7']);
  });

  it('leaves the native form on show and working when it finds no endpoint, and says why once', async () => {
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
    try {
      // No REST API link in the page, no endpoint attribute.
      const page = serverRendered();
      await typeInto(page.field<HTMLTextAreaElement>('comment'), 'Still mine');
      const submits = watchNativeSubmits(page.native);
      const form = await page.upgrade({ takeover: false });
      await waitUntil(() => warnings.length, 'no console warning');
      await form.updateComplete;
      expect(warnings.length).to.equal(1);
      expect(String(warnings[0]![0])).to.match(/leaves the form inside it on show.*no WordPress REST API link/);
      expect(form.shadowRoot!.querySelector('textarea')).to.equal(null);
      expect(page.native.checkVisibility()).to.equal(true);
      expect(page.native.inert).to.equal(false);
      expect(page.field<HTMLTextAreaElement>('comment').value).to.equal('Still mine');
      expect(document.activeElement).to.equal(page.field('comment'));
      // focus() finds that form's comment box too.
      page.field('comment').blur();
      form.focus();
      expect(document.activeElement).to.equal(page.field('comment'));
      page.native.requestSubmit();
      expect(submits).to.deep.equal([{ defaultPrevented: false }]);
      await expectAccessible(page.native);
    } finally {
      console.warn = warn;
    }
  });

  it('leaves a signed-in reader’s form alone without a nonce to post as them', async () => {
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
    try {
      restLink();
      // WordPress's form for a signed-in reader has no name, email, website or consent fields.
      const page = serverRendered({
        edit: (html) =>
          html.replace(/<p class="comment-form-(author|email|url|cookies-consent)">[\s\S]*?<\/p>\n?/g, ''),
      });
      expect(page.native.querySelector('[name="author"]')).to.equal(null);
      const form = await page.upgrade({ takeover: false });
      await waitUntil(() => warnings.length, 'no console warning');
      await form.updateComplete;
      expect(warnings.length).to.equal(1);
      expect(String(warnings[0]![0])).to.contain('no nonce attribute');
      expect(page.native.checkVisibility()).to.equal(true);
      expect(form.shadowRoot!.querySelector('textarea')).to.equal(null);
    } finally {
      console.warn = warn;
    }
  });

  it('defined while the page is still parsing, it waits for the whole form and keeps what was typed into its own fields', async () => {
    // An async script runs mid-parse: document.readyState is 'loading' (stubbed: the test page
    // finished parsing long ago) and the element's children have not all arrived.
    const readyState = Object.getOwnPropertyDescriptor(Document.prototype, 'readyState')!;
    Object.defineProperty(document, 'readyState', { configurable: true, get: () => 'loading' });
    try {
      restLink(printedLinkHref);
      // The form has arrived up to its fields (WordPress prints the name the reader gave last
      // time); its hidden post id, at the end, not yet.
      const page = serverRendered({
        postId: printedPostId,
        edit: (html) => html.replace('name="author" type="text" value=""', 'name="author" type="text" value="Olena"'),
      });
      const hiddenFields = [...page.native.querySelectorAll('input[type="hidden"]')];
      for (const input of hiddenFields) input.remove();
      const host = await page.upgrade({ takeover: false });
      expect(host.effectivePostId).to.equal(undefined);
      await typeInto($(host, '#content'), 'Typed while the page loads');
      await typeInto($(host, '#name'), 'Mykola');
      // The rest of the page arrives, then parsing ends.
      page.native.append(...hiddenFields);
      delete (document as { readyState?: unknown }).readyState;
      document.dispatchEvent(new Event('DOMContentLoaded'));
      // Taken over once the code that reads the form has loaded; the element's own fields stay on show meanwhile.
      expect(host.shadowRoot!.querySelector('#content')).to.exist;
      await waitUntil(() => page.native.inert, 'the form is not taken over');
      await host.updateComplete;
      expect(host.effectivePostId).to.equal(printedPostId);
      expect($(host, '#content').value).to.equal('Typed while the page loads');
      expect($(host, '#name').value).to.equal('Mykola');
      expect(page.native.inert).to.equal(true);
    } finally {
      delete (document as { readyState?: unknown }).readyState;
      expect(Object.getOwnPropertyDescriptor(Document.prototype, 'readyState')).to.deep.equal(readyState);
    }
  });

  it('takes over a signed-in reader’s form with a nonce, without name and email fields', async () => {
    restLink();
    const page = serverRendered({
      attributes: 'nonce="wp-test-nonce"',
      edit: (html) => html.replace(/<p class="comment-form-(author|email|url|cookies-consent)">[\s\S]*?<\/p>\n?/g, ''),
    });
    const form = await page.upgrade();
    expect(form.identity).to.equal('hidden');
    expect(form.shadowRoot!.querySelector('#name, #email')).to.equal(null);
    const content = `Signed in ${Date.now()}`;
    await typeInto($(form, '#content'), content);
    const success = oneEvent(form, 'comment-form-success');
    $(form, '[part~="submit"]').click();
    await success;
    const stored = await (
      await fetch(`/comments/_count?route=wordpress&content=${encodeURIComponent(content)}`)
    ).json();
    expect(stored.count).to.equal(1);
  });
});
