/**
 * The first view, timed in headless Chromium: a production build served compressed from
 * localhost (bench/webServer.ts), Office.js replaced by a stand-in that is ready at once and whose
 * Excel calls never answer (there is no Excel here), each load in a fresh browser context (an
 * empty cache, as the first time the pane opens), the CPU slowed with Chromium's throttling and
 * the network with its network emulation (both through the DevTools protocol).
 *
 * Several panes are measured in one run, interleaved load by load (and in alternating order), so
 * that whatever else the machine is doing slows them alike; each figure is the median of the runs.
 */
import type { Browser, CDPSession, Page } from 'playwright-core';
import { serveCompressed, type WebServer } from './webServer';

export const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** Office.js as the benchmark needs it: ready at once, light theme, Excel calls that never answer. */
export const OFFICE_STAND_IN = `
window.Office = {
  HostType: { Excel: 'Excel' },
  PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac', iOS: 'iOS' },
  onReady: function (cb) { var info = { host: 'Excel', platform: 'PC' }; if (cb) cb(info); return Promise.resolve(info); },
  context: {
    platform: 'PC',
    requirements: { isSetSupported: function () { return true; } },
    officeTheme: { bodyBackgroundColor: '#ffffff', bodyForegroundColor: '#000000' },
  },
};
window.Excel = { run: function () { return new Promise(function () {}); } };
`;

export interface PaneBuild {
  readonly name: string;
  /** The built folder holding taskpane.html. */
  readonly folder: string;
  /** A CSS selector for the control that makes the first view usable (the pane's tabs, the floor's button). */
  readonly ready: string;
}

export interface NetworkProfile {
  readonly name: string;
  readonly latencyMs: number;
  readonly downloadBytesPerSecond: number;
  readonly uploadBytesPerSecond: number;
}

/**
 * Chromium DevTools' "Slow 4G" preset (formerly "Fast 3G"): 562.5 ms round trip, 1.44 Mbit/s
 * down, 675 kbit/s up. Lighthouse uses the same profile for its mobile runs.
 */
export const SLOW_4G: NetworkProfile = {
  name: 'slow 4G',
  latencyMs: 562.5,
  downloadBytesPerSecond: (1.6 * 1024 * 1024 * 0.9) / 8,
  uploadBytesPerSecond: (750 * 1024 * 0.9) / 8,
};

export interface Condition {
  readonly name: string;
  /** Chromium's CPU throttling rate: 4 runs the page's main thread four times slower. */
  readonly cpu: number;
  readonly network: NetworkProfile | null;
}

export const CONDITIONS: readonly Condition[] = [
  { name: 'CPU 1x', cpu: 1, network: null },
  { name: 'CPU 4x', cpu: 4, network: null },
  { name: `CPU 1x, ${SLOW_4G.name}`, cpu: 1, network: SLOW_4G },
  { name: `CPU 4x, ${SLOW_4G.name}`, cpu: 4, network: SLOW_4G },
];

/** One load of one pane, in milliseconds from the start of navigation. */
export interface Load {
  /** First contentful paint: the page's frame where it has one, otherwise the first view itself. */
  readonly framePaintedMs: number;
  /** The ready control is in the page and a frame with it has been painted. */
  readonly interactiveMs: number;
  /** Cumulative layout shift until then (Chromium's layout-shift entries). */
  readonly layoutShift: number;
  /** The page's HTML fully received (the navigation entry's responseEnd). */
  readonly htmlReceivedMs: number;
}

export interface FirstViewRow {
  readonly condition: string;
  readonly cpu: number;
  readonly network: string | null;
  readonly pane: string;
  readonly runs: number;
  readonly framePaintedMs: number;
  readonly interactiveMs: number;
  /** Each load's interactive time, in the order of the runs (run i of every pane is one round). */
  readonly interactiveLoadsMs: readonly number[];
  /** The largest layout shift of any run. */
  readonly layoutShift: number;
  /**
   * When the page's HTML had been received (median). Absent from results written before it was
   * measured. Frame painted minus this is the browser's own work on the page before its first paint.
   */
  readonly htmlReceivedMs?: number;
}

