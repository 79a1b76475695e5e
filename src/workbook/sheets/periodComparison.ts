/**
 * The Period comparison sheet: two snapshots named in two label cells at the top, the level each
 * area reached in each and the change, as formulas over the Saved responses sheet (so they stay
 * true when the officer corrects a label, or types another one to compare), with a chart of both;
 * under it, the lists of criteria that changed, written by the add-in from the engine's
 * comparison (src/domain/report/periodCompare.ts) with a line saying when and of which snapshots.
 *
 * "This workbook now" as the later label compares with the area sheets as they are: its levels
 * are the Summary's own cells.
 */
import { notYetText, type Framework } from '../../domain';
import { cell, rect, ref, sheetName, absolute, type A1, type SheetName } from '../address';
import { call, compare, formula, ifChain, num, refTo, str, arith, type Expr } from '../formula';
import { COLOURS, SUMMARY_SHEET } from '../layout';
import { levelAxes } from '../levelAxis';
import { areaColour, LEVEL_COLOURS } from '../chartStyle';
import type { ChartPlan, PlanCell, SheetPlan } from '../plan';
import { levelName, levelReached, satisfied, settingsUsable, type FormulaRefs } from '../ratingFormulas';
import {
  rowKey,
  rowsFound,
  savedApplicableAt,
  savedMetAt,
  savedRowSpan,
  savedStatusRange,
} from '../comparisonFormulas';
import { SheetBuilder } from './sheetBuilder';
import type { SummaryLayout } from './summary';
import {
  COMPARISON_FIRST_ROW,
  COMPARISON_HEADER_ROW,
  COMPARISON_NOTE_ROW,
  COMPARISON_NOW_ROW,
  COMPARISON_THEN_ROW,
  COMPARISON_TITLE_ROW,
  PRINTED,
  SIDES,
  comparisonColumns,
  comparisonLayoutOf,
  type ComparisonColumns,
  type ComparisonLayout,
  type Side,
} from './comparisonLayout';

export const COMPARISON_SHEET: SheetName = sheetName('Period comparison');
/** The later label that means the area sheets as they are now, not a saved snapshot. */
export const NOW_LABEL = 'This workbook now';

/** The lists under the chart: rows of PRINTED.width cells, with the rows to show as headings. */
export interface ComparisonLists {
  readonly rows: readonly (readonly PlanCell[])[];
  /** Indexes into `rows` of section titles. */
  readonly titles: readonly number[];
  /** Indexes into `rows` of column headings. */
  readonly headings: readonly number[];
}

export interface ComparisonSheetInput {
  /** The workbook's framework: its areas and levels are the table's rows and the rule's levels. */
  readonly framework: Framework;
  readonly refs: FormulaRefs;
  /** The Summary's cells, for "This workbook now". */
  readonly summary: SummaryLayout;
  readonly labels: Readonly<Record<Side, string>>;
  /** The last row holding a snapshot on the Saved responses sheet (before the first data row when none). */
  readonly savedLastRow: number;
  /** Rows after it the formulas cover too (SPARE_SAVED_ROWS unless a test asks for fewer). */
  readonly spareRows?: number;
  readonly lists: ComparisonLists;
}

interface Ctx {
  readonly input: ComparisonSheetInput;
  readonly sheet: SheetBuilder;
  readonly cols: ComparisonColumns;
  readonly layout: ComparisonLayout;
  /** The Saved responses rows the formulas cover. */
  readonly span: { readonly first: number; readonly last: number };
  /** Each side's key column over the span. */
  readonly keys: Readonly<Record<Side, A1>>;
  /** The Status column over the span. */
  readonly status: Expr;
  /** TRUE while the later label is NOW_LABEL. */
  readonly live: A1;
}

const f = (e: Expr): PlanCell => ({ formula: formula(e) });

