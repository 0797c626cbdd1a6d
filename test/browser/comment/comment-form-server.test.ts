/**
 * <comment-form> against the answers real servers give: a WordPress REST comments
 * route with WordPress's own codes and bodies, and json-protocol failures (429 with
 * Retry-After, a PHP notice before the JSON, a lost answer). The servers are
 * test/comment-server-middleware.js on the runner's loopback server.
 */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../src/define.js';
import type { CommentFormElement } from '../../../src/comment/comment-form.js';
import { deleteDatabase } from './storage-fixtures.js';
import { expectAccessible } from '../../support/expect-accessible.js';

const next = <K extends keyof HTMLElementEventMap>(target: EventTarget, type: K) =>
  oneEvent(target, type) as unknown as Promise<HTMLElementEventMap[K]>;
const $ = <T extends HTMLElement = HTMLElement>(form: CommentFormElement, selector: string) =>
  form.shadowRoot!.querySelector<T>(selector)!;
const status = (form: CommentFormElement) => $(form, '[part~="status"]').textContent!.trim();

let unique = 0;
/** Content no other test (or test file running beside this one) sends. */
const uniqueText = (text: string) => `${text} #${Date.now()}-${unique++}`;

async function arrived(filters: Record<string, string>): Promise<{ content: string }[]> {
  return (await (await fetch(`/comments/_count?${new URLSearchParams(filters)}`)).json()).comments;
}

const mounted: HTMLElement[] = [];
async function newForm(attributes: string): Promise<CommentFormElement> {
  const form = document.createElement('comment-form');
  form.innerHTML = '';
  for (const [, name, value] of attributes.matchAll(/([\w-]+)="([^"]*)"/g)) form.setAttribute(name!, value!);
  document.body.append(form);
  mounted.push(form);
  await form.updateComplete;
  return form;
}
async function fill(form: CommentFormElement, values: Record<string, string>): Promise<void> {
  for (const [id, value] of Object.entries(values)) {
    const control = $<HTMLInputElement>(form, `#${id}`);
    control.value = value;
    control.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  }
  await form.updateComplete;
}
const submit = (form: CommentFormElement) => $(form, '[part~="submit"]').click();

beforeEach(async () => {
  localStorage.clear();
  await deleteDatabase('news-widgets');
});
afterEach(() => {
  for (const form of mounted.splice(0)) form.remove();
});

describe('<comment-form> with WordPress', () => {
  const endpoint = '/wp-json/wp/v2/comments';

  it('recognizes a /wp/v2/comments endpoint, posts WordPress’s fields, and tells the page the new comment’s id', async () => {
    const form = await newForm(`endpoint="${endpoint}" post-id="60"`);
    const content = uniqueText('Posted to WordPress');
    await fill(form, { content, name: 'Olena', email: 'olena@example.com', url: 'olena.example' });
    const success = next(form, 'comment-form-success');
    submit(form);
    const { status, id } = await success;
    expect(status).to.equal('approved');
    const [comment] = (await arrived({ route: 'wordpress', content })) as unknown as Record<string, unknown>[];
    expect(comment).to.include({ post: 60, name: 'Olena', email: 'olena@example.com', url: 'http://olena.example' });
    expect(id).to.equal(String(comment!.id));
  });

  it('says "awaiting moderation" when WordPress holds the comment', async () => {
    const form = await newForm(`endpoint="${endpoint}" post-id="14"`);
    await fill(form, { content: uniqueText('Held'), name: 'A', email: 'a@example.com' });
    const success = next(form, 'comment-form-success');
    submit(form);
    expect((await success).status).to.equal('pending');
    await form.updateComplete;
    expect(status(form)).to.equal('Your comment is awaiting moderation.');
    await expectAccessible(form);
  });

  it('says clearly that comments are closed, and keeps the text', async () => {
    const form = await newForm(`endpoint="${endpoint}" post-id="13"`);
    const content = uniqueText('Too late');
    await fill(form, { content, name: 'A', email: 'a@example.com' });
    const error = next(form, 'comment-form-error');
    submit(form);
    expect((await error).formError).to.deep.equal({
      code: 'closed',
      message: 'Sorry, comments are closed for this item.',
    });
    await form.updateComplete;
    expect($(form, '[part~="error-summary"] li').textContent!.trim()).to.equal('Comments are closed on this article.');
    expect($<HTMLTextAreaElement>(form, '#content').value).to.equal(content);
    await expectAccessible(form);
  });

  it('puts WordPress’s "author data required" on the name and email fields', async () => {
    // identity="optional" lets the form send no name or email; this WordPress requires them.
    const form = await newForm(`endpoint="${endpoint}" post-id="60" identity="optional"`);
    await fill(form, { content: uniqueText('Who am I') });
    const error = next(form, 'comment-form-error');
    submit(form);
    expect(Object.keys((await error).fieldErrors)).to.deep.equal(['name', 'email']);
    await form.updateComplete;
    expect($(form, '#name').getAttribute('aria-invalid')).to.equal('true');
    expect($(form, '#email').getAttribute('aria-invalid')).to.equal('true');
    expect(form.shadowRoot!.activeElement).to.equal($(form, '[part~="error-summary"]'));
  });

  it('sends the nonce of a signed-in reader as X-WP-Nonce, and a stale nonce asks for a reload', async () => {
    const signedIn = await newForm(`endpoint="${endpoint}" post-id="15" identity="hidden" nonce="wp-test-nonce"`);
    await fill(signedIn, { content: uniqueText('Signed in') });
    const success = next(signedIn, 'comment-form-success');
    submit(signedIn);
    await success;
    const stale = await newForm(`endpoint="${endpoint}" post-id="15" identity="hidden" nonce="expired"`);
    await fill(stale, { content: uniqueText('Stale nonce') });
    const error = next(stale, 'comment-form-error');
    submit(stale);
    expect((await error).formError!.code).to.equal('forbidden');
  });
});

