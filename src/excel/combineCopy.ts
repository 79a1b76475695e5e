/**
 * Combining a colleague's copy: the writes decided by src/workbook/combineWrite.ts, made only
 * where every cell still holds what it held when the copies were compared. A cell a co-author
 * (or the officer, in another window) has changed since stops the whole write, naming the cells,
 * so that nobody's edit is overwritten.
 *
 * Syncs: the sheet names and the cells (re-read); the archive's extent; then the archive rows and
 * the cell writes. Where the text is long (many criteria with pages of evidence), the re-read and
 * the writes go in several batches, each under src/workbook/requestSize.ts's budget, so that no
 * request or response passes Excel on the web's 5 MB. The archive rows are written before any
 * cell, so at every point between two syncs what a write replaces is already archived.
 */
import type { ExcelGateway, XlContext, XlRange } from './api';
import { queueSheetContent } from './applyPlan';
import { actualSheetName, loadSheetNames } from './inspect';
import { toExcelCell } from './planCells';
import { describeCellValue, refuse, sameCell, type Refusal } from '../domain';
import { quoteSheet, rect, sheetName } from '../workbook/address';
import type { OwnWrite } from '../workbook/changeLog';
import type { CellWrite, CombineWrite } from '../workbook/combineWrite';
import { isFormula, type PlanCell } from '../workbook/plan';
import { inBatches, jsonSizeOf } from '../workbook/requestSize';
import {
  ARCHIVE_COLUMNS,
  ARCHIVE_FIRST_ROW,
  ARCHIVE_SHEET,
  buildArchiveSheet,
} from '../workbook/sheets/archive';

export type CombineOutcome =
  | {
      readonly status: 'combined';
      readonly written: number;
      readonly archived: number;
      /** Syncs the writes took (one unless the text was long enough to need several requests). */
      readonly writeBatches: number;
    }
  /** Details: each cell that changed since the comparison, with what it holds now. */
  | Refusal<'changed-since' | 'no-row'>;

export interface CombineOptions {
  /** Told the cells just before they are written, so the change log names them as the add-in's. */
  readonly beforeWrite?: (writes: readonly OwnWrite[]) => void;
  /** The largest batch, in bytes of its JSON; src/workbook/requestSize.ts's budget by default. */
  readonly batchBytes?: number;
}

interface Target {
  readonly write: CellWrite;
  readonly range: XlRange;
}

export async function applyCombination(
  gateway: ExcelGateway,
  write: CombineWrite,
  options: CombineOptions = {},
): Promise<CombineOutcome> {
  return gateway.run(async (ctx) => {
    const names = loadSheetNames(ctx);
    // What a cell holds now is expected to be what it held when compared: its size as read.
    const reads = inBatches(write.writes, (w) => jsonSizeOf(w.held), options.batchBytes);
    const targets: Target[] = [];
    for (const batch of reads.length > 0 ? reads : [[]]) {
      targets.push(...batch.map((w) => ({ write: w, range: rangeOf(ctx, w).load('values') })));
      await ctx.sync();
    }
    const changed = targets.filter((t) => !sameCell(t.range.values[0]?.[0] ?? '', t.write.held));
    if (changed.length > 0) return changedSince(changed);

    const archiveName = actualSheetName(names(), ARCHIVE_SHEET);
    let nextRow = ARCHIVE_FIRST_ROW;
    let archive = archiveName ? ctx.workbook.worksheets.getItem(archiveName) : undefined;
    if (archive && write.archiveRows.length > 0) {
      const used: XlRange = archive.getUsedRange().load('rowIndex, rowCount');
      await ctx.sync();
      nextRow = Math.max(ARCHIVE_FIRST_ROW, used.rowIndex + used.rowCount + 1);
    }
    let batches = 0;
    for (const rows of inBatches(write.archiveRows, jsonSizeOf, options.batchBytes)) {
      if (!archive) {
        archive = ctx.workbook.worksheets.add(ARCHIVE_SHEET);
        queueSheetContent(archive, buildArchiveSheet([]));
      }
      archive.getRange(rect(nextRow, 1, rows.length, ARCHIVE_COLUMNS.length)).values = rows.map((row) =>
        row.map(toExcelCell),
      );
      nextRow += rows.length;
      await ctx.sync();
      batches += 1;
    }
    // The log compares what the cell holds afterwards: text as read back, without the apostrophe
    // that keeps it text on the way in.
    options.beforeWrite?.(write.writes.flatMap(ownWriteOf));
    for (const batch of inBatches(targets, (t) => jsonSizeOf(t.write.value), options.batchBytes)) {
      for (const t of batch) t.range.values = [[toExcelCell(t.write.value)]];
      await ctx.sync();
      batches += 1;
    }
    return {
      status: 'combined',
      written: write.writes.length,
      archived: write.archiveRows.length,
      writeBatches: batches,
    };
  });
}

function rangeOf(ctx: XlContext, w: CellWrite): XlRange {
  return ctx.workbook.worksheets.getItem(w.sheet).getRange(w.address);
}

function ownWriteOf(w: CellWrite): OwnWrite[] {
  const value: PlanCell = w.value;
  return isFormula(value)
    ? []
    : [{ sheet: w.sheet, cell: w.address, value: value ?? '', by: 'add-in combine' }];
}

function changedSince(changed: readonly Target[]): Refusal<'changed-since'> {
  return refuse(
    'changed-since',
    `Nothing was combined: ${changed.length === 1 ? 'a cell' : `${changed.length} cells`} of this workbook changed after the copies were compared (a co-author may be editing). Compare again, then choose.`,
    changed.map(
      (t) =>
        `${quoteSheet(sheetName(t.write.sheet))}!${t.write.address} now holds ${describeCellValue(t.range.values[0]?.[0] ?? '')}; it held ${describeCellValue(t.write.held)}.`,
    ),
  );
}
