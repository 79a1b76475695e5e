/**
 * "Start next period" reads the open workbook in two syncs whatever its size: the sheet names,
 * then in one batch the snapshot the Check reads (area sheets, Start settings, meta, Summary) with
 * the Snapshot history, Saved responses and Change log sheets. Only loading happens here, and
 * nothing is written: src/workbook/rollForward.ts plans the new workbook from these values.
 */
import type { ExcelGateway } from './api';
import { actualSheetName, loadSheetNames } from './inspect';
import { loadUsedRange, queueSnapshot, rangeSnapshot } from './snapshotReader';
import type { Framework } from '../domain';
import type { NextPeriodSource } from '../workbook/rollForward';
import { CHANGE_LOG_SHEET } from '../workbook/sheets/changeLog';
import { HISTORY_SHEET } from '../workbook/sheets/history';
import { SAVED_RESPONSES_SHEET } from '../workbook/sheets/savedResponses';
import { startLayoutOf } from '../workbook/sheets/start';

export function readForNextPeriod(gateway: ExcelGateway, framework: Framework): Promise<NextPeriodSource> {
  return gateway.run(async (ctx) => {
    const names = loadSheetNames(ctx);
    await ctx.sync();
    const sheetNames = names();
    const finish = queueSnapshot(ctx, framework, startLayoutOf(framework), sheetNames);
    const used = (wanted: string) => {
      const name = actualSheetName(sheetNames, wanted);
      return name ? { name, range: loadUsedRange(ctx, name) } : null;
    };
    const history = used(HISTORY_SHEET);
    const saved = used(SAVED_RESPONSES_SHEET);
    const changeLog = used(CHANGE_LOG_SHEET);
    await ctx.sync();
    const snap = (loaded: ReturnType<typeof used>) =>
      loaded ? rangeSnapshot(loaded.name, loaded.range) : null;
    return {
      framework,
      snapshot: finish(),
      history: snap(history),
      saved: snap(saved),
      changeLog: snap(changeLog),
    };
  });
}
