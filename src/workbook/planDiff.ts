/**
 * The cells where two plans of the same workbook differ in a constant: used when a co-author's
 * edit arrives while an operation rebuilds sheets. The operation plans again from what the cells
 * held just before its write, and the cells that differ are where the co-author's values go in
 * the rebuilt sheets. Formulas are left out: they never depend on the values typed.
 */
import { cell, parseRange } from './address';
import { isFormula, type PlanCell, type SheetPlan } from './plan';
import { sheetKey } from './sheetNames';

export interface PlanCellChange {
  readonly sheet: string;
  /** Such as F7. */
  readonly address: string;
  readonly before: PlanCell;
  readonly after: PlanCell;
}

/** Every cell a sheet's blocks set, by address; a later block wins, as it would when written. */
function cellsOf(sheet: SheetPlan): Map<string, PlanCell> {
  const cells = new Map<string, PlanCell>();
  for (const block of sheet.blocks) {
    const { row, column } = parseRange(block.at);
    block.cells.forEach((line, r) => line.forEach((value, c) => cells.set(cell(row + r, column + c), value)));
  }
  return cells;
}

const blank = (v: PlanCell | undefined) => v === undefined || v === null || v === '';

const isConstant = (v: PlanCell | undefined) => v === undefined || v === null || !isFormula(v);

/** The constants that differ between the same sheets of two plans (sheets matched by name). */
export function constantChanges(before: readonly SheetPlan[], after: readonly SheetPlan[]): PlanCellChange[] {
  const changes: PlanCellChange[] = [];
  for (const next of after) {
    const previous = before.find((s) => sheetKey(s.name) === sheetKey(next.name));
    if (!previous) continue;
    const was = cellsOf(previous);
    const now = cellsOf(next);
    // Every address either plan sets: a kept value a co-author cleared is set by the first only.
    for (const address of new Set([...was.keys(), ...now.keys()])) {
      const old = was.get(address);
      const value = now.get(address);
      if (!isConstant(old) || !isConstant(value) || (blank(old) && blank(value)) || old === value) continue;
      changes.push({ sheet: next.name, address, before: old ?? null, after: value ?? null });
    }
  }
  return changes;
}
