/**
 * Live checks while the task pane is open: after a full check, each edit on an area sheet reads
 * back only the changed rows (and the Summary, whose formulas have just recalculated) in one sync,
 * patches the snapshot and audits it again in memory. Row or column inserts and deletes, and
 * changes to the Start sheet's settings, get a full check (two syncs). Change events (ExcelApi
 * 1.7) are below the manifest's minimum, so every host that runs the pane has them.
 */
import type { ExcelGateway, XlWorksheetChangedEventArgs } from './api';
import { auditSnapshot, type CheckOutcome } from './checkWorkbook';
import { readSnapshot, loadUsedRange, rangeSnapshot } from './snapshotReader';

import { startLayoutOf } from '../workbook/sheets/start';
import type { Framework } from '../domain/framework/types';
import { columnLetter, parseRange } from '../workbook/address';
import type { BuiltPlan } from '../workbook/buildPlan';
import { START_SHEET } from '../workbook/layout';
import { withRows, type WorkbookSnapshot } from '../workbook/snapshot';

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

  let queue: Promise<void> = Promise.resolve();
  const areaBySheet = new Map(framework.areas.map((a) => [a.shortName.toLocaleLowerCase(), a.number]));

  const checkChange = async (sheet: string, args: XlWorksheetChangedEventArgs): Promise<void> => {
    const area = areaBySheet.get(sheet.toLocaleLowerCase());
    const current = area === undefined ? undefined : snapshot.areas.get(area);
    // Inserted or deleted rows move everything, and a settings change on the Start sheet affects
    // every row: read the whole snapshot again (two syncs).
    if (args.changeType !== 'RangeEdited' || area === undefined || !current) {
      snapshot = await gateway.run((ctx) => readSnapshot(ctx, framework, start));
      return;
    }
    // An edit on an area sheet: only the changed rows, and the Summary Excel has just recalculated.
    const changed = parseRange(args.address);
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
    const watched = new Set([
      ...framework.areas.map((a) => a.shortName.toLocaleLowerCase()),
      START_SHEET.toLocaleLowerCase(),
    ]);
    const handlers = sheets.items
      .filter((s) => watched.has(s.name.toLocaleLowerCase()))
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
