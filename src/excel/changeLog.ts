/**
 * The change log while the pane listens: every change to a rating, evidence, difference made,
 * owner or review date on an area sheet is appended to the Change log sheet, one row per cell.
 * Excel gives values only for a single-cell change, so each change reads the changed cells back
 * and the pure code (src/workbook/changeLog.ts) diffs them against the last reading.
 *
 * Per change: one sync reads the changed cells and glances at the log (its used range, A1:A3, the
 * row written last), one writes the rows. The log is never written over: where it was edited or
 * deleted, the next rows start a new section below whatever is there. Changes are handled one at
 * a time, in the order Excel reports them. Only load and queue here; every decision is pure.
 *
 * Change events on every sheet (`worksheets.onChanged`) are ExcelApi 1.9, the add-in's minimum,
 * so any host that runs the pane has them; the set is still checked, so a host that lacks them is
 * told the log is not kept rather than failing.
 */
import type { ExcelGateway, XlContext, XlWorksheetChangedEventArgs } from './api';
import { protectSheet, queueSheetContent } from './applyPlan';
import { actualSheetName } from './inspect';
import { blockFormulas } from './planCells';
import type { Framework } from '../domain';
import { calendarDateOf, excelSerialOf } from '../domain';
import { cell, rect } from '../workbook/address';
import {
  attributeOwnWrites,
  changedBlock,
  changesIn,
  followedPart,
  readingOf,
  type ChangeEntry,
  type OwnWrite,
  type SheetReading,
} from '../workbook/changeLog';
import { META_SHEET, START_SHEET } from '../workbook/layout';
import { printedForOf, withPrintedFor } from '../workbook/print';
import { startLayoutOf, type StartLayout } from '../workbook/sheets/start';
import { CHANGE_LOG_META_BLOCK, changeLogMetaRows, changeLogWasKept } from '../workbook/metaBlock';
import type { PlanCell } from '../workbook/plan';
import {
  buildChangeLogSheet,
  changeLogRow,
  CHANGE_LOG_COLUMNS,
  CHANGE_LOG_SHEET,
  CHANGE_LOG_SWITCH_ROW,
  CHANGE_LOG_WHEN_FORMAT,
  glanceProblems,
  LOGGING_OFF,
  LOGGING_ON,
  nextRowOf,
  readChangeLog,
  sectionRow,
  type LogGlance,
} from '../workbook/sheets/changeLog';
import { sheetKey, type SheetKey } from '../workbook/sheetNames';
import type { RangeSnapshot } from '../workbook/snapshot';

/** The set whose `worksheets.onChanged` the log listens to. */
export const CHANGE_EVENTS_SET = '1.9';

export type ChangeLogStatus =
  | {
      readonly status: 'on' | 'off';
      /** Rows appended since the pane started listening. */
      readonly logged: number;
      /**
       * How the log was found edited or deleted, by cell; the next change starts a new section.
       * Empty when it is as the add-in left it.
       */
      readonly damage: readonly string[];
    }
  | { readonly status: 'unavailable'; readonly reason: string };

export interface ChangeLogger {
  /** Stops listening; resolves when the handler is removed and every change heard is logged. */
  stop(): Promise<void>;
  /** Resolves when every change heard so far has been logged (for tests and progress). */
  settled(): Promise<void>;
  /** Cells the add-in is about to write (a fix): their changes are logged as the add-in's. */
  expectOwnWrites(writes: readonly OwnWrite[]): void;
  /** Turns logging on or off (cell A3 of the log; the sheet is made if there is none). */
  setLogging(on: boolean): Promise<void>;
}

export interface ChangeLogOptions {
  readonly now: () => Date;
  readonly onStatus: (status: ChangeLogStatus) => void;
  /** A change could not be logged (for example Excel failed): shown to the officer. */
  readonly onError: (error: unknown) => void;
}

/** What the pane knows of the log between changes. */
interface LogState {
  exists: boolean;
  logging: boolean;
  /** The row after the last one the add-in wrote or found. */
  nextRow: number;
  /** The row the add-in wrote last, to see whether it is still intact. */
  lastWritten: number | undefined;
  damage: string[];
  /** Where the Start sheet keeps the organisation and period, for a new log's page header. */
  readonly start: StartLayout;
  /** Whether the log sheet was protected when last looked at. */
  protectedNow: boolean;
  /** The meta sheet records that a log was kept. */
  marked: boolean;
  /** The meta sheet's name as found on opening; a workbook without one gets no marker (Check says why). */
  readonly metaSheet: string | undefined;
  logged: number;
}

