/**
 * `npm start`: runs the add-in.
 *
 * Windows and macOS: the development CA is installed as trusted (office-addin-dev-certs asks the
 * user to confirm), then office-addin-debugging starts the dev server and sideloads manifest.xml
 * into desktop Excel. It exits 0 even when it fails, so its output is checked for failure.
 *
 * Linux (or `npm start -- --web` anywhere): desktop Excel is not available, so this starts the
 * HTTPS dev server, waits until https://localhost:3000/taskpane.html really answers, and prints
 * how to load the add-in into Excel on the web. The server runs until Ctrl+C or `npm run stop`.
 */
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { get } from 'node:https';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PID_FILE } from './devServerPidFile.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const TASKPANE_URL = 'https://localhost:3000/taskpane.html';
const READY_TIMEOUT_MS = 180_000;
const POLL_INTERVAL_MS = 500;
const require = createRequire(import.meta.url);
const { CERTIFICATE_FILES, trustInstructions } = require('./build/devCerts.cjs');
const devCerts = require('office-addin-dev-certs');

function say(text) {
  process.stdout.write(`${text}\n`);
}

function fail(message) {
  process.stderr.write(`\nnpm start failed: ${message}\n`);
  process.exit(1);
}

const web = process.argv.includes('--web') || !['win32', 'darwin'].includes(process.platform);
if (web) startForWeb();
else await startDesktop();

async function startDesktop() {
  // Desktop Excel checks the certificate against the system's trusted roots, so here (unlike for
  // the web) the development CA must be installed; this asks the user to confirm the first time.
  try {
    await devCerts.ensureCertificatesAreInstalled();
  } catch (error) {
    fail(
      `the development certificate could not be installed as trusted (${error.message}).\n` +
        'Desktop Excel will not load the add-in without it. To use Excel on the web instead, run: npm start -- --web',
    );
  }
  const cli = join(ROOT, 'node_modules', 'office-addin-debugging', 'cli.js');
  const child = spawn(process.execPath, [cli, 'start', 'manifest.xml', 'desktop'], { cwd: ROOT });
  let output = '';
  const echo = (chunk) => {
    output += chunk;
    process.stdout.write(chunk);
  };
  child.stdout.on('data', echo);
  child.stderr.on('data', echo);
  child.on('close', (code) => {
    const failed = /Unable to (start|sideload)|Platform not supported|Error:|failed/i.test(output);
    if (code !== 0 || failed) {
      fail(
        'office-addin-debugging could not sideload the add-in into desktop Excel (see its output above).\n' +
          'To use Excel on the web instead, run: npm start -- --web',
      );
    }
    say('\nExcel should now be open with the add-in: select Self-Assessment on the Home tab.');
    say('Stop the development server with: npm run stop');
  });
}

function startForWeb() {
  say('Starting the HTTPS development server on port 3000 ...');
  const cli = join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
  const server = spawn(process.execPath, [cli, 'serve', '--mode', 'development'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  writeFileSync(PID_FILE, String(server.pid));
  let recent = '';
  const keep = (chunk) => {
    recent = (recent + chunk).slice(-4000);
    process.stdout.write(chunk);
  };
  server.stdout.on('data', keep);
  server.stderr.on('data', keep);

  let ready = false;
  server.on('exit', (code, signal) => {
    rmSync(PID_FILE, { force: true });
    if (!ready) {
      fail(
        `the development server stopped (${signal ?? `exit code ${code}`}) before ${TASKPANE_URL} answered.` +
          (/EADDRINUSE/.test(recent)
            ? ' Port 3000 is already in use: stop whatever uses it (npm run stop).'
            : ''),
      );
    }
    say(`The development server stopped (${signal ?? `exit code ${code}`}).`);
    process.exit(code ?? 0);
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill('SIGTERM'));

  const deadline = Date.now() + READY_TIMEOUT_MS;
  const poll = () => {
    answers(TASKPANE_URL).then((ok) => {
      if (ok) {
        ready = true;
        printWebInstructions();
      } else if (Date.now() > deadline) {
        server.kill('SIGTERM');
        fail(`${TASKPANE_URL} did not answer within ${READY_TIMEOUT_MS / 1000} s.`);
      } else if (server.exitCode === null) {
        setTimeout(poll, POLL_INTERVAL_MS);
      }
    });
  };
  poll();
}

/** True when the URL returns 200 over HTTPS, checked against our development CA. */
function answers(url) {
  return new Promise((resolve) => {
    if (!existsSync(CERTIFICATE_FILES.ca)) {
      resolve(false);
      return;
    }
    const request = get(url, { ca: readFileSync(CERTIFICATE_FILES.ca), timeout: 5000 }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(false));
  });
}

function printWebInstructions() {
  say(`
The add-in is being served at ${TASKPANE_URL}

To load it into Excel on the web:
  1. Trust the development certificate in the browser you use for Excel (once; see below).
  2. Open a workbook in Excel on the web (https://www.office.com > Excel).
  3. Select Insert > Add-ins > Upload My Add-in (in newer versions: Home > Add-ins >
     More Add-ins > My Add-ins > Upload My Add-in) and choose this file:
       ${join(ROOT, 'manifest.xml')}
  4. Select Self-Assessment on the Home tab to open the task pane.

${trustInstructions()}

Press Ctrl+C here, or run "npm run stop", to stop the server.`);
}
