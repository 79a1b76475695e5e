/**
 * The task pane as a browser gets it: a production build measured for the JavaScript
 * taskpane.html loads before the first view (raw and gzipped), and the time from navigation to
 * the first view in headless Chromium, with Office.js replaced by a local stand-in that is ready
 * at once and whose Excel calls never answer (no Excel here), so the figure is the pane's own.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { serveFolder } from '../test/browser/staticServer';

const ROOT = join(__dirname, '..');
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

const OFFICE_STAND_IN = `
window.Office = {
  HostType: { Excel: 'Excel' },
  onReady: function (cb) { var info = { host: 'Excel', platform: 'OfficeOnline' }; if (cb) cb(info); return Promise.resolve(info); },
  context: { requirements: { isSetSupported: function () { return true; } }, officeTheme: undefined },
};
window.Excel = { run: function () { return new Promise(function () {}); } };
`;

export interface BundleFigures {
  readonly initialJsBytes: number;
  readonly initialJsGzipBytes: number;
  readonly allJsBytes: number;
  readonly firstViewMs: number;
}

export async function measureBundle(): Promise<BundleFigures> {
  const out = mkdtempSync(join(tmpdir(), 'bench-build-'));
  try {
    const cli = join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
    const build = spawnSync(process.execPath, [cli, '--mode', 'production', '--output-path', out], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, ADDIN_PUBLIC_URL: 'https://example.test/addin/' },
    });
    if (build.status !== 0) throw new Error(`the production build failed:\n${build.stdout}\n${build.stderr}`);
    const html = readFileSync(join(out, 'taskpane.html'), 'utf8');
    const scripts = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)"?/g)]
      .map((m) => m[1] ?? '')
      .filter((src) => src !== OFFICE_JS);
    const initial = scripts.map((src) => readFileSync(join(out, src)));
    const all = spawnSync('find', [out, '-name', '*.js', '-type', 'f'], { encoding: 'utf8' })
      .stdout.split('\n')
      .filter(Boolean)
      .map((f) => readFileSync(f).length);

    const server = await serveFolder(out);
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--headless'],
    });
    try {
      const times: number[] = [];
      for (let run = 0; run < 5; run++) {
        const page = await browser.newPage({ viewport: { width: 450, height: 700 } });
        await page.route(OFFICE_JS, (route) =>
          route.fulfill({ contentType: 'text/javascript', body: OFFICE_STAND_IN }),
        );
        const start = performance.now();
        await page.goto(`${server.url}taskpane.html`);
        await page.getByRole('heading').first().waitFor();
        times.push(performance.now() - start);
        await page.close();
      }
      times.sort((a, b) => a - b);
      return {
        initialJsBytes: initial.reduce((s, b) => s + b.length, 0),
        initialJsGzipBytes: initial.reduce((s, b) => s + gzipSync(b, { level: 9 }).length, 0),
        allJsBytes: all.reduce((s, n) => s + n, 0),
        firstViewMs: times[Math.floor(times.length / 2)] ?? Number.NaN,
      };
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
