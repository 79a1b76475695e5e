/**
 * Runs bench/combineBrowser/entry.ts in headless Chromium (Debian's, as the browser tests do):
 * built with webpack from the same loaders as the pane (Babel to the pane's browser list), loaded
 * into a blank page, and given the 200 copies' bytes. Figures: reading and folding time, and the
 * heap in use as the copies are read (Chromium's precise memory info, sampled after each file).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import webpack from 'webpack';
import type { CopyFile } from '../src/taskpane/combine/combineModule';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ROOT, transpiledRules, resolve } = require('../scripts/build/webpackParts.cjs') as {
  ROOT: string;
  transpiledRules: webpack.RuleSetRule[];
  resolve: webpack.ResolveOptions;
};

export interface BrowserCombineFigures {
  readonly readAndFoldMs: number;
  readonly peakHeapMegabytes: number;
  readonly copiesRead: number;
  readonly changing: number;
}

async function build(folder: string): Promise<string> {
  const compiler = webpack({
    mode: 'production',
    context: ROOT,
    target: 'browserslist',
    entry: { combine: './bench/combineBrowser/entry.ts' },
    output: { path: folder, filename: '[name].js' },
    resolve,
    module: { rules: transpiledRules },
    performance: { hints: false },
  });
  await new Promise<void>((done, fail) =>
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error) fail(error);
      else if (stats?.hasErrors()) fail(new Error(stats.toString('errors-only')));
      else done();
    }),
  );
  return join(folder, 'combine.js');
}

export async function measureCombineInBrowser(files: readonly CopyFile[]): Promise<BrowserCombineFigures> {
  const folder = mkdtempSync(join(tmpdir(), 'combine-bench-'));
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--enable-precise-memory-info', '--js-flags=--expose-gc'],
  });
  try {
    const script = await build(folder);
    const page = await browser.newPage();
    await page.goto('about:blank');
    await page.addScriptTag({ path: script });
    const payload = files.map((f) => ({ name: f.name, base64: Buffer.from(f.bytes).toString('base64') }));
    return await page.evaluate(
      (given) =>
        (window as unknown as { combineBench: (f: typeof given) => BrowserCombineFigures }).combineBench(
          given,
        ),
      payload,
    );
  } finally {
    await browser.close();
    rmSync(folder, { recursive: true, force: true });
  }
}
