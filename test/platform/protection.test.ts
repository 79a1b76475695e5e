/** Protection: locked cells on a protected sheet refuse writes, as in Excel. */
import { FakeContext, FakeWorkbook } from './fake-excel';

async function protectedSheet(): Promise<{ doc: FakeWorkbook; ctx: FakeContext }> {
  const doc = new FakeWorkbook({ sheets: ['Area'] });
  const ctx = new FakeContext(doc);
  const sheet = ctx.workbook.worksheets.getItem('Area');
  sheet.getRange('B2:B3').format.protection.locked = false;
  sheet.protection.protect({ allowFormatColumns: true });
  await ctx.sync();
  return { doc, ctx };
}

describe('protection', () => {
  it('refuses a write to a locked cell of a protected sheet with AccessDenied', async () => {
    const { doc, ctx } = await protectedSheet();
    ctx.workbook.worksheets.getItem('Area').getRange('A1').values = [['x']];
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
    expect(doc.value('Area', 'A1')).toBe('');
  });

  it('allows writes to unlocked cells of a protected sheet', async () => {
    const { doc, ctx } = await protectedSheet();
    ctx.workbook.worksheets.getItem('Area').getRange('B2:B3').values = [[3], ['evidence']];
    await ctx.sync();
    expect(doc.values('Area', 'B2:B3')).toEqual([[3], ['evidence']]);
  });

  it('refuses a write that covers one locked cell among unlocked ones', async () => {
    const { doc, ctx } = await protectedSheet();
    ctx.workbook.worksheets.getItem('Area').getRange('B2:B4').values = [[1], [2], [3]];
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
    expect(doc.value('Area', 'B2')).toBe('');
  });

  it('refuses formatting unless the protection options allow it', async () => {
    const { doc, ctx } = await protectedSheet();
    const sheet = ctx.workbook.worksheets.getItem('Area');
    sheet.getRange('A:A').format.columnWidth = 120; // allowed: allowFormatColumns
    await ctx.sync();
    expect(doc.columnWidth('Area', 0)).toBe(120);
    sheet.getRange('B2').format.fill.color = '#FF0000';
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
  });

  it('allows the write after unprotecting, and reports the state when loaded', async () => {
    const { doc, ctx } = await protectedSheet();
    const protection = ctx.workbook.worksheets.getItem('Area').protection.load('protected');
    await ctx.sync();
    expect(protection.protected).toBe(true);
    protection.unprotect();
    ctx.workbook.worksheets.getItem('Area').getRange('A1').values = [['x']];
    protection.load('protected');
    await ctx.sync();
    expect(protection.protected).toBe(false);
    expect(doc.value('Area', 'A1')).toBe('x');
  });

  it('refuses to protect a protected sheet again (current Excel behaviour)', async () => {
    const { ctx } = await protectedSheet();
    ctx.workbook.worksheets.getItem('Area').protection.protect();
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
  });

  it('stops a simulated user edit of a locked cell too', async () => {
    const { doc } = await protectedSheet();
    await expect(doc.simulateEdit('Area', 'A1', [['typed']])).rejects.toMatchObject({ code: 'AccessDenied' });
  });
});
