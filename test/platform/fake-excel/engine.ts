/**
 * The formula engine behind the fake: one HyperFormula instance per workbook, configured to
 * behave like Excel (settings from /work/shared/platform-facts.md).
 */
import { DetailedCellError, HyperFormula } from 'hyperformula';
import type { XlCellValue } from '../../../src/excel/api';

export function createEngine(): HyperFormula {
  const engine = HyperFormula.buildEmpty({
    licenseKey: 'gpl-v3',
    // Without it SUMPRODUCT over comparisons is #VALUE!.
    useArrayArithmetic: true,
    // Excel reads an empty cell in arithmetic as 0.
    evaluateNullToZero: true,
    // Excel's serial dates count the non-existent 29/02/1900, with day 1 = 01/01/1900.
    leapYear1900: true,
    nullDate: { year: 1899, month: 12, day: 31 },
    localeLang: 'en-US',
  });
  // A bare TRUE/FALSE in a formula is #NAME? in HyperFormula unless named.
  engine.addNamedExpression('TRUE', '=TRUE()');
  engine.addNamedExpression('FALSE', '=FALSE()');
  return engine;
}

/** What Office's `values` hands back for an engine value: errors as their text, empty as ''. */
export function toXlValue(value: unknown): XlCellValue {
  if (value === null || value === undefined) return '';
  if (value instanceof DetailedCellError) return value.value;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}
