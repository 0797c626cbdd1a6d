/**
 * What the renderer's main thread did during one load, from a Chromium trace (CDP `Tracing`):
 * the first paint, when each of the package's script files was downloaded, compiled and
 * evaluated, and every long task (50 ms or more) broken down by what it was made of, so a
 * missed target can be explained by a measurement rather than a guess. Only used to explain
 * results: tracing (with V8's sampler on, to tell which file's code ran) slows the page down,
 * so the timed loads are never traced.
 *
 * Times are in ms from the measured page's navigation start (its `navigationStart` mark, not the
 * blank page the traced tab starts from). A task's parts are the self time of the trace events
 * nested in it (each event's duration less its children's), so they add up to the task's
 * duration and nothing is counted twice; script time without a file in its event (microtasks,
 * module code) is shared out by the samples of V8's profiler that fall in it.
 */

/** What is recorded: the timeline, V8's compile and execute events and its sampler, loading and paint marks. */
const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'disabled-by-default-v8.compile',
  'disabled-by-default-v8.gc',
  'disabled-by-default-v8.cpu_profiler',
  'blink',
  'blink.user_timing',
  'loading',
  'toplevel',
];

/** A task counts as long from 50 ms, as the Long Tasks API and total blocking time count it. */
const LONG_TASK_MS = 50;

/**
 * Starts tracing on a page's CDP session; returns stop(), which ends it and resolves to the
 * trace's events (read from the stream Chromium hands back, or collected as they come).
 */
export async function startTracing(cdp) {
  const collected = [];
  const onData = ({ value }) => collected.push(...value);
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    streamFormat: 'json',
    traceConfig: { includedCategories: TRACE_CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
  });
  return async () => {
    let timer;
    const complete = new Promise((resolve, reject) => {
      cdp.once('Tracing.tracingComplete', resolve);
      timer = setTimeout(() => reject(new Error('the trace did not complete in 30 s')), 30_000);
    });
    await cdp.send('Tracing.end');
    const { stream } = await complete.finally(() => clearTimeout(timer));
    cdp.off('Tracing.dataCollected', onData);
    if (!stream) return collected;
    const parts = [];
    for (;;) {
      const { data, eof, base64Encoded } = await cdp.send('IO.read', { handle: stream, size: 1 << 20 });
      parts.push(base64Encoded ? Buffer.from(data, 'base64').toString('utf8') : data);
      if (eof) break;
    }
    await cdp.send('IO.close', { handle: stream });
    const trace = JSON.parse(parts.join(''));
    return Array.isArray(trace) ? trace : trace.traceEvents;
  };
}

/* ---------- what each trace event is ---------- */

