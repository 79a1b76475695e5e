/**
 * Combining a colleague's copy: the writes decided by src/workbook/combineWrite.ts, made only
 * where every cell still holds what it held when the copies were compared. A cell a co-author
 * (or the officer, in another window) has changed since stops the whole write, naming the cells,
 * so that nobody's edit is overwritten. Three syncs: the sheet names and the cells; the archive's
 * extent; the writes.
 */
import type { ExcelGateway, XlRange } from './api';
import { queueSheetContent } from './applyPlan';
import { actualSheetName, loadSheetNames } from './inspect';
import { toExcelCell } from './planCells';
import { describeCellValue, refuse, sameCell, type Refusal } from '../domain';
import { quoteSheet, rect, sheetName } from '../workbook/address';
import type { OwnWrite } from '../workbook/changeLog';
import { isFormula } from '../workbook/plan';
import type { CombineWrite } from '../workbook/combineWrite';
import {
  ARCHIVE_COLUMNS,
  ARCHIVE_FIRST_ROW,
  ARCHIVE_SHEET,
  buildArchiveSheet,
} from '../workbook/sheets/archive';

export type CombineOutcome =
  | { readonly status: 'combined'; readonly written: number; readonly archived: number }
  /** Details: each cell that changed since the comparison, with what it holds now. */
  | Refusal<'changed-since' | 'no-row'>;

export interface CombineOptions {
  /** Told the cells just before they are written, so the change log names them as the add-in's. */
  readonly beforeWrite?: (writes: readonly OwnWrite[]) => void;
}

export async function applyCombination(
  gateway: ExcelGateway,
  write: CombineWrite,
  options: CombineOptions = {},
): Promise<CombineOutcome> {
  return gateway.run(async (ctx) => {
    const names = loadSheetNames(ctx);
    const targets = write.writes.map((w) => ({
      write: w,
      range: ctx.workbook.worksheets.getItem(w.sheet).getRange(w.address).load('values'),
    }));
    await ctx.sync();
    const changed = targets.filter((t) => !sameCell(t.range.values[0]?.[0] ?? '', t.write.held));
    if (changed.length > 0) {
      return refuse(
        'changed-since',
        `Nothing was combined: ${changed.length === 1 ? 'a cell' : `${changed.length} cells`} of this workbook changed after the copies were compared (a co-author may be editing). Compare again, then choose.`,
        changed.map(
          (t) =>
            `${quoteSheet(sheetName(t.write.sheet))}!${t.write.address} now holds ${describeCellValue(t.range.values[0]?.[0] ?? '')}; it held ${describeCellValue(t.write.held)}.`,
        ),
      );
    }
    const archiveName = actualSheetName(names(), ARCHIVE_SHEET);
    let nextRow = ARCHIVE_FIRST_ROW;
    let archive = archiveName ? ctx.workbook.worksheets.getItem(archiveName) : undefined;
    if (archive && write.archiveRows.length > 0) {
      const used: XlRange = archive.getUsedRange().load('rowIndex, rowCount');
      await ctx.sync();
      nextRow = Math.max(ARCHIVE_FIRST_ROW, used.rowIndex + used.rowCount + 1);
    }
    // The log compares what the cell holds afterwards: text as read back, without the apostrophe
    // that keeps it text on the way in.
    options.beforeWrite?.(
      targets.flatMap(({ write: w }) =>
        isFormula(w.value)
          ? []
          : [{ sheet: w.sheet, cell: w.address, value: w.value ?? '', by: 'add-in combine' as const }],
      ),
    );
    for (const t of targets) t.range.values = [[toExcelCell(t.write.value)]];
    if (write.archiveRows.length > 0) {
      if (!archive) {
        archive = ctx.workbook.worksheets.add(ARCHIVE_SHEET);
        queueSheetContent(archive, buildArchiveSheet([]));
      }
      archive.getRange(rect(nextRow, 1, write.archiveRows.length, ARCHIVE_COLUMNS.length)).values =
        write.archiveRows.map((row) => row.map(toExcelCell));
    }
    await ctx.sync();
    return { status: 'combined', written: write.writes.length, archived: write.archiveRows.length };
  });
}
