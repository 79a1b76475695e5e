/**
 * The Group comparison sheet: one row per organisation with its level in each area and overall,
 * in words, over a fill by level (a heat map that never relies on colour alone); the share of
 * criteria met at each level and how complete each assessment is; a chart of the levels by area;
 * and, under it, the criteria most often holding the group back from each level.
 *
 * The levels, shares and completeness are formulas: counts over the Group responses sheet
 * (COUNTIFS on the organisation's number, the area, the level and "Counts as"), then the
 * Summary's level rule (ratingFormulas.ts) with each organisation's own threshold and required
 * share, written in its row. The blocking criteria are the engine's, written as values (blocking.ts).
 */
import {
  formatDate,
  NO_APPLICABLE_CRITERIA,
  notYetText,
  SHOWN_SHARE_EPSILON,
  type CalendarDate,
  type Framework,
} from '../../domain';
import { absolute, cell, rect, type A1 } from '../address';
import { areaColour } from '../chartStyle';
import { arith, call, compare, formula, ifChain, num, refTo, str, type Expr } from '../formula';
import { COLOURS, COUNTS_AS } from '../layout';
import type { ChartPlan, PlanCell, SheetPlan } from '../plan';
import { completeness, levelReached, satisfied } from '../ratingFormulas';
import { SheetBuilder } from '../sheets/sheetBuilder';
import type { LevelBlockers } from './blocking';
import { groupListRows } from './groupLists';
import type { GroupMember } from './groupInput';
import {
  FIRST_MEMBER_ROW,
  GROUP_MADE_ROW,
  GROUP_NOTE_ROW,
  GROUP_SHEET,
  GROUP_TITLE_ROW,
  LEVELS_HEADER_ROW,
  LEVELS_TITLE_ROW,
  RESPONSE_COLUMNS,
  type GroupLayout,
} from './groupLayout';

export interface GroupSheetInput {
  readonly framework: Framework;
  readonly members: readonly GroupMember[];
  readonly layout: GroupLayout;
  readonly blockers: readonly LevelBlockers[];
  readonly today: CalendarDate;
}

interface Ctx extends GroupSheetInput {
  readonly sheet: SheetBuilder;
  readonly levels: Framework['levels'];
}

/** The heat map's fills: "not yet" a light red, the levels from light yellow to green (words carry the meaning). */
const NOT_YET_FILL = '#F4CCCC';
const LEVEL_FILLS = ['#FFF2CC', '#D9EAD3', '#B6D7A8', '#93C47D'] as const;

export function levelFill(index: number, levels: number): string {
  const at = Math.max(0, Math.min(LEVEL_FILLS.length - 1, LEVEL_FILLS.length - levels + index));
  return LEVEL_FILLS[at]!;
}

const f = (e: Expr): PlanCell => ({ formula: formula(e) });
const at = (row: number, column: number): A1 => cell(row, column);

export function buildGroupSheet(input: GroupSheetInput): { sheet: SheetPlan; chart: ChartPlan } {
  const ctx: Ctx = {
    ...input,
    sheet: new SheetBuilder(GROUP_SHEET, 'report'),
    levels: [...input.framework.levels].sort((a, b) => a.number - b.number),
  };
  writeHeadings(ctx);
  for (const m of input.members) {
    writeWorkings(ctx, m);
    writeRows(ctx, m);
  }
  writeLists(ctx);
  formatSheet(ctx);
  heatMap(ctx);
  const { layout } = input;
  const listsBottom = layout.listsTop + groupListRows(ctx).rows.length;
  return {
    sheet: ctx.sheet.build({
      visible: true,
      protect: true,
      landscape: true,
      tabColor: COLOURS.title,
      freeze: { rows: 0, columns: 2 },
      // The tables, the chart and the lists; the workings to the right do not print.
      print: { onePage: false, printArea: rect(1, 1, listsBottom, layout.printedWidth) },
    }),
    chart: groupChart(ctx),
  };
}