const KINDS = [
  ['tracing', /^CpuProfiler::/],
  ['gc', /^(MinorGC|MajorGC|V8\.GC|BlinkGC|CppGC|ThreadState::)|Scavenge/],
  [
    'compile',
    /^(v8\.(compile|compileModule|compileEval|produceCache|produceModuleCache|parseOnBackground|deserializeOnBackground)$|V8\.(Compile|ParseFunction|ParseProgram|PreParse|CollectSourcePositions|StreamingFinalization|OffThreadFinalization|FinalizeBaseline|Maglev|Turbofan|OptimizeCode|FlushInstructionCache)|CompileScript$|CompileModule$|FlushInstructionCache$)/,
  ],
  [
    'script',
    /^(EvaluateScript|FunctionCall|v8\.(evaluateModule|callFunction|callAsConstructor|newInstance|run|callModuleMethod|invokeCallback)|RunMicrotasks|V8\.(Execute|RunMicrotasks|BytecodeBudgetInterrupt|StackGuard|HandleInterrupts)|TimerFire|EventDispatch|FireAnimationFrame|FireIdleCallback|XHRLoad|XHRReadyStateChange|CustomElement|BlinkScheduler_PerformMicrotaskCheckpoint|FrameRequestCallbackCollection)/,
  ],
  ['html', /^(ParseHTML|HTMLDocumentParser::|HTMLTreeBuilder|HTMLParserScriptRunner::|TextResourceDecoder::)/],
  [
    'style',
    /^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet|Document::(UpdateStyle$|updateActiveStyle|RecalcStyle|UpdateStyleInvalidation)|StyleEngine|CSSParserImpl|Blink\.(ParseStyleSheet|Style|UpdateLayoutTree))/,
  ],
  ['layout', /^(Layout$|LocalFrameView::(layout|PerformLayout)|Blink\.Layout|InlineNode::|LayoutNG|LayoutBlock)/],
  [
    'paint',
    /^(Paint|PrePaint|PaintImage|PaintSetup|Layerize|Commit$|UpdateLayer|UpdateLayerTree|CompositeLayers|Decode Image|ImageDecodeTask|RasterTask|CullRectUpdate|Blink\.(Paint|PrePaint|Compositing)|LocalFrameView::(RunPaint|RunPrePaint|RunCompositing|pushPaintArtifact)|PaintArtifactCompositor|PaintController)/,
  ],
];
/** The names the parts of a task are reported under. */
const KIND_NAMES = {
  html: 'HTML parsing',
  compile: 'script compile',
  script: 'script evaluation',
  style: 'style',
  layout: 'layout',
  paint: 'paint/composite',
  gc: 'GC',
  other: 'other',
  harness: 'the bench’s own (DevTools protocol)',
  tracing: 'the trace’s own (starting V8’s sampler)',
};
/** Wrappers whose own time says nothing about what the task did (left out of the names given for "other"). */
const WRAPPERS =
  /^(RunTask|ThreadControllerImpl::RunTask|ThreadPool_RunTask|Receive mojo message|Receive mojo reply|SimpleWatcher::OnHandleReady|AsyncTask Run|TimerBase::run|EpollEvent)$/;

/** The work a Playwright or DevTools request does in the page (evaluating its own scripts), not the page's. */
const isHarness = (event) =>
  event.name === 'Receive mojo message' &&
  event.args?.chrome_mojo_event_info?.mojo_interface_tag === 'blink.mojom.DevToolsSession';

const kindOf = (name) => KINDS.find(([, pattern]) => pattern.test(name))?.[0];

/** The script URL an event names, if any. */
const urlOf = (event) => {
  const data = event.args?.data;
  const url = data?.url || event.args?.fileName || data?.fileName;
  return typeof url === 'string' && url ? url : undefined;
};

/* ---------- the main thread's events as a tree ---------- */

/** Complete events of one thread, begin/end pairs joined, nested by time: the top-level tasks with their children. */
function buildTree(events) {
  const spans = [];
  const open = [];
  for (const event of events) {
    if (event.ph === 'X' && Number.isFinite(event.dur))
      spans.push({ event, name: event.name, start: event.ts, end: event.ts + event.dur });
    else if (event.ph === 'B') open.push(event);
    else if (event.ph === 'E') {
      const begin = open.pop();
      if (begin) spans.push({ event: begin, name: begin.name, start: begin.ts, end: event.ts });
    }
  }
  spans.sort((x, y) => x.start - y.start || y.end - x.end);
  const roots = [];
  const stack = [];
  for (const span of spans) {
    span.children = [];
    while (stack.length && stack.at(-1).end <= span.start) stack.pop();
    const parent = stack.at(-1);
    if (parent) {
      // A child never outlasts its parent (timestamps are rounded to the microsecond).
      span.end = Math.min(span.end, parent.end);
      span.parent = parent;
      parent.children.push(span);
    } else roots.push(span);
    stack.push(span);
  }
  const resolve = (span) => {
    const { parent, event } = span;
    span.harness = parent?.harness || isHarness(event);
    span.kind = span.harness ? 'harness' : (kindOf(span.name) ?? parent?.kind ?? 'other');
    span.url = urlOf(event) ?? parent?.url;
    span.self = span.end - span.start - span.children.reduce((sum, child) => sum + (child.end - child.start), 0);
    span.self = Math.max(0, span.self);
    span.children.forEach(resolve);
  };
  roots.forEach(resolve);
  return roots;
}

