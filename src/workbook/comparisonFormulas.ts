/**
 * The formulas of the Period comparison sheet: counts over the Saved responses sheet's rows of one
 * snapshot (found by its label), and the same level rule as the Summary over those counts
 * (ratingFormulas.ts). Each criterion counts as its Status cell says, as the engine judged it
 * when the snapshot was saved; the required share is the Start sheet's, as on the Summary.
 *
 * Each saved row is matched to a label once, in a key cell beside it on the comparison sheet
 * (`rowKey`): the row's area and level as one number when its label is the side's, else blank.
 * The label is matched with EXACT, as the add-in matches it: COUNTIFS on the label itself would
 * read "2026-12-03" as a date and "<x" or "a*" as a condition, and "=" ignores case. The counts
 * are then COUNTIFS on the key, a number, and on the status.
 */
import { absolute, cell, rect, ref, type A1 } from './address';
import { arith, call, num, refTo, str, type Expr } from './formula';
import {
  SAVED_FIRST_ROW,
  SAVED_RESPONSES_SHEET,
  savedColumn,
  type SavedColumnKey,
  type SavedStatus,
} from './sheets/savedResponses';

/**
 * Rows past the last snapshot that the formulas also cover, so snapshots saved later (about ten
 * of a hundred criteria) are found when the officer types their label; "Compare periods" again
 * covers every row there is.
 */
export const SPARE_SAVED_ROWS = 1000;

/** Areas and levels are numbered below this, so area × KEY_BASE + level names one area's level. */
const KEY_BASE = 1000;

/** The rows of the Saved responses sheet the formulas cover: the first data row to the spare rows after the last. */
export function savedRowSpan(
  lastRow: number,
  spare: number = SPARE_SAVED_ROWS,
): { readonly first: number; readonly last: number } {
  return { first: SAVED_FIRST_ROW, last: Math.max(lastRow, SAVED_FIRST_ROW) + spare };
}

function savedCell(key: SavedColumnKey, row: number): Expr {
  return refTo(ref(SAVED_RESPONSES_SHEET, absolute(cell(row, savedColumn(key)))));
}

/** The Status column over the span, for COUNTIFS beside a key column of the same rows. */
export function savedStatusRange(span: { readonly first: number; readonly last: number }): Expr {
  const rows = span.last - span.first + 1;
  return refTo(ref(SAVED_RESPONSES_SHEET, absolute(rect(span.first, savedColumn('status'), rows, 1))));
}

/** The key of saved row `row` for the snapshot labelled as `label` says: area × 1000 + level, or "". */
export function rowKey(row: number, label: A1): Expr {
  return call(
    'IF',
    call('EXACT', savedCell('snapshot', row), refTo(absolute(label))),
    arith(savedCell('area', row), ['*', num(KEY_BASE)], ['+', savedCell('level', row)]),
    str(''),
  );
}

const STATUS: Readonly<Record<'met' | 'na', SavedStatus>> = { met: 'Met', na: 'N/A' };

/** How many saved rows carry the side's label (their keys are numbers). */
export function rowsFound(keys: A1): Expr {
  return call('COUNT', refTo(keys));
}

/** Criteria of the side's snapshot at `level` in `area` not marked not applicable. */
export function savedApplicableAt(keys: A1, status: Expr, area: number, level: number): Expr {
  return call('COUNTIFS', refTo(keys), num(area * KEY_BASE + level), status, str(`<>${STATUS.na}`));
}

/** Criteria of the side's snapshot at `level` in `area` counted as met when it was saved. */
export function savedMetAt(keys: A1, status: Expr, area: number, level: number): Expr {
  return call('COUNTIFS', refTo(keys), num(area * KEY_BASE + level), status, str(STATUS.met));
}
