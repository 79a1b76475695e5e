/**
 * The Group comparison sheet as planned: the heat map fills the level words (never colour alone:
 * the words are the cells' formulas, the fill a conditional format read from the level number),
 * one distinct fill per level; a member read through a mapping says so in its row; the file is
 * named without its folders; and the sheet holds no formula that platform-facts.md rules out.
 */
import { bundledFrameworks } from '../../../src/domain/framework/bundled';
import type { Framework } from '../../../src/domain/framework/types';
import { parseRange } from '../../../src/workbook/address';
import { prepareGroup, type GroupFile } from '../../../src/workbook/group/groupInput';
import { FIRST_MEMBER_ROW, GROUP_SHEET } from '../../../src/workbook/group/groupLayout';
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

  it('uses no LET, AVERAGEIFS, INDIRECT or TEXT on either sheet', () => {
    const formulas = plan.sheets.flatMap((s) =>
      s.blocks.flatMap((b) => b.cells.flat().flatMap((c) => (isFormula(c) ? [c.formula] : []))),
    );
    expect(formulas.length).toBeGreaterThan(3 * draftWithRevisedLeadership.criteria.length);
    expect(formulas.filter((f) => /\b(LET|AVERAGEIFS|INDIRECT|TEXT)\(/.test(f))).toEqual([]);
  });
});
