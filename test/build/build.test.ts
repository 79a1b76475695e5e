/**
 * The production build, run for real into a temporary folder with a production URL: the
 * deployable manifest must point only at that URL, every file it names must be in the output,
 * and the bundle must hold only add-in code (no HyperFormula, nothing from test/) within the
 * size budget for what loads before the first view. Every script must parse in the browsers the
 * bundle is built for, the bootstrap in Internet Explorer 11 too, and the workbook file the
 * bootstrap's message offers must be there.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { runTemplate } from '../../scripts/template';
import { parseManifest, urlsIn } from '../manifest/manifestXml';
import { attributesOf } from '../security/bundleScan';
import { SHARED_PUBLIC_URL, sharedProductionBuild, WAIT_FOR_BUILD_MS } from '../setup/sharedBuild';
import { declaredLevel, ie11MissingApis, syntaxProblem } from './syntax';

// A full production webpack build takes several seconds.
jest.setTimeout(180_000);

const ROOT = join(__dirname, '..', '..');
const PUBLIC_URL = SHARED_PUBLIC_URL;
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const INITIAL_JS_BUDGET_GZIP = 150 * 1024;

let out: string;
let statsModules: string[];
/** The modules in each emitted script, by file name. */
let modulesByScript: Map<string, string[]>;

function webpack(args: string[], env: NodeJS.ProcessEnv) {
  const cli = join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
  return spawnSync(process.execPath, [cli, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
}

/** Every module path webpack reports, including modules concatenated into others. */
function moduleNames(stats: unknown): string[] {
  const names: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (typeof record.name === 'string' && typeof record.identifier === 'string') names.push(record.name);
      if (Array.isArray(record.modules)) visit(record.modules);
      if (Array.isArray(record.children)) visit(record.children);
    }
  };
  visit(stats);
  return names;
}

/** The module paths in each emitted script (a chunk's files), concatenated modules included. */
function chunkModules(stats: unknown): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const chunks = (stats as { chunks?: { files?: string[]; modules?: unknown[] }[] }).chunks ?? [];
  for (const chunk of chunks) {
    const names = moduleNames(chunk.modules ?? []);
    for (const file of chunk.files ?? []) out.set(file, [...(out.get(file) ?? []), ...names]);
  }
  return out;
}

/** Paths of all files under `folder`, relative to it, with forward slashes. */
function allFiles(folder: string, prefix = ''): string[] {
  return readdirSync(join(folder, prefix), { withFileTypes: true }).flatMap((entry) => {
    const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    return entry.isDirectory() ? allFiles(folder, path) : [path];
  });
}

// The production build is shared with the other files that read it (test/setup/sharedBuild.ts).
beforeAll(async () => {
  const build = await sharedProductionBuild();
  out = build.out;
  const stats: unknown = JSON.parse(readFileSync(build.statsFile, 'utf8'));
  statsModules = moduleNames(stats);
  modulesByScript = chunkModules(stats);
}, WAIT_FOR_BUILD_MS);

/**
 * The page's script elements in order, the pane's scripts the bootstrap loads (listed in its
 * data-scripts attribute) and the message it loads only when the pane cannot run (data-message).
 */
function pageScripts(): { tags: string[]; paneScripts: string[]; message: string } {
  const html = readFileSync(join(out, 'taskpane.html'), 'utf8');
  const elements = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => attributesOf(m[0]));
  const tags = elements.map((a) => a.get('src') ?? '');
  const bootstrap = elements.find((a) => a.get('id') === 'pane-bootstrap');
  const listed = bootstrap?.get('data-scripts') ?? '';
  return {
    tags,
    paneScripts: listed.split(' ').filter((src) => src !== ''),
    message: bootstrap?.get('data-message') ?? '',
  };
}