function writeHeadings({ sheet, framework, members, layout, levels, today }: Ctx): void {
  sheet.block(GROUP_TITLE_ROW, 1, [['Group comparison']]);
  sheet.block(GROUP_NOTE_ROW, 1, [
    [
      'Levels, shares met and completeness are calculated by formulas from the Group responses sheet, each organisation with its own threshold and required share (as on its Start sheet, shown in its row). Each level is written in words; the fill only repeats it. Completeness is the share of applicable criteria answered.',
    ],
  ]);
  sheet.block(GROUP_MADE_ROW, 1, [
    [
      `Made by the add-in on ${formatDate(today)} from ${members.length} assessments of ${framework.title} (version ${framework.version}).`,
    ],
  ]);
  sheet.block(LEVELS_TITLE_ROW, 1, [['Level reached by area']]);
  sheet.block(LEVELS_HEADER_ROW, 1, [
    [
      'Organisation',
      'Period',
      ...framework.areas.map((a) => a.shortName),
      'Overall (lowest area)',
      'Met at rating',
      'Share required',
      'File',
      'Note',
    ],
  ]);
  sheet.block(layout.shares.title, 1, [['Share of criteria met at each level, and completeness']]);
  sheet.block(layout.shares.header, 1, [
    ['Organisation', 'Period', ...levels.map((l) => `${l.name}: share met`), 'Completeness'],
  ]);
  const w = layout.work;
  const areaLevelHeads = framework.areas.flatMap((a) =>
    levels.flatMap((l) => [`${a.shortName} ${l.name}: applicable`, `${a.shortName} ${l.name}: met`]),
  );
  sheet.block(LEVELS_HEADER_ROW, w.label, [
    [
      'Organisation, period',
      ...framework.areas.map((a) => a.shortName),
      'Organisation',
      ...areaLevelHeads,
      ...framework.areas.map((a) => `${a.shortName}: applicable`),
      ...levels.flatMap((l) => [`${l.name}: applicable`, `${l.name}: met`]),
      'Applicable',
      'Answered',
    ],
  ]);
}

/** Counts over the Group responses rows of organisation `m` that match every (column, value) pair. */
function countIfs(layout: GroupLayout, m: number, pairs: readonly (readonly [number, Expr])[]): Expr {
  const all: (readonly [number, Expr])[] = [[RESPONSE_COLUMNS.number, num(m)], ...pairs];
  return call('COUNTIFS', ...all.flatMap(([column, value]) => [refTo(layout.responseRange(column)), value]));
}

const APPLICABLE = str(`<>${COUNTS_AS.na}`);

/** One organisation's workings: counts per area and level, level numbers, totals. */
function writeWorkings({ sheet, framework, layout, levels }: Ctx, m: GroupMember): void {
  const row = layout.memberRow(m.number);
  const w = layout.work;
  const share = { requiredShare: absolute(at(row, layout.table.share)) };
  const C = RESPONSE_COLUMNS;
  const cells: PlanCell[] = Array.from({ length: w.last - w.label + 1 }, () => null);
  const put = (column: number, value: PlanCell) => {
    cells[column - w.label] = value;
  };
  put(w.label, `${m.organisation}, ${m.period}`);
  framework.areas.forEach((area, i) => {
    levels.forEach((level, l) => {
      const key = [
        [C.area, num(area.number)],
        [C.level, num(level.number)],
      ] as const;
      put(w.applicable(i, l), f(countIfs(layout, m.number, [...key, [C.countsAs, APPLICABLE]])));
      put(w.met(i, l), f(countIfs(layout, m.number, [...key, [C.countsAs, str(COUNTS_AS.met)]])));
    });
    const applicable = levels.map((_, l) => at(row, w.applicable(i, l)));
    put(w.areaApplicable(i), f(call('SUM', ...applicable.map((a) => refTo(a)))));
    const reached = levelReached(
      levels.map((_, l) => satisfied(share, at(row, w.applicable(i, l)), at(row, w.met(i, l)))),
      applicable,
    );
    put(
      w.levelNo(i),
      f(call('IF', compare(refTo(at(row, w.areaApplicable(i))), '=', num(0)), str(''), reached)),
    );
  });
  const areaNos = refTo(rect(row, w.levelNo(0), 1, framework.areas.length));
  put(
    w.overallNo,
    f(call('IF', compare(call('COUNT', areaNos), '=', num(0)), str(''), call('MIN', areaNos))),
  );
  levels.forEach((_, l) => {
    put(
      w.levelApplicable(l),
      f(call('SUM', ...framework.areas.map((__, i) => refTo(at(row, w.applicable(i, l)))))),
    );
    put(w.levelMet(l), f(call('SUM', ...framework.areas.map((__, i) => refTo(at(row, w.met(i, l)))))));
  });
  put(
    w.totalApplicable,
    f(call('SUM', ...framework.areas.map((_, i) => refTo(at(row, w.areaApplicable(i)))))),
  );
  put(
    w.totalAnswered,
    f(
      arith(countIfs(layout, m.number, [[C.countsAs, str(COUNTS_AS.met)]]), [
        '+',
        countIfs(layout, m.number, [[C.countsAs, str(COUNTS_AS.notMet)]]),
      ]),
    ),
  );
  sheet.block(row, w.label, [cells]);
}

