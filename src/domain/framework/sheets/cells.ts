/**
 * Cells of a framework workbook as the reader sees them (values only, as an .xlsx file holds them),
 * their addresses as Excel writes them, and the problems found in them, kept in the order a person
 * should fix them: by sheet (what others refer to first), then row, then column.
 */
import { cleanForMessage, quoteText } from '../../cellText';
import type { FrameworkProblem } from '../problems';
import { SHEET_ORDER, type FrameworkSheetKey } from './format';

export type SheetCell = string | number | boolean | undefined;

export interface WorkbookSheet {
  readonly name: string;
  /** Row-major from A1; a missing row or cell is blank. */
  readonly rows: readonly (readonly SheetCell[] | undefined)[];
}

export interface WorkbookCells {
  readonly sheets: readonly WorkbookSheet[];
}

export function columnLetters(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** `Criteria!C14`, `'Rating scale'!A3`: the sheet quoted as Excel quotes it. */
export function cellAddress(sheet: string, row: number, column: number | null): string {
  const quoted = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return column === null ? `${quoted}!${row}:${row}` : `${quoted}!${columnLetters(column)}${row}`;
}

export function isBlank(value: SheetCell): boolean {
  return value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** A cell's value as a person would read it in a message: short, whole and readable, whatever it holds. */
export function shownValue(value: SheetCell): string {
  if (value === undefined || value === '') return 'nothing';
  return typeof value === 'string' ? quoteText(value) : String(value);
}

/** Where a problem is: the sheet (by its part of the framework), row, column and the address shown. */
export interface CellPlace {
  readonly sheet: FrameworkSheetKey;
  readonly row: number;
  readonly column: number | null;
  readonly address: string;
}

/** `Criteria!C14`; the row alone (`Criteria!14:14`) without a column; the sheet alone for row 0. */
export function placeOf(sheet: string, row: number, column: number | null): string {
  const address = cellAddress(sheet, Math.max(row, 1), column);
  return row === 0 ? address.slice(0, address.lastIndexOf('!')) : address;
}

interface Located {
  readonly rank: readonly [number, number, number];
  readonly problem: FrameworkProblem;
}

/** Problems with their place; each once. */
export class SheetProblems {
  private readonly list: Located[] = [];
  private readonly seen = new Set<string>();
  private readonly rows = new Set<string>();

  constructor(private readonly file: string) {}

  /** A problem at a cell (column null: the whole row; row 0: the whole sheet). */
  add(sheetKey: FrameworkSheetKey, sheet: string, row: number, column: number | null, message: string): void {
    this.addAt({ sheet: sheetKey, row, column, address: placeOf(sheet, row, column) }, message);
  }

  addAt(place: CellPlace, message: string): void {
    const text = cleanForMessage(message);
    if (this.seen.has(`${place.address}\u0000${text}`)) return;
    this.seen.add(`${place.address}\u0000${text}`);
    this.rows.add(`${place.sheet}:${place.row}`);
    this.list.push({
      rank: [SHEET_ORDER.indexOf(place.sheet), place.row, place.column ?? 0],
      problem: { file: this.file, path: place.address, message: text },
    });
  }

  /** True when a problem was found on this row of this sheet (its other problems would follow from it). */
  hasRow(sheetKey: FrameworkSheetKey, row: number): boolean {
    return this.rows.has(`${sheetKey}:${row}`);
  }

  /** True when a problem was found in this column of this sheet (below its heading). */
  columnHasProblems(sheetKey: FrameworkSheetKey, column: number | null): boolean {
    const sheet = SHEET_ORDER.indexOf(sheetKey);
    return (
      column !== null && this.list.some((l) => l.rank[0] === sheet && l.rank[2] === column && l.rank[1] > 1)
    );
  }

  get isEmpty(): boolean {
    return this.list.length === 0;
  }

  sorted(): FrameworkProblem[] {
    const compare = (a: Located, b: Located) =>
      a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || a.rank[2] - b.rank[2];
    return [...this.list].sort(compare).map((l) => l.problem);
  }
}
