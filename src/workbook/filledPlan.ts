/**
 * A plan with an assessment's responses in it: the workbook as it stands, for "Download with
 * responses" in Maintain. Each criterion's first row of responses (the row that counts, as the
 * checks have it) goes into the six response cells of its row on its area sheet; the formulas,
 * highlights and Summary of the plan then work on them in the file as they do in the workbook.
 *
 * The wording the organisation typed for a criterion whose source text is absent or a fragment
 * goes into that criterion's text cell (still an input cell in the file). What is not in
 * `responses` is not carried: rows or columns the officer added, History snapshots. The view
 * says so beside the button.
 */
import {
  firstRowPerCriterion,
  ownWordingOf,
  slotOf,
  RESPONSE_FIELDS,
  calendarDateOf,
  excelSerialOf,
  type CellValue,
  type Framework,
  type ResponseRow,
} from '../domain';
import { cell } from './address';

import type { CellBlock, PlanCell, WorkbookPlan } from './plan';
import { areaCriteria, areaDataRows, areaLayoutOf } from './sheets/area';

/**
 * A value as read from Excel, as a plan cell. Text stays text (a plan string is always literal,
 * so "=1+3" typed as text is not turned into a formula); a Date becomes its serial number, which
 * the review-date column's date format shows as a date.
 */
export function planCellOf(value: CellValue): PlanCell {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : excelSerialOf(calendarDateOf(value));
  }
  return value;
}

export function withResponses(
  plan: WorkbookPlan,
  framework: Framework,
  responses: readonly ResponseRow[],
): WorkbookPlan {
  const first = firstRowPerCriterion(framework, responses);
  const sheets = plan.sheets.map((sheet) => {
    if (sheet.role !== 'area' || sheet.area === undefined) return sheet;
    const criteria = areaCriteria(framework, sheet.area);
    const top = areaDataRows(framework, sheet.area).first;
    const layout = areaLayoutOf(framework, sheet.area);
    const blocks: CellBlock[] = RESPONSE_FIELDS.map((field) => ({
      at: cell(top, layout.column(field)),
      cells: criteria.map((c) => [planCellOf(first.get(slotOf(c))?.[field])]),
    }));
    // Only the wording of criteria the source lacks: complete source text stays as the plan has it.
    criteria.forEach((c, i) => {
      const own = ownWordingOf(c, first.get(slotOf(c))?.text);
      if (own !== null) blocks.push({ at: cell(top + i, layout.column('text')), cells: [[own]] });
    });
    return { ...sheet, blocks: [...sheet.blocks, ...blocks] };
  });
  return { ...plan, sheets };
}
