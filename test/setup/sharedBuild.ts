/**
 * The production build the test files share within one jest run. Four files (test/build,
 * test/security/bundle, test/browser/frame and unsupported) each need the same production build
 * with the same public URL, and only read it; one webpack build costs 40 s or more on a two-core
 * machine, so the first file to ask builds it and the others, in any worker, wait for it.
 *
 * The build lives in a folder made for this run by jest's globalSetup (test/setup/buildRun.ts) and
 * removed by its globalTeardown, so a run never sees a bundle from an earlier run or older sources.
 * Test files must not write into it.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newRunFolder, RUN_FOLDER_VARIABLE } from './buildRun';
import { webpackBuild } from '../security/productionBuild';

/** The public URL the shared build's manifest points at (a placeholder host, never contacted). */
export const SHARED_PUBLIC_URL = 'https://example.test/addin/';

/** Long enough for a cold production build on a busy two-core machine. */
const WAIT_LIMIT_MS = 15 * 60_000;
const POLL_MS = 500;
/** The timeout to give the beforeAll that calls sharedProductionBuild: past the wait limit. */
export const WAIT_FOR_BUILD_MS = WAIT_LIMIT_MS + 60_000;

export interface SharedBuild {
  /** The folder webpack wrote (read only). */
  readonly out: string;
  /** webpack's --json stats for the build. */
  readonly statsFile: string;
}

function runFolder(): string {
  const existing = process.env[RUN_FOLDER_VARIABLE];
  if (existing && existsSync(existing)) return existing;
  // Outside the jest config's globalSetup (e.g. another config): a folder for this process alone.
  const folder = newRunFolder();
  process.on('exit', () => rmSync(folder, { recursive: true, force: true }));
  return folder;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The shared production build, building it if no file has yet. Call it in a beforeAll with the
 * timeout WAIT_FOR_BUILD_MS. Throws the builder's error if the build failed.
 */
export async function sharedProductionBuild(): Promise<SharedBuild> {
  const folder = runFolder();
  const result: SharedBuild = {
    out: join(folder, 'production'),
    statsFile: join(folder, 'production-stats.json'),
  };
  const failed = join(folder, 'production.failed');
  const lock = join(folder, 'production.lock');
  let builder = false;
  try {
    mkdirSync(lock); // atomic: exactly one caller gets to build
    builder = true;
  } catch {
    // Another file (in this worker or another) is building or has built it.
  }
  if (builder) build(result, failed);
  const deadline = Date.now() + WAIT_LIMIT_MS;
  while (!existsSync(result.out)) {
    if (existsSync(failed)) throw new Error(readFileSync(failed, 'utf8'));
    if (Date.now() > deadline) {
      throw new Error(`The shared production build (${result.out}) was not ready after ${WAIT_LIMIT_MS} ms`);
    }
    await sleep(POLL_MS);
  }
  return result;
}

function build(result: SharedBuild, failed: string): void {
  try {
    const made = webpackBuild('production', { ADDIN_PUBLIC_URL: SHARED_PUBLIC_URL }, result.statsFile);
    // Renamed into place only when complete: waiters see the whole build or none.
    renameSync(made.out, result.out);
  } catch (error) {
    writeFileSync(failed, error instanceof Error ? error.message : String(error));
    throw error;
  }
}
