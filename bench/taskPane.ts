/**
 * The benchmark's task pane job (`npm run bench -- firstview` runs it alone): the add-in and the
 * floor pane built for production, their sizes, their first view timed under each condition
 * (interleaved, median of several runs), one traced and one profiled load at 4x CPU, and the
 * issue 25 budgets checked against those figures.
 */
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { measureBundle, type BundleFigures } from './bundle';
import { productionBuild } from './build';
import {
  CONDITIONS,
  measureFirstViews,
  pairedRatio,
  type Condition,
  type FirstViewRow,
  type PaneBuild,
} from './firstView';
import { profileFirstView, traceFirstView, type ProfileShare, type TraceSummary } from './trace';

export const ADDIN = 'add-in';
export const FLOOR = 'floor (React 18 + Fluent UI v9 hello-world)';
/** A page with no script at all: the earliest paint this browser, machine and slowdown allow. */
export const PLAIN = 'plain HTML page (no script)';
const PLAIN_FOLDER = join(__dirname, 'static');

export interface TaskPaneResults {
  readonly measuredAt: string;
  readonly runs: number;
  readonly conditions: readonly Condition[];
  readonly bundle: BundleFigures;
  readonly floorBundle: BundleFigures;
  readonly firstView: readonly FirstViewRow[];
  readonly traces: readonly TraceSummary[];
  /** Script time of the add-in's first view by package (readable build, CPU 4x). */
  readonly profile: readonly ProfileShare[];
}

export interface Budget {
  readonly what: string;
  readonly limit: string;
  readonly measured: string;
  readonly met: boolean;
}

const CPU4 = CONDITIONS.find((c) => c.cpu === 4 && c.network === null) ?? CONDITIONS[1];

