/**
 * <comment-form> in real Chromium and Firefox with real IndexedDB, posting over real HTTP to
 * the json protocol's reference endpoint (scripts/comment-endpoint.js, one instance
 * per test under /api/t/<name>/comments) and to a WordPress-like endpoint. Failures
 * are produced by the server for real; axe checks every state.
 */
import { aTimeout, expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define.js';
import type { CommentFormElement } from '../../../src/comment/comment-form.js';
import { deleteDatabase } from './storage-fixtures.js';
import { expectAccessible } from '../../support/expect-accessible.js';

let testCount = 0;
/** A fresh endpoint for one test. */
function newEndpoint(): string {
  return `/api/t/form-${Date.now()}-${testCount++}/comments`;
}
async function storedComments(endpoint: string): Promise<{ content: string; name: string; postId: string }[]> {
  return (await fetch(endpoint)).json();
}
async function setFailureMode(endpoint: string, mode: string): Promise<void> {
  await fetch(`${endpoint}/failure-mode`, { method: 'POST', body: JSON.stringify({ mode }) });
}

/** The next event of a type, typed as the element declares it. */
const next = <K extends keyof HTMLElementEventMap>(target: EventTarget, type: K) =>
  oneEvent(target, type) as unknown as Promise<HTMLElementEventMap[K]>;

const root = (form: CommentFormElement) => form.shadowRoot!;
const $ = <T extends Element = HTMLElement>(form: CommentFormElement, selector: string) =>
  root(form).querySelector<T & HTMLElement>(selector)!;
const status = (form: CommentFormElement) => $(form, '[part~="status"]').textContent!.trim();

/** Types into a field the way a reader does: focus, then real key presses. */
async function type(form: CommentFormElement, id: string, text: string): Promise<void> {
  $(form, `#${id}`).focus();
  await sendKeys({ type: text });
}

async function fill(form: CommentFormElement, values: Partial<Record<'content' | 'name' | 'email' | 'url', string>>) {
  for (const [id, value] of Object.entries(values)) {
    const control = $<HTMLInputElement>(form, `#${id}`);
    control.value = value;
    control.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  }
  await form.updateComplete;
}

/**
 * Puts a form in the page. Built by hand rather than with `fixture()` for a plain
 * wrapper, which waits for an animation frame that never comes in a background tab
 * (the test runner runs files side by side).
 */
async function newForm(endpoint: string, attributes = '', wrapperAttributes = ''): Promise<CommentFormElement> {
  const wrapper = document.createElement('div');
  wrapper.innerHTML = `<div ${wrapperAttributes}><comment-form endpoint="${endpoint}" post-id="${postId}" ${attributes}></comment-form></div>`;
  document.body.append(wrapper);
  mounted.push(wrapper);
  const form = wrapper.querySelector('comment-form') as CommentFormElement;
  await form.updateComplete;
  return form;
}
const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const wrapper of mounted.splice(0)) wrapper.remove();
});

function submit(form: CommentFormElement): void {
  $(form, '[part~="submit"]').click();
}

/** A post of this test's own: a draft a form of an earlier test writes as it goes can never show up here. */
let postId = '';
beforeEach(async () => {
  postId = `post-${Date.now()}-${testCount}`;
  // Every test starts with no drafts, identity or outbox from an earlier one. Open
  // connections close on the deletion's versionchange and reopen on their next use.
  localStorage.clear();
  await deleteDatabase('news-widgets');
});

