/**
 * The change log, decided without Excel: the last reading of an area sheet's response cells, and
 * the entries a new reading of the cells a change event names makes against it, one per cell that
 * changed. Excel's change event carries values only for a single cell, so a paste is diffed
 * against the last reading, cell by cell; a pasted cell that holds what it held before makes no
 * entry.
 */
import { formatDate, readReviewDate } from '../domain';
import { columnLetter, columnNumber, parseRange, rect, type A1 } from './address';
import { AREA_FIRST_DATA_ROW } from './layout';
import { areaColumnsOf, bottomOf, valueAt, type RangeSnapshot, type SheetValue } from './snapshot';

/** The response fields the log follows (notes are the officer's scratch space and are not logged). */
export const LOGGED_FIELDS = ['rating', 'evidence', 'difference', 'owner', 'reviewDate'] as const;
export type LoggedField = (typeof LOGGED_FIELDS)[number];

/**
 * Who made a change: this pane's user, a co-author (the event's source is Remote), or the add-in
 * itself: a fix from Check, or a colleague's answer taken when combining their copy.
 */
export type ChangeSource = 'here' | 'co-author' | 'add-in fix' | 'add-in combine';

/** The words a field has in the log. */
export const FIELD_WORDS: Readonly<Record<LoggedField, string>> = {
  rating: 'Rating',
  evidence: 'Evidence',
  difference: 'Difference made',
  owner: 'Owner',
  reviewDate: 'Review date',
};

export interface ChangeEntry {
  readonly when: Date;
  readonly sheet: string;
  /** The cell on that sheet, such as G7. */
  readonly cell: string;
  readonly area: number;
  readonly criterionId: string;
  readonly field: LoggedField;
  /** As the officer sees them: a rating as its number or word, a date as 31/03/2027. */
  readonly before: string;
  readonly after: string;
  readonly source: ChangeSource;
}

/** One area sheet's id and response cells as last read. */
export interface SheetReading {
  readonly sheet: string;
  readonly area: number;
  /** Where each followed column is on this sheet (by its heading, as every reader finds it). */
  readonly columns: Readonly<Record<LoggedField | 'id', number>>;
  /** Values by `row:column`, only for the id and followed columns, from the first data row. */
  readonly cells: ReadonlyMap<string, SheetValue>;
  /** The last row of the used range when read: rows below it hold no criterion. */
  readonly lastRow: number;
}

const keyOf = (row: number, column: number) => `${row}:${column}`;

/** The reading of an area sheet's used range. */
export function readingOf(range: RangeSnapshot, area: number): SheetReading {
  const columnOf = areaColumnsOf(range);
  const columns = Object.fromEntries(
    (['id', ...LOGGED_FIELDS] as const).map((key) => [key, columnOf(key)]),
  ) as Record<LoggedField | 'id', number>;
  const cells = new Map<string, SheetValue>();
  for (let row = Math.max(AREA_FIRST_DATA_ROW, range.top); row <= bottomOf(range); row++) {
    for (const column of Object.values(columns)) {
      if (column > 0) cells.set(keyOf(row, column), valueAt(range, row, column));
    }
  }
  return { sheet: range.sheet, area, columns, cells, lastRow: bottomOf(range) };
}

/** Cells read back after a change: the top-left cell (1-based) and the values, row by row. */
export interface ChangedCells {
  readonly row: number;
  readonly column: number;
  readonly values: readonly (readonly SheetValue[])[];
}

/**
 * The entries `changed` makes against `reading`, in reading order (row by row, left to right), and
 * the reading with the changed cells in it. Only the id and followed columns are looked at; a cell
 * above the first data row or in another column makes no entry.
 */
export function changesIn(
  reading: SheetReading,
  changed: ChangedCells,
  event: { readonly when: Date; readonly source: ChangeSource },
): { entries: ChangeEntry[]; reading: SheetReading } {
  const cells = new Map(reading.cells);
  const fieldAt = new Map<number, LoggedField>(
    LOGGED_FIELDS.filter((f) => reading.columns[f] > 0).map((f) => [reading.columns[f], f]),
  );
  const idColumn = reading.columns.id;
  // The id column is locked, but an unprotected sheet's paste can change it: the new id names the row.
  changed.values.forEach((values, r) =>
    values.forEach((value, c) => {
      const row = changed.row + r;
      if (row >= AREA_FIRST_DATA_ROW && changed.column + c === idColumn)
        cells.set(keyOf(row, idColumn), value);
    }),
  );
  const entries: ChangeEntry[] = [];
  changed.values.forEach((values, r) =>
    values.forEach((after, c) => {
      const row = changed.row + r;
      const column = changed.column + c;
      const field = fieldAt.get(column);
      if (row < AREA_FIRST_DATA_ROW || field === undefined) return;
      const before = cells.get(keyOf(row, column)) ?? '';
      cells.set(keyOf(row, column), after);
      if (before === after) return;
      entries.push({
        when: event.when,
        sheet: reading.sheet,
        cell: `${columnLetter(column)}${row}`,
        area: reading.area,
        criterionId: String(cells.get(keyOf(row, idColumn)) ?? '').trim(),
        field,
        before: shownValue(field, before),
        after: shownValue(field, after),
        source: event.source,
      });
    }),
  );
  return { entries, reading: { ...reading, cells } };
}

