/**
 * After a snapshot is saved, its History row notes how many logged changes it covers (the rules:
 * src/workbook/snapshotCoverage.ts). Three syncs: the History sheet and the Change log's extent;
 * the log's field column since the snapshot before; the note. Nothing is written where the
 * workbook keeps no change log or the History sheet has no row for today (the save said why).
 */
import type { ExcelGateway, XlRange } from './api';
import { protectSheet } from './applyPlan';
import { actualSheetName, loadSheetNames } from './inspect';
import { loadUsedRange, rangeSnapshot } from './snapshotReader';
import type { CalendarDate, Framework, SnapshotCoverage } from '../domain';
import { cell } from '../workbook/address';
import {
  coverageFrom,
  coverageRange,
  firstUncoveredRow,
  todaysHistoryRow,
} from '../workbook/snapshotCoverage';
import { CHANGE_LOG_SHEET } from '../workbook/sheets/changeLog';
import { coverageText, HISTORY_SHEET, historyEntriesFrom } from '../workbook/sheets/history';

export type CoverageOutcome =
  | { readonly status: 'noted'; readonly coverage: SnapshotCoverage }
  /** No Change log sheet, or no History row for today, or the History sheet could not be read. */
  | { readonly status: 'not-noted'; readonly why: string };

export async function noteSnapshotCoverage(
  gateway: ExcelGateway,
  framework: Framework,
  today: CalendarDate,
): Promise<CoverageOutcome> {
  return gateway.run(async (ctx) => {
    const names = loadSheetNames(ctx);
    await ctx.sync();
    const historyName = actualSheetName(names(), HISTORY_SHEET);
    const logName = actualSheetName(names(), CHANGE_LOG_SHEET);
    if (!historyName) return { status: 'not-noted', why: `there is no ${HISTORY_SHEET} sheet` };
    if (!logName) return { status: 'not-noted', why: 'no change log is kept in this workbook' };
    const historySheet = ctx.workbook.worksheets.getItem(historyName);
    const history = loadUsedRange(ctx, historyName);
    const protection = historySheet.protection.load('protected');
    const log: XlRange = ctx.workbook.worksheets.getItem(logName).getUsedRange().load('rowIndex, rowCount');
    await ctx.sync();

    const snapshot = rangeSnapshot(historyName, history);
    const read = historyEntriesFrom(framework, snapshot);
    const row = todaysHistoryRow(snapshot, framework.areas.length, today);
    if (read.problems.length > 0 || !row) {
      return {
        status: 'not-noted',
        why: read.problems[0] ?? `the ${HISTORY_SHEET} sheet has no row for today`,
      };
    }
    const first = firstUncoveredRow(read.entries, today);
    const bottom = log.rowIndex + log.rowCount;
    const address = coverageRange(first, bottom);
    let fields: XlRange | undefined;
    if (address) {
      fields = ctx.workbook.worksheets.getItem(logName).getRange(address).load('values');
      await ctx.sync();
    }
    const coverage = coverageFrom(first, bottom, fields ? fields.values.map((r) => r[0] ?? '') : []);
    // The History sheet is protected like every report sheet: off for the one cell, back on.
    if (protection.protected) historySheet.protection.unprotect();
    historySheet.getRange(cell(row.row, row.noteColumn)).values = [[coverageText(coverage)]];
    if (protection.protected) protectSheet(historySheet);
    await ctx.sync();
    return { status: 'noted', coverage };
  });
}
