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
    // Text written through `values` becomes a date only in a locale-neutral form: the d.ts comment
    // on Range.values says locale-shaped strings are stored as text, ISO (YYYY-MM-DD) as a date.
    dateFormats: ['YYYY-MM-DD'],
  });
  keepFullPrecision(engine);
  // A bare TRUE/FALSE in a formula is #NAME? in HyperFormula unless named.
  engine.addNamedExpression('TRUE', '=TRUE()');
  engine.addNamedExpression('FALSE', '=FALSE()');
  return engine;
}

/**
 * Excel's JavaScript API hands back results as full IEEE doubles (`=0.1+0.2` reads
 * 0.30000000000000004), but HyperFormula's exporter rounds every number to `precisionRounding`
 * (10) significant digits when `smartRounding` is on. Turning `smartRounding` off would also make
 * comparisons and sums near zero exact, where Excel is tolerant (`=0.5-0.4-0.1` is 0 in Excel; see
 * Microsoft's "Floating-point arithmetic may give inaccurate results in Excel"). So arithmetic keeps
 * HyperFormula's tolerance and only the exporter's rounding is switched off. The conformance suite
 * (test/platform/conformance.test.ts) fails if a HyperFormula upgrade moves this internal.
 */
function keepFullPrecision(engine: HyperFormula): void {
  const internals = engine as unknown as { _exporter?: { cellValueRounding?: (value: number) => number } };
  const exporter = internals._exporter;
  if (!exporter || typeof exporter.cellValueRounding !== 'function') {
    throw new Error('HyperFormula no longer has _exporter.cellValueRounding: update keepFullPrecision().');
  }
  exporter.cellValueRounding = (value: number) => value;
}

/** What Office's `values` hands back for an engine value: errors as their text, empty as ''. */
export function toXlValue(value: unknown): XlCellValue {
  if (value === null || value === undefined) return '';
  if (value instanceof DetailedCellError) return value.value;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}
