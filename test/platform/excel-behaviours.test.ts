/**
 * Behaviours where a simpler fake would differ from Excel and hide product bugs (issue 18). Each
 * test cites the Excel side: the Office.js reference on learn.microsoft.com, the doc comment in
 * node_modules/@types/office-js/index.d.ts (quoted), or Microsoft's published samples.
 */
import type { XlWorksheetChangedEventArgs } from '../../src/excel/api';
import { FakeContext, FakeOfficeError, FakeWorkbook } from './fake-excel';

const codeOf = async (p: Promise<unknown>): Promise<string | undefined> => {
  try {
    await p;
    return undefined;
  } catch (e) {
    return e instanceof FakeOfficeError ? e.code : `not an Office error: ${String(e)}`;
  }
};

/** Writes formulas through the API in one sync. */
async function write(
  doc: FakeWorkbook,
  sheet: string,
  address: string,
  formulas: unknown[][],
): Promise<void> {
  const ctx = new FakeContext(doc);
  ctx.workbook.worksheets.getItem(sheet).getRange(address).formulas = formulas as string[][];
  await ctx.sync();
}

describe('proxies to things that do not exist fail the batch at sync, even unused', () => {
  // Office.js "Application-specific API model" (learn.microsoft.com/office/dev/add-ins/develop/
  // application-specific-api-model): each proxy object queues its creation in the request; the
  // batch is sent at sync() and fails at the first failing action, so a getItem of a missing sheet
  // fails the sync whether or not the proxy is used afterwards. The d.ts on
  // WorksheetCollection.getItem: "Gets a worksheet object using its name or ID." and on
  // getItemOrNullObject: "If the worksheet does not exist, then this method will return an object
  // with its isNullObject property set to true" (the non-null form throws ItemNotFound).
  it('getItem of a missing sheet: ItemNotFound at sync', async () => {
    const doc = new FakeWorkbook();
    const ctx = new FakeContext(doc);
    ctx.workbook.worksheets.getItem('Nowhere');
    ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[1]];
    expect(await codeOf(ctx.sync())).toBe('ItemNotFound');
    // Not a transaction: actions before the failing one have happened; later ones have not.
    expect(doc.value('Sheet1', 'A1')).toBe('');
  });

  it('a bad address or an offset off the sheet: InvalidArgument at sync', async () => {
    const ctx = new FakeContext(new FakeWorkbook());
    const sheet = ctx.workbook.worksheets.getItem('Sheet1');
    sheet.getRange('not an address');
    expect(await codeOf(ctx.sync())).toBe('InvalidArgument');
    sheet.getRange('A1').getOffsetRange(-1, 0);
    expect(await codeOf(ctx.sync())).toBe('InvalidArgument');
    sheet.getRange('XFD1').getCell(0, 1);
    expect(await codeOf(ctx.sync())).toBe('InvalidArgument');
  });

  it('missing names, settings and charts fail too; ...OrNullObject does not', async () => {
    const ctx = new FakeContext(new FakeWorkbook());
    ctx.workbook.names.getItem('EQ_None');
    expect(await codeOf(ctx.sync())).toBe('ItemNotFound');
    ctx.workbook.settings.getItem('none');
    expect(await codeOf(ctx.sync())).toBe('ItemNotFound');
    ctx.workbook.worksheets.getItem('Sheet1').charts.getItem('Chart 9');
    expect(await codeOf(ctx.sync())).toBe('ItemNotFound');
    ctx.workbook.worksheets.getItemOrNullObject('Nowhere');
    ctx.workbook.names.getItemOrNullObject('EQ_None');
    ctx.workbook.settings.getItemOrNullObject('none');
    expect(await codeOf(ctx.sync())).toBeUndefined();
  });

  it('binds a proxy when it is created: a sheet renamed later in the batch is still found', async () => {
    const doc = new FakeWorkbook({ sheets: ['Start'] });
    const ctx = new FakeContext(doc);
    const sheet = ctx.workbook.worksheets.getItem('Start');
    sheet.name = 'Renamed';
    sheet.getRange('A1').values = [['kept']];
    await ctx.sync();
    expect(doc.value('Renamed', 'A1')).toBe('kept');
  });

  it('does not count the implicit instantiations as the add-in’s operations', async () => {
    const doc = new FakeWorkbook();
    const ctx = new FakeContext(doc);
    ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').getCell(0, 0).values = [[1]];
    await ctx.sync();
    expect(doc.batches.at(-1)?.ops).toBe(1);
  });
});

