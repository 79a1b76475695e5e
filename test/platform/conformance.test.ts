/**
 * Conformance of the fake to Excel for every member of src/excel/api.ts (the Office.js subset the
 * product calls): what Excel returns, and what it throws with which error code. Each block cites
 * the Excel side: "d.ts" is the doc comment in node_modules/@types/office-js/index.d.ts (quoted),
 * "ref" the Office.js reference on learn.microsoft.com/javascript/api/excel, "codes" the Office
 * error codes page (learn.microsoft.com/office/dev/add-ins/reference/javascript-api-for-office-
 * error-codes). Behaviours specific to issue 18 are in excel-behaviours.test.ts.
 */
import { FakeContext, FakeOfficeError, FakeWorkbook } from './fake-excel';

const codeOf = async (p: Promise<unknown>): Promise<string | undefined> => {
  try {
    await p;
    return undefined;
  } catch (e) {
    return e instanceof FakeOfficeError ? e.code : `not an Office error: ${String(e)}`;
  }
};

const PNG_1x1 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

function setUp(sheets: string[] = ['Sheet1']) {
  const doc = new FakeWorkbook({ sheets });
  const ctx = new FakeContext(doc);
  return { doc, ctx, sheet: ctx.workbook.worksheets.getItem(sheets[0]!) };
}

describe('RequestContext.sync and load', () => {
  // ref "Application-specific API model": properties are available after load() and sync();
  // codes: "PropertyNotLoaded: The property isn't loaded ... call load() and sync()".
  it('reads only loaded properties, and a sync with nothing queued succeeds', async () => {
    const { ctx, sheet } = setUp();
    const range = sheet.getRange('B2');
    expect(() => range.address).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    await ctx.sync();
    expect(() => range.address).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    range.load('address');
    await ctx.sync();
    expect(range.address).toBe('Sheet1!B2');
    expect(await codeOf(ctx.sync())).toBeUndefined();
  });
});

