/**
 * The History sheet: one row per saved snapshot, in three side-by-side tables (level reached,
 * share met over all levels, completeness), each with the date first so that each can feed a
 * chart of the trend by area. The add-in rewrites the sheet from the rows it read plus the new
 * one, so a row the officer deleted stays deleted, and a row it cannot read stops the save with
 * a message naming the cell rather than being dropped.
 */
import {
  formatDate,
  readDate,
  compareDates,
  type CalendarDate,
  type Framework,
  type HistoryEntry,
  type SnapshotArea,
  type SnapshotCoverage,
  levelNameOf,
  notYetText,
} from '../../domain';
import { cell, columnLetter, rect, sheetName } from '../address';
import { COLOURS, SHARE_AXIS } from '../layout';
import { areaSeriesStyle, ORGANISATION_STYLE } from '../chartStyle';
import { levelAxes } from '../levelAxis';
import type { ChartPlan, PlanCell, SheetPlan } from '../plan';
import { valueAt, bottomOf, type RangeSnapshot, type SheetValue } from '../snapshot';
import { SheetBuilder } from './sheetBuilder';

export const HISTORY_SHEET = 'Snapshot history';
const SECTION_ROW = 3;
const HEADER_ROW = 4;
const FIRST_ROW = 5;
/** The first row of snapshots (and of rows marking a change of framework). */
export const HISTORY_FIRST_ROW = FIRST_ROW;

/**
 * Where each table starts (1-based columns) for a framework with `areas` areas, and the column
 * after them where a row marking a change of framework says what changed (outside every chart's
 * source, so the words never plot as a value).
 */
export function historyColumns(areas: number): {
  levels: number;
  shares: number;
  completeness: number;
  note: number;
} {
  const levels = 1; // Date | Organisation | one per area
  const shares = levels + 2 + areas + 1; // a blank column between tables
  const completeness = shares + 1 + areas + 1;
  return { levels, shares, completeness, note: completeness + 1 + areas + 1 };
}

/**
 * A row of the History sheet that marks the day the assessment moved to another framework (an
 * upgrade): the rows above it were saved with the earlier one and stay as they were. It has a
 * date and words, and no figures, so the charts show a gap there rather than a value.
 */
export interface FrameworkChange {
  readonly date: CalendarDate;
  readonly text: string;
}

/** What a change row says: it starts with these words, which is how the reader knows it. */
export const FRAMEWORK_CHANGED = 'Framework changed';

export function frameworkChangeText(
  from: { readonly title: string; readonly version: string },
  to: { readonly title: string; readonly version: string },
  setAside = false,
): string {
  const later = setAside
    ? ` The areas changed, so this sheet was set aside and later snapshots go on a new ${HISTORY_SHEET} sheet.`
    : '';
  return `${FRAMEWORK_CHANGED} from "${from.title}" (version ${from.version}) to "${to.title}" (version ${to.version}). Rows above were saved with version ${from.version}.${later}`;
}

/**
 * True when a History sheet written for `from` can go on under `to`: the same areas, by short
 * name, in the same order (the reader checks the headings against them).
 */
export function historyCarriesOn(from: Framework, to: Framework): boolean {
  const names = (f: Framework) => f.areas.map((a) => a.shortName.toLocaleLowerCase()).join('\n');
  return names(from) === names(to);
}

/**
 * The name an upgrade gives the History sheet when the new framework's areas differ, so that its
 * rows stay as they were, as a sheet of the officer's own, and the next snapshot starts a new
 * History sheet: "Snapshot history to 2026-12-01" (no "/", which a sheet name cannot hold), or
 * null when that name is taken.
 */
export function setAsideHistoryName(date: CalendarDate, sheetNames: readonly string[]): string | null {
  const pad = (n: number) => String(n).padStart(2, '0');
  const name = `${HISTORY_SHEET} to ${date.year}-${pad(date.month)}-${pad(date.day)}`;
  return sheetNames.some((n) => n.toLocaleLowerCase() === name.toLocaleLowerCase()) ? null : name;
}

/** The cells of a change row, by column: the date in each table, the words in the note column. */
export function frameworkChangeCells(areas: number, change: FrameworkChange): [number, PlanCell][] {
  const cols = historyColumns(areas);
  const date = formatDate(change.date);
  return [
    [cols.levels, date],
    [cols.shares, date],
    [cols.completeness, date],
    [cols.note, change.text],
  ];
}

/**
 * What a snapshot's row says, in the note column, about the changes it covers: "Covers 12 changes
 * logged since the snapshot before (Change log rows 9 to 20)." The reader takes the figures back
 * from these words, so a later board refresh, which rewrites the sheet, keeps them.
 */
