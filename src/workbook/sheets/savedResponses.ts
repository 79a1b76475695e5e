/**
 * The Saved responses sheet: full snapshots of every response, one row per criterion per
 * snapshot, snapshots one after another (oldest first), the rows of one snapshot together.
 * "Save snapshot" adds a `Snapshot` (a second save on the same day replaces that day's rows, as on
 * the History sheet); finalising adds an `Approved` one. Regeneration, upgrade and repair leave
 * the sheet as it is: it holds values only, never formulas over the area sheets.
 *
 * Other sheets (the comparison of two periods) refer to its columns through `savedColumn(...)`,
 * never by fixed letters.
 */
import {
  canonicalRating,
  compareDates,
  excelSerialOf,
  calendarDateOf,
  readDate,
  withCompletedText,
  type AssessmentResult,
  type CalendarDate,
  type CellValue,
  type CriterionStatus,
  type Framework,
  type ResponseRow,
} from '../../domain';
import { cell, columnLetter, rect, sheetName, type SheetName } from '../address';
import { COLOURS } from '../layout';
import type { PlanCell, SheetPlan } from '../plan';
import { bottomOf, valueAt, type RangeSnapshot, type SheetValue } from '../snapshot';
import { SheetBuilder } from './sheetBuilder';

export const SAVED_RESPONSES_SHEET: SheetName = sheetName('Saved responses');
/** Cell A1; the add-in treats a sheet of that name as its own only when A1 says this. */
export const SAVED_TITLE = 'Saved responses (full snapshots kept by the add-in)';
export const SAVED_HEADER_ROW = 4;
export const SAVED_FIRST_ROW = 5;

export type SavedColumnKey =
  | 'snapshot'
  | 'date'
  | 'kind'
  | 'framework'
  | 'version'
  | 'area'
  | 'areaName'
  | 'level'
  | 'criterionId'
  | 'text'
  | 'rating'
  | 'status'
  | 'evidence'
  | 'difference'
  | 'owner'
  | 'reviewDate'
  | 'notes';

export const SAVED_COLUMNS: readonly { key: SavedColumnKey; header: string; width: number }[] = [
  { key: 'snapshot', header: 'Snapshot', width: 110 },
  { key: 'date', header: 'Saved on', width: 72 },
  { key: 'kind', header: 'Kind', width: 64 },
  { key: 'framework', header: 'Framework', width: 70 },
  { key: 'version', header: 'Version', width: 90 },
  { key: 'area', header: 'Area', width: 36 },
  { key: 'areaName', header: 'Area name', width: 100 },
  { key: 'level', header: 'Level', width: 40 },
  { key: 'criterionId', header: 'Criterion ID', width: 50 },
  { key: 'text', header: 'Criterion', width: 260 },
  { key: 'rating', header: 'Rating', width: 54 },
  { key: 'status', header: 'Status', width: 70 },
  { key: 'evidence', header: 'How was this done and what is the evidence?', width: 200 },
  { key: 'difference', header: 'What difference has this made?', width: 180 },
  { key: 'owner', header: 'Owner', width: 90 },
  { key: 'reviewDate', header: 'Review date', width: 72 },
  { key: 'notes', header: 'Notes', width: 160 },
];

export function savedColumn(key: SavedColumnKey): number {
  const index = SAVED_COLUMNS.findIndex((c) => c.key === key);
  if (index < 0) throw new RangeError(`no saved responses column "${key}"`);
  return index + 1;
}

export type SavedKind = 'Snapshot' | 'Approved';
export const SAVED_KINDS: readonly SavedKind[] = ['Snapshot', 'Approved'];
export type SavedStatus = 'Met' | 'Not met' | 'N/A' | 'Unanswered';
export const SAVED_STATUSES: readonly SavedStatus[] = ['Met', 'Not met', 'N/A', 'Unanswered'];

const STATUS_WORDS: Readonly<Record<CriterionStatus, SavedStatus>> = {
  met: 'Met',
  'not-met': 'Not met',
  na: 'N/A',
  unanswered: 'Unanswered',
};