/** The innermost span of `spans` (sorted, non-overlapping) and their descendants that holds time `t`. */
function innermost(spans, t) {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const span = spans[middle];
    if (t < span.start) high = middle - 1;
    else if (t >= span.end) low = middle + 1;
    else return innermost(span.children, t) ?? span;
  }
  return undefined;
}

/**
 * The samples of V8's profiler for the main thread, in the trace (`Profile`, `ProfileChunk`):
 * each sample's time and the script URL of the innermost frame that has one.
 */
function profileSamples(events, pid, tid) {
  const profile = events.find((event) => event.name === 'Profile' && event.pid === pid && event.tid === tid);
  if (!profile) return [];
  const nodes = new Map();
  const samples = [];
  let time = profile.args?.data?.startTime ?? profile.ts;
  for (const chunk of events.filter(
    (event) => event.name === 'ProfileChunk' && event.pid === pid && event.id === profile.id,
  )) {
    const data = chunk.args?.data ?? {};
    for (const node of data.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
    const ids = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    ids.forEach((id, index) => {
      time += deltas[index] ?? 0;
      samples.push({ t: time, id });
    });
  }
  const urlOfNode = new Map();
  const scriptUrl = (id) => {
    if (urlOfNode.has(id)) return urlOfNode.get(id);
    const node = nodes.get(id);
    const url = !node ? undefined : node.callFrame?.url || (node.parent ? scriptUrl(node.parent) : undefined);
    urlOfNode.set(id, url);
    return url;
  };
  return samples.map(({ t, id }) => ({ t, url: scriptUrl(id) })).filter((sample) => sample.url);
}

/* ---------- the summary ---------- */

const fileName = (url, pageUrl) => {
  if (!url) return '(file unknown)';
  if (url === pageUrl) return 'the page’s probe (inline script)';
  try {
    return new URL(url).pathname.split('/').pop() || url;
  } catch {
    return url;
  }
};

/**
 * The summary of one traced load of `pageUrl`: first paint, the package's files, the long
 * tasks and their parts. What the trace lacks is reported as missing (`notTraced`), never thrown.
 */
export function summarizeTrace(events, { pageUrl, longTaskMs = LONG_TASK_MS, probe = {} }) {
  const notTraced = [];
  const marks = events.filter(
    (event) => event.name === 'navigationStart' && event.args?.data?.documentLoaderURL === pageUrl,
  );
  const navigation = marks.at(-1);
  if (!navigation) return { error: `no navigationStart mark for ${pageUrl} in the trace` };
  const { pid } = navigation;
  const navigationId = navigation.args.data.navigationId;
  const zero = navigation.ts;
  const at = (ts) => (ts - zero) / 1000;
  const mainTid =
    events.find((event) => event.ph === 'M' && event.pid === pid && event.args?.name === 'CrRendererMain')?.tid ??
    navigation.tid;
  const traceEnd = events.reduce((end, event) => (event.pid === pid && event.ts > end ? event.ts : end), zero);

  // Paint marks of this navigation.
  const paintMark = (name) => {
    const mark = events.find(
      (event) =>
        event.name === name &&
        event.pid === pid &&
        event.ts >= zero &&
        (event.args?.data?.navigationId === undefined || event.args.data.navigationId === navigationId),
    );
    if (!mark) notTraced.push(name);
    return mark ? at(mark.ts) : undefined;
  };
  const firstPaint = paintMark('firstPaint');
  const firstContentfulPaint = paintMark('firstContentfulPaint');
  const lcpCandidates = events.filter(
    (event) =>
      event.name === 'largestContentfulPaint::Candidate' &&
      event.pid === pid &&
      event.args?.data?.navigationId === navigationId,
  );
  const largestContentfulPaint = lcpCandidates.length ? at(lcpCandidates.at(-1).ts) : undefined;

  // The main thread's tasks, and V8's samples placed in them.
  const mainEvents = events.filter(
    (event) => event.pid === pid && event.tid === mainTid && event.ts + (event.dur ?? 0) >= zero,
  );
  const roots = buildTree(mainEvents);
  // The tasks of the load: those that start at or after its navigation start.
  let tasks = roots.filter((span) => span.name === 'RunTask' && span.start >= zero);
  if (!tasks.length) {
    notTraced.push('RunTask (disabled-by-default-devtools.timeline): tasks taken from ThreadControllerImpl::RunTask');
    tasks = roots.filter((span) => span.name === 'ThreadControllerImpl::RunTask' && span.start >= zero);
  }
  const samples = profileSamples(events, pid, mainTid);
  if (!samples.length) notTraced.push('V8 samples (script time without a file in its event is “file unknown”)');
  for (const sample of samples) {
    const span = innermost(roots, sample.t);
    if (!span) continue;
    span.sampled ??= new Map();
    span.sampled.set(sample.url, (span.sampled.get(sample.url) ?? 0) + 1);
    for (let holder = span; holder; holder = holder.parent) {
      holder.sampledBelow ??= new Map();
      holder.sampledBelow.set(sample.url, (holder.sampledBelow.get(sample.url) ?? 0) + 1);
    }
  }
  /** Which files' code the samples of a span (or else of its nearest enclosing span that has any) were in. */
  const samplesAround = (span) => {
    for (let holder = span; holder; holder = holder.parent) if (holder.sampledBelow?.size) return holder.sampledBelow;
    return undefined;
  };

  // The package's files: requests, downloads, compiles and evaluations.
  const isPackage = (url) => {
    try {
      return new URL(url).pathname.startsWith('/dist/');
    } catch {
      return false;
    }
  };
  const files = new Map();
  const fileOf = (url) => {
    if (!files.has(url))
      files.set(url, {
        file: fileName(url),
        url,
        compiles: [],
        backgroundCompiles: [],
        evaluations: [],
        scriptMs: 0,
        compileMs: 0,
      });
    return files.get(url);
  };
  const requests = new Map();
  for (const event of events) {
    const data = event.args?.data;
    if (event.ts < zero || !data) continue;
    if (event.name === 'ResourceSendRequest' && isPackage(data.url)) {
      const file = fileOf(data.url);
      file.requestedAt ??= at(event.ts);
      file.initiator = data.initiator;
      file.preload = data.isLinkPreload;
      requests.set(data.requestId, file);
    }
  }
  for (const event of events) {
    const data = event.args?.data;
    if (event.ts < zero || !data) continue;
    const file = requests.get(data.requestId);
    if (event.name === 'ResourceReceiveResponse' && file) file.responseAt ??= at(event.ts);
    if (event.name === 'ResourceFinish' && file) {
      // finishTime: when the network finished (seconds, the trace's clock); the event: when the main thread took it.
      file.finishSeenAt = at(event.ts);
      file.downloadedAt = data.finishTime > 0 ? at(data.finishTime * 1e6) : at(event.ts);
      file.failed = data.didFail || undefined;
    }
    if (event.pid === pid && event.ph === 'X' && isPackage(data.url) && event.name === 'v8.parseOnBackground')
      fileOf(data.url).backgroundCompiles.push({ at: at(event.ts), ms: event.dur / 1000 });
  }
  const allSpans = [];
  const walk = (span) => {
    allSpans.push(span);
    span.children.forEach(walk);
  };
  roots.forEach(walk);
  for (const span of allSpans) {
    if ((span.name === 'v8.compileModule' || span.name === 'v8.compile') && isPackage(urlOf(span.event)))
      fileOf(urlOf(span.event)).compiles.push({ at: at(span.start), ms: (span.end - span.start) / 1000 });
    if (span.name === 'EvaluateScript' && isPackage(urlOf(span.event)))
      fileOf(urlOf(span.event)).evaluations.push({ at: at(span.start), ms: (span.end - span.start) / 1000 });
  }
  // v8.evaluateModule names no file: each is matched, in order, with a compiled module not yet evaluated that
  // starts a module graph (the page's <script type=module>, or a dynamic import(), whose request names no
  // importing file); what a graph imports statically is evaluated with it, in the same event.
  const evaluatedModules = new Set();
  for (const span of allSpans.filter((candidate) => candidate.name === 'v8.evaluateModule')) {
    let fromParser = false;
    for (let ancestor = span.parent; ancestor; ancestor = ancestor.parent)
      if (
        /^HTMLParserScriptRunner|PendingScriptFinished|ScriptsWaitingForParsing/.test(
          ancestor.event.args?.src_func ?? ancestor.name,
        )
      )
        fromParser = true;
    const compiled = [...files.values()].filter(
      (file) =>
        !evaluatedModules.has(file) &&
        !file.initiator?.url?.includes('/dist/') &&
        file.compiles.some((compile) => compile.at <= at(span.start)),
    );
    const byParser = (file) => file.initiator?.type === 'parser' && !file.preload;
    const chosen = (
      compiled.filter((file) => byParser(file) === fromParser).length
        ? compiled.filter((file) => byParser(file) === fromParser)
        : compiled
    ).sort((x, y) => x.compiles[0].at - y.compiles[0].at)[0];
    // The module's file, for what runs inside the evaluation without naming a file of its own.
    const inherited = span.url;
    const setUrl = (child) => {
      if (child.url === inherited) child.url = chosen?.url ?? inherited;
      child.children.forEach(setUrl);
    };
    setUrl(span);
    if (chosen) {
      evaluatedModules.add(chosen);
      chosen.evaluations.push({ at: at(span.start), ms: (span.end - span.start) / 1000, module: true });
    } else
      notTraced.push(`which file the module evaluation at ${at(span.start).toFixed(0)} ms was (none left to match)`);
  }

  /** The parts of one span's subtree: ms by kind, and by file for script and compile. */
  const partsOf = (root) => {
    const parts = new Map();
    const others = new Map();
    const add = (key, value) => parts.set(key, (parts.get(key) ?? 0) + value);
    const visit = (span) => {
      const self = span.self / 1000;
      if (span.kind === 'script' || span.kind === 'compile') {
        // Script: the samples in its own time, else the file its event (or an enclosing one) names, else the samples
        // around it. Compile (lazy compiles inside running code): the file named, else the code running around it.
        const shares =
          span.kind === 'script' && span.sampled?.size
            ? span.sampled
            : span.url
              ? new Map([[span.url, 1]])
              : (samplesAround(span) ?? new Map([[undefined, 1]]));
        const total = [...shares.values()].reduce((sum, count) => sum + count, 0);
        for (const [url, count] of shares) add(`${span.kind}|${fileName(url, pageUrl)}`, (self * count) / total);
      } else add(span.kind, self);
      if (span.kind === 'other' && !WRAPPERS.test(span.name))
        others.set(span.name, (others.get(span.name) ?? 0) + self);
      span.children.forEach(visit);
    };
    visit(root);
    return {
      parts: [...parts]
        .map(([key, ms]) => {
          const [kind, file] = key.split('|');
          return { kind, what: KIND_NAMES[kind], file, ms };
        })
        .sort((x, y) => y.ms - x.ms),
      otherNames: [...others]
        .filter(([, ms]) => ms >= 1)
        .sort((x, y) => y[1] - x[1])
        .slice(0, 3)
        .map(([name, ms]) => ({ name, ms })),
    };
  };

  // Each file's code and compile time over the whole load, as the tasks' parts count them.
  for (const task of tasks) {
    for (const { kind, file, ms } of partsOf(task).parts) {
      const match = [...files.values()].find((entry) => entry.file === file);
      if (!match) continue;
      if (kind === 'script') match.scriptMs += ms;
      if (kind === 'compile') match.compileMs += ms;
    }
  }

  const origin = (task) => {
    const top = task.name === 'ThreadControllerImpl::RunTask' ? task : task.children[0];
    const source = top?.event.args?.src_func;
    const mojo = top?.children.find((child) => child.name === 'Receive mojo message')?.event.args
      ?.chrome_mojo_event_info?.mojo_interface_tag;
    return [source, mojo].filter(Boolean).join(' ') || undefined;
  };
  const longTasks = tasks
    .filter((task) => task.end - task.start >= longTaskMs * 1000)
    .map((task) => {
      const { parts, otherNames } = partsOf(task);
      const cpu = task.event.tdur;
      return {
        at: at(task.start),
        ms: (task.end - task.start) / 1000,
        // Thread time: the rest of the duration the thread was off the CPU (the throttle's pauses, or the machine's other work).
        cpuMs: Number.isFinite(cpu) ? cpu / 1000 : undefined,
        origin: origin(task),
        harness: parts.some((part) => part.kind === 'harness' && part.ms >= (task.end - task.start) / 2000),
        parts,
        otherNames,
      };
    });

  /** Main-thread time by kind (script and compile by file) in the tasks that overlap [from, to] (ms), clipped to it. */
  const busyBetween = (from, to) => {
    const sums = new Map();
    for (const task of tasks) {
      const start = at(task.start);
      const end = at(task.end);
      const overlap = Math.min(end, to) - Math.max(start, from);
      if (overlap <= 0) continue;
      const share = overlap / Math.max(end - start, 1e-6);
      for (const { kind, file, ms } of partsOf(task).parts) {
        const key = file ? `${kind}|${file}` : kind;
        sums.set(key, (sums.get(key) ?? 0) + ms * share);
      }
    }
    const parts = [...sums]
      .map(([key, ms]) => {
        const [kind, file] = key.split('|');
        return { kind, what: KIND_NAMES[kind], file, ms };
      })
      .sort((x, y) => y.ms - x.ms);
    return { from, to, busyMs: parts.reduce((sum, part) => sum + part.ms, 0), parts };
  };

  // The first frame: the main-thread task that painted it (the last paint before the first paint was shown), and what the thread did until then.
  let firstFrame;
  if (firstPaint !== undefined) {
    const painted = allSpans.filter((span) => span.name === 'Paint' && at(span.end) <= firstPaint);
    const last = painted.at(-1);
    if (last) {
      let task = last;
      while (task.parent) task = task.parent;
      firstFrame = {
        taskAt: at(task.start),
        taskMs: (task.end - task.start) / 1000,
        paintedAt: at(last.start),
        before: busyBetween(0, at(task.end)),
      };
    } else notTraced.push('the main-thread paint of the first frame');
  }

  // Between the comment box's first rendering and the task the probe posted then running: what the main thread did.
  const typingWait =
    Number.isFinite(probe.boxAt) && Number.isFinite(probe.typingReady) && probe.typingReady > probe.boxAt
      ? busyBetween(probe.boxAt, probe.typingReady)
      : undefined;

  // Main-thread time in all, by kind, from navigation start to the end of the trace.
  const totals = new Map();
  for (const task of tasks)
    for (const { kind, ms } of partsOf(task).parts) totals.set(kind, (totals.get(kind) ?? 0) + ms);

  return {
    pageUrl,
    traced: at(traceEnd),
    firstPaint,
    firstContentfulPaint,
    largestContentfulPaint,
    files: [...files.values()].map(({ initiator, url, ...file }) => ({
      ...file,
      // Which file imported it statically, or how it was asked for ('parser': the page; 'script': an import()).
      initiator: initiator?.url && isPackage(initiator.url) ? fileName(initiator.url) : initiator?.type,
    })),
    firstFrame,
    longTasks,
    typingWait,
    busy: Object.fromEntries([...totals].sort((x, y) => y[1] - x[1])),
    samples: samples.length,
    notTraced: [...new Set(notTraced)],
  };
}