/**
 * Runs in the page before its own scripts: records the layout shifts and when the ready control appears (a MutationObserver sees it in the task that adds it; the
 * time is taken after the next frame has been painted: a task after requestAnimationFrame).
 */
function observer(readySelector: string): string {
  return `(() => {
  let done;
  const fv = { ready: null, cls: 0, done: new Promise((resolve) => { done = resolve; }) };
  window.__firstView = fv;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput && fv.ready === null) fv.cls += e.value;
  }).observe({ type: 'layout-shift', buffered: true });
  let seen = false;
  const check = () => {
    if (seen || !document.querySelector(${JSON.stringify(readySelector)})) return;
    seen = true;
    mutations.disconnect();
    requestAnimationFrame(() => setTimeout(() => { fv.ready = performance.now(); done(); }, 0));
  };
  const mutations = new MutationObserver(check);
  mutations.observe(document, { childList: true, subtree: true });
})();`;
}

async function throttle(session: CDPSession, condition: Condition): Promise<void> {
  await session.send('Emulation.setCPUThrottlingRate', { rate: condition.cpu });
  if (condition.network) {
    await session.send('Network.enable');
    await session.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: condition.network.latencyMs,
      downloadThroughput: condition.network.downloadBytesPerSecond,
      uploadThroughput: condition.network.uploadBytesPerSecond,
    });
  }
}

/**
 * Answers the request for Office.js with the stand-in. Through the DevTools protocol with a
 * pattern for that one URL, not Playwright's page.route: a route pauses every request of the page
 * for a round trip to this process, which on a busy machine added hundreds of milliseconds to each
 * of the pane's files.
 */
async function standInForOffice(session: CDPSession): Promise<void> {
  session.on('Fetch.requestPaused', (event) => {
    void session.send('Fetch.fulfillRequest', {
      requestId: event.requestId,
      responseCode: 200,
      responseHeaders: [{ name: 'Content-Type', value: 'text/javascript' }],
      body: Buffer.from(OFFICE_STAND_IN).toString('base64'),
    });
  });
  await session.send('Fetch.enable', { patterns: [{ urlPattern: OFFICE_JS, requestStage: 'Request' }] });
}

/** Opens a fresh page with Office.js stood in, the observer installed and the condition applied. */
export async function preparedPage(
  browser: Browser,
  pane: PaneBuild,
  condition: Condition,
): Promise<{ page: Page; session: CDPSession; errors: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 450, height: 700 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  await page.addInitScript(observer(pane.ready));
  const session = await context.newCDPSession(page);
  await standInForOffice(session);
  await throttle(session, condition);
  return { page, session, errors, close: () => context.close() };
}

interface Recorded {
  fcp: number | null;
  ready: number | null;
  cls: number;
  htmlReceived: number;
}

/** Loads the pane once and reads what the observer recorded. */
export async function loadOnce(
  browser: Browser,
  server: WebServer,
  pane: PaneBuild,
  condition: Condition,
): Promise<Load> {
  const { page, session, errors, close } = await preparedPage(browser, pane, condition);
  try {
    await page.goto(`${server.url}taskpane.html`, { waitUntil: 'commit' });
    // Waited for through the DevTools protocol: Playwright's waitForFunction first injects its own
    // script into the page, 70 ms of the main thread's time (280 ms at 4x) spent in the measurement.
    await session.send('Runtime.evaluate', { expression: 'window.__firstView.done', awaitPromise: true });
    // The paint entry can arrive after the frame it times (Chromium reports it when the frame is
    // presented): waited for, a few seconds at most.
    const recorded = await page.evaluate(async () => {
      const fv = (window as unknown as { __firstView: Recorded }).__firstView;
      const fcp = await new Promise<number | null>((resolve) => {
        const found = () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
        const now = found();
        if (now !== undefined) return resolve(now);
        new PerformanceObserver(() => resolve(found() ?? null)).observe({ type: 'paint', buffered: true });
        setTimeout(() => resolve(found() ?? null), 5000);
      });
      const navigation = performance.getEntriesByType('navigation')[0] as
        PerformanceNavigationTiming | undefined;
      return { ready: fv.ready, cls: fv.cls, fcp, htmlReceived: navigation?.responseEnd ?? Number.NaN };
    });
    const problem = await page.locator('#pane-problem').count();
    if (problem > 0 || errors.length > 0) {
      throw new Error(
        `${pane.name} did not start cleanly under ${condition.name}: ${[...errors, problem > 0 ? "the bootstrap's message is shown" : ''].filter(Boolean).join('; ')}`,
      );
    }
    if (recorded.fcp === null || recorded.ready === null) {
      throw new Error(`${pane.name} under ${condition.name}: no first contentful paint was recorded`);
    }
    return {
      framePaintedMs: recorded.fcp,
      interactiveMs: recorded.ready,
      layoutShift: recorded.cls,
      htmlReceivedMs: recorded.htmlReceived,
    };
  } finally {
    await close();
  }
}

