import { notYetText, type Framework } from '../../domain';
import { cell, rect, sheetName, type A1, type SheetName } from '../address';
import { arith, call, compare, formula, ifChain, num, refTo, str, type Expr } from '../formula';
import { COLOURS, SUMMARY_SHEET, SHARE_AXIS } from '../layout';
import { levelAxes } from '../levelAxis';
import { areaColour, levelSeriesStyle, ORGANISATION_STYLE } from '../chartStyle';
import type { ChartPlan, PlanCell, SheetPlan } from '../plan';
import {
  answeredIn,
  applicableAt,
  evidencedIn,
  evidenceShare,
  metIn,
  applicableIn,
  completeness,
  couldBeMetAt,
  levelName,
  levelReached,
  metAt,
  provisional,
  satisfied,
  settingsUsable,
  share,
  type FormulaRefs,
} from '../ratingFormulas';
import { SheetBuilder } from './sheetBuilder';
import { summaryColumns, type CountKind, type SummaryColumns } from './summaryColumns';

const HEADER_ROW = 4;
const FIRST_ROW = 5;

/** Where each figure sits on the Summary sheet, for readers, names, charts and tests. */
export interface SummaryLayout {
  readonly firstAreaRow: number;
  /** One entry per framework area, in framework order. */
  readonly areas: readonly {
    readonly area: number;
    readonly levelName: A1;
    readonly levelNo: A1;
    readonly provisional: A1;
    readonly completeness: A1;
    /** Share met at each level, in level order ("" when nothing there is applicable). */
    readonly shares: readonly A1[];
    /** Share of met criteria with evidence and difference made recorded ("" when none is met). */
    readonly evidence: A1;
  }[];
  readonly overall: {
    readonly levelName: A1;
    readonly levelNo: A1;
    readonly provisional: A1;
    readonly completeness: A1;
    readonly evidence: A1;
  };
  /** TRUE when the Start sheet's settings can be used (`settingsUsable`). */
  readonly settingsUsable: A1;
  readonly table: A1;
}

const f = (e: Expr): PlanCell => ({ formula: formula(e) });

/**
 * Where the Summary keeps each area's and the organisation's evidence share, without building
 * the sheet (the board refers to them; its test holds them equal to the built layout's).
 */
export function summaryEvidenceCells(framework: Framework): { areas: A1[]; overall: A1 } {
  const column = summaryColumns(framework.levels.length).table.evidence;
  return {
    areas: framework.areas.map((_, i) => cell(FIRST_ROW + i, column)),
    overall: cell(FIRST_ROW + framework.areas.length, column),
  };
}

/** What every part of the Summary's builder needs to know. */
interface SummaryContext {
  readonly framework: Framework;
  readonly refs: FormulaRefs;
  readonly sheet: SheetBuilder;
  readonly cols: SummaryColumns;
  /** The cell that says whether the Start sheet's settings can be used. */
  readonly ok: A1;
  readonly overallRow: number;
  readonly firstLevelName: string;
}

export function buildSummarySheet(
  framework: Framework,
  refs: FormulaRefs,
): {
  sheet: SheetPlan;
  layout: SummaryLayout;
  charts: ChartPlan[];
} {
  const name = sheetName(SUMMARY_SHEET);
  const cols = summaryColumns(framework.levels.length);
  const ctx: SummaryContext = {
    framework,
    refs,
    sheet: new SheetBuilder(name, 'summary'),
    cols,
    ok: cell(2, cols.levels.levelNo),
    overallRow: FIRST_ROW + framework.areas.length,
    firstLevelName: framework.levels[0]?.name ?? 'the first level',
  };
  writeHeadings(ctx);
  const areas = framework.areas.map((area, i) => writeAreaRow(ctx, area, FIRST_ROW + i));
  const overall = writeOverallRow(ctx);
  formatSummary(ctx);
  const { charts, chartBottom } = summaryCharts(ctx, name);
  const width = cols.table.width;
  return {
    sheet: ctx.sheet.build({
      visible: true,
      protect: true,
      landscape: true,
      tabColor: COLOURS.title,
      freeze: { rows: HEADER_ROW, columns: cols.table.area },
      // One page: the table and the charts; the workings to the right do not print.
      print: { onePage: true, printArea: rect(1, 1, chartBottom, width) },
    }),
    layout: {
      firstAreaRow: FIRST_ROW,
      areas,
      overall,
      settingsUsable: ctx.ok,
      table: rect(HEADER_ROW, 1, framework.areas.length + 2, width),
    },
    charts,
  };
}

