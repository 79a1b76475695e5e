import { notYetText, type Framework } from '../../domain';
import { cell, rect, sheetName, type A1 } from '../address';
import { call, expr, formula, ifChain, str, type Expr } from '../formula';
import { COLOURS, SUMMARY_SHEET, SHARE_AXIS } from '../layout';
import { levelAxes } from '../levelAxis';
import { areaColour, levelSeriesStyle, ORGANISATION_STYLE } from '../chartStyle';
import type { ChartPlan, PlanCell, SheetPlan } from '../plan';
import {
  answeredIn,
  applicableAt,
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
  }[];
  readonly overall: {
    readonly levelName: A1;
    readonly levelNo: A1;
    readonly provisional: A1;
    readonly completeness: A1;
  };
  /** TRUE when the Start sheet's settings can be used (`settingsUsable`). */
  readonly settingsUsable: A1;
  readonly table: A1;
}

const f = (e: Expr): PlanCell => ({ formula: formula(e) });

export function buildSummarySheet(
  framework: Framework,
  refs: FormulaRefs,
): {
  sheet: SheetPlan;
  layout: SummaryLayout;
  charts: ChartPlan[];
} {
  const name = sheetName(SUMMARY_SHEET);
  const sheet = new SheetBuilder(name, 'summary');
  const levels = framework.levels;
  const areas = framework.areas;
  const nL = levels.length;
  const nA = areas.length;
  const firstLevelName = levels[0]?.name ?? 'the first level';
  const lastAreaRow = FIRST_ROW + nA - 1;
  const overallRow = lastAreaRow + 1;

  // Column positions: the officer's table, then the workings the table and charts read.
  const mainCols = 4 + nL;
  const lvlBlock = mainCols + 2; // Area | Level reached (number) | Best possible level
  const shareBlock = lvlBlock + 4; // Area | share per level
  const countBlock = shareBlock + nL + 2; // Area | applicable, met, could be met per level | answered | applicable (all)
  const countCol = (levelIndex: number, which: 'applicable' | 'met' | 'couldBeMet') =>
    countBlock + 1 + levelIndex * 3 + (which === 'met' ? 1 : which === 'couldBeMet' ? 2 : 0);
  const answeredCol = countBlock + 1 + nL * 3;
  const applicableAllCol = answeredCol + 1;

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
  sheet.block(3, lvlBlock, [['Workings (used by the table and the charts)']]);
  sheet.format(cell(3, lvlBlock), { italic: true, fontColor: COLOURS.title });
  const ok = cell(2, lvlBlock + 1);
  sheet.block(2, lvlBlock, [['Start sheet settings usable', f(settingsUsable(refs))]]);

  // Header rows.
  sheet.block(HEADER_ROW, 1, [
    ['Area', 'Level reached', 'Provisional', 'Completeness', ...levels.map((l) => `${l.name}: share met`)],
  ]);
  sheet.block(HEADER_ROW, lvlBlock, [['Area', 'Level reached (number)', 'Best possible level (number)']]);
  sheet.block(HEADER_ROW, shareBlock, [['Area', ...levels.map((l) => l.name)]]);
  sheet.block(HEADER_ROW, countBlock, [
    [
      'Area',
      ...levels.flatMap((l) => [`${l.name}: applicable`, `${l.name}: met`, `${l.name}: could be met`]),
      'Answered',
      'Applicable (all levels)',
    ],
  ]);
  for (const [col, width] of [
    [1, mainCols],
    [lvlBlock, 3],
    [shareBlock, nL + 1],
    [countBlock, 3 * nL + 3],
  ] as const) {
    sheet.format(rect(HEADER_ROW, col, 1, width), {
      bold: true,
      fill: COLOURS.header,
      wrap: true,
      verticalTop: true,
    });
  }

  const areaLayouts: SummaryLayout['areas'][number][] = [];
  areas.forEach((area, i) => {
    const row = FIRST_ROW + i;
    const levelNo = cell(row, lvlBlock + 1);
    const bestNo = cell(row, lvlBlock + 2);
    const applicable = (li: number) => cell(row, countCol(li, 'applicable'));
    const met = (li: number) => cell(row, countCol(li, 'met'));
    const couldBeMet = (li: number) => cell(row, countCol(li, 'couldBeMet'));
    const applicableCells = levels.map((_, li) => applicable(li));
    const answered = cell(row, answeredCol);
    const applicableAll = cell(row, applicableAllCol);
    // No level and no bar while a setting cannot be used or nothing in the area is applicable.
    const guarded = (levelExpr: Expr) =>
      f(
        ifChain(
          [
            [call('NOT', expr(ok)), str('')],
            [expr(`${applicableAll}=0`), str('')],
          ],
          levelExpr,
        ),
      );
    const shareCells = levels.map((_, li) => cell(row, shareBlock + 1 + li));

    sheet.block(row, countBlock, [
      [
        area.shortName,
        ...levels.flatMap((l) => [
          f(applicableAt(refs, area.number, l.number)),
          f(metAt(refs, area.number, l.number)),
          f(couldBeMetAt(refs, area.number, l.number)),
        ]),
        f(answeredIn(refs, area.number)),
        f(applicableIn(refs, area.number)),
      ],
    ]);
    sheet.block(row, lvlBlock, [
      [
        area.shortName,
        guarded(
          levelReached(
            levels.map((_, li) => satisfied(refs, applicable(li), met(li))),
            applicableCells,
          ),
        ),
        guarded(
          levelReached(
            levels.map((_, li) => satisfied(refs, applicable(li), couldBeMet(li))),
            applicableCells,
          ),
        ),
      ],
    ]);
    sheet.block(row, shareBlock, [
      [area.shortName, ...levels.map((_, li) => f(share(ok, applicable(li), met(li))))],
    ]);
    const completenessCell = cell(row, 4);
    sheet.block(row, 1, [
      [
        area.name,
        f(levelName(refs, ok, levelNo, firstLevelName)),
        f(provisional(ok, levelNo, bestNo, expr(answered), expr(applicableAll))),
        f(completeness(applicableAll, answered)),
        ...shareCells.map((c) => f(expr(c))),
      ],
    ]);
    areaLayouts.push({
      area: area.number,
      levelName: cell(row, 2),
      levelNo,
      provisional: cell(row, 3),
      completeness: completenessCell,
      shares: levels.map((_, li) => cell(row, 5 + li)),
    });
  });

  // The organisation: the lowest level of the assessed areas; provisional when its best possible level differs.
  const levelNos = rect(FIRST_ROW, lvlBlock + 1, nA, 1);
  const bestNos = rect(FIRST_ROW, lvlBlock + 2, nA, 1);
  const overallLevelNo = cell(overallRow, lvlBlock + 1);
  const overallBestNo = cell(overallRow, lvlBlock + 2);
  const answeredAll = rect(FIRST_ROW, answeredCol, nA, 1);
  const applicableAll = rect(FIRST_ROW, applicableAllCol, nA, 1);
  // The lowest level of the areas that have one: COUNT and MIN skip the "" of an area with nothing applicable.
  const lowest = (range: string) =>
    f(
      ifChain(
        [
          [call('NOT', expr(ok)), str('')],
          [expr(`${call('COUNT', expr(range))}=0`), str('')],
        ],
        call('MIN', expr(range)),
      ),
    );
  sheet.block(overallRow, lvlBlock, [['Organisation', lowest(levelNos), lowest(bestNos)]]);
  sheet.block(overallRow, 1, [
    [
      'Organisation (lowest area)',
      f(levelName(refs, ok, overallLevelNo, firstLevelName)),
      f(
        provisional(
          ok,
          overallLevelNo,
          overallBestNo,
          call('SUM', expr(answeredAll)),
          call('SUM', expr(applicableAll)),
        ),
      ),
      f(
        call(
          'IF',
          expr(`${call('SUM', expr(applicableAll))}=0`),
          expr('1'),
          expr(`${call('SUM', expr(answeredAll))}/${call('SUM', expr(applicableAll))}`),
        ),
      ),
      ...levels.map(() => null),
    ],
  ]);
  sheet.format(rect(overallRow, 1, 1, mainCols), {
    bold: true,
    borderBottom: true,
  });
  sheet.format(rect(FIRST_ROW, 4, nA + 1, 1 + nL), { numberFormat: '0%' });
  sheet.format(rect(FIRST_ROW, shareBlock + 1, nA, nL), { numberFormat: '0%' });
  sheet.format(rect(FIRST_ROW, 1, nA + 1, mainCols), {
    wrap: true,
    verticalTop: true,
  });

  // Wide enough that "Settled, answers missing" and "Developing: share met" fit on two lines.
  sheet.column(1, 220).column(2, 120).column(3, 130).column(4, 85);
  levels.forEach((_, li) => sheet.column(5 + li, 90));
  for (let c = lvlBlock; c <= applicableAllCol; c++)
    sheet.column(c, c === lvlBlock || c === shareBlock || c === countBlock ? 110 : 70);

  // The bars' axis names the levels as the level-over-time chart's does (levelAxis.ts): two on
  // the primary axis, two on the secondary, which a hidden copy of the bars makes exist.
  const valueNames = [notYetText(firstLevelName), ...levels.map((l) => l.name)];
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
      source: rect(HEADER_ROW, lvlBlock, nA + 1, 2),
      seriesBy: 'columns',
      // Both charts under the table, inside its columns, so the page prints without the workings.
      from: cell(chartTop, 1),
      to: cell(chartBottom, 2),
      valueAxis: axes.valueAxis,
      ...(axes.secondaryValueAxis
        ? { secondaryValueAxis: axes.secondaryValueAxis, secondaryAxisCopy: true }
        : {}),
      // One series, one bar per area in the area's own colour (the same as in every chart).
      series: [{ colour: ORGANISATION_STYLE.colour }],
      pointColours: areas.map((a) => areaColour(a.number)),
      // Each bar is its own area and the category labels name it: a legend would name the one
      // series, in a colour no bar has.
      legend: false,
    },
    {
      id: 'share-by-area-and-level',
      sheet: name,
      kind: 'columnClustered',
      title: 'Share of criteria met by area and level',
      source: rect(HEADER_ROW, shareBlock, nA + 1, nL + 1),
      seriesBy: 'columns',
      from: cell(chartTop, 3),
      to: cell(chartBottom, mainCols),
      valueAxis: SHARE_AXIS,
      series: levels.map((_, i) => levelSeriesStyle(i, nL)),
    },
  ];

  return {
    sheet: sheet.build({
      visible: true,
      protect: true,
      landscape: true,
      tabColor: COLOURS.title,
      freeze: { rows: HEADER_ROW, columns: 1 },
      // One page: the table and the charts; the workings to the right do not print.
      print: { onePage: true, printArea: rect(1, 1, chartBottom, mainCols) },
    }),
    layout: {
      firstAreaRow: FIRST_ROW,
      areas: areaLayouts,
      overall: {
        levelName: cell(overallRow, 2),
        levelNo: overallLevelNo,
        provisional: cell(overallRow, 3),
        completeness: cell(overallRow, 4),
      },
      settingsUsable: ok,
      table: rect(HEADER_ROW, 1, nA + 2, mainCols),
    },
    charts,
  };
}
