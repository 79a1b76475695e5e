/**
 * The pane's frame: the title and "Reading the workbook…" that taskpane.html carries, so the
 * officer sees the pane before any script has run (issue 25). The production build is served
 * locally and opened in headless Chromium: with JavaScript disabled the frame must be there and
 * accessible, in the light and the dark system setting; with Office's theme known before the
 * pane's scripts arrive it must follow that theme; and when the pane renders it must take the
 * frame's place without moving the title or the status (no layout shift), with no console error
 * and an axe scan as clean as the frame's.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { sharedProductionBuild, WAIT_FOR_BUILD_MS, type SharedBuild } from '../setup/sharedBuild';
import { launchChromium } from './harness';
import { serveFolder, type StaticServer } from './staticServer';

// A production build and a headless Chromium.
jest.setTimeout(300_000);

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const TITLE = 'Equality Self-Assessment';
const STATUS = 'Reading the workbook…';

/** Office.js stood in: ready at once with the given theme; Excel calls never answer (the pane stays reading). */
function officeStub(background: string): string {
  return `
window.Office = {
  HostType: { Excel: 'Excel' },
  PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac', iOS: 'iOS' },
  context: {
    platform: 'PC',
    requirements: { isSetSupported: function () { return true; } },
    officeTheme: { bodyBackgroundColor: '${background}', bodyForegroundColor: '#000000' },
  },
  onReady: function (callback) {
    var info = { host: 'Excel', platform: 'PC' };
    return Promise.resolve().then(function () { if (callback) callback(info); return info; });
  },
};
window.Excel = { run: function () { return new Promise(function () {}); } };
`;
}

/** Records layout shifts from the start of the page (Chromium's layout-shift entries). */
const SHIFT_OBSERVER = `
window.__shifts = [];
new PerformanceObserver(function (list) {
  list.getEntries().forEach(function (e) {
    window.__shifts.push({ value: e.value, nodes: (e.sources || []).map(function (s) { return s.node ? s.node.nodeName + '.' + s.node.className : '?'; }) });
  });
}).observe({ type: 'layout-shift', buffered: true });
`;

let build: SharedBuild;
let server: StaticServer;
let browser: Browser;

// The production build is shared with the other files that read it (test/setup/sharedBuild.ts).
beforeAll(async () => {
  build = await sharedProductionBuild();
  server = await serveFolder(build.out);
  browser = await launchChromium();
}, WAIT_FOR_BUILD_MS);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Opened {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly errors: string[];
}

/**
 * Which of the page's scripts run: all of them; the bootstrap but not the pane's own (vendor,
 * taskpane), which arrive empty; or none (JavaScript disabled, or, where axe must run in the page,
 * every script of the add-in arriving empty: the page as it stands before any script runs).
 */
type Scripts = 'all' | 'bootstrap only' | 'none' | 'disabled';

