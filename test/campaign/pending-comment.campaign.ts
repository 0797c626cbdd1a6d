/**
 * The randomized fault campaign (`npm run test:campaign`): a reader with up to two tabs on
 * one article types, posts, reloads, closes and reopens tabs, goes offline and back, takes a
 * waiting comment back to edit it, asks to try now and waits, while the server fails the
 * ways real servers and networks do (test/faulty-endpoint-middleware.js). Sequences are
 * generated, run and shrunk by fast-check's model-based `commands`, in a real browser with
 * real IndexedDB, Web Locks and BroadcastChannel (test/support/comment-tab.ts says what is
 * emulated: offline, a tab's own session id, shorter retry waits).
 *
 * After each sequence a healing phase (online, no more faults, every waiting comment given
 * time and "Try now") ends with the invariants, in the reader's terms:
 * - every word typed is either on the server or still in a box (or kept aside and offered);
 * - no word is published twice;
 * - nothing published is left in a box;
 * - each published comment is exactly what a box showed when the reader pressed the button.
 *
 * Each word typed is unique ("w1", "w2", …), so where each went can be told. A failure prints
 * its seed, its path and the shrunk command list; `CAMPAIGN_SEED=… CAMPAIGN_PATH=…` replays it.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { createCommentStore } from '../../src/comment/comment-store.js';
import { draftKey } from '../../src/comment/draft-key.js';
import { Reader, type Fault } from '../support/reader-tabs.js';

interface Model {
  /** Every word typed into a box that accepted it. */
  typed: string[];
  /** What the box showed each time "Post Comment" was pressed on a comment that could be sent. */
  submitted: Set<string>;
  /** Open tabs. */
  tabs: number;
  words: number;
}
interface Real {
  reader: Reader;
}
type Command = fc.AsyncCommand<Model, Real>;

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const tabOf = (real: Real, index: number) => real.reader.tabs[index % real.reader.tabs.length]!;

class Type implements Command {
  constructor(readonly tab: number) {}
  check = (model: Readonly<Model>) => model.tabs > 0;
  async run(model: Model, real: Real) {
    const word = `w${++model.words}`;
    if (real.reader.type(tabOf(real, this.tab), ` ${word}`)) model.typed.push(word);
  }
  toString = () => `type(tab ${this.tab})`;
}

class Submit implements Command {
  constructor(readonly tab: number) {}
  check = (model: Readonly<Model>) => model.tabs > 0;
  async run(model: Model, real: Real) {
    const frame = tabOf(real, this.tab);
    const box = real.reader.box(frame);
    // A read-only box holds a comment waiting to be sent: pressing the button sends nothing new.
    if (!box.readOnly && box.value.trim()) model.submitted.add(box.value.trim());
    real.reader.submit(frame);
    await settle(20);
  }
  toString = () => `submit(tab ${this.tab})`;
}

class Reload implements Command {
  constructor(readonly tab: number) {}
  check = (model: Readonly<Model>) => model.tabs > 0;
  async run(_: Model, real: Real) {
    await real.reader.reload(tabOf(real, this.tab));
  }
  toString = () => `reload(tab ${this.tab})`;
}

class CloseTab implements Command {
  constructor(readonly tab: number) {}
  check = (model: Readonly<Model>) => model.tabs > 0;
  async run(model: Model, real: Real) {
    real.reader.close(tabOf(real, this.tab));
    model.tabs--;
  }
  toString = () => `closeTab(tab ${this.tab})`;
}

class OpenTab implements Command {
  check = (model: Readonly<Model>) => model.tabs < 2;
  async run(model: Model, real: Real) {
    await real.reader.openTab();
    model.tabs++;
  }
  toString = () => 'openTab()';
}

class Offline implements Command {
  constructor(readonly offline: boolean) {}
  check = () => true;
  async run(_: Model, real: Real) {
    await real.reader.setOffline(this.offline);
  }
  toString = () => (this.offline ? 'offline()' : 'online()');
}

class Arm implements Command {
  constructor(
    readonly fault: Fault,
    readonly times: number,
  ) {}
  check = () => true;
  async run(_: Model, real: Real) {
    await real.reader.arm(...Array<Fault>(this.times).fill(this.fault));
  }
  toString = () => `arm(${this.fault} × ${this.times})`;
}

/** "Edit comment", when offered: never "Edit anyway", which is the reader accepting a second version. */
class EditWaiting implements Command {
  constructor(readonly tab: number) {}
  check = (model: Readonly<Model>) => model.tabs > 0;
  async run(_: Model, real: Real) {
    const frame = tabOf(real, this.tab);
    real.reader.button(frame, 'Edit comment')?.click();
    await settle(30);
  }
  toString = () => `editWaiting(tab ${this.tab})`;
}

class TryNow implements Command {
  constructor(readonly tab: number) {}
  check = (model: Readonly<Model>) => model.tabs > 0;
  async run(_: Model, real: Real) {
    real.reader.button(tabOf(real, this.tab), 'Try now')?.click();
  }
  toString = () => `tryNow(tab ${this.tab})`;
}

class Wait implements Command {
  constructor(readonly ms: number) {}
  check = () => true;
  async run() {
    await settle(this.ms);
  }
  toString = () => `wait(${this.ms} ms)`;
}

