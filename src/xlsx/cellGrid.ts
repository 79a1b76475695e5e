/**
 * A sheet's cells as the file needs them: every cell that has a value or a format, with its final
 * value (later blocks overwrite earlier ones) and its final style (later formats override).
 */
import { cell as a1, parseRange } from '../workbook/address';
import type { PlanCell, SheetPlan } from '../workbook/plan';
import { mergeStyle, type CellStyle } from './styles';

export interface GridCell {
  /** undefined: the cell holds no value (only a format). */
  value?: Exclude<PlanCell, null>;
  style: CellStyle;
}

/** Rows by number, cells by column number. */
export type Grid = Map<number, Map<number, GridCell>>;

export function buildGrid(sheet: SheetPlan): Grid {
  const grid: Grid = new Map();
  const at = (row: number, column: number): GridCell => {
    let cells = grid.get(row);
    if (!cells) grid.set(row, (cells = new Map()));
    let found = cells.get(column);
    if (!found) cells.set(column, (found = { style: {} }));
    return found;
  };
  for (const block of sheet.blocks) {
    const { row, column } = parseRange(block.at);
    block.cells.forEach((cells, r) =>
      cells.forEach((value, c) => {
        const target = at(row + r, column + c);
        // As in Excel, writing nothing or an empty string leaves the cell empty.
        if (value === null || value === '') delete target.value;
        else target.value = value;
      }),
    );
  }
  for (const format of sheet.formats) {
    const { row, column, rows, columns } = parseRange(format.range);
    for (let r = row; r < row + rows; r++) {
      for (let c = column; c < column + columns; c++) {
        const target = at(r, c);
        target.style = mergeStyle(target.style, format);
      }
    }
  }
  return grid;
}

/**
 * The used range (A1:X40), or A1 for an empty sheet. Counted in a loop: spreading every cell's
 * column into Math.min overflows the call stack on a large sheet (a group comparison of 200
 * assessments holds some 175,000 cells).
 */
export function usedRange(grid: Grid): string {
  let top = Infinity;
  let bottom = -Infinity;
  let left = Infinity;
  let right = -Infinity;
  for (const [row, cells] of grid) {
    for (const column of cells.keys()) {
      top = Math.min(top, row);
      bottom = Math.max(bottom, row);
      left = Math.min(left, column);
      right = Math.max(right, column);
    }
  }
  if (top === Infinity) return 'A1';
  const first = a1(top, left);
  const last = a1(bottom, right);
  return first === last ? first : `${first}:${last}`;
}
