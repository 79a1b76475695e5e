/**
 * Where each sheet of the add-in's shows the finalised line: a cell near the top that the sheet
 * leaves empty, so that the line is seen on screen (a page header is seen only in print) and
 * writing it overwrites nothing. Start, Summary, Action plan, the archive, Saved responses and
 * the Sign-off record have row 3 free under their title and explanation; the Board summary has
 * row 5 free above its table; an area sheet's rows 1 to 3 are all taken in column A, so the line
 * sits in row 1 beside the title, from the Rating column (the title fits left of it); the History
 * sheet's row 3 holds its tables' titles, so its line sits in row 1 from the second table. The
 * Period comparison has row 3 free above its label cells; the Change log's A3 holds its switch,
 * so its line sits in row 1 beside the title, over the Before column.
 * Sheets of the officer's own are never written to.
 */
import type { Framework } from '../../domain';
import { cell, type A1 } from '../address';
import { START_SHEET, SUMMARY_SHEET } from '../layout';
import type { SheetPlan } from '../plan';
import { sameSheet } from '../sheetNames';
import { ACTION_PLAN_SHEET } from '../sheets/actionPlan';
import { ARCHIVE_SHEET } from '../sheets/archive';
import { areaLayoutOf } from '../sheets/area';
import { BOARD_SHEET } from '../sheets/board';
import { CHANGE_LOG_COLUMNS, CHANGE_LOG_SHEET } from '../sheets/changeLog';
import { HISTORY_SHEET, historyColumns } from '../sheets/history';
import { COMPARISON_SHEET } from '../sheets/periodComparison';
import { SAVED_RESPONSES_SHEET } from '../sheets/savedResponses';
import { SIGN_OFF_SHEET } from '../sheets/signOffRecord';

export interface LineCell {
  /** The sheet's name as the workbook spells it. */
  readonly sheet: string;
  readonly at: A1;
}

/** The finalised line's cell on each sheet named in `sheetNames` that the add-in writes. */
export function finalisedLineCells(framework: Framework, sheetNames: readonly string[]): LineCell[] {
  const fixed: readonly (readonly [string, A1])[] = [
    [START_SHEET, cell(3, 1)],
    [SUMMARY_SHEET, cell(3, 1)],
    [BOARD_SHEET, BOARD_LINE],
    [ACTION_PLAN_SHEET, cell(3, 1)],
    [HISTORY_SHEET, cell(1, historyColumns(framework.areas.length).shares)],
    [ARCHIVE_SHEET, cell(3, 1)],
    [SAVED_RESPONSES_SHEET, cell(3, 1)],
    [SIGN_OFF_SHEET, cell(3, 1)],
    [COMPARISON_SHEET, cell(3, 1)],
    [CHANGE_LOG_SHEET, cell(1, CHANGE_LOG_COLUMNS.findIndex((c) => c.key === 'before') + 1)],
    ...framework.areas.map(
      (a) => [a.shortName, cell(1, areaLayoutOf(framework, a.number).column('rating'))] as const,
    ),
  ];
  return sheetNames.flatMap((name) => {
    const found = fixed.find(([wanted]) => sameSheet(wanted, name));
    return found ? [{ sheet: name, at: found[1] }] : [];
  });
}

/** The Board summary's line: row 5, between its status line and its table. */
export const BOARD_LINE: A1 = cell(5, 1);

/** How the line looks: bold, in the title's colour, so it is read before the sheet. */
export const FINALISED_LINE_FORMAT = { bold: true, fontColor: '#C00000' } as const;

/** A sheet plan with the finalised line in its cell (for a sheet written while finalised). */
export function withFinalisedLine<S extends SheetPlan>(plan: S, at: A1, line: string): S {
  return {
    ...plan,
    blocks: [...plan.blocks, { at, cells: [[line]] }],
    formats: [...plan.formats, { range: at, ...FINALISED_LINE_FORMAT }],
  };
}
