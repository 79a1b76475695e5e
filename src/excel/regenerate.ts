/**
 * Regenerate and upgrade: rebuild the assessment from the plan and put every response back, in
 * at most four syncs whatever the framework's size.
 *
 *  1. read the sheet and defined names;
 *  2. read everything regeneration keeps (regenerateRead.ts);
 *  3. write it into a hidden backup sheet, in one write, ending with a "complete" row;
 *  4. rename the old sheets out of the way, write the new ones with the responses in them, then
 *     delete the old sheets and, last of all, the backup.
 *
 * An Office.js batch is not a transaction: a failed sync keeps the operations before the one that
 * failed. So whatever fails, the responses are somewhere: before sync 3 completes, only the old
 * sheets exist (a cut-short backup lacks its last row and is ignored); from then on, the backup
 * holds them until everything else is done. Running regenerate again after a failure finds the
 * backup and finishes from it (three syncs: no new backup is needed).
 */
import type { ExcelGateway, XlContext } from './api';
import { queuePlan } from './applyPlan';
import { orderAfterRebuild } from '../workbook/sheetOrder';
import { actualSheetName, hasSheet } from './inspect';
import { blockFormulas } from './planCells';
import { carryCoauthorEdits } from './regenerateCoauthors';
import {
  BACKUP_SHEET,
  OLD_SHEET_PREFIX,
  queueKeptLoads,
  readForRegeneration,
  refusal,
  type HistoryLoaded,
  type Refusal,
  type RegenerationRead,
} from './regenerateRead';
import { isRefusal, type CalendarDate, type Mapping, type Framework } from '../domain';
import {
  frameworkChangeCells,
  frameworkChangeText,
  HISTORY_FIRST_ROW,
  historyCarriesOn,
  setAsideHistoryName,
  type FrameworkChange,
} from '../workbook/sheets/history';
import { cell, rect } from '../workbook/address';
import { backupRows, BACKUP_WIDTH, type KeptAssessment } from '../workbook/carryOverBackup';
import type { LoadedForRegeneration } from '../workbook/regenerationRead';
import { planCarryOver, type CarryOverPreview } from '../workbook/carryOver';
import type { WorkbookPlan } from '../workbook/plan';
import { refersToSheet } from '../workbook/formulaText';
import { ADD_IN_NAME_PREFIX } from '../workbook/layout';
import { BOARD_SHEET } from '../workbook/sheets/board';
import { COMPARISON_SHEET } from '../workbook/sheets/periodComparison';
import type { PlanSettings } from '../workbook/settings';
import { nameKey, sheetKey, sheetKeys } from '../workbook/sheetNames';

export { BACKUP_SHEET } from './regenerateRead';
export type { Refusal } from './regenerateRead';

export type RegenerateStep = 'reading' | 'backing-up' | 'writing' | 'done';

export interface RegenerateOptions {
  /**
   * The frameworks the add-in knows (bundled and loaded). The workbook's own is found among them
   * by the framework id and version its meta sheet records.
   */
  readonly frameworks: readonly Framework[];
  /** The framework to rebuild with: the workbook's own to regenerate, another version to upgrade. */
  readonly target: Framework;
  /** Mappings between versions; the one from the workbook's version to the target's is used. */
  readonly mappings?: readonly Mapping[];
  /** Settings to change; the others carry over from the Start sheet. */
  readonly settings?: Partial<PlanSettings>;
  readonly onProgress?: (step: RegenerateStep) => void;
  /**
   * Build area sheets that are missing (deleted) again, empty. Off by default: a missing sheet
   * may have been renamed, and the officer should rename it back so its responses carry over.
   */
  readonly rebuildMissingSheets?: boolean;
  /**
   * The officer's today. An upgrade adds a row dated with it to the Snapshot history, marking the
   * change of framework; without it no row is added.
   */
  readonly today?: CalendarDate;
}

export type PreviewOutcome =
  | {
      readonly status: 'ready';
      readonly preview: CarryOverPreview;
      /** An earlier regeneration stopped half-way; this one will finish it from its backup. */
      readonly resuming: boolean;
    }
  | Refusal;

export type RegenerateOutcome =
  | {
      readonly status: 'regenerated';
      /** What was carried, archived and left unanswered. */
      readonly preview: CarryOverPreview;
      /** True when this run finished one that had stopped half-way. */
      readonly resumed: boolean;
      /** Sheets written, in order. */
      readonly sheets: readonly string[];
      /** The board summary was removed with the old sheets: "Refresh board" builds it again. */
      readonly boardRemoved: boolean;
    }
  | Refusal;

