/**
 * Co-authoring: an operation reads the workbook, decides, then writes, and a co-author's edit can
 * arrive between any two of its syncs (never inside one: Excel applies a batch as one request).
 * The rule every destructive operation follows (docs/architecture.md, "Co-authors editing"):
 *
 *  1. in the batch that replaces cells, load them first (queueReread): what comes back is exactly
 *     what the write replaced, so a co-author's edit since the operation's read is never unknown;
 *  2. after that sync, compare with what was read (the returned function gives the clashes);
 *  3. put every co-author's value where it belongs (putBack): over the operation's own write,
 *     or into the cell that now holds the same field. putBack loads each cell again in the batch
 *     that writes it and goes round again while newer edits keep landing, so the newest value wins.
 */
import type { XlCellValue, XlContext, XlRange, XlWorksheet } from './api';
import { asLiteralText } from './planCells';
import { cell } from '../workbook/address';
import { sameSheet } from '../workbook/sheetNames';

/** A cell as the operation read it: its content as `formulas` gives it (a constant, or '=...'). */
export interface WatchedCell {
  readonly sheet: string;
  readonly address: string;
  readonly held: XlCellValue;
}

/** A watched cell whose content changed between the operation's read and its write. */
export interface Clash extends WatchedCell {
  /** What the cell held just before the operation's write replaced it. */
  readonly now: XlCellValue;
}

/** A co-author's value to write over what the operation wrote at `sheet`!`address`. */
export interface PutBack {
  readonly sheet: string;
  readonly address: string;
  /** What the operation's write left there, as `formulas` read it back after the write. */
  readonly wrote: XlCellValue;
  /** The co-author's value, as `formulas` read it. */
  readonly value: XlCellValue;
}

/** Tried this many times while co-authors keep editing the same cells; then the operation fails. */
export const PUT_BACK_ROUNDS = 8;

/** Equal as cell content: blank alike, otherwise the same value of the same kind. */
export function sameContent(a: XlCellValue, b: XlCellValue): boolean {
  const blank = (v: XlCellValue) => v === '' || v === null || v === undefined;
  if (blank(a) || blank(b)) return blank(a) && blank(b);
  return a === b;
}

/** What to write through `formulas` so that the cell reads `value` back: text stays text. */
export function contentInput(value: XlCellValue): XlCellValue {
  if (typeof value !== 'string' || value.startsWith('=')) return value;
  return asLiteralText(value);
}

function rangeOf(ctx: XlContext, cell: { sheet: string; address: string }): XlRange {
  return ctx.workbook.worksheets.getItem(cell.sheet).getRange(cell.address);
}

/** A loaded block of cells' content (as `formulas` gives it), from its 1-based top-left cell. */
export interface LoadedBlock {
  readonly top: number;
  readonly left: number;
  readonly formulas: readonly (readonly XlCellValue[])[];
}

/**
 * The cells whose content differs between two loads of a sheet's used range, over both extents
 * (a co-author may type beyond the first), each with what it holds in the second.
 */
export function changedCells(sheet: string, first: LoadedBlock, second: LoadedBlock): Clash[] {
  const at = (b: LoadedBlock, row: number, column: number): XlCellValue =>
    b.formulas[row - b.top]?.[column - b.left] ?? '';
  const bottom = (b: LoadedBlock) => b.top + b.formulas.length;
  const right = (b: LoadedBlock) => b.left + (b.formulas[0]?.length ?? 0);
  const changed: Clash[] = [];
  for (let r = Math.min(first.top, second.top); r < Math.max(bottom(first), bottom(second)); r++) {
    for (let c = Math.min(first.left, second.left); c < Math.max(right(first), right(second)); c++) {
      const held = at(first, r, c);
      const now = at(second, r, c);
      if (!sameContent(held, now)) changed.push({ sheet, address: cell(r, c), held, now });
    }
  }
  return changed;
}

/** A block of cells as the operation read them, from its 1-based top-left cell. */
export interface WatchedBlock {
  readonly sheet: string;
  readonly top: number;
  readonly left: number;
  /** Content as `formulas` gave it; rows of equal length. */
  readonly held: readonly (readonly XlCellValue[])[];
}

/**
 * Queued in the destructive batch, before its writes: loads every watched cell. After the sync,
 * the returned function gives those whose content is not what the operation read.
 */
export function queueReread(ctx: XlContext, cells: readonly WatchedCell[]): () => Clash[] {
  const loaded = cells.map((c) => ({ cell: c, range: rangeOf(ctx, c).load('formulas') }));
  return () =>
    loaded.flatMap(({ cell, range }) => {
      const now = range.formulas[0]?.[0] ?? '';
      return sameContent(now, cell.held) ? [] : [{ ...cell, now }];
    });
}

/**
 * Writes each co-author's value over the operation's write, one batch per round. Each round loads
 * the cell before writing it: a value other than what was last written there is a newer edit,
 * which the next round writes back instead. Told the cells before each write (for the change log).
 */
export interface PutBackOptions {
  /** Told the cells before each write (the change log names them as the add-in's). */
  readonly beforeWrite?: (cells: readonly PutBack[]) => void;
  /**
   * Sheets that are protected (as named in the writes): unprotected for the write and protected
   * again by `protect` in the same batch.
   */
  readonly protectedSheets?: readonly string[];
  readonly protect?: (sheet: XlWorksheet) => void;
}

export async function putBack(
  ctx: XlContext,
  writes: readonly PutBack[],
  options: PutBackOptions = {},
): Promise<void> {
  const { beforeWrite, protectedSheets = [], protect } = options;
  let pending = writes.filter((w) => !sameContent(w.wrote, w.value));
  for (let round = 0; pending.length > 0; round++) {
    if (round === PUT_BACK_ROUNDS) {
      throw new Error(
        `Co-authors kept changing ${pending.map((w) => `'${w.sheet}'!${w.address}`).join(', ')} while the add-in put their edits back; check those cells.`,
      );
    }
    beforeWrite?.(pending);
    const locked = protectedSheets.filter((name) => pending.some((w) => sameSheet(w.sheet, name)));
    for (const name of locked) ctx.workbook.worksheets.getItem(name).protection.unprotect();
    const rounds = pending.map((w) => {
      const range = rangeOf(ctx, w).load('formulas');
      range.formulas = [[contentInput(w.value)]];
      // Read back after the write, in the same batch: Excel keeps a formula in its own spelling.
      return { w, range, after: rangeOf(ctx, w).load('formulas') };
    });
    for (const name of locked) protect?.(ctx.workbook.worksheets.getItem(name));
    await ctx.sync();
    pending = rounds.flatMap(({ w, range, after }) => {
      const found = range.formulas[0]?.[0] ?? '';
      const wrote = after.formulas[0]?.[0] ?? '';
      return sameContent(found, w.wrote) ? [] : [{ ...w, wrote, value: found }];
    });
  }
}
