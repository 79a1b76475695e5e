/**
 * `npm run stop`: ends what `npm start` started. On Windows and macOS that is
 * office-addin-debugging's session; otherwise the development server whose process id
 * `npm start` recorded (only that process, never by name).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PID_FILE } from './devServerPidFile.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

function say(text) {
  process.stdout.write(`${text}\n`);
}

if (existsSync(PID_FILE)) {
  const pid = Number(readFileSync(PID_FILE, 'utf8').trim());
  rmSync(PID_FILE, { force: true });
  try {
    process.kill(pid, 'SIGTERM');
    say(`Stopped the development server (process ${pid}).`);
  } catch (error) {
    if (error.code !== 'ESRCH') throw error;
    say(`The development server (process ${pid}) had already stopped.`);
  }
} else if (['win32', 'darwin'].includes(process.platform)) {
  const cli = join(ROOT, 'node_modules', 'office-addin-debugging', 'cli.js');
  const result = spawnSync(process.execPath, [cli, 'stop', 'manifest.xml'], { cwd: ROOT, stdio: 'inherit' });
  process.exitCode = result.status ?? 1;
} else {
  say('No development server started by npm start is running.');
}