describe('Range', () => {
  // d.ts Range.address: "Specifies the range reference in A1-style. Address value contains the
  // sheet reference (e.g., "Sheet1!A1:B4")." rowIndex/columnIndex: "Returns the row/column number
  // of the first cell in the range. Zero-indexed."
  it('address, rowCount, columnCount, rowIndex, columnIndex', async () => {
    const { ctx } = setUp(['Knowing customers']);
    const range = ctx.workbook.worksheets
      .getItem('Knowing customers')
      .getRange('C5:E9')
      .load('address, rowCount, columnCount, rowIndex, columnIndex');
    await ctx.sync();
    expect([range.address, range.rowCount, range.columnCount, range.rowIndex, range.columnIndex]).toEqual([
      "'Knowing customers'!C5:E9",
      5,
      3,
      4,
      2,
    ]);
  });

  // d.ts Range.values: "Cells that contain an error will return the error string." Range.formulas:
  // "Represents the formula in A1-style notation. If a cell has no formula, its value is returned
  // instead." Range.text: "Text values of the specified range." Range.numberFormat: "Represents
  // Excel's number format code for the given range."
  it('values, formulas, text and numberFormat', async () => {
    const { ctx, sheet } = setUp();
    const range = sheet.getRange('A1:D1');
    range.formulas = [[2, '=A1*3', '=1/0', true]];
    range.numberFormat = [['0.00', 'General', 'General', 'General']];
    range.load('values, formulas, text, numberFormat');
    await ctx.sync();
    expect(range.values).toEqual([[2, 6, '#DIV/0!', true]]);
    expect(range.formulas).toEqual([[2, '=A1*3', '=1/0', true]]);
    expect(range.text[0]?.[3]).toBe('TRUE');
    expect(range.numberFormat).toEqual([['0.00', 'General', 'General', 'General']]);
  });

  // ref Range.values: the array must match the range's dimensions; codes: "InvalidArgument: The
  // argument is invalid or missing or has an incorrect format."
  it('refuses arrays of the wrong shape, non-finite numbers and broken formulas (InvalidArgument)', async () => {
    const { ctx, sheet } = setUp();
    for (const write of [
      () => (sheet.getRange('A1:B1').values = [[1]]),
      () => (sheet.getRange('A1').values = [[Number.NaN]]),
      () => (sheet.getRange('A1').formulas = [['=SUM(1,']]),
      () => (sheet.getRange('A1').numberFormat = [['0'], ['0']]),
    ]) {
      write();
      expect(await codeOf(ctx.sync())).toBe('InvalidArgument');
    }
  });

  // d.ts columnHidden: "Represents if all columns in the current range are hidden. Value is true
  // when all columns in a range are hidden. Value is false when no columns in the range are hidden.
  // Value is null when some columns in a range are hidden and other columns in the same range are
  // not hidden." (rowHidden likewise.)
  it('columnHidden and rowHidden, with null for a mix', async () => {
    const { ctx, sheet } = setUp();
    sheet.getRange('B:B').columnHidden = true;
    sheet.getRange('3:3').rowHidden = true;
    const b = sheet.getRange('B1').load('columnHidden');
    const mix = sheet.getRange('A1:B1').load('columnHidden');
    const row = sheet.getRange('A3').load('rowHidden');
    await ctx.sync();
    expect([b.columnHidden, mix.columnHidden, row.rowHidden]).toEqual([true, null, true]);
  });

  // d.ts getCell: "Gets the range object containing the single cell based on row and column
  // numbers. The cell can be outside the bounds of its parent range, so long as it stays within
  // the worksheet grid." getOffsetRange / getResizedRange: "An error will be thrown if ... outside
  // the worksheet grid" / "... less than 1".
  it('getCell, getOffsetRange, getResizedRange, getEntireColumn, getEntireRow', async () => {
    const { ctx, sheet } = setUp();
    const base = sheet.getRange('B2:C3');
    const loaded = [
      base.getCell(2, 3),
      base.getOffsetRange(1, -1),
      base.getResizedRange(1, 0),
      base.getEntireColumn(),
      base.getEntireRow(),
    ].map((r) => r.load('address'));
    await ctx.sync();
    expect(loaded.map((r) => r.address)).toEqual([
      'Sheet1!E4',
      'Sheet1!A3:B4',
      'Sheet1!B2:C4',
      'Sheet1!B:C',
      'Sheet1!2:3',
    ]);
    base.getResizedRange(-2, 0);
    expect(await codeOf(ctx.sync())).toBe('InvalidArgument');
  });

  // d.ts clear: "Clear range values, format, fill, border, etc." with applyTo "All", "Formats",
  // "Contents".
  it('clear: contents, formats or both', async () => {
    const { doc, ctx, sheet } = setUp();
    sheet.getRange('A1:B1').values = [[1, 2]];
    sheet.getRange('A1:B1').format.fill.color = '#FFC7CE';
    await ctx.sync();
    sheet.getRange('A1').clear('Contents');
    sheet.getRange('B1').clear('Formats');
    await ctx.sync();
    expect(doc.values('Sheet1', 'A1:B1')).toEqual([['', 2]]);
    expect([doc.format('Sheet1', 'A1').fill, doc.format('Sheet1', 'B1').fill]).toEqual(['#FFC7CE', null]);
  });

  // d.ts select: "Selects the specified range in the Excel UI." Workbook.getSelectedRange: "Gets
  // the currently selected single range from the workbook." A hidden sheet cannot be selected.
  it('select and getSelectedRange; selecting on a hidden sheet fails', async () => {
    const { ctx } = setUp(['One', 'Two']);
    ctx.workbook.worksheets.getItem('Two').getRange('C3:D4').select();
    const selected = ctx.workbook.getSelectedRange().load('address');
    await ctx.sync();
    expect(selected.address).toBe('Two!C3:D4');
    ctx.workbook.worksheets.getItem('One').visibility = 'Hidden';
    ctx.workbook.worksheets.getItem('One').getRange('A1').select();
    expect(await codeOf(ctx.sync())).toBe('InvalidOperation');
  });

  // d.ts Range.worksheet: "The worksheet containing the current range."
  it('worksheet', async () => {
    const { ctx } = setUp(['One', 'Two']);
    const ws = ctx.workbook.worksheets.getItem('Two').getRange('A1').worksheet.load('name');
    await ctx.sync();
    expect(ws.name).toBe('Two');
  });
});

