/**
 * Fuzzing the cell reader (readRating, readDate, describeCellValue) with hostile cell values:
 * nothing may throw, every rejection must say what was found and what is expected, and every fix
 * the reader offers must itself read back as a valid rating. Many thousands of cases a property.
 * fuzz-checks.test.ts does the same for the checks over whole assessments.
 */
import fc from 'fast-check';
import { describeCellValue } from '../../src/domain/cellText';
import { readDate } from '../../src/domain/dates';
import { bundledFrameworks } from '../../src/domain/framework/bundled';
import type { RatingScale } from '../../src/domain/framework/types';
import { canonicalRating, isBlankCell, readRating } from '../../src/domain/rating';
import type { CellValue } from '../../src/domain/responses';
import { DEFAULT_RATING_SCALE } from '../builders/framework';
import { fuzzCellValueArb } from './cellValues';
import { expectReadable, graphemeCount } from './readable';

/** Rating scales as frameworks may define them: runs, gaps, zero, and labels in any script. */
const scaleArb: fc.Arbitrary<RatingScale> = fc
  .record({
    values: fc.uniqueArray(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 6 }),
    labels: fc.uniqueArray(
      fc.oneof(
        fc.constantFrom('Not in place', 'In place', 'Effective', 'Excellent', 'لا', 'מצוין', '完成', '✅'),
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== ''),
      ),
      { minLength: 6, maxLength: 6, comparator: (a, b) => a.trim().toLowerCase() === b.trim().toLowerCase() },
    ),
    na: fc.constantFrom('N/A', 'Not applicable', 'n.a.'),
  })
  .map(({ values, labels, na }) => ({
    points: values.map((value, i) => ({ value, label: labels[i] ?? `Point ${value}` })),
    notApplicable: { label: na, aliases: ['na', 'not relevant'] },
  }));

const anyScaleArb: fc.Arbitrary<RatingScale> = fc.oneof(
  fc.constantFrom(
    DEFAULT_RATING_SCALE,
    bundledFrameworks.draft2009.ratingScale,
    bundledFrameworks.leadershipRevision.ratingScale,
  ),
  scaleArb,
);

describe('the cell reader', () => {
  it('reads any value on any scale without throwing, and every reading is consistent', () => {
    fc.assert(
      fc.property(fuzzCellValueArb, anyScaleArb, (raw, scale) => {
        const reading = readRating(raw, scale);
        const values = scale.points.map((p) => p.value);
        switch (reading.kind) {
          case 'blank':
            expect(isBlankCell(raw)).toBe(true);
            break;
          case 'rated':
            expect(values).toContain(reading.value);
            expect(typeof raw).toBe('number');
            break;
          case 'na':
            expect(raw).toBe(scale.notApplicable.label);
            break;
          case 'invalid':
            expectReadable(reading.message);
            // What is expected: the scale, or for a near miss the one value it can become.
            expect(reading.message).toMatch(reading.fix === undefined ? /expected/ : /can become/);
            if (reading.fix !== undefined) {
              // A fix, once written, reads as a rating or N/A: the pane never writes a second mistake.
              const fixed = readRating(canonicalRating(reading, scale), scale);
              expect(['rated', 'na']).toContain(fixed.kind);
            }
            break;
        }
      }),
      { numRuns: 5_000 },
    );
  });

  it('reads every review date without throwing, and says what it expected when it cannot', () => {
    fc.assert(
      fc.property(fuzzCellValueArb, (raw) => {
        const reading = readDate(raw);
        if (reading.kind === 'invalid') {
          expectReadable(reading.message);
          expect(reading.message).toContain('expected');
        }
        if (reading.kind === 'date') {
          expect(reading.date.month).toBeGreaterThanOrEqual(1);
          expect(reading.date.month).toBeLessThanOrEqual(12);
          expect(reading.date.day).toBeGreaterThanOrEqual(1);
          expect(reading.date.day).toBeLessThanOrEqual(31);
        }
      }),
      { numRuns: 5_000 },
    );
  });

  it('describes any value in a short, whole, readable phrase', () => {
    fc.assert(
      fc.property(fuzzCellValueArb, (raw) => {
        const text = describeCellValue(raw);
        expectReadable(text);
        // At most 40 graphemes of the value are shown, whatever its length.
        expect(graphemeCount(text)).toBeLessThan(80);
      }),
      { numRuns: 5_000 },
    );
  });
});

/** Values that must never count as a rating, whatever the scale. */
it.each<[string, CellValue]>([
  ['#N/A (an error, not "not applicable")', '#N/A'],
  ['a padded #REF!', ' #REF! '],
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['a date serial', 45_382],
  ['TRUE', true],
  ['a formula as text', '=4'],
])('never reads %s as a rating', (_name, raw) => {
  for (const scale of [DEFAULT_RATING_SCALE, bundledFrameworks.draft2009.ratingScale]) {
    expect(readRating(raw, scale).kind).toBe('invalid');
  }
});

/**
 * Found by this fuzzing and fixed: one grapheme can be any length (a letter with 100,000
 * combining marks), so the shown text is capped in code units as well as graphemes.
 */
test('a single 100,000-character grapheme is cut in a message', () => {
  const zalgo = `a${'\u0301'.repeat(100_000)}`;
  expect(describeCellValue(zalgo).length).toBeLessThan(600);
  const reading = readRating(zalgo, DEFAULT_RATING_SCALE);
  expect(reading.kind === 'invalid' && reading.message.length).toBeLessThan(600);
});
