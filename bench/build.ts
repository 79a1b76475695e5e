/**
 * Production builds for the benchmark, each into its own temporary folder: the add-in
 * (webpack.config.js), the floor pane (bench/webpack.floor.config.js: the same settings, a
 * hello-world entry), and a readable copy of the add-in for the profiler (no minifier, modules
 * named; see bench/trace.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');

export interface Built {
  readonly folder: string;
  remove(): void;
}

export type BuildKind = 'add-in' | 'floor' | 'add-in, readable';

const ARGS: Readonly<Record<BuildKind, readonly string[]>> = {
  'add-in': [],
  floor: ['--config', join(ROOT, 'bench', 'webpack.floor.config.js')],
  'add-in, readable': ['--no-optimization-minimize', '--optimization-module-ids', 'named'],
};

export function productionBuild(kind: BuildKind): Built {
  const folder = mkdtempSync(join(tmpdir(), 'bench-build-'));
  const cli = join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
  const build = spawnSync(
    process.execPath,
    [cli, '--mode', 'production', '--output-path', folder, ...ARGS[kind]],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ADDIN_PUBLIC_URL: 'https://example.test/addin/' } },
  );
  if (build.status !== 0) {
    rmSync(folder, { recursive: true, force: true });
    throw new Error(`the production build (${kind}) failed:\n${build.stdout}\n${build.stderr}`);
  }
  return { folder, remove: () => rmSync(folder, { recursive: true, force: true }) };
}