describe('RangeFormat, fill, font, protection, borders', () => {
  // d.ts RangeFill.color: "HTML color code representing the color of the background, in the form
  // #RRGGBB (e.g., "FFA500")"; a range without fill reads "#FFFFFF". RangeFont: bold, italic,
  // size, color, name. FormatProtection.locked: "Specifies if Excel locks the cells in the object."
  it('writes and reads fill, font, alignment, wrap, locked, borders', async () => {
    const { ctx, sheet } = setUp();
    const range = sheet.getRange('A1');
    const format = range.format;
    format.fill.color = '#ffa500';
    Object.assign(format.font, { bold: true, italic: true, size: 14, color: '#1F4E79', name: 'Arial' });
    format.wrapText = true;
    format.horizontalAlignment = 'Center';
    format.verticalAlignment = 'Top';
    format.protection.locked = false;
    const edge = format.borders.getItem('EdgeBottom');
    Object.assign(edge, { style: 'Continuous', color: '#000000', weight: 'Medium' });
    range.load(
      'format/fill/color, format/wrapText, format/horizontalAlignment, format/verticalAlignment, format/protection/locked',
    );
    format.font.load('bold, italic, size, color, name');
    edge.load('style, weight');
    await ctx.sync();
    expect(format.fill.color).toBe('#FFA500');
    expect([
      format.font.bold,
      format.font.italic,
      format.font.size,
      format.font.color,
      format.font.name,
    ]).toEqual([true, true, 14, '#1F4E79', 'Arial']);
    expect([format.wrapText, format.horizontalAlignment, format.verticalAlignment]).toEqual([
      true,
      'Center',
      'Top',
    ]);
    expect(format.protection.locked).toBe(false);
    expect([edge.style, edge.weight]).toEqual(['Continuous', 'Medium']);
    format.fill.clear();
    range.load('format/fill/color');
    await ctx.sync();
    expect(format.fill.color).toBe('#FFFFFF');
  });

  // d.ts RangeFormat.columnWidth / rowHeight: "Specifies the width of all columns within the
  // range" / "height of all rows", in points; autofitColumns/autofitRows: "Changes the width of
  // the columns ... to achieve the best fit".
  it('columnWidth, rowHeight, autofit', async () => {
    const { ctx, sheet } = setUp();
    const range = sheet.getRange('B2');
    range.format.columnWidth = 90;
    range.format.rowHeight = 30;
    range.format.autofitRows();
    range.format.load('columnWidth, rowHeight');
    await ctx.sync();
    expect([range.format.columnWidth, range.format.rowHeight]).toEqual([90, 30]);
  });
});

describe('DataValidation', () => {
  // d.ts DataValidation.type: "Type of the data validation"; "Inconsistent" when cells differ.
  // clear: "Clears the data validation from the current range." ignoreBlanks default true.
  it('rule, prompt, errorAlert, ignoreBlanks, type, clear', async () => {
    const { ctx, sheet } = setUp();
    const dv = sheet.getRange('A1:A2').dataValidation;
    dv.rule = { list: { inCellDropDown: true, source: '1,2,3,4' } };
    dv.prompt = { showPrompt: true, title: 'Rating', message: '1 to 4' };
    dv.errorAlert = { showAlert: true, style: 'Stop', title: 'Rating', message: 'Use 1 to 4' };
    dv.ignoreBlanks = true;
    dv.load('rule, prompt, errorAlert, ignoreBlanks, type');
    const mixed = sheet.getRange('A2:A3').dataValidation.load('type');
    await ctx.sync();
    expect(dv.rule).toEqual({ list: { inCellDropDown: true, source: '1,2,3,4' } });
    expect([dv.prompt.title, dv.errorAlert.message, dv.ignoreBlanks, dv.type]).toEqual([
      'Rating',
      'Use 1 to 4',
      true,
      'List',
    ]);
    expect(mixed.type).toBe('Inconsistent');
    dv.clear();
    dv.load('type');
    await ctx.sync();
    expect(dv.type).toBe('None');
  });

  // ref DataValidationRule: exactly one rule type; titles at most 32 characters (Excel's dialog).
  it('refuses a rule with two types and a title over 32 characters (InvalidArgument)', async () => {
    const { ctx, sheet } = setUp();
    const dv = sheet.getRange('A1').dataValidation;
    dv.rule = {
      list: { inCellDropDown: true, source: '1,2' },
      custom: { formula: '=A1>0' },
    };
    expect(await codeOf(ctx.sync())).toBe('InvalidArgument');
    dv.prompt = { showPrompt: true, title: 'x'.repeat(33), message: '' };
    expect(await codeOf(ctx.sync())).toBe('InvalidArgument');
  });
});

