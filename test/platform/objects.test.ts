/** Validation, names, charts, sheets, freeze panes, print layout and settings through the fake. */
import { FakeContext, FakeWorkbook } from './fake-excel';

describe('data validation', () => {
  it('stores a list rule with prompt and alert, and reads it back', async () => {
    const doc = new FakeWorkbook({ sheets: ['Area'] });
    const ctx = new FakeContext(doc);
    const dv = ctx.workbook.worksheets.getItem('Area').getRange('C5:C9').dataValidation;
    dv.rule = { list: { inCellDropDown: true, source: '1,2,3,4' } };
    dv.prompt = { showPrompt: true, title: 'Rating', message: 'Choose 1 to 4.' };
    dv.errorAlert = { showAlert: true, style: 'Stop', title: 'Rating', message: 'Use 1, 2, 3 or 4.' };
    dv.load('type, rule');
    await ctx.sync();
    expect(dv.type).toBe('List');
    expect(dv.rule).toEqual({ list: { inCellDropDown: true, source: '1,2,3,4' } });
    expect(doc.validation('Area', 'C7')?.prompt?.title).toBe('Rating');
    expect(doc.validation('Area', 'C10')).toBeUndefined();
  });

  it('stores a range source as an absolute reference', async () => {
    const doc = new FakeWorkbook({ sheets: ['Area', 'Lists'] });
    const ctx = new FakeContext(doc);
    const source = ctx.workbook.worksheets.getItem('Lists').getRange('A1:A4');
    ctx.workbook.worksheets.getItem('Area').getRange('C5').dataValidation.rule = {
      list: { inCellDropDown: true, source },
    };
    await ctx.sync();
    expect(doc.validation('Area', 'C5')?.rule).toEqual({
      list: { inCellDropDown: true, source: '=Lists!$A$1:$A$4' },
    });
  });

  it('rejects an inline list over 255 characters and a prompt title over 32', async () => {
    const ctx = new FakeContext(new FakeWorkbook());
    const dv = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').dataValidation;
    dv.rule = {
      list: { inCellDropDown: true, source: Array.from({ length: 100 }, (_, i) => `item${i}`).join(',') },
    };
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    dv.prompt = { showPrompt: true, title: 't'.repeat(33), message: '' };
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('clears validation', async () => {
    const doc = new FakeWorkbook();
    const ctx = new FakeContext(doc);
    const dv = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A3').dataValidation;
    dv.rule = { decimal: { formula1: 0, formula2: 1, operator: 'Between' } };
    await ctx.sync();
    ctx.workbook.worksheets.getItem('Sheet1').getRange('A2').dataValidation.clear();
    dv.load('type');
    await ctx.sync();
    expect(doc.validation('Sheet1', 'A2')).toBeUndefined();
    expect(doc.validation('Sheet1', 'A3')?.rule).toEqual({
      decimal: { formula1: 0, formula2: 1, operator: 'Between' },
    });
    expect(dv.type).toBe('Inconsistent');
  });
});

describe('names', () => {
  it('rejects a duplicate name and a name that looks like a cell', async () => {
    const ctx = new FakeContext(new FakeWorkbook());
    ctx.workbook.names.add('EQ_Threshold', '=Sheet1!$B$2');
    await ctx.sync();
    ctx.workbook.names.add('eq_threshold', '=Sheet1!$B$3');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
    ctx.workbook.names.add('AB12', '=Sheet1!$B$3');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('follows a sheet renaming and gives the range back', async () => {
    const doc = new FakeWorkbook({ sheets: ['Start'] });
    const ctx = new FakeContext(doc);
    const sheet = ctx.workbook.worksheets.getItem('Start');
    ctx.workbook.names.add('EQ_Org', sheet.getRange('B4'));
    await ctx.sync();
    sheet.name = 'Get started';
    const item = ctx.workbook.names.getItem('EQ_Org').load('formula, type');
    const range = item.getRange().load('address');
    await ctx.sync();
    expect([item.formula, item.type, range.address]).toEqual([
      "='Get started'!$B$4",
      'Range',
      "'Get started'!B4",
    ]);
  });
});

describe('charts', () => {
  it('adds a chart from a source range with title, axis and position', async () => {
    const doc = new FakeWorkbook({ sheets: ['Summary'] });
    const ctx = new FakeContext(doc);
    const sheet = ctx.workbook.worksheets.getItem('Summary');
    const chart = sheet.charts.add('BarClustered', sheet.getRange('A1:C6'), 'Columns');
    chart.title.text = 'Criteria met by area';
    chart.axes.valueAxis.minimum = 0;
    chart.axes.valueAxis.maximum = 1;
    chart.axes.valueAxis.numberFormat = '0%';
    chart.setPosition('E2', 'L20');
    chart.load('name');
    await ctx.sync();
    expect(chart.name).toBe('Chart 1');
    expect(doc.charts('Summary')).toMatchObject([
      {
        type: 'BarClustered',
        source: 'Summary!$A$1:$C$6',
        seriesBy: 'Columns',
        title: 'Criteria met by area',
        valueAxis: { minimum: 0, maximum: 1, numberFormat: '0%' },
        position: { from: 'Summary!E2', to: 'Summary!L20' },
      },
    ]);
  });

  it('hands back a PNG picture', async () => {
    const doc = new FakeWorkbook();
    const ctx = new FakeContext(doc);
    const sheet = ctx.workbook.worksheets.getItem('Sheet1');
    const image = sheet.charts.add('ColumnClustered', sheet.getRange('A1:B3')).getImage();
    await ctx.sync();
    expect(image.value.startsWith('iVBOR')).toBe(true);
  });
});

describe('sheets, panes, layout and settings', () => {
  it('orders, hides, colours and freezes sheets, and will not hide the last visible one', async () => {
    const doc = new FakeWorkbook({ sheets: ['A', 'B', 'C'] });
    const ctx = new FakeContext(doc);
    const c = ctx.workbook.worksheets.getItem('C');
    c.position = 0;
    c.tabColor = '#1f4e79';
    c.freezePanes.freezeAt('A1:B3');
    c.pageLayout.orientation = 'Landscape';
    c.pageLayout.setPrintTitleRows('$1:$3');
    ctx.workbook.worksheets.getItem('B').visibility = 'Hidden';
    await ctx.sync();
    expect(doc.sheetNames()).toEqual(['C', 'A', 'B']);
    expect(doc.sheet('C')).toMatchObject({
      tabColor: '#1F4E79',
      freeze: { rows: 3, columns: 2 },
      orientation: 'Landscape',
      printTitleRows: '$1:$3',
    });
    expect(doc.sheet('B').visibility).toBe('Hidden');
    ctx.workbook.worksheets.getItem('A').visibility = 'Hidden';
    await ctx.sync();
    ctx.workbook.worksheets.getItem('C').visibility = 'VeryHidden';
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
  });

  it('keeps settings as JSON and replaces them on add', async () => {
    const doc = new FakeWorkbook();
    const ctx = new FakeContext(doc);
    ctx.workbook.settings.add('eq.meta', { layoutVersion: 1, frameworkId: 'efsh' });
    ctx.workbook.settings.add('eq.meta', { layoutVersion: 2, frameworkId: 'efsh' });
    const setting = ctx.workbook.settings.getItem('eq.meta').load('value');
    const none = ctx.workbook.settings.getItemOrNullObject('other').load();
    await ctx.sync();
    expect(setting.value).toEqual({ layoutVersion: 2, frameworkId: 'efsh' });
    expect(none.isNullObject).toBe(true);
  });

  it('reads formatting back as Excel reports it, with null for mixed cells', async () => {
    const doc = new FakeWorkbook();
    const ctx = new FakeContext(doc);
    const sheet = ctx.workbook.worksheets.getItem('Sheet1');
    sheet.getRange('A1:B1').format.font.bold = true;
    sheet.getRange('A1').format.fill.color = '#FFEB9C';
    sheet.getRange('A1:B1').format.borders.getItem('EdgeBottom').style = 'Continuous';
    const both = sheet.getRange('A1:B1').format.load('wrapText');
    both.font.load('bold');
    both.fill.load('color');
    await ctx.sync();
    expect([both.font.bold, both.fill.color, both.wrapText]).toEqual([true, null, false]);
    expect(doc.border('Sheet1', 'B1', 'EdgeBottom')?.style).toBe('Continuous');
    expect(doc.border('Sheet1', 'B2', 'EdgeBottom')).toBeUndefined();
  });
});
