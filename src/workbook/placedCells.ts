/**
 * Cells regeneration puts back, turned into plan blocks and formats. Cells next to each other in a
 * row become one block, so a carried response is one or two writes, not one per cell; a gap is a
 * new block, because a block cannot skip a cell (an empty plan cell empties it).
 */
import { cell } from './address';
import type { KeptCell } from './carryOverBackup';
import type { CellBlock, FormatSpec, PlanCell, SheetPlan } from './plan';

/** A kept cell at its place in the new layout. */
export interface PlacedCell {
  readonly row: number;
  readonly column: number;
  readonly content: KeptCell;
}

export interface PlaceOptions {
  /** Formulas written as their text (the archive: a formula moved away from its cells would mislead). */
  readonly formulasAsText?: boolean;
  /** The number format the plan gives a cell anyway; a kept cell with another one gets its own. */
  readonly defaultFormat?: (row: number, column: number) => string;
  /** Unlock the cells (the officer's own cells stay editable on a protected sheet). */
  readonly unlock?: boolean;
}

export function planCellOf(content: KeptCell, formulasAsText = false): PlanCell {
  if (content.isFormula && !formulasAsText) return { formula: String(content.value) };
  return content.value;
}

export function placedBlocks(cells: readonly PlacedCell[], options: PlaceOptions = {}): CellBlock[] {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.column - b.column);
  const blocks: CellBlock[] = [];
  let run: PlacedCell[] = [];
  const flush = () => {
    const first = run[0];
    if (first) {
      blocks.push({
        at: cell(first.row, first.column),
        cells: [run.map((p) => planCellOf(p.content, options.formulasAsText))],
      });
    }
    run = [];
  };
  for (const p of sorted) {
    const previous = run[run.length - 1];
    if (previous && (previous.row !== p.row || previous.column + 1 !== p.column)) flush();
    if (previous && previous.row === p.row && previous.column === p.column) {
      throw new RangeError(`two kept cells were placed on ${cell(p.row, p.column)}`);
    }
    run.push(p);
  }
  flush();
  return blocks;
}

export function placedFormats(cells: readonly PlacedCell[], options: PlaceOptions = {}): FormatSpec[] {
  const formats: FormatSpec[] = [];
  for (const p of cells) {
    const expected = options.defaultFormat?.(p.row, p.column) ?? 'General';
    const numberFormat = p.content.numberFormat !== expected ? p.content.numberFormat : undefined;
    if (numberFormat === undefined && !options.unlock) continue;
    formats.push({
      range: cell(p.row, p.column),
      ...(numberFormat !== undefined ? { numberFormat } : {}),
      ...(options.unlock ? { locked: false } : {}),
    });
  }
  return formats;
}

/** The sheet with the cells written after everything the plan writes there, so they win. */
export function withPlacedCells(
  sheet: SheetPlan,
  cells: readonly PlacedCell[],
  options: PlaceOptions = {},
): SheetPlan {
  if (cells.length === 0) return sheet;
  return {
    ...sheet,
    blocks: [...sheet.blocks, ...placedBlocks(cells, options)],
    formats: [...sheet.formats, ...placedFormats(cells, options)],
  };
}
