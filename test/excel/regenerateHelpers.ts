/**
 * Filled assessments for regeneration tests: random responses typed into a generated workbook the
 * way an officer leaves them, and exact readings of cells (value, formula, number format) to
 * compare before and after.
 */
import fc from 'fast-check';
import type { XlCellValue } from '../../src/excel/api';
import type { Criterion, Framework } from '../../src/domain/framework/types';
import { cell } from '../../src/workbook/address';
import { AREA_COLUMNS, AREA_FIRST_DATA_ROW, areaColumn } from '../../src/workbook/layout';
import { areaCriteria } from '../../src/workbook/sheets/area';
import type { FakeWorkbook } from '../platform/fake-excel';
import { parseAddress } from '../platform/fake-excel/a1';
import { writeContents } from '../platform/fake-excel/cells';

/** What a cell holds, exactly. */
export interface Content {
  readonly value: XlCellValue;
  readonly formula: string | undefined;
  readonly numberFormat: string;
}

export function contentAt(doc: FakeWorkbook, sheet: string, row: number, column: number): Content {
  const s = doc.sheet(sheet);
  const address = cell(row, column);
  return {
    value: doc.value(sheet, address),
    formula: doc.engine.getCellFormula({ sheet: s.engineId, row: row - 1, col: column - 1 }),
    numberFormat: doc.numberFormat(sheet, address),
  };
}

/** Typing into cells as an officer would (a paste: validation does not stop it). */
export function typeInto(
  doc: FakeWorkbook,
  sheet: string,
  row: number,
  column: number,
  typed: XlCellValue,
): void {
  const s = doc.sheet(sheet);
  writeContents(
    doc.engine,
    s,
    parseAddress(cell(row, column)).rect,
    [[typed]],
    'values',
    `test typing ${sheet}`,
  );
}

/** The officer unprotects a sheet (Review > Unprotect Sheet) to add their own columns. */
export function unprotect(doc: FakeWorkbook, sheet: string): void {
  doc.sheet(sheet).protection.protected = false;
}

/** Text typed after an apostrophe stays text, whatever it looks like. */
const literal = (s: string) => `'${s}`;

export const textArb: fc.Arbitrary<XlCellValue> = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).map(literal),
  fc.constantFrom<XlCellValue>(
    literal('=SUM(A1)'),
    'First line\nsecond line\n\nfourth',
    literal('0123'),
    literal('31/03/2027'),
    'Ünïcödé ✓ \u{1F469}\u200D\u{1F469}\u200D\u{1F467} غير متوفر',
    literal("'starts with an apostrophe"),
    '=1+1',
    'TRUE',
    42,
  ),
  fc.string({ unit: 'grapheme-ascii', minLength: 3000, maxLength: 3000 }).map(literal),
);

export const ratingArb: fc.Arbitrary<XlCellValue> = fc.constantFrom<XlCellValue>(
  1,
  2,
  3,
  4,
  'N/A',
  'n/a',
  literal(' 4 '),
  5,
  3.5,
  literal('3'),
  '#N/A',
  'Excellent',
);

export const dateArb: fc.Arbitrary<XlCellValue> = fc.oneof(
  fc.integer({ min: 40_000, max: 50_000 }),
  fc.constant<XlCellValue>('=DATE(2027,3,31)'),
  fc.constant<XlCellValue>(literal('next spring')),
);

export interface Answer {
  readonly rating?: XlCellValue;
  readonly evidence?: XlCellValue;
  readonly difference?: XlCellValue;
  readonly owner?: XlCellValue;
  readonly reviewDate?: XlCellValue;
  readonly notes?: XlCellValue;
  /** The organisation's wording for a criterion the source lacks (absent or fragment). */
  readonly text?: XlCellValue;
  /** Values in the officer's own columns N and O. */
  readonly own?: readonly [XlCellValue | undefined, XlCellValue | undefined];
}

export const answerArb: fc.Arbitrary<Answer | null> = fc.option(
  fc.record(
    {
      rating: ratingArb,
      evidence: textArb,
      difference: textArb,
      owner: textArb,
      reviewDate: dateArb,
      notes: textArb,
      text: textArb,
      own: fc.tuple(fc.option(textArb, { nil: undefined }), fc.option(ratingArb, { nil: undefined })),
    },
    { requiredKeys: [] },
  ),
  { nil: null, freq: 2 },
);

export const FIRST_OWN = AREA_COLUMNS.length + 1;

export interface Filled {
  /** Every cell an answer wrote, by criterion: where it was and what it held. */
  readonly cells: { criterion: Criterion; column: number; sheet: string; row: number; content: Content }[];
  /** Own cells outside the table (header of own columns, below the table). */
  readonly loose: { sheet: string; row: number; column: number; content: Content }[];
}

/**
 * Types the answers (one per criterion, in framework order) into a generated workbook, with a
 * header for the officer's own columns and a note below each table that has answers.
 */
export function fill(doc: FakeWorkbook, framework: Framework, answers: readonly (Answer | null)[]): Filled {
  const filled: Filled = { cells: [], loose: [] };
  const byKey = new Map(framework.criteria.map((c, i) => [c.key, answers[i] ?? null]));
  for (const area of framework.areas) {
    const sheet = area.shortName;
    const criteria = areaCriteria(framework, area.number);
    let any = false;
    criteria.forEach((criterion, i) => {
      const answer = byKey.get(criterion.key);
      if (!answer) return;
      const row = AREA_FIRST_DATA_ROW + i;
      const put = (column: number, typed: XlCellValue | undefined) => {
        if (typed === undefined) return;
        if (column >= FIRST_OWN || column === areaColumn('text')) unprotect(doc, sheet);
        typeInto(doc, sheet, row, column, typed);
        filled.cells.push({ criterion, column, sheet, row, content: contentAt(doc, sheet, row, column) });
        any = true;
      };
      put(areaColumn('rating'), answer.rating);
      put(areaColumn('evidence'), answer.evidence);
      put(areaColumn('difference'), answer.difference);
      put(areaColumn('owner'), answer.owner);
      put(areaColumn('reviewDate'), answer.reviewDate);
      put(areaColumn('notes'), answer.notes);
      if (criterion.textStatus !== 'complete') put(areaColumn('text'), answer.text);
      put(FIRST_OWN, answer.own?.[0]);
      put(FIRST_OWN + 1, answer.own?.[1]);
    });
    if (any) {
      unprotect(doc, sheet);
      const below = AREA_FIRST_DATA_ROW + criteria.length + 2;
      for (const [row, column, typed] of [
        [4, FIRST_OWN, 'My RAG'],
        [below, 2, `Checked by the board, ${sheet}`],
      ] as const) {
        typeInto(doc, sheet, row, column, typed);
        filled.loose.push({ sheet, row, column, content: contentAt(doc, sheet, row, column) });
      }
    }
  }
  return filled;
}

/** Every sheet's contents as the engine holds them (formulas as text), in workbook order. */
export function dump(doc: FakeWorkbook): { name: string; visibility: string; cells: unknown[][] }[] {
  return doc.sheets.map((s) => ({
    name: s.name,
    visibility: s.visibility,
    cells: doc.engine.getSheetSerialized(s.engineId),
  }));
}

/** A sheet of the officer's own, with values and a formula. */
export function addOwnSheet(doc: FakeWorkbook, name = 'Action plan'): void {
  doc.addSheet(name, 'test');
  typeInto(doc, name, 1, 1, 'Action');
  typeInto(doc, name, 2, 1, literal('=not a formula'));
  typeInto(doc, name, 2, 2, 46100);
  typeInto(doc, name, 3, 2, '=B2+7');
}
