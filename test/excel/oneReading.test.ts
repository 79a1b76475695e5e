/**
 * One reading of every value, in the sheet and in the add-in: each value of a table of over 200
 * that an officer can type or paste (test/builders/typedValues.ts) goes into the rating cells and
 * the review-date cells of a generated workbook on the fake (HyperFormula). For every cell the
 * sheet's verdict must equal the engine's:
 *  - "Counts as" is what the engine's readRating and the threshold make of the value;
 *  - each highlight is lit exactly where the engine's Check reports its rule;
 *  - the check that compares the Summary with the engine finds nothing damaged or mismatched.
 * The same values, where a file can hold them, are recalculated by LibreOffice in
 * test/libreoffice/oneReading.test.ts.
 */
import { bundledFrameworks, readRating, type CellValue } from '../../src/domain';
import { checkWorkbook } from '../../src/excel/checkWorkbook';
import { assessmentFrom } from '../../src/excel/readAssessment';
import { columnLetter, parseRange, rect } from '../../src/workbook/address';
import { AREA_FIRST_DATA_ROW, COUNTS_AS, areaColumn } from '../../src/workbook/layout';
import { areaCriteria } from '../../src/workbook/sheets/area';
import { highlightFormulaAt } from '../../src/workbook/sheets/highlights';
import { TYPED_VALUES, type TypedValue } from '../builders/typedValues';
import { gateway } from '../platform/fake-excel';
import { generateInto, SETTINGS } from './generateHelpers';

jest.setTimeout(300_000);

const draft = bundledFrameworks.draft2009;
const scale = draft.ratingScale;

/** What the engine makes of a rating cell, in the "Counts as" column's words. */
function engineCountsAs(raw: CellValue): string {
  const reading = readRating(raw, scale);
  switch (reading.kind) {
    case 'blank':
      return COUNTS_AS.unanswered;
    case 'na':
      return COUNTS_AS.na;
    case 'invalid':
      return COUNTS_AS.invalid;
    case 'rated':
      return reading.value >= SETTINGS.metThreshold ? COUNTS_AS.met : COUNTS_AS.notMet;
  }
}

interface Verdict {
  readonly value: string;
  readonly column: 'rating' | 'reviewDate';
  readonly rule: string;
  readonly lit: boolean;
}

/** Every rating and review-date cell of the draft, in sheet order. */
const places = draft.areas.flatMap((area) =>
  areaCriteria(draft, area.number).map((criterion, i) => ({
    sheet: area.shortName,
    row: AREA_FIRST_DATA_ROW + i,
    criterion,
  })),
);

/** The table cut into workbook-sized batches: one value per criterion row. */
const batches: TypedValue[][] = [];
for (let i = 0; i < TYPED_VALUES.length; i += places.length) {
  batches.push(TYPED_VALUES.slice(i, i + places.length));
}

describe('one reading of every typed or pasted value, on the fake', () => {
  it('has at least 200 values, of every kind the issue lists', () => {
    expect(TYPED_VALUES.length).toBeGreaterThanOrEqual(200);
    const typed = TYPED_VALUES.map((t) => t.typed);
    expect(typed.some((t) => typeof t === 'boolean')).toBe(true);
    expect(typed.some((t) => typeof t === 'string' && t.startsWith('=NA'))).toBe(true);
    expect(typed.some((t) => typeof t === 'string' && /\u200b/u.test(t))).toBe(true);
    expect(typed.some((t) => typeof t === 'string' && /^'\d\d\/\d\d\/\d{4}$/u.test(t))).toBe(true);
    expect(new Set(TYPED_VALUES.map((t) => t.name)).size).toBe(TYPED_VALUES.length);
  });

  it.each(batches.map((batch, i) => [i + 1, batch] as const))(
    'batch %i: Counts as, every highlight and the Summary agree with the engine',
    async (_n, batch) => {
      const g = await generateInto(draft);
      const today = new Date();
      for (const area of draft.areas) {
        const rows = places
          .map((p, i) => ({ ...p, value: batch[i] }))
          .filter((p) => p.sheet === area.shortName);
        const first = rows[0];
        if (!first) continue;
        const cells = rows.map((r) => [r.value?.typed ?? '']);
        for (const key of ['rating', 'reviewDate'] as const) {
          await g.doc.simulateEdit(area.shortName, rect(first.row, areaColumn(key), rows.length, 1), cells);
        }
      }
      const outcome = await checkWorkbook(gateway(g.doc), draft, g.built, { today });
      if (outcome.status !== 'checked') throw new Error(outcome.message);
      // The check that compares the Summary with the engine sees nothing damaged, whatever was typed.
      expect(
        outcome.problems
          .filter((p) => p.ruleId === 'formula-damaged' || p.ruleId === 'results-mismatch')
          .map((p) => p.message),
      ).toEqual([]);
      const responses = new Map(
        assessmentFrom(draft, outcome.snapshot).responses.map((r) => [r.criterionId, r]),
      );

      const mismatches: Verdict[] = [];
      const expectedVerdicts: Verdict[] = [];
      for (const area of draft.areas) {
        const plan = g.built.plan.sheets.find((s) => s.area === area.number);
        const engineSheet = g.doc.sheet(area.shortName).engineId;
        const countsAsColumn = columnLetter(areaColumn('countsAs'));
        places.forEach((place, i) => {
          const value = batch[i];
          if (place.sheet !== area.shortName || !value) return;
          const response = responses.get(place.criterion.id);
          const shown = g.doc.values(area.shortName, `${countsAsColumn}${place.row}`)[0]?.[0];
          const expected = engineCountsAs(response?.rating ?? null);
          if (shown !== expected) {
            mismatches.push({
              value: value.name,
              column: 'rating',
              rule: `Counts as ${String(shown)} in the sheet, ${expected} in the engine`,
              lit: false,
            });
          }
          for (const h of plan?.highlights ?? []) {
            const column = parseRange(h.range).column;
            const at = `'${area.shortName}'!${columnLetter(column)}${place.row}`;
            // A highlight whose formula gives an error is off in Excel, as FALSE is.
            const lit = g.doc.engine.calculateFormula(highlightFormulaAt(h, place.row), engineSheet) === true;
            const reported = outcome.problems.some((p) => p.ruleId === h.ruleId && p.cell === at);
            const verdict: Verdict = {
              value: value.name,
              column: column === areaColumn('rating') ? 'rating' : 'reviewDate',
              rule: h.ruleId,
              lit,
            };
            if (verdict.column === 'rating' || h.ruleId.startsWith('review-date')) {
              expectedVerdicts.push(verdict);
              if (lit !== reported) mismatches.push({ ...verdict, lit: reported });
            }
          }
        });
      }
      // Each mismatch names the value, the column, the rule and what the engine said.
      expect(mismatches).toEqual([]);
      expect(expectedVerdicts.length).toBeGreaterThan(batch.length * 2);
    },
  );
});
