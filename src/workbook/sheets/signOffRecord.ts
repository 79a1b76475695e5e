/**
 * The Sign-off record sheet: one row per finalise and per reopen, in the order they happened,
 * never overwritten (the add-in only appends). What it says last is the workbook's sign-off state:
 * finalised, reopened, or (no row) never finalised. Regeneration, upgrade and repair leave the
 * sheet as it is.
 */
import { excelSerialOf, formatDate, readDate, type CalendarDate } from '../../domain';
import { cell, columnLetter, rect, sheetName, type A1, type SheetName } from '../address';
import { COLOURS } from '../layout';
import type { PlanCell, SheetPlan } from '../plan';
import { bottomOf, valueAt, type RangeSnapshot, type SheetValue } from '../snapshot';
import { REOPENED_PREFIX, type Approval } from '../signOff/approval';
import { SheetBuilder } from './sheetBuilder';

export const SIGN_OFF_SHEET: SheetName = sheetName('Sign-off record');
export const SIGN_OFF_TITLE = 'Sign-off record (kept by the add-in)';
export const SIGN_OFF_HEADER_ROW = 4;
export const SIGN_OFF_FIRST_ROW = 5;

export type SignOffColumnKey =
  | 'action'
  | 'recordedOn'
  | 'who'
  | 'body'
  | 'approvalDate'
  | 'minute'
  | 'accepted'
  | 'acceptedList'
  | 'reason';

export const SIGN_OFF_COLUMNS: readonly { key: SignOffColumnKey; header: string; width: number }[] = [
  { key: 'action', header: 'What', width: 70 },
  { key: 'recordedOn', header: 'Recorded on', width: 72 },
  { key: 'who', header: 'Approved by, or reopened by', width: 120 },
  { key: 'body', header: 'Approving body', width: 90 },
  { key: 'approvalDate', header: 'Date of approval', width: 72 },
  { key: 'minute', header: 'Minute reference', width: 80 },
  { key: 'accepted', header: 'Problems accepted', width: 64 },
  { key: 'acceptedList', header: 'What was accepted', width: 300 },
  { key: 'reason', header: 'Reason for reopening', width: 220 },
];

export function signOffColumn(key: SignOffColumnKey): number {
  const index = SIGN_OFF_COLUMNS.findIndex((c) => c.key === key);
  if (index < 0) throw new RangeError(`no sign-off column "${key}"`);
  return index + 1;
}

export interface FinalisedEntry {
  readonly action: 'Finalised';
  readonly recordedOn: CalendarDate;
  readonly approval: Approval;
  /** How many problems the officer accepted (errors, unanswered and unevidenced criteria). */
  readonly accepted: number;
  /** What was accepted, in words. */
  readonly acceptedList: string;
}

export interface ReopenedEntry {
  readonly action: 'Reopened';
  readonly recordedOn: CalendarDate;
  /** Who reopened it, as typed. */
  readonly by: string;
  readonly reason: string;
}

export type SignOffEntry = FinalisedEntry | ReopenedEntry;

export type SignOffState =
  | { readonly status: 'open' }
  | { readonly status: 'finalised'; readonly finalised: FinalisedEntry }
  | { readonly status: 'reopened'; readonly finalised: FinalisedEntry; readonly reopened: ReopenedEntry };

/** The state the entries leave the workbook in: the last finalise, and a reopen after it if any. */
export function signOffStateOf(entries: readonly SignOffEntry[]): SignOffState {
  let state: SignOffState = { status: 'open' };
  for (const entry of entries) {
    if (entry.action === 'Finalised') state = { status: 'finalised', finalised: entry };
    else if (state.status !== 'open')
      state = { status: 'reopened', finalised: state.finalised, reopened: entry };
  }
  return state;
}

/** Excel's limit on the text of one cell. */
const CELL_TEXT_LIMIT = 32767;

/** One entry's cells, in column order. */
export function signOffRow(entry: SignOffEntry): PlanCell[] {
  const values: Record<SignOffColumnKey, PlanCell> =
    entry.action === 'Finalised'
      ? {
          action: entry.action,
          recordedOn: excelSerialOf(entry.recordedOn),
          who: entry.approval.approvedBy,
          body: entry.approval.body,
          approvalDate: excelSerialOf(entry.approval.date),
          minute: entry.approval.minute,
          accepted: entry.accepted,
          acceptedList: entry.acceptedList.slice(0, CELL_TEXT_LIMIT),
          reason: '',
        }
      : {
          action: entry.action,
          recordedOn: excelSerialOf(entry.recordedOn),
          who: entry.by,
          body: '',
          approvalDate: '',
          minute: '',
          accepted: '',
          acceptedList: '',
          reason: entry.reason,
        };
  return SIGN_OFF_COLUMNS.map((c) => values[c.key]);
}

/** The formats of the row at `row` (its dates shown as dates, long text wrapped). */
export function signOffRowFormats(row: number): { range: A1; numberFormat: string }[] {
  return (['recordedOn', 'approvalDate'] as const).map((key) => ({
    range: cell(row, signOffColumn(key)),
    numberFormat: 'dd/mm/yyyy',
  }));
}

/**
 * The sheet with its headings and `entries`. Protected without a password, nothing unlocked: the
 * record is the add-in's to append to; row 3 is left for the finalised line.
 */
