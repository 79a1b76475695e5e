/** Payload measurement, fault injection, requirement sets and the gateway. */
import type { XlContext } from '../../src/excel/api';
import { FakeContext, FakeOfficeError, FakeWorkbook, gateway } from './fake-excel';

const rows = (n: number) => Array.from({ length: n }, (_, i) => [`criterion ${i}`, i]);

describe('payload', () => {
  it('grows with the data written in a batch', async () => {
    const doc = new FakeWorkbook();
    const ctx = new FakeContext(doc);
    const sheet = ctx.workbook.worksheets.getItem('Sheet1');
    sheet.getRange('A1:B10').values = rows(10);
    await ctx.sync();
    sheet.getRange('A1:B1000').values = rows(1000);
    await ctx.sync();
    const [small, large] = doc.batches;
    expect(large!.bytes).toBeGreaterThan(small!.bytes * 50);
    expect(doc.largestBatchBytes).toBe(large!.bytes);
    // The request holds the data itself, so it is at least as long as its JSON.
    expect(large!.bytes).toBeGreaterThanOrEqual(JSON.stringify(rows(1000)).length);
  });

  it('measures what a batch reads back', async () => {
    const doc = new FakeWorkbook();
    await doc.simulateEdit('Sheet1', 'A1:B100', rows(100));
    const ctx = new FakeContext(doc);
    ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B100').load('values');
    await ctx.sync();
    expect(doc.batches[0]!.responseBytes).toBeGreaterThanOrEqual(JSON.stringify(rows(100)).length);
  });
});

describe('failOnSync', () => {
  it('fails the chosen sync, keeping the operations before the failing one', async () => {
    const doc = new FakeWorkbook();
    const ctx = new FakeContext(doc);
    const sheet = ctx.workbook.worksheets.getItem('Sheet1');
    const boom = new Error('network dropped');
    doc.failOnSync(2, boom, { atOp: 1 });
    sheet.getRange('A1').values = [['first sync']];
    await ctx.sync();
    sheet.getRange('A2').values = [['applied']];
    sheet.getRange('A3').values = [['not applied']];
    await expect(ctx.sync()).rejects.toBe(boom);
    expect(doc.values('Sheet1', 'A1:A3')).toEqual([['first sync'], ['applied'], ['']]);
    // Later syncs work again.
    sheet.getRange('A3').values = [['retried']];
    await ctx.sync();
    expect(doc.value('Sheet1', 'A3')).toBe('retried');
  });

  it('applies nothing of the batch by default', async () => {
    const doc = new FakeWorkbook();
    const ctx = new FakeContext(doc);
    doc.failOnSync(1, new Error('x'));
    ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[1]];
    await expect(ctx.sync()).rejects.toThrow('x');
    expect(doc.value('Sheet1', 'A1')).toBe('');
  });

  it('stops at the first failing operation of a batch, as Office does', async () => {
    const doc = new FakeWorkbook();
    const ctx = new FakeContext(doc);
    const sheet = ctx.workbook.worksheets.getItem('Sheet1');
    sheet.getRange('A1').values = [[1]];
    ctx.workbook.worksheets.getItem('Missing').getRange('A1').values = [[2]];
    sheet.getRange('A2').values = [[3]];
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
    expect(doc.values('Sheet1', 'A1:A2')).toEqual([[1], ['']]);
  });
});

describe('requirement sets and the gateway', () => {
  it('reports sets up to the configured version', () => {
    const g = gateway(new FakeWorkbook(), { supportedVersion: '1.7' });
    expect([
      g.isSetSupported('1.1'),
      g.isSetSupported('1.7'),
      g.isSetSupported('1.8'),
      g.isSetSupported('1.10'),
    ]).toEqual([true, true, false, false]);
    const d = gateway(new FakeWorkbook());
    expect([d.isSetSupported('1.9'), d.isSetSupported('1.10')]).toEqual([true, false]);
  });

  it('fails with ApiNotFound when code uses a newer set than the host has', async () => {
    const g = gateway(new FakeWorkbook(), { supportedVersion: '1.7' });
    const attempt = g.run(async (ctx: XlContext) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').dataValidation.rule = {
        list: { inCellDropDown: true, source: '1,2,3,4' },
      };
      await ctx.sync();
    });
    await expect(attempt).rejects.toMatchObject({ code: 'ApiNotFound' });
  });

  it('runs a batch, syncs what is left at the end, and closes the context', async () => {
    const doc = new FakeWorkbook();
    let kept: XlContext | undefined;
    const result = await gateway(doc).run(async (ctx) => {
      kept = ctx;
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [['written']];
      return 'done';
    });
    expect(result).toBe('done');
    expect(doc.value('Sheet1', 'A1')).toBe('written');
    expect(doc.syncCount).toBe(1);
    expect(() => kept!.workbook.worksheets.getItem('Sheet1').getRange('A2').load('values')).toThrow(
      FakeOfficeError,
    );
  });
});