describe('ConditionalFormatCollection and ConditionalFormat', () => {
  // d.ts ConditionalFormatCollection.add: "Adds a new conditional format to the collection at the
  // first/top priority." getCount: "Returns the number of conditional formats in the workbook."
  // clearAll: "Clears all conditional formats active on the current specified range."
  it('add Custom, getCount, stopIfTrue, type, delete, clearAll', async () => {
    const { ctx, sheet } = setUp();
    const range = sheet.getRange('A1:A10');
    const cf = range.conditionalFormats.add('Custom');
    cf.custom.rule.formula = '=A1<3';
    cf.custom.format.fill.color = '#FFC7CE';
    cf.custom.format.font.color = '#9C0006';
    cf.custom.format.font.bold = true;
    cf.stopIfTrue = true;
    range.conditionalFormats.add('Custom').custom.rule.formula = '=A1>3';
    const count = range.conditionalFormats.getCount();
    cf.load('type, stopIfTrue');
    await ctx.sync();
    expect([count.value, cf.type, cf.stopIfTrue]).toEqual([2, 'Custom', true]);
    cf.delete();
    const afterDelete = range.conditionalFormats.getCount();
    await ctx.sync();
    expect(afterDelete.value).toBe(1);
    range.conditionalFormats.clearAll();
    const afterClear = range.conditionalFormats.getCount();
    await ctx.sync();
    expect(afterClear.value).toBe(0);
  });

  it('refuses an invalid rule formula (InvalidArgument)', async () => {
    const { ctx, sheet } = setUp();
    sheet.getRange('A1').conditionalFormats.add('Custom').custom.rule.formula = '=AND(';
    expect(await codeOf(ctx.sync())).toBe('InvalidArgument');
  });
});

describe('NamedItemCollection and NamedItem', () => {
  // d.ts NamedItemCollection.add: "Adds a new name to the collection of the given scope."
  // NamedItem.formula: "The formula of the named item. Formulas always start with an equal sign."
  // type: "Specifies the type of the value returned by the name's formula." getRange: "Returns the
  // range object that is associated with the name. Throws an error if the named item's type is
  // not a range." codes: "ItemAlreadyExists", "ItemNotFound".
  it('add, getItem, items, formula, comment, type, visible, getRange, delete', async () => {
    const { ctx, sheet } = setUp(['Lists']);
    sheet.getRange('A1:A4').values = [[1], [2], [3], [4]];
    ctx.workbook.names.add('EQ_Scale', sheet.getRange('A1:A4'), 'The rating scale');
    ctx.workbook.names.add('EQ_Threshold', '=3');
    const scale = ctx.workbook.names.getItem('eq_scale').load('name, formula, comment, type, visible');
    const threshold = ctx.workbook.names.getItem('EQ_Threshold').load('type');
    const range = scale.getRange().load('address');
    const all = ctx.workbook.names.load('items/name');
    await ctx.sync();
    expect([scale.name, scale.formula, scale.comment, scale.type, scale.visible]).toEqual([
      'EQ_Scale',
      '=Lists!$A$1:$A$4',
      'The rating scale',
      'Range',
      true,
    ]);
    expect([threshold.type, range.address]).toEqual(['Double', 'Lists!A1:A4']);
    expect(all.items.map((n) => n.name)).toEqual(['EQ_Scale', 'EQ_Threshold']);
    ctx.workbook.names.getItem('EQ_Threshold').getRange();
    expect(await codeOf(ctx.sync())).toBe('InvalidOperation');
    ctx.workbook.names.getItem('EQ_Threshold').delete();
    const gone = ctx.workbook.names.getItemOrNullObject('EQ_Threshold').load('name');
    await ctx.sync();
    expect(gone.isNullObject).toBe(true);
  });

  it('refuses a duplicate name (ItemAlreadyExists) and a name like a cell (InvalidArgument)', async () => {
    const { ctx } = setUp();
    ctx.workbook.names.add('EQ_X', '=1');
    await ctx.sync();
    ctx.workbook.names.add('eq_x', '=2');
    expect(await codeOf(ctx.sync())).toBe('ItemAlreadyExists');
    ctx.workbook.names.add('AB12', '=2');
    expect(await codeOf(ctx.sync())).toBe('InvalidArgument');
  });

  // d.ts Worksheet.names: "Collection of names scoped to the current worksheet."
  it('worksheet-scoped names', async () => {
    const { ctx, sheet } = setUp();
    sheet.names.add('Local', '=5');
    sheet.getRange('A1').formulas = [['=Local*2']];
    const a1 = sheet.getRange('A1').load('values');
    const workbookLevel = ctx.workbook.names.getItemOrNullObject('Local').load('name');
    await ctx.sync();
    expect([a1.values, workbookLevel.isNullObject]).toEqual([[[10]], true]);
  });
});

