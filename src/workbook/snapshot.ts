/**
 * What the add-in read from a workbook, as plain data: the pure checks and readers below work on
 * it without Excel. `src/excel/snapshotReader.ts` fills it in two syncs.
 */
import {
  type Framework,
  type RatingScale,
  readSettings,
  RESPONSE_FIELDS,
  type ResponseField,
  type ResponseRow,
  type ScoringSettings,
} from '../domain';
import { columnLetter, quoteSheet, sheetName } from './address';
import {
  AREA_FIRST_DATA_ROW,
  AREA_HEADER_ROW,
  START_SHEET,
  areaColumnHeader,
  areaLayout,
  type AreaColumnKey,
  type AreaLayout,
} from './layout';
import type { StartLayout } from './sheets/start';

export type SheetValue = string | number | boolean;

/** A rectangle of cells as read: values and formulas, with its top-left position (1-based). */
export interface RangeSnapshot {
  readonly sheet: string;
  readonly top: number;
  readonly left: number;
  readonly values: readonly (readonly SheetValue[])[];
  readonly formulas: readonly (readonly SheetValue[])[];
}

export interface WorkbookSnapshot {
  readonly sheetNames: readonly string[];
  /** The meta sheet's key/value rows, or null when the sheet is missing. */
  readonly meta: readonly (readonly SheetValue[])[] | null;
  /** Each area sheet's used range by area number, or null when the sheet is missing. */
  readonly areas: ReadonlyMap<number, RangeSnapshot | null>;
  /** Start sheet setting cells, or null when the sheet is missing. */
  readonly start: {
    readonly organisation: SheetValue;
    readonly period: SheetValue;
    readonly metThreshold: SheetValue;
    readonly requiredShare: SheetValue;
  } | null;
  /** The Summary sheet's used range, or null when the sheet is missing. */
  readonly summary: RangeSnapshot | null;
  /**
   * The page header and footer texts of every sheet, when the reader loaded them (the full Check
   * does; live checks and the board refresh rewrite stale headers themselves and leave this out).
   */
  readonly pageHeaders?: readonly PageHeaderSnapshot[];
  /**
   * The Saved responses and Sign-off record sheets' used ranges (null when missing), when the
   * reader loaded them (the full Check does): a finalised workbook is checked against its
   * approved snapshot.
   */
  readonly signOff?: { readonly saved: RangeSnapshot | null; readonly record: RangeSnapshot | null };
}

/** One sheet's page header texts as Excel holds them (in header codes: a literal & is &&). */
export interface PageHeaderSnapshot {
  readonly sheet: string;
  readonly leftHeader: string;
  readonly centerHeader: string;
  readonly rightHeader: string;
  readonly leftFooter: string;
}

/** The value at a 1-based (row, column) of a range snapshot, '' outside it. */
export function valueAt(range: RangeSnapshot, row: number, column: number): SheetValue {
  return range.values[row - range.top]?.[column - range.left] ?? '';
}

export function formulaAt(range: RangeSnapshot, row: number, column: number): SheetValue {
  return range.formulas[row - range.top]?.[column - range.left] ?? '';
}

/** The last row a range covers. */
export function bottomOf(range: RangeSnapshot): number {
  return range.top + range.values.length - 1;
}

/**
 * Where each area column is on this sheet (1-based): found by its header in the header row, so
 * that a column the officer inserted or deleted (Excel moves the cells and the formulas with it)
 * does not make the add-in read a rating from the wrong column; where the sheet's layout puts it
 * when the header is not there. The layout is the one the header row shows: with the Guidance
 * column when its heading is there, without it otherwise (the draft's sheets, and every workbook
 * made before the column existed).
 */
export function areaColumnsOf(range: RangeSnapshot): (key: AreaColumnKey) => number {
  const found = headersOf(range);
  const layout = layoutOfHeaders(found);
  return (key) => found.get(areaColumnHeader(key).toLocaleLowerCase()) ?? fallback(layout, key);
}

/** The column of `key` in `layout`; for a column the layout lacks, one no sheet has (0). */
function fallback(layout: AreaLayout, key: AreaColumnKey): number {
  return layout.has(key) ? layout.column(key) : 0;
}

function headersOf(range: RangeSnapshot): Map<string, number> {
  const found = new Map<string, number>();
  const width = range.values[0]?.length ?? 0;
  for (let column = range.left; column < range.left + width; column++) {
    const header = valueAt(range, AREA_HEADER_ROW, column);
    const key = typeof header === 'string' ? header.trim().toLocaleLowerCase() : '';
    if (key !== '' && !found.has(key)) found.set(key, column);
  }
  return found;
}

