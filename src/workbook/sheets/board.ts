/**
 * The Board summary sheet: one portrait A4 page for a board paper. Its figures are the engine's,
 * written as values when the officer refreshes it (a consistent picture "as at" that date), and
 * one formula cell says whether the ratings or settings have changed since: it compares the
 * "Counts as" column of every area sheet, and the two settings, with copies stored in hidden
 * columns at refresh. That works without the add-in and on every host; after a regeneration the
 * references break and the cell says "out of date" too, which is right.
 *
 * Page budget: the page setup fits the printed part to one A4 page (src/workbook/print.ts); the
 * visible columns total 650 points, so it prints at about 80% on a portrait page. The narrative
 * and the action texts are broken into lines by pure code (wrapWords), one printed line per cell,
 * because the plan has no merged cells and a long line would run off the page.
 */
import {
  type CalendarDate,
  formatDate,
  type Framework,
  type ActionPlanEntry,
  type BoardFigures,
  type BoardRow,
  boardLevelText,
  percentText,
  wrapWords,
  type ScoringSettings,
} from '../../domain';
import { absolute, cell, rect, ref, sheetName, type A1 } from '../address';
import { arith, call, compare, formula, group, num, refTo, str, type Expr } from '../formula';
import { COLOURS, START_SHEET, SHARE_AXIS, SUMMARY_SHEET } from '../layout';
import { summaryEvidenceCells } from './summary';
import { levelSeriesStyle } from '../chartStyle';
import type { ChartPlan, PlanCell, SheetPlan } from '../plan';
import { HIGHLIGHT_FILLS } from './highlights';
import type { StartLayout } from './start';
import { areaColumnRange, areaDataRows } from './area';
import { SheetBuilder } from './sheetBuilder';

export const BOARD_SHEET = 'Board summary';
export const BOARD_CHART_ID = 'board-share-by-area';

/** Rows of the page, fixed so every refresh prints the same way. */
const TITLE_ROW = 1;
const SUBTITLE_ROW = 2;
const RULE_ROW = 3;
const STATUS_ROW = 4;
const HEADER_ROW = 6;
const FIRST_AREA_ROW = 7;
/** Lines of narrative the page has room for beside the chart: the draft's longest narrative fits. */
export const NARRATIVE_LINES = 24;
/** Characters per narrative line: the left block is about 325 points of 11-point Calibri (checked in LibreOffice with Carlito). */
const NARRATIVE_WIDTH = 68;
export const TOP_ACTIONS = 5;
/** Characters of criterion text an action line has room for (the share columns, about 195 points). */
const ACTION_TEXT_WIDTH = 36;
/** Printed lines each top action has for its criterion's words. */
export const ACTION_LINES = 3;

export const UP_TO_DATE = 'Up to date with the ratings and settings';
/** How the out-of-date status starts; the status cell is highlighted when it does. */
const OUT_OF_DATE_PREFIX = 'OUT OF DATE';
export const OUT_OF_DATE = `${OUT_OF_DATE_PREFIX}: ratings or settings have changed. Refresh the board summary from the add-in.`;

export interface BoardInput {
  readonly framework: Framework;
  readonly figures: BoardFigures;
  readonly narrative: readonly string[];
  /** The actions to list (the first TOP_ACTIONS are shown). */
  readonly actions: readonly ActionPlanEntry[];
  readonly organisation: string;
  readonly period: string;
  /** The day the results were taken. */
  readonly asAt: CalendarDate;
  readonly previousSnapshot: CalendarDate | null;
  readonly settings: ScoringSettings;
  /** Each area's "Counts as" column as read at refresh, by area number, in sheet row order. */
  readonly countsAs: ReadonlyMap<number, readonly string[]>;
  /** Where the Start sheet keeps the settings. */
  readonly start: StartLayout;
}

export interface BoardLayout {
  /** The printed summary: title to the last action row. */
  readonly printed: A1;
  /** The figures table: header, areas, organisation. */
  readonly table: A1;
  readonly status: A1;
  readonly firstAreaRow: number;
  readonly organisationRow: number;
  readonly narrative: A1;
  readonly firstActionRow: number;
  /** Visible columns. */
  readonly columns: number;
}