export function buildComparisonSheet(input: ComparisonSheetInput): {
  sheet: SheetPlan;
  chart: ChartPlan;
  layout: ComparisonLayout;
} {
  const { framework } = input;
  const cols = comparisonColumns(framework.levels.length);
  const layout = comparisonLayoutOf(
    framework.areas.map((a) => a.number),
    framework.levels.length,
  );
  const span = savedRowSpan(input.savedLastRow, input.spareRows);
  const ctx: Ctx = {
    input,
    sheet: new SheetBuilder(COMPARISON_SHEET, 'report'),
    cols,
    layout,
    span,
    keys: {
      then: absolute(rect(span.first, cols.keys.column('then'), span.last - span.first + 1, 1)),
      now: absolute(rect(span.first, cols.keys.column('now'), span.last - span.first + 1, 1)),
    },
    status: savedStatusRange(span),
    live: cell(COMPARISON_NOW_ROW, cols.levels.level('now')),
  };
  writeHeadings(ctx);
  writeKeys(ctx);
  framework.areas.forEach((area, i) => writeArea(ctx, area, COMPARISON_FIRST_ROW + i));
  writeOverall(ctx);
  writeChartRows(ctx);
  writeLists(ctx);
  formatSheet(ctx);
  const listsBottom = layout.listsTop + Math.max(1, input.lists.rows.length) - 1;
  return {
    sheet: ctx.sheet.build({
      visible: true,
      protect: true,
      landscape: true,
      tabColor: COLOURS.title,
      // The table, the chart and the lists; the workings to the right do not print.
      print: { onePage: false, printArea: rect(1, 1, listsBottom, PRINTED.width) },
    }),
    chart: comparisonChart(ctx),
    layout,
  };
}

/** The title, what the sheet is, the two label cells with what was found, and the headers. */
function writeHeadings({ input, sheet, cols, layout, keys, live }: Ctx): void {
  sheet.block(COMPARISON_TITLE_ROW, 1, [['Period comparison']]);
  sheet.block(COMPARISON_NOTE_ROW, 1, [
    [
      `Levels are calculated by formulas from the Saved responses sheet: each criterion counts as it did when its snapshot was saved, with the required share on the Start sheet. Type another snapshot's label (from the Snapshot column of the Saved responses sheet) in ${layout.label.then} or ${layout.label.now} to compare others; "${NOW_LABEL}" means the area sheets as they are now.`,
    ],
  ]);
  const foundText = (side: Side): Expr => {
    const message = ifChain(
      [
        [
          compare(refTo(layout.found[side]), '=', num(0)),
          str(
            'No saved snapshot has this label: type one from the Snapshot column of the Saved responses sheet.',
          ),
        ],
      ],
      str('Found on the Saved responses sheet.'),
    );
    return side === 'now'
      ? call('IF', refTo(live), str('The area sheets as they are now.'), message)
      : message;
  };
  sheet.block(COMPARISON_THEN_ROW, PRINTED.first, [['Earlier', input.labels.then, f(foundText('then'))]]);
  sheet.block(COMPARISON_NOW_ROW, PRINTED.first, [['Later', input.labels.now, f(foundText('now'))]]);
  sheet.block(COMPARISON_NOTE_ROW, cols.levels.first, [
    ['Start sheet settings usable', f(settingsUsable(input.refs))],
  ]);
  sheet.block(COMPARISON_THEN_ROW, cols.levels.first, [['Rows found', f(rowsFound(keys.then))]]);
  sheet.block(COMPARISON_NOW_ROW, cols.levels.first, [
    ['Rows found / now', f(rowsFound(keys.now)), f(call('EXACT', refTo(layout.label.now), str(NOW_LABEL)))],
  ]);
  const labelRef = (side: Side) => f(refTo(layout.label[side]));
  sheet.block(COMPARISON_HEADER_ROW, PRINTED.first, [
    ['Area', labelRef('then'), labelRef('now'), 'Change (levels)'],
  ]);
  sheet.block(COMPARISON_HEADER_ROW, cols.chart.category, [['Area and snapshot', 'Level reached']]);
  sheet.block(COMPARISON_HEADER_ROW, cols.levels.first, [['Area', labelRef('then'), labelRef('now')]]);
  sheet.block(COMPARISON_HEADER_ROW, cols.counts.first, [
    [
      'Area',
      ...SIDES.flatMap((side) => [
        ...input.framework.levels.flatMap((l) => [`${side}: ${l.name} applicable`, `${side}: ${l.name} met`]),
        `${side}: applicable (all levels)`,
      ]),
    ],
  ]);
}

/** Beside each Saved responses row, on the same row, its key for each side's label. */
function writeKeys({ sheet, cols, layout, span }: Ctx): void {
  sheet.block(span.first - 1, cols.keys.first, [
    ['Earlier: area and level of each saved row', 'Later: area and level of each saved row'],
  ]);
  const rows: PlanCell[][] = [];
  for (let row = span.first; row <= span.last; row++) {
    rows.push(SIDES.map((side) => f(rowKey(row, layout.label[side]))));
  }
  sheet.block(span.first, cols.keys.first, rows);
}

