/**
 * Reads a WorkbookSnapshot in two syncs whatever the framework's size: the sheet names first
 * (a missing sheet would fail the whole batch, and `getItemOrNullObject` needs ExcelApi 1.4),
 * then the meta block, every area sheet's and the Summary's used range, and the Start settings.
 */
import type { XlContext, XlRange } from './api';
import { META_BLOCK, actualSheetName, hasSheet, loadSheetNames } from './inspect';
import type { Framework } from '../domain';
import { META_SHEET, START_SHEET, SUMMARY_SHEET } from '../workbook/layout';
import type { RangeSnapshot, SheetValue, WorkbookSnapshot } from '../workbook/snapshot';
import type { StartLayout } from '../workbook/sheets/start';

export function loadUsedRange(ctx: XlContext, sheet: string): XlRange {
  return ctx.workbook.worksheets
    .getItem(sheet)
    .getUsedRange()
    .load('values, formulas, rowIndex, columnIndex');
}

export function rangeSnapshot(sheet: string, range: XlRange): RangeSnapshot {
  return {
    sheet,
    top: range.rowIndex + 1,
    left: range.columnIndex + 1,
    values: range.values,
    formulas: range.formulas,
  };
}

/**
 * Queues, without syncing, the loads of a snapshot of a workbook whose sheet names are known;
 * returns the function that assembles the snapshot after the caller's sync. Callers that need more
 * (the board report) queue their own loads in the same batch.
 */
export function queueSnapshot(
  ctx: XlContext,
  framework: Framework,
  start: StartLayout,
  sheetNames: readonly string[],
): () => WorkbookSnapshot {
  const metaName = actualSheetName(sheetNames, META_SHEET);
  const meta = metaName
    ? ctx.workbook.worksheets.getItem(metaName).getRange(META_BLOCK).load('values')
    : undefined;
  const areaRanges = new Map<number, { sheet: string; range: XlRange } | null>();
  for (const area of framework.areas) {
    const name = actualSheetName(sheetNames, area.shortName);
    areaRanges.set(area.number, name ? { sheet: name, range: loadUsedRange(ctx, name) } : null);
  }
  const summaryName = actualSheetName(sheetNames, SUMMARY_SHEET);
  const summary = summaryName ? loadUsedRange(ctx, summaryName) : undefined;
  const startSheet = hasSheet(sheetNames, START_SHEET)
    ? ctx.workbook.worksheets.getItem(START_SHEET)
    : undefined;
  const startCell = (address: string) => startSheet?.getRange(address).load('values');
  const startCells = startSheet
    ? {
        organisation: startCell(start.organisation),
        period: startCell(start.period),
        metThreshold: startCell(start.metThreshold),
        requiredShare: startCell(start.requiredShare),
      }
    : undefined;

  return () => {
    const first = (range: XlRange | undefined): SheetValue => range?.values[0]?.[0] ?? '';
    return {
      sheetNames,
      meta: meta ? meta.values : null,
      areas: new Map(
        [...areaRanges].map(([area, entry]) => [
          area,
          entry ? rangeSnapshot(entry.sheet, entry.range) : null,
        ]),
      ),
      start: startCells
        ? {
            organisation: first(startCells.organisation),
            period: first(startCells.period),
            metThreshold: first(startCells.metThreshold),
            requiredShare: first(startCells.requiredShare),
          }
        : null,
      summary: summary && summaryName ? rangeSnapshot(summaryName, summary) : null,
    };
  };
}

export async function readSnapshot(
  ctx: XlContext,
  framework: Framework,
  start: StartLayout,
): Promise<WorkbookSnapshot> {
  const names = loadSheetNames(ctx);
  await ctx.sync();
  const finish = queueSnapshot(ctx, framework, start, names());
  await ctx.sync();
  return finish();
}
