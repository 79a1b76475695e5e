/**
 * The folder one jest run keeps its shared builds in (test/setup/sharedBuild.ts). jest's
 * globalSetup makes it and puts its path in the environment, which the workers jest starts
 * afterwards inherit; globalTeardown removes it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const RUN_FOLDER_VARIABLE = 'ADDIN_TEST_RUN_FOLDER';

export function newRunFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'addin-test-run-'));
  process.env[RUN_FOLDER_VARIABLE] = folder;
  return folder;
}