export function coverageText({ changes, firstLogRow, lastLogRow }: SnapshotCoverage): string {
  const rows =
    lastLogRow < firstLogRow
      ? `Change log up to row ${lastLogRow}`
      : `Change log rows ${firstLogRow} to ${lastLogRow}`;
  return `${COVERS} ${changes} ${changes === 1 ? 'change' : 'changes'} logged since the snapshot before (${rows}).`;
}

const COVERS = 'Covers';
const COVERAGE =
  /^Covers (\d+) changes? logged since the snapshot before \(Change log (?:rows (\d+) to (\d+)|up to row (\d+))\)\.$/;

/** The coverage a note states, or undefined for any other words (the officer's, a change row's). */
export function coverageOf(note: SheetValue): SnapshotCoverage | undefined {
  if (typeof note !== 'string') return undefined;
  const m = COVERAGE.exec(note);
  if (!m) return undefined;
  const changes = Number(m[1]);
  if (m[4] !== undefined) return { changes, firstLogRow: Number(m[4]) + 1, lastLogRow: Number(m[4]) };
  return { changes, firstLogRow: Number(m[2]), lastLogRow: Number(m[3]) };
}

/** One entry per day: a later save on the same day replaces the earlier; sorted by date. */
export function withEntry(entries: readonly HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  return [...entries.filter((e) => compareDates(e.date, entry.date) !== 0), entry].sort((a, b) =>
    compareDates(a.date, b.date),
  );
}

export function buildHistorySheet(
  framework: Framework,
  entries: readonly HistoryEntry[],
  changes: readonly FrameworkChange[] = [],
): { sheet: SheetPlan; charts: ChartPlan[] } {
  const name = sheetName(HISTORY_SHEET);
  const sheet = new SheetBuilder(name, 'report');
  const cols = historyColumns(framework.areas.length);
  const levelKey = [0, ...framework.levels.map((l) => l.number)]
    .map((n) => `${n} = ${levelNameOf(framework, n)}`)
    .join(', ');

  sheet.block(1, 1, [['History of saved snapshots']]);
  sheet.format(cell(1, 1), { bold: true, fontSize: 14, fontColor: COLOURS.title });
  sheet.block(2, 1, [
    [
      `One row per "Save snapshot" in the add-in (saving again on the same day replaces that day's row). Levels: ${levelKey}. Delete a row to drop that snapshot.`,
    ],
  ]);
  sheet.format(cell(2, 1), { italic: true });
  const tables = historyTables(cols);
  writeTableHeaders(sheet, framework, tables);
  const rows = historyRows(entries, changes);
  if (rows.length > 0) writeEntries(sheet, framework, rows, cols);
  // The Framework column only when a row marks a change: otherwise the sheet prints as before.
  if (changes.length > 0) {
    sheet.block(HEADER_ROW, cols.note, [['Framework']]);
    sheet.format(cell(HEADER_ROW, cols.note), { bold: true, fill: COLOURS.header, verticalTop: true });
    sheet.column(cols.note, 300);
    sheet.format(rect(FIRST_ROW, cols.note, rows.length, 1), { wrap: true, verticalTop: true });
  }

  sheet.column(cols.levels, 72).column(cols.levels + 1, 80);
  for (const t of tables) {
    if (t.at !== cols.levels) sheet.column(t.at, 72);
    framework.areas.forEach((_, i) => sheet.column(t.at + t.first.length + i, 80));
  }
  const n = Math.max(1, rows.length);
  const charts = entries.length === 0 ? [] : historyCharts(framework, cols, n, levelKey);

  return {
    sheet: sheet.build({
      visible: true,
      protect: true,
      landscape: true,
      tabColor: COLOURS.title,
      freeze: { rows: HEADER_ROW, columns: 0 },
    }),
    charts,
  };
}

interface HistoryTable {
  readonly at: number;
  readonly title: string;
  /** Headings before the areas' own columns. */
  readonly first: readonly string[];
}

/** The three side-by-side tables: level reached, share met, completeness. */
function historyTables(cols: ReturnType<typeof historyColumns>): HistoryTable[] {
  return [
    { at: cols.levels, title: 'Level reached (number)', first: ['Date', 'Organisation'] },
    { at: cols.shares, title: 'Share of applicable criteria met (all levels)', first: ['Date'] },
    { at: cols.completeness, title: 'Completeness', first: ['Date'] },
  ];
}

