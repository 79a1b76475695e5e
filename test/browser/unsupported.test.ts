/**
 * The built pane where it cannot run: the production build (into a temporary folder) served
 * locally and opened in headless Chromium, with Office.js stubbed, in the situations the bootstrap
 * (src/taskpane/bootstrap.js) is for: Internet Explorer 11's and the old Edge's user agents, an
 * engine without the features the bundle needs, the pane's script failing to parse or load,
 * Office.js missing, and Office never saying it is ready. Each time the message must say why and
 * what to do instead, pass an axe scan and log no error but the one the test caused; and where
 * everything works, the pane must show and no message with it. Screenshots of the message go to
 * test-results/screenshots/ (pane-unsupported-*.png).
 */
import AxeBuilder from '@axe-core/playwright';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { sharedProductionBuild, WAIT_FOR_BUILD_MS, type SharedBuild } from '../setup/sharedBuild';
import { launchChromium, ROOT, SCREENSHOT_DIR } from './harness';
import { serveFolder, type StaticServer } from './staticServer';

// A production build and a headless Chromium.
jest.setTimeout(300_000);

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const IE11 = 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko';
const EDGE_HTML =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) ' +
  'Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045';
/** WebView2 (the current, Chromium-based Edge) says "Edg/": the pane runs there. */
const WEBVIEW2 =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) ' +
  'Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0';
const MESSAGE = '#pane-problem';

interface OfficeStub {
  /** Whether Office.onReady ever calls back. */
  readonly ready: boolean;
  readonly background: string;
}

/** Stands in for Office.js: enough for the bootstrap and for index.tsx to render the pane. */
function officeStub({ ready, background }: OfficeStub): string {
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
    ${ready ? 'return Promise.resolve().then(function () { if (callback) callback(info); return info; });' : 'return new Promise(function () {});'}
  },
};
window.Excel = { run: function () { return Promise.reject(new Error('Excel is stubbed in this test')); } };
`;
}

interface Scenario {
  readonly userAgent?: string;
  readonly office?: OfficeStub | 'missing';
  /** Answers the request for the pane's own script (taskpane.*.js) with this instead. */
  readonly paneScript?: { readonly status: number; readonly body: string };
  /** Answers requests for these files of the add-in with 404 Not Found. */
  readonly missing?: RegExp;
  /** Runs in the page before anything else (to set the timeout, or take a feature away). */
  readonly before?: string;
  readonly width?: number;
}

interface Opened {
  readonly page: Page;
  readonly context: BrowserContext;
  /** Errors the page reported: uncaught errors, console errors and failed requests. */
  readonly errors: string[];
  /** The pane's scripts (vendor, taskpane) the page asked for. */
  readonly paneRequests: string[];
}

let build: SharedBuild;
let server: StaticServer;
let browser: Browser;

// The production build is shared with the other files that read it (test/setup/sharedBuild.ts).
beforeAll(async () => {
  build = await sharedProductionBuild();
  server = await serveFolder(build.out);
  browser = await launchChromium();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
}, WAIT_FOR_BUILD_MS);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(scenario: Scenario): Promise<Opened> {
  const context = await browser.newContext({
    viewport: { width: scenario.width ?? 320, height: 700 },
    ...(scenario.userAgent ? { userAgent: scenario.userAgent } : {}),
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const paneRequests: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('requestfailed', (request) => errors.push(`failed: ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`${response.status()} for ${response.url()}`);
  });
  page.on('request', (request) => {
    if (/\/(vendor|taskpane)\.[0-9a-f]+\.js$/.test(request.url())) paneRequests.push(request.url());
  });
  if (scenario.before) await page.addInitScript(scenario.before);
  const office = scenario.office ?? { ready: true, background: '#ffffff' };
  await page.route(
    (url) => !url.href.startsWith(server.url),
    async (route) => {
      if (route.request().url() === OFFICE_JS && office !== 'missing') {
        await route.fulfill({ contentType: 'text/javascript', body: officeStub(office) });
      } else {
        await route.abort();
      }
    },
  );
  const paneScript = scenario.paneScript;
  if (paneScript) {
    await page.route(/\/taskpane\.[0-9a-f]+\.js$/, (route) =>
      route.fulfill({ status: paneScript.status, contentType: 'text/javascript', body: paneScript.body }),
    );
  }
  if (scenario.missing) {
    await page.route(scenario.missing, (route) => route.fulfill({ status: 404, body: 'Not found' }));
  }
  await page.goto(`${server.url}taskpane.html`);
  return { page, context, errors, paneRequests };
}