export interface BoardPlan {
  readonly sheet: SheetPlan;
  readonly chart: ChartPlan;
  readonly layout: BoardLayout;
}

/** Column widths in points: Area, one per level, Level reached, Completeness, Change. */
function columnWidths(levels: number): number[] {
  const shareWidth = Math.max(45, Math.floor(195 / Math.max(1, levels)));
  // Last: evidence recorded (part of the board's table since issue 24), so the columns before it
  // stay where earlier boards had them.
  return [130, ...Array.from({ length: levels }, () => shareWidth), 110, 75, 140, 75];
}

/**
 * The narrative's lines. Whole sentences only: when they would not all fit (a framework with many
 * areas), the last sentences that do not fit are left out and the page says how many, rather
 * than stopping in the middle of one.
 */
export function narrativeLines(sentences: readonly string[]): string[] {
  const lines: string[] = [];
  for (const [i, sentence] of sentences.entries()) {
    const wrapped = wrapWords(sentence, NARRATIVE_WIDTH);
    const left = sentences.length - i;
    const room = NARRATIVE_LINES - lines.length - (left > 1 ? 1 : 0);
    if (wrapped.length > room) {
      lines.push(`(${left} more ${left === 1 ? 'sentence' : 'sentences'}: see the Action plan sheet.)`);
      break;
    }
    lines.push(...wrapped);
  }
  return lines;
}

/** A criterion's words for an action, on up to ACTION_LINES lines: cut at a word with "…" when longer. */
export function actionExcerpt(entry: ActionPlanEntry): string[] {
  if (entry.textStatus === 'absent' || entry.text.trim() === '')
    return ['(wording not in the source: see the area sheet)'];
  const lines = wrapWords(entry.text, ACTION_TEXT_WIDTH - 1);
  if (lines.length <= ACTION_LINES) return lines;
  const shown = lines.slice(0, ACTION_LINES);
  shown[ACTION_LINES - 1] = `${shown[ACTION_LINES - 1] ?? ''}…`;
  return shown;
}

const shareCell = (share: number | null): PlanCell => share ?? '';

/** Where everything sits for a framework of `areas` areas and `levels` levels. */
export function boardLayout(areas: number, levels: number): BoardLayout {
  const visible = columnWidths(levels).length;
  const organisationRow = FIRST_AREA_ROW + areas;
  const narrativeTop = organisationRow + 2;
  const actionsTop = narrativeTop + NARRATIVE_LINES + 1;
  const lastRow = actionsTop + 1 + TOP_ACTIONS * ACTION_LINES;
  return {
    printed: rect(1, 1, lastRow, visible),
    table: rect(HEADER_ROW, 1, areas + 2, visible),
    status: cell(STATUS_ROW, 1),
    firstAreaRow: FIRST_AREA_ROW,
    organisationRow,
    narrative: rect(narrativeTop + 1, 1, NARRATIVE_LINES, 1),
    firstActionRow: actionsTop + 2,
    columns: visible,
  };
}

export function buildBoardSheet(input: BoardInput): BoardPlan {
  const sheet = new SheetBuilder(sheetName(BOARD_SHEET), 'report');
  const columns = boardColumns(input);
  const layout = boardLayout(columns.areas, columns.levels);
  writeTitle(sheet, input, columns.visible);
  writeFigures(sheet, input, columns, layout.organisationRow);
  const narrativeTop = layout.organisationRow + 2;
  writeNarrative(sheet, input, narrativeTop);
  const chart: ChartPlan = {
    id: BOARD_CHART_ID,
    sheet: sheetName(BOARD_SHEET),
    kind: 'columnClustered',
    title: 'Share met by area and level',
    source: rect(HEADER_ROW, 1, columns.areas + 1, 1 + columns.levels),
    seriesBy: 'columns',
    from: cell(narrativeTop, columns.level),
    to: cell(narrativeTop + NARRATIVE_LINES, columns.change),
    valueAxis: SHARE_AXIS,
    series: input.figures.levelNames.map((_, i) => levelSeriesStyle(i, columns.levels)),
  };
  writeTopActions(sheet, input, columns, layout.firstActionRow - 2);
  columns.widths.forEach((w, i) => sheet.column(i + 1, w));
  return {
    sheet: sheet.build({
      visible: true,
      protect: true,
      // Portrait, as a board paper's page: the narrative and the chart side by side, the actions below.
      landscape: false,
      tabColor: COLOURS.title,
      print: {
        onePage: true,
        printArea: layout.printed,
        who: { organisation: input.organisation, period: input.period },
      },
    }),
    chart,
    layout,
  };
}