function writeTableHeaders(sheet: SheetBuilder, framework: Framework, tables: readonly HistoryTable[]): void {
  for (const t of tables) {
    sheet.block(SECTION_ROW, t.at, [[t.title]]);
    sheet.format(cell(SECTION_ROW, t.at), { bold: true, fontColor: COLOURS.title });
    const header = [...t.first, ...framework.areas.map((a) => a.shortName)];
    sheet.block(HEADER_ROW, t.at, [header]);
    sheet.format(rect(HEADER_ROW, t.at, 1, header.length), {
      bold: true,
      fill: COLOURS.header,
      wrap: true,
      verticalTop: true,
    });
  }
}

type HistoryRow = { readonly snapshot: HistoryEntry } | { readonly change: FrameworkChange };

/** Snapshots and changes in date order; a change comes before a snapshot of the same day. */
function historyRows(entries: readonly HistoryEntry[], changes: readonly FrameworkChange[]): HistoryRow[] {
  const dated = (r: HistoryRow) => ('snapshot' in r ? r.snapshot.date : r.change.date);
  return [...changes.map((change) => ({ change })), ...entries.map((snapshot) => ({ snapshot }))].sort(
    (a, b) => compareDates(dated(a), dated(b)),
  );
}

/** One row per snapshot or change in each table. */
function writeEntries(
  sheet: SheetBuilder,
  framework: Framework,
  rows: readonly HistoryRow[],
  cols: ReturnType<typeof historyColumns>,
): void {
  const areas = framework.areas;
  const byArea = (e: HistoryEntry, area: number): SnapshotArea | undefined =>
    e.areas.find((a) => a.area === area);
  // Dates as text: a chart takes a text first column as its categories on every host. A change
  // row has its date and blank figures, so the charts show a gap there, not a value.
  const table = (withOverall: boolean, value: (e: HistoryEntry, area: number) => PlanCell): PlanCell[][] =>
    rows.map((r): PlanCell[] => {
      if ('change' in r)
        return [formatDate(r.change.date), ...(withOverall ? [''] : []), ...areas.map(() => '')];
      const e = r.snapshot;
      return [
        formatDate(e.date),
        ...(withOverall ? [e.overallLevelNo] : []),
        ...areas.map((a) => value(e, a.number)),
      ];
    });
  sheet.block(
    FIRST_ROW,
    cols.levels,
    table(true, (e, a) => byArea(e, a)?.levelNo ?? ''),
  );
  sheet.block(
    FIRST_ROW,
    cols.shares,
    table(false, (e, a) => byArea(e, a)?.shareMet ?? ''),
  );
  sheet.block(
    FIRST_ROW,
    cols.completeness,
    table(false, (e, a) => byArea(e, a)?.completeness ?? ''),
  );
  if (rows.some((r) => 'change' in r || r.snapshot.coverage)) {
    sheet.block(
      FIRST_ROW,
      cols.note,
      rows.map((r): PlanCell[] => [
        'change' in r ? r.change.text : r.snapshot.coverage ? coverageText(r.snapshot.coverage) : '',
      ]),
    );
  }
  sheet.format(rect(FIRST_ROW, cols.shares + 1, rows.length, areas.length), { numberFormat: '0%' });
  sheet.format(rect(FIRST_ROW, cols.completeness + 1, rows.length, areas.length), { numberFormat: '0%' });
}

/** Level reached and share met over time, as lines, one colour per area. */
function historyCharts(
  framework: Framework,
  cols: ReturnType<typeof historyColumns>,
  rows: number,
  levelKey: string,
): ChartPlan[] {
  const name = sheetName(HISTORY_SHEET);
  const nA = framework.areas.length;
  const chartTop = FIRST_ROW + rows + 2;
  // The level chart's axis names the levels; only when it cannot (more than three levels) does
  // the title carry the key.
  const axes = levelAxes([
    notYetText(framework.levels[0]?.name ?? 'the first level'),
    ...framework.levels.map((l) => l.name),
  ]);
  const areaStyles = framework.areas.map((a) => areaSeriesStyle(a.number));
  return [
    {
      id: 'history-levels',
      sheet: name,
      // Lines: a level over time is a trend, not a set of separate amounts.
      kind: 'line',
      title: axes.named ? 'Level reached over time' : `Level reached over time (${levelKey})`,
      source: rect(HEADER_ROW, cols.levels, rows + 1, 2 + nA),
      seriesBy: 'columns',
      from: cell(chartTop, cols.levels),
      to: cell(chartTop + 16, cols.levels + 2 + nA),
      valueAxis: axes.valueAxis,
      ...(axes.secondaryValueAxis ? { secondaryValueAxis: axes.secondaryValueAxis } : {}),
      // The organisation's line on the secondary axis (same scale) makes that axis exist.
      series: [
        { ...ORGANISATION_STYLE, ...(axes.secondaryValueAxis ? { secondaryAxis: true } : {}) },
        ...areaStyles,
      ],
    },
    {
      id: 'history-share-met',
      sheet: name,
      kind: 'line',
      title: 'Share of applicable criteria met over time',
      source: rect(HEADER_ROW, cols.shares, rows + 1, 1 + nA),
      seriesBy: 'columns',
      from: cell(chartTop, cols.shares),
      to: cell(chartTop + 16, cols.shares + 1 + nA + 2),
      valueAxis: SHARE_AXIS,
      series: areaStyles,
    },
  ];
}

