/**
 * Highlights on an area sheet for the problems a formula can see by itself, so they appear and
 * disappear as the officer types, with no add-in running (and in the .xlsx file too). Each
 * formula states one engine rule (src/domain/checks) for the first data row; Excel applies it
 * row by row. Tests evaluate them against the engine's checks.
 */
import { columnLetter, rect } from '../address';
import { AREA_FIRST_DATA_ROW, COUNTS_AS, areaColumn, type AreaColumnKey } from '../layout';
import type { HighlightSpec } from '../plan';

export const HIGHLIGHT_FILLS = {
  error: '#F8CBAD',
  warning: '#FFE699',
} as const;

/** $G5: the column fixed, the row relative. */
function here(key: AreaColumnKey): string {
  return `$${columnLetter(areaColumn(key))}${AREA_FIRST_DATA_ROW}`;
}

export function areaHighlights(count: number): HighlightSpec[] {
  const counts = here('countsAs');
  const blank = (key: AreaColumnKey) => `LEN(TRIM(${here(key)}))=0`;
  const column = (key: AreaColumnKey) => rect(AREA_FIRST_DATA_ROW, areaColumn(key), count, 1);
  return [
    {
      ruleId: 'rating-invalid',
      range: column('rating'),
      formula: `=${counts}="${COUNTS_AS.invalid}"`,
      fill: HIGHLIGHT_FILLS.error,
    },
    {
      ruleId: 'met-without-evidence',
      range: column('evidence'),
      formula: `=AND(${counts}="${COUNTS_AS.met}",${blank('evidence')})`,
      fill: HIGHLIGHT_FILLS.warning,
    },
    {
      ruleId: 'na-without-reason',
      range: column('notes'),
      formula: `=AND(${counts}="${COUNTS_AS.na}",${blank('notes')})`,
      fill: HIGHLIGHT_FILLS.warning,
    },
    {
      ruleId: 'review-date-past',
      range: column('reviewDate'),
      formula: `=AND(ISNUMBER(${here('reviewDate')}),${here('reviewDate')}<TODAY())`,
      fill: HIGHLIGHT_FILLS.warning,
    },
  ];
}

/** The formula of a highlight as Excel evaluates it for another row of its range. */
export function highlightFormulaAt(spec: HighlightSpec, row: number): string {
  return spec.formula.replace(new RegExp(`(\\$[A-Z]+)${AREA_FIRST_DATA_ROW}(?![0-9])`, 'g'), `$1${row}`);
}