function layoutOfHeaders(found: ReadonlyMap<string, number>): AreaLayout {
  return areaLayout(found.has(areaColumnHeader('guidance').toLocaleLowerCase()));
}

/** The layout an area sheet shows in its header row: with or without the Guidance column. */
export function areaLayoutOfSheet(range: RangeSnapshot): AreaLayout {
  return layoutOfHeaders(headersOf(range));
}

/**
 * Response rows of one area sheet: every row from the first data row with an id or an input in
 * it, with the criterion's text cell as found (where the organisation completes wording the
 * source lacks).
 */
export function responsesOfArea(range: RangeSnapshot): ResponseRow[] {
  const rows: ResponseRow[] = [];
  const quoted = quoteSheet(sheetName(range.sheet));
  const columnOf = areaColumnsOf(range);
  const textColumn = columnOf('text');
  for (let row = Math.max(AREA_FIRST_DATA_ROW, range.top); row <= bottomOf(range); row++) {
    const id = valueAt(range, row, columnOf('id'));
    const fields = Object.fromEntries(
      RESPONSE_FIELDS.map((f) => [f, valueAt(range, row, columnOf(f))]),
    ) as Record<ResponseField, SheetValue>;
    if (id === '' && RESPONSE_FIELDS.every((f) => fields[f] === '')) continue;
    const cells = Object.fromEntries(
      (['id', 'text', ...RESPONSE_FIELDS] as const).map((f) => [
        f,
        `${quoted}!${columnLetter(columnOf(f))}${row}`,
      ]),
    ) as Record<ResponseField | 'id' | 'text', string>;
    const text = valueAt(range, row, textColumn);
    rows.push({ criterionId: String(id).trim(), ...fields, text, cells });
  }
  return rows;
}

export function responsesOf(framework: Framework, snapshot: WorkbookSnapshot): ResponseRow[] {
  return framework.areas.flatMap((a) => {
    const range = snapshot.areas.get(a.number);
    return range ? responsesOfArea(range).map((row) => ({ ...row, area: a.number })) : [];
  });
}

/**
 * The settings the Start sheet holds, or the problems (naming the cell) that stop them being used.
 * The same values are refused here as by the Summary's formulas (`readSettings`): a blank, text
 * (even "80%"), TRUE/FALSE, a share that is not a whole percentage from 1% to 100%, and, when the
 * scale is given, a threshold that is not on it.
 */
export function settingsOf(
  snapshot: WorkbookSnapshot,
  layout: StartLayout,
  scale?: RatingScale,
): { settings: ScoringSettings | null; problems: string[] } {
  if (!snapshot.start) {
    return {
      settings: null,
      problems: [`The ${START_SHEET} sheet is missing, so the settings cannot be read.`],
    };
  }
  const raw = { metThreshold: snapshot.start.metThreshold, requiredShare: snapshot.start.requiredShare };
  // Without a scale only the type of the threshold is checked (the caller checks the scale).
  const read = readSettings(raw, scale ?? null);
  const problems = read.problems.map((p) => {
    const address = p.setting === 'metThreshold' ? layout.metThreshold : layout.requiredShare;
    const what =
      p.setting === 'metThreshold' ? 'the lowest rating that counts as met' : 'the share of criteria to meet';
    return `${START_SHEET}!${address} should hold ${p.expected}, ${what}; it holds ${describeSetting(raw[p.setting])}.`;
  });
  return { settings: read.settings, problems };
}

function describeSetting(value: SheetValue): string {
  if (value === '') return 'nothing';
  if (typeof value === 'string') return `the text ${JSON.stringify(value)}`;
  return String(value);
}

/**
 * A copy of `range` with rows from `top` replaced by fresh cells (each row as wide as `range`),
 * growing it when the rows run past its bottom. Used by live checks, which read only the rows
 * that changed.
 */
export function withRows(
  range: RangeSnapshot,
  top: number,
  values: readonly (readonly SheetValue[])[],
  formulas: readonly (readonly SheetValue[])[],
): RangeSnapshot {
  if (top < range.top) throw new RangeError(`rows from ${top} start above the range at row ${range.top}`);
  const width = range.values[0]?.length ?? 0;
  const blank = (): SheetValue[] => Array.from({ length: width }, () => '');
  const nextValues = range.values.map((r) => [...r]);
  const nextFormulas = range.formulas.map((r) => [...r]);
  values.forEach((line, i) => {
    const index = top - range.top + i;
    while (nextValues.length <= index) {
      nextValues.push(blank());
      nextFormulas.push(blank());
    }
    nextValues[index] = [...line];
    nextFormulas[index] = [...(formulas[i] ?? line)];
  });
  return { ...range, values: nextValues, formulas: nextFormulas };
}