describe('<comment-form>: what the reader sees', () => {
  it('is WordPress’s form: heading, note, fields in order, consent, button; and passes axe empty', async () => {
    const form = await newForm(newEndpoint());
    expect($(form, 'h2[part~="heading"]').textContent!.trim()).to.equal('Leave a comment');
    expect($(form, '.note').textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Your email address will not be published. Required fields are marked *',
    );
    const labels = [...root(form).querySelectorAll('label')].map((label) =>
      label.textContent!.replace(/\s+/g, ' ').trim(),
    );
    expect(labels).to.deep.equal([
      'Comment *',
      'Name *',
      'Email *',
      'Website',
      'Save my name, email, and website in this browser for the next time I comment.',
    ]);
    expect($(form, '[part~="submit"]').textContent!.trim()).to.equal('Post Comment');
    await expectAccessible(form);
  });

  it('gives every field a label, autocomplete, required, a marker not read as "star", and linked hints', async () => {
    const form = await newForm(newEndpoint());
    for (const [id, autocomplete, required] of [
      ['content', null, true],
      ['name', 'name', true],
      ['email', 'email', true],
      ['url', 'url', false],
    ] as const) {
      const control = $(form, `#${id}`);
      expect(root(form).querySelector(`label[for="${id}"]`), id).to.exist;
      expect(control.getAttribute('autocomplete')).to.equal(autocomplete);
      expect(control.hasAttribute('required'), id).to.equal(required);
      const marker = root(form).querySelector(`label[for="${id}"] .required`);
      if (required) expect(marker!.getAttribute('aria-hidden')).to.equal('true');
      const describedBy = (control.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
      expect(describedBy, id).to.deep.equal([`${id}-hint`]);
      for (const hintId of describedBy)
        expect(root(form).getElementById(hintId)!.textContent!.trim(), hintId).not.to.equal('');
    }
    expect($(form, '#content').getAttribute('aria-describedby')).to.equal('content-hint');
    expect($(form, '#name-hint').textContent).to.equal('Shown with your comment.');
    expect($<HTMLFormElement>(form, 'form').noValidate).to.equal(true);
  });

  it('focus() puts the caret in the comment box, where the reader types', async () => {
    const form = await newForm(newEndpoint());
    form.focus();
    expect(document.activeElement).to.equal(form);
    expect(root(form).activeElement).to.equal($(form, '#content'));
    await sendKeys({ type: 'Straight in' });
    expect($<HTMLTextAreaElement>(form, '#content').value).to.equal('Straight in');
    expect(form.value.content).to.equal('Straight in');
  });

  it('hides name, email and website for a signed-in reader', async () => {
    const form = await newForm(newEndpoint(), 'identity="hidden"');
    expect(root(form).querySelector('#name, #email, #url, #remember, .note')).to.equal(null);
    await expectAccessible(form);
  });

  it('speaks Arabic, right to left, on an Arabic page', async () => {
    const form = await newForm(newEndpoint(), '', 'lang="ar" dir="rtl"');
    await waitUntil(() => $(form, '[part~="heading"]').textContent!.trim() !== 'Leave a comment', 'no Arabic strings');
    expect($(form, '[part~="heading"]').textContent!.trim()).to.equal('اترك تعليقاً');
    expect(getComputedStyle($(form, 'form')).direction).to.equal('rtl');
    // Logical properties: the marked edge of an invalid field is the start edge, on the right.
    submit(form);
    await form.updateComplete;
    const field = $(form, '#content');
    expect(getComputedStyle(field).borderRightWidth).to.equal('5px');
    await expectAccessible(form);
  });

  it('lets the site replace any string, through the attribute as JSON', async () => {
    const form = await newForm(newEndpoint(), `strings='{"heading":"Join the discussion","submit":"Send"}'`);
    expect($(form, '[part~="heading"]').textContent!.trim()).to.equal('Join the discussion');
    expect($(form, '[part~="submit"]').textContent!.trim()).to.equal('Send');
  });
});

describe('<comment-form> inside <news-article>', () => {
  it('posts to the article it sits in, with no post-id of its own', async () => {
    const endpoint = newEndpoint();
    const wrapper = document.createElement('div');
    wrapper.innerHTML = `<news-article src="/demo-feed.json"><comment-form endpoint="${endpoint}"></comment-form></news-article>`;
    document.body.append(wrapper);
    mounted.push(wrapper);
    const form = wrapper.querySelector('comment-form') as CommentFormElement;
    await waitUntil(() => form.effectivePostId !== undefined, 'the form never learned its post');
    await fill(form, { content: 'About the talks', name: 'F', email: 'f@example.com' });
    const success = next(form, 'comment-form-success');
    submit(form);
    await success;
    expect((await storedComments(endpoint)).map((comment) => comment.postId)).to.deep.equal([
      'russia-ukraine-talks-antalya-2022-03-10',
    ]);
    // The form is shown under the article, not hidden in its light DOM.
    expect(form.getBoundingClientRect().height).to.be.greaterThan(0);
  });
});

describe('<comment-form> inside an article that is still loading', () => {
  it('keeps what the reader typed before the article arrived, under the article’s post', async () => {
    const feed = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      items: [{ id: `slow-${Date.now()}`, title: 'Slow' }],
    });
    const src = `/feeds/body?delay=600&body=${encodeURIComponent(feed)}`;
    const mount = async () => {
      const wrapper = document.createElement('div');
      wrapper.innerHTML = `<news-article src="${src}"><comment-form endpoint="${newEndpoint()}"></comment-form></news-article>`;
      document.body.append(wrapper);
      mounted.push(wrapper);
      const form = wrapper.querySelector('comment-form') as CommentFormElement;
      await form.updateComplete;
      return { wrapper, form, article: wrapper.querySelector('news-article')! };
    };
    const first = await mount();
    expect(first.form.effectivePostId).to.equal(undefined);
    await fill(first.form, { content: 'Typed while the article loads' });
    await oneEvent(first.article, 'load');
    await aTimeout(1700);
    first.wrapper.remove();
    const second = await mount();
    // Before the article arrives nothing is restored: no draft was left under a post-less key.
    await aTimeout(250);
    expect($<HTMLTextAreaElement>(second.form, '#content').value).to.equal('');
    await oneEvent(second.article, 'load');
    await waitUntil(
      () => $<HTMLTextAreaElement>(second.form, '#content').value === 'Typed while the article loads',
      'the draft was not kept under the article’s post',
    );
    expect(second.form.effectivePostId).to.equal(JSON.parse(feed).items[0].id);
  });
});

