/**
 * Nothing a cell holds may make the engine throw, and every rejection must say something.
 * Values come from numbers (NaN, ±Infinity, -0, huge), booleans, Dates (valid and invalid), Excel
 * error strings, blank and whitespace text, 10,000-character strings, emoji, right-to-left text,
 * lone surrogates, null and undefined.
 */
import fc from 'fast-check';
import { actionList } from '../../../src/domain/actions';
import { check } from '../../../src/domain/checks';
import { readDate } from '../../../src/domain/dates';
import { explainArea, explainOverall } from '../../../src/domain/explain';
import { readRating } from '../../../src/domain/rating';
import { score } from '../../../src/domain/scoring';
import type { ResponseRow } from '../../../src/domain/responses';
import { DEFAULT_RATING_SCALE } from '../../builders/framework';
import { anyCellValueArb, frameworkArb, settingsArb } from '../../builders/arbitraries';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

test('readRating never throws, and every invalid reading has a non-empty, well-formed message', () => {
  fc.assert(
    fc.property(anyCellValueArb, (raw) => {
      const reading = readRating(raw, DEFAULT_RATING_SCALE);
      if (reading.kind === 'invalid') {
        expect(reading.message.trim().length).toBeGreaterThan(0);
        expect(reading.message.length).toBeLessThan(400);
        expect(reading.message).not.toMatch(LONE_SURROGATE);
      }
    }),
    { numRuns: 5000 },
  );
});

test('readDate never throws, and every invalid reading has a non-empty message', () => {
  fc.assert(
    fc.property(anyCellValueArb, (raw) => {
      const reading = readDate(raw);
      if (reading.kind === 'invalid') expect(reading.message.trim().length).toBeGreaterThan(0);
    }),
    { numRuns: 5000 },
  );
});

/** Rows whose every field is any value, with ids from the framework, duplicates and strangers. */
const messyArb = frameworkArb.chain((framework) => {
  const ids = framework.criteria.map((c) => c.id);
  const rowArb: fc.Arbitrary<ResponseRow> = fc.record({
    criterionId: fc.oneof(fc.constantFrom(...ids), fc.string({ maxLength: 6 })),
    rating: anyCellValueArb,
    evidence: anyCellValueArb,
    difference: anyCellValueArb,
    owner: anyCellValueArb,
    reviewDate: anyCellValueArb,
    notes: anyCellValueArb,
  });
  return fc.record({
    framework: fc.constant(framework),
    rows: fc.array(rowArb, { maxLength: ids.length + 4 }),
    settings: settingsArb,
    today: fc.date({ noInvalidDate: true }),
  });
});

test('score, check, actionList and the explanations never throw on any cell values', () => {
  fc.assert(
    fc.property(messyArb, ({ framework, rows, settings, today }) => {
      const result = score(framework, rows, settings);
      for (const area of result.areas)
        expect(explainArea(area, framework, settings).length).toBeGreaterThan(0);
      expect(explainOverall(result).length).toBeGreaterThan(0);
      actionList(framework, rows, settings);
      for (const issue of check(framework, rows, settings, { today })) {
        expect(issue.message.trim().length).toBeGreaterThan(0);
      }
    }),
    { numRuns: 1500 },
  );
});
