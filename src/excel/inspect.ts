/**
 * Recognising the add-in's own workbook from its hidden meta sheet (layout.ts: META_SHEET), which
 * works on every host from ExcelApi 1.1. Reading is in two syncs at most: the sheet names, then
 * the meta block when the sheet is there.
 */
import type { ExcelGateway, XlCellValue, XlContext } from './api';
import { ADDIN_MARKER, LAYOUT_VERSION, META_SHEET } from '../workbook/layout';
import { rect } from '../workbook/address';
import { META_KEYS, type MetaKey } from '../workbook/sheets/meta';

export interface StoredMeta {
  readonly layoutVersion: number;
  readonly frameworkId: string;
  readonly frameworkVersion: string;
  readonly frameworkTitle: string;
}

export type WorkbookState =
  | { readonly kind: 'none'; readonly sheetNames: readonly string[] }
  | { readonly kind: 'assessment'; readonly meta: StoredMeta; readonly sheetNames: readonly string[] }
  /** Written by a newer version of the add-in: read it, but change nothing. */
  | { readonly kind: 'newer'; readonly meta: StoredMeta; readonly sheetNames: readonly string[] }
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

/** The workbook's own spelling of a sheet name: Excel sheet names are unique without regard to case. */
export function actualSheetName(names: readonly string[], wanted: string): string | undefined {
  const lower = wanted.toLocaleLowerCase();
  return names.find((n) => n.toLocaleLowerCase() === lower);
}

export function hasSheet(names: readonly string[], name: string): boolean {
  return actualSheetName(names, name) !== undefined;
}

/** The meta sheet's key/value rows (row 2 onwards, columns A:B). */
export const META_BLOCK = rect(2, 1, META_KEYS.length, 2);

/** Reads the stored meta from the meta block's values, or the problems that stop it. */
export function parseMeta(values: readonly (readonly XlCellValue[])[]): StoredMeta | { problems: string[] } {
  const found = new Map<string, XlCellValue>();
  for (const row of values) {
    const [key, value] = row;
    if (typeof key === 'string' && value !== undefined) found.set(key, value);
  }
  const problems: string[] = [];
  const at = (key: MetaKey) => `${META_SHEET}!B${2 + META_KEYS.indexOf(key)}`;
  const text = (key: MetaKey): string => {
    const value = found.get(key);
    if (typeof value === 'string' && value.trim() !== '') return value;
    if (typeof value === 'number') return String(value);
    problems.push(`${at(key)} should hold the ${key} but holds ${JSON.stringify(value ?? '')}.`);
    return '';
  };
  const addin = found.get('addin');
  if (addin !== ADDIN_MARKER) {
    return {
      problems: [
        `${META_SHEET}!B2 should say "${ADDIN_MARKER}" but holds ${JSON.stringify(addin ?? '')}: the sheet was not written by this add-in or has been edited.`,
      ],
    };
  }
  const layout = found.get('layoutVersion');
  const layoutVersion = typeof layout === 'number' && Number.isInteger(layout) && layout > 0 ? layout : NaN;
  if (Number.isNaN(layoutVersion)) {
    problems.push(
      `${at('layoutVersion')} should hold a whole number but holds ${JSON.stringify(layout ?? '')}.`,
    );
  }
  const meta = {
    layoutVersion,
    frameworkId: text('frameworkId'),
    frameworkVersion: text('frameworkVersion'),
    frameworkTitle: text('frameworkTitle'),
  };
  return problems.length > 0 ? { problems } : meta;
}

/** What the open workbook holds: nothing of ours, an assessment, a newer one, or a damaged one. */
export async function readWorkbookState(ctx: XlContext): Promise<WorkbookState> {
  const names = loadSheetNames(ctx);
  await ctx.sync();
  const sheetNames = names();
  const metaName = actualSheetName(sheetNames, META_SHEET);
  if (metaName === undefined) return { kind: 'none', sheetNames };
  const block = ctx.workbook.worksheets.getItem(metaName).getRange(META_BLOCK).load('values');
  await ctx.sync();
  const meta = parseMeta(block.values);
  if ('problems' in meta) return { kind: 'damaged', problems: meta.problems, sheetNames };
  if (meta.layoutVersion > LAYOUT_VERSION) return { kind: 'newer', meta, sheetNames };
  return { kind: 'assessment', meta, sheetNames };
}

export function inspectWorkbook(gateway: ExcelGateway): Promise<WorkbookState> {
  return gateway.run(readWorkbookState);
}
