/**
 * The sheets "Start next period" adds to the new workbook's plan (rollForward.ts): last period's
 * rating beside each criterion, the line on the Start sheet that says where the workbook came
 * from, and the sheets kept from last period (Snapshot history, Saved responses, Change log),
 * rebuilt from what they hold so nothing in them is dropped or changed.
 */
import {
  formatDate,
  refuse,
  slotOf,
  type CalendarDate,
  type CellValue,
  type CriterionSlot,
  type Framework,
  type Refusal,
} from '../domain';
import { cell, rect, sheetName } from './address';
import { planCellOf } from './filledPlan';
import { AREA_HEADER_ROW, AREA_FIRST_DATA_ROW, COLOURS, START_SHEET } from './layout';
import type { ChartPlan, PlanCell, SheetPlan, WorkbookPlan } from './plan';
import { withPrintedFor } from './print';
import type { PlanSettings } from './settings';
import { areaCriteria, areaLayoutOf } from './sheets/area';
import {
  CHANGE_LOG_COLUMNS,
  CHANGE_LOG_FIRST_ROW,
  buildChangeLogSheet,
  readChangeLog,
} from './sheets/changeLog';
import {
  HISTORY_SHEET,
  buildHistorySheet,
  frameworkChangeText,
  historyCarriesOn,
  historyEntriesFrom,
  setAsideHistoryName,
} from './sheets/history';
import { buildSavedResponsesSheet, readSavedResponses } from './sheets/savedResponses';
import { START_CARRIED_FROM_ROW } from './sheets/start';
import { bottomOf, valueAt, type RangeSnapshot } from './snapshot';

/** The heading of the column that shows last period's rating, read-only, beside the table. */
export function lastPeriodHeader(period: string): string {
  return period.trim() === '' ? 'Last period' : `Last period (${period.trim()})`;
}

const LAST_PERIOD_WIDTH = 80;

/** The sheets kept from last period as read (null when the workbook has none). */
export interface KeptSheetsRead {
  readonly history: RangeSnapshot | null;
  readonly saved: RangeSnapshot | null;
  readonly changeLog: RangeSnapshot | null;
}

export interface KeptSheets {
  readonly status: 'kept';
  readonly sheets: readonly SheetPlan[];
  readonly charts: readonly ChartPlan[];
  readonly counts: { readonly history: number; readonly saved: number; readonly changeLog: number };
}

/**
 * The kept sheets rebuilt for the new workbook, or the cells that stop them being read (a row
 * that cannot be read would otherwise be left behind). History goes on under the new framework
 * when its areas are the same (an upgrade adds the row marking the change); otherwise it is kept
 * as it was under a name of its own, as an upgrade in place does.
 */
export function keptSheets(
  read: KeptSheetsRead,
  from: Framework,
  to: Framework,
  on: CalendarDate,
): KeptSheets | Refusal<'unreadable-kept-sheets'> {
  const problems: string[] = [];
  const sheets: SheetPlan[] = [];
  const charts: ChartPlan[] = [];
  let history = 0;
  if (read.history) {
    const found = historyEntriesFrom(from, read.history);
    problems.push(...found.problems);
    history = found.entries.length + found.changes.length;
    const same = from.id === to.id && from.version === to.version;
    if (same || historyCarriesOn(from, to)) {
      const changes = same
        ? found.changes
        : [...found.changes, { date: on, text: frameworkChangeText(from, to) }];
      const built = buildHistorySheet(to, found.entries, changes);
      sheets.push(built.sheet);
      charts.push(...built.charts);
    } else {
      const built = buildHistorySheet(from, found.entries, found.changes);
      const name = sheetName(setAsideHistoryName(on, []) ?? `${HISTORY_SHEET} (earlier)`);
      sheets.push({ ...built.sheet, name });
      charts.push(...built.charts.map((c) => ({ ...c, sheet: name })));
    }
  }
  let saved = 0;
  if (read.saved) {
    const found = readSavedResponses(read.saved);
    problems.push(...found.problems);
    saved = found.snapshots.length;
    sheets.push(buildSavedResponsesSheet(found.snapshots));
  }
  let changeLog = 0;
  if (read.changeLog) {
    const rows = changeLogRows(read.changeLog);
    changeLog = rows.filter((r) => r.some((v) => v !== '')).length;
    sheets.push(buildChangeLogSheet(readChangeLog(read.changeLog).logging, rows));
  }
  if (problems.length > 0) {
    return refuse(
      'unreadable-kept-sheets',
      'The next period was not started: some rows of the sheets it carries cannot be read, and would be left behind. Correct the cells named below, then start the next period again. Nothing was changed.',
      problems,
    );
  }
  return { status: 'kept', sheets, charts, counts: { history, saved, changeLog } };
}

