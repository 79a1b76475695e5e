/** jest globalSetup: the run's folder for shared builds (each project with it calls this; one folder). */
import { existsSync } from 'node:fs';
import { newRunFolder, RUN_FOLDER_VARIABLE } from './buildRun';

export default function globalSetup(): void {
  const existing = process.env[RUN_FOLDER_VARIABLE];
  if (!existing || !existsSync(existing)) newRunFolder();
}