async function open(options: {
  width: number;
  scripts: Scripts;
  colorScheme?: 'light' | 'dark';
  officeBackground?: string;
}): Promise<Opened> {
  const context = await browser.newContext({
    viewport: { width: options.width, height: 700 },
    javaScriptEnabled: options.scripts !== 'disabled',
    colorScheme: options.colorScheme ?? 'light',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`${response.status()} for ${response.url()}`);
  });
  await page.addInitScript(SHIFT_OBSERVER);
  await page.route(
    (url) => !url.href.startsWith(server.url),
    (route) =>
      route.request().url() === OFFICE_JS
        ? route.fulfill({
            contentType: 'text/javascript',
            body: officeStub(options.officeBackground ?? '#ffffff'),
          })
        : route.abort(),
  );
  const emptied =
    options.scripts === 'none'
      ? /\/(bootstrap|vendor|taskpane)\.[0-9a-f]+\.js$/
      : options.scripts === 'bootstrap only'
        ? /\/(vendor|taskpane)\.[0-9a-f]+\.js$/
        : null;
  if (emptied) {
    await page.route(emptied, (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
  }
  await page.goto(`${server.url}taskpane.html`, { waitUntil: 'domcontentloaded' });
  return { page, context, errors };
}

/**
 * Fluent's keyboard library (tabster) puts focusable `<i aria-hidden data-tabster-dummy>` sentinels
 * around the pane's TabList, which axe's aria-hidden-focus rule flags; Fluent does this by design
 * (taskpane.test.ts explains, with the upstream threads). Only those nodes, for that rule, are set
 * aside.
 */
function isTabsterSentinel(ruleId: string, html: string): boolean {
  return ruleId === 'aria-hidden-focus' && html.includes('data-tabster-dummy');
}

/** Axe's serious and critical findings, one line each. */
async function seriousFindings(page: Page): Promise<string[]> {
  const scan = await new AxeBuilder({ page }).analyze();
  return scan.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !isTabsterSentinel(v.id, n.html)) }))
    .filter((v) => v.nodes.length > 0)
    .map(
      (v) =>
        `${v.id} (${v.impact ?? 'unknown'}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
}

interface Place {
  readonly title: number[];
  readonly status: number[];
}

/** Where the title and the status words are, in CSS pixels (x, y, width, height). */
async function places(page: Page): Promise<Place> {
  const box = async (locator: ReturnType<Page['getByText']>) => {
    const b = await locator.boundingBox();
    if (!b) throw new Error(`${String(locator)} is not on screen`);
    return [b.x, b.y, b.width, b.height].map((n) => Math.round(n * 10) / 10);
  };
  return {
    title: await box(page.getByRole('heading', { level: 1, name: TITLE })),
    status: await box(page.getByText(STATUS, { exact: true })),
  };
}

/** Mean of the R, G and B channels of what is painted in the middle of the pane, 0 to 255. */
async function brightnessAt(page: Page): Promise<number> {
  const colour = await page.evaluate(() => {
    let el: Element | null = document.elementFromPoint(150, 400);
    while (el && getComputedStyle(el).backgroundColor === 'rgba(0, 0, 0, 0)') el = el.parentElement;
    return el ? getComputedStyle(el).backgroundColor : 'none';
  });
  const channels = (colour.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
  expect(channels).toHaveLength(3);
  return channels.reduce((sum, c) => sum + c, 0) / 3;
}

describe("the pane's frame, before any script runs", () => {
  it.each([320, 450])(
    'shows the title and "Reading the workbook…" at %i px with JavaScript disabled',
    async (width) => {
      const { page, context, errors } = await open({ width, scripts: 'disabled' });
      try {
        await expect(page.getByRole('heading', { level: 1, name: TITLE }).isVisible()).resolves.toBe(true);
        await expect(page.getByRole('progressbar', { name: STATUS }).isVisible()).resolves.toBe(true);
        await expect(page.getByText(STATUS, { exact: true }).isVisible()).resolves.toBe(true);
        // Nothing ran: the bootstrap never loaded the pane, so the frame is all there is.
        await expect(page.locator('.fui-FluentProvider').count()).resolves.toBe(0);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        expect(await brightnessAt(page)).toBeGreaterThan(128);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );

  // Axe runs inside the page, which it cannot with JavaScript disabled: here the add-in's scripts
  // arrive empty instead, which leaves the same page.
  it.each(['light', 'dark'] as const)(
    'passes an axe scan in the %s system setting (contrast included)',
    async (colorScheme) => {
      const { page, context } = await open({ width: 320, scripts: 'none', colorScheme });
      try {
        await expect(page.getByRole('progressbar', { name: STATUS }).isVisible()).resolves.toBe(true);
        await expect(page.locator('.fui-FluentProvider').count()).resolves.toBe(0);
        const brightness = await brightnessAt(page);
        if (colorScheme === 'dark') expect(brightness).toBeLessThan(128);
        else expect(brightness).toBeGreaterThan(128);
        expect(await seriousFindings(page)).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );

  it("follows Office's theme as soon as Office.js gives it, before the pane's scripts have run", async () => {
    // The system is light, Office is dark: the frame turns dark although the pane never renders.
    const { page, context } = await open({
      width: 320,
      scripts: 'bootstrap only',
      officeBackground: '#262626',
    });
    try {
      await page.locator('#pane-frame.pane-frame-dark').waitFor();
      expect(await brightnessAt(page)).toBeLessThan(128);
      await expect(page.getByRole('heading', { level: 1, name: TITLE }).isVisible()).resolves.toBe(true);
      expect(await seriousFindings(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('the pane replacing its frame', () => {
  it.each([320, 450])(
    'puts its title and status where the frame had them at %i px, with no layout shift and no console error',
    async (width) => {
      const before = await open({ width, scripts: 'disabled' });
      const framePlaces = await places(before.page);
      await before.context.close();

      const { page, context, errors } = await open({ width, scripts: 'all' });
      try {
        // The pane's tabs are React's: once they are there, the frame has been replaced.
        await page.getByRole('tab', { name: 'Set up' }).waitFor();
        await expect(page.locator('#pane-frame').count()).resolves.toBe(0);
        await expect(page.getByRole('heading', { level: 1 }).count()).resolves.toBe(1);
        expect(await places(page)).toEqual(framePlaces);
        const shifts = await page.evaluate(
          () => (window as unknown as { __shifts: { value: number; nodes: string[] }[] }).__shifts,
        );
        expect(shifts).toEqual([]);
        expect(await seriousFindings(page)).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );
});