export async function startChangeLog(
  gateway: ExcelGateway,
  framework: Framework,
  options: ChangeLogOptions,
): Promise<ChangeLogger> {
  if (!gateway.isSetSupported(CHANGE_EVENTS_SET)) {
    options.onStatus({
      status: 'unavailable',
      reason: `This version of Excel does not report changes to the add-in (ExcelApi ${CHANGE_EVENTS_SET}), so no change log is kept here.`,
    });
    const done = Promise.resolve();
    return {
      stop: () => done,
      settled: () => done,
      expectOwnWrites: () => undefined,
      setLogging: () => done,
    };
  }
  const areaBySheet = new Map(framework.areas.map((a) => [sheetKey(a.shortName), a.number]));
  const opened = await gateway.run((ctx) => readAtStart(ctx, areaBySheet, startLayoutOf(framework)));
  const { readings, names, log } = opened;
  const report = () =>
    options.onStatus({ status: log.logging ? 'on' : 'off', logged: log.logged, damage: [...log.damage] });
  report();
  let expected: OwnWrite[] = [];

  const onChange = async (args: XlWorksheetChangedEventArgs): Promise<void> => {
    const name = names.get(args.worksheetId) ?? (await gateway.run((ctx) => nameOf(ctx, args.worksheetId)));
    // A sheet deleted since the change (regeneration deletes the sheets it replaced): nothing to read.
    if (name === undefined) return;
    names.set(args.worksheetId, name);
    const area = areaBySheet.get(sheetKey(name));
    if (area === undefined) return;
    const reading = readings.get(args.worksheetId);
    const changed = reading && args.changeType === 'RangeEdited' ? changedBlock(args.address) : undefined;
    if (!reading || !changed) {
      // A new sheet (regenerated), or rows or columns inserted or deleted: everything may have
      // moved, so the sheet is read again and the change itself is not logged cell by cell.
      // (A paste of whole columns or rows is a plain edit: changedBlock() gives its block.)
      const fresh = await gateway.run((ctx) => readSheet(ctx, name, area));
      readings.set(args.worksheetId, fresh);
      return;
    }
    const part = followedPart(reading, changed);
    if (!part) return;
    const source = args.source === 'Remote' ? 'co-author' : 'here';
    await gateway.run(async (ctx) => {
      const cells = ctx.workbook.worksheets.getItem(name).getRange(part.address).load('values');
      const logSheet = ctx.workbook.worksheets.getItemOrNullObject(CHANGE_LOG_SHEET).load('name');
      await ctx.sync();
      const diff = changesIn(reading, { ...part, values: cells.values }, { when: options.now(), source });
      readings.set(args.worksheetId, diff.reading);
      const attributed = attributeOwnWrites(diff.entries, expected);
      expected = attributed.expected;
      if (attributed.entries.length === 0) return;
      noteGlance(log, logSheet.isNullObject ? GONE : await glanceAt(ctx, log));
      if (log.logging) await appendEntries(ctx, log, attributed.entries, options.now());
    });
    report();
  };

  let queue: Promise<void> = Promise.resolve();
  const listening = listen(gateway, (args) => {
    queue = queue.then(() => onChange(args)).catch((error: unknown) => options.onError(error));
    return queue;
  });
  await listening.ready;

  return {
    async stop() {
      await listening.stop();
      await queue;
    },
    settled: () => queue,
    expectOwnWrites(writes) {
      expected = [...expected, ...writes];
    },
    async setLogging(on) {
      const written = queue.then(() => gateway.run((ctx) => writeSwitch(ctx, log, on)));
      // The caller hears a failure; the changes queued after it are still logged.
      queue = written.catch(() => undefined);
      await written;
      report();
    },
  };
}

/** The whole-workbook change handler, added through a context kept open until stop(). */
function listen(
  gateway: ExcelGateway,
  handler: (args: XlWorksheetChangedEventArgs) => Promise<void>,
): { ready: Promise<void>; stop: () => Promise<void> } {
  let stopRequested: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => (stopRequested = resolve));
  let registered: () => void = () => undefined;
  const added = new Promise<void>((resolve) => (registered = resolve));
  // Office removes a handler only through the context that added it.
  const running = gateway.run(async (ctx) => {
    const handle = ctx.workbook.worksheets.onChanged.add(handler);
    await ctx.sync();
    registered();
    await stopped;
    handle.remove();
    await ctx.sync();
  });
  return {
    // A failure to register must reach the caller, not hang the pane.
    ready: Promise.race([added, running]),
    stop: async () => {
      stopRequested();
      await running;
    },
  };
}

