/**
 * Follows the language an element is read in as the page changes it: the nearest
 * `[lang]` (see nearest-language.ts), checked again whenever a `lang` attribute changes
 * on the element, on an ancestor, or around the host of a shadow root it sits in (a
 * single-page app's language switch, `document.documentElement.lang = 'de'`).
 *
 * One MutationObserver serves every element on the page. It watches the roots elements
 * need (the document, and the shadow roots between an element and the document) and is
 * disconnected when no element is left to follow. `dir` is not watched: the elements read
 * it through CSS only (logical properties, inherited `direction`), which follows by itself.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { nearestLanguage } from './nearest-language.js';

const followers = new Set<LanguageController>();
/** Made when the first element connects, so importing the module does nothing (server-side rendering included). */
let observer: MutationObserver | undefined;

export class LanguageController implements ReactiveController {
  /** The language the host is read in now: the nearest `lang` value, `undefined` when there is none. */
  language: string | undefined;

  /** `changed` runs whenever the language differs from the one the host had, on connect included. */
  constructor(
    private readonly host: ReactiveControllerHost & Element,
    private readonly changed: (language: string | undefined) => void = () => host.requestUpdate(),
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    observer ??= new MutationObserver(() => followers.forEach((follower) => follower.check()));
    // The document, and each shadow root on the way to it: a `lang` change in any of them may
    // apply. Observing a root again only renews its options.
    for (let node: Node | undefined = this.host; node; node = (node as ShadowRoot).host) {
      node = node.getRootNode();
      observer.observe(node, { attributeFilter: ['lang'], subtree: true });
    }
    followers.add(this);
    this.check();
  }

  hostDisconnected(): void {
    followers.delete(this);
    if (!followers.size) observer!.disconnect();
  }

  /** Reads the language again; tells the host when it changed. */
  check(): void {
    const language = nearestLanguage(this.host);
    if (language === this.language) return;
    this.language = language;
    this.changed(language);
  }
}