const tab = fc.nat(1);
const commands = [
  tab.map((index) => new Type(index)),
  tab.map((index) => new Type(index)),
  tab.map((index) => new Submit(index)),
  tab.map((index) => new Reload(index)),
  tab.map((index) => new CloseTab(index)),
  fc.constant(new OpenTab()),
  fc.boolean().map((offline) => new Offline(offline)),
  fc
    .tuple(
      fc.constantFrom<Fault>('500', '503', '429', 'drop-before', 'drop-after', '500-after', 'slow'),
      fc.integer({ min: 1, max: 4 }),
    )
    .map(([fault, times]) => new Arm(fault, times)),
  tab.map((index) => new EditWaiting(index)),
  tab.map((index) => new TryNow(index)),
  fc.integer({ min: 0, max: 600 }).map((ms) => new Wait(ms)),
];

const wordsOf = (text: string) => text.split(/\s+/).filter(Boolean);

/** Online, no more faults, and every waiting comment given time to be sent; then what the reader has. */
async function heal(real: Real) {
  const { reader } = real;
  await reader.heal();
  if (!reader.tabs.length) await reader.openTab();
  // The reader comes back to the box: the form's engine is asked for then (else only once the page is idle, a
  // second later in WebKit), and it restores what was kept.
  for (const frame of reader.tabs) reader.box(frame).focus();
  const arrived = (frame: HTMLIFrameElement) =>
    (frame.contentWindow as unknown as { engineArrived: () => boolean }).engineArrived();
  const engineDeadline = Date.now() + 10000;
  while (!reader.tabs.every(arrived)) {
    if (Date.now() > engineDeadline) throw new Error('The form’s engine never arrived in a tab');
    await settle(50);
  }
  // Its restore reads IndexedDB: a moment.
  await settle(300);
  const deadline = Date.now() + 20000;
  while (reader.tabs.some((frame) => reader.box(frame).readOnly)) {
    if (Date.now() > deadline)
      throw new Error(
        `A comment still waits after healing: ${reader.tabs.map((frame) => `"${reader.status(frame)}"`).join(', ')}`,
      );
    for (const frame of reader.tabs) reader.button(frame, 'Try now')?.click();
    await settle(250);
  }
  // Texts kept aside land in storage a moment after they are shown.
  await settle(150);
  const boxes = reader.tabs.map((frame) => reader.box(frame).value);
  // Another tab's text on offer: read as the reader would, switching to it and back.
  const offered: string[] = [];
  for (const frame of reader.tabs) {
    const offer = reader.button(frame, 'Use the text from the other tab');
    if (!offer) continue;
    offer.click();
    await reader.form(frame).updateComplete;
    offered.push(reader.box(frame).value);
    reader.button(frame, 'Use the text from the other tab')?.click();
  }
  const key = draftKey({ pageUrl: reader.tabs[0]!.contentWindow!.location.href, postId: '1' });
  const keptAside = (await createCommentStore().drafts.get(`${key}|other-version`))?.content ?? '';
  const stored = (await reader.storedContents()).map((content) => content.trim());
  return { boxes, keptAside: [keptAside, ...offered].join(' '), stored };
}

function expectInvariants(model: Model, { boxes, keptAside, stored }: Awaited<ReturnType<typeof heal>>) {
  const published = stored.flatMap(wordsOf);
  const inBoxes = new Set(boxes.flatMap(wordsOf));
  const kept = new Set([...inBoxes, ...wordsOf(keptAside)]);
  const state = `server ${JSON.stringify(stored)}, boxes ${JSON.stringify(boxes)}, kept aside "${keptAside}"`;
  const lost = model.typed.filter((word) => !published.includes(word) && !kept.has(word));
  expect(lost, `words lost (${state})`).to.deep.equal([]);
  const twice = published.filter((word, index) => published.indexOf(word) !== index);
  expect(twice, `words published twice (${state})`).to.deep.equal([]);
  const leftInBox = published.filter((word) => inBoxes.has(word));
  expect(leftInBox, `published words left in a box (${state})`).to.deep.equal([]);
  const unseen = stored.filter((content) => !model.submitted.has(content));
  expect(unseen, `published but never shown when Post Comment was pressed (${state})`).to.deep.equal([]);
}

describe('A comment waiting to be sent, under a randomized fault campaign', () => {
  it('keeps every word, publishes none twice, leaves nothing published in a box, publishes what was shown', async function () {
    this.timeout(0);
    const settings = (await (await fetch('/faulty/campaign-settings')).json()) as {
      runs?: number;
      seed?: number;
      path?: string;
      replayPath?: string;
    };
    const chromium = navigator.userAgent.includes('Chrome/');
    const numRuns = settings.runs ?? (chromium ? 1000 : 200);
    const seed = settings.seed ?? Date.now() % 2 ** 31;
    const started = Date.now();
    let sequences = 0;
    const details = await fc.check(
      fc.asyncProperty(
        fc.commands(commands, { maxCommands: 12, replayPath: settings.replayPath }),
        async (sequence) => {
          sequences++;
          const real: Real = { reader: new Reader() };
          const model: Model = { typed: [], submitted: new Set(), tabs: 1, words: 0 };
          try {
            await real.reader.openTab();
            await fc.asyncModelRun(() => ({ model, real }), sequence);
            expectInvariants(model, await heal(real));
          } finally {
            real.reader.closeAll();
            localStorage.clear();
          }
        },
      ),
      { numRuns, seed, path: settings.path, endOnFailure: false, verbose: 1 },
    );
    // Seed, path, the shrunk command list and the error, to replay with CAMPAIGN_SEED and CAMPAIGN_PATH.
    if (details.failed) throw new Error(`${String(details.errorInstance)}\n${fc.defaultReportMessage(details)}`);
    console.log(
      `fault campaign: ${numRuns} sequences passed in ${navigator.userAgent.match(/(Chrome|Firefox|Version)\/[\d.]+/)?.[0]}, ` +
        `${sequences} run in ${Math.round((Date.now() - started) / 1000)} s, seed ${seed}`,
    );
  });
});