describe('SettingCollection and Setting', () => {
  // d.ts SettingCollection.add: "Sets or adds the specified setting to the workbook." Setting.value:
  // "Represents the value stored for this setting." (values are JSON: a Date comes back as text).
  it('add, getItem, getItemOrNullObject, items, value, delete', async () => {
    const { ctx } = setUp();
    ctx.workbook.settings.add('meta', { version: 2, names: ['a'] });
    ctx.workbook.settings.add('when', new Date(Date.UTC(2027, 2, 31)));
    const meta = ctx.workbook.settings.getItem('meta').load('key, value');
    const when = ctx.workbook.settings.getItem('when').load('value');
    const all = ctx.workbook.settings.load('items/key');
    await ctx.sync();
    expect([meta.key, meta.value, when.value]).toEqual([
      'meta',
      { version: 2, names: ['a'] },
      '2027-03-31T00:00:00.000Z',
    ]);
    expect(all.items.map((s) => s.key)).toEqual(['meta', 'when']);
    ctx.workbook.settings.getItem('when').delete();
    const gone = ctx.workbook.settings.getItemOrNullObject('when').load('value');
    await ctx.sync();
    expect(gone.isNullObject).toBe(true);
    ctx.workbook.settings.getItem('when').load('value');
    expect(await codeOf(ctx.sync())).toBe('ItemNotFound');
  });
});

describe('ChartCollection and Chart', () => {
  // d.ts ChartCollection.add: "Creates a new chart." getItem: "Gets a chart using its name. If
  // there are multiple charts with the same name, the first one will be returned." Chart.getImage:
  // "Renders the chart as a base64-encoded image". ChartAxis minimum/maximum/majorUnit.
  it('add, name, id, title, axes, legend, setPosition, position, getImage, getCount, delete', async () => {
    const { ctx, sheet } = setUp(['Summary']);
    sheet.getRange('A1:B3').values = [
      ['Area', 'Share'],
      ['One', 0.5],
      ['Two', 1],
    ];
    const chart = sheet.charts.add('ColumnClustered', sheet.getRange('A1:B3'), 'Columns');
    chart.name = 'Shares';
    chart.title.text = 'Share met';
    chart.axes.valueAxis.minimum = 0;
    chart.axes.valueAxis.maximum = 1;
    chart.axes.valueAxis.majorUnit = 0.25;
    chart.axes.valueAxis.numberFormat = '0%';
    chart.legend.visible = false;
    chart.setPosition('D2', 'J16');
    const image = chart.getImage();
    const count = sheet.charts.getCount();
    chart.load('name, id, left, top, width, height');
    chart.title.load('text');
    chart.axes.valueAxis.load('minimum, maximum, majorUnit, numberFormat');
    await ctx.sync();
    expect([chart.name, chart.title.text, count.value]).toEqual(['Shares', 'Share met', 1]);
    expect(chart.id).not.toBe('');
    expect([
      chart.axes.valueAxis.minimum,
      chart.axes.valueAxis.maximum,
      chart.axes.valueAxis.majorUnit,
      chart.axes.valueAxis.numberFormat,
    ]).toEqual([0, 1, 0.25, '0%']);
    expect(chart.left).toBeGreaterThan(0);
    expect(chart.width).toBeGreaterThan(0);
    expect(image.value.startsWith('iVBOR')).toBe(true);
    const found = sheet.charts.getItem('shares').load('name');
    const missing = sheet.charts.getItemOrNullObject('None').load('name');
    await ctx.sync();
    expect([found.name, missing.isNullObject]).toEqual(['Shares', true]);
    chart.delete();
    const after = sheet.charts.getCount();
    await ctx.sync();
    expect(after.value).toBe(0);
  });

  it('refuses an unknown chart type (InvalidArgument) and getItem of a missing chart (ItemNotFound)', async () => {
    const { ctx, sheet } = setUp();
    sheet.charts.add('Bubble3D' as 'Pie', sheet.getRange('A1:B2'));
    expect(await codeOf(ctx.sync())).toBe('InvalidArgument');
    sheet.charts.getItem('Nope');
    expect(await codeOf(ctx.sync())).toBe('ItemNotFound');
  });
});

