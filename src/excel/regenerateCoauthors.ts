/**
 * Regenerating while co-authors edit (docs/architecture.md, "Co-authors editing"). Regeneration
 * reads what it keeps in sync 2 and replaces the old sheets in sync 4; a co-author's edit landing
 * between the two would go with the old sheets. So the rebuild's batch loads everything kept
 * again, before the old sheets are touched (queueKeptLoads); afterwards, if anything differs from
 * the first reading, the kept cells are read from the second reading and planned again, and
 * every constant that differs between the two plans (the co-authors' newer values, in the new
 * layout) is written into the new sheets through putBack, which keeps any still newer edit.
 */
import type { XlCellValue, XlContext } from './api';
import { protectSheet } from './applyPlan';
import { changedCells, putBack, type Clash } from './coauthorGuard';
import type { KeptLoaded } from './regenerateRead';
import { actualSheetName } from './inspect';
import { describeCellValue, refuse, type Framework } from '../domain';
import { quoteSheet, sheetName } from '../workbook/address';
import type { KeptAssessment } from '../workbook/carryOverBackup';
import { isFormula, type PlanCell, type WorkbookPlan } from '../workbook/plan';
import { constantChanges } from '../workbook/planDiff';
import {
  interpretForRegeneration,
  type CellGrid,
  type LoadedForRegeneration,
  type Refusal,
} from '../workbook/regenerationRead';

/** A loaded grid (0-based position, as Excel gives it) as a block from its 1-based top-left cell. */
const blockOf = (grid: CellGrid) => ({
  top: grid.rowIndex + 1,
  left: grid.columnIndex + 1,
  formulas: grid.formulas,
});

function changedIn(sheet: string, first: CellGrid, second: CellGrid): Clash[] {
  return changedCells(sheet, blockOf(first), blockOf(second));
}

/** Every kept cell that changed between the first reading and the one in the rebuild's batch. */
export function keptChanges(first: KeptLoaded, again: KeptLoaded, sheetNames: readonly string[]): Clash[] {
  const areas = [...again.areas].flatMap(([key, grid]) => {
    const before = first.areas.get(key);
    return before ? changedIn(actualSheetName(sheetNames, key) ?? key, before, grid) : [];
  });
  const archive =
    first.archive && again.archive
      ? changedIn(again.archive.name, first.archive.grid, again.archive.grid)
      : [];
  const start = (again.start?.grids ?? []).flatMap((grid, i) => {
    const before = first.start?.grids[i];
    return before && again.start ? changedIn(again.start.name, before, grid) : [];
  });
  return [...areas, ...archive, ...start];
}

/** A plan cell as `formulas` reads it back. */
function asRead(value: PlanCell): XlCellValue {
  if (value === null) return '';
  return isFormula(value) ? value.formula : value;
}

export interface CarryInput {
  readonly first: LoadedForRegeneration;
  readonly again: KeptLoaded;
  readonly frameworks: readonly Framework[];
  readonly rebuildMissingSheets: boolean;
  /** The plan written, and how a plan is made from kept cells (as the first one was). */
  readonly plan: WorkbookPlan;
  /** Null when the kept cells cannot be planned (the reading refuses). */
  readonly planFor: (kept: KeptAssessment) => WorkbookPlan | null;
}

/**
 * After the rebuild's sync: carries every co-author's edit made since the first reading into the
 * new sheets. Returns how many cells were written, or a refusal naming the edits it could not
 * place (the workbook's structure changed too: the new sheets are written, the edits are not).
 */
export async function carryCoauthorEdits(ctx: XlContext, input: CarryInput): Promise<number | Refusal> {
  const changed = keptChanges(input.first, input.again, input.first.sheetNames);
  if (changed.length === 0) return 0;
  const read = interpretForRegeneration({ ...input.first, ...input.again }, input.frameworks, {
    rebuildMissingSheets: input.rebuildMissingSheets,
  });
  const plan = read.status === 'refused' ? null : input.planFor(read.kept);
  if (plan === null) {
    return refuse(
      'changed-while-regenerating',
      'The assessment was regenerated, but a co-author changed cells while it ran that could not be placed in the new sheets. Type the values below again where they belong.',
      changed.map((c) => `${quoteSheet(sheetName(c.sheet))}!${c.address}: ${describeCellValue(c.now)}`),
    );
  }
  const writes = constantChanges(input.plan.sheets, plan.sheets).map((c) => ({
    sheet: c.sheet,
    address: c.address,
    wrote: asRead(c.before),
    value: asRead(c.after),
  }));
  await putBack(ctx, writes, {
    protectedSheets: plan.sheets.filter((s) => s.protect).map((s) => s.name),
    protect: protectSheet,
  });
  return writes.length;
}
