/** jest globalTeardown: removes the run's folder of shared builds, once all tests have finished. */
import { rmSync } from 'node:fs';
import { RUN_FOLDER_VARIABLE } from './buildRun';

export default function globalTeardown(): void {
  const folder = process.env[RUN_FOLDER_VARIABLE];
  if (folder) rmSync(folder, { recursive: true, force: true });
  delete process.env[RUN_FOLDER_VARIABLE];
}
