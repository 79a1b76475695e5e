/**
 * The writes finalising and reopening queue, sheet by sheet: each sheet the batch touches is
 * unprotected once (only when it was protected: Excel refuses to unprotect an unprotected sheet),
 * written, and protected again. Nothing here decides; src/workbook/signOff/ does.
 */
import type { XlContext, XlWorksheet } from './api';
import { protectSheet, queueSheetContent } from './applyPlan';
import { actualSheetName } from './inspect';
import { blockFormulas } from './planCells';
import type { SignOffLoaded } from './signOffRead';
import { RESPONSE_FIELDS, type Framework } from '../domain';
import { cell, parseRange, rect, type A1 } from '../workbook/address';
import { AREA_FIRST_DATA_ROW, META_SHEET, START_SHEET } from '../workbook/layout';
import { SIGN_OFF_META_BLOCK } from '../workbook/metaBlock';
import type { PlanCell } from '../workbook/plan';
import { sameSheet, sheetKey } from '../workbook/sheetNames';
import { isFinalisedLine } from '../workbook/signOff/approval';
import { FINALISED_LINE_FORMAT, withFinalisedLine } from '../workbook/signOff/lines';
import { areaDataRows } from '../workbook/sheets/area';
import {
  buildSignOffSheet,
  signOffRow,
  signOffRowFormats,
  type SignOffEntry,
} from '../workbook/sheets/signOffRecord';
import { startLayoutOf } from '../workbook/sheets/start';
import { areaColumnsOf, bottomOf } from '../workbook/snapshot';

type SheetWork = (sheet: XlWorksheet) => void;

/** Writes gathered per sheet, so that each sheet is unprotected and protected once. */
export class SheetWrites {
  private readonly work = new Map<string, { name: string; steps: SheetWork[]; protect: boolean }>();

  constructor(
    private readonly ctx: XlContext,
    private readonly protectedSheets: SignOffLoaded['protectedSheets'],
  ) {}

  /** Queue `step` on `name`; `protect` protects the sheet afterwards even if it was not. */
  on(name: string, step: SheetWork, protect = false): void {
    const key = sheetKey(name);
    const entry = this.work.get(key) ?? { name, steps: [], protect: false };
    entry.steps.push(step);
    entry.protect ||= protect;
    this.work.set(key, entry);
  }

  /** Cells written as the plan writes them (text kept as text, whatever it looks like). */
  cells(name: string, at: A1, cells: readonly (readonly PlanCell[])[]): void {
    const width = cells[0]?.length ?? 0;
    if (width === 0) return;
    const { row, column } = parseRange(at);
    this.on(name, (sheet) => {
      sheet.getRange(rect(row, column, cells.length, width)).formulas = blockFormulas({ at, cells });
    });
  }

  /** Queues every gathered write. */
  flush(): void {
    for (const entry of this.work.values()) {
      const sheet = this.ctx.workbook.worksheets.getItem(entry.name);
      const was = this.protectedSheets.has(sheetKey(entry.name));
      if (was) sheet.protection.unprotect();
      for (const step of entry.steps) step(sheet);
      if (was || entry.protect) protectSheet(sheet);
    }
    this.work.clear();
  }
}

/** Locks (finalise) or unlocks (reopen) every input cell of the area sheets and the Start sheet. */
export function queueInputLocks(
  writes: SheetWrites,
  loaded: SignOffLoaded,
  framework: Framework,
  locked: boolean,
): void {
  for (const area of framework.areas) {
    const range = loaded.snapshot.areas.get(area.number);
    if (!range) continue;
    const columnOf = areaColumnsOf(range);
    const last = Math.max(bottomOf(range), areaDataRows(framework, area.number).last);
    const rows = last - AREA_FIRST_DATA_ROW + 1;
    if (rows < 1) continue;
    writes.on(
      range.sheet,
      (sheet) => {
        for (const field of RESPONSE_FIELDS) {
          const column = columnOf(field);
          if (column > 0)
            sheet.getRange(rect(AREA_FIRST_DATA_ROW, column, rows, 1)).format.protection.locked = locked;
        }
      },
      true,
    );
  }
  const start = startLayoutOf(framework);
  writes.on(
    START_SHEET,
    (sheet) => {
      for (const at of [start.organisation, start.period, start.metThreshold, start.requiredShare]) {
        sheet.getRange(at).format.protection.locked = locked;
      }
    },
    true,
  );
}

/** The finalised line written where a sheet's line cell is empty (or holds an earlier line). */
export function queueLines(
  writes: SheetWrites,
  loaded: SignOffLoaded,
  line: string | null,
  /** Sheets whose line is written some other way (in their own plan). */
  except: readonly string[] = [],
): { written: string[]; skipped: string[] } {
  const written: string[] = [];
  const skipped: string[] = [];
  for (const place of loaded.lines.filter((l) => !except.some((name) => sameSheet(name, l.sheet)))) {
    const ours = place.value === '' || isFinalisedLine(place.value);
    if (line === null) {
      if (isFinalisedLine(place.value)) {
        writes.on(place.sheet, (sheet) => sheet.getRange(place.at).clear('Contents'));
        written.push(place.sheet);
      }
      continue;
    }
    if (!ours) {
      skipped.push(place.sheet);
      continue;
    }
    writes.cells(place.sheet, place.at, [[line]]);
    writes.on(place.sheet, (sheet) => {
      const font = sheet.getRange(place.at).format.font;
      font.bold = FINALISED_LINE_FORMAT.bold;
      font.color = FINALISED_LINE_FORMAT.fontColor;
    });
    written.push(place.sheet);
  }
  return { written, skipped };
}

/** A row appended to the Sign-off record, or the sheet added with it (and the line, when finalising). */
export function queueRecordEntry(
  ctx: XlContext,
  writes: SheetWrites,
  loaded: SignOffLoaded,
  entry: SignOffEntry,
  line: string | null,
): void {
  const record = loaded.record;
  if (record === null) {
    const plan = buildSignOffSheet([entry]);
    const sheet = ctx.workbook.worksheets.add(plan.name);
    queueSheetContent(sheet, line === null ? plan : withFinalisedLine(plan, cell(3, 1), line));
    protectSheet(sheet);
    return;
  }
  const row = record.read.nextRow;
  writes.cells(record.name, cell(row, 1), [signOffRow(entry)]);
  writes.on(record.name, (sheet) => {
    for (const f of signOffRowFormats(row)) sheet.getRange(f.range).numberFormat = [[f.numberFormat]];
  });
}

/** The meta sheet's sign-off block. */
export function queueSignOffMeta(
  writes: SheetWrites,
  loaded: SignOffLoaded,
  rows: readonly (readonly PlanCell[])[],
): void {
  const meta = actualSheetName(loaded.sheetNames, META_SHEET);
  const { row, column } = parseRange(SIGN_OFF_META_BLOCK);
  if (meta !== undefined) writes.cells(meta, cell(row, column), rows);
}
