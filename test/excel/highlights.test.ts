/**
 * The in-sheet highlights (conditional formats) agree with the engine's checks: for random
 * entries, each highlight formula, evaluated by the formula engine for every row, is true exactly
 * where the engine reports the same rule for that cell.
 */
import fc from 'fast-check';
import { bundledFrameworks } from '../../src/domain/framework/bundled';
import type { Framework } from '../../src/domain/framework/types';
import { check } from '../../src/domain/checks';
import { readAssessment } from '../../src/excel/readAssessment';
import type { XlCellValue } from '../../src/excel/api';
import { AREA_FIRST_DATA_ROW } from '../../src/workbook/layout';
import { columnLetter, parseRange, rect } from '../../src/workbook/address';
import { CHECKED_BY_ADD_IN, highlightFormulaAt } from '../../src/workbook/sheets/highlights';
import { areaCriteria, areaLayoutOf } from '../../src/workbook/sheets/area';
import { gateway } from '../platform/fake-excel';
import { generateInto } from './generateHelpers';

const draft = bundledFrameworks.draft2009;
const revision = bundledFrameworks.leadershipRevision;
const area = draft.areas[1]!;

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
    await lightUpAsReported(draft, area.number, 40);
  }, 60_000);

  it('follow the columns of a sheet with the Guidance column (the revision’s Leadership)', async () => {
    await lightUpAsReported(revision, 2, 10);
  }, 60_000);
});

/** Random entries on one area sheet, then every highlight compared with the engine, cell by cell. */
async function lightUpAsReported(framework: Framework, areaNumber: number, numRuns: number): Promise<void> {
  const g = await generateInto(framework);
  const sheet = framework.areas.find((a) => a.number === areaNumber)?.shortName ?? '';
  const n = areaCriteria(framework, areaNumber).length;
  const layout = areaLayoutOf(framework, areaNumber);
  const highlights = g.built.plan.sheets.find((s) => s.area === areaNumber)?.highlights ?? [];
  const engineSheet = g.doc.sheet(sheet).engineId;
  await fc.assert(
    fc.asyncProperty(fc.array(rowArb, { minLength: n, maxLength: n }), async (rows) => {
      const write = async (key: 'rating' | 'evidence' | 'notes' | 'reviewDate') =>
        g.doc.simulateEdit(
          sheet,
          rect(AREA_FIRST_DATA_ROW, layout.column(key), n, 1),
          rows.map((r) => [r[key]]),
        );
      await write('rating');
      await write('evidence');
      await write('notes');
      await write('reviewDate');
      const read = await readAssessment(gateway(g.doc), framework);
      const issues = check(framework, read.responses, read.settings!, { today: new Date() });
      for (const h of highlights) {
        const { column } = parseRange(h.range);
        for (let i = 0; i < n; i++) {
          const row = AREA_FIRST_DATA_ROW + i;
          const at = `'${sheet}'!${columnLetter(column)}${row}`;
          const lit = g.doc.engine.calculateFormula(highlightFormulaAt(h, row), engineSheet);
          const reported = issues.some((x) => x.ruleId === h.ruleId && x.cell === at);
          expect({ at, rule: h.ruleId, lit }).toEqual({ at, rule: h.ruleId, lit: reported });
        }
      }
    }),
    { numRuns, seed: 7 },
  );
}