describe('production build', () => {
  it('writes a manifest that points only at the production URL', () => {
    const xml = readFileSync(join(out, 'manifest.xml'), 'utf8');
    expect(xml).not.toMatch(/localhost/i);
    const urls = urlsIn(parseManifest(xml));
    expect(urls.length).toBeGreaterThan(5);
    expect(urls.filter(({ url }) => !url.startsWith(PUBLIC_URL))).toEqual([]);
  });

  it('contains every file the manifest names', () => {
    const files = new Set(allFiles(out));
    const urls = urlsIn(parseManifest(readFileSync(join(out, 'manifest.xml'), 'utf8')));
    const missing = urls.map(({ url }) => url.slice(PUBLIC_URL.length)).filter((file) => !files.has(file));
    expect(missing).toEqual([]);
  });

  it('bundles no HyperFormula and no test code', () => {
    expect(statsModules.length).toBeGreaterThan(10);
    const offending = statsModules.filter((name) => /hyperformula|(^|[\\/])test[\\/]/i.test(name));
    expect(offending).toEqual([]);
    for (const file of allFiles(out).filter((f) => f.endsWith('.js'))) {
      const code = readFileSync(join(out, file), 'utf8');
      expect({
        file,
        hyperFormula: /hyperformula/i.test(code),
        fake: /FakeWorkbook|fake-excel/.test(code),
      }).toEqual({
        file,
        hyperFormula: false,
        fake: false,
      });
    }
  });

  // The bootstrap comes after Office.js so that it knows at once whether the pane can run and
  // starts the pane's downloads while the page's frame is painted (issue 25).
  it('runs Office.js from Microsoft, then the bootstrap; the bootstrap loads the pane from the add-in itself', () => {
    const { tags, paneScripts } = pageScripts();
    expect(tags).toEqual([OFFICE_JS, expect.stringMatching(/^bootstrap\.[0-9a-f]{8}\.js$/)]);
    expect(paneScripts.length).toBeGreaterThan(0);
    const local = [tags[1] ?? '', ...paneScripts];
    expect(local.filter((src) => /^[a-z]+:|^\/\//i.test(src) || !existsSync(join(out, src)))).toEqual([]);
    // The shared vendor file first: the bootstrap runs them in this order.
    expect(paneScripts.at(-1)).toMatch(/^taskpane\./);
  });

  // The bootstrap's message (bootstrapMessage.js) is loaded only when the pane cannot run.
  it('keeps the JavaScript loaded before the first view (bootstrap included) within 150 KB gzipped', () => {
    const { tags, paneScripts } = pageScripts();
    const local = [...tags.filter((src) => src !== OFFICE_JS), ...paneScripts];
    expect(local.length).toBeGreaterThan(2);
    const gzipped = local.reduce(
      (sum, src) => sum + gzipSync(readFileSync(join(out, src)), { level: 9 }).length,
      0,
    );
    expect(gzipped).toBeGreaterThan(0);
    expect(gzipped).toBeLessThanOrEqual(INITIAL_JS_BUDGET_GZIP);
  });

  // Reading a copy or a framework file is rare; its reader and XML parser load when first needed,
  // and so does what combines copies and compares a group (issue 23).
  it('loads the .xlsx reader, its XML parser, combining and the group comparison only when used, not before the first view', () => {
    const { paneScripts } = pageScripts();
    const reader =
      /src[\\/]xlsx[\\/](readCells|groupFile)\.ts|node_modules[\\/]htmlparser2[\\/]|src[\\/]domain[\\/]combine|src[\\/]workbook[\\/](combineWrite\.ts|group[\\/])|src[\\/]taskpane[\\/](combine|group)[\\/]/;
    // Each kind is in the build (so the pattern still names real files), none before the first view.
    for (const kind of [
      'readCells',
      'htmlparser2',
      'domain/combine',
      'combineWrite',
      'workbook/group/',
      'groupFile',
    ]) {
      expect(
        statsModules.filter((name) => reader.test(name) && name.replace(/\\/g, '/').includes(kind)),
      ).not.toEqual([]);
    }
    const firstView = paneScripts.flatMap((src) => modulesByScript.get(src) ?? []);
    expect(firstView.length).toBeGreaterThan(10);
    expect(firstView.filter((name) => reader.test(name))).toEqual([]);
  });

  // Griffel's loader (scripts/build/webpackParts.cjs) turns every makeStyles call into finished
  // classes at build time; a call it could not precompile would bring the CSS compiler back.
  it('precompiles the styles: no script carries the CSS compiler that makeStyles needs at run time', () => {
    const compiler =
      /node_modules[\\/](stylis|rtl-css-js)[\\/]|@griffel[\\/]core[\\/]src[\\/]runtime[\\/]resolveStyleRules/;
    expect(statsModules.filter((name) => compiler.test(name)).length).toBeGreaterThan(0);
    const carried = [...modulesByScript].filter(([, modules]) => modules.some((name) => compiler.test(name)));
    expect(carried.map(([script]) => script)).toEqual([]);
  });

  // The view tabs (src/taskpane/components/ViewTabs.tsx) replaced Fluent's TabList to leave tabster out.
  it('keeps Fluent’s focus library (tabster) out of the first view', () => {
    const { paneScripts } = pageScripts();
    const firstView = paneScripts.flatMap((src) => modulesByScript.get(src) ?? []);
    expect(firstView.length).toBeGreaterThan(10);
    expect(
      firstView.filter((name) => /node_modules[\\/](tabster|@fluentui[\\/]react-tabs)[\\/]/.test(name)),
    ).toEqual([]);
  });

  it('emits only JavaScript every target browser parses (the level package.json declares)', () => {
    const level = declaredLevel();
    const scripts = allFiles(out).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(3);
    const problems = scripts
      .map((file) => ({ file, problem: syntaxProblem(readFileSync(join(out, file), 'utf8'), level) }))
      .filter(({ problem }) => problem !== null);
    expect(problems).toEqual([]);
  });

  it('emits the bootstrap and its message as ES5 that uses nothing Internet Explorer 11 lacks', () => {
    const { tags, message } = pageScripts();
    const files = [tags.find((src) => src !== OFFICE_JS) ?? '', message];
    expect(files).toEqual([
      expect.stringMatching(/^bootstrap\.[0-9a-f]{8}\.js$/),
      expect.stringMatching(/^bootstrapMessage\.[0-9a-f]{8}\.js$/),
    ]);
    for (const file of files) {
      const code = readFileSync(join(out, file), 'utf8');
      expect({ file, syntax: syntaxProblem(code, 5), apis: ie11MissingApis(code) }).toEqual({
        file,
        syntax: null,
        apis: [],
      });
    }
  });

  it('serves the assessment workbook the message links to, the same file `npm run template` writes', async () => {
    const { message } = pageScripts();
    const code = readFileSync(join(out, message), 'utf8');
    const links = [...code.matchAll(/["']([\w-]+\.xlsx)["']/g)].map((m) => m[1] ?? '');
    expect(links).toEqual(['equality-assessment.xlsx']);
    const served = readFileSync(join(out, 'equality-assessment.xlsx'));
    const folder = mkdtempSync(join(tmpdir(), 'addin-template-'));
    try {
      const file = join(folder, 'assessment.xlsx');
      const code = await runTemplate(
        ['--out', file],
        () => undefined,
        (line) => {
          throw new Error(line);
        },
      );
      expect(code).toBe(0);
      expect(served.equals(readFileSync(file))).toBe(true);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('refuses a production URL that is not HTTPS, saying why', () => {
    // Its own folder: the shared build is read by other files and must stay as built.
    const refused = mkdtempSync(join(tmpdir(), 'addin-refused-'));
    try {
      const result = webpack(['--mode', 'production', '--output-path', refused], {
        ADDIN_PUBLIC_URL: 'http://example.test/addin/',
      });
      expect(result.status).not.toBe(0);
      expect(`${result.stdout}${result.stderr}`).toContain('only over HTTPS');
      expect(existsSync(join(refused, 'manifest.xml'))).toBe(false);
    } finally {
      rmSync(refused, { recursive: true, force: true });
    }
  });
});
