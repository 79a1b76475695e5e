/**
 * Everything the board report needs, read in two syncs whatever the framework's size: the sheet
 * names first (a missing sheet would fail the whole batch on hosts without ExcelApi 1.4), then,
 * in one batch, what readSnapshot reads (area sheets, Start settings, meta, Summary) together with
 * the Action plan and History sheets and the board's "up to date" cell. It follows the same
 * shape as snapshotReader.ts rather than calling it, because readSnapshot syncs by itself and the
 * report's extra ranges would cost a third sync.
 */
import type { XlContext, XlRange } from './api';
import { META_BLOCK, loadSheetNames } from './inspect';
import { loadUsedRange, rangeSnapshot } from './snapshotReader';
import { assessmentFrom, startLayoutOf, type AssessmentRead } from './readAssessment';
import type { Framework } from '../domain/framework/types';
import { META_SHEET, START_SHEET, SUMMARY_SHEET } from '../workbook/layout';
import type { RangeSnapshot, SheetValue, WorkbookSnapshot } from '../workbook/snapshot';
import { ACTION_PLAN_SHEET } from '../workbook/sheets/actionPlan';
import { BOARD_SHEET, boardLayout } from '../workbook/sheets/board';
import { HISTORY_SHEET } from '../workbook/sheets/history';

export interface ReportRead {
  readonly assessment: AssessmentRead;
  readonly sheetNames: readonly string[];
  readonly actionPlan: RangeSnapshot | null;
  readonly history: RangeSnapshot | null;
  /** What the board's status cell says now, or null when there is no board yet. */
  readonly boardStatus: SheetValue | null;
}

/** The workbook's own spelling of a sheet name (Excel matches names without regard to case). */
export function actualSheetName(names: readonly string[], wanted: string): string | undefined {
  return names.find((n) => n.toLocaleLowerCase() === wanted.toLocaleLowerCase());
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

  const metaName = present(META_SHEET);
  const meta = metaName
    ? ctx.workbook.worksheets.getItem(metaName).getRange(META_BLOCK).load('values')
    : null;
  const areas = new Map(framework.areas.map((a) => [a.number, used(a.shortName)]));
  const summary = used(SUMMARY_SHEET);
  const startName = present(START_SHEET);
  const start = startLayoutOf(framework);
  const startCell = (address: string) =>
    startName ? ctx.workbook.worksheets.getItem(startName).getRange(address).load('values') : null;
  const startCells = {
    organisation: startCell(start.organisation),
    period: startCell(start.period),
    metThreshold: startCell(start.metThreshold),
    requiredShare: startCell(start.requiredShare),
  };
  const actionPlan = used(ACTION_PLAN_SHEET);
  const history = used(HISTORY_SHEET);
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
  const snapshot: WorkbookSnapshot = {
    sheetNames,
    meta: meta ? meta.values : null,
    areas: new Map([...areas].map(([area, entry]) => [area, snap(entry)])),
    start: startName
      ? {
          organisation: first(startCells.organisation),
          period: first(startCells.period),
          metThreshold: first(startCells.metThreshold),
          requiredShare: first(startCells.requiredShare),
        }
      : null,
    summary: snap(summary),
  };
  return {
    assessment: assessmentFrom(framework, snapshot),
    sheetNames,
    actionPlan: snap(actionPlan),
    history: snap(history),
    boardStatus: status ? first(status) : null,
  };
}
