/**
 * A copy of a plan with ratings typed into the rating cells, as an officer would fill them, so the
 * file can be checked with its formulas computing real assessments.
 */
import type { Framework } from '../../src/domain/framework/types';
import type { CellValue } from '../../src/domain/responses';
import { cell, parseRange } from '../../src/workbook/address';
import { areaColumn } from '../../src/workbook/layout';
import type { CellBlock, PlanCell, WorkbookPlan } from '../../src/workbook/plan';
import { areaCriteria, areaDataRows } from '../../src/workbook/sheets/area';

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
    const block: CellBlock = {
      at: cell(first, areaColumn('rating')),
      cells: criteria.map((c) => [asPlanCell(ratings.get(c.id) ?? null)]),
    };
    // The block must land on the planned rating cells, not merely somewhere in the column.
    const validation = sheet.validations.find((v) => v.kind === 'list');
    if (!validation || parseRange(validation.range).row !== first) {
      throw new Error(`${sheet.name}: the rating cells are not where the test expects them`);
    }
    return { ...sheet, blocks: [...sheet.blocks, block] };
  });
  return { ...plan, sheets };
}
