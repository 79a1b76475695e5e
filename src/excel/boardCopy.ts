/**
 * Copy-ready output from the board summary, none of which relies on the clipboard (blocked in
 * task panes on Excel on the web): selecting the printed range for the officer to copy with
 * Ctrl+C, and the chart as a picture (ExcelApi 1.2) for the task pane to offer as a download.
 * Each says, in words, why it cannot run on a host or workbook that lacks what it needs.
 */
import type { ExcelGateway } from './api';
import { actualSheetName } from './boardRead';
import { loadSheetNames } from './inspect';
import type { Framework } from '../domain/framework/types';
import { BOARD_CHART_ID, BOARD_SHEET, boardLayout } from '../workbook/sheets/board';

export type CopyOutcome<T> =
  | { readonly status: 'done'; readonly value: T }
  | { readonly status: 'unavailable'; readonly message: string };

const NO_BOARD = `There is no "${BOARD_SHEET}" sheet yet. Refresh the board summary first.`;

/** Selects the board's printed range (two syncs): the officer copies it with Ctrl+C. */
export async function selectBoardSummary(
  gateway: ExcelGateway,
  framework: Framework,
): Promise<CopyOutcome<string>> {
  return gateway.run(async (ctx) => {
    const names = loadSheetNames(ctx);
    await ctx.sync();
    const sheetName = actualSheetName(names(), BOARD_SHEET);
    if (!sheetName) return { status: 'unavailable', message: NO_BOARD };
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
  if (!gateway.isSetSupported('1.2')) {
    return {
      status: 'unavailable',
      message:
        'This version of Excel cannot export a chart as a picture (it needs ExcelApi 1.2). Copy the chart from the sheet instead, or use the CSV.',
    };
  }
  return gateway.run(async (ctx) => {
    const names = loadSheetNames(ctx);
    await ctx.sync();
    const sheetName = actualSheetName(names(), BOARD_SHEET);
    if (!sheetName) return { status: 'unavailable', message: NO_BOARD };
    const chart = ctx.workbook.worksheets.getItem(sheetName).charts.getItem(BOARD_CHART_ID);
    const image = chart.getImage(900, 500, 'Fit');
    await ctx.sync();
    const base64 = image.value;
    // getImage misbehaves on some hosts (design.md): only a PNG or JPEG is offered.
    if (!base64.startsWith('iVBOR') && !base64.startsWith('/9j/')) {
      return {
        status: 'unavailable',
        message:
          'Excel returned something that is not a picture for the chart. Copy the chart from the sheet instead, or use the CSV.',
      };
    }
    return { status: 'done', value: base64 };
  });
}
