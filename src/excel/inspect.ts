/**
 * Recognising the add-in's own workbook from its hidden meta sheet (layout.ts: META_SHEET), which
 * works on every host from ExcelApi 1.1. Reading is in two syncs at most: the sheet names, then
 * the meta block when the sheet is there.
 */
import type { ExcelGateway, XlContext } from './api';
import { LAYOUT_VERSION, META_SHEET } from '../workbook/layout';
import { META_BLOCK, parseMeta, type StoredMeta } from '../workbook/metaBlock';
import { actualSheetName } from '../workbook/sheetNames';
import {
  readStoredFrameworkText,
  STORED_FRAMEWORK_RANGE,
  type StoredFrameworkText,
} from '../workbook/storedFramework';

export type WorkbookState =
  | { readonly kind: 'none'; readonly sheetNames: readonly string[] }
  | {
      readonly kind: 'assessment';
      readonly meta: StoredMeta;
      readonly sheetNames: readonly string[];
      /** The framework kept in the workbook, as text still to be checked by the loader. */
      readonly stored?: StoredFrameworkText;
    }
  /** Written by a newer version of the add-in: read it, but change nothing. */
  | {
      readonly kind: 'newer';
      readonly meta: StoredMeta;
      readonly sheetNames: readonly string[];
      readonly stored?: StoredFrameworkText;
    }
  | {
      readonly kind: 'damaged';
      readonly problems: readonly string[];
      readonly sheetNames: readonly string[];
    };

/** Queues a load of every sheet's name; read `.items` after the sync. */
export function loadSheetNames(ctx: XlContext): () => string[] {
  const sheets = ctx.workbook.worksheets.load('items/name');
  return () => sheets.items.map((s) => s.name);
}

// Pure readers of what was loaded live in src/workbook; re-exported for the adapters that load them.
export { actualSheetName, hasSheet } from '../workbook/sheetNames';
export { META_BLOCK, parseMeta, type StoredMeta } from '../workbook/metaBlock';

/** What the open workbook holds: nothing of ours, an assessment, a newer one, or a damaged one. */
export async function readWorkbookState(ctx: XlContext): Promise<WorkbookState> {
  const names = loadSheetNames(ctx);
  await ctx.sync();
  const sheetNames = names();
  const metaName = actualSheetName(sheetNames, META_SHEET);
  if (metaName === undefined) return { kind: 'none', sheetNames };
  const sheet = ctx.workbook.worksheets.getItem(metaName);
  const block = sheet.getRange(META_BLOCK).load('values');
  // The stored framework in the same sync: a few hundred mostly empty cells.
  const storedBlock = sheet.getRange(STORED_FRAMEWORK_RANGE).load('values');
  await ctx.sync();
  const reading = parseMeta(block.values);
  if (!reading.ok) return { kind: 'damaged', problems: reading.problems, sheetNames };
  const meta = reading.meta;
  const stored = readStoredFrameworkText(storedBlock.values);
  if (meta.layoutVersion > LAYOUT_VERSION) return { kind: 'newer', meta, sheetNames, stored };
  return { kind: 'assessment', meta, sheetNames, stored };
}

export function inspectWorkbook(gateway: ExcelGateway): Promise<WorkbookState> {
  return gateway.run(readWorkbookState);
}
