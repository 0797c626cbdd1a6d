/**
 * Takes over the server-rendered form a `<comment-form>` wraps (WordPress's
 * `comment_form()` output). The code that reads the form (server-rendered-form.ts) is a
 * chunk of its own, loaded only here: until it arrives the form stays on show and
 * working, and what the reader types into it meanwhile moves over. Then the form's
 * endpoint, post and parent fill in what the element's attributes leave open, what the
 * reader typed moves into the element's fields with their focus and caret, and the form
 * stays in the DOM, inert and never submitted. When the element cannot post (no
 * endpoint), or the chunk cannot be loaded, the form stays on show and working, as
 * without JavaScript, and the console says why.
 */
import type { ReactiveController, ReactiveElement } from 'lit';
import type { CommentIdentity } from './comment.js';
import type { FocusedField, OwnSettings, ServerRenderedForm, TakeOver } from './server-rendered-form.js';

/**
 * `none`: there is no form inside, or it has not been looked for yet. `loading`: the code
 * that reads it is on its way, and the form stays on show and working meanwhile;
 * `reading`: the same, with the element's own fields on show already (defined mid-parse);
 * `taken`: the element replaced it; `kept`: it could not, and the form stays on show.
 */
export type TakeoverState = 'none' | 'loading' | 'reading' | 'taken' | 'kept';

export class ServerFormTakeover implements ReactiveController {
  state: TakeoverState = 'none';
  /** What the wrapped form says, used where the element has no attribute of its own. */
  settings: { endpoint?: string; postId?: string; parent?: string } = {};

  readonly #host: ReactiveElement;
  readonly #own: () => OwnSettings;
  readonly #taken: (read: ServerRenderedForm, identity: CommentIdentity) => void;
  /** The field the reader was in when the element took over. */
  #focus: FocusedField | undefined;

  /** `own`: what the element's attributes say; `taken`: the form was taken over, with what it held and whose identity it asks for. */
  constructor(
    host: ReactiveElement,
    own: () => OwnSettings,
    taken: (read: ServerRenderedForm, identity: CommentIdentity) => void,
  ) {
    (this.#host = host).addController(this);
    this.#own = own;
    this.#taken = taken;
  }

  /** The wrapped form is the form on show: not taken over (yet). */
  get showsForm(): boolean {
    return this.state === 'loading' || this.state === 'kept';
  }

  hostConnected(): void {
    // The wrapped form stays on show until it is read, with the reader's focus and caret in it.
    if (this.state !== 'none') return;
    if (document.readyState !== 'loading') void this.#takeOver();
    // Defined while the page is still parsing (an async script): the form may not be all there yet.
    else document.addEventListener('DOMContentLoaded', () => void this.#takeOver(), { once: true });
  }

  hostUpdated(): void {
    if (this.#focus) this.#moveFocusIntoForm(this.#focus);
  }

  async #takeOver(): Promise<void> {
    const host = this.#host;
    const form = host.querySelector('form');
    if (!form || this.state !== 'none') return;
    this.state = host.hasUpdated ? 'reading' : 'loading';
    let takeOver: TakeOver | string;
    try {
      const { takeOverServerRenderedForm } = await import('./server-rendered-form.js');
      takeOver = takeOverServerRenderedForm(form, this.#own());
    } catch {
      takeOver = 'its code could not be loaded';
    }
    if (typeof takeOver === 'string') {
      // On show since the page was still parsing, the element's own fields may hold the reader's text: it goes with the form.
      if (this.state === 'reading') this.#fillIn(form, false);
      this.state = 'kept';
      console.warn(
        `<${host.localName}> leaves the form inside it on show, working as without JavaScript: ${takeOver}.`,
        host,
      );
      host.requestUpdate();
      return;
    }
    const { read, endpoint, identity } = takeOver;
    this.state = 'taken';
    this.settings = { endpoint, postId: read.postId, parent: read.parent };
    // Out of the accessibility tree, the tab order and find-in-page; Enter in it submits nothing.
    form.inert = true;
    form.addEventListener('submit', (event) => event.preventDefault(), { capture: true });
    this.#focus = read.focus;
    this.#taken(read, identity);
    host.requestUpdate();
  }

  /**
   * The element cannot send (its engine could not be downloaded): the wrapped form it took
   * over posts what the reader typed, as without JavaScript. False when there is no such form.
   */
  postNatively(remember: boolean): boolean {
    const form = this.#host.querySelector('form');
    if (this.state !== 'taken' || !form) return false;
    this.#fillIn(form, true);
    const consent = form.elements.namedItem('wp-comment-cookies-consent');
    if (consent instanceof HTMLInputElement) consent.checked = remember;
    form.inert = false;
    // The form's own method: WordPress names its button `submit`, which hides `form.submit`.
    HTMLFormElement.prototype.submit.call(form);
    return true;
  }

  /** The element's fields into the wrapped form's, by name: all of them, or (`overwrite` false) only into empty ones. */
  #fillIn(form: HTMLFormElement, overwrite: boolean): void {
    for (const control of this.#host.renderRoot.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(
      '[part~="input"]',
    )) {
      const native = form.elements.namedItem(control.name);
      if (
        (native instanceof HTMLInputElement || native instanceof HTMLTextAreaElement) &&
        (overwrite || (control.value && !native.value))
      )
        native.value = control.value;
    }
  }

  /** Puts the reader back where they were in the wrapped form: the same field, the same caret. */
  #moveFocusIntoForm(focus: FocusedField): void {
    const control = this.#host.renderRoot.querySelector<HTMLInputElement | HTMLTextAreaElement>(
      focus.field === 'remember' ? '#remember' : `#${focus.field}`,
    );
    if (!control) return;
    this.#focus = undefined;
    control.focus({ preventScroll: true });
    if (focus.selectionStart === null || focus.selectionEnd === null) return;
    try {
      control.setSelectionRange(focus.selectionStart, focus.selectionEnd, focus.selectionDirection ?? undefined);
    } catch {
      // Inputs without a caret (type=email in some browsers) keep focus only.
    }
  }
}
