/**
 * The Board summary as it prints: the sheet the add-in writes, put in the workbook file by the
 * template writer with ratings filled in, printed by LibreOffice with the page setup the plan gives
 * it (A4 landscape, one page) with every other sheet hidden. It must come out as ONE portrait A4 page that says it
 * is up to date (so LibreOffice's own recalculation of the "Counts as" columns agrees with the
 * copies stored at refresh) and shows its chart. test-results/libreoffice/board.png is the page;
 * docs/images/board-summary.png is a copy of it.
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { actionList } from '../../src/domain/actions';
import { bundledFrameworks } from '../../src/domain/framework/bundled';
import type { Criterion } from '../../src/domain/framework/types';
import {
  boardFigures,
  boardNarrative,
  historyEntryOf,
  mergeActionPlan,
  topActions,
} from '../../src/domain/report';
import type { CellValue } from '../../src/domain/responses';
import { score, type CriterionStatus } from '../../src/domain/scoring';
import { excelSerialOf } from '../../src/domain/dates';
import { buildPlan } from '../../src/workbook/buildPlan';
import { COUNTS_AS } from '../../src/workbook/layout';
import { areaCriteria } from '../../src/workbook/sheets/area';
import { UP_TO_DATE, buildBoardSheet } from '../../src/workbook/sheets/board';
import { writeWorkbookFile } from '../../src/xlsx';
import { responsesFor } from '../builders/responses';
import { withRatings } from '../xlsx/fillRatings';
import { convertAll } from './soffice';

jest.setTimeout(300_000);

const RESULTS = join(__dirname, '..', '..', 'test-results', 'libreoffice');
const draft = bundledFrameworks.draft2009;
const SETTINGS = { metThreshold: 3, requiredShare: 1 };

/** Now: Knowing customers excellent, Leadership achieving, the rest mixed, some not yet rated. */
function rating(c: Criterion): CellValue {
  const n = Number(c.id.split('.')[1]);
  switch (c.area) {
    case 1:
      return 4;
    case 2:
      return c.level < 3 ? 4 : n === 6 || n === 9 ? 2 : 3;
    case 3:
      return c.level < 3 ? 3 : null;
    case 4:
      return c.level === 1 ? 3 : n % 3 === 0 ? 2 : 3;
    default:
      return n % 5 === 0 ? 'N/A' : c.level === 1 ? 4 : n % 2 === 0 ? 3 : 2;
  }
}

/** Six months earlier: lower throughout. */
function earlier(c: Criterion): CellValue {
  const now = rating(c);
  return typeof now === 'number' && c.level > 1 ? Math.max(1, now - 1) : now;
}

const WORDS: Record<CriterionStatus, string> = {
  met: COUNTS_AS.met,
  'not-met': COUNTS_AS.notMet,
  na: COUNTS_AS.na,
  unanswered: COUNTS_AS.unanswered,
};

