/**
 * Where everything lives on the two sheets of a group comparison, decided once for the builders
 * and the tests: the Group responses sheet (one row per organisation and criterion) and the Group
 * comparison sheet (the printed tables on the left, one row per organisation, and the workings
 * the formulas count with to their right, on the same rows).
 */
import { absolute, cell, rect, ref, sheetName, type SheetName } from '../address';

export const GROUP_SHEET: SheetName = sheetName('Group comparison');
export const GROUP_RESPONSES_SHEET: SheetName = sheetName('Group responses');

/** Group responses: title, note, header, then one row per organisation and criterion. */
export const RESPONSES_HEADER_ROW = 4;
export const RESPONSES_FIRST_ROW = 5;
export const RESPONSE_COLUMNS = {
  number: 1,
  organisation: 2,
  period: 3,
  area: 4,
  areaName: 5,
  level: 6,
  id: 7,
  rating: 8,
  countsAs: 9,
  /** The framework's rating scale and level names, one a row from RESPONSES_FIRST_ROW. */
  scale: 11,
  levelNames: 12,
} as const;

export const GROUP_TITLE_ROW = 1;
export const GROUP_NOTE_ROW = 2;
export const GROUP_MADE_ROW = 3;
export const LEVELS_TITLE_ROW = 5;
export const LEVELS_HEADER_ROW = 6;
export const FIRST_MEMBER_ROW = 7;
const CHART_ROWS = 20;

export interface GroupLayout {
  readonly members: number;
  readonly areas: number;
  readonly levels: number;
  /** The level table: organisation, period, each area's level, overall, the settings, file, note. */
  readonly table: {
    readonly area: (i: number) => number;
    readonly overall: number;
    readonly threshold: number;
    readonly share: number;
    readonly file: number;
    readonly note: number;
  };
  /** The printed width, in columns from A. */
  readonly printedWidth: number;
  readonly memberRow: (m: number) => number;
  /** The share table under it: its title and header rows; its rows follow. */
  readonly shares: { readonly title: number; readonly header: number; readonly first: number };
  readonly shareColumn: (level: number) => number;
  readonly completenessColumn: number;
  readonly chartTop: number;
  readonly chartBottom: number;
  readonly listsTop: number;
  /** Workings to the right of the printed part. */
  readonly work: {
    /** "Organisation, period": the chart's categories. */
    readonly label: number;
    /** Each area's level number, then the overall one, next to each other (the heat map reads them). */
    readonly levelNo: (i: number) => number;
    readonly overallNo: number;
    readonly applicable: (i: number, l: number) => number;
    readonly met: (i: number, l: number) => number;
    readonly areaApplicable: (i: number) => number;
    readonly levelApplicable: (l: number) => number;
    readonly levelMet: (l: number) => number;
    readonly totalApplicable: number;
    readonly totalAnswered: number;
    readonly last: number;
  };
  /** The data rows of Group responses and the ranges the formulas count over. */
  readonly responses: { readonly first: number; readonly last: number };
  readonly responseRange: (column: number) => string;
  readonly scaleValues: string;
  readonly levelNames: string;
}

/** How many of each there are: they decide every position. */
export interface GroupSizes {
  readonly members: number;
  readonly areas: number;
  readonly levels: number;
  readonly criteria: number;
  /** Values on the rating scale. */
  readonly scale: number;
}

export function groupLayoutOf({ members, areas, levels, criteria, scale }: GroupSizes): GroupLayout {
  const area = (i: number) => 3 + i;
  const overall = 3 + areas;
  const printedWidth = overall + 4;
  const sharesTitle = FIRST_MEMBER_ROW + members + 1;
  const sharesFirst = sharesTitle + 2;
  const chartTop = sharesFirst + members + 1;
  const label = printedWidth + 2;
  const counts = label + areas + 2;
  const areaApplicable = counts + 2 * areas * levels;
  const levelCounts = areaApplicable + areas;
  const totals = levelCounts + 2 * levels;
  const dataLast = RESPONSES_FIRST_ROW + Math.max(1, members * criteria) - 1;
  const column = (c: number) =>
    ref(GROUP_RESPONSES_SHEET, absolute(rect(RESPONSES_FIRST_ROW, c, dataLast - RESPONSES_FIRST_ROW + 1, 1)));
  return {
    members,
    areas,
    levels,
    table: {
      area,
      overall,
      threshold: overall + 1,
      share: overall + 2,
      file: overall + 3,
      note: overall + 4,
    },
    printedWidth,
    memberRow: (m) => FIRST_MEMBER_ROW + m - 1,
    shares: { title: sharesTitle, header: sharesTitle + 1, first: sharesFirst },
    shareColumn: (l) => 3 + l,
    completenessColumn: 3 + levels,
    chartTop,
    chartBottom: chartTop + CHART_ROWS - 1,
    listsTop: chartTop + CHART_ROWS + 1,
    work: {
      label,
      levelNo: (i) => label + 1 + i,
      overallNo: label + 1 + areas,
      applicable: (i, l) => counts + 2 * (i * levels + l),
      met: (i, l) => counts + 2 * (i * levels + l) + 1,
      areaApplicable: (i) => areaApplicable + i,
      levelApplicable: (l) => levelCounts + 2 * l,
      levelMet: (l) => levelCounts + 2 * l + 1,
      totalApplicable: totals,
      totalAnswered: totals + 1,
      last: totals + 1,
    },
    responses: { first: RESPONSES_FIRST_ROW, last: dataLast },
    responseRange: column,
    scaleValues: ref(
      GROUP_RESPONSES_SHEET,
      absolute(rect(RESPONSES_FIRST_ROW, RESPONSE_COLUMNS.scale, Math.max(1, scale), 1)),
    ),
    levelNames: ref(
      GROUP_RESPONSES_SHEET,
      absolute(rect(RESPONSES_FIRST_ROW, RESPONSE_COLUMNS.levelNames, Math.max(1, levels), 1)),
    ),
  };
}

/** A cell of the Group comparison sheet, absolute, as another sheet's formula names it. */
export function groupCell(row: number, column: number): string {
  return ref(GROUP_SHEET, absolute(cell(row, column)));
}
