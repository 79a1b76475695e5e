/**
 * Copy-ready output from the board summary, none of which relies on the clipboard (blocked in
 * task panes on Excel on the web): selecting the printed range for the officer to copy with
 * Ctrl+C, the chart as a picture (ExcelApi 1.2) for the task pane to offer as a download, and
 * that picture placed on the sheet (ExcelApi 1.9), where it can be copied into Word or PowerPoint
 * as a plain picture on hosts and pastes where a live chart does not survive.
 * Each says, in words, why it cannot run on a host or workbook that lacks what it needs.
 */
import type { ExcelGateway } from './api';
import { actualSheetName } from './inspect';
import { loadSheetNames } from './inspect';
import { refuse, type Framework, type Refusal } from '../domain';
import { cell } from '../workbook/address';
import { BOARD_CHART_ID, BOARD_SHEET, boardLayout, boardPicturePlacement } from '../workbook/sheets/board';

export type CopyOutcome<T> =
  { readonly status: 'done'; readonly value: T } | Refusal<'no-board' | 'not-a-picture'>;

const NO_BOARD = `There is no "${BOARD_SHEET}" sheet yet. Refresh the board summary first.`;

/** Pixels asked of getImage: about twice the chart's size on the sheet, so it stays sharp when pasted. */
const IMAGE_WIDTH = 900;
const IMAGE_HEIGHT = 500;

const NOT_A_PICTURE =
  'Excel returned something that is not a picture for the chart. Copy the chart from the sheet instead, or use the CSV.';

/** getImage misbehaves on some hosts (design.md): only a PNG or JPEG is used. */
const isPicture = (base64: string) => base64.startsWith('iVBOR') || base64.startsWith('/9j/');

/** Selects the board's printed range (two syncs): the officer copies it with Ctrl+C. */
export async function selectBoardSummary(
  gateway: ExcelGateway,
  framework: Framework,
): Promise<CopyOutcome<string>> {
  return gateway.run(async (ctx) => {
    const names = loadSheetNames(ctx);
    await ctx.sync();
    const sheetName = actualSheetName(names(), BOARD_SHEET);
    if (!sheetName) return refuse('no-board', NO_BOARD);
    const sheet = ctx.workbook.worksheets.getItem(sheetName);
    const address = boardLayout(framework.areas.length, framework.levels.length).printed;
    sheet.activate();
    sheet.getRange(address).select();
    await ctx.sync();
    return { status: 'done', value: `${sheetName}!${address}` };
  });
}

/** The chart as base64 PNG (two syncs), checked to be a picture before it is offered. */
export async function boardChartImage(gateway: ExcelGateway): Promise<CopyOutcome<string>> {
  return gateway.run(async (ctx) => {
    const names = loadSheetNames(ctx);
    await ctx.sync();
    const sheetName = actualSheetName(names(), BOARD_SHEET);
    if (!sheetName) return refuse('no-board', NO_BOARD);
    const chart = ctx.workbook.worksheets.getItem(sheetName).charts.getItem(BOARD_CHART_ID);
    const image = chart.getImage(IMAGE_WIDTH, IMAGE_HEIGHT, 'Fit');
    await ctx.sync();
    const base64 = image.value;
    if (!isPicture(base64)) return refuse('not-a-picture', NOT_A_PICTURE);
    return { status: 'done', value: base64 };
  });
}

/** The fixed name that finds a picture placed earlier, so a second run replaces it. */
export const BOARD_PICTURE_NAME = 'Board chart picture';
export { PICTURE_GAP } from '../workbook/sheets/board';

const PICTURE_ALT_TITLE = 'Board summary chart';
const PICTURE_ALT_TEXT =
  'Column chart of the share of applicable criteria met at each level, for each area. The figures are in the table on the Board summary.';

export interface PlacedPicture {
  /** The sheet's name as the workbook spells it. */
  readonly sheet: string;
  /** In points from the sheet's top-left corner. */
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  /** Pictures placed by an earlier run that this one replaced. */
  readonly replaced: number;
  /**
   * The sheet is protected (as the add-in leaves it) and was protected again as it was: Excel then
   * lets no one click the picture until the sheet is unprotected, so the pane says how.
   */
  readonly sheetProtected: boolean;
}

/**
 * Places a picture of the board chart on the Board summary, to the right of the printed range,
 * level with the live chart and the same size, replacing any picture an earlier run placed
 * (found by BOARD_PICTURE_NAME; every one of that name, since Excel allows duplicates).
 *
 * Three syncs: the sheet names; the chart's position and picture, the printed columns' widths,
 * the sheet's pictures and its protection; then the write. Nothing else on the sheet changes: a
 * protected sheet is unprotected for the write and protected again with the options it had.
 * Unprotecting comes first in the batch, so if the sheet has a password (which the add-in never
 * sets) that step fails before anything else is applied.
 */
export async function placeBoardChartPicture(
  gateway: ExcelGateway,
  framework: Framework,
): Promise<CopyOutcome<PlacedPicture>> {
  const layout = boardLayout(framework.areas.length, framework.levels.length);
  return gateway.run(async (ctx) => {
    const names = loadSheetNames(ctx);
    await ctx.sync();
    const sheetName = actualSheetName(names(), BOARD_SHEET);
    if (!sheetName) return refuse('no-board', NO_BOARD);

    const sheet = ctx.workbook.worksheets.getItem(sheetName);
    const chart = sheet.charts.getItem(BOARD_CHART_ID).load('left, top, width, height');
    const image = chart.getImage(IMAGE_WIDTH, IMAGE_HEIGHT, 'Fit');
    // One cell per printed column: a multi-column range reads null when the widths differ.
    const columns = Array.from({ length: layout.columns }, (_, i) =>
      sheet.getRange(cell(1, i + 1)).format.load('columnWidth'),
    );
    const shapes = sheet.shapes.load('items/name');
    const protection = sheet.protection.load('protected, options');
    await ctx.sync();
    if (!isPicture(image.value)) return refuse('not-a-picture', NOT_A_PICTURE);

    const earlier = shapes.items.filter((s) => s.name === BOARD_PICTURE_NAME);
    const wasProtected = protection.protected;
    const options = wasProtected ? protection.options : undefined;
    const box = boardPicturePlacement(
      chart,
      columns.map((c) => c.columnWidth),
    );
    if (wasProtected) sheet.protection.unprotect();
    for (const old of earlier) old.delete();
    const picture = sheet.shapes.addImage(image.value);
    picture.name = BOARD_PICTURE_NAME;
    // Unlocked while sized: with the lock on, setting the width would also change the height.
    picture.lockAspectRatio = false;
    picture.left = box.left;
    picture.top = box.top;
    picture.width = box.width;
    picture.height = box.height;
    picture.lockAspectRatio = true;
    picture.altTextTitle = PICTURE_ALT_TITLE;
    picture.altTextDescription = PICTURE_ALT_TEXT;
    if (wasProtected) sheet.protection.protect(options);
    await ctx.sync();
    return {
      status: 'done',
      value: { sheet: sheetName, ...box, replaced: earlier.length, sheetProtected: wasProtected },
    };
  });
}
