/**
 * The Change log sheet: one row per response cell changed while the pane was open, oldest first,
 * never overwritten (the add-in only appends). Protected without a password against accidental
 * edits. Where the add-in finds the rows edited or deleted, it does not write over them: it adds a
 * row starting a new section and goes on below. Regeneration and upgrade leave the sheet as it is.
 *
 * The switch that turns logging off is cell A3 of this sheet, not the meta block: the meta sheet is
 * rebuilt by every regeneration and upgrade, the log sheet is not, so the officer's choice survives
 * them without carry-over code, and it sits where the officer reads the log.
 */
import { calendarDateOf, excelSerialOf, formatDate, EXCEL_SERIAL_FIRST } from '../../domain';
import { cell, columnLetter, rect, sheetName, type SheetName } from '../address';
import type { ChangeEntry, ChangeSource } from '../changeLog';
import { FIELD_WORDS } from '../changeLog';
import { COLOURS } from '../layout';
import type { PlanCell, SheetPlan } from '../plan';
import { bottomOf, valueAt, type RangeSnapshot, type SheetValue } from '../snapshot';
import { SheetBuilder } from './sheetBuilder';

export const CHANGE_LOG_SHEET: SheetName = sheetName('Change log');
export const CHANGE_LOG_TITLE = 'Change log (kept by the add-in)';
export const CHANGE_LOG_SWITCH_ROW = 3;
export const CHANGE_LOG_HEADER_ROW = 4;
export const CHANGE_LOG_FIRST_ROW = 5;
export const CHANGE_LOG_WHEN_FORMAT = 'dd/mm/yyyy hh:mm';
export const LOGGING_ON = 'Logging: on (changes are recorded while the add-in pane is open)';
export const LOGGING_OFF = 'Logging: off (turned off from the add-in pane; changes are not recorded)';
const SECTION_PREFIX = 'New log section started on ';

export type ChangeLogColumnKey =
  'when' | 'sheet' | 'cell' | 'area' | 'criterionId' | 'field' | 'before' | 'after' | 'source';

export const CHANGE_LOG_COLUMNS: readonly { key: ChangeLogColumnKey; header: string; width: number }[] = [
  { key: 'when', header: 'When', width: 90 },
  { key: 'sheet', header: 'Sheet', width: 90 },
  { key: 'cell', header: 'Cell', width: 40 },
  { key: 'area', header: 'Area', width: 36 },
  { key: 'criterionId', header: 'Criterion ID', width: 56 },
  { key: 'field', header: 'What', width: 80 },
  { key: 'before', header: 'Before', width: 220 },
  { key: 'after', header: 'After', width: 220 },
  { key: 'source', header: 'Made by', width: 110 },
];

export const SOURCE_WORDS: Readonly<Record<ChangeSource, string>> = {
  here: 'Here (this pane)',
  'co-author': 'A co-author',
  'add-in fix': 'The add-in (a fix from Check)',
  'add-in combine': 'The add-in (a combined copy)',
};

export function changeLogColumn(key: ChangeLogColumnKey): number {
  const index = CHANGE_LOG_COLUMNS.findIndex((c) => c.key === key);
  if (index < 0) throw new RangeError(`no change log column "${key}"`);
  return index + 1;
}

/** The Excel serial of a moment in the officer's local time (day and time of day). */
export function serialOfMoment(moment: Date): number {
  const seconds = moment.getHours() * 3600 + moment.getMinutes() * 60 + moment.getSeconds();
  return excelSerialOf(calendarDateOf(moment)) + seconds / 86400;
}

/** One entry's cells, in column order. */
export function changeLogRow(entry: ChangeEntry): PlanCell[] {
  const values: Record<ChangeLogColumnKey, PlanCell> = {
    when: serialOfMoment(entry.when),
    sheet: entry.sheet,
    cell: entry.cell,
    area: entry.area,
    criterionId: entry.criterionId,
    field: FIELD_WORDS[entry.field],
    before: entry.before,
    after: entry.after,
    source: SOURCE_WORDS[entry.source],
  };
  return CHANGE_LOG_COLUMNS.map((c) => values[c.key]);
}