describe('WorksheetCollection and Worksheet', () => {
  // d.ts WorksheetCollection.add: "Adds a new worksheet to the workbook. The worksheet will be
  // added at the end of existing worksheets." getActiveWorksheet, getCount(visibleOnly), items.
  // Worksheet.position: "The zero-based position of the worksheet within the workbook."
  it('add, getItem by name or id, items, getCount, position, activate, getActiveWorksheet', async () => {
    const { ctx } = setUp(['Start']);
    const added = ctx.workbook.worksheets.add('Summary').load('id, name, position');
    await ctx.sync();
    const byId = ctx.workbook.worksheets.getItem(added.id).load('name');
    added.position = 0;
    added.activate();
    const active = ctx.workbook.worksheets.getActiveWorksheet().load('name');
    const all = ctx.workbook.worksheets.load('items/name');
    const count = ctx.workbook.worksheets.getCount();
    await ctx.sync();
    expect([byId.name, active.name, count.value]).toEqual(['Summary', 'Summary', 2]);
    expect(all.items.map((s) => s.name)).toEqual(['Summary', 'Start']);
  });

  // d.ts Worksheet.visibility: "The visibility of the worksheet."; tabColor: "The tab color of the
  // worksheet ... an empty string" when none. Excel keeps one sheet visible (InvalidOperation).
  it('visibility, tabColor, getCount(visibleOnly); the last visible sheet stays', async () => {
    const { ctx } = setUp(['One', 'Two']);
    const one = ctx.workbook.worksheets.getItem('One');
    one.visibility = 'VeryHidden';
    ctx.workbook.worksheets.getItem('Two').tabColor = '#1f4e79';
    const two = ctx.workbook.worksheets.getItem('Two').load('tabColor, visibility');
    const visible = ctx.workbook.worksheets.getCount(true);
    await ctx.sync();
    expect([two.tabColor, two.visibility, visible.value]).toEqual(['#1F4E79', 'Visible', 1]);
    ctx.workbook.worksheets.getItem('Two').visibility = 'Hidden';
    expect(await codeOf(ctx.sync())).toBe('InvalidOperation');
    ctx.workbook.worksheets.getItem('Two').delete();
    expect(await codeOf(ctx.sync())).toBe('InvalidOperation');
  });

  // d.ts getUsedRange: "The used range is the smallest range that encompasses any cells that have
  // a value or formatting assigned to them. If the entire worksheet is blank, this function will
  // return the top left cell." getUsedRangeOrNullObject: "If the worksheet is blank, this method
  // will return an object with its isNullObject property set to true."
  it('getRange, getUsedRange, getUsedRangeOrNullObject, delete', async () => {
    const { ctx } = setUp(['Data', 'Empty']);
    const data = ctx.workbook.worksheets.getItem('Data');
    data.getRange('B2:C3').values = [
      [1, 2],
      [3, 4],
    ];
    const used = data.getUsedRange(true).load('address');
    const blank = ctx.workbook.worksheets.getItem('Empty').getUsedRange().load('address');
    const none = ctx.workbook.worksheets.getItem('Empty').getUsedRangeOrNullObject().load('address');
    const whole = data.getRange().load('address');
    await ctx.sync();
    expect([used.address, blank.address, none.isNullObject, whole.address]).toEqual([
      'Data!B2:C3',
      'Empty!A1',
      true,
      'Data!A:XFD',
    ]);
    ctx.workbook.worksheets.getItem('Empty').delete();
    const gone = ctx.workbook.worksheets.getItemOrNullObject('Empty').load('name');
    await ctx.sync();
    expect(gone.isNullObject).toBe(true);
  });
});

