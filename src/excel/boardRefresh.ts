/**
 * Refreshing the board report, and saving a snapshot, in three syncs whatever the framework's
 * size: two to read (boardRead.ts), one to write. The Board summary, Action plan and (for a
 * snapshot) History sheets are rebuilt whole from what was read: the old sheet is deleted and the
 * new one added in the same batch and moved back beside the Summary. Rebuilding rather than
 * patching keeps one code path for a first refresh and a later one, and the rows the officer typed
 * are carried by reading them first (the action plan by criterion id, the history row by row).
 */
import type { ExcelGateway } from './api';
import { queuePlan } from './applyPlan';
import { carryIntoReport, queueTypedReread } from './boardCoauthors';
import { printedForOf, queueHeaderReads } from './printedHeaders';
import { readReport, type ReportRead } from './boardRead';
import { actualSheetName } from './inspect';
import { queueSavedWrite } from './savedResponsesWrite';
import { reportSignOff } from '../workbook/signOff/report';
import { savedSnapshotOf, withSavedSnapshot, type SavedSnapshot } from '../workbook/sheets/savedResponses';

import { startLayoutOf } from '../workbook/sheets/start';
import {
  actionList,
  compareDates,
  type CalendarDate,
  type Framework,
  boardFigures,
  boardNarrative,
  historyEntryOf,
  latestEntry,
  mergeActionPlan,
  topActions,
  type ActionPlanEntry,
  type BoardFigures,
  type HistoryEntry,
  score,
  type AssessmentResult,
  withCompletedText,
  isRefusal,
  refuse,
  type Refusal,
} from '../domain';
import { LAYOUT_VERSION, SUMMARY_SHEET } from '../workbook/layout';
import { sameSheet, sheetKey, sheetKeys } from '../workbook/sheetNames';
import type { ChartPlan, SheetPlan, WorkbookPlan } from '../workbook/plan';
import { areaColumnsOf, valueAt } from '../workbook/snapshot';
import {
  ACTION_PLAN_SHEET,
  buildActionPlanSheet,
  typedActionsFrom,
  unmatchedRows,
} from '../workbook/sheets/actionPlan';
import { areaDataRows } from '../workbook/sheets/area';
import { BOARD_SHEET, buildBoardSheet } from '../workbook/sheets/board';
import { withPrintedFor } from '../workbook/print';
import { HISTORY_SHEET, buildHistorySheet, historyEntriesFrom, withEntry } from '../workbook/sheets/history';

/** The report sheets in the order they sit after the Summary. */
export const REPORT_SHEETS = [BOARD_SHEET, ACTION_PLAN_SHEET, HISTORY_SHEET] as const;

export interface ReportOptions {
  /** The day the results are taken (the officer's today). */
  readonly today: CalendarDate;
  /** Also record today's results on the History sheet. */
  readonly saveSnapshot?: boolean;
}

export type ReportOutcome =
  | {
      readonly status: 'refreshed';
      readonly sheets: readonly string[];
      readonly result: AssessmentResult;
      readonly figures: BoardFigures;
      readonly narrative: readonly string[];
      readonly actions: readonly ActionPlanEntry[];
      /** Snapshots on the History sheet after this run, oldest first. */
      readonly history: readonly HistoryEntry[];
      readonly organisation: string;
      readonly period: string;
      /** The approval in words (or that it was reopened), or null when never finalised. */
      readonly approval: string | null;
    }
  /** Details: the missing sheets and unreadable cells, one line each. */
  | Refusal<'unreadable-assessment' | 'unreadable-typed-cells' | 'changed-while-refreshing'>;

interface Prepared {
  readonly status: 'prepared';
  readonly sheets: readonly SheetPlan[];
  readonly charts: readonly ChartPlan[];
  readonly outcome: Extract<ReportOutcome, { status: 'refreshed' }>;
  /** Every snapshot of the Saved responses sheet, when saving one. */
  readonly saved: readonly SavedSnapshot[] | null;
  /** The finalised line, while the workbook is finalised. */
  readonly signOffLine: string | null;
}