/** The row that starts a new section where the rows above were edited or deleted. */
export function sectionRow(on: Date): PlanCell[] {
  const text = `${SECTION_PREFIX}${formatDate(calendarDateOf(on))}: the earlier log was edited or deleted`;
  return CHANGE_LOG_COLUMNS.map((_, i) => (i === 0 ? text : ''));
}

/** The sheet with its headings, the switch in row 3 and `rows` (entries and section rows) below. */
export function buildChangeLogSheet(logging: boolean, rows: readonly PlanCell[][] = []): SheetPlan {
  const sheet = new SheetBuilder(CHANGE_LOG_SHEET, 'report');
  sheet.block(1, 1, [[CHANGE_LOG_TITLE]]);
  sheet.block(2, 1, [
    [
      'Every change to a rating, evidence, difference made, owner or review date on the area sheets while the add-in pane was open, one row per cell, oldest first. The add-in adds rows here and never changes or removes them.',
    ],
  ]);
  sheet.block(CHANGE_LOG_SWITCH_ROW, 1, [[logging ? LOGGING_ON : LOGGING_OFF]]);
  sheet.format(cell(1, 1), { bold: true, fontSize: 14, fontColor: COLOURS.title });
  sheet.format(cell(2, 1), { italic: true });
  sheet.format(cell(CHANGE_LOG_SWITCH_ROW, 1), { bold: true });
  sheet.block(CHANGE_LOG_HEADER_ROW, 1, [CHANGE_LOG_COLUMNS.map((c) => c.header)]);
  sheet.format(rect(CHANGE_LOG_HEADER_ROW, 1, 1, CHANGE_LOG_COLUMNS.length), {
    bold: true,
    fill: COLOURS.header,
    wrap: true,
    verticalTop: true,
    borderBottom: true,
  });
  CHANGE_LOG_COLUMNS.forEach((c, i) => sheet.column(i + 1, c.width));
  if (rows.length > 0) {
    sheet.block(
      CHANGE_LOG_FIRST_ROW,
      1,
      rows.map((r) => [...r]),
    );
    sheet.format(rect(CHANGE_LOG_FIRST_ROW, 1, rows.length, 1), { numberFormat: CHANGE_LOG_WHEN_FORMAT });
  }
  return sheet.build({
    visible: true,
    protect: true,
    landscape: true,
    freeze: { rows: CHANGE_LOG_HEADER_ROW, columns: 0 },
    printTitleRows: CHANGE_LOG_HEADER_ROW,
  });
}

export interface ChangeLogRead {
  /** What cell A3 says; on unless it says off. */
  readonly logging: boolean;
  /** Entries read (section rows are not counted). */
  readonly entries: number;
  /** The row after the last one used: where the next row goes. */
  readonly nextRow: number;
  /** Each cell that is not as the add-in wrote it, by cell; empty when the log is intact. */
  readonly problems: readonly string[];
}

/** The log's state from its used range, naming every cell the add-in cannot read as its own. */
export function readChangeLog(range: RangeSnapshot): ChangeLogRead {
  const at = (row: number, column: number) => `'${CHANGE_LOG_SHEET}'!${columnLetter(column)}${row}`;
  const problems: string[] = [];
  const title = valueAt(range, 1, 1);
  if (title !== CHANGE_LOG_TITLE)
    problems.push(`${at(1, 1)} should say "${CHANGE_LOG_TITLE}"; it says ${JSON.stringify(title)}.`);
  const switchCell = valueAt(range, CHANGE_LOG_SWITCH_ROW, 1);
  if (switchCell !== LOGGING_ON && switchCell !== LOGGING_OFF)
    problems.push(
      `${at(CHANGE_LOG_SWITCH_ROW, 1)} should say "${LOGGING_ON}" or "${LOGGING_OFF}"; it says ${JSON.stringify(switchCell)}.`,
    );
  CHANGE_LOG_COLUMNS.forEach((c, i) => {
    const header = valueAt(range, CHANGE_LOG_HEADER_ROW, i + 1);
    if (header !== c.header)
      problems.push(
        `${at(CHANGE_LOG_HEADER_ROW, i + 1)} should say "${c.header}"; it says ${JSON.stringify(header)}.`,
      );
  });
  let entries = 0;
  let nextRow = CHANGE_LOG_FIRST_ROW;
  const rowProblems: string[] = [];
  for (let row = CHANGE_LOG_FIRST_ROW; row <= bottomOf(range); row++) {
    const cells = CHANGE_LOG_COLUMNS.map((_, i) => valueAt(range, row, i + 1));
    if (cells.every((v) => v === '')) continue;
    nextRow = row + 1;
    // A section row answers for the damage above it: only rows below the last one count.
    if (isSectionRow(cells)) {
      rowProblems.length = 0;
      continue;
    }
    const found = entryProblems(cells, (column) => at(row, column));
    if (found.length === 0) entries += 1;
    else rowProblems.push(...found);
  }
  return { logging: switchCell !== LOGGING_OFF, entries, nextRow, problems: [...problems, ...rowProblems] };
}