interface Prepared {
  readonly status: 'prepared';
  readonly read: RegenerationRead & {
    readonly history?: HistoryLoaded;
    readonly input: LoadedForRegeneration;
  };
  readonly plan: WorkbookPlan;
  readonly preview: CarryOverPreview;
  /** The plan for kept cells read again (a co-author's edits since), or null if it cannot be made. */
  readonly planFor: (kept: KeptAssessment) => WorkbookPlan | null;
}

async function prepare(ctx: XlContext, options: RegenerateOptions): Promise<Prepared | Refusal> {
  const read = await readForRegeneration(ctx, options.frameworks, options.target, {
    rebuildMissingSheets: options.rebuildMissingSheets ?? false,
  });
  if (read.status === 'refused') return read;
  const source = read.source;
  const target = options.target;
  const mapping = options.mappings?.find(
    (m) =>
      m.from.id === source.id &&
      m.from.version === source.version &&
      m.to.id === target.id &&
      m.to.version === target.version,
  );
  const carryOf = (kept: KeptAssessment) =>
    planCarryOver({
      kept,
      source,
      target,
      ...(mapping ? { mapping } : {}),
      ...(options.settings ? { settings: options.settings } : {}),
    });
  const carry = carryOf(read.kept);
  if (isRefusal(carry)) return carry;
  const planFor = (kept: KeptAssessment) => {
    const again = carryOf(kept);
    return isRefusal(again) ? null : again.plan;
  };

  const replaced = sheetKeys(read.replaced);
  const taken = carry.plan.sheets
    .map((s) => s.name)
    .filter((name) => hasSheet(read.sheetNames, name))
    .filter((name) => !replaced.has(sheetKey(name)));
  if (taken.length > 0) {
    return refusal(
      'sheet-names-taken',
      `The new layout needs ${taken.length === 1 ? 'a sheet' : 'sheets'} named ${taken.map((t) => `"${t}"`).join(', ')}, which this workbook already has for something else. ` +
        'Rename those sheets, then regenerate. Nothing was changed.',
      taken,
    );
  }
  return { status: 'prepared', read, plan: carry.plan, preview: carry.preview, planFor };
}

/** What regeneration would do, in two syncs; changes nothing. */
export function previewRegeneration(
  gateway: ExcelGateway,
  options: RegenerateOptions,
): Promise<PreviewOutcome> {
  return gateway.run(async (ctx) => {
    const prepared = await prepare(ctx, options);
    if (prepared.status === 'refused') return prepared;
    return { status: 'ready', preview: prepared.preview, resuming: prepared.read.resuming };
  });
}

export async function regenerateAssessment(
  gateway: ExcelGateway,
  options: RegenerateOptions,
): Promise<RegenerateOutcome> {
  return gateway.run(async (ctx) => {
    options.onProgress?.('reading');
    const prepared = await prepare(ctx, options);
    if (prepared.status === 'refused') return prepared;
    const { read, plan, preview } = prepared;

    if (!read.resuming) {
      options.onProgress?.('backing-up');
      queueBackup(ctx, read, plan);
      await ctx.sync();
    }

    options.onProgress?.('writing');
    // Loaded again before the old sheets go, in the same batch: what a co-author changed since
    // sync 2 is known exactly and carried into the new sheets (regenerateCoauthors.ts).
    const again = read.resuming
      ? undefined
      : queueKeptLoads(ctx, read.sheetNames, options.frameworks, options.target);
    const boardRemoved = queueRebuild(ctx, read, plan);
    if (preview.kind === 'upgrade' && read.history && options.today) {
      // Where the areas change, the sheet's columns no longer fit: it is set aside, whole.
      const asideAs = historyCarriesOn(read.source, options.target)
        ? null
        : setAsideHistoryName(options.today, read.sheetNames);
      queueFrameworkChange(ctx, read.history, read.source.areas.length, {
        date: options.today,
        text: frameworkChangeText(preview.from, preview.to, asideAs !== null),
      });
      if (asideAs !== null) ctx.workbook.worksheets.getItem(read.history.name).name = asideAs;
    }
    await ctx.sync();
    const carried = again
      ? await carryCoauthorEdits(ctx, {
          first: read.input,
          again: again(),
          frameworks: options.frameworks,
          rebuildMissingSheets: options.rebuildMissingSheets ?? false,
          plan,
          planFor: prepared.planFor,
        })
      : 0;
    if (typeof carried !== 'number') return carried;
    options.onProgress?.('done');
    return {
      status: 'regenerated',
      preview,
      resumed: read.resuming,
      sheets: plan.sheets.map((s) => s.name),
      boardRemoved,
    };
  });
}

/**
 * In sync 4, for an upgrade: a row under the Snapshot history's last, marking the change of
 * framework. The rows above stay exactly as they were (they were saved with the earlier framework);
 * the board refresh reads the row back as a change, not a snapshot. The sheet keeps its
 * protection: taken off for the write and put back with the options it had.
 */
