/**
 * Where the first view's time goes: one load of a pane, traced and profiled in Chromium (CPU
 * slowed four times, as the budget is), summed from navigation until the first view is usable.
 *
 * - The trace (Chromium's DevTools timeline events) gives the browser's own work on the page's
 *   main thread: HTML parsing, script compilation, style computation, layout, paint; the add-in's
 *   user timing marks (src/taskpane/index.tsx) give when Office.js was ready and when the pane
 *   rendered.
 * - The sampling profiler gives the script time by package. Its build is the production build
 *   with readable output (no minifier, modules named): each sample is put down to the module
 *   whose code it ran in. Unminified code costs more to parse than the shipped files, so these
 *   figures show shares, not the shipped build's exact times.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { preparedPage, type Condition, type PaneBuild } from './firstView';
import { serveCompressed } from './webServer';

export interface TraceSummary {
  readonly pane: string;
  readonly condition: string;
  /** Navigation to first view usable, in this traced load. */
  readonly firstViewMs: number;
  /** Main-thread time by kind of work, largest first. */
  readonly mainThread: readonly { readonly what: string; readonly ms: number }[];
  /** Script parsed off the main thread while the files downloaded. */
  readonly backgroundParseMs: number;
  /** From the pane's script starting to run to its modules set up (index.tsx's first line). */
  readonly moduleSetUpMs: number | null;
  /** From the pane's script starting to Office.js saying it is ready (null: no marks). */
  readonly officeWaitMs: number | null;
  /** From Office.js ready to the pane's first view rendered (null: no marks). */
  readonly renderMs: number | null;
}

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly cat?: string;
  readonly args?: { readonly name?: string; readonly data?: Record<string, unknown> };
}

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'blink.user_timing',
  'loading',
];

/** Main-thread trace events and what they count as; nested events are not counted twice. */
const KINDS: readonly { readonly what: string; readonly names: readonly string[] }[] = [
  { what: 'HTML parsing', names: ['ParseHTML'] },
  { what: 'script compilation (main thread)', names: ['v8.compile', 'v8.compileModule', 'V8.CompileLazy'] },
  {
    what: 'script running (module set-up, React, Fluent, Griffel)',
    names: [
      'EvaluateScript',
      'FunctionCall',
      'TimerFire',
      'EventDispatch',
      'RunMicrotasks',
      'FireAnimationFrame',
    ],
  },
  {
    what: 'style computation (Recalculate Style, style sheets)',
    names: ['UpdateLayoutTree', 'ParseAuthorStyleSheet'],
  },
  { what: 'layout', names: ['Layout'] },
  {
    what: 'paint and compositing',
    names: ['Paint', 'PrePaint', 'Layerize', 'UpdateLayer', 'CompositeLayers', 'Commit'],
  },
  { what: 'garbage collection', names: ['MinorGC', 'MajorGC', 'V8.GCScavenger', 'V8.GCFinalizeMC'] },
];

/**
 * The page's navigation start and its renderer's main thread. The trace holds other renderers too
 * (Chromium's own pages), so the page's is the one whose navigation loaded taskpane.html.
 */
function pageOf(events: readonly TraceEvent[]): { pid: number; tid: number; start: number } {
  const navigation = events.find(
    (e) =>
      e.name === 'navigationStart' &&
      String(e.args?.data?.['documentLoaderURL'] ?? '').endsWith('/taskpane.html'),
  );
  if (!navigation) throw new Error('the trace has no navigation to taskpane.html');
  const main = events.find(
    (e) =>
      e.ph === 'M' &&
      e.name === 'thread_name' &&
      e.pid === navigation.pid &&
      e.args?.name === 'CrRendererMain',
  );
  if (!main) throw new Error('the trace has no main thread (CrRendererMain) for the page');
  return { pid: main.pid, tid: main.tid, start: navigation.ts };
}

/**
 * Sums main-thread time by kind between `from` and `to` (microseconds), counting each moment once:
 * an event inside another event of a counted kind belongs to the outer one, except compilation,
 * style and layout, which are taken out of the script or task around them.
 */