/** The board table's columns: Area, one share per level, then level reached, completeness, change. */
interface BoardColumns {
  readonly levels: number;
  readonly areas: number;
  readonly widths: readonly number[];
  readonly visible: number;
  readonly level: number;
  readonly completeness: number;
  readonly change: number;
  readonly evidence: number;
}

function boardColumns(input: BoardInput): BoardColumns {
  const levels = input.framework.levels.length;
  const widths = columnWidths(levels);
  const level = 2 + levels;
  return {
    levels,
    areas: input.figures.areas.length,
    widths,
    visible: widths.length,
    level,
    completeness: level + 1,
    change: level + 2,
    evidence: level + 3,
  };
}

const blankCells = (n: number): PlanCell[] => Array.from({ length: n }, () => null);

/** Title, what it covers, the level rule, and whether it is still current. */
function writeTitle(sheet: SheetBuilder, input: BoardInput, visible: number): void {
  const { framework } = input;
  const organisation = input.organisation.trim() === '' ? 'the organisation' : input.organisation.trim();
  sheet.block(TITLE_ROW, 1, [[`Equality self-assessment: board summary for ${organisation}`]]);
  sheet.format(cell(TITLE_ROW, 1), { bold: true, fontSize: 14, fontColor: COLOURS.title });
  const period = input.period.trim() === '' ? '' : `Period ${input.period.trim()}. `;
  sheet.block(SUBTITLE_ROW, 1, [
    [`${period}Results as at ${formatDate(input.asAt)}. ${framework.title}, version ${framework.version}.`],
  ]);
  sheet.block(RULE_ROW, 1, [
    [
      `A criterion counts as met when rated ${input.settings.metThreshold} or more; an area reaches a level when ${percentText(input.settings.requiredShare)} of its applicable criteria there and below are met.`,
    ],
  ]);
  sheet.format(rect(SUBTITLE_ROW, 1, 2, 1), { italic: true });
  const stored = storedWorkings(sheet, input, visible + 2);
  sheet.block(STATUS_ROW, 1, [[{ formula: stalenessFormula(input, stored) }]]);
  sheet.format(cell(STATUS_ROW, 1), { bold: true, fontColor: COLOURS.title });
  // Red only when it matters: Excel marks the status itself once the ratings change.
  sheet.highlight({
    ruleId: 'board-out-of-date',
    range: cell(STATUS_ROW, 1),
    formula: formula(
      compare(
        call('LEFT', refTo(absolute(cell(STATUS_ROW, 1))), num(OUT_OF_DATE_PREFIX.length)),
        '=',
        str(OUT_OF_DATE_PREFIX),
      ),
    ),
    fill: HIGHLIGHT_FILLS.error,
  });
}