/** Pure: what to write, from what was read, or why nothing should be. */
export function prepareReport(
  framework: Framework,
  read: ReportRead,
  options: ReportOptions,
): Prepared | Refusal<'unreadable-assessment' | 'unreadable-typed-cells'> {
  const { assessment } = read;
  const missing = assessment.areaSheets
    .filter((a) => !a.present)
    .map((a) => `The sheet "${a.sheet}" is missing.`);
  if (missing.length > 0 || assessment.settings === null) {
    return refuse(
      'unreadable-assessment',
      'The board report was not refreshed: the assessment cannot be read as it stands.',
      [...missing, ...assessment.problems],
    );
  }
  const settings = assessment.settings;
  const typedProblems = read.actionPlan ? unmatchedRows(read.actionPlan) : [];
  const history = read.history
    ? historyEntriesFrom(framework, read.history)
    : { entries: [], changes: [], problems: [] };
  // A snapshot the sheet holds that cannot be read would be lost by rewriting the sheet.
  const savedProblems = options.saveSnapshot ? (read.saved?.read.problems ?? []) : [];
  const problems = [...typedProblems, ...history.problems, ...savedProblems];
  if (problems.length > 0) {
    return refuse(
      'unreadable-typed-cells',
      'The board report was not refreshed, so that nothing you typed is lost: fix the cells named below, then refresh again.',
      problems,
    );
  }

  const result = score(framework, assessment.responses, settings);
  // The action plan and the board name criteria by the wording the organisation typed where the
  // source lacks it (read from the area sheets' text cells).
  const worded = withCompletedText(framework, assessment.responses);
  const entries = mergeActionPlan(
    worded,
    actionList(worded, assessment.responses, settings),
    read.actionPlan ? typedActionsFrom(read.actionPlan) : [],
  );
  const entriesAfter = options.saveSnapshot
    ? withEntry(history.entries, historyEntryOf(result, options.today))
    : history.entries;
  // The change is shown against the latest snapshot before today, so that saving one today still
  // shows what changed since the one before.
  const previous = latestEntry(entriesAfter.filter((e) => compareDates(e.date, options.today) < 0));
  const figures = boardFigures(framework, result, previous);
  const narrative = boardNarrative(result, worded);
  const organisation = String(assessment.organisation);
  const period = String(assessment.period);
  const board = buildBoardSheet({
    framework,
    figures,
    narrative,
    actions: topActions(entries, entries.length),
    organisation,
    period,
    asAt: options.today,
    previousSnapshot: previous?.date ?? null,
    settings,
    countsAs: countsAsColumns(framework, read),
    start: startLayoutOf(framework),
  });
  const who = { organisation, period };
  const signOff = reportSignOff(read.signOff);
  const sheets: SheetPlan[] = [board.sheet, withPrintedFor(buildActionPlanSheet(framework, entries), who)];
  const charts: ChartPlan[] = [board.chart];
  if (options.saveSnapshot) {
    // Rows marking a change of framework stay where they are among the snapshots.
    const historyPlan = buildHistorySheet(framework, entriesAfter, history.changes);
    sheets.push(withPrintedFor(historyPlan.sheet, who));
    charts.push(...historyPlan.charts);
  }
  return {
    status: 'prepared',
    sheets: signOff.decorate(framework, sheets),
    charts,
    saved: options.saveSnapshot ? savedAfter(framework, read, result, options.today) : null,
    signOffLine: signOff.line,
    outcome: {
      status: 'refreshed',
      sheets: sheets.map((s) => s.name),
      result,
      figures,
      narrative,
      actions: entries,
      history: entriesAfter,
      organisation,
      period,
      approval: signOff.words,
    },
  };
}

/** Every snapshot the Saved responses sheet holds after today's is added (replacing today's). */
function savedAfter(
  framework: Framework,
  read: ReportRead,
  result: AssessmentResult,
  today: CalendarDate,
): SavedSnapshot[] {
  const snapshot = savedSnapshotOf(framework, read.assessment.responses, result, 'Snapshot', today);
  return withSavedSnapshot(read.saved?.read.snapshots ?? [], snapshot);
}

