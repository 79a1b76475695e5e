/**
 * Rewrites the plan's formulas, and only its formulas, on the area and Summary sheets: ratings,
 * notes and anything else the officer typed are not touched. Protected sheets are unprotected
 * for the write and protected again with the add-in's options. The plan's defined names that are
 * missing or hold #REF! (their sheet was deleted and put back: Excel never re-links them) are
 * defined again. Two syncs: the sheets with their protection state and the names, then the write.
 */
import type { ExcelGateway, XlContext, XlNamedItem, XlWorksheet } from './api';
import { protectSheet } from './applyPlan';
import { actualSheetName, hasSheet } from './inspect';
import { parseRange, rect } from '../workbook/address';
import { isFormula, type SheetPlan, type WorkbookPlan } from '../workbook/plan';
import { nameKey } from '../workbook/sheetNames';

/** Vertical runs of formula cells in a plan sheet: [top-left row, column, formulas]. */
export function formulaRuns(sheet: SheetPlan): { row: number; column: number; formulas: string[] }[] {
  const runs: { row: number; column: number; formulas: string[] }[] = [];
  for (const block of sheet.blocks) {
    const { row, column } = parseRange(block.at);
    const width = block.cells[0]?.length ?? 0;
    for (let c = 0; c < width; c++) {
      let current: { row: number; column: number; formulas: string[] } | undefined;
      block.cells.forEach((line, r) => {
        const value = line[c];
        if (value !== undefined && isFormula(value)) {
          if (!current) {
            current = { row: row + r, column: column + c, formulas: [] };
            runs.push(current);
          }
          current.formulas.push(value.formula);
        } else {
          current = undefined;
        }
      });
    }
  }
  return runs;
}

/** Defines again each plan name that is missing or broken and whose sheet exists; returns how many. */
function queueNameRepairs(
  ctx: XlContext,
  plan: WorkbookPlan,
  sheetNames: readonly string[],
  defined: readonly XlNamedItem[],
): number {
  const formulaOf = new Map(defined.map((n) => [nameKey(n.name), n.formula]));
  let count = 0;
  for (const name of plan.names) {
    const sheet = actualSheetName(sheetNames, name.sheet);
    const formula = formulaOf.get(nameKey(name.name));
    if (sheet === undefined || (formula !== undefined && !formula.includes('#REF!'))) continue;
    if (formula !== undefined) ctx.workbook.names.getItem(name.name).delete();
    ctx.workbook.names.add(
      name.name,
      ctx.workbook.worksheets.getItem(sheet).getRange(name.range),
      name.comment,
    );
    count += 1;
  }
  return count;
}

export async function repairFormulas(
  gateway: ExcelGateway,
  plan: WorkbookPlan,
): Promise<{ sheets: string[] }> {
  const targets = plan.sheets.filter((s) => s.role === 'area' || s.role === 'summary');
  return gateway.run(async (ctx) => {
    // One read: every sheet's name and whether it is protected.
    const all = ctx.workbook.worksheets.load('items/name, items/protection/protected');
    const definedNames = ctx.workbook.names.load('items/name, items/formula');
    await ctx.sync();
    const names = all.items.map((sheet) => sheet.name);
    const present = targets.filter((s) => hasSheet(names, s.name));
    const sheets: [SheetPlan, XlWorksheet][] = present.map((s) => [
      s,
      ctx.workbook.worksheets.getItem(s.name),
    ]);
    const protectedNow = present.map((s) => {
      const item = all.items[names.indexOf(actualSheetName(names, s.name) ?? '')];
      return item?.protection.protected === true;
    });
    sheets.forEach(([plan, sheet], i) => {
      const wasProtected = protectedNow[i] ?? false;
      if (wasProtected) sheet.protection.unprotect();
      for (const run of formulaRuns(plan)) {
        sheet.getRange(rect(run.row, run.column, run.formulas.length, 1)).formulas = run.formulas.map((f) => [
          f,
        ]);
      }
      if (wasProtected) protectSheet(sheet);
    });
    const brokenNames = queueNameRepairs(ctx, plan, names, definedNames.items);
    if (sheets.length > 0 || brokenNames > 0) await ctx.sync();
    return { sheets: present.map((s) => s.name) };
  });
}