/** The figures table: each area's shares met per level, level reached, completeness and change. */
function writeFigures(
  sheet: SheetBuilder,
  input: BoardInput,
  columns: BoardColumns,
  organisationRow: number,
): void {
  const { figures } = input;
  const { levels, areas, visible } = columns;
  const since = input.previousSnapshot
    ? `Change since ${formatDate(input.previousSnapshot)}`
    : 'Change since last snapshot';
  // One line of headers: a wrapped header row would print over the first area in some hosts.
  sheet.block(HEADER_ROW - 1, 2, [['Share of applicable criteria met at each level']]);
  sheet.format(cell(HEADER_ROW - 1, 2), { italic: true });
  sheet.block(HEADER_ROW, 1, [
    ['Area', ...figures.levelNames, 'Level reached', 'Completeness', since, 'Evidence recorded'],
  ]);
  sheet.format(rect(HEADER_ROW, 1, 1, visible), { bold: true, fill: COLOURS.header });
  // The share of met criteria with evidence and difference made recorded: the Summary's own
  // figure by reference, so the board shows what the sheet's formulas say.
  const evidence = summaryEvidenceCells(input.framework);
  const evidenceOf = (r: BoardRow): PlanCell => {
    const index = r.area === null ? -1 : input.framework.areas.findIndex((a) => a.number === r.area);
    const at = index < 0 ? evidence.overall : evidence.areas[index];
    return at ? { formula: formula(refTo(ref(sheetName(SUMMARY_SHEET), absolute(at)))) } : '';
  };
  const row = (r: BoardRow): PlanCell[] => [
    r.name,
    ...(r.area === null ? blankCells(levels) : r.shares.map(shareCell)),
    boardLevelText(r),
    r.completeness,
    r.change,
    evidenceOf(r),
  ];
  sheet.block(FIRST_AREA_ROW, 1, [...figures.areas.map(row), row(figures.organisation)]);
  sheet.format(rect(FIRST_AREA_ROW, 2, areas + 1, levels), { numberFormat: '0%', horizontal: 'right' });
  for (const column of [columns.completeness, columns.evidence]) {
    sheet.format(rect(FIRST_AREA_ROW, column, areas + 1, 1), { numberFormat: '0%', horizontal: 'right' });
  }
  sheet.format(rect(organisationRow, 1, 1, visible), { bold: true, borderBottom: true });
}

/** The narrative, one printed line per cell, left of the chart. */
function writeNarrative(sheet: SheetBuilder, input: BoardInput, top: number): void {
  sheet.block(top, 1, [['What the results say']]);
  sheet.format(cell(top, 1), { bold: true, fontColor: COLOURS.title });
  const lines = narrativeLines(input.narrative);
  sheet.block(
    top + 1,
    1,
    Array.from({ length: NARRATIVE_LINES }, (_, i) => [lines[i] ?? null]),
  );
}

/** The top actions, blocking ones first, each over ACTION_LINES printed lines. */
function writeTopActions(sheet: SheetBuilder, input: BoardInput, columns: BoardColumns, top: number): void {
  const { levels, visible } = columns;
  const shown = input.actions.slice(0, TOP_ACTIONS);
  sheet.block(top, 1, [
    [
      shown.length === 0
        ? 'Top actions: none, every applicable criterion is met.'
        : `Top actions (${shown.length} of ${input.actions.length}; the Action plan sheet lists them all)`,
    ],
  ]);
  sheet.format(cell(top, 1), { bold: true, fontColor: COLOURS.title });
  sheet.block(top + 1, 1, [
    [
      'Criterion',
      'What it needs',
      ...blankCells(levels - 1),
      'Owner',
      'Target date',
      'Status',
      ...blankCells(visible - levels - 4),
    ],
  ]);
  sheet.format(rect(top + 1, 1, 1, visible), { bold: true, fill: COLOURS.header });
  const actionRows: PlanCell[][] = Array.from({ length: TOP_ACTIONS }, (_, i) => {
    const a = shown[i];
    if (!a) return Array.from({ length: ACTION_LINES }, () => blankCells(visible));
    const words = actionExcerpt(a);
    return Array.from({ length: ACTION_LINES }, (_, line) =>
      line === 0
        ? [
            `${a.criterionId} ${a.areaShortName}`,
            words[0] ?? '',
            ...blankCells(levels - 1),
            cellText(a.owner),
            dateCell(a.targetDate),
            a.state === 'blocking' ? `Blocks ${a.levelName}` : `Needed for ${a.levelName}`,
            ...blankCells(visible - levels - 4),
          ]
        : [null, words[line] ?? null, ...blankCells(visible - 2)],
    );
  }).flat();
  sheet.block(top + 2, 1, actionRows);
  sheet.format(rect(top + 2, columns.completeness, TOP_ACTIONS * ACTION_LINES, 1), {
    numberFormat: 'dd/mm/yyyy',
    horizontal: 'left',
  });
}

