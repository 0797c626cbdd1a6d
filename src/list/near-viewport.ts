/**
 * Whether an element has come near the viewport (600 px either way), once: `<comment-list>`
 * fetches nothing before, so a page whose readers never scroll down costs them no request.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class NearViewport implements ReactiveController {
  /** True from the first time the element comes within 600 px of the viewport. */
  near = false;
  #observer: IntersectionObserver | undefined;

  constructor(private readonly host: ReactiveControllerHost & Element) {
    host.addController(this);
  }

  /** Starts watching; the host updates once it comes near. */
  watch(): void {
    if (this.near) return;
    this.#observer?.disconnect();
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        this.near = true;
        this.#observer?.disconnect();
        this.host.requestUpdate();
      },
      { rootMargin: '600px 0px' },
    );
    this.#observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
  }
}
