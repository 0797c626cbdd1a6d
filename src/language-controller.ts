/**
 * Follows the language an element is read in as the page changes it: the nearest
 * `[lang]` (see nearest-language.ts), checked again whenever a `lang` attribute changes
 * on the element, on an ancestor, or around the host of a shadow root it sits in (a
 * single-page app's language switch, `document.documentElement.lang = 'de'`).
 *
 * One MutationObserver serves every element on the page. It watches each root an element
 * needs (the document, and the shadow roots between it and the document) only while some
 * element does, and is disconnected when none does. `dir` is not watched: the elements
 * read it through CSS only (logical properties, inherited `direction`), which follows by itself.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { nearestLanguage } from './nearest-language.js';

const followers = new Set<LanguageController>();
/** How many followers need each root watched. */
const watchedRoots = new Map<Node, number>();
/** Made when the first element connects, so importing the module does nothing (server-side rendering included). */
let observer: MutationObserver | undefined;
const OPTIONS: MutationObserverInit = { attributeFilter: ['lang'], subtree: true };

export class LanguageController implements ReactiveController {
  /** The language the host is read in now: the nearest `lang` value, `undefined` when there is none. */
  language: string | undefined;
  #roots: Node[] = [];

  /** `changed` runs whenever the language differs from the one the host had, on connect included. */
  constructor(
    private readonly host: ReactiveControllerHost & Element,
    private readonly changed: (language: string | undefined) => void = () => host.requestUpdate(),
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    observer ??= new MutationObserver(() => followers.forEach((follower) => follower.check()));
    // The document, and each shadow root on the way to it: a `lang` change in any of them may apply.
    for (let node: Node | undefined = this.host; node; node = (node as ShadowRoot).host) {
      node = node.getRootNode();
      this.#roots.push(node);
      const count = watchedRoots.get(node) ?? 0;
      if (!count) observer.observe(node, OPTIONS);
      watchedRoots.set(node, count + 1);
    }
    followers.add(this);
    this.check();
  }

  hostDisconnected(): void {
    followers.delete(this);
    let unwatched = false;
    for (const root of this.#roots.splice(0)) {
      const count = watchedRoots.get(root)! - 1;
      if (count) watchedRoots.set(root, count);
      else unwatched = !!watchedRoots.delete(root);
    }
    if (!unwatched || !observer) return;
    // An observer cannot stop watching one root: start again with the roots still needed,
    // without losing a change it has seen and not yet reported.
    const pending = observer.takeRecords();
    observer.disconnect();
    watchedRoots.forEach((_, root) => observer!.observe(root, OPTIONS));
    if (pending.length) followers.forEach((follower) => follower.check());
  }

  /** Reads the language again; tells the host when it changed. */
  check(): void {
    const language = nearestLanguage(this.host);
    if (language === this.language) return;
    this.language = language;
    this.changed(language);
  }
}