/** Axe's serious and critical findings, one line each. */
async function seriousFindings(page: Page): Promise<string[]> {
  const scan = await new AxeBuilder({ page }).analyze();
  return scan.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact ?? 'unknown'}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
}

/** The message's heading and text, after checking it is accessible and fits the width. */
async function readMessage(page: Page, screenshot?: string): Promise<{ title: string; text: string }> {
  const message = page.locator(MESSAGE);
  await message.waitFor();
  const title = (await message.getByRole('heading', { level: 1 }).textContent()) ?? '';
  const text = (await message.textContent()) ?? '';
  expect(await seriousFindings(page)).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  // The pane's own element is hidden while the message stands in for it.
  await expect(page.locator('#root').isVisible()).resolves.toBe(false);
  if (screenshot) await page.screenshot({ path: join(SCREENSHOT_DIR, `${screenshot}.png`), fullPage: true });
  return { title, text };
}

/** The message offers the workbook file, and the add-in's site serves it. */
async function expectWorkbookLink(page: Page): Promise<void> {
  const link = page.locator(MESSAGE).getByRole('link', { name: 'assessment workbook file' });
  await expect(link.getAttribute('href')).resolves.toBe('equality-assessment.xlsx');
  const response = await page.request.get(`${server.url}equality-assessment.xlsx`);
  expect(response.status()).toBe(200);
  // An .xlsx file is a zip: it starts with "PK".
  expect((await response.body()).subarray(0, 2).toString('latin1')).toBe('PK');
}