function isSectionRow(cells: readonly SheetValue[]): boolean {
  const [first, ...rest] = cells;
  return typeof first === 'string' && first.startsWith(SECTION_PREFIX) && rest.every((v) => v === '');
}

/** What is wrong with one entry's cells, by cell; before and after may hold anything. */
function entryProblems(cells: readonly SheetValue[], at: (column: number) => string): string[] {
  const problems: string[] = [];
  const value = (key: ChangeLogColumnKey) => cells[changeLogColumn(key) - 1] ?? '';
  const expect = (key: ChangeLogColumnKey, ok: (v: SheetValue) => boolean, what: string) => {
    if (!ok(value(key)))
      problems.push(
        `${at(changeLogColumn(key))} should hold ${what}; it holds ${JSON.stringify(value(key))}.`,
      );
  };
  const text = (v: SheetValue) => typeof v === 'string' && v.trim() !== '';
  expect('when', (v) => typeof v === 'number' && v >= EXCEL_SERIAL_FIRST, 'the date and time of the change');
  expect('sheet', text, 'the sheet changed');
  expect('cell', (v) => typeof v === 'string' && /^[A-Z]{1,3}[1-9]\d*$/.test(v), 'a cell such as G7');
  expect('area', (v) => typeof v === 'number' && Number.isInteger(v) && v > 0, 'the area number');
  expect('criterionId', (v) => text(v) || typeof v === 'number', 'the criterion ID');
  expect(
    'field',
    (v) => Object.values(FIELD_WORDS).some((w) => w === v),
    `one of ${Object.values(FIELD_WORDS).join(', ')}`,
  );
  expect(
    'source',
    (v) => Object.values(SOURCE_WORDS).some((w) => w === v),
    `one of ${Object.values(SOURCE_WORDS).join(', ')}`,
  );
  return problems;
}

/** What the add-in sees of the log just before appending (a few cells, not the whole log). */
export interface LogGlance {
  /** The sheet's used range ends at this row (0 when the sheet is empty). */
  readonly bottom: number;
  /** Cells A1:A3: the title, the description and the switch (read for the switch). */
  readonly top: readonly SheetValue[];
  /** The row the add-in wrote last, as it is now; absent when it has written nothing yet. */
  readonly lastWritten?: { readonly row: number; readonly values: readonly SheetValue[] };
}

/**
 * Whether the log is still as the add-in left it: `expectedNext` is the row after the last one it
 * wrote (or found when it read the log in full). Each way it is not is a sentence naming cells.
 */
export function glanceProblems(glance: LogGlance, expectedNext: number): string[] {
  // The title is checked when the pane reads the log in full; here only what appending relies on.
  const problems: string[] = [];
  const next = Math.max(glance.bottom + 1, CHANGE_LOG_FIRST_ROW);
  if (next < expectedNext)
    problems.push(`Rows ${next} to ${expectedNext - 1} of '${CHANGE_LOG_SHEET}' were deleted or cleared.`);
  if (next > expectedNext)
    problems.push(`Rows ${expectedNext} to ${next - 1} of '${CHANGE_LOG_SHEET}' were added by hand.`);
  if (glance.lastWritten && next >= expectedNext) {
    const { row, values } = glance.lastWritten;
    problems.push(
      ...entryProblems(values, (column) => `'${CHANGE_LOG_SHEET}'!${columnLetter(column)}${row}`),
    );
  }
  return problems;
}

/** Where the next row goes: below everything on the sheet, whatever happened to it. */
export function nextRowOf(glance: Pick<LogGlance, 'bottom'>): number {
  return Math.max(glance.bottom + 1, CHANGE_LOG_FIRST_ROW);
}
