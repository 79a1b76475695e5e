/**
 * A1 addresses and sheet references. Every address in the plan is built here, never by string
 * concatenation at the call site: add-in samples that wrote `"=C" + i` got their formulas crossed.
 */
import { sameSheet } from './sheetNames';

export type SheetName = string & { readonly __brand: 'SheetName' };
/** An A1 address without a sheet, such as B5 or B5:H40. */
export type A1 = string & { readonly __brand: 'A1' };

const FORBIDDEN_IN_SHEET_NAME = /[\\/?*[\]:]/;

/** Excel's rules for a sheet name; returns a message naming what is wrong, or null when valid. */
export function sheetNameProblem(name: string): string | null {
  if (name.length === 0) return 'a sheet name cannot be empty';
  if (name.length > 31) return `the sheet name "${name}" is longer than 31 characters`;
  if (FORBIDDEN_IN_SHEET_NAME.test(name)) return `the sheet name "${name}" contains one of \\ / ? * [ ] :`;
  if (name.startsWith("'") || name.endsWith("'"))
    return `the sheet name "${name}" starts or ends with an apostrophe`;
  if (sameSheet(name, 'History')) return 'Excel reserves the sheet name "History"';
  return null;
}

export function sheetName(name: string): SheetName {
  const problem = sheetNameProblem(name);
  if (problem) throw new RangeError(problem);
  return name as SheetName;
}

/** 1 → A, 26 → Z, 27 → AA. Columns are 1-based, as Excel numbers them. */
export function columnLetter(column: number): string {
  if (!Number.isInteger(column) || column < 1 || column > 16384) {
    throw new RangeError(`column ${column} is outside Excel's 1..16384`);
  }
  let n = column;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function columnNumber(letters: string): number {
  if (!/^[A-Z]{1,3}$/.test(letters)) throw new RangeError(`"${letters}" is not a column`);
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  if (n > 16384) throw new RangeError(`column ${letters} is outside Excel's A..XFD`);
  return n;
}

function checkRow(row: number): void {
  if (!Number.isInteger(row) || row < 1 || row > 1048576) {
    throw new RangeError(`row ${row} is outside Excel's 1..1048576`);
  }
}

/** A single cell, 1-based row and column. */
export function cell(row: number, column: number): A1 {
  checkRow(row);
  return `${columnLetter(column)}${row}` as A1;
}

/** A rectangle from its top-left cell and its size. */
export function rect(row: number, column: number, rows: number, columns: number): A1 {
  if (rows < 1 || columns < 1) throw new RangeError(`a range needs at least one row and column`);
  if (rows === 1 && columns === 1) return cell(row, column);
  return `${cell(row, column)}:${cell(row + rows - 1, column + columns - 1)}` as A1;
}

/** Absolute form ($B$5:$H$40), for named ranges and references that must not move when copied. */
export function absolute(address: A1): A1 {
  return address.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2') as A1;
}

/** A sheet name as it must appear in a formula: always quoted, apostrophes doubled. */
export function quoteSheet(name: SheetName): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** 'Sheet name'!B5 */
export function ref(sheet: SheetName, address: A1): string {
  return `${quoteSheet(sheet)}!${address}`;
}

/** The sheet and the single-cell address of a 'Sheet'!A1 reference (as `ref` writes them). */
export function splitCellReference(reference: string): { sheet: string; address: string } {
  const bang = reference.lastIndexOf('!');
  const quoted = reference.slice(0, bang);
  const address = reference.slice(bang + 1);
  parseCell(address);
  return {
    sheet: quoted.startsWith("'") ? quoted.slice(1, -1).replace(/''/g, "'") : quoted,
    address,
  };
}

export interface CellPosition {
  readonly row: number;
  readonly column: number;
}

/** Parses a single-cell A1 address (with or without $ and sheet prefix). */
export function parseCell(address: string): CellPosition {
  const bare = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(bare);
  if (!m || m[1] === undefined || m[2] === undefined)
    throw new RangeError(`"${address}" is not a cell address`);
  const row = Number(m[2]);
  checkRow(row);
  return { row, column: columnNumber(m[1]) };
}

export interface RangePosition extends CellPosition {
  readonly rows: number;
  readonly columns: number;
}

/** Parses A1 or A1:B2 (with or without $ and sheet prefix) into position and size. */
export function parseRange(address: string): RangePosition {
  const bare = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const [from, to] = bare.split(':');
  if (from === undefined) throw new RangeError(`"${address}" is not a range address`);
  const a = parseCell(from);
  const b = to === undefined ? a : parseCell(to);
  const row = Math.min(a.row, b.row);
  const column = Math.min(a.column, b.column);
  return {
    row,
    column,
    rows: Math.abs(b.row - a.row) + 1,
    columns: Math.abs(b.column - a.column) + 1,
  };
}