describe('a deleted sheet leaves #REF! behind, and a new sheet of the same name does not re-link', () => {
  // Excel: deleting a sheet that formulas refer to turns those references into #REF! (Microsoft
  // support, "How to correct a #REF! error": "the formula =SUM(Sheet2!A1...) ... if you delete
  // Sheet2 ... =SUM(#REF!A1...)"), and the formula text keeps '#REF!' in place of the sheet: a sheet
  // added later with the old name is not linked again.
  async function withDeletedSheet(): Promise<FakeWorkbook> {
    const doc = new FakeWorkbook({ sheets: ['Old', 'Sum', 'Lists'] });
    await write(doc, 'Old', 'A1:A3', [[3], [4], [5]]);
    await write(doc, 'Sum', 'A1:C1', [["='Old'!A1*2", '=SUM(Old!A1:A3)', '=IFERROR(Old!A1,0)+1']]);
    const ctx = new FakeContext(doc);
    const sum = ctx.workbook.worksheets.getItem('Sum');
    ctx.workbook.names.add('EQ_Old', ctx.workbook.worksheets.getItem('Old').getRange('A1:A3'));
    const cf = sum.getRange('A1:C1').conditionalFormats.add('Custom');
    cf.custom.rule.formula = '=A1>Old!$A$1';
    sum.getRange('D1').dataValidation.rule = { list: { inCellDropDown: true, source: '=Old!$A$1:$A$3' } };
    sum.charts.add('ColumnClustered', ctx.workbook.worksheets.getItem('Old').getRange('A1:A3'));
    await ctx.sync();
    const del = new FakeContext(doc);
    del.workbook.worksheets.getItem('Old').delete();
    await del.sync();
    return doc;
  }

  it('rewrites cell formulas to #REF! and evaluates them as #REF!', async () => {
    const doc = await withDeletedSheet();
    expect(doc.formula('Sum', 'A1')).toBe('=#REF!A1*2');
    expect(doc.formula('Sum', 'B1')).toBe('=SUM(#REF!A1:A3)');
    expect(doc.values('Sum', 'A1:C1')).toEqual([['#REF!', '#REF!', 1]]);
  });

  it('breaks names, conditional formats, validation sources and chart sources too', async () => {
    const doc = await withDeletedSheet();
    expect(doc.nameList()).toEqual([{ name: 'EQ_Old', formula: '=#REF!$A$1:$A$3', comment: '' }]);
    expect(doc.conditionalFormats('Sum')[0]?.formula).toBe('=A1>#REF!$A$1');
    expect(doc.validation('Sum', 'D1')?.rule).toEqual({
      list: { inCellDropDown: true, source: '=#REF!$A$1:$A$3' },
    });
    expect(doc.charts('Sum')[0]?.source).toBe('#REF!$A$1:$A$3');
  });

  it('does not re-link to a new sheet with the old name', async () => {
    const doc = await withDeletedSheet();
    const ctx = new FakeContext(doc);
    ctx.workbook.worksheets.add('Old').getRange('A1').values = [[10]];
    await ctx.sync();
    expect(doc.formula('Sum', 'A1')).toBe('=#REF!A1*2');
    expect(doc.value('Sum', 'A1')).toBe('#REF!');
    const name = ctx.workbook.names.getItem('EQ_Old').load('formula, type');
    await ctx.sync();
    expect([name.formula, name.type]).toEqual(['=#REF!$A$1:$A$3', 'Error']);
  });

  it('reads the broken formula back through the API, and a write replaces it', async () => {
    const doc = await withDeletedSheet();
    const ctx = new FakeContext(doc);
    const range = ctx.workbook.worksheets.getItem('Sum').getRange('A1').load('formulas, values');
    await ctx.sync();
    expect([range.formulas, range.values]).toEqual([[['=#REF!A1*2']], [['#REF!']]]);
    await write(doc, 'Sum', 'A1', [['=1+1']]);
    expect(doc.formula('Sum', 'A1')).toBe('=1+1');
  });

  it('rewrites references when a sheet is renamed, in formulas and the rest of the document', async () => {
    // Excel updates every reference to a renamed sheet (Microsoft support, "Rename a worksheet").
    const doc = new FakeWorkbook({ sheets: ['Old', 'Sum'] });
    await write(doc, 'Sum', 'A1', [['=Old!A1']]);
    const ctx = new FakeContext(doc);
    ctx.workbook.worksheets
      .getItem('Sum')
      .getRange('B1')
      .conditionalFormats.add('Custom').custom.rule.formula = '=Old!$A$1>0';
    ctx.workbook.worksheets.getItem('Old').name = 'New one';
    await ctx.sync();
    expect(doc.formula('Sum', 'A1')).toBe("='New one'!A1");
    expect(doc.conditionalFormats('Sum')[0]?.formula).toBe("='New one'!$A$1>0");
  });
});