/**
 * The log's rows exactly as they are, below its headings: every column it uses (an entry's
 * columns and anything written beside them), blank rows kept in place. Texts stay texts (a plan
 * string is always literal), numbers stay numbers under the log's date and time format.
 */
function changeLogRows(range: RangeSnapshot): PlanCell[][] {
  const width = Math.max(CHANGE_LOG_COLUMNS.length, range.left + (range.values[0]?.length ?? 0) - 1);
  const rows: PlanCell[][] = [];
  for (let row = CHANGE_LOG_FIRST_ROW; row <= bottomOf(range); row++) {
    rows.push(Array.from({ length: width }, (_, i) => valueAt(range, row, i + 1)));
  }
  return rows;
}

/**
 * Each area sheet with last period's rating beside every criterion: a column of its own right of
 * the table (where the officer's own columns start), headed "Last period", locked on the protected
 * sheet. Outside the table, so no formula, reader or check of the table's columns sees it, and a
 * later regeneration keeps it as it keeps any column the officer adds there.
 */
export function withLastPeriod(
  plan: WorkbookPlan,
  framework: Framework,
  lastRatings: ReadonlyMap<CriterionSlot, CellValue>,
  period: string,
): WorkbookPlan {
  const sheets = plan.sheets.map((sheet): SheetPlan => {
    if (sheet.role !== 'area' || sheet.area === undefined) return sheet;
    const criteria = areaCriteria(framework, sheet.area);
    if (criteria.length === 0) return sheet;
    const column = areaLayoutOf(framework, sheet.area).firstOwnColumn;
    const values = criteria.map((c) => [planCellOf(lastRatings.get(slotOf(c)))]);
    return {
      ...sheet,
      blocks: [
        ...sheet.blocks,
        { at: cell(AREA_HEADER_ROW, column), cells: [[lastPeriodHeader(period)]] },
        { at: cell(AREA_FIRST_DATA_ROW, column), cells: values },
      ],
      formats: [
        ...sheet.formats,
        {
          range: cell(AREA_HEADER_ROW, column),
          bold: true,
          fill: COLOURS.header,
          wrap: true,
          verticalTop: true,
          borderBottom: true,
        },
        {
          range: rect(AREA_FIRST_DATA_ROW, column, criteria.length, 1),
          fill: COLOURS.locked,
          horizontal: 'center',
          verticalTop: true,
          locked: true,
        },
      ],
      columns: [...sheet.columns, { column, width: LAST_PERIOD_WIDTH }],
    };
  });
  return { ...plan, sheets };
}

/** What the Start sheet says: where the workbook came from, when, and what was carried. */
export function carriedFromLine(
  organisation: string,
  lastPeriod: string,
  from: Framework,
  choices: {
    readonly startedOn: CalendarDate;
    readonly fields: readonly string[];
    readonly ratings: 'blank' | 'copied';
  },
): string {
  const who = [organisation.trim(), lastPeriod.trim()].filter((s) => s !== '').join(' ');
  const fields = choices.fields.length === 0 ? 'no fields' : choices.fields.map(fieldWords).join(', ');
  const ratings = choices.ratings === 'copied' ? 'ratings copied' : 'ratings started blank';
  return `Carried forward from ${who === '' ? 'the last period' : who} (${from.title}, version ${from.version}) on ${formatDate(choices.startedOn)}: ${fields} carried; ${ratings}; last period's ratings shown in the Last period column.`;
}

function fieldWords(field: string): string {
  const words: Record<string, string> = {
    evidence: 'evidence',
    difference: 'difference made',
    owner: 'owners',
    reviewDate: 'review dates',
    notes: 'notes',
  };
  return words[field] ?? field;
}

/**
 * The plan with the Start sheet's "Carried forward from" line and the kept sheets (after the
 * Summary, before the hidden meta sheet), each printed with the new period in its header.
 */
export function withCarriedFrom(
  plan: WorkbookPlan,
  line: string,
  kept: KeptSheets,
  settings: PlanSettings,
): WorkbookPlan {
  const start = plan.sheets.map((sheet): SheetPlan => {
    if (sheet.name !== sheetName(START_SHEET)) return sheet;
    return {
      ...sheet,
      blocks: [...sheet.blocks, { at: cell(START_CARRIED_FROM_ROW, 1), cells: [['Carried forward', line]] }],
      formats: [...sheet.formats, { range: cell(START_CARRIED_FROM_ROW, 1), bold: true }],
    };
  });
  const meta = start.findIndex((s) => s.role === 'meta');
  const at = meta < 0 ? start.length : meta;
  const added = kept.sheets.map((s) => withPrintedFor(s, settings));
  return {
    ...plan,
    sheets: [...start.slice(0, at), ...added, ...start.slice(at)],
    charts: [...plan.charts, ...kept.charts],
  };
}
