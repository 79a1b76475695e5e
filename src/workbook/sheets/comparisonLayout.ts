/**
 * Where everything on the Period comparison sheet is, as data: the two label cells, the level
 * table, the chart, the lists, and to the right the workings the table and the chart read (counts
 * per snapshot, area and level; level numbers; the chart's rows). The builder places cells by
 * these names, never by bare numbers, and tests find the cells through `comparisonLayoutOf`.
 */
import { cell, rect, type A1 } from '../address';

export const COMPARISON_TITLE_ROW = 1;
export const COMPARISON_NOTE_ROW = 2;
/** The label cells: the earlier snapshot on this row, the later one on the next. */
export const COMPARISON_THEN_ROW = 4;
export const COMPARISON_NOW_ROW = 5;
export const COMPARISON_HEADER_ROW = 7;
export const COMPARISON_FIRST_ROW = 8;
/** Rows the chart takes under the level table. */
const CHART_ROWS = 16;
/** One empty column between the printed table and the workings. */
const GAP = 1;

export type Side = 'then' | 'now';
export const SIDES: readonly Side[] = ['then', 'now'];

/** The printed columns: the level table above, the lists below, sharing the same columns. */
export const PRINTED = {
  /** Area (table) and criterion (lists). */
  first: 1,
  /** Level then (table), rating or status then (lists); the label cells too. */
  then: 2,
  /** Level now (table), rating or status now (lists). */
  now: 3,
  /** Change in levels (table); the label cells' "found" message. */
  change: 4,
  /** The criterion's wording (lists). */
  text: 5,
  width: 5,
} as const;

export interface ComparisonColumns {
  /** The chart's rows: an area and a side per row, its name and the level number. */
  readonly chart: { readonly category: number; readonly level: number };
  /** Level numbers per area and side. */
  readonly levels: { readonly first: number; level(side: Side): number };
  /** Counts per side: applicable and met at each level, applicable at all levels. */
  readonly counts: {
    readonly first: number;
    applicable(side: Side, levelIndex: number): number;
    met(side: Side, levelIndex: number): number;
    applicableAll(side: Side): number;
  };
  /**
   * Per side, one cell per Saved responses row (on the same row): the row's area and level as one
   * number when the row belongs to the side's snapshot, else blank. The counts count these.
   */
  readonly keys: { readonly first: number; column(side: Side): number };
  readonly last: number;
}

export function comparisonColumns(levelCount: number): ComparisonColumns {
  const chartFirst = PRINTED.width + 1 + GAP;
  const levelsFirst = chartFirst + 2 + GAP;
  const countsFirst = levelsFirst + 3 + GAP;
  const perSide = 2 * levelCount + 1;
  const sideStart = (side: Side) => countsFirst + 1 + SIDES.indexOf(side) * perSide;
  const keysFirst = countsFirst + 1 + 2 * perSide + GAP;
  return {
    chart: { category: chartFirst, level: chartFirst + 1 },
    levels: { first: levelsFirst, level: (side) => levelsFirst + 1 + SIDES.indexOf(side) },
    counts: {
      first: countsFirst,
      applicable: (side, li) => sideStart(side) + 2 * li,
      met: (side, li) => sideStart(side) + 2 * li + 1,
      applicableAll: (side) => sideStart(side) + 2 * levelCount,
    },
    keys: { first: keysFirst, column: (side) => keysFirst + SIDES.indexOf(side) },
    last: keysFirst + 1,
  };
}

/** Where the figures a reader or a test needs are. */
export interface ComparisonLayout {
  readonly label: Readonly<Record<Side, A1>>;
  /** How many saved rows carry each label (the message beside the label shows it). */
  readonly found: Readonly<Record<Side, A1>>;
  /** TRUE when the Start sheet's settings can be used. */
  readonly settingsUsable: A1;
  /** One entry per area of the workbook's framework, in its order. */
  readonly areas: readonly {
    readonly area: number;
    readonly levelName: Readonly<Record<Side, A1>>;
    readonly levelNo: Readonly<Record<Side, A1>>;
    readonly change: A1;
  }[];
  readonly overall: {
    readonly levelName: Readonly<Record<Side, A1>>;
    readonly levelNo: Readonly<Record<Side, A1>>;
    readonly change: A1;
  };
  /** The chart's source: its header row and one row per area and side. */
  readonly chartSource: A1;
  readonly chartTop: number;
  readonly chartBottom: number;
  /** The first row of the lists under the chart. */
  readonly listsTop: number;
}

export function comparisonLayoutOf(areas: readonly number[], levelCount: number): ComparisonLayout {
  const cols = comparisonColumns(levelCount);
  const bySide = (row: number, column: (side: Side) => number) =>
    ({ then: cell(row, column('then')), now: cell(row, column('now')) }) as const;
  const printedColumn = (side: Side) => (side === 'then' ? PRINTED.then : PRINTED.now);
  const overallRow = COMPARISON_FIRST_ROW + areas.length;
  const chartTop = overallRow + 2;
  const chartBottom = chartTop + CHART_ROWS;
  return {
    label: { then: cell(COMPARISON_THEN_ROW, PRINTED.then), now: cell(COMPARISON_NOW_ROW, PRINTED.then) },
    found: {
      then: cell(COMPARISON_THEN_ROW, cols.levels.level('then')),
      now: cell(COMPARISON_NOW_ROW, cols.levels.level('then')),
    },
    settingsUsable: cell(COMPARISON_NOTE_ROW, cols.levels.level('then')),
    areas: areas.map((area, i) => {
      const row = COMPARISON_FIRST_ROW + i;
      return {
        area,
        levelName: bySide(row, printedColumn),
        levelNo: bySide(row, cols.levels.level),
        change: cell(row, PRINTED.change),
      };
    }),
    overall: {
      levelName: bySide(overallRow, printedColumn),
      levelNo: bySide(overallRow, cols.levels.level),
      change: cell(overallRow, PRINTED.change),
    },
    chartSource: rect(COMPARISON_HEADER_ROW, cols.chart.category, 1 + 2 * areas.length, 2),
    chartTop,
    chartBottom,
    listsTop: chartBottom + 2,
  };
}
