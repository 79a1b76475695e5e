/** A sheet plan's cells as Excel would hand them back: a used range from A1, formulas as their text. */
import { parseRange } from '../../src/workbook/address';
import { isFormula, type SheetPlan } from '../../src/workbook/plan';
import type { RangeSnapshot, SheetValue } from '../../src/workbook/snapshot';

export function rangeOfPlan(plan: SheetPlan): RangeSnapshot {
  const values: SheetValue[][] = [];
  for (const block of plan.blocks) {
    const { row, column } = parseRange(block.at);
    block.cells.forEach((line, i) =>
      line.forEach((content, j) => {
        const r = row + i - 1;
        while (values.length <= r) values.push([]);
        const target = values[r]!;
        while (target.length < column + j) target.push('');
        target[column + j - 1] = isFormula(content) ? content.formula : (content ?? '');
      }),
    );
  }
  const width = Math.max(...values.map((r) => r.length));
  const grid = values.map((r) => [...r, ...Array<SheetValue>(width - r.length).fill('')]);
  return { sheet: plan.name, top: 1, left: 1, values: grid, formulas: grid };
}