/** Mean of the R, G and B channels of the message's background, 0 (black) to 255 (white). */
async function messageBrightness(page: Page): Promise<number> {
  const colour = await page.locator(MESSAGE).evaluate((el) => getComputedStyle(el).backgroundColor);
  const channels = (colour.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
  expect(channels).toHaveLength(3);
  return channels.reduce((sum, c) => sum + c, 0) / 3;
}

describe('where the pane cannot run', () => {
  it('names Internet Explorer 11 from its user agent, says what Excel the pane needs and what works today', async () => {
    const { page, context, errors, paneRequests } = await open({ userAgent: IE11 });
    try {
      const { title, text } = await readMessage(page, 'pane-unsupported-ie11-light-320');
      expect(title).toBe('This version of Excel cannot run the pane');
      expect(text).toContain('This copy of Excel opens add-ins in Internet Explorer 11');
      expect(text).toContain(
        'Microsoft 365, Excel 2021 or later, Excel on the web, or a current Excel for Mac',
      );
      expect(text).toContain('Open this workbook in Excel on the web');
      await expectWorkbookLink(page);
      expect(await messageBrightness(page)).toBeGreaterThan(128);
      // The pane's scripts are never fetched where they cannot run.
      expect(paneRequests).toEqual([]);
      expect(errors).toEqual([]);
      copyFileSync(
        join(SCREENSHOT_DIR, 'pane-unsupported-ie11-light-320.png'),
        join(ROOT, 'docs', 'images', 'pane-unsupported.png'),
      );
    } finally {
      await context.close();
    }
  });

  it('names the old Edge, in Office’s dark theme', async () => {
    const { page, context, errors, paneRequests } = await open({
      userAgent: EDGE_HTML,
      office: { ready: true, background: '#262626' },
    });
    try {
      await page.locator(`${MESSAGE}.pane-problem-dark`).waitFor();
      const { text } = await readMessage(page, 'pane-unsupported-edgehtml-dark-320');
      expect(text).toContain('opens add-ins in the old version of Microsoft Edge (EdgeHTML)');
      expect(await messageBrightness(page)).toBeLessThan(128);
      expect(paneRequests).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('says the same where the engine lacks what the bundle needs, whatever its user agent', async () => {
    const { page, context, errors, paneRequests } = await open({ before: 'delete Promise.any;' });
    try {
      const { title, text } = await readMessage(page);
      expect(title).toBe('This version of Excel cannot run the pane');
      expect(text).toContain('opens add-ins in an older web browser');
      expect(paneRequests).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('where the pane fails to start', () => {
  it("says so when the pane's script cannot be parsed (a SyntaxError)", async () => {
    const { page, context, errors } = await open({
      paneScript: { status: 200, body: 'class Pane { static { start(); } ' },
      width: 450,
    });
    try {
      const { title, text } = await readMessage(page, 'pane-unsupported-syntax-450');
      expect(title).toBe('The pane could not start');
      expect(text).toContain('Part of the pane did not load, or this copy of Excel could not read it.');
      expect(text).toMatch(/Details for IT: script \(.*SyntaxError.* in taskpane\.[0-9a-f]+\.js\)/);
      await expectWorkbookLink(page);
      // The only error is the one this test caused (Chromium reports it as "Unexpected end of input").
      expect(errors.filter((e) => !/SyntaxError|Unexpected end of input/.test(e))).toEqual([]);
      expect(errors.length).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });

  it("says so when the pane's script does not load", async () => {
    const { page, context, errors } = await open({ paneScript: { status: 404, body: 'Not found' } });
    try {
      const { title, text } = await readMessage(page);
      expect(title).toBe('The pane could not start');
      expect(text).toMatch(/Details for IT: script \(taskpane\.[0-9a-f]+\.js did not load\)/);
      // The only errors are about the file this test took away.
      expect(errors.filter((e) => !/404|\/taskpane\.[0-9a-f]+\.js$/.test(e))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('says so in a few words when the message itself cannot load either', async () => {
    const { page, context, errors } = await open({
      missing: /\/(taskpane|bootstrapMessage)\.[0-9a-f]+\.js$/,
    });
    try {
      const message = page.locator(MESSAGE);
      await message.waitFor();
      await expect(message.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
        'The pane could not start',
      );
      await expect(message.textContent()).resolves.toContain('open this workbook in Excel on the web');
      expect(await seriousFindings(page)).toEqual([]);
      expect(errors.filter((e) => !/404|\/(taskpane|bootstrapMessage)\.[0-9a-f]+\.js$/.test(e))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('says so when Office.js does not load', async () => {
    const { page, context, errors, paneRequests } = await open({ office: 'missing' });
    try {
      const { title, text } = await readMessage(page, 'pane-unsupported-office-320');
      expect(title).toBe('The pane could not start');
      expect(text).toContain('It could not load Office.js from Microsoft');
      expect(paneRequests).toEqual([]);
      expect(errors.filter((e) => !e.includes(OFFICE_JS) && !/Failed to load resource/.test(e))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('says so when Office never says it is ready, after the time allowed', async () => {
    const { page, context, errors } = await open({
      office: { ready: false, background: '#ffffff' },
      before: 'window.paneBootstrapTimeoutMs = 2000;',
    });
    try {
      const { title, text } = await readMessage(page, 'pane-unsupported-timeout-320');
      expect(title).toBe('The pane is taking too long to start');
      expect(text).toContain('Excel did not say it was ready within 2 seconds.');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('where the pane runs', () => {
  it('shows the pane in WebView2 and no message, even after the time allowed', async () => {
    const { page, context, errors, paneRequests } = await open({
      userAgent: WEBVIEW2,
      before: 'window.paneBootstrapTimeoutMs = 1500;',
    });
    try {
      await page.getByRole('heading', { name: 'Equality Self-Assessment' }).waitFor();
      expect(paneRequests).toHaveLength(2);
      // Past the time allowed: the pane told the bootstrap it rendered, so no message came.
      await page.waitForTimeout(2500);
      await expect(page.locator(MESSAGE).count()).resolves.toBe(0);
      await expect(page.locator('#root').isVisible()).resolves.toBe(true);
      expect(errors.filter((e) => !/Excel is stubbed/.test(e))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