function byKind(events: readonly TraceEvent[], from: number, to: number): { what: string; ms: number }[] {
  const totals = new Map<string, number>(KINDS.map((k) => [k.what, 0]));
  const kindOf = new Map<string, string>();
  for (const k of KINDS) for (const n of k.names) kindOf.set(n, k.what);
  const script = KINDS[2]?.what ?? '';
  const spans = events
    .filter((e) => e.ph === 'X' && e.dur !== undefined && kindOf.has(e.name) && e.ts >= from && e.ts < to)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  // A stack of open spans: a nested span of another kind is moved out of its parent's total.
  const open: TraceEvent[] = [];
  for (const e of spans) {
    while (open.length > 0 && (open[open.length - 1]?.ts ?? 0) + (open[open.length - 1]?.dur ?? 0) <= e.ts)
      open.pop();
    const parent = open[open.length - 1];
    const kind = kindOf.get(e.name) ?? '';
    const parentKind = parent ? (kindOf.get(parent.name) ?? '') : '';
    const dur = e.dur ?? 0;
    if (!parent) {
      totals.set(kind, (totals.get(kind) ?? 0) + dur);
    } else if (kind !== parentKind && parentKind === script) {
      totals.set(kind, (totals.get(kind) ?? 0) + dur);
      totals.set(parentKind, (totals.get(parentKind) ?? 0) - dur);
    }
    open.push(e);
  }
  return [...totals.entries()]
    .map(([what, us]) => ({ what, ms: Math.round(us / 100) / 10 }))
    .sort((a, b) => b.ms - a.ms);
}

/** Traces one load of `pane` under `condition` and sums the main thread's work by kind. */
export async function traceFirstView(
  browser: Browser,
  pane: PaneBuild,
  condition: Condition,
): Promise<TraceSummary> {
  const server = await serveCompressed(pane.folder);
  const { page, session, close } = await preparedPage(browser, pane, condition);
  try {
    await browser.startTracing(page, { categories: CATEGORIES });
    await page.goto(`${server.url}taskpane.html`, { waitUntil: 'commit' });
    await session.send('Runtime.evaluate', { expression: 'window.__firstView.done', awaitPromise: true });
    const firstViewMs = (await page.evaluate(
      () => (window as unknown as { __firstView: { ready: number } }).__firstView.ready,
    )) as number;
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as
      { traceEvents: TraceEvent[] } | TraceEvent[];
    const events = Array.isArray(trace) ? trace : trace.traceEvents;
    const main = pageOf(events);
    const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid);
    const start = main.start;
    const end = start + firstViewMs * 1000;
    const mark = (name: string) => events.find((e) => e.name === name && e.pid === main.pid)?.ts ?? null;
    const scriptRun = mark('pane:script-run');
    const officeReady = mark('pane:office-ready');
    const rendered = mark('pane:rendered');
    const paneScript = onMain.find(
      (e) =>
        e.name === 'EvaluateScript' && /\/taskpane\.[0-9a-f]+\.js$/.test(String(e.args?.data?.['url'] ?? '')),
    );
    const backgroundParse = events
      .filter((e) => e.name === 'v8.parseOnBackground' && e.ph === 'X' && e.ts >= start && e.ts < end)
      .reduce((sum, e) => sum + (e.dur ?? 0), 0);
    return {
      pane: pane.name,
      condition: condition.name,
      firstViewMs,
      mainThread: byKind(onMain, start, end),
      backgroundParseMs: Math.round(backgroundParse / 100) / 10,
      moduleSetUpMs: paneScript && scriptRun !== null ? (scriptRun - paneScript.ts) / 1000 : null,
      officeWaitMs: scriptRun !== null && officeReady !== null ? (officeReady - scriptRun) / 1000 : null,
      renderMs: officeReady !== null && rendered !== null ? (rendered - officeReady) / 1000 : null,
    };
  } finally {
    await close();
    await server.close();
  }
}

export interface ProfileShare {
  readonly what: string;
  readonly ms: number;
}

