/**
 * Runs a real webpack build into a temporary folder. The production build the tests read is
 * shared within a run (test/setup/sharedBuild.ts); this is also for the development build.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

export interface Build {
  readonly out: string;
  remove(): void;
}

/** `statsFile`: where to write webpack's --json stats (outside the output folder). */
export function webpackBuild(
  mode: 'production' | 'development',
  env: NodeJS.ProcessEnv = {},
  statsFile?: string,
): Build {
  const out = mkdtempSync(join(tmpdir(), `addin-security-${mode}-`));
  const cli = join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
  const stats = statsFile ? ['--json', statsFile] : [];
  const result = spawnSync(process.execPath, [cli, '--mode', mode, '--output-path', out, ...stats], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) {
    rmSync(out, { recursive: true, force: true });
    throw new Error(
      `webpack --mode ${mode} failed (exit ${String(result.status)}):\n${result.stdout}\n${result.stderr}`,
    );
  }
  return { out, remove: () => rmSync(out, { recursive: true, force: true }) };
}

/** Paths of all files under `folder`, relative to it, with forward slashes. */
export function allFiles(folder: string, prefix = ''): string[] {
  return readdirSync(join(folder, prefix), { withFileTypes: true }).flatMap((entry) => {
    const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    return entry.isDirectory() ? allFiles(folder, path) : [path];
  });
}
