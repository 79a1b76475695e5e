/** Pictures on a sheet through the fake: Office's proxy semantics, requirement sets and refusals. */
import { FakeContext, FakeWorkbook } from './fake-excel';

/** The start of a PNG: signature and IHDR with the given size (enough for a reader of its size). */
function png(width: number, height: number): string {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write('IHDR', 4, 'latin1');
  ihdr.writeUInt32BE(width, 8);
  ihdr.writeUInt32BE(height, 12);
  ihdr.writeUInt8(8, 16);
  ihdr.writeUInt8(6, 17);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, ihdr]).toString('base64');
}

/** A JPEG's start: SOI, an APP0 segment, then a baseline start-of-frame with the size. */
function jpeg(width: number, height: number): string {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, ...Buffer.from('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0]);
  const sof = Buffer.alloc(19);
  sof.writeUInt16BE(0xffc0, 0);
  sof.writeUInt16BE(17, 2);
  sof.writeUInt8(8, 4);
  sof.writeUInt16BE(height, 5);
  sof.writeUInt16BE(width, 7);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof]).toString('base64');
}

function setUp(apiVersion?: string) {
  const doc = new FakeWorkbook({ sheets: ['Board'] });
  const ctx = new FakeContext(doc, apiVersion);
  const sheet = ctx.workbook.worksheets.getItem('Board');
  return { doc, ctx, sheet };
}

describe('shapes: pictures on a sheet', () => {
  it('queues addImage and property writes until sync, placing the picture at its own size', async () => {
    const { doc, ctx, sheet } = setUp();
    const picture = sheet.shapes.addImage(png(200, 100));
    picture.name = 'Board chart';
    picture.left = 30;
    expect(doc.shapes('Board')).toEqual([]);
    await ctx.sync();
    expect(doc.shapes('Board')).toEqual([
      expect.objectContaining({
        name: 'Board chart',
        format: 'png',
        left: 30,
        top: 0,
        width: 150,
        height: 75,
        lockAspectRatio: true,
      }),
    ]);
    const photo = sheet.shapes.addImage(jpeg(40, 80));
    photo.load('name, width, height');
    await ctx.sync();
    expect([photo.name, photo.width, photo.height]).toEqual(['Picture 2', 30, 60]);
    expect(doc.shapes('Board')[1]?.format).toBe('jpeg');
  });

  it('throws PropertyNotLoaded for reads before load + sync, and loads snapshots', async () => {
    const { ctx, sheet } = setUp();
    const picture = sheet.shapes.addImage(png(4, 4));
    expect(() => picture.name).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    picture.load('name, left');
    expect(() => picture.left).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    await ctx.sync();
    expect(picture.left).toBe(0);
    picture.left = 12;
    await ctx.sync();
    expect(picture.left).toBe(0);
    expect(() => picture.top).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    const shapes = sheet.shapes;
    expect(() => shapes.items).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    shapes.load('items/name,items/left');
    await ctx.sync();
    expect(shapes.items.map((s) => [s.name, s.left])).toEqual([['Picture 1', 12]]);
  });

  it('scales the other side while lockAspectRatio is on, and not after it is turned off', async () => {
    const { doc, ctx, sheet } = setUp();
    const picture = sheet.shapes.addImage(png(400, 200));
    picture.width = 150;
    await ctx.sync();
    expect(doc.shapes('Board')[0]).toMatchObject({ width: 150, height: 75 });
    picture.lockAspectRatio = false;
    picture.height = 150;
    await ctx.sync();
    expect(doc.shapes('Board')[0]).toMatchObject({ width: 150, height: 150 });
  });

  it('finds by name or id, deletes, and keeps duplicate names as Excel does', async () => {
    const { doc, ctx, sheet } = setUp();
    sheet.shapes.addImage(png(4, 4)).name = 'Twin';
    sheet.shapes.addImage(png(8, 8)).name = 'Twin';
    await ctx.sync();
    expect(doc.shapes('Board').map((s) => s.name)).toEqual(['Twin', 'Twin']);
    const second = doc.shapes('Board')[1]?.id ?? '';
    sheet.shapes.getItem(second).delete();
    await ctx.sync();
    expect(doc.shapes('Board')).toHaveLength(1);
    sheet.shapes.getItem('twin').delete();
    await ctx.sync();
    expect(doc.shapes('Board')).toEqual([]);
    sheet.shapes.getItem('Twin').delete();
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
  });

  it('fails with ApiNotFound below ExcelApi 1.9, and getItemOrNullObject below 1.14', async () => {
    const old = setUp('1.8');
    old.sheet.shapes.addImage(png(4, 4));
    await expect(old.ctx.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
    expect(old.doc.shapes('Board')).toEqual([]);
    old.sheet.shapes.load('items/name');
    await expect(old.ctx.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });

    const nine = setUp('1.9');
    nine.sheet.shapes.getItemOrNullObject('Chart picture').load('name');
    await expect(nine.ctx.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });

    const fourteen = setUp('1.14');
    const missing = fourteen.sheet.shapes.getItemOrNullObject('Chart picture').load('name');
    await fourteen.ctx.sync();
    expect(missing.isNullObject).toBe(true);
  });

  it('rejects what is not base64 of a PNG or JPEG with InvalidArgument', async () => {
    const { doc, ctx, sheet } = setUp();
    for (const bad of ['', 'not base64!', 'iVBORw0', Buffer.from('hello, board').toString('base64')]) {
      sheet.shapes.addImage(bad);
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    }
    expect(doc.shapes('Board')).toEqual([]);
  });

  it('rejects a negative position and a zero size', async () => {
    const { ctx, sheet } = setUp();
    const picture = sheet.shapes.addImage(png(4, 4));
    await ctx.sync();
    picture.left = -1;
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    picture.width = 0;
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('refuses pictures on a protected sheet unless it allows editing objects', async () => {
    const { doc, ctx, sheet } = setUp();
    sheet.protection.protect({ allowEditObjects: false });
    sheet.shapes.addImage(png(4, 4));
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
    sheet.protection.unprotect();
    sheet.protection.protect({ allowEditObjects: true });
    sheet.shapes.addImage(png(4, 4));
    await ctx.sync();
    expect(doc.shapes('Board')).toHaveLength(1);
  });
});

describe('chart geometry', () => {
  it('gives the points a chart covers from its cells, column widths and row heights', async () => {
    const { ctx, sheet } = setUp();
    sheet.getRange('A:A').format.columnWidth = 100;
    sheet.getRange('B:B').columnHidden = true;
    sheet.getRange('1:1').format.rowHeight = 30;
    const chart = sheet.charts.add('ColumnClustered', sheet.getRange('A1:B3'));
    chart.setPosition('C2', 'D4');
    chart.load('left, top, width, height');
    await ctx.sync();
    // A is 100, B hidden; row 1 is 30; C and D are 48 each, rows 2 to 4 are 15 each.
    expect([chart.left, chart.top, chart.width, chart.height]).toEqual([100, 30, 96, 45]);
  });
});
