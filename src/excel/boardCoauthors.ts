/**
 * Refreshing the board while co-authors edit (docs/architecture.md, "Co-authors editing"). The
 * refresh reads the Action plan (Owner, Target date, Notes) and the History in sync 2 and
 * rebuilds them whole in sync 3; a co-author typing in them between the two would lose it. So
 * the rebuild's batch loads both again before deleting them; afterwards, if they changed, the
 * report is prepared again from the second reading and every constant that differs (the
 * co-author's typing, in the rebuilt rows) is written into the new sheets through putBack.
 */
import type { XlContext } from './api';
import { protectSheet } from './applyPlan';
import type { ReportRead } from './boardRead';
import { changedCells, putBack } from './coauthorGuard';
import { loadUsedRange, rangeSnapshot } from './snapshotReader';
import { describeCellValue, isRefusal, refuse, type Refusal } from '../domain';
import { quoteSheet, sheetName } from '../workbook/address';
import { isFormula, type PlanCell, type SheetPlan } from '../workbook/plan';
import { constantChanges } from '../workbook/planDiff';
import { sameSheet } from '../workbook/sheetNames';
import type { RangeSnapshot } from '../workbook/snapshot';

type Typed = Pick<ReportRead, 'actionPlan' | 'history'>;

/** Queued in the rebuild's batch before the deletes: the typed sheets it rebuilds, loaded again. */
export function queueTypedReread(ctx: XlContext, read: ReportRead, rebuilt: readonly string[]): () => Typed {
  const again = (first: RangeSnapshot | null) =>
    first && rebuilt.some((name) => sameSheet(name, first.sheet))
      ? { sheet: first.sheet, range: loadUsedRange(ctx, first.sheet) }
      : null;
  const actionPlan = again(read.actionPlan);
  const history = again(read.history);
  return () => ({
    actionPlan: actionPlan ? rangeSnapshot(actionPlan.sheet, actionPlan.range) : read.actionPlan,
    history: history ? rangeSnapshot(history.sheet, history.range) : read.history,
  });
}

const blockOf = (s: RangeSnapshot) => ({ top: s.top, left: s.left, formulas: s.formulas });

function typedChanges(read: ReportRead, again: Typed) {
  return (['actionPlan', 'history'] as const).flatMap((key) => {
    const first = read[key];
    const second = again[key];
    return first && second ? changedCells(first.sheet, blockOf(first), blockOf(second)) : [];
  });
}

function asRead(value: PlanCell) {
  if (value === null) return '';
  return isFormula(value) ? value.formula : value;
}

export interface CarryIntoReport<Outcome> {
  readonly read: ReportRead;
  readonly again: Typed;
  /** The sheets written in the rebuild. */
  readonly sheets: readonly SheetPlan[];
  readonly outcome: Outcome;
  /** The report prepared again from a reading (as the first was). */
  readonly prepare: (
    read: ReportRead,
  ) =>
    | { readonly status: 'prepared'; readonly sheets: readonly SheetPlan[]; readonly outcome: Outcome }
    | Refusal;
}

/**
 * After the rebuild's sync: what a co-author typed in the rebuilt sheets since the reading, in
 * the new sheets. Returns the outcome of the report as it now stands, or a refusal naming the
 * typing it could not place (the sheets are rebuilt; the officer retypes what is listed).
 */
export async function carryIntoReport<Outcome>(
  ctx: XlContext,
  input: CarryIntoReport<Outcome>,
): Promise<Outcome | Refusal<'changed-while-refreshing'>> {
  const changed = typedChanges(input.read, input.again);
  if (changed.length === 0) return input.outcome;
  const prepared = input.prepare({ ...input.read, ...input.again });
  if (isRefusal(prepared)) {
    return refuse(
      'changed-while-refreshing',
      'The board report was refreshed, but a co-author typed into the sheets it rebuilds while it ran, and the add-in cannot keep it as typed. Type the values below again where they belong.',
      [
        ...changed.map((c) => `${quoteSheet(sheetName(c.sheet))}!${c.address}: ${describeCellValue(c.now)}`),
        ...prepared.details,
      ],
    );
  }
  await putBack(
    ctx,
    constantChanges(input.sheets, prepared.sheets).map((c) => ({
      sheet: c.sheet,
      address: c.address,
      wrote: asRead(c.before),
      value: asRead(c.after),
    })),
    { protectedSheets: prepared.sheets.filter((s) => s.protect).map((s) => s.name), protect: protectSheet },
  );
  return prepared.outcome;
}
