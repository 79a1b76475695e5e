/**
 * Combining a colleague's copy (issue 23): each criterion new, the same, ours only or in conflict,
 * counted exactly; "take theirs" everywhere reproduces the colleague's responses exactly; and no
 * choice loses a value of ours: each is kept in place or returned as replaced (for the archive).
 */
import fc from 'fast-check';
import { copyFieldsArb } from '../builders/arbitraries';
import {
  bundledFrameworks,
  combineChoice,
  compareCopies,
  RESPONSE_FIELDS,
  sameCell,
  type CellValue,
  type CombineChoice,
  type CombinedField,
  type ResponseRow,
} from '../../src/domain';

const framework = bundledFrameworks.draft2009;
const FIELDS: readonly CombinedField[] = [...RESPONSE_FIELDS, 'text'];

/** Small pools, so that two copies often agree and often differ. */
const copy: fc.Arbitrary<ResponseRow[]> = fc
  .array(
    fc
      .tuple(fc.nat({ max: framework.criteria.length - 1 }), copyFieldsArb)
      .map(([index, fields]) => ({ index, ...fields })),
    { maxLength: 60 },
  )
  .map((rows) =>
    rows.map(({ index, ...fields }) => {
      const c = framework.criteria[index]!;
      return { criterionId: c.id, area: c.area, ...fields };
    }),
  );

/** An independent reading: the first row per criterion, blanks as ''. */
function fieldsOf(rows: readonly ResponseRow[], area: number, id: string): Record<string, CellValue> {
  const row = rows.find((r) => r.area === area && r.criterionId === id);
  return Object.fromEntries(RESPONSE_FIELDS.map((f) => [f, row?.[f] ?? '']));
}

describe('combining a colleague’s copy', () => {
  it('counts new, same, ours-only and conflicting criteria exactly', () => {
    fc.assert(
      fc.property(copy, copy, (ours, theirs) => {
        const { counts, criteria } = compareCopies(framework, ours, theirs);
        let conflicts = 0;
        let fresh = 0;
        for (const c of framework.criteria) {
          const a = fieldsOf(ours, c.area, c.id);
          const b = fieldsOf(theirs, c.area, c.id);
          const filled = (v: Record<string, CellValue>) => Object.values(v).some((x) => x !== '');
          const differs = RESPONSE_FIELDS.some((f) => a[f] !== b[f]);
          if (filled(a) && filled(b) && differs) conflicts++;
          if (!filled(a) && filled(b)) fresh++;
        }
        expect(counts.conflict).toBe(conflicts);
        expect(counts.new).toBe(fresh);
        expect(counts.same + counts.new + counts['ours-only'] + counts.conflict).toBe(criteria.length);
      }),
    );
  });

  it('"take theirs" for every criterion reproduces the colleague’s responses exactly', () => {
    fc.assert(
      fc.property(copy, copy, (ours, theirs) => {
        for (const item of compareCopies(framework, ours, theirs).criteria) {
          const { values } = combineChoice(item, 'theirs', 'colleague.xlsx');
          const expected = fieldsOf(theirs, item.criterion.area, item.criterion.id);
          for (const f of RESPONSE_FIELDS) expect(sameCell(values[f], expected[f])).toBe(true);
        }
      }),
    );
  });

  it('never loses a value of ours: each is in place or returned as replaced', () => {
    fc.assert(
      fc.property(
        copy,
        copy,
        fc.constantFrom<CombineChoice>('ours', 'theirs', 'both'),
        (ours, theirs, choice) => {
          for (const item of compareCopies(framework, ours, theirs).criteria) {
            const { values, replaced } = combineChoice(item, choice, 'colleague.xlsx');
            for (const f of FIELDS) {
              const mine = item.ours[f];
              if (mine === '') continue;
              const kept =
                sameCell(values[f], mine) || String(values[f]).startsWith(`${String(mine)}\n[From `);
              expect(kept || sameCell(replaced[f], mine)).toBe(true);
            }
          }
        },
      ),
    );
  });

  it('joins texts under "both", marking the colleague’s, and keeps our rating', () => {
    const c = framework.criteria[0]!;
    const ours = [
      {
        criterionId: c.id,
        area: c.area,
        rating: 2,
        evidence: 'Policy agreed',
        difference: '',
        owner: '',
        reviewDate: '',
        notes: '',
      },
    ];
    const theirs = [
      {
        criterionId: c.id,
        area: c.area,
        rating: 3,
        evidence: 'Audit done',
        difference: 'Fewer complaints',
        owner: '',
        reviewDate: '',
        notes: '',
      },
    ];
    const item = compareCopies(framework, ours, theirs).criteria[0]!;
    expect(item.state).toBe('conflict');
    expect(item.differing).toEqual(['rating', 'evidence', 'difference']);
    const both = combineChoice(item, 'both', 'hr.xlsx');
    expect(both.values).toMatchObject({
      rating: 2,
      evidence: 'Policy agreed\n[From hr.xlsx] Audit done',
      difference: 'Fewer complaints',
    });
    expect(both.replaced).toEqual({ evidence: 'Policy agreed' });
    expect(combineChoice(item, 'theirs', 'hr.xlsx').replaced).toEqual({
      rating: 2,
      evidence: 'Policy agreed',
    });
  });

  it('takes a rating typed as text and the same number as the same', () => {
    const c = framework.criteria[0]!;
    const row = (rating: CellValue) => ({
      criterionId: c.id,
      area: c.area,
      rating,
      evidence: '',
      difference: '',
      owner: '',
      reviewDate: '',
      notes: '',
    });
    expect(compareCopies(framework, [row(3)], [row(' 3 ')]).criteria[0]!.state).toBe('same');
  });
});
