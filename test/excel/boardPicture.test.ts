/**
 * The chart picture placed on the Board summary (ExcelApi 1.9): beside the printed range, level
 * with the live chart, replacing an earlier one, leaving everything else on the sheet as it was,
 * and saying why where the host or workbook cannot do it.
 */
import { bundledFrameworks } from '../../src/domain/framework/bundled';
import type { CellValue } from '../../src/domain/responses';
import { refreshBoard } from '../../src/excel/boardRefresh';
import { BOARD_PICTURE_NAME, PICTURE_GAP, placeBoardChartPicture } from '../../src/excel/boardCopy';
import { BOARD_SHEET, boardLayout } from '../../src/workbook/sheets/board';
import { gateway, type FakeWorkbook } from '../platform/fake-excel';
import { chartBox } from '../platform/fake-excel/objects/geometry';
import { DAY_1, enterRatings } from './boardHelpers';
import { generateInto } from './generateHelpers';

const draft = bundledFrameworks.draft2009;
const layout = boardLayout(draft.areas.length, draft.levels.length);

async function withBoard() {
  const { doc, built } = await generateInto(draft);
  const gw = gateway(doc);
  const ratings = new Map<string, CellValue>(draft.criteria.map((c, i) => [c.id, (i % 4) + 1]));
  await enterRatings(doc, draft, built, ratings);
  const refreshed = await refreshBoard(gw, draft, { today: DAY_1 });
  if (refreshed.status !== 'refreshed') throw new Error(refreshed.message);
  return { doc, gw };
}

/** Everything on the sheet but its pictures, to show placing one changes nothing else. */
function sheetExceptPictures(doc: FakeWorkbook) {
  const { shapes: _pictures, ...rest } = doc.sheet(BOARD_SHEET);
  return structuredClone({
    ...rest,
    values: doc.values(BOARD_SHEET, 'A1:Z60'),
    charts: doc.charts(BOARD_SHEET),
  });
}

/** The right edge of the printed range in points, from the sheet's own column widths. */
function printedRightEdge(doc: FakeWorkbook): number {
  let width = 0;
  for (let c = 0; c < layout.columns; c++) width += doc.columnWidth(BOARD_SHEET, c) ?? 48;
  return width;
}

describe('placing the chart picture on the board sheet', () => {
  it('places one named picture beside the printed range, level with the chart and its size, in three syncs', async () => {
    const { doc, gw } = await withBoard();
    const before = sheetExceptPictures(doc);
    const syncs = doc.syncCount;
    const outcome = await placeBoardChartPicture(gw, draft);
    expect(doc.syncCount - syncs).toBe(3);

    const [chart] = doc.charts(BOARD_SHEET);
    if (!chart) throw new Error('the board has no chart');
    const live = chartBox(doc.sheet(BOARD_SHEET), chart);
    const expected = {
      left: printedRightEdge(doc) + PICTURE_GAP,
      top: live.top,
      width: live.width,
      height: live.height,
    };
    expect(outcome).toEqual({
      status: 'done',
      value: { sheet: BOARD_SHEET, ...expected, replaced: 0, sheetProtected: true },
    });
    expect(doc.shapes(BOARD_SHEET)).toEqual([
      expect.objectContaining({
        name: BOARD_PICTURE_NAME,
        format: 'png',
        ...expected,
        lockAspectRatio: true,
        altTextTitle: 'Board summary chart',
        altTextDescription: expect.stringContaining('share of applicable criteria met'),
      }),
    ]);
    // The live chart sits inside the printed range; the picture starts right of it.
    expect(live.left + live.width).toBeLessThanOrEqual(expected.left - PICTURE_GAP);
    expect(live.width).toBeGreaterThan(0);
    // Protection is back as it was, and no cell, format or chart changed.
    expect(sheetExceptPictures(doc)).toEqual(before);
    expect(doc.sheet(BOARD_SHEET).protection.protected).toBe(true);
  });

  it('replaces the picture placed earlier, keeping the officer’s own pictures', async () => {
    const { doc, gw } = await withBoard();
    await placeBoardChartPicture(gw, draft);
    // The officer adds a logo; and a copy of the old picture under the same name (Excel allows it).
    const logo = doc.shapes(BOARD_SHEET)[0];
    if (!logo) throw new Error('no picture was placed');
    doc
      .sheet(BOARD_SHEET)
      .shapes.push(
        { ...logo, id: 'officer-logo', name: 'Logo', left: 900 },
        { ...logo, id: 'old-copy', top: 400 },
      );

    const second = await placeBoardChartPicture(gw, draft);
    expect(second).toMatchObject({ status: 'done', value: { replaced: 2 } });
    const shapes = doc.shapes(BOARD_SHEET);
    expect(shapes.map((s) => s.name).sort()).toEqual([BOARD_PICTURE_NAME, 'Logo']);
    expect(shapes.find((s) => s.name === 'Logo')?.id).toBe('officer-logo');

    const third = await placeBoardChartPicture(gw, draft);
    expect(third).toMatchObject({ status: 'done', value: { replaced: 1 } });
    expect(doc.shapes(BOARD_SHEET).filter((s) => s.name === BOARD_PICTURE_NAME)).toHaveLength(1);
  });

  it('goes with the old sheet when the board is refreshed (as the user guide says)', async () => {
    const { doc, gw } = await withBoard();
    await placeBoardChartPicture(gw, draft);
    expect(doc.shapes(BOARD_SHEET)).toHaveLength(1);
    await refreshBoard(gw, draft, { today: DAY_1 });
    expect(doc.shapes(BOARD_SHEET)).toEqual([]);
  });

  it('leaves a sheet the officer unprotected unprotected', async () => {
    const { doc, gw } = await withBoard();
    await gw.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(BOARD_SHEET).protection.unprotect();
      await ctx.sync();
    });
    const outcome = await placeBoardChartPicture(gw, draft);
    expect(outcome).toMatchObject({ status: 'done', value: { sheetProtected: false } });
    expect(doc.shapes(BOARD_SHEET)).toHaveLength(1);
    expect(doc.sheet(BOARD_SHEET).protection.protected).toBe(false);
  });

  it('changes nothing when the sheet has a password it cannot remove', async () => {
    const { doc, gw } = await withBoard();
    await placeBoardChartPicture(gw, draft);
    await gw.run(async (ctx) => {
      const protection = ctx.workbook.worksheets.getItem(BOARD_SHEET).protection;
      protection.unprotect();
      protection.protect({ allowFormatCells: true }, 'secret');
      await ctx.sync();
    });
    const before = structuredClone(doc.sheet(BOARD_SHEET).shapes);
    await expect(placeBoardChartPicture(gw, draft)).rejects.toMatchObject({ code: 'InvalidArgument' });
    expect(doc.shapes(BOARD_SHEET)).toEqual(before);
    expect(doc.sheet(BOARD_SHEET).protection).toMatchObject({ protected: true, password: 'secret' });
  });

  it('asks for a refresh first when there is no board sheet, after one sync', async () => {
    const { doc } = await generateInto(draft);
    const syncs = doc.syncCount;
    const outcome = await placeBoardChartPicture(gateway(doc), draft);
    expect(outcome).toEqual({
      status: 'refused',
      reason: 'no-board',
      message: `There is no "${BOARD_SHEET}" sheet yet. Refresh the board summary first.`,
      details: [],
    });
    expect(doc.syncCount - syncs).toBe(1);
  });
});