export function buildSignOffSheet(entries: readonly SignOffEntry[]): SheetPlan {
  const sheet = new SheetBuilder(SIGN_OFF_SHEET, 'report');
  sheet.block(1, 1, [[SIGN_OFF_TITLE]]);
  sheet.block(2, 1, [
    [
      'Every time the assessment was finalised (approved) or reopened from the add-in, one row each, oldest first. The add-in adds rows here and never changes or removes them.',
    ],
  ]);
  sheet.format(cell(1, 1), { bold: true, fontSize: 14, fontColor: COLOURS.title });
  sheet.format(cell(2, 1), { italic: true });
  sheet.block(SIGN_OFF_HEADER_ROW, 1, [SIGN_OFF_COLUMNS.map((c) => c.header)]);
  sheet.format(rect(SIGN_OFF_HEADER_ROW, 1, 1, SIGN_OFF_COLUMNS.length), {
    bold: true,
    fill: COLOURS.header,
    wrap: true,
    verticalTop: true,
    borderBottom: true,
  });
  SIGN_OFF_COLUMNS.forEach((c, i) => sheet.column(i + 1, c.width));
  entries.forEach((entry, i) => {
    const row = SIGN_OFF_FIRST_ROW + i;
    sheet.block(row, 1, [signOffRow(entry)]);
    for (const f of signOffRowFormats(row)) sheet.format(f.range, { numberFormat: f.numberFormat });
  });
  return sheet.build({
    visible: true,
    protect: true,
    landscape: true,
    freeze: { rows: SIGN_OFF_HEADER_ROW, columns: 0 },
    printTitleRows: SIGN_OFF_HEADER_ROW,
  });
}

export interface SignOffRead {
  readonly entries: readonly SignOffEntry[];
  /** The row after the last one used: where the next entry goes. */
  readonly nextRow: number;
  readonly problems: readonly string[];
}

/** The entries of a Sign-off record sheet, or the problems naming each cell it cannot read. */
export function readSignOffRecord(range: RangeSnapshot): SignOffRead {
  const at = (row: number, key: SignOffColumnKey) =>
    `'${SIGN_OFF_SHEET}'!${columnLetter(signOffColumn(key))}${row}`;
  if (valueAt(range, 1, 1) !== SIGN_OFF_TITLE) {
    return {
      entries: [],
      nextRow: SIGN_OFF_FIRST_ROW,
      problems: [
        `'${SIGN_OFF_SHEET}'!A1 should say "${SIGN_OFF_TITLE}"; it says ${JSON.stringify(valueAt(range, 1, 1))}, so the add-in does not treat the sheet as its own. Rename that sheet and try again.`,
      ],
    };
  }
  const entries: SignOffEntry[] = [];
  const problems: string[] = [];
  let nextRow = SIGN_OFF_FIRST_ROW;
  for (let row = SIGN_OFF_FIRST_ROW; row <= bottomOf(range); row++) {
    const cells = (key: SignOffColumnKey) => valueAt(range, row, signOffColumn(key));
    if (SIGN_OFF_COLUMNS.every((c) => cells(c.key) === '')) continue;
    nextRow = row + 1;
    const read = readSignOffRow(cells, (key) => at(row, key));
    if ('problems' in read) problems.push(...read.problems);
    else entries.push(read.entry);
  }
  return { entries, nextRow, problems };
}

function readSignOffRow(
  cells: (key: SignOffColumnKey) => SheetValue,
  at: (key: SignOffColumnKey) => string,
): { entry: SignOffEntry } | { problems: string[] } {
  const problems: string[] = [];
  const text = (key: SignOffColumnKey, what: string): string => {
    const value = cells(key);
    if ((typeof value === 'string' && value.trim() !== '') || typeof value === 'number') return String(value);
    problems.push(`${at(key)} should hold ${what}; it holds ${JSON.stringify(value)}.`);
    return '';
  };
  const day = (key: SignOffColumnKey, what: string): CalendarDate => {
    const read = readDate(cells(key));
    if (read.kind === 'date') return read.date;
    problems.push(
      `${at(key)} should hold ${what}, such as 31/03/2027; it holds ${JSON.stringify(cells(key))}.`,
    );
    return { year: 1900, month: 1, day: 1 };
  };
  const action = cells('action');
  const recordedOn = day('recordedOn', 'the day it was recorded');
  if (action === 'Finalised') {
    const approval: Approval = {
      approvedBy: text('who', 'who approved it'),
      body: text('body', 'the approving body'),
      date: day('approvalDate', 'the date of approval'),
      minute: text('minute', 'the minute reference'),
    };
    const accepted = cells('accepted');
    const count = typeof accepted === 'number' && Number.isInteger(accepted) && accepted >= 0 ? accepted : 0;
    if (count !== accepted)
      problems.push(`${at('accepted')} should hold a whole number; it holds ${JSON.stringify(accepted)}.`);
    const entry: FinalisedEntry = {
      action,
      recordedOn,
      approval,
      accepted: count,
      acceptedList: String(cells('acceptedList')),
    };
    return problems.length > 0 ? { problems } : { entry };
  }
  if (action === 'Reopened') {
    const entry: ReopenedEntry = {
      action,
      recordedOn,
      by: text('who', 'who reopened it'),
      reason: text('reason', 'the reason for reopening'),
    };
    return problems.length > 0 ? { problems } : { entry };
  }
  return {
    problems: [`${at('action')} should say "Finalised" or "Reopened"; it holds ${JSON.stringify(action)}.`],
  };
}

/**
 * The board report's words for the sign-off state: who approved it, or, once reopened, that this
 * is no longer the approved version. Null when it was never finalised.
 */
export function approvalWords(state: SignOffState): string | null {
  if (state.status === 'open') return null;
  const { approval } = state.finalised;
  if (state.status === 'reopened') {
    return `${REOPENED_PREFIX}${formatDate(approval.date)}, reopened on ${formatDate(state.reopened.recordedOn)} because ${state.reopened.reason}. This is not the approved version.`;
  }
  return `Approved by ${approval.approvedBy} (${approval.body}, minute ${approval.minute}) on ${formatDate(approval.date)}.`;
}
