/**
 * Applying certain fixes (a recognised near miss written in its exact form), only when the
 * officer asks, and only to cells that still hold what the check saw: a cell edited since the
 * check is left alone and reported. Two syncs whatever the number of fixes.
 */
import type { ExcelGateway, XlContext, XlRange } from './api';
import { asLiteralText } from './planCells';
import { splitCellReference } from '../workbook/address';
import type { CellFix } from '../workbook/audit';

export interface FixOutcome {
  readonly applied: readonly CellFix[];
  /** Cells whose content changed after the check: not touched. */
  readonly skipped: readonly CellFix[];
}

/** The cell a 'Sheet'!A1 reference names. */
function rangeOf(ctx: XlContext, reference: string): XlRange {
  const { sheet, address } = splitCellReference(reference);
  return ctx.workbook.worksheets.getItem(sheet).getRange(address);
}

export async function applyFixes(gateway: ExcelGateway, fixes: readonly CellFix[]): Promise<FixOutcome> {
  if (fixes.length === 0) return { applied: [], skipped: [] };
  return gateway.run(async (ctx) => {
    const ranges: [CellFix, XlRange][] = fixes.map((fix) => [fix, rangeOf(ctx, fix.cell).load('values')]);
    await ctx.sync();
    const applied: CellFix[] = [];
    const skipped: CellFix[] = [];
    for (const [fix, range] of ranges) {
      const now = range.values[0]?.[0];
      if (now !== (fix.found ?? '')) {
        skipped.push(fix);
        continue;
      }
      range.values = [[typeof fix.value === 'number' ? fix.value : asLiteralText(fix.value)]];
      applied.push(fix);
    }
    if (applied.length > 0) await ctx.sync();
    return { applied, skipped };
  });
}

/** Takes the officer to a cell: activates its sheet and selects it. One sync. */
export async function selectCell(gateway: ExcelGateway, reference: string): Promise<void> {
  await gateway.run(async (ctx) => {
    ctx.workbook.worksheets.getItem(splitCellReference(reference).sheet).activate();
    rangeOf(ctx, reference).select();
    await ctx.sync();
  });
}
