/**
 * Page headers that follow the Start sheet. The header of every printed sheet names the
 * organisation and the period, but Excel headers cannot hold formulas, so a header written at
 * generation would go on naming the old organisation after the officer edits the Start sheet.
 * The pane therefore rewrites, in one batch, the header of every sheet whose add-in header
 * (src/workbook/print.ts headerIsStale) no longer matches the Start sheet: when it starts its live
 * checks, after every change to the Start sheet, and at each board refresh; the full Check reads
 * them too and offers a fix for a stale one (src/workbook/staleHeaders.ts). A file used without
 * the add-in keeps its headers as they were (the user guide says so). PageLayout and its headers
 * are ExcelApi 1.9, the manifest's minimum; Excel lets page setup change on a protected sheet.
 */
import type { XlContext } from './api';
import type { PageHeaderSnapshot } from '../workbook/snapshot';
import { headerIsStale, printedForHeader, type PrintedFor } from '../workbook/print';

export { printedForOf } from '../workbook/print';

/**
 * Queues a read of the header and footer texts of the named sheets, without syncing; after the
 * caller's sync the returned function hands them over as plain values.
 */
export function queueHeaderTexts(ctx: XlContext, names: readonly string[]): () => PageHeaderSnapshot[] {
  const read = names.map((name) => {
    const texts = ctx.workbook.worksheets.getItem(name).pageLayout.headersFooters.defaultForAllPages;
    texts.load('leftHeader, centerHeader, rightHeader, leftFooter');
    return { name, texts };
  });
  return () =>
    read.map(({ name, texts }) => ({
      sheet: name,
      leftHeader: texts.leftHeader,
      centerHeader: texts.centerHeader,
      rightHeader: texts.rightHeader,
      leftFooter: texts.leftFooter,
    }));
}

/** Queues the write of the header that names `who` on one sheet (no sync). */
export function queueHeaderWrite(ctx: XlContext, sheet: string, who: PrintedFor): void {
  const texts = ctx.workbook.worksheets.getItem(sheet).pageLayout.headersFooters.defaultForAllPages;
  const header = printedForHeader(who);
  texts.leftHeader = header.left;
  texts.rightHeader = header.right;
}

/**
 * Queues a read of the headers of the named sheets; after the caller's next sync, the returned
 * function queues a rewrite of each stale one and returns their names (sync again when not empty).
 * For batches that already know the sheets (board refresh): no sync of its own.
 */
export function queueHeaderReads(ctx: XlContext, names: readonly string[], who: PrintedFor): () => string[] {
  const finish = queueHeaderTexts(ctx, names);
  return () => {
    const stale = finish().filter((texts) => headerIsStale(texts, who));
    for (const { sheet } of stale) queueHeaderWrite(ctx, sheet, who);
    return stale.map((s) => s.sheet);
  };
}

/**
 * Rewrites every stale add-in header so it names `who`; returns the names of the sheets it
 * rewrote (empty when all were right). Two syncs to look, one more when something changed.
 */
export async function headersFollowStart(ctx: XlContext, who: PrintedFor): Promise<string[]> {
  const sheets = ctx.workbook.worksheets.load('items/name');
  await ctx.sync();
  const rewrite = queueHeaderReads(
    ctx,
    sheets.items.map((s) => s.name),
    who,
  );
  await ctx.sync();
  const stale = rewrite();
  if (stale.length > 0) await ctx.sync();
  return stale;
}