/** Each area's "Counts as" column over its data rows, as Excel computed it when read. */
function countsAsColumns(framework: Framework, read: ReportRead): Map<number, string[]> {
  return new Map(
    framework.areas.map((a) => {
      const range = read.assessment.snapshot.areas.get(a.number);
      // Found by its heading: the sheet's columns depend on its layout (with or without guidance).
      const column = range ? areaColumnsOf(range)('countsAs') : 0;
      const { first, last } = areaDataRows(framework, a.number);
      const words = Array.from({ length: Math.max(0, last - first + 1) }, (_, i) =>
        range ? String(valueAt(range, first + i, column)) : '',
      );
      return [a.number, words];
    }),
  );
}

export async function refreshBoard(
  gateway: ExcelGateway,
  framework: Framework,
  options: ReportOptions,
): Promise<ReportOutcome> {
  return gateway.run(async (ctx) => {
    const read = await readReport(ctx, framework);
    const prepared = prepareReport(framework, read, options);
    if (isRefusal(prepared)) return prepared;

    const written = sheetKeys(prepared.sheets.map((s) => s.name));
    // Loaded again before the deletes, in the same batch: what a co-author typed since the
    // reading is known exactly and carried into the rebuilt sheets (boardCoauthors.ts).
    const again = queueTypedReread(
      ctx,
      read,
      read.sheetNames.filter((name) => written.has(sheetKey(name))),
    );
    for (const name of read.sheetNames) {
      if (written.has(sheetKey(name))) ctx.workbook.worksheets.getItem(name).delete();
    }
    const plan: WorkbookPlan = {
      meta: {
        layoutVersion: LAYOUT_VERSION,
        frameworkId: framework.id,
        frameworkVersion: framework.version,
        frameworkTitle: framework.title,
      },
      sheets: prepared.sheets,
      names: [],
      charts: prepared.charts,
    };
    // The sheets kept must name the Start sheet's organisation and period, as the rebuilt ones do:
    // their headers are read in this batch and put right after it (a sync only if one is stale).
    const rewriteHeaders = queueHeaderReads(
      ctx,
      read.sheetNames.filter((name) => !written.has(sheetKey(name))),
      printedForOf(read.assessment),
    );
    ctx.workbook.application.suspendApiCalculationUntilNextSync();
    queuePlan(ctx, plan);
    if (prepared.saved) {
      queueSavedWrite(ctx, read.saved, prepared.saved, printedForOf(read.assessment), prepared.signOffLine);
    }
    for (const move of reportSheetMoves(
      read.sheetNames,
      prepared.sheets.map((s) => s.name),
    )) {
      ctx.workbook.worksheets.getItem(move.sheet).position = move.position;
    }
    await ctx.sync();
    if (rewriteHeaders().length > 0) await ctx.sync();
    return carryIntoReport(ctx, {
      read,
      again: again(),
      sheets: prepared.sheets,
      outcome: prepared.outcome,
      prepare: (reading) => prepareReport(framework, reading, options),
    });
  });
}

/**
 * The moves that put every report sheet just after the Summary, in REPORT_SHEETS order, given
 * the sheet order before the batch and the sheets it rebuilds (deleted, then added at the end).
 * Worked out on a copy of the order, because each move shifts the sheets after it.
 */
export function reportSheetMoves(
  before: readonly string[],
  rebuilt: readonly string[],
): { sheet: string; position: number }[] {
  const order = [...before.filter((n) => !rebuilt.some((r) => sameSheet(r, n))), ...rebuilt];
  const moves: { sheet: string; position: number }[] = [];
  let after = order.findIndex((n) => sameSheet(n, SUMMARY_SHEET));
  if (after < 0) return moves;
  for (const wanted of REPORT_SHEETS) {
    const name = actualSheetName(order, wanted);
    if (name === undefined) continue;
    order.splice(order.indexOf(name), 1);
    after = order.findIndex((n) => sameSheet(n, SUMMARY_SHEET)) + moves.length;
    const position = after + 1;
    order.splice(position, 0, name);
    moves.push({ sheet: name, position });
  }
  return moves;
}
