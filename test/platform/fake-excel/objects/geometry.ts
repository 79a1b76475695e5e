/** Where cells sit in points, from column widths and row heights (hidden ones are 0 wide). */
import { parseAddress, type Rect } from '../a1';
import { DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT, type ChartState, type SheetState } from '../state';

export interface Box {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** Excel's size for a chart that was never positioned: 5 by 3 inches. */
const UNPLACED_CHART: Box = { left: 0, top: 0, width: 360, height: 216 };

const columnWidth = (sheet: SheetState, c: number) =>
  sheet.hiddenColumns.has(c) ? 0 : (sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH);
const rowHeight = (sheet: SheetState, r: number) =>
  sheet.hiddenRows.has(r) ? 0 : (sheet.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT);

function sum(from: number, to: number, size: (i: number) => number): number {
  let total = 0;
  for (let i = from; i <= to; i++) total += size(i);
  return total;
}

/** The box a range covers, as Excel's Range.left/top/width/height would give it. */
export function boxOf(sheet: SheetState, rect: Rect): Box {
  return {
    left: sum(0, rect.left - 1, (c) => columnWidth(sheet, c)),
    top: sum(0, rect.top - 1, (r) => rowHeight(sheet, r)),
    width: sum(rect.left, rect.right, (c) => columnWidth(sheet, c)),
    height: sum(rect.top, rect.bottom, (r) => rowHeight(sheet, r)),
  };
}

/** A chart covers its cells from the top-left of `from` to the bottom-right of `to`. */
export function chartBox(sheet: SheetState, chart: ChartState): Box {
  if (!chart.position) return UNPLACED_CHART;
  const from = parseAddress(chart.position.from).rect;
  const to = chart.position.to === undefined ? from : parseAddress(chart.position.to).rect;
  if (chart.position.to === undefined) {
    // Only a start cell: Excel keeps the chart's size and moves it there.
    const at = boxOf(sheet, from);
    return { left: at.left, top: at.top, width: UNPLACED_CHART.width, height: UNPLACED_CHART.height };
  }
  return boxOf(sheet, { top: from.top, left: from.left, bottom: to.bottom, right: to.right });
}
