/**
 * Regeneration's reading, in two syncs whatever the framework's size: the sheet and defined names,
 * then (in one batch) the backup sheet of an unfinished regeneration, the meta block, every area
 * sheet the known frameworks could have written, the archive and the Start settings. Only loading
 * happens here; src/workbook/regenerationRead.ts decides what the values mean.
 */
import type { XlContext, XlRange, XlWorksheetProtectionOptions } from './api';
import { META_BLOCK, actualSheetName, loadSheetNames } from './inspect';
import { loadUsedRange, rangeSnapshot } from './snapshotReader';
import { SIGN_OFF_SHEET, readSignOffRecord, signOffStateOf } from '../workbook/sheets/signOffRecord';
import type { RangeSnapshot } from '../workbook/snapshot';
import { formatDate, type Framework } from '../domain';
import { META_SHEET, START_SHEET } from '../workbook/layout';
import {
  BACKUP_SHEET,
  areaSheetNames,
  interpretForRegeneration,
  refusal,
  type LoadedForRegeneration,
  type Refusal,
  type RegenerationRead,
} from '../workbook/regenerationRead';
import { ARCHIVE_SHEET } from '../workbook/sheets/archive';
import { HISTORY_SHEET } from '../workbook/sheets/history';
import { startLayoutOf } from '../workbook/sheets/start';

export {
  BACKUP_SHEET,
  OLD_SHEET_PREFIX,
  refusal,
  type Refusal,
  type RefusalReason,
  type RegenerationRead,
} from '../workbook/regenerationRead';
import { sheetKey, type SheetKey } from '../workbook/sheetNames';

const EVERYTHING = 'values, formulas, numberFormat, rowIndex, columnIndex';

/**
 * The Snapshot history sheet as loaded with the rest (no sync of its own): where its rows end and
 * whether it is protected, so an upgrade can add the row that marks the change of framework.
 */
export interface HistoryLoaded {
  readonly name: string;
  /** The last row in use (1-based). */
  readonly lastRow: number;
  readonly protected: boolean;
  readonly options: XlWorksheetProtectionOptions | undefined;
}

/**
 * Syncs 1 and 2. `frameworks` are those the add-in knows: the workbook's own is looked up by the
 * id and version its meta sheet records, and their area names say which sheets to read.
 */
function finalisedRefusal(record: RangeSnapshot): Refusal | null {
  const state = signOffStateOf(readSignOffRecord(record).entries);
  if (state.status !== 'finalised') return null;
  return refusal(
    'finalised',
    `This assessment was finalised on ${formatDate(state.finalised.recordedOn)} and is the approved version, so it cannot be regenerated or upgraded. Reopen it from the Report view first (say why); nothing was changed.`,
  );
}

export async function readForRegeneration(
  ctx: XlContext,
  frameworks: readonly Framework[],
  target: Framework,
  options: { readonly rebuildMissingSheets?: boolean } = {},
): Promise<
  (RegenerationRead & { readonly history?: HistoryLoaded; readonly input: LoadedForRegeneration }) | Refusal
> {
  const sheetsLoaded = loadSheetNames(ctx);
  const namesLoaded = ctx.workbook.names.load('items/name, items/formula');
  await ctx.sync();
  const sheetNames = sheetsLoaded();

  const sheetOf = (name: string) => ctx.workbook.worksheets.getItem(name);
  const backupName = actualSheetName(sheetNames, BACKUP_SHEET);
  const backup = backupName ? sheetOf(backupName).getUsedRange().load('values') : undefined;
  const metaName = actualSheetName(sheetNames, META_SHEET);
  const meta = metaName ? sheetOf(metaName).getRange(META_BLOCK).load('values') : undefined;
  const kept = queueKeptLoads(ctx, sheetNames, frameworks, target);
  const historyName = actualSheetName(sheetNames, HISTORY_SHEET);
  const historySheet = historyName ? sheetOf(historyName) : undefined;
  const historyRange = historySheet?.getUsedRange().load('rowIndex, rowCount');
  const historyProtection = historySheet?.protection.load('protected, options');
  const signOffName = actualSheetName(sheetNames, SIGN_OFF_SHEET);
  const signOff = signOffName ? loadUsedRange(ctx, signOffName) : undefined;
  await ctx.sync();
  // Rebuilding would unlock the approved ratings and drop the approval from the Start sheet; a
  // regeneration stopped half-way is still finished from its backup.
  const finalised =
    signOff && signOffName && !backup ? finalisedRefusal(rangeSnapshot(signOffName, signOff)) : null;
  if (finalised) return finalised;

  const input: LoadedForRegeneration = {
    sheetNames,
    definedNames: namesLoaded.items.map((n) => n.name),
    nameFormulas: new Map(namesLoaded.items.map((n) => [n.name, n.formula])),
    ...(meta ? { meta: meta.values } : {}),
    ...kept(),
  };
  const interpreted = interpretForRegeneration(
    { ...input, ...(backup && backupName ? { backup: { name: backupName, values: backup.values } } : {}) },
    frameworks,
    options,
  );
  if (interpreted.status === 'refused') return interpreted;
  // What was read, without the backup: a co-author's edits since are found against it (regenerateCoauthors.ts).
  const read = { ...interpreted, input };
  if (!historyName || !historyRange || !historyProtection) return read;
  const history: HistoryLoaded = {
    name: historyName,
    lastRow: historyRange.rowIndex + historyRange.rowCount,
    protected: historyProtection.protected,
    options: historyProtection.protected ? historyProtection.options : undefined,
  };
  return { ...read, history };
}

/** What regeneration keeps, as loaded: the area sheets, the archive and the Start settings. */
export type KeptLoaded = Pick<LoadedForRegeneration, 'areas' | 'archive' | 'start'>;

/**
 * Queues the loads of everything regeneration keeps (sync 2, and again in the rebuild's batch);
 * after the sync, the returned function gives them.
 */
export function queueKeptLoads(
  ctx: XlContext,
  sheetNames: readonly string[],
  frameworks: readonly Framework[],
  target: Framework,
): () => KeptLoaded {
  const sheetOf = (name: string) => ctx.workbook.worksheets.getItem(name);
  const wanted = areaSheetNames(frameworks);
  const areas = new Map<SheetKey, XlRange>();
  for (const name of sheetNames) {
    const key = sheetKey(name);
    if (wanted.has(key)) areas.set(key, sheetOf(name).getUsedRange().load(EVERYTHING));
  }
  const archiveName = actualSheetName(sheetNames, ARCHIVE_SHEET);
  const archive = archiveName ? sheetOf(archiveName).getUsedRange().load(EVERYTHING) : undefined;
  const startName = actualSheetName(sheetNames, START_SHEET);
  const settingCells = startLayoutOf(target);
  const start = startName
    ? (['organisation', 'period', 'metThreshold', 'requiredShare'] as const).map((key) =>
        sheetOf(startName).getRange(settingCells[key]).load(EVERYTHING),
      )
    : [];
  return () => ({
    areas,
    ...(archive && archiveName ? { archive: { name: archiveName, grid: archive } } : {}),
    ...(startName ? { start: { name: startName, grids: start } } : {}),
  });
}
