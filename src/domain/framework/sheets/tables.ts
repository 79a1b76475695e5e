/**
 * Finding the framework's sheets and their columns by name, and turning cells into the values the
 * file format wants. Each problem is reported at its cell; a missing sheet or column is reported
 * once, and nothing that depends on it is reported again.
 */
import type { z } from 'zod';
import { FRAMEWORK_SHEETS, type FrameworkSheetKey, type TableColumn } from './format';
import {
  isBlank,
  shownValue,
  type SheetCell,
  type SheetProblems,
  type WorkbookCells,
  type WorkbookSheet,
} from './cells';

export interface TableRow<K extends string> {
  /** The sheet row, counted from 1. */
  readonly row: number;
  get(key: K): SheetCell;
  column(key: K): number | null;
}

export interface Table<K extends string> {
  readonly key: FrameworkSheetKey;
  /** The sheet's name as the file spells it. */
  readonly name: string;
  readonly rows: readonly TableRow<K>[];
  /** False when the sheet or a column it must have is missing: what refers to it is not checked. */
  readonly complete: boolean;
}

export function findSheet(book: WorkbookCells, key: FrameworkSheetKey): WorkbookSheet | undefined {
  const wanted = FRAMEWORK_SHEETS[key].toLocaleLowerCase('en-GB');
  return book.sheets.find((s) => s.name.trim().toLocaleLowerCase('en-GB') === wanted);
}

const folded = (text: string) => text.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-GB');

/** Reads a table whose headings are in row 1; rows with every column blank are left out. */
export function readTable<K extends string>(
  book: WorkbookCells,
  key: FrameworkSheetKey,
  columns: readonly TableColumn<K>[],
  problems: SheetProblems,
): Table<K> {
  const sheet = findSheet(book, key);
  const name = FRAMEWORK_SHEETS[key];
  if (!sheet) {
    problems.add(key, name, 0, null, `the file has no sheet named "${name}"; add it (the template has it)`);
    return { key, name, rows: [], complete: false };
  }
  const at = new Map<K, number>();
  let complete = true;
  (sheet.rows[0] ?? []).forEach((heading, i) => {
    if (isBlank(heading)) return;
    const column = columns.find((c) => folded(c.header) === folded(String(heading)));
    if (!column) {
      problems.add(
        key,
        sheet.name,
        1,
        i + 1,
        `the column heading ${shownValue(heading)} is not one this sheet has; correct it or remove the column (the headings are ${columns.map((c) => c.header).join(', ')})`,
      );
    } else if (at.has(column.key)) {
      problems.add(
        key,
        sheet.name,
        1,
        i + 1,
        `there is already a column headed "${column.header}"; keep one`,
      );
    } else {
      at.set(column.key, i + 1);
    }
  });
  for (const column of columns.filter((c) => c.required && !at.has(c.key))) {
    problems.add(
      key,
      sheet.name,
      1,
      null,
      `no column is headed "${column.header}" (${column.note}); add it in row 1`,
    );
    complete = false;
  }
  const rows: TableRow<K>[] = [];
  sheet.rows.forEach((cells, i) => {
    if (i === 0 || !cells) return;
    const get = (k: K) => {
      const c = at.get(k);
      return c === undefined ? undefined : cells[c - 1];
    };
    if (columns.every((c) => isBlank(get(c.key)))) return;
    rows.push({ row: i + 1, get, column: (k) => at.get(k) ?? null });
  });
  return { key, name: sheet.name, rows, complete };
}

/** Reads one cell into the type a schema field wants, or reports why it cannot. */
export class CellReader {
  constructor(private readonly problems: SheetProblems) {}

  /** Text as the cell holds it (a number typed in a text column is kept as typed). */
  text(value: SheetCell): string {
    if (value === undefined) return '';
    return typeof value === 'string' ? value : String(value);
  }

  /** A field checked with its schema: the parsed value, or undefined after reporting the schema's words. */
  field<T>(
    schema: z.ZodType<T>,
    value: unknown,
    where: { sheet: FrameworkSheetKey; name: string; row: number; column: number | null },
  ): T | undefined {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    const message = parsed.error.issues[0]?.message ?? 'this value is not accepted here';
    this.problems.add(where.sheet, where.name, where.row, where.column, message);
    return undefined;
  }

  /** A whole number from a number cell or digits typed as text; undefined (reported) otherwise. */
  whole(
    value: SheetCell,
    where: { sheet: FrameworkSheetKey; name: string; row: number; column: number | null },
    what: string,
  ): number | undefined {
    if (typeof value === 'number' && Number.isInteger(value)) return value;
    if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) return Number(value);
    this.problems.add(
      where.sheet,
      where.name,
      where.row,
      where.column,
      `${what} should be a whole number but the cell holds ${shownValue(value)}`,
    );
    return undefined;
  }

  /** A whole number that must also pass a schema field's rule (a range), reported once either way. */
  wholeField(
    schema: z.ZodType<number>,
    value: SheetCell,
    where: { sheet: FrameworkSheetKey; name: string; row: number; column: number | null },
    what: string,
  ): number | undefined {
    const number = this.whole(value, where, what);
    return number === undefined ? undefined : this.field(schema, number, where);
  }
}