/** A typed value as text ('' for nothing). */
function cellText(value: unknown): PlanCell {
  return value === null || value === undefined ? '' : String(value);
}

/** A date stays a number, shown through the column's date format; anything else as typed. */
function dateCell(value: unknown): PlanCell {
  return typeof value === 'number' ? value : cellText(value);
}

interface StoredWorkings {
  /** Per area: the area sheet's "Counts as" range and the stored copy on this sheet. */
  readonly areas: readonly { readonly live: string; readonly copy: A1 }[];
  readonly metThreshold: A1;
  readonly requiredShare: A1;
}

/**
 * Hidden columns from `firstColumn`: a copy of each area's "Counts as" column and the settings,
 * as they were at refresh, for the formula that says whether the board is still current.
 */
function storedWorkings(sheet: SheetBuilder, input: BoardInput, firstColumn: number): StoredWorkings {
  const { framework } = input;
  sheet.block(1, firstColumn, [
    ['Stored at refresh (do not edit): the settings, then each area’s “Counts as”'],
  ]);
  sheet.block(2, firstColumn, [[input.settings.metThreshold], [input.settings.requiredShare]]);
  const areas = framework.areas.map((area, i) => {
    const column = firstColumn + 1 + i;
    const { first, last } = areaDataRows(framework, area.number);
    const count = Math.max(1, last - first + 1);
    const words = input.countsAs.get(area.number) ?? [];
    sheet.block(
      2,
      column,
      Array.from({ length: count }, (_, r) => [words[r] ?? '']),
    );
    return {
      live: ref(sheetName(area.shortName), absolute(areaColumnRange(framework, area.number, 'countsAs'))),
      copy: absolute(rect(2, column, count, 1)),
    };
  });
  const lastColumn = firstColumn + framework.areas.length;
  for (let c = firstColumn; c <= lastColumn; c++) sheet.column(c, 60, true);
  return {
    areas,
    metThreshold: absolute(cell(2, firstColumn)),
    requiredShare: absolute(cell(3, firstColumn)),
  };
}

/** `(a<>b)*1`: 1 where they differ, cell by cell over ranges (inside SUMPRODUCT). */
function differs(a: Expr, b: Expr): Expr {
  return arith(group(compare(a, '<>', b)), ['*', num(1)]);
}

function stalenessFormula(input: BoardInput, stored: StoredWorkings): string {
  const start = (address: A1) => ref(sheetName(START_SHEET), absolute(address));
  const differences = [
    ...stored.areas.map((a) => call('SUMPRODUCT', differs(refTo(a.live), refTo(a.copy)))),
    differs(refTo(start(input.start.metThreshold)), refTo(stored.metThreshold)),
    differs(refTo(start(input.start.requiredShare)), refTo(stored.requiredShare)),
  ];
  const [first = num(0), ...others] = differences;
  const changed = compare(arith(first, ...others.map((d) => ['+', d] as const)), '>', num(0));
  const upToDate = `${UP_TO_DATE} (refreshed ${formatDate(input.asAt)}).`;
  return formula(call('IFERROR', call('IF', changed, str(OUT_OF_DATE), str(upToDate)), str(OUT_OF_DATE)));
}

/** Points between the right edge of the printed page and the chart picture. */
export const PICTURE_GAP = 12;

export interface Box {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Where the chart picture goes: to the right of the printed page (whose columns the officer may
 * have resized, so their widths are read), level with the live chart and the same size.
 */
export function boardPicturePlacement(chart: Box, printedColumnWidths: readonly number[]): Box {
  return {
    left: printedColumnWidths.reduce((sum, w) => sum + w, 0) + PICTURE_GAP,
    top: chart.top,
    width: chart.width,
    height: chart.height,
  };
}