describe('<comment-form>: validation', () => {
  it('on an empty submit shows a focused error summary whose links move focus to each field', async () => {
    const endpoint = newEndpoint();
    const form = await newForm(endpoint);
    const error = next(form, 'comment-form-error');
    submit(form);
    expect((await error).reason).to.equal('invalid');
    await form.updateComplete;
    const summary = $(form, '[part~="error-summary"]');
    expect(summary.getAttribute('role')).to.equal('alert');
    expect(root(form).activeElement).to.equal(summary);
    const links = [...summary.querySelectorAll('a')];
    expect(links.map((link) => link.textContent!.trim())).to.deep.equal([
      'Enter your comment',
      'Enter your name',
      'Enter your email address',
    ]);
    links[1]!.click();
    expect(root(form).activeElement).to.equal($(form, '#name'));
    for (const id of ['content', 'name', 'email']) {
      const control = $(form, `#${id}`);
      expect(control.getAttribute('aria-invalid')).to.equal('true');
      expect(control.getAttribute('aria-describedby')).to.include(`${id}-error`);
    }
    await expectAccessible(form);
    expect(await storedComments(endpoint)).to.deep.equal([]);
  });

  it('checks the email format, the website, and WordPress’s limits in UTF-8 bytes', async () => {
    const form = await newForm(newEndpoint());
    // 123 Cyrillic letters are 246 bytes: one byte over WordPress's 245 for a name.
    await fill(form, { content: 'Hi', name: 'Я'.repeat(123), email: 'not an email', url: 'javascript:alert(1)' });
    submit(form);
    await form.updateComplete;
    const messages = [...root(form).querySelectorAll('[part~="error-summary"] a')].map((link) =>
      link.textContent!.trim(),
    );
    expect(messages).to.deep.equal([
      'Name is too long: shorten it by about 1 characters',
      'Enter an email address in the correct format, like name@example.com',
      'Enter a web address in the correct format, like example.com',
    ]);
    await fill(form, { name: 'Я'.repeat(122), email: 'reader@example.com', url: 'example.com' });
    submit(form);
    await form.updateComplete;
    expect(root(form).querySelector('[part~="error-summary"]')).to.equal(null);
  });
});

