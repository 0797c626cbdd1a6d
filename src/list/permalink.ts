/**
 * Follows `#comment-ID` in the page's address, as WordPress links a comment: the id the
 * address asks for (on arrival or when the hash changes) is `wanted` until the list has
 * shown it. The list loads pages until the comment is there (`reveal`).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

const PERMALINK = /^#comment-(.+)$/;

/** The comment id a URL hash names, if it names one. */
export const permalinkedComment = (hash: string): string | undefined => PERMALINK.exec(hash)?.[1];

export class PermalinkFollower implements ReactiveController {
  /** The comment the address asks for, until it is shown. */
  wanted: string | undefined;

  /**
   * `reveal` shows a comment once the list is ready to (`ready`); until then a change of
   * the hash asks the host for an update, which starts loading.
   */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly ready: () => boolean,
    private readonly reveal: (id: string) => Promise<void>,
  ) {
    host.addController(this);
  }

  /** Starts from the address the page was opened with. */
  follow(): void {
    this.wanted = permalinkedComment(location.hash);
  }

  hostConnected(): void {
    addEventListener('hashchange', this.#onHashChange);
  }

  hostDisconnected(): void {
    removeEventListener('hashchange', this.#onHashChange);
  }

  #onHashChange = (): void => {
    const id = permalinkedComment(location.hash);
    if (!id) return;
    this.wanted = id;
    if (this.ready()) void this.reveal(id);
    else this.host.requestUpdate();
  };
}
