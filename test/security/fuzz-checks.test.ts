/**
 * Fuzzing every check (and the scoring and action list the checks rest on) with whole assessments
 * of hostile cells: the bundled frameworks and random ones, rows missing, repeated and unknown,
 * every field any value. Nothing may throw; every issue must name its rule with the rule's
 * severity, start with where the problem is, read well, and offer only fixes that are valid.
 */
import fc from 'fast-check';
import { actionList } from '../../src/domain/actions';
import { CHECK_RULES, check } from '../../src/domain/checks';
import { bundledFrameworks } from '../../src/domain/framework/bundled';
import type { Framework } from '../../src/domain/framework/types';
import { readRating } from '../../src/domain/rating';
import type { ResponseRow } from '../../src/domain/responses';
import { score } from '../../src/domain/scoring';
import { frameworkArb, settingsArb } from '../builders/arbitraries';
import { cellsOf } from '../builders/responses';
import { expectReadable } from './readable';
import { rowCellValueArb } from './cellValues';

/** Rows for a framework: its ids (some repeated, some missing), strangers, and any cell values. */
function rowsArb(framework: Framework): fc.Arbitrary<ResponseRow[]> {
  const ids = framework.criteria.map((c) => c.id);
  const rowArb = fc.record({
    criterionId: fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...ids) },
      { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
      { weight: 1, arbitrary: fc.constantFrom('', ' 1.1', '1.1 ', '__proto__', 'constructor', '#REF!') },
    ),
    rating: rowCellValueArb,
    evidence: rowCellValueArb,
    difference: rowCellValueArb,
    owner: rowCellValueArb,
    reviewDate: rowCellValueArb,
    notes: rowCellValueArb,
    withCells: fc.boolean(),
  });
  return fc
    .array(rowArb, { maxLength: ids.length + 5 })
    .map((rows) =>
      rows.map(({ withCells, ...row }, i) =>
        withCells ? { ...row, cells: cellsOf("Area's sheet", i + 5) } : row,
      ),
    );
}

const frameworkUnderTestArb: fc.Arbitrary<Framework> = fc.oneof(
  fc.constantFrom(bundledFrameworks.draft2009, bundledFrameworks.leadershipRevision),
  frameworkArb,
);

const SEVERITY = new Map(CHECK_RULES.map((r) => [r.id, r.severity]));

describe('the checks', () => {
  it('never throw on any cells, and every issue names its place, its rule and a readable message', () => {
    const caseArb = frameworkUnderTestArb.chain((framework) =>
      fc.record({
        framework: fc.constant(framework),
        rows: rowsArb(framework),
        settings: settingsArb,
        today: fc.date({ min: new Date(1990, 0, 1), max: new Date(2100, 0, 1), noInvalidDate: true }),
      }),
    );
    fc.assert(
      fc.property(caseArb, ({ framework, rows, settings, today }) => {
        score(framework, rows, settings);
        actionList(framework, rows, settings);
        for (const issue of check(framework, rows, settings, { today })) {
          expect(SEVERITY.get(issue.ruleId)).toBe(issue.severity);
          expectReadable(issue.message);
          // Where the problem is comes first: the cell when it is known, else the criterion.
          const place = issue.cell ?? 'Criterion ';
          expect(issue.message.startsWith(place)).toBe(true);
          if (issue.fix) {
            const fixed = readRating(issue.fix.value, framework.ratingScale);
            expect(['rated', 'na']).toContain(fixed.kind);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('give the same issues for the same cells (no hidden state between runs)', () => {
    const framework = bundledFrameworks.draft2009;
    fc.assert(
      fc.property(rowsArb(framework), settingsArb, (rows, settings) => {
        const today = new Date(2026, 5, 1);
        const first = check(framework, rows, settings, { today });
        const second = check(framework, rows, settings, { today });
        expect(second).toEqual(first);
      }),
      { numRuns: 300 },
    );
  });
});
