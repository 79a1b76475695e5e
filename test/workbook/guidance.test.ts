/**
 * Guidance beside every criterion: the framework's "Questions to ask in self assessment" for each
 * level, proved against the framework files themselves (read as JSON, not through the loader), on
 * the plan both adapters render. A framework without guidance (the 2009 draft) gets none and no
 * Guidance column at all.
 */
import draftFile from '../../framework/eqfsh-2009-draft.json';
import revisionFile from '../../framework/eqfsh-leadership-revision.json';
import { bundledFrameworks } from '../../src/domain/framework/bundled';
import type { Framework } from '../../src/domain/framework/types';
import { guidanceOf } from '../../src/domain/index';
import { parseRange } from '../../src/workbook/address';
import { buildPlan } from '../../src/workbook/buildPlan';
import {
  AREA_COLUMNS,
  AREA_FIRST_DATA_ROW,
  AREA_HEADER_ROW,
  areaColumnHeader,
} from '../../src/workbook/layout';
import type { PlanCell, SheetPlan } from '../../src/workbook/plan';
import { areaCriteria, areaLayoutOf } from '../../src/workbook/sheets/area';
import { questionsInCell } from '../../src/workbook/sheets/guidance';

const {
  draft2009: draft,
  leadershipRevision: revision,
  draftWithRevisedLeadership: combined,
} = bundledFrameworks;
const SETTINGS = { organisation: 'Example Homes', period: '2026/27', metThreshold: 3, requiredShare: 1 };
const GUIDANCE_HEADER = areaColumnHeader('guidance');

/** The questions the file gives for an area and level, straight from the JSON. */
function fileQuestions(
  file: { questions: readonly { area: number; level: number; questions: readonly string[] }[] },
  area: number,
  level: number,
): readonly string[] {
  return file.questions.find((q) => q.area === area && q.level === level)?.questions ?? [];
}

/** The value the plan writes at a 1-based row and column of a sheet (later blocks win). */
function planValue(sheet: SheetPlan, row: number, column: number): PlanCell | undefined {
  let found: PlanCell | undefined;
  for (const block of sheet.blocks) {
    const at = parseRange(block.at);
    const value = block.cells[row - at.row]?.[column - at.column];
    if (value !== undefined) found = value;
  }
  return found;
}

function areaSheet(framework: Framework, area: number): SheetPlan {
  const sheet = buildPlan(framework, SETTINGS).plan.sheets.find((s) => s.role === 'area' && s.area === area);
  if (!sheet) throw new Error(`no sheet for area ${area}`);
  return sheet;
}

function headers(sheet: SheetPlan): PlanCell[] {
  const width = Math.max(...sheet.columns.map((c) => c.column));
  return Array.from({ length: width }, (_, i) => planValue(sheet, AREA_HEADER_ROW, i + 1) ?? null);
}

describe('guidance of the Leadership revision, proved against its file', () => {
  it('gives every criterion at every level its level’s questions, as the file has them', () => {
    expect(revision.criteria.length).toBe(revisionFile.criteria.length);
    for (const c of revision.criteria) {
      const expected = fileQuestions(revisionFile, c.area, c.level);
      expect(expected.length).toBeGreaterThan(0);
      expect([c.id, guidanceOf(revision, c)]).toEqual([c.id, expected]);
    }
    // Every level of the area has its questions.
    for (const level of revisionFile.levels)
      expect(fileQuestions(revisionFile, 2, level.number).length).toBeGreaterThan(0);
  });

  it('puts a Guidance column beside the Criterion column, whose cells down each level read its questions in order, none left empty', () => {
    for (const framework of [revision, combined]) {
      const sheet = areaSheet(framework, 2);
      const layout = areaLayoutOf(framework, 2);
      expect(headers(sheet)).toEqual(layout.columns.map((c) => c.header));
      expect(layout.column('guidance')).toBe(layout.column('text') + 1);
      const column = layout.column('guidance');
      const criteria = areaCriteria(framework, 2);
      for (const level of framework.levels) {
        const rows = criteria.flatMap((c, i) => (c.level === level.number ? [AREA_FIRST_DATA_ROW + i] : []));
        const cells = rows.map((row) => planValue(sheet, row, column));
        for (const [i, value] of cells.entries()) {
          expect([rows[i], typeof value, String(value).trim() === '']).toEqual([rows[i], 'string', false]);
        }
        const read = cells.flatMap((value) => questionsInCell(String(value)));
        expect([level.name, read]).toEqual([level.name, fileQuestions(revisionFile, 2, level.number)]);
      }
    }
  });

  it('wraps the guidance and keeps the sheet one page wide when printed, with a page per level', () => {
    const sheet = areaSheet(revision, 2);
    const layout = areaLayoutOf(revision, 2);
    const column = layout.column('guidance');
    const wrapped = sheet.formats.some((f) => {
      const r = parseRange(f.range);
      return (
        f.wrap === true &&
        r.column <= column &&
        column < r.column + r.columns &&
        r.row === AREA_FIRST_DATA_ROW
      );
    });
    expect(wrapped).toBe(true);
    const page = sheet.page;
    if (!page || !('percent' in page.scaling)) throw new Error('the area sheet prints at a percentage');
    // The print area covers every visible column, guidance included, scaled to one A4 page wide.
    const printed = parseRange(page.printArea ?? 'A1');
    expect(printed.columns).toBe(layout.columns.filter((c) => !c.hidden).length);
    const points = layout.columns.filter((c) => !c.hidden).reduce((sum, c) => sum + c.width, 0);
    const printable = (11.69 - 0.8) * 72;
    expect((points * page.scaling.percent) / 100).toBeLessThanOrEqual(printable);
    expect(page.breaksBeforeRows.length).toBe(revision.levels.length - 1);
  });
});

describe('a framework without guidance', () => {
  it('has no guidance in the file, gives none for any criterion, and its sheets have no Guidance column', () => {
    expect(draftFile.questions).toEqual([]);
    for (const c of draft.criteria) expect([c.id, guidanceOf(draft, c)]).toEqual([c.id, []]);
    for (const area of draft.areas) {
      const sheet = areaSheet(draft, area.number);
      expect(headers(sheet)).toEqual(AREA_COLUMNS.map((c) => c.header));
      expect(headers(sheet)).not.toContain(GUIDANCE_HEADER);
    }
  });

  it('leaves the column out of the combined framework’s draft areas, and keeps it for its revised Leadership', () => {
    for (const area of combined.areas) {
      const has = headers(areaSheet(combined, area.number)).includes(GUIDANCE_HEADER);
      expect([area.shortName, has]).toEqual([area.shortName, area.number === 2]);
    }
  });
});
