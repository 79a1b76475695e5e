/** The fake follows Office's proxy model: queued writes, load + sync, errors at sync. */
import { FakeContext, FakeOfficeError, FakeWorkbook } from './fake-excel';

const codeOf = async (p: Promise<unknown>): Promise<string | undefined> => {
  try {
    await p;
    return undefined;
  } catch (e) {
    return e instanceof FakeOfficeError ? e.code : `not an Office error: ${String(e)}`;
  }
};

describe('loading', () => {
  it('throws PropertyNotLoaded when a property is read before load and sync', async () => {
    const ctx = new FakeContext(new FakeWorkbook());
    const range = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1');
    expect(() => range.values).toThrow("The property 'values' is not available");
    range.load('address');
    expect(() => range.address).toThrow(FakeOfficeError); // loaded only after sync
    await ctx.sync();
    expect(range.address).toBe('Sheet1!A1');
    expect(() => range.values).toThrow("The property 'values' is not available");
  });

  it('gives a snapshot taken at the sync, not a live view', async () => {
    const doc = new FakeWorkbook();
    const ctx = new FakeContext(doc);
    const range = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').load('values');
    await ctx.sync();
    await doc.simulateEdit('Sheet1', 'A1', [[5]]);
    expect(range.values).toEqual([['']]);
    range.load('values');
    await ctx.sync();
    expect(range.values).toEqual([[5]]);
  });

  it('loads nested paths and collection items', async () => {
    const ctx = new FakeContext(new FakeWorkbook({ sheets: ['One', 'Two'] }));
    const range = ctx.workbook.worksheets
      .getItem('Two')
      .getRange('B2')
      .load('format/fill/color, worksheet/name');
    const sheets = ctx.workbook.worksheets.load('items/name');
    await ctx.sync();
    expect(range.format.fill.color).toBe('#FFFFFF');
    expect(range.worksheet.name).toBe('Two');
    expect(sheets.items.map((s) => s.name)).toEqual(['One', 'Two']);
  });
});

describe('writes are queued until sync', () => {
  it('changes the document only when the batch is synced', async () => {
    const doc = new FakeWorkbook();
    const ctx = new FakeContext(doc);
    const sheet = ctx.workbook.worksheets.getItem('Sheet1');
    sheet.getRange('A1:B1').values = [[1, 'two']];
    sheet.getRange('A2').format.fill.color = '#ffc7ce';
    expect(doc.values('Sheet1', 'A1:B1')).toEqual([['', '']]);
    expect(doc.format('Sheet1', 'A2').fill).toBeNull();
    await ctx.sync();
    expect(doc.values('Sheet1', 'A1:B1')).toEqual([[1, 'two']]);
    expect(doc.format('Sheet1', 'A2').fill).toBe('#FFC7CE');
  });

  it('counts every sync and the operations in each batch', async () => {
    const doc = new FakeWorkbook();
    const ctx = new FakeContext(doc);
    const sheet = ctx.workbook.worksheets.getItem('Sheet1');
    sheet.getRange('A1').values = [[1]];
    sheet.getRange('A2').values = [[2]];
    await ctx.sync();
    sheet.getRange('A3').load('values');
    await ctx.sync();
    await ctx.sync();
    expect(doc.syncCount).toBe(3);
    expect(doc.batches.map((b) => b.ops)).toEqual([2, 1, 0]);
  });
});

