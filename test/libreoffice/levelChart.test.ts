/**
 * The Snapshot history sheet as LibreOffice prints it: the level-over-time chart names the levels
 * on its axes (the primary axis 0 and 1, the secondary axis 2 and 3, src/workbook/levelAxis.ts),
 * so the PDF holds each level's name as axis text and never a bare 0 to 3; each area's line is
 * drawn in its area colour. The page is kept as test-results/libreoffice/history.png.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledFrameworks } from '../../src/domain/framework/bundled';
import { notYetText, type HistoryEntry } from '../../src/domain';
import { buildPlan } from '../../src/workbook/buildPlan';
import { areaColour } from '../../src/workbook/chartStyle';
import { buildHistorySheet } from '../../src/workbook/sheets/history';
import { writeWorkbookFile } from '../../src/xlsx';
import { convertAll } from './soffice';

jest.setTimeout(300_000);

const RESULTS = join(__dirname, '..', '..', 'test-results', 'libreoffice');
const draft = bundledFrameworks.draft2009;

function run(command: string, args: string[]): string {
  if (!existsSync(command)) throw new Error(`${command} is missing: install poppler-utils`);
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/** Pixels of an exact colour in a binary PPM (P6) image. */
function countColour(ppm: Buffer, hex: string): number {
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 50).toString('latin1'));
  if (!header) throw new Error('not a binary PPM image');
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let count = 0;
  for (let i = header[0].length; i + 2 < ppm.length; i += 3) {
    if (ppm[i] === r && ppm[i + 1] === g && ppm[i + 2] === b) count += 1;
  }
  return count;
}

/** Four yearly snapshots in which every area climbs a level now and then. */
const entries: HistoryEntry[] = [2023, 2024, 2025, 2026].map((year, i) => ({
  date: { year, month: 3, day: 31 },
  overallLevelNo: Math.min(i, 2),
  areas: draft.areas.map((a) => ({
    area: a.number,
    levelNo: Math.min(3, Math.max(0, i - 1 + (a.number % 3))),
    shareMet: Math.min(1, 0.2 * (i + a.number / 5)),
    completeness: 1,
  })),
}));

let folder: string;
let pdf: string;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'eq-history-'));
  const built = buildPlan(draft, {
    organisation: 'Example Homes',
    period: '2026/27',
    metThreshold: 3,
    requiredShare: 1,
  });
  const history = buildHistorySheet(draft, entries);
  // Only the History sheet is visible, so the PDF holds exactly its pages.
  const plan = {
    ...built.plan,
    sheets: [...built.plan.sheets.map((s) => ({ ...s, visible: false })), history.sheet],
    charts: history.charts,
  };
  const input = join(folder, 'history.xlsx');
  writeFileSync(input, await writeWorkbookFile(plan));
  [pdf = ''] = convertAll([input], join(folder, 'pdf'), 'pdf', 'pdf');
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('the level-over-time chart printed by LibreOffice', () => {
  it('labels the axes with the level names', () => {
    // Without -layout each axis label is a line of its own; the sheet's key is one long line.
    const lines = run('/usr/bin/pdftotext', [pdf, '-'])
      .split('\n')
      .map((l) => l.trim());
    const names = [notYetText(draft.levels[0]?.name ?? ''), ...draft.levels.map((l) => l.name)];
    expect(names).toHaveLength(4);
    for (const name of names) expect({ name, label: lines.includes(name) }).toEqual({ name, label: true });
    // The title no longer carries a key: the axes say it.
    expect(lines).toContain('Level reached over time');
  });

  it('draws each area’s line in its area colour, and saves the page as PNG', () => {
    mkdirSync(RESULTS, { recursive: true });
    run('/usr/bin/pdftoppm', [
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      '-r',
      '110',
      '-png',
      pdf,
      join(RESULTS, 'history'),
    ]);
    run('/usr/bin/pdftoppm', [
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      '-r',
      '110',
      pdf,
      join(folder, 'history'),
    ]);
    const ppm = readFileSync(join(folder, 'history.ppm'));
    for (const area of draft.areas) {
      const colour = areaColour(area.number);
      expect({ area: area.number, drawn: countColour(ppm, colour) > 50 }).toEqual({
        area: area.number,
        drawn: true,
      });
    }
    writeFileSync(join(RESULTS, 'history.pdf'), readFileSync(pdf));
  });
});
