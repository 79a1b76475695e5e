/**
 * What the browser tests share: building the preview bundle and launching Debian's Chromium
 * through playwright-core (Playwright's own browser download does not work on this machine).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const ROOT = join(__dirname, '..', '..');
export const PREVIEW_DIR = join(ROOT, 'dist-preview');
export const SCREENSHOT_DIR = join(ROOT, 'test-results', 'screenshots');
export const CHROMIUM = '/usr/bin/chromium';
/** The fonts the tests lay the pane out with: fonts.conf says why. */
export const FONTCONFIG = join(__dirname, 'fonts.conf');
export const LIBERATION_SANS = '/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf';

export class HarnessError extends Error {
  override readonly name = 'HarnessError';
}

/** Builds dist-preview/ from the current sources, so the tests never look at a stale bundle. */
export function buildPreview(): void {
  const webpackCli = join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
  const result = spawnSync(process.execPath, [webpackCli, '--config', 'webpack.preview.config.js'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new HarnessError(
      `Building the preview bundle (webpack.preview.config.js) failed with exit code ${String(result.status)}:\n` +
        `${result.stdout}\n${result.stderr}`,
    );
  }
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new HarnessError(
      `The browser tests need Chromium at ${CHROMIUM}. Install it with: ` +
        'apt-get install -y --no-install-recommends chromium',
    );
  }
  if (!existsSync(LIBERATION_SANS)) {
    throw new HarnessError(
      `The browser tests lay the pane out with Liberation Sans (${FONTCONFIG} says why), and ${LIBERATION_SANS} ` +
        'is missing. Install it with: apt-get install -y --no-install-recommends fonts-liberation2',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    env: { ...process.env, FONTCONFIG_FILE: FONTCONFIG },
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