/** A value as the officer sees it: a review date as 31/03/2027, anything else as written. */
export function shownValue(field: LoggedField, value: SheetValue): string {
  if (field === 'reviewDate' && typeof value === 'number') {
    const read = readReviewDate(value);
    if (read.kind === 'date') return formatDate(read.date);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

/**
 * The part of a changed block worth reading back: its rows from the first data row to the last
 * row read, and its columns across the followed ones. Undefined when the change misses them all
 * (a title, a note, a whole column pasted far below the table is cut to the table).
 */
export function followedPart(
  reading: SheetReading,
  changed: { readonly row: number; readonly column: number; readonly rows: number; readonly columns: number },
): { readonly row: number; readonly column: number; readonly address: A1 } | undefined {
  const followed = LOGGED_FIELDS.map((f) => reading.columns[f]).filter((c) => c > 0);
  const top = Math.max(changed.row, AREA_FIRST_DATA_ROW);
  const bottom = Math.min(changed.row + changed.rows - 1, reading.lastRow);
  const left = Math.max(changed.column, Math.min(...followed));
  const right = Math.min(changed.column + changed.columns - 1, Math.max(...followed));
  if (top > bottom || left > right || !followed.some((c) => c >= left && c <= right)) return undefined;
  return { row: top, column: left, address: rect(top, left, bottom - top + 1, right - left + 1) };
}

/** A cell the add-in is about to write itself (a fix, a combined copy): its change is the add-in's. */
export interface OwnWrite {
  readonly sheet: string;
  /** Such as G7. */
  readonly cell: string;
  readonly value: SheetValue;
  /** What wrote it; a fix when not said. */
  readonly by?: 'add-in fix' | 'add-in combine';
}

/**
 * The entries with each one the add-in's own write explains marked as the add-in's, and the
 * writes not yet seen. A write is matched by its sheet (as Excel compares names), cell and value.
 */
export function attributeOwnWrites(
  entries: readonly ChangeEntry[],
  expected: readonly OwnWrite[],
): { entries: ChangeEntry[]; expected: OwnWrite[] } {
  const left = [...expected];
  const marked = entries.map((entry) => {
    const at = left.findIndex(
      (w) =>
        w.sheet.toLocaleLowerCase() === entry.sheet.toLocaleLowerCase() &&
        w.cell === entry.cell &&
        shownValue(entry.field, w.value) === entry.after,
    );
    if (at < 0) return entry;
    const by = left[at]?.by ?? 'add-in fix';
    left.splice(at, 1);
    return { ...entry, source: by };
  });
  return { entries: marked, expected: left };
}

/** Excel's grid: the block a whole column or row covers. */
const LAST_ROW = 1_048_576;
const LAST_COLUMN = 16_384;

export interface Block {
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

/**
 * The block a change event's address names: cells ('G5', 'G5:J9'), whole columns ('G:J', a
 * column pasted whole) or whole rows ('5:9'), which followedPart() cuts to the table. Undefined
 * for an address that is none of these.
 */
export function changedBlock(address: string): Block | undefined {
  const bare = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  try {
    const columns = /^\$?([A-Z]{1,3}):\$?([A-Z]{1,3})$/.exec(bare);
    if (columns) {
      const [from, to] = [columnNumber(columns[1]!), columnNumber(columns[2]!)];
      return { row: 1, column: Math.min(from, to), rows: LAST_ROW, columns: Math.abs(to - from) + 1 };
    }
    const rows = /^\$?(\d+):\$?(\d+)$/.exec(bare);
    if (rows) {
      const [from, to] = [Number(rows[1]), Number(rows[2])];
      return { row: Math.min(from, to), column: 1, rows: Math.abs(to - from) + 1, columns: LAST_COLUMN };
    }
    return parseRange(bare);
  } catch {
    // Not an address of cells, columns or rows (Excel sends none other for an edit).
    return undefined;
  }
}
