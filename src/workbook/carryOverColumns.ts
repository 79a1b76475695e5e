/**
 * Columns across layouts for regeneration. An area sheet has the Guidance column or not
 * (layout.ts), so the same response sits in different columns on the old sheet and the new one.
 * What regeneration keeps is recorded in the columns of the layout without guidance (the base),
 * whatever sheet it was read from, and placed in the columns of the sheet it goes to: a rating
 * read from G on a sheet with guidance is kept as F and written to G again, or to F on a sheet
 * without. The officer's own columns right of the table move with the table's right edge; cells
 * below the table keep their column.
 */
import type { KeptCell } from './carryOverBackup';
import { areaColumnHeader, areaLayout, type AreaLayout } from './layout';

const BASE = areaLayout(false);

/** A column of a sheet of `from`, in the base layout; undefined for a column the base lacks (Guidance). */
function columnToBase(column: number, from: AreaLayout): number | undefined {
  if (column >= from.firstOwnColumn) return column - from.firstOwnColumn + BASE.firstOwnColumn;
  const key = from.keyAt(column);
  return key !== undefined && BASE.has(key) ? BASE.column(key) : undefined;
}

/** A base-layout column, on a sheet of `to`. */
function columnFromBase(column: number, to: AreaLayout): number {
  if (column >= BASE.firstOwnColumn) return column - BASE.firstOwnColumn + to.firstOwnColumn;
  const key = BASE.keyAt(column);
  return key !== undefined ? to.column(key) : column;
}

/** Kept cells read from a sheet of `from`, in base-layout columns (below the table, unchanged). */
export function keptToBase(cells: readonly KeptCell[], from: AreaLayout, lastTableRow: number): KeptCell[] {
  if (!from.guidance) return [...cells];
  return cells.flatMap((c) => {
    if (c.row > lastTableRow) return [c];
    const column = columnToBase(c.column, from);
    return column === undefined ? [] : [{ ...c, column }];
  });
}

/** Where a base-layout cell of row `row` goes on a sheet of `to` whose table ends at `lastTableRow`. */
export function placedColumn(row: number, column: number, to: AreaLayout, lastTableRow: number): number {
  return row > lastTableRow || !to.guidance ? column : columnFromBase(column, to);
}

/** The layout a sheet's header row shows (`header(column)` gives the value in that column of the header row). */
export function layoutOfHeaderRow(header: (column: number) => unknown): AreaLayout {
  const guidance = areaLayout(true);
  const held = header(guidance.column('guidance'));
  const said = typeof held === 'string' ? held.trim().toLocaleLowerCase() : '';
  return areaLayout(said === areaColumnHeader('guidance').toLocaleLowerCase());
}