describe('rows and columns inserted or deleted', () => {
  // d.ts Range.insert: "Inserts a cell or a range of cells into the worksheet in place of this
  // range, and shifts the other cells to make space. Returns a new Range object at the now blank
  // space." [Api set: ExcelApi 1.1]. Range.delete: "Deletes the cells associated with the range."
  // Excel adjusts references to moved cells and turns references to deleted cells into #REF!
  // (Microsoft support, "Insert or delete rows and columns").
  async function sample(): Promise<FakeWorkbook> {
    const doc = new FakeWorkbook({ sheets: ['Area', 'Sum'] });
    await write(doc, 'Area', 'A1:B4', [
      ['id', 'rating'],
      ['k1', 2],
      ['k2', 3],
      ['k3', 4],
    ]);
    await write(doc, 'Sum', 'A1:C1', [['=SUM(Area!B2:B4)', '=Area!B3*10', '=Area!$B$4']]);
    const ctx = new FakeContext(doc);
    const area = ctx.workbook.worksheets.getItem('Area');
    ctx.workbook.names.add('EQ_Ratings', area.getRange('B2:B4'));
    area.getRange('B2:B4').dataValidation.rule = { list: { inCellDropDown: true, source: '1,2,3,4' } };
    area.getRange('B2:B4').conditionalFormats.add('Custom').custom.rule.formula = '=B2<3';
    area.getRange('A4').format.fill.color = '#FFC7CE';
    area.getRange('B4').numberFormat = [['0.0']];
    await ctx.sync();
    return doc;
  }

  it('inserts whole rows: cells, formulas, names, validation, formats and rules move down', async () => {
    const doc = await sample();
    const ctx = new FakeContext(doc);
    const blank = ctx.workbook.worksheets.getItem('Area').getRange('3:3').insert('Down').load('address');
    await ctx.sync();
    expect(blank.address).toBe('Area!3:3');
    expect(doc.values('Area', 'A2:B5')).toEqual([
      ['k1', 2],
      ['', ''],
      ['k2', 3],
      ['k3', 4],
    ]);
    expect(doc.formula('Sum', 'A1')).toBe('=SUM(Area!B2:B5)');
    expect(doc.formula('Sum', 'B1')).toBe('=Area!B4*10');
    expect(doc.formula('Sum', 'C1')).toBe('=Area!$B$5');
    expect(doc.nameList()[0]?.formula).toBe('=Area!$B$2:$B$5');
    expect(doc.validation('Area', 'B5')?.rule).toBeDefined();
    expect(doc.conditionalFormats('Area')[0]).toMatchObject({
      rect: { top: 1, bottom: 4, left: 1, right: 1 },
      formula: '=B2<3',
    });
    expect(doc.format('Area', 'A5').fill).toBe('#FFC7CE');
    expect(doc.numberFormat('Area', 'B5')).toBe('0.0');
    expect(doc.values('Sum', 'A1:C1')).toEqual([[9, 30, 4]]);
  });

  it('deletes whole rows: references into them become #REF!, the rest move up', async () => {
    const doc = await sample();
    const ctx = new FakeContext(doc);
    ctx.workbook.worksheets.getItem('Area').getRange('B3').getEntireRow().delete('Up');
    await ctx.sync();
    expect(doc.values('Area', 'A2:B3')).toEqual([
      ['k1', 2],
      ['k3', 4],
    ]);
    expect(doc.formula('Sum', 'A1')).toBe('=SUM(Area!B2:B3)');
    expect(doc.value('Sum', 'B1')).toBe('#REF!');
    expect(String(doc.formula('Sum', 'B1'))).toContain('#REF!');
    expect(doc.formula('Sum', 'C1')).toBe('=Area!$B$3');
    expect(doc.nameList()[0]?.formula).toBe('=Area!$B$2:$B$3');
    expect(doc.format('Area', 'A3').fill).toBe('#FFC7CE');
  });

  it('inserts and deletes whole columns', async () => {
    const doc = await sample();
    const ctx = new FakeContext(doc);
    const area = ctx.workbook.worksheets.getItem('Area');
    area.getRange('B:B').insert('Right');
    await ctx.sync();
    expect(doc.formula('Sum', 'A1')).toBe('=SUM(Area!C2:C4)');
    expect(doc.conditionalFormats('Area')[0]?.formula).toBe('=C2<3');
    area.getRange('C:C').delete('Left');
    await ctx.sync();
    expect(doc.value('Sum', 'A1')).toBe('#REF!');
    expect(doc.conditionalFormats('Area')).toEqual([]);
  });

  it('fires onChanged with RowInserted, RowDeleted, ColumnInserted, ColumnDeleted and the lines’ address', async () => {
    // d.ts Excel.DataChangeType: "RowInserted ... RowDeleted ... ColumnInserted ... ColumnDeleted";
    // WorksheetChangedEventArgs.address: "Gets the range address that represents the changed area".
    const doc = await sample();
    const ctx = new FakeContext(doc);
    const seen: XlWorksheetChangedEventArgs[] = [];
    ctx.workbook.worksheets.getItem('Area').onChanged.add(async (args) => {
      seen.push(args);
    });
    await ctx.sync();
    await doc.simulateLineEdit('Area', '3:4', 'insert');
    await doc.simulateLineEdit('Area', '3:3', 'delete');
    const area = ctx.workbook.worksheets.getItem('Area');
    area.getRange('C:C').insert('Right');
    area.getRange('C:C').delete('Left');
    await ctx.sync();
    await doc.eventsSettled();
    expect(seen.map((a) => [a.changeType, a.address])).toEqual([
      ['RowInserted', '3:4'],
      ['RowDeleted', '3:3'],
      ['ColumnInserted', 'C:C'],
      ['ColumnDeleted', 'C:C'],
    ]);
  });

  it('inserts cells shifting down: only those columns move, ranges within them grow', async () => {
    // d.ts InsertShiftDirection "Down": cells below move down; Excel adjusts a reference that lies
    // within the shifted columns and leaves one spanning other columns as it was.
    const doc = await sample();
    await write(doc, 'Area', 'D1:D2', [['=SUM(B2:B4)'], ['=A2&B3']]);
    const ctx = new FakeContext(doc);
    const seen: XlWorksheetChangedEventArgs[] = [];
    ctx.workbook.worksheets.getItem('Area').onChanged.add(async (args) => {
      seen.push(args);
    });
    const blank = ctx.workbook.worksheets.getItem('Area').getRange('B3').insert('Down').load('address');
    await ctx.sync();
    await doc.eventsSettled();
    expect(blank.address).toBe('Area!B3');
    expect(doc.values('Area', 'A2:B5')).toEqual([
      ['k1', 2],
      ['k2', ''],
      ['k3', 3],
      ['', 4],
    ]);
    expect(doc.formula('Area', 'D1')).toBe('=SUM(B2:B5)');
    expect(doc.formula('Area', 'D2')).toBe('=A2&B4');
    expect(doc.formula('Sum', 'B1')).toBe('=Area!B4*10');
    expect(doc.nameList()[0]?.formula).toBe('=Area!$B$2:$B$5');
    expect(doc.values('Sum', 'A1:C1')).toEqual([[9, 30, 4]]);
    expect(seen.map((a) => [a.changeType, a.address])).toEqual([['CellInserted', 'B3']]);
  });

  it('deletes cells shifting left: references into them become #REF!, the rest move left', async () => {
    const doc = await sample();
    await write(doc, 'Area', 'C2:D2', [['x', '=C2&"!"']]);
    const ctx = new FakeContext(doc);
    ctx.workbook.worksheets.getItem('Area').getRange('B2').delete('Left');
    await ctx.sync();
    expect(doc.values('Area', 'A2:C2')).toEqual([['k1', 'x', 'x!']]);
    expect(doc.formula('Area', 'C2')).toBe('=B2&"!"');
    expect(doc.value('Sum', 'A1')).toBe(7);
    expect(doc.formula('Sum', 'A1')).toBe('=SUM(Area!B2:B4)');
  });

  it('refuses on a protected sheet (AccessDenied) and for bad directions (InvalidArgument)', async () => {
    const doc = await sample();
    const ctx = new FakeContext(doc);
    const area = ctx.workbook.worksheets.getItem('Area');
    area.getRange('3:3').insert('Sideways' as 'Down');
    expect(await codeOf(ctx.sync())).toBe('InvalidArgument');
    area.protection.protect();
    await ctx.sync();
    area.getRange('3:3').insert('Down');
    expect(await codeOf(ctx.sync())).toBe('AccessDenied');
  });
});

