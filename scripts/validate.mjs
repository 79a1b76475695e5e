/**
 * `npm run validate`: checks manifest.xml.
 *
 * 1. Offline (decides the result): test/manifest/manifest.test.ts — ids, version, host,
 *    requirement set, HTTPS URLs, resource ids, icon files and sizes.
 * 2. Online (advisory when unreachable): `office-addin-manifest validate` posts the manifest to
 *    Microsoft's validation service. Offline it fails with exit code 1, so its verdict counts only
 *    when the service answered; otherwise we say plainly that it could not be reached.
 */
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const ONLINE_TIMEOUT_MS = 30_000;
const UNREACHABLE =
  /Unable to contact|ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|fetch failed|network|socket hang up/i;

function say(text) {
  process.stdout.write(`${text}\n`);
}

say('=== Offline manifest checks (test/manifest)');
const offline = spawnSync(
  process.execPath,
  [join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'), 'test/manifest', '--selectProjects', 'unit'],
  { cwd: ROOT, stdio: 'inherit' },
);
if (offline.status !== 0) {
  say('The offline manifest checks failed: see above.');
  process.exit(1);
}

say('\n=== Online validation (office-addin-manifest validate)');
const cli = join(ROOT, 'node_modules', 'office-addin-manifest', 'cli.js');
const child = spawn(process.execPath, [cli, 'validate', 'manifest.xml'], { cwd: ROOT });
let output = '';
child.stdout.on('data', (chunk) => (output += chunk));
child.stderr.on('data', (chunk) => (output += chunk));
let timedOut = false;
const timer = setTimeout(() => {
  timedOut = true;
  child.kill();
}, ONLINE_TIMEOUT_MS);

child.on('close', (code) => {
  clearTimeout(timer);
  if (timedOut) {
    say(
      `The online validator did not answer within ${ONLINE_TIMEOUT_MS / 1000} s; only the offline checks ran.`,
    );
    return;
  }
  if (code !== 0 && UNREACHABLE.test(output)) {
    say('The online validator could not be reached (no internet access?); only the offline checks ran.');
    return;
  }
  say(output.trim());
  if (code === 0) {
    say('The online validator accepted the manifest.');
  } else {
    say(`The online validator rejected the manifest (exit code ${code}): see its messages above.`);
    process.exitCode = 1;
  }
});