describe('WorksheetProtection', () => {
  // d.ts protect: "Protects a worksheet. Fails if the worksheet has already been protected."
  // unprotect: "Unprotects a worksheet, even if the sheet is protected with a password." (Excel
  // answers a redundant call with AccessDenied, office-js issue 6784; a wrong password likewise.)
  it('protect, protected, options, unprotect, and AccessDenied when redundant', async () => {
    const { ctx, sheet } = setUp();
    sheet.protection.protect({ allowFormatColumns: true, selectionMode: 'Normal' });
    sheet.protection.load('protected, options');
    await ctx.sync();
    expect(sheet.protection.protected).toBe(true);
    expect(sheet.protection.options.allowFormatColumns).toBe(true);
    sheet.getRange('A1').values = [[1]];
    expect(await codeOf(ctx.sync())).toBe('AccessDenied');
    sheet.protection.protect();
    expect(await codeOf(ctx.sync())).toBe('AccessDenied');
    sheet.protection.unprotect();
    sheet.protection.load('protected');
    await ctx.sync();
    expect(sheet.protection.protected).toBe(false);
    sheet.protection.unprotect();
    expect(await codeOf(ctx.sync())).toBe('AccessDenied');
  });
});

describe('WorksheetFreezePanes and PageLayout', () => {
  // d.ts freezeRows: "Freeze the top row or rows of the worksheet in place." getLocationOrNullObject:
  // "Gets a range that describes the frozen cells in the active worksheet view. If there is no
  // frozen pane, then this method will return an object with its isNullObject property set to true."
  it('freezeRows, freezeColumns, freezeAt, getLocationOrNullObject, unfreeze', async () => {
    const { ctx, sheet } = setUp();
    const none = sheet.freezePanes.getLocationOrNullObject().load('address');
    await ctx.sync();
    expect(none.isNullObject).toBe(true);
    sheet.freezePanes.freezeAt('B4');
    const at = sheet.freezePanes.getLocationOrNullObject().load('address');
    await ctx.sync();
    expect(at.address).toBe('Sheet1!A1:B4');
    sheet.freezePanes.unfreeze();
    sheet.freezePanes.freezeRows(2);
    const rows = sheet.freezePanes.getLocationOrNullObject().load('address');
    await ctx.sync();
    expect(rows.address).toBe('Sheet1!1:2');
  });

  // d.ts PageLayout.orientation: "The worksheet's orientation of the page."; setPrintTitleRows:
  // "Sets the worksheet's title rows to be repeated on each printed page."
  it('orientation and print titles', async () => {
    const { doc, ctx, sheet } = setUp();
    sheet.pageLayout.orientation = 'Landscape';
    sheet.pageLayout.setPrintTitleRows('$1:$4');
    sheet.pageLayout.load('orientation');
    await ctx.sync();
    expect(sheet.pageLayout.orientation).toBe('Landscape');
    expect(doc.sheet('Sheet1').printTitleRows).toBeDefined();
  });
});

describe('PageLayout print settings', () => {
  // d.ts PageLayoutZoomOptions: scale "Print page scale value can be between 10 and 400. This value
  // can be null if fit to page tall or wide is specified."; horizontalFitToPages "Number of pages
  // to fit horizontally. This value can be null if percentage scale is used." PageLayout.setPrintArea:
  // "Sets the worksheet's print area." HeaderFooter.centerFooter: "The center footer of the
  // worksheet." Margins are in points.
  it('paperSize, zoom, centerHorizontally, margins, print area, footer', async () => {
    const { ctx, sheet } = setUp();
    const page = sheet.pageLayout;
    page.paperSize = 'A4';
    page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    page.centerHorizontally = true;
    page.leftMargin = 36;
    page.setPrintArea('A1:H40');
    page.headersFooters.defaultForAllPages.centerFooter = 'Page &P of &N';
    page.load('paperSize, zoom, centerHorizontally, leftMargin');
    page.headersFooters.defaultForAllPages.load('centerFooter');
    await ctx.sync();
    expect([page.paperSize, page.zoom, page.centerHorizontally, page.leftMargin]).toEqual([
      'A4',
      { horizontalFitToPages: 1, verticalFitToPages: 0 },
      true,
      36,
    ]);
    expect(page.headersFooters.defaultForAllPages.centerFooter).toBe('Page &P of &N');
  });

  it('refuses a scale outside 10 to 400 and a scale with pages to fit (InvalidArgument)', async () => {
    const { ctx, sheet } = setUp();
    sheet.pageLayout.zoom = { scale: 5 };
    expect(await codeOf(ctx.sync())).toBe('InvalidArgument');
    sheet.pageLayout.zoom = { scale: 90, horizontalFitToPages: 1 };
    expect(await codeOf(ctx.sync())).toBe('InvalidArgument');
  });
});

