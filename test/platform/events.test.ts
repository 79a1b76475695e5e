/** Change events from simulated user edits and from the add-in's own writes. */
import type { XlWorksheetChangedEventArgs } from '../../src/excel/api';
import { FakeContext, FakeWorkbook, HandlerFailedError } from './fake-excel';

async function listening(
  doc: FakeWorkbook,
  sheet?: string,
): Promise<{ seen: XlWorksheetChangedEventArgs[]; ctx: FakeContext }> {
  const ctx = new FakeContext(doc);
  const seen: XlWorksheetChangedEventArgs[] = [];
  const source =
    sheet === undefined
      ? ctx.workbook.worksheets.onChanged
      : ctx.workbook.worksheets.getItem(sheet).onChanged;
  source.add(async (args) => {
    seen.push(args);
  });
  await ctx.sync();
  return { seen, ctx };
}

describe('onChanged', () => {
  it('gives before and after values for a single-cell edit', async () => {
    const doc = new FakeWorkbook({ sheets: ['Area'] });
    await doc.simulateEdit('Area', 'C5', [[2]]);
    const { seen } = await listening(doc, 'Area');
    await doc.simulateEdit('Area', 'C5', [[4]]);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      address: 'C5',
      changeType: 'RangeEdited',
      type: 'WorksheetChanged',
      details: { valueBefore: 2, valueAfter: 4 },
    });
    expect(seen[0]!.worksheetId).toBe(doc.sheet('Area').id);
  });

  it("says Local for the user's and the add-in's own edits, Remote for a co-author's", async () => {
    const doc = new FakeWorkbook({ sheets: ['Area'] });
    const { seen, ctx } = await listening(doc, 'Area');
    await doc.simulateEdit('Area', 'C5', [[2]]);
    await doc.simulateEdit('Area', 'C6', [[3]], { source: 'Remote' });
    ctx.workbook.worksheets.getItem('Area').getRange('C7').values = [[4]];
    await ctx.sync();
    await doc.eventsSettled();
    expect(seen.map((a) => [a.address, a.source])).toEqual([
      ['C5', 'Local'],
      ['C6', 'Remote'],
      ['C7', 'Local'],
    ]);
  });

  it('gives a single cell its details in a batch that suspended calculation', async () => {
    const doc = new FakeWorkbook({ sheets: ['Area'] });
    await doc.simulateEdit('Area', 'C5', [[2]]);
    const { seen, ctx } = await listening(doc, 'Area');
    ctx.workbook.application.suspendApiCalculationUntilNextSync();
    ctx.workbook.worksheets.getItem('Area').getRange('C5').values = [[5]];
    await ctx.sync();
    await doc.eventsSettled();
    expect(seen[0]).toMatchObject({ address: 'C5', details: { valueBefore: 2, valueAfter: 5 } });
  });

  it('gives no details for a multi-cell paste', async () => {
    const doc = new FakeWorkbook({ sheets: ['Area'] });
    const { seen } = await listening(doc, 'Area');
    await doc.simulateEdit('Area', 'C5:D6', [
      [1, 2],
      [3, 4],
    ]);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.address).toBe('C5:D6');
    expect(seen[0]!.details).toBeUndefined();
  });

  it('tells a sheet handler only about its sheet, and a workbook handler about all', async () => {
    const doc = new FakeWorkbook({ sheets: ['One', 'Two'] });
    const sheetLevel = await listening(doc, 'One');
    const workbookLevel = await listening(doc);
    await doc.simulateEdit('Two', 'A1', [['x']]);
    await doc.simulateEdit('One', 'A1', [['y']]);
    expect(sheetLevel.seen.map((a) => a.worksheetId)).toEqual([doc.sheet('One').id]);
    expect(workbookLevel.seen.map((a) => a.worksheetId)).toEqual([doc.sheet('Two').id, doc.sheet('One').id]);
  });

  it('lets a paste through data validation, as Excel does', async () => {
    const doc = new FakeWorkbook({ sheets: ['Area'] });
    const ctx = new FakeContext(doc);
    ctx.workbook.worksheets.getItem('Area').getRange('C5').dataValidation.rule = {
      list: { inCellDropDown: true, source: '1,2,3,4' },
    };
    await ctx.sync();
    await doc.simulateEdit('Area', 'C5', [[7]]);
    expect(doc.value('Area', 'C5')).toBe(7);
  });

  it('fires for the add-in’s own writes after the sync', async () => {
    const doc = new FakeWorkbook({ sheets: ['Area'] });
    const { seen, ctx } = await listening(doc, 'Area');
    ctx.workbook.worksheets.getItem('Area').getRange('B2').values = [['new']];
    await ctx.sync();
    await doc.eventsSettled();
    expect(seen.map((a) => [a.address, a.details?.valueAfter])).toEqual([['B2', 'new']]);
  });

  it('stops calling a handler once removed', async () => {
    const doc = new FakeWorkbook({ sheets: ['Area'] });
    const ctx = new FakeContext(doc);
    let calls = 0;
    const registration = ctx.workbook.worksheets.getItem('Area').onChanged.add(async () => {
      calls += 1;
    });
    await ctx.sync();
    await doc.simulateEdit('Area', 'A1', [[1]]);
    registration.remove();
    await ctx.sync();
    await doc.simulateEdit('Area', 'A1', [[2]]);
    expect(calls).toBe(1);
  });

  it('surfaces a failing handler instead of swallowing it', async () => {
    const doc = new FakeWorkbook({ sheets: ['Area'] });
    const ctx = new FakeContext(doc);
    ctx.workbook.worksheets.getItem('Area').onChanged.add(async () => {
      throw new Error('handler broke');
    });
    await ctx.sync();
    await expect(doc.simulateEdit('Area', 'A1', [[1]])).rejects.toBeInstanceOf(HandlerFailedError);
  });
});
