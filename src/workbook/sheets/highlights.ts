/**
 * Highlights on an area sheet for the problems a formula can see by itself, so they appear and
 * disappear as the officer types, with no add-in running (and in the .xlsx file too). Each
 * formula states one engine rule (src/domain/checks) for the first data row; Excel applies it
 * row by row. Tests evaluate them against the engine's checks, value by value
 * (test/excel/oneReading.test.ts) and at random (test/excel/highlights.test.ts).
 *
 * What no formula can see (a higher level met while a lower one in the same theme is not; rows
 * deleted, moved or copied) is named on the sheet as checked by the add-in (CHECKED_BY_ADD_IN).
 */
import { columnLetter, rect } from '../address';
import { AREA_FIRST_DATA_ROW, COUNTS_AS, areaLayout, type AreaColumnKey, type AreaLayout } from '../layout';
import type { HighlightSpec } from '../plan';
import { call, compare, formula, num, refTo, str, type Expr } from '../formula';
import { EXCEL_SERIAL_FIRST, EXCEL_SERIAL_LAST } from '../../domain';

/** The sheet's words for the rules only the add-in's Check can see. */
export const CHECKED_BY_ADD_IN =
  'Highlights: orange, a rating or review date the add-in cannot read; yellow, a warning. ' +
  'Checked by the add-in (Check in the pane), not highlighted: a higher level met while a lower ' +
  'one in the same theme is not, a criterion whose wording the source lacks still to be typed, ' +
  'and rows deleted, moved or copied.';

export const HIGHLIGHT_FILLS = {
  error: '#F8CBAD',
  warning: '#FFE699',
} as const;

/**
 * The highlights of an area sheet of `count` criteria, in its layout (without guidance when not
 * given: the draft's columns).
 */
export function areaHighlights(count: number, layout: AreaLayout = areaLayout(false)): HighlightSpec[] {
  // $G5: the column fixed, the row relative.
  const here = (key: AreaColumnKey) => refTo(`$${columnLetter(layout.column(key))}${AREA_FIRST_DATA_ROW}`);
  const counts = here('countsAs');
  const countsAs = (word: string) => compare(counts, '=', str(word));
  const blank = (key: AreaColumnKey) => compare(call('LEN', call('TRIM', here(key))), '=', num(0));
  const column = (key: AreaColumnKey) => rect(AREA_FIRST_DATA_ROW, layout.column(key), count, 1);
  return [
    {
      ruleId: 'rating-invalid',
      range: column('rating'),
      formula: formula(countsAs(COUNTS_AS.invalid)),
      fill: HIGHLIGHT_FILLS.error,
    },
    {
      ruleId: 'met-without-evidence',
      range: column('evidence'),
      formula: formula(call('AND', countsAs(COUNTS_AS.met), blank('evidence'))),
      fill: HIGHLIGHT_FILLS.warning,
    },
    {
      ruleId: 'na-without-reason',
      range: column('notes'),
      formula: formula(call('AND', countsAs(COUNTS_AS.na), blank('notes'))),
      fill: HIGHLIGHT_FILLS.warning,
    },
    {
      // readReviewDate (src/domain/dates.ts): anything but blank or a number Excel holds as a
      // date from 01/01/1901 to 31/12/9999 is an error, text that spells a date included.
      ruleId: 'review-date-invalid',
      range: column('reviewDate'),
      formula: formula(reviewDateInvalid(here('reviewDate'))),
      fill: HIGHLIGHT_FILLS.error,
    },
    {
      ruleId: 'review-date-past',
      range: column('reviewDate'),
      formula: formula(reviewDatePast(here('reviewDate'))),
      fill: HIGHLIGHT_FILLS.warning,
    },
  ];
}

/**
 * A number, not TRUE or FALSE: LibreOffice holds those as numbers (ISNUMBER(TRUE) is TRUE there),
 * Excel does not; the engine never reads a boolean as a date.
 */
function isPlainNumber(d: Expr): Expr {
  return call('AND', call('ISNUMBER', d), call('NOT', call('ISLOGICAL', d)));
}

/** An error value, a number outside Excel's dates, or anything else not blank (text, TRUE). */
function reviewDateInvalid(d: Expr): Expr {
  const outOfRange = call(
    'OR',
    compare(d, '<', num(EXCEL_SERIAL_FIRST)),
    compare(d, '>=', num(EXCEL_SERIAL_LAST + 1)),
  );
  // ISERROR first: any other test of an error value is an error, which a highlight reads as off.
  // It also gives the TRUE for that case (no TRUE() literal: the file's function list lacks it).
  return call(
    'IF',
    call('ISERROR', d),
    call('ISERROR', d),
    call('IF', isPlainNumber(d), outOfRange, compare(call('LEN', call('TRIM', d)), '>', num(0))),
  );
}

/** A date Excel holds as a date, before today (a time of day on today's date is not past). */
function reviewDatePast(d: Expr): Expr {
  return call(
    'IF',
    isPlainNumber(d),
    call('AND', compare(d, '>=', num(EXCEL_SERIAL_FIRST)), compare(d, '<', call('TODAY'))),
    call('FALSE'),
  );
}

/** The formula of a highlight as Excel evaluates it for another row of its range. */
export function highlightFormulaAt(spec: HighlightSpec, row: number): string {
  return spec.formula.replace(new RegExp(`(\\$[A-Z]+)${AREA_FIRST_DATA_ROW}(?![0-9])`, 'g'), `$1${row}`);
}
