/**
 * fast-check arbitraries for engine properties: random framework shapes, assessments and
 * settings, and cell values of every kind a sheet or a file can hand over.
 */
import fc from 'fast-check';
import type { Framework } from '../../src/domain/framework/types';
import type { CellValue, ResponseRow, ScoringSettings } from '../../src/domain/responses';
import { buildFramework } from './framework';
import { responsesFor } from './responses';

/** A framework of 1-4 areas, 1-3 levels and 0-4 criteria per area and level (at least one). */
export const frameworkArb: fc.Arbitrary<Framework> = fc
  .record({
    areas: fc.integer({ min: 1, max: 4 }),
    levels: fc.integer({ min: 1, max: 3 }),
    counts: fc.array(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 3, maxLength: 3 }), {
      minLength: 4,
      maxLength: 4,
    }),
    rows: fc.boolean(),
  })
  .filter(({ areas, levels, counts }) =>
    counts.slice(0, areas).some((perLevel) => perLevel.slice(0, levels).some((n) => n > 0)),
  )
  .map(({ areas, levels, counts, rows }) => buildFramework({ areas, levels, criteria: counts, rows }));

/** Ratings as officers leave them: scale values, N/A, blanks and a few unrecognised values. */
export const ratingArb: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom<CellValue>(1, 2, 3, 4) },
  { weight: 2, arbitrary: fc.constant<CellValue>('N/A') },
  { weight: 2, arbitrary: fc.constantFrom<CellValue>(null, '') },
  { weight: 1, arbitrary: fc.constantFrom<CellValue>(' 4 ', 'n/a', 5, '#N/A', 3.5) },
);

export const settingsArb: fc.Arbitrary<ScoringSettings> = fc.record({
  metThreshold: fc.constantFrom(2, 3, 4),
  requiredShare: fc.oneof(
    fc.constantFrom(1, 0.8, 0.7, 0.5, 0.28),
    fc.double({ min: 0.01, max: 1, noNaN: true }),
  ),
});

export interface Assessment {
  readonly framework: Framework;
  readonly ratings: readonly CellValue[];
  readonly settings: ScoringSettings;
}

/** A framework with one rating per criterion (in framework order) and settings. */
export const assessmentArb: fc.Arbitrary<Assessment> = frameworkArb.chain((framework) =>
  fc.record({
    framework: fc.constant(framework),
    ratings: fc.array(ratingArb, {
      minLength: framework.criteria.length,
      maxLength: framework.criteria.length,
    }),
    settings: settingsArb,
  }),
);

export function rowsOf(framework: Framework, ratings: readonly CellValue[]): ResponseRow[] {
  const byId = new Map(framework.criteria.map((c, i) => [c.id, ratings[i] ?? null]));
  return responsesFor(framework, (c) => byId.get(c.id) ?? null);
}

const EXCEL_ERRORS = [
  '#N/A',
  '#REF!',
  '#VALUE!',
  '#DIV/0!',
  '#NAME?',
  '#NUM!',
  '#NULL!',
  '#SPILL!',
  '#CALC!',
];

/** Anything a cell could hold, and a few things it should not. */
export const anyCellValueArb: fc.Arbitrary<CellValue> = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom<CellValue>(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    Number.MIN_VALUE,
  ),
  fc.boolean(),
  fc.date({ noInvalidDate: false }),
  fc.constant<CellValue>(new Date(Number.NaN)),
  fc.constantFrom<CellValue>(...EXCEL_ERRORS),
  fc.constantFrom<CellValue>('', ' ', '\t', '\u00a0', null, undefined),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: 4 })
    .map((s) => s.repeat(Math.ceil(10_000 / s.length))),
  fc.constantFrom<CellValue>(
    '\u{1F600}',
    '\u{1F469}\u200D\u{1F469}\u200D\u{1F467}'.repeat(20),
    '\u{1F1EC}\u{1F1E7}',
    'غير متوفر',
    'לא רלוונטי',
    '4 \u2013 \u05dc\u05d0',
    '\u202e4\u202c',
    'x'.repeat(10_000),
  ),
  fc.constantFrom<CellValue>(' 4 ', '04', '4.0', 'n/a', 'NA', 'Not applicable', '3 - In place and effective'),
);

/** A response field as colleagues' copies hold one: blank, a rating, or a short text. */
export const copyFieldArb: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(''),
  fc.constantFrom(1, 2, 3, 4, 'N/A'),
  fc.constantFrom('Policy agreed', 'Audit done', 'HR'),
);

/** Every answer field of one criterion in a colleague's copy (review dates as Excel serials). */
export const copyFieldsArb = fc.record({
  rating: copyFieldArb,
  evidence: copyFieldArb,
  difference: copyFieldArb,
  owner: copyFieldArb,
  reviewDate: fc.constantFrom<CellValue>('', 46500, 46600),
  notes: copyFieldArb,
});
