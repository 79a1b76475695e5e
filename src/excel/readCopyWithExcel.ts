/**
 * Reading a colleague's copy with Excel's own parser: `Workbook.insertWorksheetsFromBase64`
 * (ExcelApi 1.13) puts the copy's worksheets into this workbook, the add-in reads their values
 * and deletes them again, so the copy is read exactly as Excel opens it (whatever program last
 * saved it). Where it cannot be used, or does not work, the pane reads the file with the
 * add-in's own .xlsx reader instead (src/xlsx/readCells.ts), which works on every host.
 *
 * Not on Excel on the web: there the API "doesn't support inserting charts" (d.ts remark) and a
 * source with a chart fails (office-js issues #6142, #2718); every assessment has charts.
 *
 * Nothing of the officer's may change. The sheets and the workbook's names are read first; the
 * inserted sheets are hidden in the batch that reads them and deleted in the next; a name the
 * insertion added is deleted and a name of ours it redefined is put back (office-js issue #3583:
 * names from the source outlive the sheets). Whatever goes wrong on the way, the same clean-up
 * runs and the file reader takes over; a clean-up that itself fails is an error that names what
 * is left. Colleagues co-authoring the workbook may glimpse the sheets for the second or so they
 * exist (four syncs).
 */
import type { WorkbookCells } from '../domain';
import type { ExcelGateway, XlCellValue, XlContext } from './api';
import { OPTIONAL_FEATURES } from './requirements';

/** The requirement set of insertWorksheetsFromBase64, as requirements.ts gates it. */
const EXCEL_PARSER_SET = OPTIONAL_FEATURES.readCopyWithExcel?.version ?? '1.13';

export type ExcelParsed =
  | { readonly status: 'read'; readonly cells: WorkbookCells }
  /** Excel's parser was not used or did not work; `reason` says why, for the pane's note. */
  | { readonly status: 'not-read'; readonly reason: string };

/** Whether this host has Excel's parser for our files (1.13, and not Excel on the web). */
function excelCanParse(gateway: ExcelGateway): boolean {
  return gateway.platform !== 'OfficeOnline' && gateway.isSetSupported(EXCEL_PARSER_SET);
}

interface Before {
  readonly sheetIds: ReadonlySet<string>;
  readonly names: ReadonlyMap<string, string>;
}

/** The rows of a used range placed from A1, blanks as undefined (as the file reader gives them). */
function rowsFrom(values: XlCellValue[][], top: number, left: number): (XlCellValue | undefined)[][] {
  const rows: (XlCellValue | undefined)[][] = [];
  values.forEach((line, r) => {
    const row: (XlCellValue | undefined)[] = [];
    line.forEach((value, c) => {
      if (value !== '') row[left + c] = value;
    });
    if (row.length > 0) rows[top + r] = row;
  });
  return rows;
}

/** "Start" inserted as "Start" or, beside our own Start, "Start (2)" (31 characters at most). */
function isInsertedAs(source: string, inserted: string): boolean {
  if (inserted === source) return true;
  const m = / \(\d+\)$/.exec(inserted);
  if (m === null) return false;
  const base = inserted.slice(0, m.index);
  // The base is the whole name, or the name cut short so that the suffix fits in 31 characters.
  return base === source || (inserted.length === 31 && source.startsWith(base));
}

async function readBefore(ctx: XlContext): Promise<Before> {
  const sheets = ctx.workbook.worksheets.load('items/id');
  const names = ctx.workbook.names.load('items/name, items/formula');
  await ctx.sync();
  return {
    sheetIds: new Set(sheets.items.map((s) => s.id)),
    names: new Map(names.items.map((n) => [n.name, n.formula])),
  };
}

/** Deletes every sheet and name the insertion added and restores any name it redefined. */
async function putBack(ctx: XlContext, before: Before): Promise<void> {
  const sheets = ctx.workbook.worksheets.load('items/id, items/name, items/visibility');
  const names = ctx.workbook.names.load('items/name, items/formula');
  await ctx.sync();
  for (const name of names.items) {
    const was = before.names.get(name.name);
    if (was === undefined) name.delete();
    else if (was !== name.formula) name.formula = was;
  }
  const added = sheets.items.filter((s) => !before.sheetIds.has(s.id));
  for (const sheet of added) {
    // A very hidden sheet cannot be deleted (d.ts on Worksheet.delete).
    if (sheet.visibility === 'VeryHidden') sheet.visibility = 'Hidden';
    sheet.delete();
  }
  try {
    await ctx.sync();
  } catch (error: unknown) {
    const left = added.map((s) => `'${s.name}'`).join(', ');
    throw new Error(
      `Reading the copy with Excel left sheets in this workbook that the add-in could not remove (${left}): ` +
        `unhide and delete them (right-click a sheet tab). Excel said: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}

async function insertAndRead(
  ctx: XlContext,
  base64: string,
  worksheets: readonly string[],
): Promise<ExcelParsed> {
  const inserted = ctx.workbook.insertWorksheetsFromBase64(base64, { positionType: 'End' });
  await ctx.sync();
  const reads = inserted.value.map((id) => {
    const sheet = ctx.workbook.worksheets.getItem(id).load('name');
    sheet.visibility = 'Hidden';
    return { sheet, used: sheet.getUsedRangeOrNullObject(true).load('values, rowIndex, columnIndex') };
  });
  await ctx.sync();
  const names = reads.map((r) => r.sheet.name);
  if (names.length !== worksheets.length || worksheets.some((w, i) => !isInsertedAs(w, names[i] ?? ''))) {
    return {
      status: 'not-read',
      reason: `Excel inserted sheets ${names.join(', ')} where the file has ${worksheets.join(', ')}.`,
    };
  }
  return {
    status: 'read',
    cells: {
      sheets: reads.map(({ used }, i) => ({
        name: worksheets[i] ?? '',
        rows: used.isNullObject ? [] : rowsFrom(used.values, used.rowIndex, used.columnIndex),
      })),
    },
  };
}

/**
 * The copy's cells as Excel reads them, its worksheets named as in the file (`worksheets`, in
 * the file's order, from the file reader's list of its sheets), or why Excel's parser was not used.
 */
export function readCellsWithExcel(
  gateway: ExcelGateway,
  base64: string,
  worksheets: readonly string[],
): Promise<ExcelParsed> {
  if (!excelCanParse(gateway)) {
    return Promise.resolve({
      status: 'not-read',
      reason:
        gateway.platform === 'OfficeOnline'
          ? 'Excel on the web cannot open a copy with charts itself.'
          : `this version of Excel cannot open a copy itself (a current Microsoft 365 Excel for Windows or Mac can; ExcelApi ${EXCEL_PARSER_SET}).`,
    });
  }
  return gateway.run(async (ctx) => {
    const before = await readBefore(ctx);
    let parsed: ExcelParsed;
    try {
      parsed = await insertAndRead(ctx, base64, worksheets);
    } catch (error: unknown) {
      parsed = {
        status: 'not-read',
        reason: `Excel could not open it (${error instanceof Error ? error.message : String(error)}).`,
      };
    }
    await putBack(ctx, before);
    return parsed;
  });
}
