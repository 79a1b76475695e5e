/**
 * The written file rendered by LibreOffice to PDF and PNG, with ratings filled in: the Summary
 * sheet's page must show both charts with their bars drawn. The pictures are kept in
 * test-results/libreoffice/ to look at; docs/images/summary-sheet.png is a crop of summary.png.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledFrameworks } from '../../src/domain/framework/bundled';
import type { Criterion } from '../../src/domain/framework/types';
import type { CellValue } from '../../src/domain/responses';
import { score } from '../../src/domain/scoring';
import { buildPlan } from '../../src/workbook/buildPlan';
import { writeWorkbookFile } from '../../src/xlsx';
import { areaColour } from '../../src/workbook/chartStyle';
import type { ChartPlan } from '../../src/workbook/plan';
import { responsesFor } from '../builders/responses';
import { withRatings } from '../xlsx/fillRatings';
import { convertAll } from './soffice';

jest.setTimeout(300_000);

const RESULTS = join(__dirname, '..', '..', 'test-results', 'libreoffice');
const PDFTOPPM = '/usr/bin/pdftoppm';
const PDFTOTEXT = '/usr/bin/pdftotext';

const draft = bundledFrameworks.draft2009;

/**
 * A believable assessment: area 1 excellent throughout, area 2 strong at the first two levels,
 * area 3 with the top level not yet rated, area 4 with gaps at the first level, area 5 mixed.
 */
function rating(c: Criterion): CellValue {
  const n = Number(c.id.split('.')[1]);
  switch (c.area) {
    case 1:
      return 4;
    case 2:
      return c.level < 3 ? 4 : n % 3 === 0 ? 2 : 3;
    case 3:
      return c.level < 3 ? 3 + (n % 2) : null;
    case 4:
      return c.level === 1 && n % 3 === 0 ? 2 : 3;
    default:
      return n % 5 === 0 ? 'N/A' : c.level === 1 ? 4 : n % 2 === 0 ? 3 : 2;
  }
}

function tool(path: string): string {
  if (!existsSync(path)) {
    throw new Error(
      `${path} is missing: rendering the file needs poppler-utils. Install it, on Debian/Ubuntu: ` +
        'sudo apt-get install -y --no-install-recommends poppler-utils',
    );
  }
  return path;
}

function run(command: string, args: string[]): string {
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

let folder: string;
let summaryPage: number;
let pdf: string;
let charts: readonly ChartPlan[];

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'eq-xlsx-render-'));
  const built = buildPlan(draft, {
    organisation: 'Example Homes',
    period: '2026/27',
    metThreshold: 3,
    requiredShare: 1,
  });
  charts = built.plan.charts;
  const ratings = new Map(draft.criteria.map((c) => [c.id, rating(c)]));
  const input = join(folder, 'assessment.xlsx');
  writeFileSync(input, await writeWorkbookFile(withRatings(built.plan, draft, ratings)));
  // One page per sheet, however wide, so the Summary and its charts are one picture.
  [pdf = ''] = convertAll(
    [input],
    join(folder, 'pdf'),
    'pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}',
    'pdf',
  );
  const pages = built.plan.sheets.filter((s) => s.visible).length;
  summaryPage =
    Array.from({ length: pages }, (_, i) => i + 1).find((page) =>
      run(tool(PDFTOTEXT), ['-f', String(page), '-l', String(page), pdf, '-']).includes(
        'Level reached by area',
      ),
    ) ?? 0;
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('the file rendered by LibreOffice', () => {
  it('has the assessment the ratings describe (areas at every level), so the charts have bars to draw', () => {
    const result = score(
      draft,
      responsesFor(draft, (c) => rating(c)),
      { metThreshold: 3, requiredShare: 1 },
    );
    expect(new Set(result.areas.map((a) => a.levelReached))).toEqual(new Set([0, 1, 2, 3]));
  });

  it('prints the Summary with both chart titles on one page', () => {
    expect(summaryPage).toBeGreaterThan(0);
    const text = run(PDFTOTEXT, ['-f', String(summaryPage), '-l', String(summaryPage), pdf, '-']);
    expect(text).toContain('Share of criteria met by area and level');
    expect(text).toContain('Organisation (lowest area)');
  });

  it('draws each area bar in its area colour and each level in its grey, and saves the page as PNG', () => {
    mkdirSync(RESULTS, { recursive: true });
    const page = ['-f', String(summaryPage), '-l', String(summaryPage), '-singlefile'];
    run(tool(PDFTOPPM), [...page, '-r', '96', '-png', pdf, join(RESULTS, 'summary')]);
    run(PDFTOPPM, [...page, '-r', '48', pdf, join(folder, 'summary')]);
    const ppm = readFileSync(join(folder, 'summary.ppm'));
    // Areas 1 to 3 reach a level (see rating), so each has a bar in its own colour; the share
    // chart draws one grey per level, as the plan says.
    const shares = charts.find((c) => c.id === 'share-by-area-and-level');
    const colours = [...[1, 2, 3].map(areaColour), ...(shares?.series ?? []).map((s) => s.colour)];
    expect(colours).toHaveLength(3 + draft.levels.length);
    for (const colour of colours) expect(countColour(ppm, colour)).toBeGreaterThan(200);
    expect(existsSync(join(RESULTS, 'summary.png'))).toBe(true);
    writeFileSync(join(RESULTS, 'summary.pdf'), readFileSync(pdf));
  });
});