/** The level's words: its name, "Not yet …", or "No applicable criteria" when the number is blank. */
function levelWords({ layout, levels }: Ctx, levelNo: A1): Expr {
  const no = refTo(levelNo);
  return ifChain(
    [
      [call('ISTEXT', no), str(NO_APPLICABLE_CRITERIA)],
      [compare(no, '=', num(0)), str(notYetText(levels[0]?.name ?? 'the first level'))],
    ],
    call('INDEX', refTo(layout.levelNames), no),
  );
}

/** Share met at a level, rounded down to a whole percentage as everywhere; blank when nothing there is applicable. */
function shareMet(applicable: A1, met: A1): Expr {
  return call(
    'IF',
    compare(refTo(applicable), '=', num(0)),
    str(''),
    arith(
      call(
        'INT',
        arith(refTo(met), ['/', refTo(applicable)], ['*', num(100)], ['+', num(SHOWN_SHARE_EPSILON)]),
      ),
      ['/', num(100)],
    ),
  );
}

/** The file's own name, without the folders a command line gave it. */
function fileNameOf(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** The organisation's row in the level table and in the share table. */
function writeRows(ctx: Ctx, m: GroupMember): void {
  const { sheet, framework, layout, levels } = ctx;
  const row = layout.memberRow(m.number);
  const w = layout.work;
  const note = m.mappedFrom
    ? `Made from ${m.mappedFrom.title} (version ${m.mappedFrom.version}); read through the add-in's mapping: criteria with no counterpart count as not answered.`
    : '';
  sheet.block(row, 1, [
    [
      m.organisation,
      m.period,
      ...framework.areas.map((_, i) => f(levelWords(ctx, at(row, w.levelNo(i))))),
      f(levelWords(ctx, at(row, w.overallNo))),
      m.settings.metThreshold,
      m.settings.requiredShare,
      fileNameOf(m.fileName),
      note,
    ],
  ]);
  sheet.block(layout.shares.first + m.number - 1, 1, [
    [
      m.organisation,
      m.period,
      ...levels.map((_, l) => f(shareMet(at(row, w.levelApplicable(l)), at(row, w.levelMet(l))))),
      f(completeness(at(row, w.totalApplicable), at(row, w.totalAnswered))),
    ],
  ]);
}

function writeLists(ctx: Ctx): void {
  const { sheet, layout } = ctx;
  const { rows, titles, headings, width } = groupListRows(ctx);
  sheet.block(layout.listsTop, 1, rows);
  for (const i of titles) {
    sheet.format(rect(layout.listsTop + i, 1, 1, width), { bold: true, fontColor: COLOURS.title });
  }
  for (const i of headings) {
    sheet.format(rect(layout.listsTop + i, 1, 1, width), {
      bold: true,
      fill: COLOURS.header,
      borderBottom: true,
    });
  }
  // The title and the line under it run across the page; the criteria wrap in their columns.
  sheet.format(cell(layout.listsTop + 1, 1), { italic: true });
  if (rows.length > 2)
    sheet.format(rect(layout.listsTop + 2, 1, rows.length - 2, width), { wrap: true, verticalTop: true });
}

/** Each level cell filled by its level, from the level number beside it in the workings. */
function heatMap({ sheet, layout, members, levels }: Ctx): void {
  if (members.length === 0) return;
  const words = rect(FIRST_MEMBER_ROW, layout.table.area(0), members.length, layout.areas + 1);
  // Relative: Excel reads the formula for the range's top-left cell and moves it for the others.
  const no = refTo(cell(FIRST_MEMBER_ROW, layout.work.levelNo(0)));
  const isLevel = (value: number) => formula(call('AND', call('ISNUMBER', no), compare(no, '=', num(value))));
  sheet.highlight({ range: words, ruleId: 'group-level-0', formula: isLevel(0), fill: NOT_YET_FILL });
  levels.forEach((_, l) =>
    sheet.highlight({
      range: words,
      ruleId: `group-level-${l + 1}`,
      formula: isLevel(l + 1),
      fill: levelFill(l, levels.length),
    }),
  );
}

function formatSheet({ sheet, layout, members, levels }: Ctx): void {
  const n = Math.max(1, members.length);
  const width = layout.printedWidth;
  sheet.format(cell(GROUP_TITLE_ROW, 1), { bold: true, fontSize: 16, fontColor: COLOURS.title });
  sheet.format(rect(GROUP_NOTE_ROW, 1, 2, 1), { italic: true });
  for (const title of [LEVELS_TITLE_ROW, layout.shares.title]) {
    sheet.format(cell(title, 1), { bold: true, fontColor: COLOURS.title });
  }
  for (const header of [LEVELS_HEADER_ROW, layout.shares.header]) {
    sheet.format(rect(header, 1, 1, width), {
      bold: true,
      fill: COLOURS.header,
      wrap: true,
      verticalTop: true,
      borderBottom: true,
    });
  }
  sheet.format(cell(LEVELS_HEADER_ROW, layout.work.label), { bold: true, fill: COLOURS.header });
  sheet.format(rect(FIRST_MEMBER_ROW, layout.table.overall, n, 1), { bold: true });
  sheet.format(rect(FIRST_MEMBER_ROW, layout.table.share, n, 1), { numberFormat: '0%' });
  sheet.format(rect(FIRST_MEMBER_ROW, layout.table.note, n, 1), { wrap: true, verticalTop: true });
  sheet.format(rect(layout.shares.first, 3, n, levels.length + 1), { numberFormat: '0%' });
  sheet.column(1, 170).column(2, 80);
  for (let c = 3; c <= layout.table.overall; c++) sheet.column(c, 105);
  sheet
    .column(layout.table.threshold, 75)
    .column(layout.table.share, 75)
    .column(layout.table.file, 140)
    .column(layout.table.note, 200);
  for (let c = layout.work.label; c <= layout.work.last; c++)
    sheet.column(c, c === layout.work.label ? 160 : 70);
}

/** Each organisation's level in each area, as bars in the area's colour, on a numbered level axis with its key. */
function groupChart({ framework, layout, members, levels }: Ctx): ChartPlan {
  const key = [notYetText(levels[0]?.name ?? 'the first level'), ...levels.map((l) => l.name)]
    .map((name, i) => `${i} = ${name}`)
    .join(', ');
  return {
    id: 'group-levels',
    sheet: GROUP_SHEET,
    kind: 'columnClustered',
    title: `Level reached by area, each organisation (${key})`,
    source: rect(
      LEVELS_HEADER_ROW,
      layout.work.label,
      Math.max(1, members.length) + 1,
      framework.areas.length + 1,
    ),
    seriesBy: 'columns',
    from: cell(layout.chartTop, 1),
    to: cell(layout.chartBottom, layout.printedWidth),
    valueAxis: { min: 0, max: levels.length, majorUnit: 1 },
    series: framework.areas.map((a) => ({ colour: areaColour(a.number) })),
    legend: true,
  };
}
