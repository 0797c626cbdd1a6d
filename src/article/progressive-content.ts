/**
 * Renders the content of a very large article progressively: a screenful at once, the rest
 * in blocks, a few per frame. Inserting, styling and laying out tens of thousands of
 * elements in one task freezes the page for seconds. Loaded only when an article needs it.
 *
 * A controller of the element while the content fills: it copies the sanitized content (which
 * never changes) into the element the render made, pauses while the element is out of the
 * page, stops for good once a newer article takes the content off the page, and asks for an
 * update once all of it is in: the content is `aria-busy` until then (the element fires `load` then).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Content with more top-level nodes than this renders progressively (about 200 KB of paragraphs). */
const PROGRESSIVE_CONTENT_NODES = 1_000;
/** The top-level nodes of a large content rendered with the article, enough to fill a screen. */
const FIRST_CONTENT_NODES = 200;
/** Top-level nodes per block of the rest: blocks keep the work of laying out one more batch from growing with what is already on show. */
const CHUNK_NODES = 100;
/** The time a frame may spend on a batch of content (rendering it included), well below what a reader feels as a freeze. */
const FRAME_BUDGET_MS = 50;
/** Elements that start a new block: only before and after one can the content be split into blocks without changing its lines. */
const BLOCK_ELEMENTS = new Set(
  'address article aside blockquote details dl div figure footer h1 h2 h3 h4 h5 h6 header hr ol p pre section table ul'.split(
    ' ',
  ),
);
const isBlock = (node: Node | undefined) => !!node && BLOCK_ELEMENTS.has((node as Element).localName);
const isBlank = (node: Node) => node.nodeType === Node.TEXT_NODE && !node.nodeValue!.trim();
const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
const copy = (node: Node, deep = true) => document.importNode(node, deep);

export class ProgressiveContentController implements ReactiveController {
  /** The top-level nodes of the sanitized content (through single wrappers), and the next one to copy. */
  #nodes: Node[] = [];
  #next = 0;
  /** Where the copies go: `content`, or the copy of its innermost single wrapper. */
  #into: Element;
  #shown = false;
  #filling = false;

  /**
   * Copies the start of `source` into `content`, the rest to follow, when it has more than
   * PROGRESSIVE_CONTENT_NODES top-level nodes (through single wrappers:
   * `<div><p>…</p>…</div>`). Copies all of it at once when it has fewer, or is inline from
   * the first screen on: there is no place to split it without changing its lines.
   */
  constructor(
    private readonly host: ReactiveControllerHost & Element,
    source: DocumentFragment,
    private readonly content: Element,
  ) {
    this.#into = content;
    const wrappers: Element[] = [];
    let from: ParentNode = source;
    while (from.childElementCount === 1 && from.childNodes.length <= PROGRESSIVE_CONTENT_NODES) {
      wrappers.push((from = from.firstElementChild!));
    }
    const nodes = [...from.childNodes];
    let start = nodes.length;
    if (nodes.length > PROGRESSIVE_CONTENT_NODES) {
      let lastSolid: Node | undefined;
      for (
        start = 0;
        start < nodes.length && !(start >= FIRST_CONTENT_NODES && isBlock(lastSolid) && isBlock(nodes[start]));
        start++
      ) {
        if (!isBlank(nodes[start]!)) lastSolid = nodes[start];
      }
    }
    if (start === nodes.length) {
      content.append(copy(source));
      return;
    }
    // The wrappers as empty copies, each in its place among copies of its siblings.
    let level: ParentNode = source;
    for (const wrapper of wrappers) {
      for (const node of level.childNodes) {
        const copied = this.#into.appendChild(copy(node, node !== wrapper));
        if (node === wrapper) this.#into = copied as Element;
      }
      level = wrapper;
    }
    // One by one: the first screen may have more nodes than a call takes arguments.
    for (const node of nodes.slice(0, start)) this.#into.append(copy(node));
    this.#nodes = nodes;
    this.#next = start;
    content.setAttribute('aria-busy', 'true');
    host.addController(this);
  }

  hostConnected(): void {
    void this.#fill();
  }

  hostUpdated(): void {
    void this.#fill();
  }

  /**
   * Adds the rest, a batch per frame, each sized so that adding and laying it out takes
   * about FRAME_BUDGET_MS, for as long as the content is on show; goes on where it stopped.
   */
  async #fill(): Promise<void> {
    const onShow = () => this.content.isConnected;
    if (!onShow()) {
      // Out of the page with the element, it comes back with it; taken off by a newer article, never.
      if (this.#shown && this.host.isConnected) this.host.removeController(this);
      return;
    }
    this.#shown = true;
    if (this.#filling) return;
    this.#filling = true;
    try {
      let size = FIRST_CONTENT_NODES / CHUNK_NODES;
      let last = await nextFrame();
      while (this.#next < this.#nodes.length) {
        const now = await nextFrame();
        if (!onShow()) return;
        // The time since the last frame is what the last batch cost, rendering included.
        size = Math.min(Math.max(size * (FRAME_BUDGET_MS / Math.max(now - last, 1)), size / 2, 1), size * 2);
        last = now;
        const batch = document.createDocumentFragment();
        for (let count = Math.round(size); count > 0 && this.#next < this.#nodes.length; count--)
          batch.append(this.#nextChunk());
        this.#into.append(batch);
      }
    } finally {
      this.#filling = false;
    }
    this.content.removeAttribute('aria-busy');
    this.host.removeController(this);
    this.host.requestUpdate();
  }

  /**
   * Copies of the next block of the rest, in a `<div>`: about CHUNK_NODES nodes, ending only
   * between two block elements (blank text aside), where the `<div>` changes nothing on
   * screen (margins collapse through it).
   */
  #nextChunk(): Element {
    const chunk = document.createElement('div');
    let lastSolid: Node | undefined;
    for (let node = this.#nodes[this.#next]; node; node = this.#nodes[this.#next]) {
      if (chunk.childNodes.length >= CHUNK_NODES && isBlock(lastSolid) && isBlock(node)) break;
      chunk.append(copy(node));
      this.#next++;
      if (!isBlank(node)) lastSolid = node;
    }
    return chunk;
  }
}
