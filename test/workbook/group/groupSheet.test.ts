/**
 * The Group comparison sheet as planned: the heat map fills the level words (never colour alone:
 * the words are the cells' formulas, the fill a conditional format read from the level number),
 * one distinct fill per level; a member read through a mapping says so in its row; the file is
 * named without its folders; the chart draws each organisation's level numbers by area; and the
 * sheet holds no formula that platform-facts.md rules out.
 */
import { bundledFrameworks } from '../../../src/domain/framework/bundled';
import type { Framework } from '../../../src/domain/framework/types';
import { parseRange } from '../../../src/workbook/address';
import { prepareGroup, type GroupFile } from '../../../src/workbook/group/groupInput';
import { FIRST_MEMBER_ROW, GROUP_SHEET, LEVELS_HEADER_ROW } from '../../../src/workbook/group/groupLayout';
import { buildGroupPlan } from '../../../src/workbook/group/groupPlan';
import { isFormula, type PlanCell, type SheetPlan } from '../../../src/workbook/plan';
import { bundledMappings } from '../../../src/taskpane/bundledMappings';
import { rowsOf } from '../../builders/arbitraries';

const { draft2009, draftWithRevisedLeadership } = bundledFrameworks;

function file(name: string, organisation: string, framework: Framework): GroupFile {
  return {
    fileName: name,
    framework,
    organisation,
    period: '2026/27',
    responses: rowsOf(
      framework,
      framework.criteria.map(() => 4),
    ),
    settings: { metThreshold: 3, requiredShare: 0.8 },
    problems: [],
    missingSheets: [],
  };
}

function cellAt(sheet: SheetPlan, row: number, column: number): PlanCell | undefined {
  for (const block of sheet.blocks) {
    const at = parseRange(block.at);
    const r = row - at.row;
    const c = column - at.column;
    if (r >= 0 && c >= 0 && r < block.cells.length && c < (block.cells[0]?.length ?? 0))
      return block.cells[r]?.[c];
  }
  return undefined;
}

const group = prepareGroup(
  [
    file('folder/old-draft.xlsx', 'Old', draft2009),
    file('new-1.xlsx', 'New 1', draftWithRevisedLeadership),
    file('new-2.xlsx', 'New 2', draftWithRevisedLeadership),
  ],
  bundledMappings,
);
if (group.status !== 'prepared') throw new Error(group.message);
const { plan, layout } = buildGroupPlan(group, { year: 2026, month: 12, day: 3 });
const sheet = plan.sheets.find((s) => s.name === GROUP_SHEET)!;

describe('the Group comparison sheet', () => {
  it('fills the level words by level, one distinct fill per level and for "not yet", over every level cell', () => {
    const levels = draftWithRevisedLeadership.levels.length;
    const heat = parseRange(sheet.highlights?.[0]?.range ?? 'A1');
    expect([heat.rows, heat.columns]).toEqual([3, draftWithRevisedLeadership.areas.length + 1]);
    expect(sheet.highlights).toHaveLength(levels + 1);
    expect(new Set(sheet.highlights?.map((h) => h.range)).size).toBe(1);
    expect(new Set(sheet.highlights?.map((h) => h.fill)).size).toBe(levels + 1);
    // The words are in the cells themselves.
    const first = cellAt(sheet, FIRST_MEMBER_ROW, layout.table.area(0));
    expect(first !== undefined && isFormula(first) && first.formula).toMatch(
      /^=IF\(ISTEXT\(.*"No applicable criteria"/,
    );
  });

  it('says in its row that a member was read through the mapping, and names files without their folders', () => {
    expect(cellAt(sheet, FIRST_MEMBER_ROW, layout.table.note)).toMatch(
      /^Made from .* read through the add-in's mapping/,
    );
    expect(cellAt(sheet, FIRST_MEMBER_ROW + 1, layout.table.note)).toBe('');
    expect(cellAt(sheet, FIRST_MEMBER_ROW, layout.table.file)).toBe('old-draft.xlsx');
  });

  it('charts each organisation’s level by area from the level numbers the heat map reads, under the tables', () => {
    const { areas } = draftWithRevisedLeadership;
    const members = group.members.length;
    expect(plan.charts).toHaveLength(1);
    const chart = plan.charts[0]!;
    expect([chart.sheet, chart.kind, chart.seriesBy]).toEqual([GROUP_SHEET, 'columnClustered', 'columns']);
    // The source: a header row naming the areas, a first column naming each organisation and period,
    // then one column per area holding that organisation's level number (the heat map's, checked
    // against the engine in test/excel/groupMatchesEngine.test.ts and LibreOffice's recalculation).
    expect(parseRange(chart.source)).toEqual({
      row: LEVELS_HEADER_ROW,
      column: layout.work.label,
      rows: members + 1,
      columns: areas.length + 1,
    });
    expect(FIRST_MEMBER_ROW).toBe(LEVELS_HEADER_ROW + 1);
    areas.forEach((area, i) => {
      expect(layout.work.levelNo(i)).toBe(layout.work.label + 1 + i);
      expect(cellAt(sheet, LEVELS_HEADER_ROW, layout.work.levelNo(i))).toBe(area.shortName);
    });
    expect(group.members.map((m) => cellAt(sheet, layout.memberRow(m.number), layout.work.label))).toEqual([
      'Old, 2026/27',
      'New 1, 2026/27',
      'New 2, 2026/27',
    ]);
    expect(chart.series).toHaveLength(areas.length);
    expect(new Set(chart.series.map((s) => s.colour)).size).toBe(areas.length);
    expect(chart.valueAxis).toMatchObject({
      min: 0,
      max: draftWithRevisedLeadership.levels.length,
      majorUnit: 1,
    });
    // The axis is numbered; its key, in the title, says what each number means.
    expect(chart.title).toMatch(
      /^Level reached by area, each organisation \(0 = Not yet Developing, 1 = Developing, /,
    );
    expect(chart.legend).toBe(true);
    // Placed under the share table and above the lists of blocking criteria.
    expect(parseRange(chart.from).row).toBe(layout.chartTop);
    expect(parseRange(chart.to).row).toBe(layout.chartBottom);
    expect(layout.chartTop).toBeGreaterThan(layout.shares.first + members - 1);
    expect(layout.listsTop).toBeGreaterThan(layout.chartBottom);
  });

  it('uses no LET, AVERAGEIFS, INDIRECT or TEXT on either sheet', () => {
    const formulas = plan.sheets.flatMap((s) =>
      s.blocks.flatMap((b) => b.cells.flat().flatMap((c) => (isFormula(c) ? [c.formula] : []))),
    );
    expect(formulas.length).toBeGreaterThan(3 * draftWithRevisedLeadership.criteria.length);
    expect(formulas.filter((f) => /\b(LET|AVERAGEIFS|INDIRECT|TEXT)\(/.test(f))).toEqual([]);
  });
});
