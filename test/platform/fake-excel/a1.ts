/**
 * A1 addresses for the fake. Deliberately independent of src/workbook/address.ts: the fake is the
 * yardstick for the adapters, so it must not share their helpers (a shared bug would pass).
 */
import { invalidArgument } from './errors';

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** 0-based, inclusive. */
export interface Rect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface ParsedAddress {
  readonly sheet?: string;
  readonly rect: Rect;
}

export function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

type Part = { row?: number; col?: number };

function parsePart(text: string): Part | undefined {
  const cell = CELL.exec(text);
  if (cell) return { col: columnIndex(cell[1] ?? ''), row: Number(cell[2]) - 1 };
  const col = COLUMN.exec(text);
  if (col) return { col: columnIndex(col[1] ?? '') };
  const row = ROW.exec(text);
  if (row) return { row: Number(row[1]) - 1 };
  return undefined;
}

/** Splits "'Knowing customers'!B2:C4" into sheet and rest; '' quotes inside a quoted name. */
function splitSheet(address: string): { sheet?: string; ref: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { ref: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2) {
    sheet = sheet.slice(1, -1).replace(/''/g, "'");
  }
  return { sheet, ref: address.slice(bang + 1) };
}

/** Parses 'B2', 'B2:C4', 'A:C', '3:5', optionally with '$' and a sheet prefix. */
export function parseAddress(address: string): ParsedAddress {
  const { sheet, ref } = splitSheet(address.trim());
  const [first, second, extra] = ref.split(':');
  const a = first === undefined ? undefined : parsePart(first);
  const b = second === undefined ? a : parsePart(second);
  const bad = () =>
    invalidArgument(`'${address}' is not an A1 address (expected e.g. B2, B2:C4, A:C or 3:5).`);
  if (!a || !b || extra !== undefined) throw bad();
  const wholeColumns =
    a.row === undefined && b.row === undefined && a.col !== undefined && b.col !== undefined;
  const wholeRows = a.col === undefined && b.col === undefined && a.row !== undefined && b.row !== undefined;
  const cells = a.row !== undefined && a.col !== undefined && b.row !== undefined && b.col !== undefined;
  if (!wholeColumns && !wholeRows && !cells) throw bad();
  const top = wholeColumns ? 0 : Math.min(a.row ?? 0, b.row ?? 0);
  const bottom = wholeColumns ? MAX_ROWS - 1 : Math.max(a.row ?? 0, b.row ?? 0);
  const left = wholeRows ? 0 : Math.min(a.col ?? 0, b.col ?? 0);
  const right = wholeRows ? MAX_COLUMNS - 1 : Math.max(a.col ?? 0, b.col ?? 0);
  if (bottom >= MAX_ROWS || right >= MAX_COLUMNS || top < 0 || left < 0) {
    throw invalidArgument(
      `'${address}' is outside the sheet (at most ${MAX_ROWS} rows and ${MAX_COLUMNS} columns).`,
    );
  }
  return sheet === undefined
    ? { rect: { top, left, bottom, right } }
    : { sheet, rect: { top, left, bottom, right } };
}

export function isWholeColumns(rect: Rect): boolean {
  return rect.top === 0 && rect.bottom === MAX_ROWS - 1;
}

export function isWholeRows(rect: Rect): boolean {
  return rect.left === 0 && rect.right === MAX_COLUMNS - 1;
}

/** 'B2', 'B2:C4', 'A:C' or '3:5' as Excel writes them; with `absolute`, '$B$2:$C$4'. */
export function formatRect(rect: Rect, absolute = false): string {
  const d = absolute ? '$' : '';
  if (isWholeColumns(rect)) return `${d}${columnLetters(rect.left)}:${d}${columnLetters(rect.right)}`;
  if (isWholeRows(rect)) return `${d}${rect.top + 1}:${d}${rect.bottom + 1}`;
  const cell = (r: number, c: number) => `${d}${columnLetters(c)}${d}${r + 1}`;
  const start = cell(rect.top, rect.left);
  return rect.top === rect.bottom && rect.left === rect.right
    ? start
    : `${start}:${cell(rect.bottom, rect.right)}`;
}

/** A sheet name as it appears in a reference: quoted unless it is a plain identifier. */
export function quoteSheet(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

export function qualified(sheet: string, rect: Rect, absolute = false): string {
  return `${quoteSheet(sheet)}!${formatRect(rect, absolute)}`;
}

export const rowsOf = (rect: Rect): number => rect.bottom - rect.top + 1;
export const columnsOf = (rect: Rect): number => rect.right - rect.left + 1;

export function contains(rect: Rect, row: number, col: number): boolean {
  return row >= rect.top && row <= rect.bottom && col >= rect.left && col <= rect.right;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** Every cell of a rect, row by row. Callers keep rects small (whole columns are not walked). */
export function* cellsOf(rect: Rect): Generator<{ row: number; col: number }> {
  for (let row = rect.top; row <= rect.bottom; row++) {
    for (let col = rect.left; col <= rect.right; col++) yield { row, col };
  }
}
