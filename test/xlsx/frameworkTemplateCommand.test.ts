/** `npm run template -- --framework-template` and `--framework <file.xlsx>`: a framework as sheets on the command line. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTemplate } from '../../scripts/template';
import { readXlsx } from './readXlsx';

const ROOT = join(__dirname, '..', '..');
let folder: string;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'eq-framework-template-'));
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

describe('a framework as sheets on the command line', () => {
  it.each(['eqfsh-2009-draft.json', 'eqfsh-leadership-revision.json'])(
    'writes %s as sheets, and the workbook made from those sheets is the one made from the JSON, byte for byte',
    async (json) => {
      const sheets = join(folder, 'framework.xlsx');
      const written = await run('--framework', join(ROOT, 'framework', json), '--framework-template', sheets);
      expect(written).toMatchObject({ code: 0, err: '' });
      expect(written.out).toMatch(
        /as sheets to edit in Excel \(\d+ criteria in \d+ areas\)\. Use it with --framework /,
      );
      expect(readXlsx(readFileSync(sheets)).sheetNames).toContain('Criteria');

      const fromSheets = join(folder, 'from-sheets.xlsx');
      const fromJson = join(folder, 'from-json.xlsx');
      expect((await run('--framework', sheets, '--out', fromSheets)).code).toBe(0);
      expect((await run('--framework', join(ROOT, 'framework', json), '--out', fromJson)).code).toBe(0);
      expect(Buffer.compare(readFileSync(fromSheets), readFileSync(fromJson))).toBe(0);
    },
  );

  it('lists the problems of a framework workbook by sheet and cell, and of a file that is not one', async () => {
    const notAWorkbook = join(folder, 'notes.xlsx');
    writeFileSync(notAWorkbook, 'just some text');
    const result = await run('--framework', notAWorkbook, '--out', join(folder, 'out.xlsx'));
    expect(result.code).toBe(1);
    expect(result.err).toMatch(
      /notes\.xlsx has 1 problem\(s\):\n {2}- notes\.xlsx, the whole file: it is not an \.xlsx workbook, or it is damaged/,
    );
  });

  it('asks for a spreadsheet saved in another format to be saved as .xlsx', async () => {
    const ods = join(folder, 'framework.ods');
    writeFileSync(ods, 'whatever LibreOffice wrote');
    const result = await run('--framework', ods, '--out', join(folder, 'out.xlsx'));
    expect(result.code).toBe(1);
    expect(result.err).toContain(
      'framework.ods, the whole file: it is saved as .ods, which the add-in does not read; open it and save it as an Excel Workbook (.xlsx), then choose that file',
    );
  });

  it('refuses --out and --framework-template together', async () => {
    const result = await run('--out', join(folder, 'a.xlsx'), '--framework-template', join(folder, 'b.xlsx'));
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^Give --out \(the assessment workbook\) or --framework-template/);
  });
});