describe('values Excel converts when written', () => {
  it('stores an ISO date string as a date serial, and a locale-shaped one as text', async () => {
    // d.ts Range.values: "Locale-shaped strings (such as the date "19-8-2025" in nl-NL or fr-FR,
    // format DD-MM-YYYY) are stored as text instead of as dates. To ensure dates are stored as
    // dates, use ... a locale-neutral format like ISO (YYYY-MM-DD) or a numeric date serial."
    const doc = new FakeWorkbook();
    const ctx = new FakeContext(doc);
    ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B1').values = [['2027-03-31', '19-8-2025']];
    await ctx.sync();
    // 31/03/2027 is day 46477 counting 01/01/1900 as 1 with Excel's 29/02/1900.
    expect(doc.values('Sheet1', 'A1:B1')).toEqual([[46477, '19-8-2025']]);
  });

  it('makes a value starting with + or - a formula, and keeps signed numbers as numbers', async () => {
    // d.ts Range.values: "If the returned value starts with a plus ("+"), minus ("-"), or equal
    // sign ("="), Excel interprets this value as a formula."
    const doc = new FakeWorkbook();
    const ctx = new FakeContext(doc);
    ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:D1').values = [['+1+1', '-2*3', '-5', '+7']];
    await ctx.sync();
    expect(doc.values('Sheet1', 'A1:D1')).toEqual([[2, -6, -5, 7]]);
    expect(doc.formula('Sheet1', 'A1')).toBe('=+1+1');
    expect(doc.formula('Sheet1', 'C1')).toBe(-5);
  });

  it('hands back full IEEE doubles, not numbers rounded to ten digits', async () => {
    // Excel stores and returns 64-bit doubles (Microsoft support, "Floating-point arithmetic may
    // give inaccurate results in Excel"): =0.1+0.2 is 0.30000000000000004 through the API. (The
    // issue's =0.1*30 is exactly 3 in IEEE arithmetic, so it shows nothing either way.)
    const doc = new FakeWorkbook();
    await write(doc, 'Sheet1', 'A1:D1', [['=0.1+0.2', '=1/3', '=0.1*30', '=0.5-0.4-0.1']]);
    expect(doc.values('Sheet1', 'A1:D1')).toEqual([[0.1 + 0.2, 1 / 3, 0.1 * 30, 0]]);
    expect(doc.value('Sheet1', 'A1')).not.toBe(0.3);
  });
});