describe('missing objects', () => {
  it('rejects the sync with ItemNotFound for getItem of a missing sheet', async () => {
    const ctx = new FakeContext(new FakeWorkbook());
    const sheet = ctx.workbook.worksheets.getItem('Nowhere');
    sheet.load('name'); // no error yet: it comes at sync
    expect(await codeOf(ctx.sync())).toBe('ItemNotFound');
  });

  it('rejects with ItemNotFound for a missing name or setting', async () => {
    const ctx = new FakeContext(new FakeWorkbook());
    ctx.workbook.names.getItem('EQ_None').load('formula');
    expect(await codeOf(ctx.sync())).toBe('ItemNotFound');
    ctx.workbook.settings.getItem('nothing').load('value');
    expect(await codeOf(ctx.sync())).toBe('ItemNotFound');
  });

  it('gives null objects from ...OrNullObject instead of failing', async () => {
    const ctx = new FakeContext(new FakeWorkbook({ sheets: ['Start'] }));
    const missing = ctx.workbook.worksheets.getItemOrNullObject('Nowhere').load('name');
    const present = ctx.workbook.worksheets.getItemOrNullObject('start').load('name');
    const noName = ctx.workbook.names.getItemOrNullObject('EQ_X').load();
    const empty = present.getUsedRangeOrNullObject().load('address');
    expect(() => missing.isNullObject).toThrow(FakeOfficeError);
    await ctx.sync();
    expect(missing.isNullObject).toBe(true);
    expect(present.isNullObject).toBe(false);
    expect(present.name).toBe('Start');
    expect(noName.isNullObject).toBe(true);
    expect(empty.isNullObject).toBe(true);
  });

  it('gives the used range, and A1 for getUsedRange on an empty sheet', async () => {
    const doc = new FakeWorkbook({ sheets: ['Start', 'Empty'] });
    await doc.simulateEdit('Start', 'B2:C3', [
      [1, 2],
      [3, ''],
    ]);
    await doc.simulateEdit('Start', 'D5', [['x']]);
    const ctx = new FakeContext(doc);
    const used = ctx.workbook.worksheets
      .getItem('Start')
      .getUsedRange()
      .load('address, rowCount, columnCount');
    const empty = ctx.workbook.worksheets.getItem('Empty').getUsedRange().load('address');
    await ctx.sync();
    expect([used.address, used.rowCount, used.columnCount]).toEqual(['Start!B2:D5', 4, 3]);
    expect(empty.address).toBe('Empty!A1');
  });
});

describe('arguments Excel rejects', () => {
  it('rejects a values array whose shape does not match the range', async () => {
    const doc = new FakeWorkbook();
    const ctx = new FakeContext(doc);
    ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B2').values = [[1, 2]];
    expect(await codeOf(ctx.sync())).toBe('InvalidArgument');
    ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B2').numberFormat = [['0'], ['0']];
    expect(await codeOf(ctx.sync())).toBe('InvalidArgument');
    expect(doc.value('Sheet1', 'A1')).toBe('');
  });

  it.each([
    ['empty', ''],
    ['32 characters', 'x'.repeat(32)],
    ['a slash', 'A/B'],
    ['a backslash', 'A\\B'],
    ['a question mark', 'Why?'],
    ['an asterisk', 'A*'],
    ['brackets', '[A]'],
    ['a colon', 'A:B'],
    ['a leading apostrophe', "'A"],
    ['a trailing apostrophe', "A'"],
    ['the reserved name', 'history'],
  ])('rejects a sheet name that is %s', async (_why, name) => {
    const doc = new FakeWorkbook({ sheets: ['Start'] });
    const ctx = new FakeContext(doc);
    ctx.workbook.worksheets.add(name);
    expect(await codeOf(ctx.sync())).toBe('InvalidArgument');
    expect(doc.sheetNames()).toEqual(['Start']);
  });

  it('rejects a duplicate sheet name, compared ignoring case, with ItemAlreadyExists', async () => {
    // Office.js error codes: "ItemAlreadyExists: The resource being created already exists."
    const doc = new FakeWorkbook({ sheets: ['Start'] });
    const ctx = new FakeContext(doc);
    ctx.workbook.worksheets.add('START');
    expect(await codeOf(ctx.sync())).toBe('ItemAlreadyExists');
    expect(doc.sheetNames()).toEqual(['Start']);
  });

  it('accepts names Excel accepts, including 31 characters and inner apostrophes', async () => {
    const doc = new FakeWorkbook({ sheets: ['Start'] });
    const ctx = new FakeContext(doc);
    ctx.workbook.worksheets.add('y'.repeat(31));
    ctx.workbook.worksheets.add("Officers' notes");
    ctx.workbook.worksheets.getItem('Start').name = 'Knowing customers';
    await ctx.sync();
    expect(doc.sheetNames()).toEqual(['Knowing customers', 'y'.repeat(31), "Officers' notes"]);
  });

  it('rejects a renaming onto another sheet name', async () => {
    const doc = new FakeWorkbook({ sheets: ['A', 'B'] });
    const ctx = new FakeContext(doc);
    ctx.workbook.worksheets.getItem('B').name = 'a';
    expect(await codeOf(ctx.sync())).toBe('ItemAlreadyExists');
  });

  it('rejects a syntactically broken formula', async () => {
    const ctx = new FakeContext(new FakeWorkbook());
    ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').formulas = [['=SUM(1,']];
    expect(await codeOf(ctx.sync())).toBe('InvalidArgument');
  });
});
