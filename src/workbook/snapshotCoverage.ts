/**
 * How many logged changes a snapshot covers (issue 22: "snapshots note how many changes they
 * cover"): the entry rows of the Change log after the rows the snapshot before it covered, up to
 * the log's last row now. Counted by row, not by date, because the log is only ever appended to:
 * a row counted once is never counted again, and a section row (the log was edited) is not a
 * change. Decided here; src/excel/snapshotCoverage.ts reads the cells and writes the note.
 */
import {
  compareDates,
  readDate,
  type CalendarDate,
  type HistoryEntry,
  type SnapshotCoverage,
} from '../domain';
import { columnLetter } from './address';
import { FIELD_WORDS } from './changeLog';
import { bottomOf, valueAt, type RangeSnapshot, type SheetValue } from './snapshot';
import { CHANGE_LOG_FIRST_ROW, changeLogColumn } from './sheets/changeLog';
import { FRAMEWORK_CHANGED, HISTORY_FIRST_ROW, historyColumns } from './sheets/history';

/** The first Change log row today's snapshot counts from: after the last earlier snapshot's. */
export function firstUncoveredRow(entries: readonly HistoryEntry[], today: CalendarDate): number {
  const earlier = entries.filter((e) => e.coverage && compareDates(e.date, today) < 0);
  const last = earlier.reduce<SnapshotCoverage | undefined>(
    (found, e) => (e.coverage && (!found || e.coverage.lastLogRow > found.lastLogRow) ? e.coverage : found),
    undefined,
  );
  return last ? last.lastLogRow + 1 : CHANGE_LOG_FIRST_ROW;
}

/** The column whose words tell a change from a section row ("Rating", "Evidence", ...). */
export const COVERAGE_COLUMN = changeLogColumn('field');

/** The range of that column to read, from `first` to the log's last row, or null when there is none. */
export function coverageRange(first: number, logBottom: number): string | null {
  if (logBottom < first) return null;
  const letter = columnLetter(COVERAGE_COLUMN);
  return `${letter}${first}:${letter}${logBottom}`;
}

const FIELDS: ReadonlySet<SheetValue> = new Set(Object.values(FIELD_WORDS));

/** The coverage of rows `first` to `logBottom`, given their field cells (top to bottom). */
export function coverageFrom(
  first: number,
  logBottom: number,
  fieldCells: readonly SheetValue[],
): SnapshotCoverage {
  const changes = fieldCells.filter((v) => FIELDS.has(v)).length;
  return { changes, firstLogRow: first, lastLogRow: Math.max(logBottom, first - 1) };
}

/** The History row of today's snapshot (the last row dated today that is not a change row), if any. */
export function todaysHistoryRow(
  history: RangeSnapshot,
  areas: number,
  today: CalendarDate,
): { readonly row: number; readonly noteColumn: number } | undefined {
  const cols = historyColumns(areas);
  for (let row = bottomOf(history); row >= HISTORY_FIRST_ROW; row--) {
    const date = readDate(valueAt(history, row, cols.levels));
    const note = valueAt(history, row, cols.note);
    if (date.kind !== 'date' || compareDates(date.date, today) !== 0) continue;
    if (typeof note === 'string' && note.startsWith(FRAMEWORK_CHANGED)) continue;
    return { row, noteColumn: cols.note };
  }
  return undefined;
}
