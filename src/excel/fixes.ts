/**
 * Applying certain fixes (a recognised near miss written in its exact form), only when the
 * officer asks, and only to cells that still hold what the check saw: a cell edited since the
 * check is left alone and reported. Two syncs whatever the number of fixes.
 */
import type { ExcelGateway, XlRange } from './api';
import { asLiteralText } from './planCells';
import { parseCell } from '../workbook/address';
import type { CellFix } from '../workbook/audit';
import { sheetOfCell } from '../workbook/audit';

export interface FixOutcome {
  readonly applied: readonly CellFix[];
  /** Cells whose content changed after the check: not touched. */
  readonly skipped: readonly CellFix[];
}

/** The A1 part of a 'Sheet'!A1 reference (checked to be a single cell). */
function addressOf(reference: string): string {
  const address = reference.slice(reference.lastIndexOf('!') + 1);
  parseCell(address);
  return address;
}

export async function applyFixes(gateway: ExcelGateway, fixes: readonly CellFix[]): Promise<FixOutcome> {
  if (fixes.length === 0) return { applied: [], skipped: [] };
  return gateway.run(async (ctx) => {
    const ranges: [CellFix, XlRange][] = fixes.map((fix) => [
      fix,
      ctx.workbook.worksheets.getItem(sheetOfCell(fix.cell)).getRange(addressOf(fix.cell)).load('values'),
    ]);
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
    const sheet = ctx.workbook.worksheets.getItem(sheetOfCell(reference));
    sheet.activate();
    sheet.getRange(addressOf(reference)).select();
    await ctx.sync();
  });
}