/** Two syncs: the sheets, then each area sheet's used range, the log and the meta block's marker. */
async function readAtStart(
  ctx: XlContext,
  areaBySheet: ReadonlyMap<SheetKey, number>,
  start: StartLayout,
): Promise<{ readings: Map<string, SheetReading>; names: Map<string, string>; log: LogState }> {
  const sheets = ctx.workbook.worksheets.load('items/name, items/id');
  await ctx.sync();
  const sheetNames = sheets.items.map((s) => s.name);
  const names = new Map(sheets.items.map((s) => [s.id, s.name]));
  const used = sheets.items.flatMap((s) => {
    const area = areaBySheet.get(sheetKey(s.name));
    if (area === undefined) return [];
    return [{ id: s.id, name: s.name, area, range: s.getUsedRange().load('values, rowIndex, columnIndex') }];
  });
  const logName = actualSheetName(sheetNames, CHANGE_LOG_SHEET);
  const logRange = logName
    ? ctx.workbook.worksheets.getItem(logName).getUsedRange().load('values, rowIndex, columnIndex')
    : undefined;
  const metaName = actualSheetName(sheetNames, META_SHEET);
  const marker = metaName
    ? ctx.workbook.worksheets.getItem(metaName).getRange(CHANGE_LOG_META_BLOCK).load('values')
    : undefined;
  await ctx.sync();
  const readings = new Map(used.map((u) => [u.id, readingOf(snapshotOf(u.name, u.range), u.area)] as const));
  const marked = marker ? changeLogWasKept(marker.values) : false;
  const log: LogState = {
    exists: false,
    logging: true,
    nextRow: 0,
    lastWritten: undefined,
    damage: [],
    marked,
    protectedNow: true,
    start,
    metaSheet: metaName,
    logged: 0,
  };
  if (logRange && logName) {
    const read = readChangeLog(snapshotOf(logName, logRange));
    Object.assign(log, {
      exists: true,
      logging: read.logging,
      nextRow: read.nextRow,
      damage: [...read.problems],
    });
  } else if (marked) {
    log.damage = [`The '${CHANGE_LOG_SHEET}' sheet is gone, though this workbook kept a change log.`];
  }
  return { readings, names, log };
}

function snapshotOf(
  sheet: string,
  range: { values: RangeSnapshot['values']; rowIndex: number; columnIndex: number },
): RangeSnapshot {
  return {
    sheet,
    top: range.rowIndex + 1,
    left: range.columnIndex + 1,
    values: range.values,
    formulas: range.values,
  };
}

async function readSheet(ctx: XlContext, name: string, area: number): Promise<SheetReading> {
  const range = ctx.workbook.worksheets.getItem(name).getUsedRange().load('values, rowIndex, columnIndex');
  await ctx.sync();
  return readingOf(snapshotOf(name, range), area);
}

async function nameOf(ctx: XlContext, id: string): Promise<string | undefined> {
  const sheet = ctx.workbook.worksheets.getItemOrNullObject(id).load('name');
  await ctx.sync();
  return sheet.isNullObject ? undefined : sheet.name;
}

/** The log sheet's absence, as a glance. */
const GONE: LogGlance = { bottom: -1, top: [] };

/** One sync: the log's used range, A1:A3 and the row written last (the sheet is there). */
async function glanceAt(ctx: XlContext, log: LogState): Promise<LogGlance> {
  const sheet = ctx.workbook.worksheets.getItem(CHANGE_LOG_SHEET);
  const used = sheet.getUsedRangeOrNullObject(true).load('rowIndex, rowCount');
  const top = sheet.getRange(`A1:A${CHANGE_LOG_SWITCH_ROW}`).load('values');
  const protection = sheet.protection.load('protected');
  const row = log.lastWritten;
  const last =
    row === undefined ? undefined : sheet.getRange(rect(row, 1, 1, CHANGE_LOG_COLUMNS.length)).load('values');
  await ctx.sync();
  log.protectedNow = protection.protected;
  return {
    bottom: used.isNullObject ? 0 : used.rowIndex + used.rowCount,
    top: top.values.map((r) => r[0] ?? ''),
    ...(last && row !== undefined ? { lastWritten: { row, values: last.values[0] ?? [] } } : {}),
  };
}