function queueFrameworkChange(
  ctx: XlContext,
  history: HistoryLoaded,
  areas: number,
  change: FrameworkChange,
): void {
  const sheet = ctx.workbook.worksheets.getItem(history.name);
  const row = Math.max(history.lastRow + 1, HISTORY_FIRST_ROW);
  if (history.protected) sheet.protection.unprotect();
  for (const [column, content] of frameworkChangeCells(areas, change)) {
    sheet.getRange(cell(row, column)).formulas = blockFormulas({ at: cell(row, column), cells: [[content]] });
  }
  if (history.protected) sheet.protection.protect(history.options);
}

/** Sync 3: the backup, in one write so that it is either complete or missing its last row. */
function queueBackup(ctx: XlContext, read: RegenerationRead, plan: WorkbookPlan): void {
  const sheets = ctx.workbook.worksheets;
  if (read.partialBackup) sheets.getItem(BACKUP_SHEET).delete();
  const backup = sheets.add(BACKUP_SHEET);
  backup.visibility = 'Hidden';
  const rows = backupRows(
    read.kept,
    plan.sheets.map((s) => s.name),
  );
  backup.getRange(rect(1, 1, rows.length, BACKUP_WIDTH)).formulas = blockFormulas({
    at: cell(1, 1),
    cells: rows,
  });
}

/**
 * Sync 4: old sheets out of the way, new ones in, old ones and the backup deleted last. Returns
 * whether the board summary was removed too.
 */
function queueRebuild(ctx: XlContext, read: RegenerationRead, plan: WorkbookPlan): boolean {
  const sheets = ctx.workbook.worksheets;
  ctx.workbook.application.suspendApiCalculationUntilNextSync();

  // Renamed rather than deleted first: the new sheets take their names, and Excel refuses to
  // delete the last visible sheet when the workbook holds nothing else.
  const planNames = sheetKeys(plan.sheets.map((s) => s.name));
  const inUse = sheetKeys(read.sheetNames);
  let next = 1;
  const toDelete: string[] = [];
  for (const name of read.replaced) {
    if (!planNames.has(sheetKey(name))) {
      toDelete.push(name);
      continue;
    }
    while (inUse.has(sheetKey(`${OLD_SHEET_PREFIX}${next}`))) next += 1;
    const temporary = `${OLD_SHEET_PREFIX}${next}`;
    inUse.add(sheetKey(temporary));
    sheets.getItem(name).name = temporary;
    toDelete.push(temporary);
  }

  // Names the plan defines again go, and so do the add-in's names on the sheets being replaced
  // (an upgrade's areas differ): Excel would leave them as =#REF! once those sheets are deleted.
  const wanted = new Set(plan.names.map((n) => nameKey(n.name)));
  const onReplaced = (name: string) => {
    const formula = read.nameFormulas.get(name) ?? '';
    return (
      name.toUpperCase().startsWith(ADD_IN_NAME_PREFIX) &&
      read.replaced.some((sheet) => refersToSheet(formula, sheet))
    );
  };
  for (const name of read.definedNames) {
    if (wanted.has(nameKey(name)) || onReplaced(name)) ctx.workbook.names.getItem(name).delete();
  }
  queuePlan(ctx, plan);
  for (const name of toDelete) sheets.getItem(name).delete();
  sheets.getItem(BACKUP_SHEET).delete();
  // The board summary's status formula refers to the area and Start sheets just replaced. Excel
  // turns references to a deleted sheet into #REF! for good: a new sheet of the same name is not
  // linked again. The board is made from the ratings alone, so it goes with the old sheets and
  // "Refresh board" builds it again; the action plan and history hold values only and stay.
  const board = actualSheetName(read.sheetNames, BOARD_SHEET);
  if (board !== undefined) sheets.getItem(board).delete();
  // So does the Period comparison: its levels read the Start sheet's settings and the Summary.
  // "Compare periods" builds it again from the Saved responses sheet, which stays.
  const comparison = actualSheetName(read.sheetNames, COMPARISON_SHEET);
  if (comparison !== undefined) sheets.getItem(comparison).delete();
  // The new sheets were added at the end: put them back where the old ones were (sheetOrder.ts).
  const gone = [
    ...toDelete,
    BACKUP_SHEET,
    ...(board !== undefined ? [board] : []),
    ...(comparison !== undefined ? [comparison] : []),
  ];
  orderAfterRebuild(
    read.sheetNames,
    plan.sheets.map((s) => s.name),
    gone,
  ).forEach((name, position) => {
    sheets.getItem(name).position = position;
  });
  return board !== undefined;
}
