/**
 * The randomized fault campaign of a comment waiting to be sent (the browser one is
 * test/campaign/pending-comment.campaign.ts), against the real WordPress: a reader with up
 * to two tabs types, posts, reloads, closes and reopens tabs, goes offline and back, takes
 * a waiting comment back to edit it, asks to try now and waits, while the network between
 * the browser and WordPress fails (support/faulty-network.js: mocked, because only that
 * cannot run here; WordPress, its duplicate check and its flood rule are real). Sequences
 * are generated, run and shrunk by fast-check's model-based `commands`, in Chromium with
 * the built bundle. WordPress has no idempotency key: a comment sent twice shows up as its
 * `comment_duplicate` answer, or as two rows when the two copies differ.
 *
 * After each sequence a healing phase (online, no more faults, every waiting comment given
 * time and "Try now") ends with the invariants, in the reader's terms, checked against the
 * rows WordPress stored and the boxes:
 * - every word typed is either on the site or still in a box (or kept aside and offered);
 * - no word is published twice (two rows with the same words, or a word in two rows);
 * - nothing published is left in a box;
 * - each published comment is exactly what a box showed when the reader pressed Post Comment.
 *
 * WordPress's flood rule (no second comment within 15 s from the same reader) is a real
 * refusal here, which the form takes as "try later": each sequence is a reader of its own
 * (their own email, so their own address: test/wordpress/server/mu-plugins), on a post of
 * its own, and the healing phase waits long enough for a refused comment to be taken.
 *
 * Each word typed is unique ("w1", "w2", …), so where each went can be told. A failure prints
 * its seed, path and shrunk command list, with what WordPress answered each post; replay it with
 * `CAMPAIGN_SEED=… CAMPAIGN_PATH=…` (or `CAMPAIGN_REPLAY=…`). `CAMPAIGN_RUNS` sets how many
 * sequences run (by default a short run with a fixed seed, for every `npm run test:wordpress`).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';

import { FAULTS, faultyNetwork } from './support/faulty-network.js';
import { ReaderPages } from './support/reader-pages.js';
import { attr, commentText, reader as newReader, sleep, uniqueText, useWordPress } from './support/wordpress.js';

const number = (name) => (process.env[name] ? Number(process.env[name]) : undefined);
const settings = {
  runs: number('CAMPAIGN_RUNS') ?? 40,
  seed: number('CAMPAIGN_SEED') ?? 160_016,
  path: process.env.CAMPAIGN_PATH || undefined,
  replayPath: process.env.CAMPAIGN_REPLAY || undefined,
  /** Each sequence as it ends, with what WordPress answered each post. */
  verbose: !!process.env.CAMPAIGN_VERBOSE,
};
/**
 * Shrinking a failure replays sequences against WordPress, seconds each: after this long the
 * campaign stops and reports the smallest counterexample found so far (and a run cut short
 * before its sequences all ran fails).
 */
const TIME_LIMIT_MS = Math.max(15 * 60_000, settings.runs * 30_000);

/** The form's words the campaign presses. */
const TRY_NOW = 'Try now';
/** "Edit comment", offered while no attempt can have stored it: never "Edit anyway", the reader accepting two versions. */
const EDIT_COMMENT = 'Edit comment';
const USE_OTHER_TAB = 'Use the text from the other tab';

/** What the reader did, as far as it decides what may be on the site. */
class Model {
  /** Every word typed into a box that took it. */
  typed = [];
  /** What the box showed each time "Post Comment" was pressed on a comment that could be sent. */
  submitted = new Set();
  tabs = 1;
  online = true;
  words = 0;
}

const steps = {
  type: (tab) => ({
    check: (model) => model.tabs > 0,
    async run(model, { reader }) {
      const word = `w${++model.words}`;
      if (await reader.type(reader.tab(tab), ` ${word}`)) model.typed.push(word);
    },
    toString: () => `type(tab ${tab})`,
  }),
  submit: (tab) => ({
    check: (model) => model.tabs > 0,
    async run(model, { reader }) {
      const shown = await reader.submit(reader.tab(tab));
      if (shown) model.submitted.add(shown);
      await sleep(50);
    },
    toString: () => `submit(tab ${tab})`,
  }),
  /** The reader writes a few words and posts at once, as most readers do. */
  writeAndPost: (tab) => ({
    check: (model) => model.tabs > 0,
    async run(model, real) {
      await steps.type(tab).run(model, real);
      await steps.submit(tab).run(model, real);
    },
    toString: () => `writeAndPost(tab ${tab})`,
  }),
  // A page cannot load offline: the reader reloads and opens tabs while online (closing one works either way).
  reload: (tab) => ({
    check: (model) => model.tabs > 0 && model.online,
    run: (_, { reader }) => reader.reload(reader.tab(tab)),
    toString: () => `reload(tab ${tab})`,
  }),
  closeTab: (tab) => ({
    check: (model) => model.tabs > 0,
    async run(model, { reader }) {
      await reader.close(reader.tab(tab));
      model.tabs--;
    },
    toString: () => `closeTab(tab ${tab})`,
  }),
  openTab: () => ({
    check: (model) => model.tabs < 2 && model.online,
    async run(model, { reader }) {
      await reader.openTab();
      model.tabs++;
    },
    toString: () => 'openTab()',
  }),
  offline: (offline) => ({
    check: () => true,
    async run(model, { network }) {
      await network.setOffline(offline);
      model.online = !offline;
    },
    toString: () => (offline ? 'offline()' : 'online()'),
  }),
  arm: (fault, times) => ({
    check: () => true,
    run: (_, { network }) => network.arm(...Array(times).fill(fault)),
    toString: () => `arm(${fault} × ${times})`,
  }),
  editWaiting: (tab) => ({
    check: (model) => model.tabs > 0,
    async run(_, { reader }) {
      await reader.press(reader.tab(tab), EDIT_COMMENT);
      await sleep(50);
    },
    toString: () => `editWaiting(tab ${tab})`,
  }),
  tryNow: (tab) => ({
    check: (model) => model.tabs > 0,
    run: (_, { reader }) => reader.press(reader.tab(tab), TRY_NOW),
    toString: () => `tryNow(tab ${tab})`,
  }),
  // Real time: the form's first retries come 1, 2 and 4 s after a failure.
  wait: (ms) => ({
    check: () => true,
    run: () => sleep(ms),
    toString: () => `wait(${ms} ms)`,
  }),
};

