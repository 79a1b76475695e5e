/**
 * A workbook plan loaded into HyperFormula as it is: every block's values and formulas on its
 * sheet, a plan string kept as text (an apostrophe in front, so "4" or "=1+3" typed as a rating
 * stays text, as the .xlsx writer keeps it). For formula-equals-engine tests of sheets the pane
 * writes only as a file (the group comparison). The engine is configured as the Excel fake's is.
 */
import type { RawCellContent } from 'hyperformula';
import { createEngine, toXlValue } from '../platform/fake-excel/engine';
import { parseCell, parseRange } from '../../src/workbook/address';
import { isFormula, type PlanCell, type WorkbookPlan } from '../../src/workbook/plan';

export interface PlanEngine {
  /** The computed value of one cell: '' for an empty one. */
  value(sheet: string, address: string): unknown;
  destroy(): void;
}

function content(cell: PlanCell): RawCellContent {
  if (isFormula(cell)) return cell.formula;
  if (typeof cell === 'string') return `'${cell}`;
  return cell;
}

export function planEngine(plan: WorkbookPlan): PlanEngine {
  const sheets: Record<string, RawCellContent[][]> = {};
  for (const sheet of plan.sheets) {
    const grid: RawCellContent[][] = [];
    for (const block of sheet.blocks) {
      const { row, column } = parseRange(block.at);
      block.cells.forEach((line, i) =>
        line.forEach((cell, j) => {
          const target = (grid[row - 1 + i] ??= []);
          target[column - 1 + j] = content(cell);
        }),
      );
    }
    // HyperFormula wants dense rows.
    sheets[sheet.name] = Array.from({ length: grid.length }, (_, r) => {
      const line = grid[r] ?? [];
      return Array.from({ length: line.length }, (_, c) => line[c] ?? null);
    });
  }
  const hf = createEngine();
  // Every sheet first, so formulas reaching another sheet find it.
  for (const name of Object.keys(sheets)) hf.addSheet(name);
  for (const [name, cells] of Object.entries(sheets)) hf.setSheetContent(hf.getSheetId(name)!, cells);
  return {
    value(sheet, address) {
      const id = hf.getSheetId(sheet);
      if (id === undefined) throw new Error(`no sheet ${sheet}`);
      const { row, column } = parseCell(address);
      return toXlValue(hf.getCellValue({ sheet: id, row: row - 1, col: column - 1 }));
    },
    destroy: () => hf.destroy(),
  };
}
