/**
 * Where the list's `<comment-form>` is while the reader replies: the one owner of moving
 * it under a comment and back. In the list's own thread the form changes slot (it never
 * leaves the page, so nothing it holds is reset); in a theme's server-rendered thread it
 * moves in the DOM (server-rendered-thread.ts). Its `parent` and heading follow it, and
 * its words are put back as they were.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CommentFormElement } from '../comment/comment-form.js';
import { ServerFormMove, type ServerReply } from './server-rendered-thread.js';

export interface ReplyTarget {
  id: string;
  authorName: string;
}

export interface ReplyPlacementOptions {
  form: () => CommentFormElement | null;
  /** The form's heading under `name`'s comment: "Reply to NAME". */
  heading: (name: string) => string;
  cancelText: () => string;
  /** Cancel reply was pressed under a server-rendered comment. */
  cancelled: () => void;
}

export class ReplyPlacement implements ReactiveController {
  /** The comment the form is under; `undefined` when it is at home. */
  target: ReplyTarget | undefined;
  #formStrings: CommentFormElement['strings'] | undefined;
  #serverMove: ServerFormMove | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ReplyPlacementOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Moves the form under `target` (named `name`); under a server-rendered comment when `server` says which. Returns the form. */
  moveUnder(target: ReplyTarget, name: string, server?: ServerReply): CommentFormElement | undefined {
    const form = this.options.form();
    if (!form) return undefined;
    this.#serverMove?.back();
    this.#serverMove = server && new ServerFormMove(form, server, this.options.cancelText(), this.options.cancelled);
    this.#formStrings ??= form.strings;
    form.parent = target.id;
    form.strings = { ...this.#formStrings, replyHeading: this.options.heading(name) };
    if (server) form.removeAttribute('slot');
    else form.slot = 'reply';
    this.target = target;
    this.host.requestUpdate();
    return form;
  }

  /** Puts the form back where it was. Returns what focus should go back to: the server-rendered Reply link, if any. */
  back(): { target: ReplyTarget; serverLink?: HTMLElement } | undefined {
    const form = this.options.form();
    const target = this.target;
    if (!form || !target) return undefined;
    form.parent = undefined;
    if (this.#formStrings) form.strings = this.#formStrings;
    this.#formStrings = undefined;
    form.removeAttribute('slot');
    const serverLink = this.#serverMove?.reply.link;
    this.#serverMove?.back();
    this.#serverMove = undefined;
    this.target = undefined;
    this.host.requestUpdate();
    return { target, serverLink };
  }
}