const tab = fc.nat(1);
const fault = fc.tuple(fc.constantFrom(...FAULTS), fc.integer({ min: 1, max: 4 }));
// Typing, posting, faults and waits come more often than the rest: a default run is a few dozen sequences.
const commands = [
  ...Array(3).fill(tab.map(steps.type)),
  ...Array(2).fill(tab.map(steps.submit)),
  ...Array(2).fill(tab.map(steps.writeAndPost)),
  ...Array(2).fill(fault.map(([name, times]) => steps.arm(name, times))),
  ...Array(2).fill(fc.integer({ min: 0, max: 2500 }).map(steps.wait)),
  tab.map(steps.reload),
  tab.map(steps.closeTab),
  fc.constant(null).map(steps.openTab),
  fc.boolean().map(steps.offline),
  tab.map(steps.editWaiting),
  tab.map(steps.tryNow),
];

const wordsOf = (text) => text.split(/\s+/).filter(Boolean);

/**
 * Online, no more faults, and every waiting comment given time to be sent; then what the
 * reader has and what WordPress stored. A comment WordPress refused under its flood rule is
 * taken 15 s after the reader's last one: the deadline leaves room for that and a retry.
 */
async function heal({ reader, network, wp, post }) {
  await network.heal();
  if (!reader.tabs.length) await reader.openTab();
  for (const page of reader.tabs) await reader.focus(page);
  const engineDeadline = Date.now() + 10_000;
  for (const page of reader.tabs) {
    while (!(await reader.engineArrived(page))) {
      if (Date.now() > engineDeadline) throw new Error('The form’s engine never arrived in a tab');
      await sleep(50);
    }
  }
  // Its restore reads IndexedDB: a moment.
  await sleep(300);
  const deadline = Date.now() + 45_000;
  let pressedAt = 0;
  for (;;) {
    const boxes = await Promise.all(reader.tabs.map((page) => reader.box(page)));
    if (!boxes.some((box) => box.readOnly)) break;
    if (Date.now() > deadline) {
      const statuses = await Promise.all(reader.tabs.map((page) => reader.status(page)));
      throw new Error(`A comment still waits after healing: ${statuses.map((status) => `"${status}"`).join(', ')}`);
    }
    // "Try now" every 2 s: sooner would only meet the flood rule again, and keep WordPress busy for nothing.
    if (Date.now() - pressedAt > 2000) {
      pressedAt = Date.now();
      for (const page of reader.tabs) await reader.press(page, TRY_NOW);
    }
    await sleep(250);
  }
  await network.settled();
  // Texts kept aside land in storage a moment after they are shown.
  await sleep(150);
  const boxes = await Promise.all(reader.tabs.map(async (page) => (await reader.box(page)).value));
  // Another tab's text on offer: read as the reader would, switching to it and back.
  const offered = [];
  for (const page of reader.tabs) {
    if (!(await reader.press(page, USE_OTHER_TAB))) continue;
    await sleep(50);
    offered.push((await reader.box(page)).value);
    await reader.press(page, USE_OTHER_TAB);
  }
  const keptAside = [...(await reader.keptAside(reader.tabs[0])), ...offered].join(' ');
  const rows = (await wp.allComments(post.id)).map((comment) => commentText(comment).trim());
  return { boxes, keptAside, rows };
}

/** Each post that reached the network: its fault, its text, and WordPress's answer (– when WordPress was not asked). */
const describePosts = (network) =>
  network.posts
    .map(
      ({ n, fault, content, status, code }) =>
        `#${n} ${fault} "${content}" → ${status ?? '–'}${code ? ` ${code}` : ''}`,
    )
    .join('; ') || 'none';