/**
 * The entries of a History sheet as read, or the problems (naming the cell) that stop them being
 * trusted. Empty rows are skipped.
 */
export function historyEntriesFrom(
  framework: Framework,
  range: RangeSnapshot,
): { entries: HistoryEntry[]; changes: FrameworkChange[]; problems: string[] } {
  const areas = framework.areas;
  const cols = historyColumns(areas.length);
  const problems: string[] = [];
  const entries: HistoryEntry[] = [];
  const changes: FrameworkChange[] = [];
  const at = (row: number, column: number) => `${HISTORY_SHEET}!${columnLetter(column)}${row}`;

  areas.forEach((a, i) => {
    const header = valueAt(range, HEADER_ROW, cols.levels + 2 + i);
    if (header !== a.shortName) {
      problems.push(
        `${at(HEADER_ROW, cols.levels + 2 + i)} should say "${a.shortName}" (area ${a.number} of ${framework.title}) but says ${JSON.stringify(header)}; the History sheet was written for another framework.`,
      );
    }
  });
  if (problems.length > 0) return { entries, changes, problems };

  const levelMax = framework.levels.length;
  for (let row = FIRST_ROW; row <= bottomOf(range); row++) {
    const cells = (start: number, width: number) =>
      Array.from({ length: width }, (_, i) => valueAt(range, row, start + i));
    const all = [
      ...cells(cols.levels, 2 + areas.length),
      ...cells(cols.shares, 1 + areas.length),
      ...cells(cols.completeness, 1 + areas.length),
    ];
    const note = valueAt(range, row, cols.note);
    const figures = all.filter((_, i) => ![0, 2 + areas.length, 3 + 2 * areas.length].includes(i));
    if (figures.every((v) => v === '') && typeof note === 'string' && note.startsWith(FRAMEWORK_CHANGED)) {
      const date = readHistoryDate(valueAt(range, row, cols.levels), at(row, cols.levels), problems);
      if (date) changes.push({ date, text: note });
      continue;
    }
    if (all.every((v) => v === '')) continue;
    const before = problems.length;
    const date = readHistoryDate(valueAt(range, row, cols.levels), at(row, cols.levels), problems);
    const level = (column: number) =>
      wholeIn(
        valueAt(range, row, column),
        0,
        levelMax,
        at(row, column),
        `a level number from 0 to ${levelMax}`,
        problems,
      );
    const fraction = (column: number, blankAllowed: boolean) =>
      fractionIn(valueAt(range, row, column), blankAllowed, at(row, column), problems);
    const overall = level(cols.levels + 1);
    const snapshotAreas = areas.map((a, i) => ({
      area: a.number,
      levelNo: level(cols.levels + 2 + i) ?? 0,
      shareMet: fraction(cols.shares + 1 + i, true),
      completeness: fraction(cols.completeness + 1 + i, false) ?? 0,
    }));
    if (problems.length === before && date && overall !== null) {
      const coverage = coverageOf(note);
      entries.push({
        date,
        overallLevelNo: overall,
        areas: snapshotAreas,
        ...(coverage ? { coverage } : {}),
      });
    }
  }
  return { entries: entries.sort((a, b) => compareDates(a.date, b.date)), changes, problems };
}

function readHistoryDate(value: SheetValue, where: string, problems: string[]): CalendarDate | null {
  const reading = readDate(value);
  if (reading.kind === 'date') return reading.date;
  problems.push(
    `${where} should hold the snapshot's date, such as 31/03/2027; it holds ${JSON.stringify(value)}.`,
  );
  return null;
}

function wholeIn(
  value: SheetValue,
  min: number,
  max: number,
  where: string,
  what: string,
  problems: string[],
): number | null {
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
  problems.push(`${where} should hold ${what}; it holds ${JSON.stringify(value)}.`);
  return null;
}

function fractionIn(
  value: SheetValue,
  blankAllowed: boolean,
  where: string,
  problems: string[],
): number | null {
  if (value === '' && blankAllowed) return null;
  if (typeof value === 'number' && value >= 0 && value <= 1) return value;
  problems.push(
    `${where} should hold a share from 0% to 100%${blankAllowed ? ' or nothing' : ''}; it holds ${JSON.stringify(value)}.`,
  );
  return null;
}
