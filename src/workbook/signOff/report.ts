/**
 * The sign-off state on the report sheets the board refresh rebuilds: while finalised, each of
 * them carries the finalised line like every other sheet; once reopened, the Board summary says
 * which version was approved and why it was reopened, never that it is the approved one.
 */
import type { Framework } from '../../domain';
import type { SheetPlan } from '../plan';
import { sameSheet } from '../sheetNames';
import { BOARD_SHEET } from '../sheets/board';
import { approvalWords, signOffStateOf, type SignOffRead, type SignOffState } from '../sheets/signOffRecord';
import { finalisedLine } from './approval';
import { BOARD_LINE, finalisedLineCells, withFinalisedLine } from './lines';

export interface ReportSignOff {
  readonly state: SignOffState;
  /** The approval in words for the board paper, or null when never finalised. */
  readonly words: string | null;
  /** The finalised line for a sheet written now, or null when the workbook is not finalised. */
  readonly line: string | null;
  /** The rebuilt sheets with their lines. */
  readonly decorate: (framework: Framework, sheets: readonly SheetPlan[]) => SheetPlan[];
}

/** What the report says of the sign-off; an unreadable record claims no approval. */
export function reportSignOff(record: SignOffRead | null): ReportSignOff {
  const state: SignOffState =
    record && record.problems.length === 0 ? signOffStateOf(record.entries) : { status: 'open' };
  const words = approvalWords(state);
  const decorate = (framework: Framework, sheets: readonly SheetPlan[]): SheetPlan[] => {
    if (state.status === 'open') return [...sheets];
    const line =
      state.status === 'finalised'
        ? finalisedLine(state.finalised.approval, state.finalised.recordedOn)
        : words;
    const places = finalisedLineCells(
      framework,
      sheets.map((s) => s.name),
    );
    return sheets.map((sheet) => {
      if (line === null) return sheet;
      if (state.status === 'reopened') {
        return sameSheet(sheet.name, BOARD_SHEET) ? withFinalisedLine(sheet, BOARD_LINE, line) : sheet;
      }
      const place = places.find((p) => sameSheet(p.sheet, sheet.name));
      return place ? withFinalisedLine(sheet, place.at, line) : sheet;
    });
  };
  const line =
    state.status === 'finalised' ? finalisedLine(state.finalised.approval, state.finalised.recordedOn) : null;
  return { state, words, line, decorate };
}