/** One area: counts per side and level, the level numbers, and the table's names and change. */
function writeArea(ctx: Ctx, area: Framework['areas'][number], row: number): void {
  const { input, sheet, cols, layout, keys, status, live } = ctx;
  const levels = input.framework.levels;
  const at = layout.areas.find((a) => a.area === area.number);
  const summaryRow = input.summary.areas.find((a) => a.area === area.number);
  if (!at || !summaryRow) throw new RangeError(`area ${area.number} has no place on the comparison sheet`);
  sheet.block(row, cols.counts.first, [
    [
      area.shortName,
      ...SIDES.flatMap((side) => [
        ...levels.flatMap((l) => [
          f(savedApplicableAt(keys[side], status, area.number, l.number)),
          f(savedMetAt(keys[side], status, area.number, l.number)),
        ]),
        f(call('SUM', ...levels.map((_, li) => refTo(cell(row, cols.counts.applicable(side, li)))))),
      ]),
    ],
  ]);
  const levelFrom = (side: Side): Expr => {
    const applicable = levels.map((_, li) => cell(row, cols.counts.applicable(side, li)));
    const reached = levelReached(
      levels.map((_, li) =>
        satisfied(
          input.refs,
          cell(row, cols.counts.applicable(side, li)),
          cell(row, cols.counts.met(side, li)),
        ),
      ),
      applicable,
    );
    const snapshotLevel = ifChain(
      [
        [call('NOT', refTo(layout.settingsUsable)), str('')],
        [compare(refTo(cell(row, cols.counts.applicableAll(side))), '=', num(0)), str('')],
      ],
      reached,
    );
    return side === 'now'
      ? call(
          'IF',
          refTo(live),
          refTo(ref(sheetName(SUMMARY_SHEET), absolute(summaryRow.levelNo))),
          snapshotLevel,
        )
      : snapshotLevel;
  };
  sheet.block(row, cols.levels.first, [[area.shortName, f(levelFrom('then')), f(levelFrom('now'))]]);
  sheet.block(row, PRINTED.first, [
    [
      area.name,
      f(shownLevel(ctx, 'then', at.levelNo.then)),
      f(shownLevel(ctx, 'now', at.levelNo.now)),
      f(change(at.levelNo)),
    ],
  ]);
}

/** The level's name, or nothing while the label names no snapshot. */
function shownLevel({ input, layout, live }: Ctx, side: Side, levelNo: A1): Expr {
  const firstLevelName = input.framework.levels[0]?.name ?? 'the first level';
  const name = levelName(input.refs, layout.settingsUsable, levelNo, firstLevelName);
  const missing = compare(refTo(layout.found[side]), '=', num(0));
  return call('IF', side === 'now' ? call('AND', call('NOT', refTo(live)), missing) : missing, str(''), name);
}

/** Later minus earlier, in levels; blank unless both have a level. */
function change(levelNo: Readonly<Record<Side, A1>>): Expr {
  return call(
    'IF',
    call('OR', call('ISTEXT', refTo(levelNo.then)), call('ISTEXT', refTo(levelNo.now))),
    str(''),
    arith(refTo(levelNo.now), ['-', refTo(levelNo.then)]),
  );
}

/** The organisation: the lowest level of the areas that have one, on each side. */
function writeOverall(ctx: Ctx): void {
  const { input, sheet, cols, layout } = ctx;
  const nA = input.framework.areas.length;
  const row = COMPARISON_FIRST_ROW + nA;
  const lowest = (side: Side) => {
    const range = rect(COMPARISON_FIRST_ROW, cols.levels.level(side), nA, 1);
    return f(
      ifChain(
        [
          [call('NOT', refTo(layout.settingsUsable)), str('')],
          [compare(call('COUNT', refTo(range)), '=', num(0)), str('')],
        ],
        call('MIN', refTo(range)),
      ),
    );
  };
  sheet.block(row, cols.levels.first, [['Organisation', lowest('then'), lowest('now')]]);
  const o = layout.overall;
  sheet.block(row, PRINTED.first, [
    [
      'Organisation (lowest area)',
      f(shownLevel(ctx, 'then', o.levelNo.then)),
      f(shownLevel(ctx, 'now', o.levelNo.now)),
      f(change(o.levelNo)),
    ],
  ]);
}