/** The title, the explanation, the settings check and each block's header row. */
function writeHeadings({ framework, refs, sheet, cols }: SummaryContext): void {
  const levels = framework.levels;
  sheet.block(1, 1, [['Summary']]);
  sheet.format(cell(1, 1), {
    bold: true,
    fontSize: 16,
    fontColor: COLOURS.title,
  });
  sheet.block(2, 1, [
    [
      'Calculated by formulas from the ratings on each area sheet, using the settings on the Start sheet. Nothing here needs typing.',
    ],
  ]);
  sheet.format(cell(2, 1), { italic: true });
  sheet.block(3, cols.levels.first, [['Workings (used by the table and the charts)']]);
  sheet.format(cell(3, cols.levels.first), { italic: true, fontColor: COLOURS.title });
  sheet.block(2, cols.levels.first, [['Start sheet settings usable', f(settingsUsable(refs))]]);

  sheet.block(HEADER_ROW, cols.table.area, [
    [
      'Area',
      'Level reached',
      'Provisional',
      'Completeness',
      ...levels.map((l) => `${l.name}: share met`),
      'Met with evidence recorded',
    ],
  ]);
  sheet.block(HEADER_ROW, cols.levels.first, [
    ['Area', 'Level reached (number)', 'Best possible level (number)'],
  ]);
  sheet.block(HEADER_ROW, cols.shares.first, [['Area', ...levels.map((l) => l.name)]]);
  sheet.block(HEADER_ROW, cols.counts.first, [
    [
      'Area',
      ...levels.flatMap((l) => [`${l.name}: applicable`, `${l.name}: met`, `${l.name}: could be met`]),
      'Answered',
      'Applicable (all levels)',
      'Met (all levels)',
      'Met with evidence and difference made',
    ],
  ]);
  for (const block of [cols.table, cols.levels, cols.shares, cols.counts]) {
    const first = 'first' in block ? block.first : block.area;
    sheet.format(rect(HEADER_ROW, first, 1, block.width), {
      bold: true,
      fill: COLOURS.header,
      wrap: true,
      verticalTop: true,
    });
  }
}