describe('error codes and limits', () => {
  it('answers a duplicate sheet name, compared ignoring case, with ItemAlreadyExists', async () => {
    // Office.js error codes (learn.microsoft.com/office/dev/add-ins/reference/javascript-api-for-
    // office-error-codes): "ItemAlreadyExists: The resource being created already exists."
    const ctx = new FakeContext(new FakeWorkbook({ sheets: ['Summary'] }));
    ctx.workbook.worksheets.add('SUMMARY');
    expect(await codeOf(ctx.sync())).toBe('ItemAlreadyExists');
  });

  it('refuses a list source longer than 255 characters, a formula included', async () => {
    // Excel's data validation list source is limited to 255 characters (Microsoft support, "Apply
    // data validation to cells": "the list ... is limited to 255 characters").
    const ctx = new FakeContext(new FakeWorkbook());
    const range = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1');
    range.dataValidation.rule = { list: { inCellDropDown: true, source: `=${'A1,'.repeat(90)}A1` } };
    expect(await codeOf(ctx.sync())).toBe('InvalidArgument');
    range.dataValidation.rule = { list: { inCellDropDown: true, source: `=$A$1:$A$${'9'.repeat(3)}` } };
    expect(await codeOf(ctx.sync())).toBeUndefined();
  });

  it('limits a data validation error message to 224 characters', async () => {
    // platform-facts.md (from Microsoft's data validation documentation): prompt 255, error 224.
    const ctx = new FakeContext(new FakeWorkbook());
    const range = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1');
    const alert = { showAlert: true, style: 'Stop', title: 'No' } as const;
    range.dataValidation.errorAlert = { ...alert, message: 'x'.repeat(225) };
    expect(await codeOf(ctx.sync())).toBe('InvalidArgument');
    range.dataValidation.errorAlert = { ...alert, message: 'x'.repeat(224) };
    expect(await codeOf(ctx.sync())).toBeUndefined();
  });
});