/** The chart's rows: each area twice, earlier then later, named with the snapshot's label. */
function writeChartRows({ input, sheet, cols, layout }: Ctx): void {
  input.framework.areas.forEach((area, i) => {
    const at = layout.areas[i];
    if (!at) return;
    SIDES.forEach((side, s) => {
      sheet.block(COMPARISON_FIRST_ROW + 2 * i + s, cols.chart.category, [
        [
          f(call('CONCATENATE', str(`${area.shortName}: `), refTo(layout.label[side]))),
          f(refTo(at.levelNo[side])),
        ],
      ]);
    });
  });
}

function writeLists({ input, sheet, layout }: Ctx): void {
  const { rows, titles, headings } = input.lists;
  if (rows.length === 0) return;
  sheet.block(layout.listsTop, PRINTED.first, rows);
  for (const i of titles) {
    sheet.format(rect(layout.listsTop + i, PRINTED.first, 1, PRINTED.width), {
      bold: true,
      fontColor: COLOURS.title,
    });
  }
  for (const i of headings) {
    sheet.format(rect(layout.listsTop + i, PRINTED.first, 1, PRINTED.width), {
      bold: true,
      fill: COLOURS.header,
      borderBottom: true,
    });
  }
  sheet.format(rect(layout.listsTop, PRINTED.first, rows.length, PRINTED.width), {
    wrap: true,
    verticalTop: true,
  });
}

/** Formats: the label cells open for typing and kept as text, the table's header and widths. */
function formatSheet({ input, sheet, cols, layout }: Ctx): void {
  const nA = input.framework.areas.length;
  sheet.format(cell(COMPARISON_TITLE_ROW, 1), { bold: true, fontSize: 16, fontColor: COLOURS.title });
  sheet.format(cell(COMPARISON_NOTE_ROW, 1), { italic: true });
  for (const side of SIDES) {
    // Text, so a label typed as 2026-12-03 stays the label and is not turned into a date.
    sheet.format(layout.label[side], { locked: false, numberFormat: '@', bold: true, fill: COLOURS.input });
  }
  sheet.format(rect(COMPARISON_THEN_ROW, PRINTED.first, 2, 1), { bold: true });
  sheet.format(rect(COMPARISON_HEADER_ROW, PRINTED.first, 1, PRINTED.change), {
    bold: true,
    fill: COLOURS.header,
    wrap: true,
    verticalTop: true,
    borderBottom: true,
  });
  for (const first of [cols.chart.category, cols.levels.first, cols.counts.first]) {
    sheet.format(cell(COMPARISON_HEADER_ROW, first), { bold: true, fill: COLOURS.header });
  }
  sheet.format(rect(COMPARISON_FIRST_ROW + nA, PRINTED.first, 1, PRINTED.change), { bold: true });
  sheet.format(rect(COMPARISON_FIRST_ROW, PRINTED.change, nA + 1, 1), { numberFormat: '+0;-0;"No change"' });
  sheet
    .column(PRINTED.first, 170)
    .column(PRINTED.then, 130)
    .column(PRINTED.now, 130)
    .column(PRINTED.change, 90)
    .column(PRINTED.text, 330);
  for (let c = cols.chart.category; c <= cols.last; c++)
    sheet.column(c, c === cols.chart.category ? 160 : 70);
}

/** Level reached by area, earlier and later side by side, on an axis that names the levels. */
function comparisonChart({ input, layout }: Ctx): ChartPlan {
  const { framework } = input;
  const valueNames = [
    notYetText(framework.levels[0]?.name ?? 'the first level'),
    ...framework.levels.map((l) => l.name),
  ];
  const axes = levelAxes(valueNames);
  const levelKey = valueNames.map((n, i) => `${i} = ${n}`).join(', ');
  const title = 'Level reached by area, earlier and later';
  return {
    id: 'comparison-levels',
    sheet: COMPARISON_SHEET,
    kind: 'barClustered',
    title: axes.named ? title : `${title} (${levelKey})`,
    source: layout.chartSource,
    seriesBy: 'columns',
    from: cell(layout.chartTop, PRINTED.first),
    to: cell(layout.chartBottom, PRINTED.text),
    valueAxis: axes.valueAxis,
    ...(axes.secondaryValueAxis
      ? { secondaryValueAxis: axes.secondaryValueAxis, secondaryAxisCopy: true }
      : {}),
    // One bar per area and snapshot, named by its category: the earlier in grey, the later in the area's colour.
    series: [{ colour: LEVEL_COLOURS[1] }],
    pointColours: framework.areas.flatMap((a) => [LEVEL_COLOURS[0], areaColour(a.number)]),
    legend: false,
  };
}