/** Packages grouped as the summary names them; the first match wins. */
const GROUPS: readonly { readonly what: string; readonly test: RegExp }[] = [
  { what: 'React (react-dom, scheduler)', test: /^\.\/node_modules\/(react|react-dom|scheduler)\// },
  {
    what: 'Griffel: style computation and insertion (@griffel, stylis, rtl-css-js, @emotion/hash)',
    test: /^\.\/node_modules\/(@griffel|stylis|rtl-css-js|@emotion)\//,
  },
  {
    what: 'Fluent UI components and focus (@fluentui, tabster, keyborg)',
    test: /^\.\/node_modules\/(@fluentui|tabster|keyborg)\//,
  },
  { what: 'other packages', test: /^\.\/node_modules\// },
  { what: "the add-in's own code (src/)", test: /^\.\/src\// },
];

/** The module each line of a readable build's file belongs to (webpack's named-module headers). */
function moduleLines(folder: string): Map<string, { line: number; module: string }[]> {
  const files = new Map<string, { line: number; module: string }[]>();
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.js'))) {
    const marks: { line: number; module: string }[] = [];
    readFileSync(join(folder, file), 'utf8')
      .split('\n')
      .forEach((text, line) => {
        const named = /^\/\*\*\*\/ "([^"]+)"|^;\/\/ (\.\/\S+)|^\/\*{6}\//.exec(text);
        if (!named) return;
        // Lines starting /******/ are webpack's runtime: module loading, and compiling on first call.
        marks.push({ line, module: named[1] ?? named[2] ?? 'webpack runtime' });
      });
    files.set(file, marks);
  }
  return files;
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}

/**
 * Profiles one load of a readable build (see the file's comment) and sums the samples' own time by
 * group: which packages the script time of the first view is spent in.
 */
export async function profileFirstView(
  browser: Browser,
  pane: PaneBuild,
  condition: Condition,
): Promise<ProfileShare[]> {
  const lines = moduleLines(pane.folder);
  const server = await serveCompressed(pane.folder);
  const { page, session, close } = await preparedPage(browser, pane, condition);
  try {
    await session.send('Profiler.enable');
    await session.send('Profiler.setSamplingInterval', { interval: 250 });
    await session.send('Profiler.start');
    await page.goto(`${server.url}taskpane.html`, { waitUntil: 'commit' });
    await session.send('Runtime.evaluate', { expression: 'window.__firstView.done', awaitPromise: true });
    const { profile } = (await session.send('Profiler.stop')) as unknown as {
      profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
    };
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const totals = new Map<string, number>();
    profile.samples.forEach((id, i) => {
      const frame = nodes.get(id)?.callFrame;
      const us = profile.timeDeltas[i + 1] ?? 0;
      if (!frame) return;
      const what = groupOf(frame, lines);
      totals.set(what, (totals.get(what) ?? 0) + us);
    });
    return [...totals.entries()]
      .map(([what, us]) => ({ what, ms: Math.round(us / 100) / 10 }))
      .filter((s) => s.ms >= 1)
      .sort((a, b) => b.ms - a.ms);
  } finally {
    await close();
    await server.close();
  }
}

function groupOf(
  frame: ProfileNode['callFrame'],
  lines: Map<string, { line: number; module: string }[]>,
): string {
  const file = frame.url.split('/').pop() ?? '';
  const marks = lines.get(file);
  if (!frame.url) {
    if (frame.functionName === '(idle)') return 'idle (waiting for the network or a timer)';
    if (frame.functionName === '(garbage collector)') return 'garbage collection';
    // (program): the browser's own work: parsing, compiling, style, layout, paint.
    return "the browser's own work (parse, compile, style, layout, paint)";
  }
  if (!marks) return file.startsWith('bootstrap') ? 'the bootstrap' : `other scripts (${file})`;
  let module = 'webpack runtime';
  for (const m of marks) {
    if (m.line > frame.lineNumber) break;
    module = m.module;
  }
  if (module === 'webpack runtime')
    return 'module set-up: webpack runtime, compiling each module on first use';
  const group = GROUPS.find((g) => g.test.test(module))?.what ?? 'other';
  // Named, so that a package that should not be in the first view shows.
  const name = /^\.\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(module)?.[1];
  return group === 'other packages' && name ? `other packages: ${name}` : group;
}
