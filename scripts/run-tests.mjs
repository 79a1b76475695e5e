/**
 * `npm test`: every gate in one command, for people and CI alike.
 *
 *   1. Chromium for the browser tests (installed with apt when running as root on Debian)
 *   2. typecheck  (tsc --noEmit)
 *   3. lint       (eslint + prettier --check)
 *   4. jest, all projects (unit, taskpane, browser), results written to test-results/jest.json
 *
 * Every gate runs even if an earlier one failed, so one run shows everything. The LAST line is
 * always exactly "N passed, N failed": CI reads it. The counts are jest's tests; a failed
 * typecheck, lint or Chromium check, and a test file that could not run, each count as one
 * failure so that the line can never look green when a gate is red.
 *
 * Extra arguments go to jest: `npm test -- test/manifest`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = join(ROOT, 'test-results', 'jest.json');
const CHROMIUM = '/usr/bin/chromium';
const bin = (pkg, file) => join(ROOT, 'node_modules', pkg, file);

function say(text) {
  process.stdout.write(`${text}\n`);
}

function run(label, command, args) {
  say(`\n=== ${label}`);
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.error) say(`${label}: could not start ${command}: ${result.error.message}`);
  return result.status === 0;
}

/** Makes sure Debian's Chromium is there; returns a problem to report, or undefined. */
function ensureChromium() {
  if (existsSync(CHROMIUM)) return undefined;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync('/etc/debian_version')) {
    say(`${CHROMIUM} is missing: installing Debian's chromium package for the browser tests.`);
    const ok =
      run('apt-get update', 'apt-get', ['update']) &&
      run('apt-get install chromium', 'apt-get', ['install', '-y', '--no-install-recommends', 'chromium']);
    if (ok && existsSync(CHROMIUM)) return undefined;
    return `Installing chromium with apt-get failed, so the browser tests cannot run (${CHROMIUM} is missing).`;
  }
  return (
    `The browser tests need Chromium at ${CHROMIUM}, which is missing. Install it, e.g. on Debian/Ubuntu: ` +
    'sudo apt-get install -y --no-install-recommends chromium'
  );
}

/** Tests passed and failed, from jest's --json output; a suite that did not run counts as one failure. */
function jestCounts() {
  if (!existsSync(RESULTS))
    return { passed: 0, failed: 1, note: 'jest wrote no results (it did not start or crashed)' };
  const results = JSON.parse(readFileSync(RESULTS, 'utf8'));
  const brokenSuites = results.testResults.filter(
    (suite) => suite.status === 'failed' && suite.assertionResults.every((t) => t.status !== 'failed'),
  ).length;
  return {
    passed: results.numPassedTests,
    failed: results.numFailedTests + brokenSuites,
    note: brokenSuites > 0 ? `${brokenSuites} test file(s) failed to run` : undefined,
  };
}

/** Gates that failed outside jest's own test counts; each counts as one failure. */
const gates = [];
const chromiumProblem = ensureChromium();
if (chromiumProblem) gates.push(chromiumProblem);

if (!run('typecheck', process.execPath, [bin('typescript', 'bin/tsc'), '--noEmit', '-p', '.'])) {
  gates.push('typecheck failed');
}
const eslintOk = run('lint: eslint', process.execPath, [bin('eslint', 'bin/eslint.js'), '.']);
const prettierOk = run('lint: prettier', process.execPath, [
  bin('prettier', 'bin/prettier.cjs'),
  '--check',
  '.',
]);
if (!eslintOk || !prettierOk) gates.push('lint failed (eslint or prettier --check)');

mkdirSync(dirname(RESULTS), { recursive: true });
rmSync(RESULTS, { force: true });
const jestArgs = [bin('jest', 'bin/jest.js'), '--json', `--outputFile=${RESULTS}`, ...process.argv.slice(2)];
const jestOk = run('jest', process.execPath, jestArgs);
const counts = jestCounts();
if (!jestOk && counts.failed === 0)
  gates.push('jest exited with an error although no test failed (see above)');

say('');
for (const gate of gates) say(`FAILED: ${gate}`);
if (counts.note) say(`FAILED: ${counts.note}`);
else if (counts.failed > 0) say(`FAILED: ${counts.failed} test(s) in jest`);
const failed = counts.failed + gates.length;
say(`${counts.passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
