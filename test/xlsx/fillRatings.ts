/**
 * A copy of a plan with ratings typed into the rating cells, as an officer would fill them, so the
 * file can be checked with its formulas computing real assessments.
 */
import type { Framework } from '../../src/domain/framework/types';
import type { CellValue } from '../../src/domain/responses';
import { cell, parseRange } from '../../src/workbook/address';
import type { CellBlock, PlanCell, WorkbookPlan } from '../../src/workbook/plan';
import { areaCriteria, areaDataRows, areaLayoutOf } from '../../src/workbook/sheets/area';

/** A cell value as a plan cell: dates are not ratings anyone types, so they are refused. */
function asPlanCell(value: CellValue): PlanCell {
  if (value === undefined) return null;
  if (value instanceof Date) throw new RangeError('a rating cannot be a date in these tests');
  return value;
}

/** `ratings` by criterion id; criteria not listed stay blank. */
export function withRatings(
  plan: WorkbookPlan,
  framework: Framework,
  ratings: ReadonlyMap<string, CellValue>,
): WorkbookPlan {
  const sheets = plan.sheets.map((sheet) => {
    if (sheet.role !== 'area' || sheet.area === undefined) return sheet;
    const criteria = areaCriteria(framework, sheet.area);
    const { first } = areaDataRows(framework, sheet.area);
    const column = areaLayoutOf(framework, sheet.area).column('rating');
    const block: CellBlock = {
      at: cell(first, column),
      cells: criteria.map((c) => [asPlanCell(ratings.get(c.id) ?? null)]),
    };
    // The block must land on the planned rating cells, not merely somewhere in the column.
    const validation = sheet.validations.find((v) => v.kind === 'list');
    const at = validation && parseRange(validation.range);
    if (!at || at.row !== first || at.column !== column) {
      throw new Error(`${sheet.name}: the rating cells are not where the test expects them`);
    }
    return { ...sheet, blocks: [...sheet.blocks, block] };
  });
  return { ...plan, sheets };
}

/** What is written beside a rating: the evidence and the difference made. */
export interface Written {
  readonly evidence: CellValue;
  readonly difference: CellValue;
}

/** `written` by criterion id, typed into the evidence and difference made cells. */
export function withWritten(
  plan: WorkbookPlan,
  framework: Framework,
  written: ReadonlyMap<string, Written>,
): WorkbookPlan {
  const sheets = plan.sheets.map((sheet) => {
    if (sheet.role !== 'area' || sheet.area === undefined) return sheet;
    const criteria = areaCriteria(framework, sheet.area);
    const { first } = areaDataRows(framework, sheet.area);
    const layout = areaLayoutOf(framework, sheet.area);
    const blocks: CellBlock[] = (['evidence', 'difference'] as const).map((field) => ({
      at: cell(first, layout.column(field)),
      cells: criteria.map((c) => [asPlanCell(written.get(c.id)?.[field] ?? null)]),
    }));
    return { ...sheet, blocks: [...sheet.blocks, ...blocks] };
  });
  return { ...plan, sheets };
}