describe('<comment-form>: posting', () => {
  it('takes a keyboard-only reader from the first field to "posted", and the comment arrives', async () => {
    const endpoint = newEndpoint();
    const form = await newForm(endpoint);
    const success = next(form, 'comment-form-success');
    await type(form, 'content', 'Thank you for the clear report.');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Olena' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'olena@example.com' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(root(form).activeElement!.id).to.equal('remember');
    await sendKeys({ press: 'Tab' });
    expect(root(form).activeElement).to.equal($(form, '[part~="submit"]'));
    await sendKeys({ press: 'Enter' });
    expect((await success).status).to.equal('approved');
    await form.updateComplete;
    expect(status(form)).to.equal('Your comment has been posted.');
    expect($<HTMLTextAreaElement>(form, '#content').value).to.equal('');
    await waitUntil(
      () => $(form, '[part~="submit"]').getAttribute('aria-disabled') === 'false',
      'the button stays disabled',
    );
    const stored = await storedComments(endpoint);
    expect(stored.map(({ content, name, postId }) => ({ content, name, postId }))).to.deep.equal([
      { content: 'Thank you for the clear report.', name: 'Olena', postId },
    ]);
    await expectAccessible(form);
  });

  it('posts once, however often the button is pressed', async () => {
    const endpoint = newEndpoint();
    await setFailureMode(endpoint, 'slow');
    const form = await newForm(endpoint);
    await fill(form, { content: 'Only once', name: 'A', email: 'a@example.com' });
    const success = next(form, 'comment-form-success');
    submit(form);
    submit(form);
    $<HTMLFormElement>(form, 'form').requestSubmit();
    await form.updateComplete;
    expect(status(form)).to.equal('Sending your comment…');
    expect($(form, '[part~="submit"]').getAttribute('aria-disabled')).to.equal('true');
    await expectAccessible(form);
    await success;
    expect((await storedComments(endpoint)).length).to.equal(1);
  });

  it('shows the server’s field errors where they belong (json protocol)', async () => {
    const endpoint = newEndpoint();
    // identity="optional" lets the form send no name; the reference server requires one.
    const form = await newForm(endpoint, 'identity="optional"');
    await fill(form, { content: 'Anonymous?' });
    const error = next(form, 'comment-form-error');
    submit(form);
    expect((await error).reason).to.equal('rejected');
    await form.updateComplete;
    expect($(form, '#name').getAttribute('aria-invalid')).to.equal('true');
    expect($(form, '#name-error').textContent).to.include('Enter your name');
    expect($<HTMLTextAreaElement>(form, '#content').value).to.equal('Anonymous?');
  });

  it('retries after a server error and ends with exactly one comment', async () => {
    const endpoint = newEndpoint();
    await setFailureMode(endpoint, '500');
    const form = await newForm(endpoint);
    await fill(form, { content: 'Survives a 500', name: 'B', email: 'b@example.com' });
    submit(form);
    await waitUntil(() => status(form).startsWith('Your comment could not be sent yet'), 'no retry message', {
      timeout: 5000,
    });
    await expectAccessible(form);
    await setFailureMode(endpoint, 'none');
    await next(form, 'comment-form-success');
    expect((await storedComments(endpoint)).map((comment) => comment.content)).to.deep.equal(['Survives a 500']);
  });

  it('keeps the comment in the outbox when the connection drops, and sends it when the reader is back online', async () => {
    const endpoint = newEndpoint();
    await setFailureMode(endpoint, 'offline');
    const form = await newForm(endpoint);
    await fill(form, { content: 'Written on a train', name: 'C', email: 'c@example.com' });
    // The browser believes it is offline, as it does in a tunnel: no retry loop, straight to the outbox.
    const onLine = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')!;
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    try {
      const queued = next(form, 'comment-form-error');
      submit(form);
      expect((await queued).reason).to.equal('queued');
      await form.updateComplete;
      expect(status(form)).to.equal('Saved — it will be sent when you are back online.');
      expect($<HTMLTextAreaElement>(form, '#content').value).to.equal('Written on a train');
      await expectAccessible(form);
    } finally {
      Object.defineProperty(navigator, 'onLine', onLine);
      delete (navigator as { onLine?: boolean }).onLine;
    }
    await setFailureMode(endpoint, 'none');
    const success = next(form, 'comment-form-success');
    window.dispatchEvent(new Event('online'));
    await success;
    expect((await storedComments(endpoint)).map((comment) => comment.content)).to.deep.equal(['Written on a train']);
  });

  it('lets the site take over: a cancelled submit event sends nothing', async () => {
    const endpoint = newEndpoint();
    const form = await newForm(endpoint);
    await fill(form, { content: 'Mine to send', name: 'D', email: 'd@example.com' });
    form.addEventListener('comment-form-submit', (event) => event.preventDefault(), { once: true });
    const submitted = next(document, 'comment-form-submit');
    submit(form);
    const event = await submitted;
    expect(event.submission.fields.content).to.equal('Mine to send');
    await aTimeout(200);
    expect(await storedComments(endpoint)).to.deep.equal([]);
  });
});