/** The value below which a share `q` (0 to 1) of the values lie, interpolated between neighbours. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const at = (sorted.length - 1) * q;
  const below = sorted[Math.floor(at)] ?? Number.NaN;
  const above = sorted[Math.ceil(at)] ?? Number.NaN;
  return below + (above - below) * (at - Math.floor(at));
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/**
 * One pane's time against another's, round by round: within a round the panes load back to back,
 * so a busy spell on the machine slows both and cancels out of their ratio, where it does not out
 * of the ratio of two medians taken over the whole run. The median of the rounds' ratios, and the
 * middle half of them.
 */
export function pairedRatio(
  ours: readonly number[],
  theirs: readonly number[],
): { readonly median: number; readonly low: number; readonly high: number } {
  const ratios = ours.slice(0, theirs.length).map((value, i) => value / (theirs[i] ?? Number.NaN));
  return { median: median(ratios), low: quantile(ratios, 0.25), high: quantile(ratios, 0.75) };
}

/**
 * Every pane under every condition, `runs` times each; within a condition the panes take turns
 * load by load, the order alternating between runs.
 */
export async function measureFirstViews(
  browser: Browser,
  panes: readonly PaneBuild[],
  conditions: readonly Condition[],
  runs: number,
  progress: (line: string) => void = () => undefined,
): Promise<FirstViewRow[]> {
  const servers = await Promise.all(panes.map((p) => serveCompressed(p.folder)));
  try {
    const rows: FirstViewRow[] = [];
    for (const condition of conditions) {
      const loads = panes.map((): Load[] => []);
      for (let run = 0; run < runs; run++) {
        const order = panes.map((_, i) => i);
        if (run % 2 === 1) order.reverse();
        for (const i of order) {
          const pane = panes[i];
          const server = servers[i];
          if (!pane || !server) continue;
          loads[i]?.push(await loadOnce(browser, server, pane, condition));
        }
      }
      panes.forEach((pane, i) => {
        const all = loads[i] ?? [];
        const row: FirstViewRow = {
          condition: condition.name,
          cpu: condition.cpu,
          network: condition.network?.name ?? null,
          pane: pane.name,
          runs: all.length,
          framePaintedMs: median(all.map((l) => l.framePaintedMs)),
          interactiveMs: median(all.map((l) => l.interactiveMs)),
          interactiveLoadsMs: all.map((l) => l.interactiveMs),
          layoutShift: Math.max(0, ...all.map((l) => l.layoutShift)),
          htmlReceivedMs: median(all.map((l) => l.htmlReceivedMs)),
        };
        rows.push(row);
        progress(
          `  ${condition.name}, ${pane.name}: frame ${row.framePaintedMs.toFixed(0)} ms, interactive ${row.interactiveMs.toFixed(0)} ms`,
        );
      });
    }
    return rows;
  } finally {
    await Promise.all(servers.map((s) => s.close()));
  }
}