function run(command: string, args: string[]): string {
  if (!existsSync(command)) throw new Error(`${command} is missing: install poppler-utils`);
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/**
 * Excel lays the sheet out in Calibri; LibreOffice substitutes Carlito, which has the same
 * metrics. Without it LibreOffice falls back to a wider font and the page would not show what
 * Excel prints, so the test says what to install rather than judge the wrong picture.
 */
function requireCarlito(): void {
  const fonts = spawnSync('fc-list', [':family=Carlito'], { encoding: 'utf8' });
  if (fonts.error || fonts.stdout.trim() === '') {
    throw new Error(
      'The Carlito font (metric-compatible with Calibri) is needed to print the board as Excel does. ' +
        'On Debian/Ubuntu: sudo apt-get install -y --no-install-recommends fonts-crosextra-carlito',
    );
  }
}

let folder: string;
let pdf: string;
let levelColours: readonly string[];

beforeAll(async () => {
  requireCarlito();
  folder = mkdtempSync(join(tmpdir(), 'eq-board-render-'));
  const built = buildPlan(draft, { organisation: 'Example Homes', period: '2026/27', ...SETTINGS });
  const responses = responsesFor(draft, rating);
  const result = score(draft, responses, SETTINGS);
  const before = historyEntryOf(score(draft, responsesFor(draft, earlier), SETTINGS), {
    year: 2026,
    month: 9,
    day: 30,
  });
  const owners: Record<string, [string, number]> = {
    '2.18': ['Head of HR', excelSerialOf({ year: 2027, month: 6, day: 30 })],
    '2.21': ['Housing Director', excelSerialOf({ year: 2027, month: 9, day: 30 })],
    '2.27': ['HR Manager', excelSerialOf({ year: 2027, month: 5, day: 31 })],
  };
  const entries = mergeActionPlan(
    draft,
    actionList(draft, responses, SETTINGS),
    Object.entries(owners).map(([id, [owner, date]]) => ({
      criterionId: id,
      owner,
      targetDate: date,
      notes: '',
    })),
  );
  const statusById = new Map(result.criteria.map((c) => [c.criterionId, WORDS[c.status]]));
  const board = buildBoardSheet({
    framework: draft,
    figures: boardFigures(draft, result, before),
    narrative: boardNarrative(result, draft),
    actions: topActions(entries, entries.length),
    organisation: 'Example Homes',
    period: '2026/27',
    asAt: { year: 2027, month: 3, day: 31 },
    previousSnapshot: before.date,
    settings: SETTINGS,
    countsAs: new Map(
      draft.areas.map((a) => [
        a.number,
        areaCriteria(draft, a.number).map((c) => statusById.get(c.id) ?? ''),
      ]),
    ),
    start: built.start,
  });
  levelColours = board.chart.series.map((s) => s.colour);
  const filled = withRatings(built.plan, draft, new Map(draft.criteria.map((c) => [c.id, rating(c)])));
  // Only the board is visible, so the PDF holds exactly what printing the board gives.
  const plan = {
    ...filled,
    sheets: [...filled.sheets.map((s) => ({ ...s, visible: false })), board.sheet],
    charts: [board.chart],
  };
  const input = join(folder, 'board.xlsx');
  writeFileSync(input, await writeWorkbookFile(plan));
  [pdf = ''] = convertAll([input], join(folder, 'pdf'), 'pdf', 'pdf');
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('the Board summary printed by LibreOffice', () => {
  it('fits one portrait A4 page', () => {
    const info = run('/usr/bin/pdfinfo', [pdf]);
    expect(info).toMatch(/Pages:\s+1\n/);
    const [, width = '0', height = '0'] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info) ?? [];
    // A4 portrait: 595.3 x 841.9 points.
    expect([Math.round(Number(width)), Math.round(Number(height))]).toEqual([595, 842]);
  });

  it('says it is up to date, as LibreOffice recalculates the ratings, and shows every part', () => {
    const text = run('/usr/bin/pdftotext', ['-layout', pdf, '-']);
    expect(text).toContain(UP_TO_DATE);
    for (const part of [
      'board summary for Example Homes',
      'What the results say',
      'Top actions',
      'Head of HR',
    ]) {
      expect(text).toContain(part);
    }
    expect(text).toContain('Share met by area and level');
    expect(text).toContain('Up from');
  });

  it('draws the chart bars, and saves the page as PNG', () => {
    mkdirSync(RESULTS, { recursive: true });
    run('/usr/bin/pdftoppm', ['-singlefile', '-r', '110', '-png', pdf, join(RESULTS, 'board')]);
    run('/usr/bin/pdftoppm', ['-singlefile', '-r', '48', pdf, join(folder, 'board')]);
    const ppm = readFileSync(join(folder, 'board.ppm'));
    const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 50).toString('latin1'));
    if (!header) throw new Error('not a binary PPM image');
    // One grey per level, as the plan's chart says.
    for (const colour of levelColours) {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
      let count = 0;
      for (let i = header[0].length; i + 2 < ppm.length; i += 3) {
        if (ppm[i] === r && ppm[i + 1] === g && ppm[i + 2] === b) count += 1;
      }
      expect(count).toBeGreaterThan(50);
    }
    writeFileSync(join(RESULTS, 'board.pdf'), readFileSync(pdf));
    expect(existsSync(join(RESULTS, 'board.png'))).toBe(true);
    if (process.env.EQ_UPDATE_DOC_IMAGES === '1') {
      copyFileSync(
        join(RESULTS, 'board.png'),
        join(__dirname, '..', '..', 'docs', 'images', 'board-summary.png'),
      );
    }
  });
});
