/**
 * "Add a copy as a snapshot": another copy's approved (or current) responses added to this
 * workbook's Saved responses (decided by src/workbook/importedSnapshot.ts), so that Compare
 * periods can compare with it. Three syncs: the sheet names; the Saved responses sheet, the
 * Sign-off record and the Start sheet's names; the write. Nothing else is changed.
 */
import type { ExcelGateway } from './api';
import { actualSheetName, loadSheetNames } from './inspect';
import { queueSavedLoad, queueSavedWrite } from './savedResponsesWrite';
import { queueSignOffRecord } from './signOffRead';
import { isRefusal, refuse, type CalendarDate, type Framework, type Refusal } from '../domain';
import { importedSnapshot, type CopyRead, type ImportRefusal } from '../workbook/importedSnapshot';
import { START_SHEET } from '../workbook/layout';
import { printedForOf } from '../workbook/print';
import { startLayoutOf } from '../workbook/sheets/start';
import { reportSignOff } from '../workbook/signOff/report';

export type ImportOutcome =
  { readonly status: 'added'; readonly label: string } | Refusal<ImportRefusal | 'unreadable-saved'>;

export async function addSnapshotFromCopy(
  gateway: ExcelGateway,
  framework: Framework,
  copy: CopyRead,
  today: CalendarDate,
): Promise<ImportOutcome> {
  return gateway.run(async (ctx) => {
    const names = loadSheetNames(ctx);
    await ctx.sync();
    const sheetNames = names();
    const saved = queueSavedLoad(ctx, sheetNames);
    const signOff = queueSignOffRecord(ctx, sheetNames);
    const startName = actualSheetName(sheetNames, START_SHEET);
    const layout = startLayoutOf(framework);
    const start = startName
      ? {
          organisation: ctx.workbook.worksheets
            .getItem(startName)
            .getRange(layout.organisation)
            .load('values'),
          period: ctx.workbook.worksheets.getItem(startName).getRange(layout.period).load('values'),
        }
      : undefined;
    await ctx.sync();
    const loaded = saved();
    if (loaded && loaded.read.problems.length > 0) {
      return refuse(
        'unreadable-saved',
        'The Saved responses sheet cannot be read as it stands, so nothing was added: fix the cells named below, then try again.',
        loaded.read.problems,
      );
    }
    const taken = importedSnapshot(copy, loaded?.read.snapshots ?? [], today);
    if (isRefusal(taken)) return taken;
    const { snapshot } = taken;
    const { line } = reportSignOff(signOff());
    const who = printedForOf({
      organisation: start?.organisation.values[0]?.[0] ?? '',
      period: start?.period.values[0]?.[0] ?? '',
    });
    queueSavedWrite(ctx, loaded, [...(loaded?.read.snapshots ?? []), snapshot], who, line);
    await ctx.sync();
    return { status: 'added', label: snapshot.label };
  });
}