describe('<comment-form> with json-protocol failures', () => {
  it('waits as long as a 429’s Retry-After asks, then posts exactly once', async () => {
    const form = await newForm(`endpoint="/comments/json?fail=429&times=1&retryAfter=2" post-id="1"`);
    const content = uniqueText('Rate limited');
    await fill(form, { content, name: 'A', email: 'a@example.com' });
    const success = next(form, 'comment-form-success');
    const started = performance.now();
    submit(form);
    await waitUntil(() => status(form).includes('Trying again in 2 seconds'), 'no retry message', { timeout: 3000 });
    await success;
    expect(performance.now() - started).to.be.at.least(2000);
    expect(await arrived({ route: 'json', content })).to.have.length(1);
  });

  it('resends an unreadable 2xx (PHP notice) with the same Idempotency-Key: one comment, draft cleared', async () => {
    const form = await newForm(`endpoint="/comments/json?fail=php-notice&times=1" post-id="1"`);
    const content = uniqueText('Behind a PHP notice');
    await fill(form, { content, name: 'A', email: 'a@example.com' });
    const success = next(form, 'comment-form-success');
    submit(form);
    await success;
    expect(await arrived({ route: 'json', content })).to.have.length(1);
    expect($<HTMLTextAreaElement>(form, '#content').value).to.equal('');
  });

  it('keeps one comment when the server stored it but the answer was lost', async () => {
    const form = await newForm(`endpoint="/comments/json?fail=network-reset&times=1&landed" post-id="1"`);
    const content = uniqueText('Answer lost');
    await fill(form, { content, name: 'A', email: 'a@example.com' });
    const success = next(form, 'comment-form-success');
    submit(form);
    await success;
    expect(await arrived({ route: 'json', content })).to.have.length(1);
  });

  it('recognizes WordPress’s duplicate answer behind a PHP notice: posted once, draft cleared', async () => {
    // A noisy plugin prints a notice before every answer: the 201 is unreadable, the
    // resend meets WordPress's duplicate check, whose 409 is read past the notice.
    const form = await newForm(`endpoint="/wp-json/wp/v2/comments?fail=php-notice&times=9" post-id="60"`);
    const content = uniqueText('Noisy WordPress');
    await fill(form, { content, name: 'A', email: 'a@example.com' });
    const success = next(form, 'comment-form-success');
    submit(form);
    expect((await success).status).to.equal('duplicate');
    expect(await arrived({ route: 'wordpress', content })).to.have.length(1);
    expect($<HTMLTextAreaElement>(form, '#content').value).to.equal('');
  });

  it('keeps the text when the comment could not be confirmed twice, and says so', async () => {
    // A server answers 200 with a web page every time: the comment may be stored, so it is not sent a third time.
    const form = await newForm(
      `endpoint="/comments/json?fail=200&times=9&type=text/html&body=%3Cp%3EThanks%3C/p%3E&landed" post-id="1"`,
    );
    const content = uniqueText('Never readable');
    await fill(form, { content, name: 'A', email: 'a@example.com' });
    const error = next(form, 'comment-form-error');
    submit(form);
    expect((await error).reason).to.equal('unconfirmed');
    await form.updateComplete;
    expect(status(form)).to.equal(
      'Your comment probably arrived, but the site’s answer could not be read. Your text is kept here: check the comments before posting it again.',
    );
    expect($<HTMLTextAreaElement>(form, '#content').value).to.equal(content);
    expect(await arrived({ route: 'json', content })).to.have.length(1);
  });
});
