/**
 * `npm run compare`: the command line that reads assessment files (written here by the template
 * writer, filled with responses) and writes the group comparison; a bad file of each kind
 * (test/xlsx/badCopies.ts, and one from a framework no mapping joins) is named with the reason,
 * left as it was, the exit code is 1 and nothing is written.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCompare } from '../../scripts/compare';
import { bundledFrameworks } from '../../src/domain/framework/bundled';
import { buildPlan } from '../../src/workbook/buildPlan';
import { withResponses } from '../../src/workbook/filledPlan';
import { FIRST_MEMBER_ROW, GROUP_RESPONSES_SHEET, GROUP_SHEET } from '../../src/workbook/group/groupLayout';
import { writeWorkbookFile } from '../../src/xlsx';
import { BAD_COPIES, filledCopy, OWN_FRAMEWORK } from './badCopies';
import { SETTINGS } from './planFile';
import { readXlsx } from './readXlsx';
import { sampleResponses } from './sampleResponses';

const ROOT = join(__dirname, '..', '..');
const draft = bundledFrameworks.draft2009;
let folder: string;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'eq-compare-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

async function assessment(name: string, organisation: string, period: string, seed: number): Promise<string> {
  const settings = { organisation, period, metThreshold: 3, requiredShare: 0.8 };
  const plan = withResponses(buildPlan(draft, settings).plan, draft, sampleResponses(draft, seed));
  const path = join(folder, name);
  writeFileSync(path, await writeWorkbookFile(plan));
  return path;
}

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCompare(
    args,
    (line) => out.push(line),
    (line) => err.push(line),
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('npm run compare', () => {
  it('writes the comparison of the files given, one row per organisation in file order', async () => {
    const files = [
      await assessment('riverside.xlsx', 'Riverside Homes', '2026/27', 1),
      await assessment('hillside.xlsx', 'Hillside Housing', '2026/27', 2),
      await assessment('riverside-last.xlsx', 'Riverside Homes', '2025/26', 3),
    ];
    const target = join(folder, 'group.xlsx');
    const result = await run(...files, '--out', target);
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toMatch(/^Wrote .*group\.xlsx \(\d+ KB\): 3 assessments of .* compared\.$/);
    const file = readXlsx(readFileSync(target));
    expect(file.sheetNames).toEqual([GROUP_SHEET, GROUP_RESPONSES_SHEET]);
    const cells = file.cells(GROUP_SHEET);
    const rows = [0, 1, 2].map((i) => [
      cells.get(`A${FIRST_MEMBER_ROW + i}`)?.value,
      cells.get(`B${FIRST_MEMBER_ROW + i}`)?.value,
    ]);
    expect(rows).toEqual([
      ['Riverside Homes', '2026/27'],
      ['Hillside Housing', '2026/27'],
      ['Riverside Homes', '2025/26'],
    ]);
    expect(file.cells(GROUP_RESPONSES_SHEET).size).toBeGreaterThan(3 * draft.criteria.length * 8);
    // The chart: one bar series per area, over the three organisations' rows of the sheet.
    const charts = [...file.parts.keys()].filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
    expect(charts).toHaveLength(1);
    const values = [...file.parts.get(charts[0]!)!.matchAll(/<c:val><c:numRef><c:f>([^<]*)<\/c:f>/g)];
    expect(values.map((m) => m[1])).toHaveLength(draft.areas.length);
    for (const [, ref] of values) {
      expect(ref).toMatch(
        new RegExp(`^'${GROUP_SHEET}'!\\$[A-Z]+\\$${FIRST_MEMBER_ROW}:\\$[A-Z]+\\$${FIRST_MEMBER_ROW + 2}$`),
      );
    }
    expect(readdirSync(folder).sort()).toEqual([
      'group.xlsx',
      'hillside.xlsx',
      'riverside-last.xlsx',
      'riverside.xlsx',
    ]);
  });

  it('refuses a missing file, naming it, and writes nothing', async () => {
    const good = await assessment('good.xlsx', 'Riverside Homes', '2026/27', 1);
    const other = await assessment('other.xlsx', 'Hillside', '2026/27', 2);
    const missing = join(folder, 'bad.xlsx');
    const result = await run(good, missing, other, '--out', join(folder, 'group.xlsx'));
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/bad\.xlsx cannot be read: no such file\. Nothing was written\./);
    expect(existsSync(join(folder, 'group.xlsx'))).toBe(false);
  });

  it.each(BAD_COPIES)(
    'refuses a file that is $kind, naming it, leaving it as it was and writing nothing',
    async (bad) => {
      const good = await assessment('good.xlsx', 'Riverside Homes', '2026/27', 1);
      const path = join(folder, 'bad.xlsx');
      const bytes = await bad.make();
      writeFileSync(path, bytes);
      const result = await run(good, path, '--out', join(folder, 'group.xlsx'));
      expect(result.code).toBe(1);
      const named = result.err.split('\n').find((line) => line.includes(`${path} `)) ?? '';
      expect(named.slice(named.indexOf(`${path} `) + path.length + 1)).toMatch(bad.says);
      expect(new Uint8Array(readFileSync(path))).toEqual(bytes);
      expect(existsSync(join(folder, 'group.xlsx'))).toBe(false);
    },
  );

  it('refuses a file made from a framework no mapping joins to the others, naming it under its framework', async () => {
    const good = await assessment('good.xlsx', 'Riverside Homes', '2026/27', 1);
    const other = await assessment('other.xlsx', 'Hillside', '2026/27', 2);
    const own = join(folder, 'own.xlsx');
    writeFileSync(own, await filledCopy(OWN_FRAMEWORK, undefined, { ...SETTINGS, organisation: 'Valley' }));
    const result = await run(good, other, own, '--out', join(folder, 'group.xlsx'));
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^Nothing was compared: the files were made from 2 different frameworks/);
    expect(result.err).toContain(`${OWN_FRAMEWORK.title} (version ${OWN_FRAMEWORK.version}): ${own}`);
    expect(result.err).toContain(`${draft.title} (version ${draft.version}): ${good}, ${other}`);
    expect(existsSync(join(folder, 'group.xlsx'))).toBe(false);
  });

  it('refuses the same organisation and period twice, naming both files', async () => {
    const a = await assessment('a.xlsx', 'Riverside Homes', '2026/27', 1);
    const b = await assessment('b.xlsx', 'riverside homes', '2026/27', 2);
    const result = await run(a, b, '--out', join(folder, 'group.xlsx'));
    expect(result.code).toBe(1);
    expect(result.err).toContain(`Riverside Homes, 2026/27: ${a}, ${b}`);
    expect(existsSync(join(folder, 'group.xlsx'))).toBe(false);
  });

  it.each([
    [['a.xlsx', 'b.xlsx'], /--out is required/],
    [['a.xlsx', '--out', 'group.csv'], /--out must name an \.xlsx file/],
    [['a.xlsx', 'b.xlsx', '--out', 'a.xlsx'], /is one of the files to compare/],
    [['a.xlsx', '--colour', 'red'], /Unknown option '--colour'[\s\S]*Usage: npm run compare/],
  ])('refuses the options %j', async (args, message) => {
    const result = await run(...args.map((a) => (a.startsWith('--') || a === 'red' ? a : join(folder, a))));
    expect(result.code).toBe(1);
    expect(result.err).toMatch(message);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('runs as a command: exit code 0 on success, 1 naming a bad file', async () => {
    const a = await assessment('a.xlsx', 'Riverside Homes', '2026/27', 1);
    const b = await assessment('b.xlsx', 'Hillside', '2026/27', 2);
    const bad = join(folder, 'locked.xlsx');
    const locked = new Uint8Array(1024);
    locked.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    writeFileSync(bad, locked);
    const tsNode = join(ROOT, 'node_modules', 'ts-node', 'dist', 'bin.js');
    const command = (...args: string[]) =>
      spawnSync(
        process.execPath,
        [tsNode, '-P', 'scripts/tsconfig.node.json', 'scripts/compare.ts', ...args],
        {
          cwd: ROOT,
          encoding: 'utf8',
        },
      );
    const ok = command(a, b, '--out', join(folder, 'group.xlsx'));
    expect([ok.status, ok.stderr]).toEqual([0, '']);
    expect(existsSync(join(folder, 'group.xlsx'))).toBe(true);
    const refused = command(a, bad, '--out', join(folder, 'again.xlsx'));
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/locked\.xlsx is password-protected/);
    expect(existsSync(join(folder, 'again.xlsx'))).toBe(false);
  }, 60_000);
});
