/**
 * A reader with tabs on one article, each tab a same-origin iframe with one
 * `<comment-form>` (test/support/comment-tab.ts says what is emulated and why), posting
 * to a faulty endpoint of its own (test/faulty-endpoint-middleware.js). What the reader
 * does goes through the form's own controls: the box, the fields, the buttons.
 */
import { waitUntil } from '@open-wc/testing';
import type { CommentFormElement } from '../../src/comment/comment-form.js';

export type Fault = '500' | '503' | '429' | 'drop-before' | 'drop-after' | '500-after' | 'slow';

export interface StoredComment {
  id: string;
  key: string;
  content: string;
}

let runs = 0;

export class Reader {
  readonly run = `run-${Date.now()}-${++runs}`;
  readonly tabs: HTMLIFrameElement[] = [];
  #opened = 0;

  /** Opens a new tab on the article; resolves once its form shows and has had time to restore. */
  async openTab(): Promise<HTMLIFrameElement> {
    const frame = document.createElement('iframe');
    frame.name = `${this.run}-tab-${++this.#opened}`;
    frame.style.cssText = 'width: 40rem; height: 50rem; border: 0';
    frame.src = `/test/support/comment-tab.html?run=${this.run}`;
    document.body.append(frame);
    this.tabs.push(frame);
    await this.#ready(frame);
    return frame;
  }

  async reload(frame: HTMLIFrameElement): Promise<void> {
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    frame.contentWindow!.location.reload();
    await loaded;
    await this.#ready(frame);
  }

  /** Closes a tab: its page is hidden and unloaded, as when a tab closes. */
  close(frame: HTMLIFrameElement): void {
    frame.remove();
    this.tabs.splice(this.tabs.indexOf(frame), 1);
  }

  closeAll(): void {
    for (const frame of [...this.tabs]) this.close(frame);
  }

  form(frame: HTMLIFrameElement): CommentFormElement {
    return frame.contentDocument!.querySelector('comment-form') as CommentFormElement;
  }

  #part<T extends Element>(frame: HTMLIFrameElement, selector: string): T | null {
    return this.form(frame)?.shadowRoot?.querySelector<T>(selector) ?? null;
  }

  box(frame: HTMLIFrameElement): HTMLTextAreaElement {
    return this.#part<HTMLTextAreaElement>(frame, '#content')!;
  }

  status(frame: HTMLIFrameElement): string {
    return this.#part(frame, '[part~="status"]')?.textContent?.trim() ?? '';
  }

  pendingNote(frame: HTMLIFrameElement): string {
    return this.#part(frame, '[part~="pending"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  /** A button of the form by its words, if shown. */
  button(frame: HTMLIFrameElement, words: string): HTMLButtonElement | undefined {
    const buttons = this.form(frame)?.shadowRoot?.querySelectorAll('button') ?? [];
    return [...buttons].find((button) => button.textContent!.trim() === words);
  }

  /** Types `text` at the end of a field, as the reader would: the field must accept typing. */
  type(frame: HTMLIFrameElement, text: string, field = '#content'): boolean {
    const control = this.#part<HTMLTextAreaElement | HTMLInputElement>(frame, field)!;
    if (control.readOnly) return false;
    control.focus();
    control.value += text;
    control.dispatchEvent(
      new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: text }),
    );
    return true;
  }

  /** Presses "Post Comment", after giving a name and email if the fields are empty. */
  submit(frame: HTMLIFrameElement): void {
    for (const [field, value] of [
      ['#name', 'Reader'],
      ['#email', 'reader@example.com'],
    ])
      if (!this.#part<HTMLInputElement>(frame, field)!.value) this.type(frame, value, field);
    this.#part<HTMLButtonElement>(frame, '[part~="submit"]')!.click();
  }

  async arm(...faults: Fault[]): Promise<void> {
    await this.#post('faults', { faults });
  }

  /** Goes offline or back online: the browser says so, and the server drops every post meanwhile. */
  async setOffline(offline: boolean): Promise<void> {
    (window as unknown as { readerOffline: boolean }).readerOffline = offline;
    await this.#post('offline', { offline });
    for (const frame of this.tabs) frame.contentWindow!.dispatchEvent(new Event(offline ? 'offline' : 'online'));
  }

  async heal(): Promise<void> {
    (window as unknown as { readerOffline: boolean }).readerOffline = false;
    await this.#post('heal', {});
    for (const frame of this.tabs) frame.contentWindow!.dispatchEvent(new Event('online'));
  }

  /** What the server stored, and how many posts reached it. */
  async stored(): Promise<{ comments: StoredComment[]; posts: number }> {
    return (await fetch(`/faulty/${this.run}/stored`)).json();
  }

  async storedContents(): Promise<string[]> {
    return (await this.stored()).comments.map((comment) => comment.content);
  }

  async #post(route: string, body: unknown): Promise<void> {
    const response = await fetch(`/faulty/${this.run}/${route}`, { method: 'POST', body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`${route}: ${response.status}`);
  }

  async #ready(frame: HTMLIFrameElement): Promise<void> {
    await waitUntil(() => this.form(frame)?.shadowRoot?.querySelector('#content'), 'the form never showed', {
      timeout: 10000,
    });
    await this.form(frame).updateComplete;
    // Its draft and outbox are read from IndexedDB: a moment, as a reader's first keystroke takes.
    await new Promise((resolve) => setTimeout(resolve, 120));
    await this.form(frame).updateComplete;
  }
}
