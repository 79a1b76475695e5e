/**
 * The fake's co-authoring control: edits arriving between two syncs (FakeWorkbook.betweenSyncs,
 * remoteEditBeforeSync). In Excel a co-author's change arrives between the add-in's requests,
 * never inside one, and fires onChanged with source Remote (Office.js reference,
 * Excel.WorksheetChangedEventArgs.source: "Gets the source of the event", Local or Remote).
 */
import type { XlWorksheetChangedEventArgs } from '../../src/excel/api';
import { FakeContext, FakeWorkbook, gateway } from './fake-excel';

describe('betweenSyncs', () => {
  it('runs before each sync applies its batch, told the number that sync will have', async () => {
    const doc = new FakeWorkbook({ sheets: ['Area'] });
    const seen: { n: number; count: number }[] = [];
    doc.betweenSyncs((n) => {
      seen.push({ n, count: doc.syncCount });
    });
    const ctx = new FakeContext(doc);
    await ctx.sync();
    await ctx.sync();
    expect(seen).toEqual([
      { n: 1, count: 0 },
      { n: 2, count: 1 },
    ]);
  });

  it('lands an edit between a read and a write: the read misses it, the write overwrites it', async () => {
    const doc = new FakeWorkbook({ sheets: ['Area'] });
    await doc.simulateEdit('Area', 'C5', [['Met']]);
    doc.betweenSyncs(async (n) => {
      if (n === 2) await doc.simulateEdit('Area', 'C5', [['Not met']], { source: 'Remote' });
    });
    const read = await gateway(doc).run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('Area').getRange('C5').load('values');
      await ctx.sync();
      const before = range.values[0]?.[0];
      // Loaded in the same batch as the write, before it: the co-author's value, taken atomically.
      const again = ctx.workbook.worksheets.getItem('Area').getRange('C5').load('values');
      range.values = [['Partly met']];
      await ctx.sync();
      return { before, again: again.values[0]?.[0] };
    });
    expect(read).toEqual({ before: 'Met', again: 'Not met' });
    expect(doc.value('Area', 'C5')).toBe('Partly met');
  });

  it('stops when removed', async () => {
    const doc = new FakeWorkbook();
    const calls: number[] = [];
    const remove = doc.betweenSyncs((n) => void calls.push(n));
    const ctx = new FakeContext(doc);
    await ctx.sync();
    remove();
    await ctx.sync();
    expect(calls).toEqual([1]);
  });

  it('does not run again for syncs made by change handlers while it runs', async () => {
    const doc = new FakeWorkbook({ sheets: ['Area'] });
    const listener = new FakeContext(doc);
    listener.workbook.worksheets.onChanged.add(async () => {
      const ctx = new FakeContext(doc);
      ctx.workbook.worksheets.getItem('Area').getRange('Z1').load('values');
      await ctx.sync();
    });
    await listener.sync();
    const calls: number[] = [];
    doc.betweenSyncs(async (n) => {
      calls.push(n);
      if (calls.length === 1) await doc.simulateEdit('Area', 'A1', [[1]], { source: 'Remote' });
    });
    await new FakeContext(doc).sync();
    expect(calls).toEqual([2]);
    expect(doc.syncCount).toBe(3);
  });
});

describe('remoteEditBeforeSync', () => {
  it('applies each queued edit just before its sync, as a Remote change', async () => {
    const doc = new FakeWorkbook({ sheets: ['Area'] });
    const events: XlWorksheetChangedEventArgs[] = [];
    const listener = new FakeContext(doc);
    listener.workbook.worksheets.onChanged.add(async (args) => void events.push(args));
    await listener.sync(); // sync 1
    doc.remoteEditBeforeSync(3, { sheet: 'Area', address: 'D7', values: [['Board minutes']] });
    doc.remoteEditBeforeSync(3, { sheet: 'Area', address: 'C7', values: [['Met']] });
    expect(doc.pendingRemoteEdits).toBe(2);
    const values = await gateway(doc).run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('Area').getRange('C7:D7').load('values');
      await ctx.sync(); // sync 2: before the edits
      const first = range.values;
      range.load('values');
      await ctx.sync(); // sync 3: the edits arrived first
      return [first, range.values];
    });
    expect(values).toEqual([[['', '']], [['Met', 'Board minutes']]]);
    expect(doc.pendingRemoteEdits).toBe(0);
    await doc.eventsSettled();
    expect(events.map((e) => [e.address, e.source, e.details?.valueAfter])).toEqual([
      ['D7', 'Remote', 'Board minutes'],
      ['C7', 'Remote', 'Met'],
    ]);
  });

  it('tells each edit what its cells held when it landed, so a test can see an edit that changed nothing', async () => {
    const doc = new FakeWorkbook({ sheets: ['Area'] });
    await doc.simulateEdit('Area', 'C7', [[2]]);
    const held: unknown[] = [];
    doc.remoteEditBeforeSync(doc.syncCount + 1, {
      sheet: 'Area',
      address: 'C7',
      values: [[3]],
      onArrive: (cells) => held.push(cells),
    });
    doc.remoteEditBeforeSync(doc.syncCount + 2, {
      sheet: 'Area',
      address: 'C7',
      values: [[3]],
      onArrive: (cells) => held.push(cells),
    });
    doc.remoteEditBeforeSync(doc.syncCount + 2, {
      sheet: 'Gone',
      address: 'A1',
      values: [['x']],
      onArrive: (cells) => held.push(cells),
    });
    await new FakeContext(doc).sync();
    await new FakeContext(doc).sync().catch(() => undefined);
    // The second edit typed what the first had left: no reading could tell it happened.
    expect(held.slice(0, 2)).toEqual([[[2]], [[3]]]);
    expect(held).toHaveLength(3);
    expect(held[2]).toBeUndefined();
  });
});
