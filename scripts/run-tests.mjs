/**
 * `npm test`: every gate in one command, for people and CI alike.
 *
 *   1. Chromium for the browser tests; LibreOffice, poppler-utils and the Carlito font for the .xlsx checks
 *      (installed with apt when running as root on Debian)
 *   2. typecheck  (tsc --noEmit)
 *   3. lint       (eslint + prettier --check)
 *   4. jest, all projects (unit, taskpane, engine, views, browser) in two workers, results written to
 *      test-results/jest.json
 *
 * Every gate runs even if an earlier one failed, so one run shows everything. The LAST line is
 * always exactly "N passed, N failed": CI reads it. The counts are jest's tests; a failed
 * typecheck, lint or missing program, and a test file that could not run, each count as one
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
const SOFFICE = '/usr/bin/soffice';
const PDFTOPPM = '/usr/bin/pdftoppm';
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

/** Programs the tests need, and the Debian package that brings each. */
const DEBIAN_NEEDS = [
  { path: CHROMIUM, pkg: 'chromium', purpose: 'the browser tests' },
  {
    path: SOFFICE,
    pkg: 'libreoffice-calc-nogui',
    purpose: 'the .xlsx checks in LibreOffice (test/libreoffice)',
  },
  { path: PDFTOPPM, pkg: 'poppler-utils', purpose: 'rendering the .xlsx file to PNG (test/libreoffice)' },
  {
    path: '/usr/lib/libreoffice/program/libswlo.so',
    pkg: 'libreoffice-writer-nogui',
    purpose: 'opening the board paper (.docx) in LibreOffice Writer (test/libreoffice/boardPaper.test.ts)',
  },
  {
    // Metric-compatible with Calibri (Excel's font), so LibreOffice lays pages out as Excel does.
    path: '/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf',
    pkg: 'fonts-crosextra-carlito',
    purpose: 'printing the board summary on one page in LibreOffice (test/libreoffice)',
  },
  {
    // The browser tests' sans-serif (test/browser/fonts.conf), near Segoe UI's widths.
    path: '/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf',
    pkg: 'fonts-liberation2',
    purpose: 'laying the pane out alike on every machine in the browser tests (test/browser/fonts.conf)',
  },
];

/**
 * Makes sure the programs the tests need are there, installing the missing Debian packages when
 * running as root on Debian; returns one problem per program still missing.
 */
function ensureDebianPackages() {
  let missing = DEBIAN_NEEDS.filter((need) => !existsSync(need.path));
  if (missing.length === 0) return [];
  const packages = missing.map((need) => need.pkg);
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync('/etc/debian_version')) {
    for (const need of missing)
      say(`${need.path} is missing: installing Debian's ${need.pkg} package for ${need.purpose}.`);
    const ok =
      run('apt-get update', 'apt-get', ['update']) &&
      run(`apt-get install ${packages.join(' ')}`, 'apt-get', [
        'install',
        '-y',
        '--no-install-recommends',
        ...packages,
      ]);
    missing = DEBIAN_NEEDS.filter((need) => !existsSync(need.path));
    if (missing.length === 0) return [];
    return missing.map(
      (need) =>
        `Installing ${need.pkg} with apt-get ${ok ? 'did not provide' : 'failed, so there is no'} ${need.path}; ${need.purpose} cannot run.`,
    );
  }
  return missing.map(
    (need) =>
      `${need.path} is missing (needed for ${need.purpose}). Install it, e.g. on Debian/Ubuntu: ` +
      `sudo apt-get install -y --no-install-recommends ${need.pkg}`,
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

/**
 * Tests over a minute, named with whether their file says why (a comment containing "Slow:"). A
 * report, not a gate: a timing depends on the machine, and speed targets live in the benchmark.
 */
function slowTests(limitMs = 60_000) {
  if (!existsSync(RESULTS)) return [];
  const results = JSON.parse(readFileSync(RESULTS, 'utf8'));
  return results.testResults.flatMap((suite) => {
    const file = suite.name.startsWith(ROOT) ? suite.name.slice(ROOT.length + 1) : suite.name;
    const says = existsSync(suite.name) && /\bSlow:/.test(readFileSync(suite.name, 'utf8'));
    return suite.assertionResults
      .filter((t) => (t.duration ?? 0) > limitMs)
      .map(
        (t) =>
          `${Math.round(t.duration / 1000)} s  ${file}: ${t.title}${says ? '' : '  (no "Slow:" reason in the file)'}`,
      );
  });
}

/** Gates that failed outside jest's own test counts; each counts as one failure. */
const gates = [];
gates.push(...ensureDebianPackages());

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
/**
 * Two workers, where jest's default on two cores is one: most suites keep one core busy in the
 * worker (HyperFormula, jsdom), so a second worker uses the other core. Measured on this two-core
 * machine with other jobs running: checkView + regenerate 148-169 s with one worker, 109-136 s
 * with two. Suites that start Chromium or LibreOffice gain little when the machine is busy. The
 * caller's own --maxWorkers, -w, --runInBand or -i wins.
 */
const callerArgs = process.argv.slice(2);
const callerSetsWorkers = callerArgs.some((arg) => /^(--maxWorkers|-w|--runInBand|-i)\b/.test(arg));
const workers = callerSetsWorkers ? [] : ['--maxWorkers=2'];
const jestArgs = [bin('jest', 'bin/jest.js'), '--json', `--outputFile=${RESULTS}`, ...workers, ...callerArgs];
const jestOk = run('jest', process.execPath, jestArgs);
const counts = jestCounts();
if (!jestOk && counts.failed === 0)
  gates.push('jest exited with an error although no test failed (see above)');

const slow = slowTests();
if (slow.length > 0) {
  say('\nTests over a minute on this machine:');
  for (const line of slow) say(`  ${line}`);
}

say('');
for (const gate of gates) say(`FAILED: ${gate}`);
if (counts.note) say(`FAILED: ${counts.note}`);
else if (counts.failed > 0) say(`FAILED: ${counts.failed} test(s) in jest`);
const failed = counts.failed + gates.length;
say(`${counts.passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
