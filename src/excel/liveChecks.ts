/**
 * Live checks while the task pane is open: after a full check, each edit on an area sheet reads
 * back only the changed rows (and the Summary, whose formulas have just recalculated) in one sync,
 * patches the snapshot and audits it again in memory. Row or column inserts and deletes, and
 * changes to the Start sheet's settings, get a full check (two syncs), and a change to the Start
 * sheet also brings the page headers in step with its organisation and period
 * (printedHeaders.ts). Change events (ExcelApi
 * 1.7) are below the manifest's minimum, so every host that runs the pane has them.
 */
import type { ExcelGateway, XlWorksheetChangedEventArgs } from './api';
import { auditSnapshot, type CheckOutcome } from '../workbook/checkSnapshot';
import { headersFollowStart, printedForOf } from './printedHeaders';
import { readSnapshot, loadUsedRange, rangeSnapshot } from './snapshotReader';

import { startLayoutOf } from '../workbook/sheets/start';
import type { Framework } from '../domain';
import { columnLetter, parseRange } from '../workbook/address';
import type { BuiltPlan } from '../workbook/buildPlan';
import { START_SHEET } from '../workbook/layout';
import { sameSheet, sheetKey, sheetKeys } from '../workbook/sheetNames';
import { withRows, type RangeSnapshot, type WorkbookSnapshot } from '../workbook/snapshot';

export interface LiveChecks {
  /** Stops listening; resolves when the handlers are removed. */
  stop(): Promise<void>;
  /** Resolves when every change heard so far has been checked (for tests and progress). */
  settled(): Promise<void>;
}

export interface LiveCheckOptions {
  readonly today: () => Date;
  readonly onUpdate: (outcome: CheckOutcome) => void;
  /** A change could not be checked (for example Excel failed): shown to the officer. */
  readonly onError: (error: unknown) => void;
}

/**
 * The rows an edit changed, when it is a plain edit (RangeEdited) of cells inside the columns and
 * below the top of `range`; undefined when the snapshot must be read again in full.
 */
export function editedWithin(
  args: Pick<XlWorksheetChangedEventArgs, 'changeType' | 'address'>,
  range: RangeSnapshot,
): { row: number; rows: number } | undefined {
  if (args.changeType !== 'RangeEdited') return undefined;
  let changed: ReturnType<typeof parseRange>;
  try {
    changed = parseRange(args.address);
  } catch {
    // A whole row or column ('3:3', 'C:C'): not a block of cells this reader can patch.
    return undefined;
  }
  const width = range.values[0]?.length ?? 0;
  const inside =
    changed.row >= range.top &&
    changed.column >= range.left &&
    changed.column + changed.columns <= range.left + width;
  return inside ? { row: changed.row, rows: changed.rows } : undefined;
}

export async function startLiveChecks(
  gateway: ExcelGateway,
  framework: Framework,
  built: BuiltPlan,
  options: LiveCheckOptions,
): Promise<LiveChecks> {
  const start = startLayoutOf(framework);
  const audit = (snapshot: WorkbookSnapshot) =>
    auditSnapshot(framework, built, snapshot, { today: options.today() });

  let snapshot = await gateway.run((ctx) => readSnapshot(ctx, framework, start));
  options.onUpdate(audit(snapshot));
  // Page headers name the Start sheet's organisation and period, and cannot follow it by
  // formula: the pane puts them right now, and after every change to the Start sheet.
  const followStart = async () => {
    const startCells = snapshot.start;
    if (startCells) await gateway.run((ctx) => headersFollowStart(ctx, printedForOf(startCells)));
  };
  await followStart().catch((error: unknown) => options.onError(error));

  let queue: Promise<void> = Promise.resolve();
  const areaBySheet = new Map(framework.areas.map((a) => [sheetKey(a.shortName), a.number]));

  const checkChange = async (sheet: string, args: XlWorksheetChangedEventArgs): Promise<void> => {
    const area = areaBySheet.get(sheetKey(sheet));
    const current = area === undefined ? undefined : snapshot.areas.get(area);
    // Inserted or deleted rows or columns move everything (RowInserted, ColumnDeleted, ...), a
    // settings change on the Start sheet affects every row, and an edit outside the cells read
    // before (a whole column, a new column to the right) would not fit the snapshot: read the
    // whole snapshot again (two syncs), so no rating is taken for another criterion's.
    const changed = area === undefined || !current ? undefined : editedWithin(args, current);
    if (area === undefined || !current || !changed) {
      snapshot = await gateway.run((ctx) => readSnapshot(ctx, framework, start));
      if (sameSheet(sheet, START_SHEET)) await followStart();
      return;
    }
    // An edit on an area sheet: only the changed rows, and the Summary Excel has just recalculated.
    const width = current.values[0]?.length ?? 1;
    const address = `${columnLetter(current.left)}${changed.row}:${columnLetter(current.left + width - 1)}${changed.row + changed.rows - 1}`;
    snapshot = await gateway.run(async (ctx) => {
      const summary = snapshot.summary ? loadUsedRange(ctx, snapshot.summary.sheet) : undefined;
      const rows = ctx.workbook.worksheets.getItem(sheet).getRange(address).load('values, formulas');
      await ctx.sync();
      const areas = new Map(snapshot.areas);
      areas.set(area, withRows(current, changed.row, rows.values, rows.formulas));
      return {
        ...snapshot,
        areas,
        summary:
          summary && snapshot.summary ? rangeSnapshot(snapshot.summary.sheet, summary) : snapshot.summary,
      };
    });
  };

  let stopRequested: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => (stopRequested = resolve));
  let registered: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (registered = resolve));

  // The registering context stays open until stop(): Office removes handlers through the context
  // that added them.
  const listening = gateway.run(async (ctx) => {
    const sheets = ctx.workbook.worksheets.load('items/name, items/id');
    await ctx.sync();
    const watched = sheetKeys([...framework.areas.map((a) => a.shortName), START_SHEET]);
    const handlers = sheets.items
      .filter((s) => watched.has(sheetKey(s.name)))
      .map((s) => {
        const name = s.name;
        return s.onChanged.add(async (args) => {
          queue = queue
            .then(() => checkChange(name, args))
            .then(() => options.onUpdate(audit(snapshot)))
            .catch((error: unknown) => options.onError(error));
          await queue;
        });
      });
    await ctx.sync();
    registered();
    await stopped;
    handlers.forEach((h) => h.remove());
    await ctx.sync();
  });
  // A failure to register must reach the caller, not hang the pane.
  await Promise.race([ready, listening]);

  return {
    async stop() {
      stopRequested();
      await listening;
      await queue;
    },
    settled: () => queue,
  };
}