/** One area's row in every block: its counts, level numbers, shares and the officer's table. */
function writeAreaRow(
  { framework, refs, sheet, cols, ok, firstLevelName }: SummaryContext,
  area: Framework['areas'][number],
  row: number,
): SummaryLayout['areas'][number] {
  const levels = framework.levels;
  const levelNo = cell(row, cols.levels.levelNo);
  const bestNo = cell(row, cols.levels.bestNo);
  const count = (li: number, kind: CountKind) => cell(row, cols.counts.count(li, kind));
  const applicableCells = levels.map((_, li) => count(li, 'applicable'));
  const answered = cell(row, cols.counts.answered);
  const applicableAll = cell(row, cols.counts.applicableAll);
  // No level and no bar while a setting cannot be used or nothing in the area is applicable.
  const guarded = (levelExpr: Expr) =>
    f(
      ifChain(
        [
          [call('NOT', refTo(ok)), str('')],
          [compare(refTo(applicableAll), '=', num(0)), str('')],
        ],
        levelExpr,
      ),
    );
  const levelFrom = (kind: CountKind) =>
    guarded(
      levelReached(
        levels.map((_, li) => satisfied(refs, count(li, 'applicable'), count(li, kind))),
        applicableCells,
      ),
    );

  sheet.block(row, cols.counts.first, [
    [
      area.shortName,
      ...levels.flatMap((l) => [
        f(applicableAt(refs, area.number, l.number)),
        f(metAt(refs, area.number, l.number)),
        f(couldBeMetAt(refs, area.number, l.number)),
      ]),
      f(answeredIn(refs, area.number)),
      f(applicableIn(refs, area.number)),
      f(metIn(refs, area.number)),
      f(evidencedIn(refs, area.number)),
    ],
  ]);
  sheet.block(row, cols.levels.first, [[area.shortName, levelFrom('met'), levelFrom('couldBeMet')]]);
  sheet.block(row, cols.shares.first, [
    [area.shortName, ...levels.map((_, li) => f(share(ok, count(li, 'applicable'), count(li, 'met'))))],
  ]);
  sheet.block(row, cols.table.area, [
    [
      area.name,
      f(levelName(refs, ok, levelNo, firstLevelName)),
      f(provisional(ok, levelNo, bestNo, refTo(answered), refTo(applicableAll))),
      f(completeness(applicableAll, answered)),
      ...levels.map((_, li) => f(refTo(cell(row, cols.shares.level(li))))),
      f(evidenceShare(ok, refTo(cell(row, cols.counts.metAll)), refTo(cell(row, cols.counts.evidenced)))),
    ],
  ]);
  return {
    area: area.number,
    levelName: cell(row, cols.table.levelName),
    levelNo,
    provisional: cell(row, cols.table.provisional),
    completeness: cell(row, cols.table.completeness),
    shares: levels.map((_, li) => cell(row, cols.table.share(li))),
    evidence: cell(row, cols.table.evidence),
  };
}

/** The organisation: the lowest level of the assessed areas; provisional when its best possible level differs. */
function writeOverallRow({
  framework,
  refs,
  sheet,
  cols,
  ok,
  overallRow,
  firstLevelName,
}: SummaryContext): SummaryLayout['overall'] {
  const nA = framework.areas.length;
  const levelNos = rect(FIRST_ROW, cols.levels.levelNo, nA, 1);
  const bestNos = rect(FIRST_ROW, cols.levels.bestNo, nA, 1);
  const overallLevelNo = cell(overallRow, cols.levels.levelNo);
  const overallBestNo = cell(overallRow, cols.levels.bestNo);
  const sumOf = (column: number) => call('SUM', refTo(rect(FIRST_ROW, column, nA, 1)));
  const answeredAll = sumOf(cols.counts.answered);
  const applicableAll = sumOf(cols.counts.applicableAll);
  // The lowest level of the areas that have one: COUNT and MIN skip the "" of an area with nothing applicable.
  const lowest = (range: string) =>
    f(
      ifChain(
        [
          [call('NOT', refTo(ok)), str('')],
          [compare(call('COUNT', refTo(range)), '=', num(0)), str('')],
        ],
        call('MIN', refTo(range)),
      ),
    );
  sheet.block(overallRow, cols.levels.first, [['Organisation', lowest(levelNos), lowest(bestNos)]]);
  sheet.block(overallRow, cols.table.area, [
    [
      'Organisation (lowest area)',
      f(levelName(refs, ok, overallLevelNo, firstLevelName)),
      f(provisional(ok, overallLevelNo, overallBestNo, answeredAll, applicableAll)),
      f(call('IF', compare(applicableAll, '=', num(0)), num(1), arith(answeredAll, ['/', applicableAll]))),
      ...framework.levels.map(() => null),
      f(evidenceShare(ok, sumOf(cols.counts.metAll), sumOf(cols.counts.evidenced))),
    ],
  ]);
  return {
    levelName: cell(overallRow, cols.table.levelName),
    levelNo: overallLevelNo,
    provisional: cell(overallRow, cols.table.provisional),
    completeness: cell(overallRow, cols.table.completeness),
    evidence: cell(overallRow, cols.table.evidence),
  };
}

