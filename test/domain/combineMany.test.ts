/**
 * Combining several copies at once (issue 23: a department each, or 200 copies of a group): the
 * copies folded in order under one rule. Checked against an independent walk of the rule: "theirs"
 * leaves each criterion as the last copy that said something different; "both" keeps every value
 * of ours and joins every copy's differing text; and one copy gives what combining it alone gives.
 */
import fc from 'fast-check';
import { copyFieldsArb } from '../builders/arbitraries';
import {
  bundledFrameworks,
  combineChoice,
  combineMany,
  compareCopies,
  RESPONSE_FIELDS,
  type CellValue,
  type ResponseRow,
} from '../../src/domain';

const framework = bundledFrameworks.draft2009;
const TEXT_FIELDS = ['evidence', 'difference', 'owner', 'notes'] as const;

/** A copy filling some criteria (the criteria the 2009 draft gives its own wording need no text). */
const copy: fc.Arbitrary<ResponseRow[]> = fc
  .uniqueArray(
    fc
      .tuple(fc.nat({ max: framework.criteria.length - 1 }), copyFieldsArb)
      .map(([index, fields]) => ({ index, ...fields })),
    { maxLength: 30, selector: (r) => r.index },
  )
  .map((rows) =>
    rows.map(({ index, ...fields }) => {
      const c = framework.criteria[index]!;
      return { criterionId: c.id, area: c.area, ...fields };
    }),
  );

const blank = (v: CellValue) => v === '' || v === null || v === undefined;
type Fields = Record<(typeof RESPONSE_FIELDS)[number], CellValue>;
const fieldsOf = (rows: readonly ResponseRow[], area: number, id: string): Fields => {
  const row = rows.find((r) => r.area === area && r.criterionId === id);
  return Object.fromEntries(RESPONSE_FIELDS.map((f) => [f, row?.[f] ?? ''])) as Fields;
};
const same = (a: CellValue, b: CellValue) => (blank(a) && blank(b)) || String(a) === String(b);

describe('combining several copies', () => {
  it('under "theirs", leaves each criterion as the last copy that said something different', () => {
    fc.assert(
      fc.property(copy, fc.array(copy, { minLength: 1, maxLength: 4 }), (ours, copies) => {
        const named = copies.map((responses, i) => ({ name: `copy${i}.xlsx`, responses }));
        const { criteria } = combineMany(framework, ours, named, 'theirs');
        for (const item of criteria) {
          const { area, id } = item.criterion;
          let expected = fieldsOf(ours, area, id);
          for (const c of copies) {
            const theirs = fieldsOf(c, area, id);
            const theirsBlank = RESPONSE_FIELDS.every((f) => blank(theirs[f]));
            if (!theirsBlank && RESPONSE_FIELDS.some((f) => !same(expected[f], theirs[f]))) expected = theirs;
          }
          for (const f of RESPONSE_FIELDS) expect(same(item.theirs[f], expected[f])).toBe(true);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('under "both", loses nothing: ours kept, every copy’s differing text joined in', () => {
    fc.assert(
      fc.property(copy, fc.array(copy, { minLength: 1, maxLength: 4 }), (ours, copies) => {
        const named = copies.map((responses, i) => ({ name: `copy${i}.xlsx`, responses }));
        const { criteria } = combineMany(framework, ours, named, 'both');
        for (const item of criteria) {
          const { area, id } = item.criterion;
          const mine = fieldsOf(ours, area, id);
          for (const f of RESPONSE_FIELDS) {
            // What we had stays where it was: unchanged, or the start of the joined text.
            if (!blank(mine[f])) expect(String(item.theirs[f]).startsWith(String(mine[f]))).toBe(true);
          }
          for (const c of copies) {
            const theirs = fieldsOf(c, area, id);
            for (const f of TEXT_FIELDS) {
              if (!blank(theirs[f])) expect(String(item.theirs[f])).toContain(String(theirs[f]));
            }
          }
        }
      }),
      { numRuns: 30 },
    );
  });

  it('with one copy gives what combining that copy alone gives, and counts each copy', () => {
    fc.assert(
      fc.property(copy, copy, fc.constantFrom('both' as const, 'theirs' as const), (ours, theirs, rule) => {
        const many = combineMany(framework, ours, [{ name: 'hr.xlsx', responses: theirs }], rule);
        const single = compareCopies(framework, ours, theirs);
        expect(many.perCopy).toEqual([{ name: 'hr.xlsx', counts: single.counts }]);
        for (const [i, item] of single.criteria.entries()) {
          const choice = item.state === 'new' ? 'theirs' : item.state === 'conflict' ? rule : 'ours';
          const { values } = combineChoice(item, choice, 'hr.xlsx');
          for (const f of RESPONSE_FIELDS) expect(same(many.criteria[i]!.theirs[f], values[f])).toBe(true);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('never leaves a criterion blank that this workbook had answered', () => {
    fc.assert(
      fc.property(
        copy,
        fc.array(copy, { maxLength: 4 }),
        fc.constantFrom('both' as const, 'theirs' as const),
        (ours, copies, rule) => {
          const named = copies.map((responses, i) => ({ name: `copy${i}.xlsx`, responses }));
          const { criteria } = combineMany(framework, ours, named, rule);
          expect(criteria.filter((c) => c.state === 'ours-only')).toEqual([]);
        },
      ),
      { numRuns: 30 },
    );
  });
});
