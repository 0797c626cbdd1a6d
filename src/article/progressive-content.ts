/**
 * Renders the content of a very large article progressively: a screenful at once, the rest
 * in blocks, a few per frame. Inserting, styling and laying out tens of thousands of
 * elements in one task freezes the page for seconds. Loaded only when an article needs it.
 */

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
  'address article aside blockquote details dl div figure footer h1 h2 h3 h4 h5 h6 header hr ol p pre section table ul'.split(' '),
);
const isBlock = (node: Node | null | undefined) => !!node && BLOCK_ELEMENTS.has((node as Element).localName);
const isBlank = (node: Node) => node.nodeType === Node.TEXT_NODE && !node.nodeValue!.trim();
const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

export interface ContentFiller {
  /**
   * Moves the rest back in, a batch per frame, each sized so that adding and laying it out
   * takes about FRAME_BUDGET_MS, for as long as `keepGoing()` says so. True once all of it
   * is in (and the content no longer `aria-busy`); called again, it goes on where it stopped.
   * A call while it runs returns false at once.
   */
  fill(keepGoing: () => boolean): Promise<boolean>;
}

/**
 * The next block of the rest (last node first), in a `<div>`: about CHUNK_NODES nodes,
 * ending only between two block elements (blank text aside), where the `<div>` changes
 * nothing on screen (margins collapse through it).
 */
function nextChunk(rest: Node[]): Element {
  const chunk = document.createElement('div');
  let lastSolid: Node | undefined;
  for (let node = rest.at(-1); node; node = rest.at(-1)) {
    if (chunk.childNodes.length >= CHUNK_NODES && isBlock(lastSolid) && isBlock(node)) break;
    chunk.append(rest.pop()!);
    if (!isBlank(node)) lastSolid = node;
  }
  return chunk;
}

/**
 * Keeps the first nodes of a content with more than PROGRESSIVE_CONTENT_NODES top-level
 * nodes (through single wrappers: `<div><p>…</p>…</div>`) and takes the rest out, to be
 * moved back by the filler. Nothing is taken from a shorter content, nor from one inline
 * from the first screen on: there is no place to split it without changing its lines.
 */
export function takeUnfilledContent(content: Element): ContentFiller | undefined {
  let into = content;
  while (into.childElementCount === 1 && into.childNodes.length <= PROGRESSIVE_CONTENT_NODES) into = into.firstElementChild!;
  if (into.childNodes.length <= PROGRESSIVE_CONTENT_NODES) return undefined;
  let lastSolid: Node | undefined;
  let start: Node | null = into.firstChild;
  for (let index = 0; start && !(index >= FIRST_CONTENT_NODES && isBlock(lastSolid) && isBlock(start)); index++) {
    if (!isBlank(start)) lastSolid = start;
    start = start.nextSibling;
  }
  if (!start) return undefined;
  // Taken from the end, one by one: cheap in every engine (a Range's extractContents is not, in WebKit).
  const rest: Node[] = [];
  for (let last = into.lastChild!; ; last = into.lastChild!) {
    rest.push(last);
    last.remove();
    if (last === start) break;
  }
  content.setAttribute('aria-busy', 'true');
  let filling = false;
  return {
    async fill(keepGoing) {
      if (filling) return false;
      filling = true;
      try {
        let size = FIRST_CONTENT_NODES / CHUNK_NODES;
        let last = await nextFrame();
        while (rest.length) {
          const now = await nextFrame();
          if (!keepGoing()) return false;
          // The time since the last frame is what the last batch cost, rendering included.
          size = Math.min(Math.max(size * (FRAME_BUDGET_MS / Math.max(now - last, 1)), size / 2, 1), size * 2);
          last = now;
          const batch = document.createDocumentFragment();
          for (let count = Math.round(size); count > 0 && rest.length; count--) batch.append(nextChunk(rest));
          into.append(batch);
        }
        content.removeAttribute('aria-busy');
        return true;
      } finally {
        filling = false;
      }
    },
  };
}