/** Number formats, wrapping, the organisation's row in bold, and the columns' widths. */
function formatSummary({ framework, sheet, cols, overallRow }: SummaryContext): void {
  const nA = framework.areas.length;
  const nL = framework.levels.length;
  const { table } = cols;
  sheet.format(rect(overallRow, table.area, 1, table.width), {
    bold: true,
    borderBottom: true,
  });
  // Completeness and the shares beside it are percentages, in the table and in the workings.
  sheet.format(rect(FIRST_ROW, table.completeness, nA + 1, 1 + nL), { numberFormat: '0%' });
  sheet.format(rect(FIRST_ROW, cols.shares.level(0), nA, nL), { numberFormat: '0%' });
  sheet.format(rect(FIRST_ROW, table.evidence, nA + 1, 1), { numberFormat: '0%' });
  sheet.format(rect(FIRST_ROW, table.area, nA + 1, table.width), {
    wrap: true,
    verticalTop: true,
  });

  // Wide enough that "Settled, answers missing" and "Developing: share met" fit on two lines.
  sheet
    .column(table.area, 220)
    .column(table.levelName, 120)
    .column(table.provisional, 130)
    .column(table.completeness, 85);
  framework.levels.forEach((_, li) => sheet.column(table.share(li), 90));
  sheet.column(table.evidence, 100);
  const blockStarts = new Set([cols.levels.first, cols.shares.first, cols.counts.first]);
  for (let c = cols.levels.first; c <= cols.last; c++) sheet.column(c, blockStarts.has(c) ? 110 : 70);
}

/** The two charts under the table: level reached by area, and share met by area and level. */
function summaryCharts(
  { framework, cols, overallRow, firstLevelName }: SummaryContext,
  name: SheetName,
): { charts: ChartPlan[]; chartBottom: number } {
  const nA = framework.areas.length;
  const nL = framework.levels.length;
  // The bars' axis names the levels as the level-over-time chart's does (levelAxis.ts): two on
  // the primary axis, two on the secondary, which a hidden copy of the bars makes exist.
  const valueNames = [notYetText(firstLevelName), ...framework.levels.map((l) => l.name)];
  const axes = levelAxes(valueNames);
  const levelKey = valueNames.map((n, i) => `${i} = ${n}`).join(', ');
  const chartTop = overallRow + 3;
  const chartBottom = chartTop + 17;
  const charts: ChartPlan[] = [
    {
      id: 'levels-by-area',
      sheet: name,
      kind: 'barClustered',
      // Only when the axes cannot name the levels (more than three) does the title give the key.
      title: axes.named ? 'Level reached by area' : `Level reached by area (${levelKey})`,
      source: rect(HEADER_ROW, cols.levels.first, nA + 1, 2),
      seriesBy: 'columns',
      // Both charts under the table, inside its columns, so the page prints without the workings.
      from: cell(chartTop, cols.table.area),
      to: cell(chartBottom, cols.table.levelName),
      valueAxis: axes.valueAxis,
      ...(axes.secondaryValueAxis
        ? { secondaryValueAxis: axes.secondaryValueAxis, secondaryAxisCopy: true }
        : {}),
      // One series, one bar per area in the area's own colour (the same as in every chart).
      series: [{ colour: ORGANISATION_STYLE.colour }],
      pointColours: framework.areas.map((a) => areaColour(a.number)),
      // Each bar is its own area and the category labels name it: a legend would name the one
      // series, in a colour no bar has.
      legend: false,
    },
    {
      id: 'share-by-area-and-level',
      sheet: name,
      kind: 'columnClustered',
      title: 'Share of criteria met by area and level',
      source: rect(HEADER_ROW, cols.shares.first, nA + 1, nL + 1),
      seriesBy: 'columns',
      from: cell(chartTop, cols.table.provisional),
      to: cell(chartBottom, cols.table.width),
      valueAxis: SHARE_AXIS,
      series: framework.levels.map((_, i) => levelSeriesStyle(i, nL)),
    },
  ];
  return { charts, chartBottom };
}
