/**
 * Writing the Saved responses sheet (src/workbook/sheets/savedResponses.ts). A sheet already
 * there is rewritten in place, never deleted and added again: other sheets' formulas refer to it
 * (the comparison of two periods), and Excel turns a reference to a deleted sheet into #REF! for
 * good. Its protection is taken off for the write and put back.
 */
import type { XlContext, XlRange, XlWorksheetProtection } from './api';
import { protectSheet, queueSheetContent } from './applyPlan';
import { actualSheetName } from './inspect';
import { loadUsedRange, rangeSnapshot } from './snapshotReader';
import { cell, rect } from '../workbook/address';
import { withFinalisedLine } from '../workbook/signOff/lines';
import { withPrintedFor, type PrintedFor } from '../workbook/print';
import {
  SAVED_COLUMNS,
  SAVED_FIRST_ROW,
  SAVED_RESPONSES_SHEET,
  buildSavedResponsesSheet,
  readSavedResponses,
  type SavedRead,
  type SavedSnapshot,
} from '../workbook/sheets/savedResponses';
import { bottomOf, type RangeSnapshot } from '../workbook/snapshot';

export interface SavedLoaded {
  readonly name: string;
  readonly range: RangeSnapshot;
  readonly protected: boolean;
  /** The snapshots it holds, or the problems naming each cell that cannot be read. */
  readonly read: SavedRead;
}

/** Queues the loads of the sheet when the workbook has it; the result is ready after the caller's sync. */
export function queueSavedLoad(ctx: XlContext, sheetNames: readonly string[]): () => SavedLoaded | null {
  const name = actualSheetName(sheetNames, SAVED_RESPONSES_SHEET);
  if (name === undefined) return () => null;
  const range: XlRange = loadUsedRange(ctx, name);
  const protection: XlWorksheetProtection = ctx.workbook.worksheets
    .getItem(name)
    .protection.load('protected');
  return () => {
    const snapshot = rangeSnapshot(name, range);
    return { name, range: snapshot, protected: protection.protected, read: readSavedResponses(snapshot) };
  };
}

/** Queues the sheet written with `snapshots` (all of them, oldest first), in place when it exists. */
export function queueSavedWrite(
  ctx: XlContext,
  loaded: SavedLoaded | null,
  snapshots: readonly SavedSnapshot[],
  who: PrintedFor,
  /** The finalised line, when the workbook is finalised: written in the sheet's line cell. */
  line: string | null = null,
): void {
  const built = withPrintedFor(buildSavedResponsesSheet(snapshots), who);
  const plan = line === null ? built : withFinalisedLine(built, cell(3, 1), line);
  if (loaded === null) {
    const sheet = ctx.workbook.worksheets.add(plan.name);
    queueSheetContent(sheet, plan);
    protectSheet(sheet);
    return;
  }
  const sheet = ctx.workbook.worksheets.getItem(loaded.name);
  if (loaded.protected) sheet.protection.unprotect();
  const bottom = bottomOf(loaded.range);
  if (bottom >= SAVED_FIRST_ROW) {
    // Only the sheet's own columns: anything the officer wrote right of them stays.
    sheet
      .getRange(rect(SAVED_FIRST_ROW, 1, bottom - SAVED_FIRST_ROW + 1, SAVED_COLUMNS.length))
      .clear('Contents');
  }
  queueSheetContent(sheet, plan);
  protectSheet(sheet);
}
