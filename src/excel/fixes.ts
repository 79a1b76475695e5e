/**
 * Applying certain fixes (a recognised near miss written in its exact form, or a page header
 * brought back in step with the Start sheet), only when the officer asks, and only where the
 * workbook still holds what the check saw: a cell or header edited since the check is left alone
 * and reported. Two syncs whatever the number of fixes.
 */
import type { ExcelGateway, XlCellValue, XlContext, XlRange } from './api';
import { putBack, queueReread, type PutBack, type WatchedCell } from './coauthorGuard';
import { asLiteralText } from './planCells';
import { queueHeaderTexts, queueHeaderWrite } from './printedHeaders';
import { splitCellReference } from '../workbook/address';
import { isHeaderFix, type CellFix, type ProblemFix } from '../workbook/audit';
import type { HeaderFix } from '../workbook/staleHeaders';
import type { OwnWrite } from '../workbook/changeLog';

export interface FixOutcome {
  readonly applied: readonly ProblemFix[];
  /** Cells and headers whose content changed after the check: not touched. */
  readonly skipped: readonly ProblemFix[];
}

/** The cell a 'Sheet'!A1 reference names. */
function rangeOf(ctx: XlContext, reference: string): XlRange {
  const { sheet, address } = splitCellReference(reference);
  return ctx.workbook.worksheets.getItem(sheet).getRange(address);
}

/** Queues the reads a fix needs; after the sync, the returned function queues the write if it still applies. */
function queueFix(ctx: XlContext, fix: ProblemFix): () => boolean {
  return isHeaderFix(fix) ? queueHeaderFix(ctx, fix) : queueCellFix(ctx, fix);
}

function queueCellFix(ctx: XlContext, fix: CellFix): () => boolean {
  const range = rangeOf(ctx, fix.cell).load('values');
  return () => {
    if (range.values[0]?.[0] !== (fix.found ?? '')) return false;
    range.values = [[typeof fix.value === 'number' ? fix.value : asLiteralText(fix.value)]];
    return true;
  };
}

/** The cell a fix writes, as it was when the fixes were read (for the re-read in the write's batch). */
function watchedOf(fix: CellFix): WatchedCell {
  const { sheet, address } = splitCellReference(fix.cell);
  // A fix is offered only for a cell read from Excel, which never hands back a Date.
  const found = fix.found instanceof Date ? '' : fix.found;
  return { sheet, address, held: found ?? '' };
}

/** The cell a fix writes and what it holds afterwards, for the change log. */
function ownWriteOf(fix: CellFix): OwnWrite {
  const { sheet, address } = splitCellReference(fix.cell);
  return { sheet, cell: address, value: fix.value };
}

function queueHeaderFix(ctx: XlContext, fix: HeaderFix): () => boolean {
  const read = queueHeaderTexts(ctx, [fix.sheet]);
  return () => {
    const now = read()[0];
    if (now?.leftHeader !== fix.found.leftHeader || now.rightHeader !== fix.found.rightHeader) return false;
    queueHeaderWrite(ctx, fix.sheet, fix.who);
    return true;
  };
}

export interface FixOptions {
  /**
   * Told the cells about to be written, just before the write: the change log (changeLog.ts)
   * then records those changes as the add-in's rather than the officer's.
   */
  readonly beforeWrite?: (writes: readonly OwnWrite[]) => void;
}

export async function applyFixes(
  gateway: ExcelGateway,
  fixes: readonly ProblemFix[],
  options: FixOptions = {},
): Promise<FixOutcome> {
  if (fixes.length === 0) return { applied: [], skipped: [] };
  return gateway.run(async (ctx) => {
    const queued = fixes.map((fix) => [fix, queueFix(ctx, fix)] as const);
    await ctx.sync();
    const applied: ProblemFix[] = [];
    const skipped: ProblemFix[] = [];
    const cellFixes = queued.flatMap(([fix]) => (isHeaderFix(fix) ? [] : [fix]));
    // A co-author may edit a cell between the read above and the write: the write's batch loads
    // each cell first, so such an edit is known and put back, and the fix counts as skipped.
    const clashes = queueReread(ctx, cellFixes.map(watchedOf));
    for (const [fix, write] of queued) (write() ? applied : skipped).push(fix);
    options.beforeWrite?.(applied.flatMap((fix) => (isHeaderFix(fix) ? [] : [ownWriteOf(fix)])));
    if (applied.length === 0) return { applied, skipped };
    await ctx.sync();
    const overwritten = clashes().filter((c) => applied.some((fix) => sameCellFix(fix, c)));
    if (overwritten.length === 0) return { applied, skipped };
    await putBack(
      ctx,
      overwritten.map((c) => ({ ...c, wrote: wroteBy(applied, c), value: c.now })),
      options.beforeWrite
        ? { beforeWrite: (cells) => options.beforeWrite?.(cells.map(ownWriteOfPutBack)) }
        : {},
    );
    const kept = applied.filter((fix) => !overwritten.some((c) => sameCellFix(fix, c)));
    return { applied: kept, skipped: [...skipped, ...applied.filter((fix) => !kept.includes(fix))] };
  });
}

function sameCellFix(fix: ProblemFix, cell: { sheet: string; address: string }): boolean {
  if (isHeaderFix(fix)) return false;
  const at = splitCellReference(fix.cell);
  return at.sheet.toLowerCase() === cell.sheet.toLowerCase() && at.address === cell.address;
}

/** What the fix wrote into the cell, as Excel reads it back. */
function wroteBy(applied: readonly ProblemFix[], cell: { sheet: string; address: string }): XlCellValue {
  const fix = applied.find((f) => sameCellFix(f, cell));
  return fix && !isHeaderFix(fix) ? fix.value : '';
}

function ownWriteOfPutBack(write: PutBack): OwnWrite {
  return { sheet: write.sheet, cell: write.address, value: write.value };
}

/** Takes the officer to a cell: activates its sheet and selects it. One sync. */
export async function selectCell(gateway: ExcelGateway, reference: string): Promise<void> {
  await gateway.run(async (ctx) => {
    ctx.workbook.worksheets.getItem(splitCellReference(reference).sheet).activate();
    rangeOf(ctx, reference).select();
    await ctx.sync();
  });
}