/** What a glance says about the log: gone, switched, edited. `bottom: -1` means the sheet is gone. */
function noteGlance(log: LogState, glance: LogGlance): void {
  if (glance.bottom < 0) {
    if (log.exists || log.marked)
      log.damage = [
        `The '${CHANGE_LOG_SHEET}' sheet was deleted; the add-in starts a new one with a new section.`,
      ];
    log.exists = false;
    return;
  }
  log.exists = true;
  const switchCell = glance.top[CHANGE_LOG_SWITCH_ROW - 1];
  if (switchCell === LOGGING_OFF || switchCell === LOGGING_ON) log.logging = switchCell === LOGGING_ON;
  const problems = glanceProblems(glance, log.nextRow);
  if (problems.length > 0) log.damage = problems;
  log.nextRow = nextRowOf(glance);
}

/** The write: a section row first where the log was damaged, then the entries; the meta marker. */
async function appendEntries(
  ctx: XlContext,
  log: LogState,
  entries: readonly ChangeEntry[],
  now: Date,
): Promise<void> {
  const rows: PlanCell[][] = [
    ...(log.damage.length > 0 ? [sectionRow(now)] : []),
    ...entries.map(changeLogRow),
  ];
  const sheets = ctx.workbook.worksheets;
  if (!log.exists) {
    await queueNewLog(ctx, log.start, true, rows);
    log.protectedNow = true;
    log.nextRow = nextRowOf({ bottom: 0 });
  } else {
    const sheet = sheets.getItem(CHANGE_LOG_SHEET);
    // Protection comes off for the write and goes back; a log the officer unprotected stays so.
    if (log.protectedNow) sheet.protection.unprotect();
    const at = rect(log.nextRow, 1, rows.length, CHANGE_LOG_COLUMNS.length);
    sheet.getRange(at).formulas = blockFormulas({ at, cells: rows });
    sheet.getRange(rect(log.nextRow, 1, rows.length, 1)).numberFormat = rows.map(() => [
      CHANGE_LOG_WHEN_FORMAT,
    ]);
    if (log.protectedNow) protectSheet(sheet);
  }
  if (!log.marked && log.metaSheet !== undefined) queueMarker(ctx, log.metaSheet, now);
  await ctx.sync();
  log.exists = true;
  log.marked = true;
  log.lastWritten = log.nextRow + rows.length - 1;
  log.nextRow += rows.length;
  log.logged += entries.length;
  log.damage = [];
}

/**
 * Queues a new log sheet with `rows`, its page header naming the Start sheet's organisation and
 * period as every add-in sheet's does (one sync to read them). Not activated: the officer goes on
 * where they were typing.
 */
async function queueNewLog(
  ctx: XlContext,
  start: StartLayout,
  logging: boolean,
  rows: readonly PlanCell[][],
): Promise<void> {
  const sheets = ctx.workbook.worksheets;
  const startSheet = sheets.getItemOrNullObject(START_SHEET).load('name');
  await ctx.sync();
  let who = printedForOf({ organisation: '', period: '' });
  if (!startSheet.isNullObject) {
    const organisation = startSheet.getRange(start.organisation).load('values');
    const period = startSheet.getRange(start.period).load('values');
    await ctx.sync();
    who = printedForOf({ organisation: organisation.values[0]?.[0], period: period.values[0]?.[0] });
  }
  const sheet = sheets.add(CHANGE_LOG_SHEET);
  queueSheetContent(sheet, withPrintedFor(buildChangeLogSheet(logging, rows), who));
  protectSheet(sheet);
}

function queueMarker(ctx: XlContext, metaSheet: string, now: Date): void {
  ctx.workbook.worksheets.getItem(metaSheet).getRange(CHANGE_LOG_META_BLOCK).values = changeLogMetaRows(
    excelSerialOf(calendarDateOf(now)),
  );
}

/** Turns logging on or off in cell A3, making the sheet (with no rows) where there is none. */
async function writeSwitch(ctx: XlContext, log: LogState, on: boolean): Promise<void> {
  const sheets = ctx.workbook.worksheets;
  const existing = sheets.getItemOrNullObject(CHANGE_LOG_SHEET).load('name');
  await ctx.sync();
  const protection = existing.isNullObject ? undefined : existing.protection.load('protected');
  if (protection) await ctx.sync();
  if (existing.isNullObject) {
    await queueNewLog(ctx, log.start, on, []);
    log.nextRow = nextRowOf({ bottom: 0 });
  } else {
    if (protection?.protected) existing.protection.unprotect();
    const at = cell(CHANGE_LOG_SWITCH_ROW, 1);
    existing.getRange(at).formulas = blockFormulas({
      at,
      cells: [[on ? LOGGING_ON : LOGGING_OFF]],
    });
    if (protection?.protected) protectSheet(existing);
  }
  await ctx.sync();
  log.exists = true;
  log.logging = on;
}
