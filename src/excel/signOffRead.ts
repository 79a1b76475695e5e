/**
 * Everything finalising and reopening read, in two syncs whatever the framework's size: every
 * sheet's name and protection first, then in one batch the full Check's snapshot (with page
 * headers), the Saved responses and Sign-off record sheets, the cell of each sheet's finalised
 * line and the meta sheet's sign-off block.
 */
import type { XlContext, XlRange } from './api';
import { actualSheetName } from './inspect';
import { queueHeaderTexts } from './printedHeaders';
import { queueSavedLoad, type SavedLoaded } from './savedResponsesWrite';
import { loadUsedRange, queueSnapshot, rangeSnapshot } from './snapshotReader';
import type { Framework } from '../domain';
import { META_SHEET } from '../workbook/layout';
import { SIGN_OFF_META_BLOCK, parseSignOffMeta, type SignOffMetaKey } from '../workbook/metaBlock';
import { sheetKey, type SheetKey } from '../workbook/sheetNames';
import { finalisedLineCells, type LineCell } from '../workbook/signOff/lines';
import { SIGN_OFF_SHEET, readSignOffRecord, type SignOffRead } from '../workbook/sheets/signOffRecord';
import { startLayoutOf } from '../workbook/sheets/start';
import type { RangeSnapshot, SheetValue, WorkbookSnapshot } from '../workbook/snapshot';

export interface RecordLoaded {
  readonly name: string;
  readonly range: RangeSnapshot;
  readonly read: SignOffRead;
}

export interface SignOffLoaded {
  readonly sheetNames: readonly string[];
  /** The sheets protected when read. */
  readonly protectedSheets: ReadonlySet<SheetKey>;
  readonly snapshot: WorkbookSnapshot;
  readonly saved: SavedLoaded | null;
  readonly record: RecordLoaded | null;
  /** Each sheet's finalised-line cell with what it holds now. */
  readonly lines: readonly (LineCell & { readonly value: SheetValue })[];
  readonly signOffMeta: Partial<Record<SignOffMetaKey, SheetValue>>;
}

export async function readForSignOff(ctx: XlContext, framework: Framework): Promise<SignOffLoaded> {
  const all = ctx.workbook.worksheets.load('items/name, items/protection/protected');
  await ctx.sync();
  const sheetNames = all.items.map((s) => s.name);
  const protectedSheets = new Set(
    all.items.filter((s) => s.protection.protected).map((s) => sheetKey(s.name)),
  );

  const finish = queueSnapshot(ctx, framework, startLayoutOf(framework), sheetNames);
  const headers = queueHeaderTexts(ctx, sheetNames);
  const saved = queueSavedLoad(ctx, sheetNames);
  const recordName = actualSheetName(sheetNames, SIGN_OFF_SHEET);
  const record = recordName ? loadUsedRange(ctx, recordName) : null;
  const lineCells = finalisedLineCells(framework, sheetNames).map((line) => ({
    line,
    range: ctx.workbook.worksheets.getItem(line.sheet).getRange(line.at).load('values'),
  }));
  const metaName = actualSheetName(sheetNames, META_SHEET);
  const meta: XlRange | null = metaName
    ? ctx.workbook.worksheets.getItem(metaName).getRange(SIGN_OFF_META_BLOCK).load('values')
    : null;
  await ctx.sync();

  const recordRange = record && recordName ? rangeSnapshot(recordName, record) : null;
  return {
    sheetNames,
    protectedSheets,
    snapshot: { ...finish(), pageHeaders: headers() },
    saved: saved(),
    record:
      recordRange && recordName
        ? { name: recordName, range: recordRange, read: readSignOffRecord(recordRange) }
        : null,
    lines: lineCells.map(({ line, range }) => ({ ...line, value: range.values[0]?.[0] ?? '' })),
    signOffMeta: meta ? parseSignOffMeta(meta.values) : {},
  };
}

/**
 * Queues the load of the Sign-off record when the workbook has one; after the caller's sync the
 * returned function gives it as read (null without the sheet), for operations that write sheets
 * carrying the finalised line.
 */
export function queueSignOffRecord(ctx: XlContext, sheetNames: readonly string[]): () => SignOffRead | null {
  const name = actualSheetName(sheetNames, SIGN_OFF_SHEET);
  const range = name ? loadUsedRange(ctx, name) : undefined;
  return () => (name && range ? readSignOffRecord(rangeSnapshot(name, range)) : null);
}
