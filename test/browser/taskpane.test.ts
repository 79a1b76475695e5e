/**
 * The task pane in a real browser: the preview bundle (task pane + Excel fake) served locally and
 * opened in headless Chromium at the widths Office gives a task pane, in both themes. Each page
 * must render its header and status line, pass an axe scan without serious or critical findings,
 * and raise no errors. Screenshots go to test-results/screenshots/ for people to look at.
 */
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildPreview, launchChromium, PREVIEW_DIR, SCREENSHOT_DIR } from './harness';
import { serveFolder, type StaticServer } from './staticServer';

// Building the bundle and starting Chromium take seconds, not milliseconds.
jest.setTimeout(120_000);

const PRODUCT_NAME = 'Equality Self-Assessment';
const WIDTHS = [320, 450] as const;
const THEMES = ['light', 'dark'] as const;

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  buildPreview();
  server = await serveFolder(PREVIEW_DIR);
  browser = await launchChromium();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens the pane and collects anything the page reports as an error while it runs. */
async function openPane(query: string, width: number): Promise<{ page: Page; errors: string[] }> {
  // A context of its own: axe opens a helper page in the same context to finish its scan.
  const context = await browser.newContext({ viewport: { width, height: 700 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`${response.status()} for ${response.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`${server.url}taskpane.html${query}`);
  await page.getByRole('heading', { name: PRODUCT_NAME }).waitFor();
  await page.getByRole('status').waitFor();
  return { page, errors };
}

/** Mean of the R, G and B channels of the pane's background, 0 (black) to 255 (white). */
async function backgroundBrightness(page: Page): Promise<number> {
  const colour = await page
    .locator('.fui-FluentProvider')
    .first()
    .evaluate((el) => getComputedStyle(el).backgroundColor);
  const channels = (colour.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
  expect(channels).toHaveLength(3);
  return channels.reduce((sum, c) => sum + c, 0) / 3;
}

describe.each(THEMES)('task pane, %s theme', (theme) => {
  it.each(WIDTHS)('renders, passes axe and looks right at %i px', async (width) => {
    const { page, errors } = await openPane(`?theme=${theme}`, width);
    try {
      await expect(page.getByRole('heading', { name: PRODUCT_NAME }).isVisible()).resolves.toBe(true);
      // The fake Excel supports ExcelApi 1.9 by default: every set the pane knows about.
      await expect(page.getByRole('status').textContent()).resolves.toMatch(
        /every feature of the add-in is available.*1\.9/,
      );

      const brightness = await backgroundBrightness(page);
      if (theme === 'dark') expect(brightness).toBeLessThan(128);
      else expect(brightness).toBeGreaterThan(128);

      const scan = await new AxeBuilder({ page }).analyze();
      const serious = scan.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map(
          (v) =>
            `${v.id} (${v.impact ?? 'unknown'}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
        );
      expect(serious).toEqual([]);

      // Nothing may scroll sideways in a narrow pane.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);

      await page.screenshot({ path: join(SCREENSHOT_DIR, `taskpane-${theme}-${width}.png`), fullPage: true });
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});

it('reports an older Excel through the injected gateway', async () => {
  const { page, errors } = await openPane('?api=1.7', 320);
  try {
    const status = await page.getByRole('status').textContent();
    expect(status).toContain('up to 1.7');
    expect(status).toContain('some features need a newer version of Excel');
    expect(errors).toEqual([]);
  } finally {
    await page.context().close();
  }
});