/** The response fields a snapshot keeps, in column order. */
export const SAVED_RESPONSE_FIELDS = ['evidence', 'difference', 'owner', 'reviewDate', 'notes'] as const;
export type SavedResponseField = (typeof SAVED_RESPONSE_FIELDS)[number];

export interface SavedCriterion {
  readonly area: number;
  readonly areaName: string;
  readonly level: number;
  readonly criterionId: string;
  readonly text: string;
  /** The canonical rating as read; '' when unanswered. */
  readonly rating: SheetValue;
  readonly status: SavedStatus;
  readonly fields: Readonly<Record<SavedResponseField, SheetValue>>;
  /** The sheet row it was read from, when read (for messages naming the cell). */
  readonly row?: number;
}

export interface SavedSnapshot {
  /** What the Snapshot column says: `2026-12-03`, `Approved 2026-12-03`, or the officer's correction. */
  readonly label: string;
  readonly date: CalendarDate;
  readonly kind: SavedKind;
  readonly frameworkId: string;
  readonly frameworkVersion: string;
  readonly criteria: readonly SavedCriterion[];
}

/** `2026-12-03`: sorts as text in date order, and cannot be read as a date by Excel's parser. */
export function savedLabel(kind: SavedKind, date: CalendarDate): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const day = `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
  return kind === 'Approved' ? `Approved ${day}` : day;
}

/** A cell value as a sheet can hold it: nothing typed is lost (a Date becomes its serial). */
function sheetValueOf(value: CellValue): SheetValue {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return excelSerialOf(calendarDateOf(value));
  return value;
}

/**
 * The snapshot of every criterion of `framework`, from the responses read and the engine's result
 * for them (statuses as judged with the settings of the day). Criterion text is the completed text
 * where the framework lacks it.
 */
export function savedSnapshotOf(
  framework: Framework,
  responses: readonly ResponseRow[],
  result: AssessmentResult,
  kind: SavedKind,
  date: CalendarDate,
): SavedSnapshot {
  const worded = withCompletedText(framework, responses);
  const textOf = new Map(worded.criteria.map((c) => [c.key, c.text]));
  const areaNames = new Map(framework.areas.map((a) => [a.number, a.shortName]));
  const criteria = result.criteria.map((outcome): SavedCriterion => {
    const response = outcome.response;
    const rating =
      outcome.reading.kind === 'blank' ? '' : canonicalRating(outcome.reading, framework.ratingScale);
    return {
      area: outcome.area,
      areaName: areaNames.get(outcome.area) ?? '',
      level: outcome.level,
      criterionId: outcome.criterionId,
      text: textOf.get(outcome.key) ?? '',
      rating: sheetValueOf(rating),
      status: STATUS_WORDS[outcome.status],
      fields: Object.fromEntries(
        SAVED_RESPONSE_FIELDS.map((f) => [f, sheetValueOf(response ? response[f] : '')]),
      ) as Record<SavedResponseField, SheetValue>,
    };
  });
  return {
    label: savedLabel(kind, date),
    date,
    kind,
    frameworkId: framework.id,
    frameworkVersion: framework.version,
    criteria,
  };
}

/**
 * The snapshots with `snapshot` added: one of the same kind on the same day is replaced (a second
 * save that day, or approving again after reopening the same day), others are kept in order.
 */
export function withSavedSnapshot(
  snapshots: readonly SavedSnapshot[],
  snapshot: SavedSnapshot,
): SavedSnapshot[] {
  const kept = snapshots.filter(
    (s) => !(s.kind === snapshot.kind && compareDates(s.date, snapshot.date) === 0),
  );
  return [...kept, snapshot];
}

/** The latest `Approved` snapshot, or null when there is none. */
export function latestApproved(snapshots: readonly SavedSnapshot[]): SavedSnapshot | null {
  const approved = snapshots.filter((s) => s.kind === 'Approved');
  return approved[approved.length - 1] ?? null;
}

/** The data rows of the snapshots, in column order. */
export function savedRows(snapshots: readonly SavedSnapshot[]): PlanCell[][] {
  return snapshots.flatMap((s) =>
    s.criteria.map((c): PlanCell[] => {
      const values: Record<SavedColumnKey, PlanCell> = {
        snapshot: s.label,
        date: excelSerialOf(s.date),
        kind: s.kind,
        framework: s.frameworkId,
        version: s.frameworkVersion,
        area: c.area,
        areaName: c.areaName,
        level: c.level,
        criterionId: c.criterionId,
        text: c.text,
        rating: c.rating,
        status: c.status,
        ...c.fields,
      };
      return SAVED_COLUMNS.map((col) => values[col.key]);
    }),
  );
}

/**
 * The sheet with its headings and the snapshots' rows. Protected (no password, like the area
 * sheets) so a snapshot is not changed by accident; the Snapshot labels are unlocked so the
 * officer can correct one.
 */
export function buildSavedResponsesSheet(snapshots: readonly SavedSnapshot[]): SheetPlan {
  const sheet = new SheetBuilder(SAVED_RESPONSES_SHEET, 'report');
  sheet.block(1, 1, [[SAVED_TITLE]]);
  sheet.block(2, 1, [
    [
      'Every response as it stood when a snapshot was saved ("Save snapshot") or the assessment was approved ("Finalise"), one row per criterion. Saving again on the same day replaces that day\'s rows. You can correct a snapshot\'s label in the Snapshot column; the rest is kept as saved.',
    ],
  ]);
  sheet.format(cell(1, 1), { bold: true, fontSize: 14, fontColor: COLOURS.title });
  sheet.format(cell(2, 1), { italic: true });
  sheet.block(SAVED_HEADER_ROW, 1, [SAVED_COLUMNS.map((c) => c.header)]);
  sheet.format(rect(SAVED_HEADER_ROW, 1, 1, SAVED_COLUMNS.length), {
    bold: true,
    fill: COLOURS.header,
    wrap: true,
    verticalTop: true,
    borderBottom: true,
  });
  SAVED_COLUMNS.forEach((c, i) => sheet.column(i + 1, c.width));
  const rows = savedRows(snapshots);
  if (rows.length > 0) {
    sheet.block(SAVED_FIRST_ROW, 1, rows);
    sheet.format(rect(SAVED_FIRST_ROW, savedColumn('snapshot'), rows.length, 1), { locked: false });
    for (const key of ['date', 'reviewDate'] as const) {
      sheet.format(rect(SAVED_FIRST_ROW, savedColumn(key), rows.length, 1), { numberFormat: 'dd/mm/yyyy' });
    }
  }
  return sheet.build({
    visible: true,
    protect: true,
    landscape: true,
    freeze: { rows: SAVED_HEADER_ROW, columns: 0 },
    printTitleRows: SAVED_HEADER_ROW,
  });
}

export interface SavedRead {
  readonly snapshots: readonly SavedSnapshot[];
  /** What stops rows being trusted, naming the cell; rows with a problem are left out. */
  readonly problems: readonly string[];
}

/** The snapshots a Saved responses sheet holds, read from its used range. */
export function readSavedResponses(range: RangeSnapshot): SavedRead {
  const at = (row: number, key: SavedColumnKey) =>
    `'${SAVED_RESPONSES_SHEET}'!${columnLetter(savedColumn(key))}${row}`;
  if (valueAt(range, 1, 1) !== SAVED_TITLE) {
    return {
      snapshots: [],
      problems: [
        `'${SAVED_RESPONSES_SHEET}'!A1 should say "${SAVED_TITLE}"; it says ${JSON.stringify(valueAt(range, 1, 1))}, so the add-in does not treat the sheet as its own. Rename that sheet and try again.`,
      ],
    };
  }
  const headerProblems = SAVED_COLUMNS.flatMap((c, i) => {
    const found = valueAt(range, SAVED_HEADER_ROW, i + 1);
    return found === c.header
      ? []
      : [`${at(SAVED_HEADER_ROW, c.key)} should say "${c.header}" but says ${JSON.stringify(found)}.`];
  });
  if (headerProblems.length > 0) return { snapshots: [], problems: headerProblems };

  const problems: string[] = [];
  const snapshots: SavedSnapshot[] = [];
  let current: (SavedSnapshot & { criteria: SavedCriterion[] }) | null = null;
  for (let row = SAVED_FIRST_ROW; row <= bottomOf(range); row++) {
    const cells = (key: SavedColumnKey) => valueAt(range, row, savedColumn(key));
    if (SAVED_COLUMNS.every((c) => cells(c.key) === '')) continue;
    const read = readSavedRow(row, cells, (key) => at(row, key));
    if ('problems' in read) {
      problems.push(...read.problems);
      continue;
    }
    const { head, criterion } = read;
    if (current === null || !sameHead(current, head)) {
      current = { ...head, criteria: [] };
      snapshots.push(current);
    }
    current.criteria.push(criterion);
  }
  return { snapshots, problems };
}

type SnapshotHead = Omit<SavedSnapshot, 'criteria'>;

function sameHead(a: SnapshotHead, b: SnapshotHead): boolean {
  return (
    a.label === b.label &&
    a.kind === b.kind &&
    compareDates(a.date, b.date) === 0 &&
    a.frameworkId === b.frameworkId &&
    a.frameworkVersion === b.frameworkVersion
  );
}

/** One data row: its snapshot's head and the criterion, or the problems naming each bad cell. */
function readSavedRow(
  row: number,
  cells: (key: SavedColumnKey) => SheetValue,
  at: (key: SavedColumnKey) => string,
): { head: SnapshotHead; criterion: SavedCriterion } | { problems: string[] } {
  const problems: string[] = [];
  const text = (key: SavedColumnKey, what: string): string => {
    const value = cells(key);
    if ((typeof value === 'string' && value.trim() !== '') || typeof value === 'number') return String(value);
    problems.push(`${at(key)} should hold ${what}; it holds ${JSON.stringify(value)}.`);
    return '';
  };
  const whole = (key: SavedColumnKey, what: string): number => {
    const value = cells(key);
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
    problems.push(`${at(key)} should hold ${what}, a whole number; it holds ${JSON.stringify(value)}.`);
    return 0;
  };
  const oneOf = <T extends string>(key: SavedColumnKey, words: readonly T[]): T => {
    const value = cells(key);
    const found = words.find((w) => w === value);
    if (found === undefined) {
      problems.push(
        `${at(key)} should say ${words.map((w) => `"${w}"`).join(' or ')}; it holds ${JSON.stringify(value)}.`,
      );
    }
    return found ?? words[0]!;
  };
  const label = text('snapshot', "the snapshot's label");
  const dateRead = readDate(cells('date'));
  if (dateRead.kind !== 'date') {
    problems.push(
      `${at('date')} should hold the day the snapshot was saved, such as 31/03/2027; it holds ${JSON.stringify(cells('date'))}.`,
    );
  }
  const head = {
    label,
    date: dateRead.kind === 'date' ? dateRead.date : { year: 1900, month: 1, day: 1 },
    kind: oneOf('kind', SAVED_KINDS),
    frameworkId: text('framework', "the framework's id"),
    frameworkVersion: text('version', "the framework's version"),
  };
  const criterion: SavedCriterion = {
    area: whole('area', 'the area number'),
    areaName: String(cells('areaName')),
    level: whole('level', 'the level number'),
    criterionId: text('criterionId', "the criterion's id"),
    text: String(cells('text')),
    rating: cells('rating'),
    status: oneOf('status', SAVED_STATUSES),
    fields: Object.fromEntries(SAVED_RESPONSE_FIELDS.map((f) => [f, cells(f)])) as Record<
      SavedResponseField,
      SheetValue
    >,
    row,
  };
  return problems.length > 0 ? { problems } : { head, criterion };
}