describe('ShapeCollection and Shape', () => {
  // d.ts ShapeCollection.addImage: "Creates an image from a base64-encoded string and adds it to
  // the worksheet. ... base64ImageString: A base64-encoded string representing an image in either
  // JPEG or PNG format." Shape.altTextTitle/altTextDescription, lockAspectRatio.
  it('addImage, name, size, position, alt text, getItem, items, delete; refuses what is not an image', async () => {
    const { ctx, sheet } = setUp();
    const shape = sheet.shapes.addImage(PNG_1x1);
    shape.name = 'Board chart';
    shape.left = 100;
    shape.top = 20;
    shape.altTextTitle = 'Share met by area';
    shape.altTextDescription = 'A column chart';
    shape.load('id, name, left, top, width, height, lockAspectRatio, altTextTitle');
    await ctx.sync();
    expect([shape.name, shape.left, shape.top, shape.altTextTitle]).toEqual([
      'Board chart',
      100,
      20,
      'Share met by area',
    ]);
    const byName = sheet.shapes.getItem('Board chart').load('id');
    const all = sheet.shapes.load('items/name');
    await ctx.sync();
    expect([byName.id, all.items.length]).toEqual([shape.id, 1]);
    shape.delete();
    // getItemOrNullObject is ExcelApi 1.14, above the manifest's 1.9: hosts load `items` instead.
    const after = sheet.shapes.load('items/id');
    await ctx.sync();
    expect(after.items).toEqual([]);
    sheet.shapes.getItem(shape.id);
    expect(await codeOf(ctx.sync())).toBe('ItemNotFound');
    sheet.shapes.addImage('bm90IGFuIGltYWdl');
    expect(await codeOf(ctx.sync())).toBe('InvalidArgument');
  });
});

describe('Application', () => {
  // d.ts Application.calculationMode: "Returns the calculation mode used in the workbook";
  // suspendApiCalculationUntilNextSync: "Suspends calculation until the next context.sync() is
  // called. Once set, it is the developer's responsibility to re-calc the workbook"; calculate:
  // "Recalculate all currently opened workbooks in Excel."
  it('calculationMode, suspendApiCalculationUntilNextSync, calculate', async () => {
    const { doc, ctx, sheet } = setUp();
    ctx.application.load('calculationMode');
    ctx.application.suspendApiCalculationUntilNextSync();
    sheet.getRange('A1:B1').formulas = [[2, '=A1*5']];
    ctx.application.calculate('Full');
    await ctx.sync();
    expect(ctx.application.calculationMode).toBe('Automatic');
    expect(doc.value('Sheet1', 'B1')).toBe(10);
  });
});

describe('worksheet onChanged', () => {
  // d.ts WorksheetChangedEventArgs.details: "Represents the information about the change detail.
  // This property can be retrieved when the changed event is triggered on a single cell. If the
  // changed event is triggered on multiple cells, this property cannot be retrieved."
  it('add and remove a handler; details only for a single cell', async () => {
    const { doc, ctx, sheet } = setUp();
    const seen: [string, unknown][] = [];
    const handler = sheet.onChanged.add(async (args) => {
      seen.push([args.address, args.details?.valueAfter]);
    });
    await ctx.sync();
    await doc.simulateEdit('Sheet1', 'A1', [[1]]);
    await doc.simulateEdit('Sheet1', 'A1:B1', [[2, 3]]);
    handler.remove();
    await ctx.sync();
    await doc.simulateEdit('Sheet1', 'A1', [[4]]);
    expect(seen).toEqual([
      ['A1', 1],
      ['A1:B1', undefined],
    ]);
  });
});