describe('<comment-form>: drafts', () => {
  it('restores the draft in a new form on the same page and post, announces it, and can discard it', async () => {
    const endpoint = newEndpoint();
    const first = await newForm(endpoint);
    await fill(first, { content: 'A thought worth keeping' });
    // Leaving the page writes at once, without waiting for the typing pause.
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    first.remove();
    await aTimeout(100);
    // The event bubbles out of the form, so the page hears it however fast storage answers.
    const restoreEvent = next(document, 'comment-form-draft-restore');
    const second = await newForm(endpoint);
    const restored = await restoreEvent;
    expect(restored.content).to.equal('A thought worth keeping');
    await second.updateComplete;
    expect($<HTMLTextAreaElement>(second, '#content').value).to.equal('A thought worth keeping');
    expect(status(second)).to.equal('Draft restored.');
    await expectAccessible(second);
    $(second, '[part~="draft-notice"] button').click();
    await waitUntil(() => status(second) === 'Draft discarded.');
    second.remove();
    const third = await newForm(endpoint);
    await aTimeout(300);
    expect($<HTMLTextAreaElement>(third, '#content').value).to.equal('');
  });

  it('remembers name, email and website only with consent, and forgets them when it is withdrawn', async () => {
    const endpoint = newEndpoint();
    const first = await newForm(endpoint);
    await fill(first, { name: 'Dmytro', email: 'dmytro@example.com' });
    await aTimeout(100);
    let second = await newForm(endpoint);
    await aTimeout(200);
    expect($<HTMLInputElement>(second, '#name').value).to.equal('');
    $(first, '#remember').click();
    await aTimeout(200);
    second.remove();
    second = await newForm(newEndpoint());
    await waitUntil(() => $<HTMLInputElement>(second, '#name').value === 'Dmytro', 'identity not prefilled');
    expect($<HTMLInputElement>(second, '#remember').checked).to.equal(true);
    $(second, '#remember').click();
    await aTimeout(200);
    const third = await newForm(newEndpoint());
    await aTimeout(200);
    expect($<HTMLInputElement>(third, '#name').value).to.equal('');
  });

  it('never brings a posted draft back', async () => {
    const endpoint = newEndpoint();
    const form = await newForm(endpoint);
    await fill(form, { content: 'Posted once', name: 'E', email: 'e@example.com' });
    await aTimeout(900);
    submit(form);
    await next(form, 'comment-form-success');
    form.remove();
    const again = await newForm(endpoint);
    await aTimeout(300);
    expect($<HTMLTextAreaElement>(again, '#content').value).to.equal('');
  });
});
