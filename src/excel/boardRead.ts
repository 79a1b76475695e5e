/**
 * Everything the board report needs, read in two syncs whatever the framework's size: the sheet
 * names first (a missing sheet would fail the whole batch on hosts without ExcelApi 1.4), then,
 * in one batch, the snapshot (queueSnapshot: area sheets, Start settings, meta, Summary) together
 * with the Action plan, History, Saved responses and Sign-off record sheets and the board's "up
 * to date" cell.
 */
import type { XlContext, XlRange } from './api';
import { actualSheetName, loadSheetNames } from './inspect';
import { loadUsedRange, queueSnapshot, rangeSnapshot } from './snapshotReader';
import { assessmentFrom, type AssessmentRead } from './readAssessment';
import { startLayoutOf } from '../workbook/sheets/start';
import type { Framework } from '../domain';
import type { RangeSnapshot, SheetValue, WorkbookSnapshot } from '../workbook/snapshot';
import { ACTION_PLAN_SHEET } from '../workbook/sheets/actionPlan';
import { BOARD_SHEET, boardLayout } from '../workbook/sheets/board';
import { HISTORY_SHEET } from '../workbook/sheets/history';
import { SIGN_OFF_SHEET, readSignOffRecord, type SignOffRead } from '../workbook/sheets/signOffRecord';
import { queueSavedLoad, type SavedLoaded } from './savedResponsesWrite';

export interface ReportRead {
  readonly assessment: AssessmentRead;
  readonly sheetNames: readonly string[];
  readonly actionPlan: RangeSnapshot | null;
  readonly history: RangeSnapshot | null;
  /** What the board's status cell says now, or null when there is no board yet. */
  readonly boardStatus: SheetValue | null;
  /** The Saved responses sheet, when the workbook has one. */
  readonly saved: SavedLoaded | null;
  /** The Sign-off record as read, when the workbook has one. */
  readonly signOff: SignOffRead | null;
}

export async function readReport(ctx: XlContext, framework: Framework): Promise<ReportRead> {
  const names = loadSheetNames(ctx);
  await ctx.sync();
  const sheetNames = names();
  const present = (wanted: string) => actualSheetName(sheetNames, wanted);
  const used = (wanted: string) => {
    const name = present(wanted);
    return name ? { sheet: name, range: loadUsedRange(ctx, name) } : null;
  };

  const finishSnapshot = queueSnapshot(ctx, framework, startLayoutOf(framework), sheetNames);
  const actionPlan = used(ACTION_PLAN_SHEET);
  const history = used(HISTORY_SHEET);
  const saved = queueSavedLoad(ctx, sheetNames);
  const signOff = used(SIGN_OFF_SHEET);
  const boardName = present(BOARD_SHEET);
  const status = boardName
    ? ctx.workbook.worksheets
        .getItem(boardName)
        .getRange(boardLayout(framework.areas.length, framework.levels.length).status)
        .load('values')
    : null;
  await ctx.sync();

  const first = (range: XlRange | null): SheetValue => range?.values[0]?.[0] ?? '';
  const snap = (entry: { sheet: string; range: XlRange } | null) =>
    entry ? rangeSnapshot(entry.sheet, entry.range) : null;
  const snapshot: WorkbookSnapshot = finishSnapshot();
  return {
    assessment: assessmentFrom(framework, snapshot),
    sheetNames,
    actionPlan: snap(actionPlan),
    history: snap(history),
    boardStatus: status ? first(status) : null,
    saved: saved(),
    signOff: signOff ? readSignOffRecord(rangeSnapshot(signOff.sheet, signOff.range)) : null,
  };
}
