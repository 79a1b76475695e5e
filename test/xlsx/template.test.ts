/** `npm run template`: the command line that writes the workbook file. */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTemplate } from '../../scripts/template';
import { readXlsx } from './readXlsx';

const ROOT = join(__dirname, '..', '..');
let folder: string;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'eq-template-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runTemplate(
    args,
    (line) => out.push(line),
    (line) => err.push(line),
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('npm run template', () => {
  it('writes the bundled 2009 draft by default, with the organisation, period and settings given', async () => {
    const target = join(folder, 'assessment.xlsx');
    const result = await run(
      '--out',
      target,
      '--organisation',
      'Example Homes',
      '--period',
      '2026/27',
      '--threshold',
      '4',
      '--share',
      '80%',
    );
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toMatch(/^Wrote .*assessment\.xlsx \(\d+ KB\): .*97 criteria in 5 areas\.$/);
    const file = readXlsx(readFileSync(target));
    expect(file.sheetNames).toContain('Leadership');
    const start = file.cells('Start');
    expect([
      start.get('B5')?.value,
      start.get('B6')?.value,
      start.get('B12')?.value,
      start.get('B13')?.value,
    ]).toEqual(['Example Homes', '2026/27', 4, 0.8]);
    expect(readdirSync(folder)).toEqual(['assessment.xlsx']);
  });

  it('writes another framework file given with --framework', async () => {
    const target = join(folder, 'leadership.xlsx');
    const result = await run(
      '--framework',
      join(ROOT, 'framework', 'eqfsh-leadership-revision.json'),
      '--out',
      target,
    );
    expect(result.code).toBe(0);
    expect(readXlsx(readFileSync(target)).sheetNames).toEqual(['Start', 'Leadership', 'Summary', 'EqMeta']);
  });

  it('writes the draft with the revised Leadership area, named by its version, with both Leadership ids 1.13 and Engagement 1.13', async () => {
    const target = join(folder, 'combined.xlsx');
    const result = await run('--framework', '2009-draft-revised-leadership', '--out', target);
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toMatch(/2009 draft with the revised Leadership area, 98 criteria in 5 areas\.$/);
    const file = readXlsx(readFileSync(target));
    const idsOf = (sheet: string) =>
      [...file.cells(sheet).entries()].filter(([at]) => /^A\d+$/.test(at)).map(([, c]) => c.value);
    expect(idsOf('Leadership')).toContain('1.13');
    expect(idsOf('Engagement')).toContain('1.13');
  });

  it("prints the loader's located problems for a bad framework file, and writes nothing", async () => {
    const bad = join(folder, 'bad.json');
    const draft = JSON.parse(readFileSync(join(ROOT, 'framework', 'eqfsh-2009-draft.json'), 'utf8')) as {
      criteria: { id: string }[];
    };
    const first = draft.criteria[0];
    if (!first) throw new Error('the draft has no criteria');
    first.id = 'one.one';
    writeFileSync(bad, JSON.stringify(draft));
    const target = join(folder, 'out.xlsx');
    const result = await run('--framework', bad, '--out', target);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(
      /^The framework file .*bad\.json has \d+ problem\(s\):\n {2}- bad\.json, criteria number 1, field "id": /,
    );
    expect(existsSync(target)).toBe(false);
  });

  it.each([
    ['a file that is not JSON', '{ "id": ', /bad\.json, the whole file: /],
    ['an empty file', '', /bad\.json/],
  ])('explains %s', async (_what, text, message) => {
    const bad = join(folder, 'bad.json');
    writeFileSync(bad, text);
    const result = await run('--framework', bad, '--out', join(folder, 'out.xlsx'));
    expect(result.code).toBe(1);
    expect(result.err).toMatch(message);
  });

  it('names a framework file that does not exist', async () => {
    const result = await run('--framework', join(folder, 'missing.json'), '--out', join(folder, 'out.xlsx'));
    expect(result).toMatchObject({ code: 1 });
    expect(result.err).toMatch(/Could not read the framework file .*missing\.json: no such file or folder\./);
  });

  it('says plainly when the folder to write in does not exist', async () => {
    const target = join(folder, 'no-such-folder', 'out.xlsx');
    const result = await run('--out', target);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(
      /Cannot write .*out\.xlsx: the folder .*no-such-folder is not writable \(no such file or folder\)/,
    );
  });

  it('leaves nothing behind when the file cannot be put in place', async () => {
    const target = join(folder, 'taken.xlsx');
    mkdirSync(target);
    writeFileSync(join(target, 'keep.txt'), 'x');
    const result = await run('--out', target);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/Cannot write .*taken\.xlsx: .*Nothing was written\./);
    expect(readdirSync(folder)).toEqual(['taken.xlsx']);
    expect(readdirSync(target)).toEqual(['keep.txt']);
  });

  it('replaces an existing file whole', async () => {
    const target = join(folder, 'assessment.xlsx');
    writeFileSync(target, 'old');
    expect((await run('--out', target)).code).toBe(0);
    expect(readXlsx(readFileSync(target)).sheetNames[0]).toBe('Start');
    expect(readdirSync(folder)).toEqual(['assessment.xlsx']);
  });

  it.each([
    [[], /--out is required/],
    [['--out', 'x.csv'], /--out must name an \.xlsx file; got "x\.csv"/],
    [
      ['--out', 'x.xlsx', '--threshold', '5'],
      /--threshold must be a rating on the framework's scale \(1, 2, 3, 4\); got "5"/,
    ],
    [['--out', 'x.xlsx', '--threshold', ''], /--threshold must be a rating/],
    [
      ['--out', 'x.xlsx', '--share', '0'],
      /--share must be from 0\.01 to 1, or 1% to 100%, a whole percentage; got "0"/,
    ],
    [['--out', 'x.xlsx', '--share', '66.7%'], /a whole percentage; got "66\.7%"/],
    [['--out', 'x.xlsx', '--share', '120%'], /--share must be from 0\.01 to 1/],
    [['--out', 'x.xlsx', '--share', 'most'], /--share must be from 0\.01 to 1/],
    [['--out', 'x.xlsx', '--colour', 'red'], /Unknown option '--colour'[\s\S]*Usage: npm run template/],
  ])('refuses %j with a message', async (args, message) => {
    const result = await run(...args.map((a) => (a === 'x.xlsx' ? join(folder, a) : a)));
    expect(result.code).toBe(1);
    expect(result.err).toMatch(message);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('runs as a command: exit code 0 on success and 1 on a problem', () => {
    const tsNode = join(ROOT, 'node_modules', 'ts-node', 'dist', 'bin.js');
    const command = (...args: string[]) =>
      spawnSync(
        process.execPath,
        [tsNode, '-P', 'scripts/tsconfig.node.json', 'scripts/template.ts', ...args],
        {
          cwd: ROOT,
          encoding: 'utf8',
        },
      );
    const ok = command('--out', join(folder, 'cli.xlsx'), '--organisation', 'Example Homes');
    expect([ok.status, ok.stderr]).toEqual([0, '']);
    expect(existsSync(join(folder, 'cli.xlsx'))).toBe(true);
    const bad = command('--out', join(folder, 'cli.xlsx'), '--share', '2');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/--share must be from 0\.01 to 1/);
  }, 60_000);
});
