/**
 * The in-sheet highlights (conditional formats) agree with the engine's checks: for random
 * entries, each highlight formula, evaluated by the formula engine for every row, is true exactly
 * where the engine reports the same rule for that cell.
 */
import fc from 'fast-check';
import { bundledFrameworks } from '../../src/domain/framework/bundled';
import { check } from '../../src/domain/checks';
import { readAssessment } from '../../src/excel/readAssessment';
import type { XlCellValue } from '../../src/excel/api';
import { AREA_FIRST_DATA_ROW, areaColumn } from '../../src/workbook/layout';
import { columnLetter, parseRange, rect } from '../../src/workbook/address';
import { CHECKED_BY_ADD_IN, highlightFormulaAt } from '../../src/workbook/sheets/highlights';
import { areaCriteria } from '../../src/workbook/sheets/area';
import { gateway } from '../platform/fake-excel';
import { generateInto } from './generateHelpers';

const draft = bundledFrameworks.draft2009;
const area = draft.areas[1]!;
const count = areaCriteria(draft, area.number).length;

/** Excel's serial number for a date a number of days from today. */
function serialFromToday(days: number): number {
  const now = new Date();
  const utc = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate() + days);
  return Math.round(utc / 86_400_000) + 25_569;
}

const rowArb = fc.record({
  rating: fc.constantFrom<XlCellValue>(1, 2, 3, 4, 'N/A', '', 'n/a', 'four', 7, 2.9999999999999996, 3.001),
  evidence: fc.constantFrom<XlCellValue>('', '   ', 'Board minutes, March'),
  notes: fc.constantFrom<XlCellValue>('', 'Not relevant: no stock in scope'),
  reviewDate: fc.constantFrom<XlCellValue>(
    '',
    serialFromToday(-30),
    serialFromToday(0),
    serialFromToday(45),
    "'01/04/2026",
    'TBC',
    3,
  ),
});

describe('highlights in the sheet', () => {
  it('are on every area sheet, as conditional formats over the criteria rows', async () => {
    const g = await generateInto(draft);
    for (const a of draft.areas) {
      const formats = g.doc.conditionalFormats(a.shortName);
      const planned = g.built.plan.sheets.find((s) => s.area === a.number)?.highlights ?? [];
      expect(formats.map((f) => f.formula)).toEqual(planned.map((h) => h.formula));
      expect(planned.length).toBe(5);
      // What no highlight can show is named on the sheet as checked by the add-in.
      expect(g.doc.values(a.shortName, 'A3')[0]?.[0]).toBe(CHECKED_BY_ADD_IN);
    }
  });

  it('light up exactly the cells the engine reports, for 40 random sets of entries', async () => {
    const g = await generateInto(draft);
    const plan = g.built.plan.sheets.find((s) => s.area === area.number);
    const highlights = plan?.highlights ?? [];
    const engineSheet = g.doc.sheet(area.shortName).engineId;
    await fc.assert(
      fc.asyncProperty(fc.array(rowArb, { minLength: count, maxLength: count }), async (rows) => {
        const write = async (key: 'rating' | 'evidence' | 'notes' | 'reviewDate') =>
          g.doc.simulateEdit(
            area.shortName,
            rect(AREA_FIRST_DATA_ROW, areaColumn(key), count, 1),
            rows.map((r) => [r[key]]),
          );
        await write('rating');
        await write('evidence');
        await write('notes');
        await write('reviewDate');
        const read = await readAssessment(gateway(g.doc), draft);
        const issues = check(draft, read.responses, read.settings!, { today: new Date() });
        for (const h of highlights) {
          const { column } = parseRange(h.range);
          for (let i = 0; i < count; i++) {
            const row = AREA_FIRST_DATA_ROW + i;
            const at = `'${area.shortName}'!${columnLetter(column)}${row}`;
            const lit = g.doc.engine.calculateFormula(highlightFormulaAt(h, row), engineSheet);
            const reported = issues.some((x) => x.ruleId === h.ruleId && x.cell === at);
            expect({ at, rule: h.ruleId, lit }).toEqual({ at, rule: h.ruleId, lit: reported });
          }
        }
      }),
      { numRuns: 40, seed: 7 },
    );
  }, 60_000);
});