export async function measureTaskPane(
  runs: number,
  progress: (line: string) => void,
): Promise<TaskPaneResults> {
  if (!CPU4) throw new Error('the benchmark has no CPU 4x condition');
  progress('Building the add-in, the floor pane and a readable copy of the add-in (production mode)…');
  const addin = productionBuild('add-in');
  const floor = productionBuild('floor');
  const readable = productionBuild('add-in, readable');
  try {
    const panes: PaneBuild[] = [
      { name: ADDIN, folder: addin.folder, ready: '[role="tab"]' },
      { name: FLOOR, folder: floor.folder, ready: 'button' },
      { name: PLAIN, folder: PLAIN_FOLDER, ready: 'button' },
    ];
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--headless'],
    });
    try {
      progress(`Timing the first view in Chromium (${runs} runs of each pane per condition, interleaved)…`);
      const firstView = await measureFirstViews(browser, panes, CONDITIONS, runs, progress);
      progress('Tracing and profiling one first view of each at CPU 4x…');
      const traces = [];
      for (const pane of panes.filter((p) => p.name !== PLAIN))
        traces.push(await traceFirstView(browser, pane, CPU4));
      const profile = await profileFirstView(
        browser,
        { name: `${ADDIN}, readable`, folder: readable.folder, ready: '[role="tab"]' },
        CPU4,
      );
      return {
        measuredAt: new Date().toISOString(),
        runs,
        conditions: CONDITIONS,
        bundle: measureBundle(addin.folder),
        floorBundle: measureBundle(floor.folder),
        firstView,
        traces,
        profile,
      };
    } finally {
      await browser.close();
    }
  } finally {
    addin.remove();
    floor.remove();
    readable.remove();
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (n: number) => (n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${n.toFixed(0)} ms`);

function row(
  results: TaskPaneResults,
  pane: string,
  condition: Condition | undefined,
): FirstViewRow | undefined {
  return results.firstView.find((r) => r.pane === pane && r.condition === condition?.name);
}

export function taskPaneBudgets(results: TaskPaneResults): Budget[] {
  const ours = row(results, ADDIN, CPU4);
  const floor = row(results, FLOOR, CPU4);
  const missing = (what: string, limit: string): Budget => ({
    what,
    limit,
    measured: 'not measured',
    met: false,
  });
  const budgets: Budget[] = [
    {
      what: 'initial task pane JavaScript (gzipped)',
      limit: '≤ 150 KB',
      measured: kb(results.bundle.initialJsGzipBytes),
      met: results.bundle.initialJsGzipBytes <= 150 * 1024,
    },
  ];
  if (!ours || !floor) {
    budgets.push(
      missing('frame painted, CPU 4x', '< 200 ms'),
      missing('first view interactive, CPU 4x', '< 1 s'),
    );
    return budgets;
  }
  const plain = row(results, PLAIN, CPU4);
  const ratio = ours.interactiveMs / floor.interactiveMs;
  const paired = pairedRatio(ours.interactiveLoadsMs, floor.interactiveLoadsMs);
  const maxShift = Math.max(...results.firstView.filter((r) => r.pane === ADDIN).map((r) => r.layoutShift));
  budgets.push(
    {
      what: 'frame painted, CPU 4x (median)',
      limit: '< 200 ms',
      measured: plain
        ? `${ms(ours.framePaintedMs)} (a plain HTML page, no script or style: ${plainPaint(plain)})`
        : ms(ours.framePaintedMs),
      met: ours.framePaintedMs < 200,
    },
    {
      what: 'first view interactive, CPU 4x (median)',
      limit: '< 1 s',
      measured: ms(ours.interactiveMs),
      met: ours.interactiveMs < 1000,
    },
    {
      what: "first view interactive, CPU 4x, against the floor pane (median of the rounds' ratios)",
      limit: '≤ 1.3 × floor',
      measured:
        `${paired.median.toFixed(2)} × (middle half ${paired.low.toFixed(2)} to ${paired.high.toFixed(2)}); ` +
        `ratio of the medians ${ratio.toFixed(2)} × (${ms(ours.interactiveMs)} against ${ms(floor.interactiveMs)})`,
      met: paired.median <= 1.3,
    },
    {
      what: 'layout shift as the pane replaces its frame (largest of all loads)',
      limit: '< 0.01',
      measured: maxShift.toFixed(4),
      met: maxShift < 0.01,
    },
  );
  return budgets;
}

/**
 * The plain page's first paint, with when its HTML had arrived: the time between is the browser's
 * own work before it paints a page with nothing in it, which no page can go below.
 */
function plainPaint(plain: FirstViewRow): string {
  const received = plain.htmlReceivedMs;
  return received === undefined || Number.isNaN(received)
    ? ms(plain.framePaintedMs)
    : `${ms(plain.framePaintedMs)}, HTML in at ${ms(received)}`;
}

/** The task pane's sections of results.md. */
export function taskPaneTables(results: TaskPaneResults): string[] {
  const lines: string[] = [];
  lines.push(
    '## Task pane',
    '',
    `Measured ${results.measuredAt}. Production builds served gzipped from localhost, Office.js stood in (ready at once), ` +
      `each load in a fresh browser context; median of ${results.runs} loads per pane and condition, the panes interleaved. The plain HTML page has no script: its first paint is the earliest this browser, machine and slowdown allow, the anchor for "frame painted".`,
    '',
    '| figure | add-in | floor pane |',
    '| --- | ---: | ---: |',
    `| JavaScript loaded before the first view | ${kb(results.bundle.initialJsBytes)} (${kb(results.bundle.initialJsGzipBytes)} gzipped) | ${kb(results.floorBundle.initialJsBytes)} (${kb(results.floorBundle.initialJsGzipBytes)} gzipped) |`,
    `| all JavaScript in the build (lazy chunks included) | ${kb(results.bundle.allJsBytes)} | ${kb(results.floorBundle.allJsBytes)} |`,
    '',
    '### First view',
    '',
    '| condition | frame painted: add-in | frame painted: floor | frame painted: plain HTML page | interactive: add-in | interactive: floor | add-in ÷ floor, round by round (middle half) | add-in ÷ floor, medians | layout shift (add-in) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const condition of results.conditions) {
    const ours = row(results, ADDIN, condition);
    const floor = row(results, FLOOR, condition);
    const plain = row(results, PLAIN, condition);
    if (!ours || !floor) continue;
    const paired = pairedRatio(ours.interactiveLoadsMs, floor.interactiveLoadsMs);
    lines.push(
      `| ${condition.name} | ${ms(ours.framePaintedMs)} | ${ms(floor.framePaintedMs)} | ${plain ? plainPaint(plain) : 'not measured'} | ${ms(ours.interactiveMs)} | ${ms(floor.interactiveMs)} | ${paired.median.toFixed(2)} (${paired.low.toFixed(2)} to ${paired.high.toFixed(2)}) | ${(ours.interactiveMs / floor.interactiveMs).toFixed(2)} | ${ours.layoutShift.toFixed(4)} |`,
    );
  }
  for (const trace of results.traces) {
    lines.push(
      '',
      `### Where the time goes: ${trace.pane}, ${trace.condition}, one traced load (first view at ${ms(trace.firstViewMs)})`,
      '',
      '| main-thread work | time |',
      '| --- | ---: |',
      ...trace.mainThread.map((k) => `| ${k.what} | ${ms(k.ms)} |`),
      `| _script parsed off the main thread while downloading_ | ${ms(trace.backgroundParseMs)} |`,
    );
    if (trace.moduleSetUpMs !== null)
      lines.push(
        `| _of which: module set-up (pane script start to its first line run)_ | ${ms(trace.moduleSetUpMs)} |`,
      );
    if (trace.officeWaitMs !== null)
      lines.push(
        `| _Office.js wait (pane's first line to Office ready; a stand-in here)_ | ${ms(trace.officeWaitMs)} |`,
      );
    if (trace.renderMs !== null)
      lines.push(
        `| _of which: Office ready to first view rendered (React render and commit, Griffel's styles)_ | ${ms(trace.renderMs)} |`,
      );
  }
  lines.push(
    '',
    `### Script time of the add-in's first view by package (CPU 4x, readable build, sampling profiler)`,
    '',
    '| where | time |',
    '| --- | ---: |',
    ...results.profile.map((p) => `| ${p.what} | ${ms(p.ms)} |`),
  );
  return lines;
}
