/**
 * One reading of every value, recalculated by LibreOffice: the values of the table in
 * test/builders/typedValues.ts that an .xlsx file can hold as they are (numbers, text, booleans,
 * formulas) go into the rating and review-date cells of the written workbook, with each
 * highlight's formula copied beside every row (a conditional format's verdict is not kept in the
 * file; the same formula in a cell is). After LibreOffice recalculates the file, "Counts as" and
 * every highlight must be what the engine makes of the value LibreOffice holds.
 * The whole table runs on the fake in test/excel/oneReading.test.ts.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  bundledFrameworks,
  compareDates,
  calendarDateOf,
  readRating,
  readReviewDate,
  type CellValue,
} from '../../src/domain';
import { buildPlan } from '../../src/workbook/buildPlan';
import { cell } from '../../src/workbook/address';
import { AREA_FIRST_DATA_ROW, AREA_COLUMNS, COUNTS_AS, areaColumn } from '../../src/workbook/layout';
import type { CellBlock, PlanCell, WorkbookPlan } from '../../src/workbook/plan';
import { areaCriteria } from '../../src/workbook/sheets/area';
import { highlightFormulaAt } from '../../src/workbook/sheets/highlights';
import { writeWorkbookFile } from '../../src/xlsx';
import { asFileCell, TYPED_VALUES } from '../builders/typedValues';
import { readXlsx, type XlsxFile } from '../xlsx/readXlsx';
import { convertAll } from './soffice';

jest.setTimeout(600_000);

const draft = bundledFrameworks.draft2009;
const SETTINGS = { organisation: 'One reading', period: '2026/27', metThreshold: 3, requiredShare: 1 };
const built = buildPlan(draft, SETTINGS);
/** Where each row's copy of a highlight's formula goes: past the sheet's own columns. */
const SPARE_COLUMN = AREA_COLUMNS.length + 5;

const values = TYPED_VALUES.flatMap((t) => {
  const fileCell = asFileCell(t.typed);
  return fileCell === undefined ? [] : [{ name: t.name, fileCell }];
});
const places = draft.areas.flatMap((area) =>
  areaCriteria(draft, area.number).map((criterion, i) => ({ area, row: AREA_FIRST_DATA_ROW + i, criterion })),
);
const batches: (typeof values)[] = [];
for (let i = 0; i < values.length; i += places.length) batches.push(values.slice(i, i + places.length));

function filled(batch: typeof values): WorkbookPlan {
  const sheets = built.plan.sheets.map((sheet) => {
    if (sheet.role !== 'area' || sheet.area === undefined) return sheet;
    const rows = places
      .map((p, i) => ({ ...p, value: batch[i] }))
      .filter((p) => p.area.number === sheet.area);
    const first = rows[0];
    if (!first) return sheet;
    const cells: PlanCell[][] = rows.map((r) => [r.value?.fileCell ?? null]);
    const blocks: CellBlock[] = [
      { at: cell(first.row, areaColumn('rating')), cells },
      { at: cell(first.row, areaColumn('reviewDate')), cells },
      {
        at: cell(first.row, SPARE_COLUMN),
        cells: rows.map((r) =>
          (sheet.highlights ?? []).map((h) => ({ formula: highlightFormulaAt(h, r.row) })),
        ),
      },
    ];
    return { ...sheet, blocks: [...sheet.blocks, ...blocks] };
  });
  return { ...built.plan, sheets };
}

/** The engine's verdicts on the value LibreOffice holds in the cell. */
function engineVerdicts(
  rating: CellValue,
  reviewDate: CellValue,
  today: Date,
): Record<string, boolean | string> {
  const reading = readRating(rating, draft.ratingScale);
  const countsAs =
    reading.kind === 'blank'
      ? COUNTS_AS.unanswered
      : reading.kind === 'na'
        ? COUNTS_AS.na
        : reading.kind === 'invalid'
          ? COUNTS_AS.invalid
          : reading.value >= SETTINGS.metThreshold
            ? COUNTS_AS.met
            : COUNTS_AS.notMet;
  const date = readReviewDate(reviewDate);
  return {
    countsAs,
    'rating-invalid': reading.kind === 'invalid',
    'review-date-invalid': date.kind === 'invalid',
    'review-date-past': date.kind === 'date' && compareDates(date.date, calendarDateOf(today)) < 0,
  };
}

/** A cell as the engine would be handed it: booleans as booleans, errors as their text, empty as ''. */
const asRead = (value: string | number | boolean | undefined): CellValue => value ?? '';

let files: XlsxFile[] = [];
const folder = mkdtempSync(join(tmpdir(), 'eq-one-reading-'));

beforeAll(async () => {
  const inputs = await Promise.all(
    batches.map(async (batch, i) => {
      const path = join(folder, `batch-${i}.xlsx`);
      writeFileSync(path, await writeWorkbookFile(filled(batch)));
      return path;
    }),
  );
  const outputs = convertAll(inputs, join(folder, 'recalculated'), 'xlsx', 'xlsx');
  files = outputs.map((o) => readXlsx(readFileSync(o)));
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('one reading of every value a file can hold, in LibreOffice', () => {
  it('covers at least 150 of the table’s values', () => {
    expect(values.length).toBeGreaterThanOrEqual(150);
  });

  it('finds Counts as and every highlight equal to the engine’s verdict', () => {
    const today = new Date();
    const mismatches: string[] = [];
    let compared = 0;
    const seen = new Set<string>();
    files.forEach((file, b) => {
      const batch = batches[b] ?? [];
      for (const sheet of built.plan.sheets) {
        if (sheet.role !== 'area' || sheet.area === undefined) continue;
        const cells = file.cells(sheet.name);
        places.forEach((place, i) => {
          const value = batch[i];
          if (!value || place.area.number !== sheet.area) return;
          const at = (column: number) => cells.get(cell(place.row, column))?.value;
          const want = engineVerdicts(
            asRead(at(areaColumn('rating'))),
            asRead(at(areaColumn('reviewDate'))),
            today,
          );
          const got: Record<string, boolean | string> = { countsAs: String(at(areaColumn('countsAs'))) };
          (sheet.highlights ?? []).forEach((h, k) => {
            const lit = at(SPARE_COLUMN + k);
            // LibreOffice stores a formula's TRUE as 1 in some files; an error is "off", as in Excel.
            got[h.ruleId] = lit === true || lit === 1;
          });
          for (const [rule, expected] of Object.entries(want)) {
            compared += 1;
            seen.add(`${rule}=${String(got[rule])}`);
            if (got[rule] !== expected) {
              mismatches.push(
                `${value.name} (${sheet.name} row ${place.row}): ${rule} is ${String(got[rule])} in LibreOffice, ${String(expected)} in the engine`,
              );
            }
          }
        });
      }
    });
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThanOrEqual(values.length * 4);
    // Every verdict occurs, or agreeing would prove little.
    for (const word of Object.values(COUNTS_AS)) expect(seen).toContain(`countsAs=${word}`);
    for (const rule of ['rating-invalid', 'review-date-invalid', 'review-date-past']) {
      expect(seen).toContain(`${rule}=true`);
      expect(seen).toContain(`${rule}=false`);
    }
  });
});