function checkInvariants(model, { boxes, keptAside, rows }, network) {
  const published = rows.flatMap(wordsOf);
  const inBoxes = new Set(boxes.flatMap(wordsOf));
  const kept = new Set([...inBoxes, ...wordsOf(keptAside)]);
  const state = `WordPress's rows ${JSON.stringify(rows)}, boxes ${JSON.stringify(boxes)}, kept aside "${keptAside}"; posts: ${describePosts(network)}`;
  const lost = model.typed.filter((word) => !published.includes(word) && !kept.has(word));
  assert.deepEqual(lost, [], `words lost (${state})`);
  const twice = published.filter((word, index) => published.indexOf(word) !== index);
  assert.deepEqual(twice, [], `words published twice (${state})`);
  const leftInBox = published.filter((word) => inBoxes.has(word));
  assert.deepEqual(leftInBox, [], `published words left in a box (${state})`);
  const unseen = rows.filter((content) => !model.submitted.has(content));
  assert.deepEqual(unseen, [], `published but never shown when Post Comment was pressed (${state})`);
}

/** Chromium's console errors the campaign causes on purpose: posts failing, and the bundle's chunks asked for offline. */
const causedOnPurpose = (message, { wp, pages }) =>
  message.text().startsWith('Failed to load resource: ') &&
  [wp.commentsEndpoint, `${pages.origin}/dist/`].some((url) => message.location().url.startsWith(url));

describe('a comment waiting to be sent, under a randomized fault campaign against a real WordPress', () => {
  let wp;
  let pages;
  let browser;
  useWordPress((started) => ({ wp, pages, browser } = started));

  it(
    'keeps every word, publishes none twice, leaves nothing published in a box, publishes what was shown',
    { timeout: TIME_LIMIT_MS + 120_000 },
    async () => {
      const started = Date.now();
      console.log(
        `fault campaign against WordPress: ${settings.runs} sequences, seed ${settings.seed}` +
          `${settings.path ? `, path ${settings.path}` : ''}${settings.replayPath ? `, replay ${settings.replayPath}` : ''}`,
      );
      const totals = { sequences: 0, posts: 0, stored: 0, duplicate: 0, flood: 0 };
      const details = await fc.check(
        fc.asyncProperty(
          fc.commands(commands, { maxCommands: 10, size: 'medium', replayPath: settings.replayPath }),
          async (sequence) => {
            const n = ++totals.sequences;
            const sequenceStarted = Date.now();
            const post = await wp.adminPost('/wp/v2/posts', {
              title: uniqueText(`Fault campaign ${n}`),
              content: '<p>An article readers comment on while the network fails.</p>',
              status: 'publish',
            });
            const url = pages.page(
              `<comment-form endpoint="${attr(wp.commentsEndpoint)}" post-id="${post.id}"></comment-form>`,
            );
            const context = await browser.newContext();
            const problems = [];
            context.on('console', (message) => {
              if (message.type() === 'error' && !causedOnPurpose(message, { wp, pages }))
                problems.push(`console error: ${message.text()} (${message.location().url})`);
            });
            context.on('weberror', (error) =>
              problems.push(`page error: ${error.error().stack ?? error.error().message}`),
            );
            const network = await faultyNetwork(context, { endpoint: wp.commentsEndpoint, origin: pages.origin });
            const reader = new ReaderPages(context, url, newReader(`Campaign Reader ${n}`));
            const model = new Model();
            try {
              await reader.openTab();
              await fc.asyncModelRun(() => ({ model, real: { reader, network } }), sequence);
              checkInvariants(model, await heal({ reader, network, wp, post }), network);
              assert.deepEqual(problems, [], 'console errors or page errors');
            } finally {
              await network.settled();
              if (settings.verbose)
                console.log(
                  `sequence ${n} (${Math.round((Date.now() - sequenceStarted) / 1000)} s): ${sequence}\n` +
                    `  posts: ${describePosts(network)}`,
                );
              totals.posts += network.posts.length;
              totals.stored += network.posts.filter(({ status }) => status === 201).length;
              totals.duplicate += network.posts.filter(({ code }) => code === 'comment_duplicate').length;
              totals.flood += network.posts.filter(({ code }) => code === 'comment_flood').length;
              await context.close();
            }
          },
        ),
        {
          numRuns: settings.runs,
          seed: settings.seed,
          path: settings.path,
          endOnFailure: false,
          verbose: 1,
          interruptAfterTimeLimit: TIME_LIMIT_MS,
          markInterruptAsFailure: true,
        },
      );
      const took = Math.round((Date.now() - started) / 1000);
      // Seed, path, the shrunk command list and the error, to replay with CAMPAIGN_SEED and CAMPAIGN_PATH.
      if (details.failed)
        throw new Error(`${String(details.errorInstance)}\n${fc.defaultReportMessage(details)}\n(${took} s in all)`);
      console.log(
        `fault campaign against WordPress: ${settings.runs} sequences passed, seed ${settings.seed}, ` +
          `${totals.sequences} run in ${took} s; ${totals.posts} posts, ${totals.stored} stored, ` +
          `${totals.duplicate} answered comment_duplicate, ${totals.flood} comment_flood`,
      );
    },
  );
});
