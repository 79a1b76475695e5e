/**
 * Comparing two periods: every change of rating between an assessment and a copy of it is listed,
 * and nothing else; newly met and no longer met are exactly the criteria whose status the engine
 * gives differently; across frameworks only through a mapping, otherwise refused with the reason.
 */
import fc from 'fast-check';
import { bundledFrameworks } from '../../../src/domain/framework/bundled';
import { criterionSlot, slotOf, type CriterionSlot } from '../../../src/domain/framework/identity';
import { readRating } from '../../../src/domain/rating';
import type { CellValue, ResponseRow, ScoringSettings } from '../../../src/domain/responses';
import { score, statusOf, type CriterionStatus } from '../../../src/domain/scoring';
import {
  comparePeriods,
  readingKey,
  scorePeriod,
  type ComparedPeriod,
  type PeriodComparison,
} from '../../../src/domain/report/periodCompare';
import type { Framework } from '../../../src/domain/framework/types';
import { bundledMappings } from '../../../src/taskpane/bundledMappings';
import { assessmentArb, ratingArb, rowsOf, type Assessment } from '../../builders/arbitraries';
import { buildFramework } from '../../builders/framework';
import { responsesFor } from '../../builders/responses';

const RUNS = { numRuns: 300 };

function period(
  label: string,
  framework: Framework,
  responses: readonly ResponseRow[],
  settings: ScoringSettings,
): ComparedPeriod {
  return { label, date: null, framework, settings, responses };
}

function compared(outcome: ReturnType<typeof comparePeriods>): PeriodComparison {
  if (outcome.status === 'refused') throw new Error(`refused: ${outcome.message}`);
  return outcome;
}

/** An assessment, a set of criteria (by index) and, for each, a rating that reads differently. */
const changedArb = assessmentArb.chain((assessment) =>
  fc.record({
    assessment: fc.constant(assessment),
    changes: fc.array(fc.tuple(fc.nat({ max: assessment.ratings.length - 1 }), ratingArb), {
      maxLength: assessment.ratings.length,
    }),
  }),
);

function changedCopy({ framework, ratings }: Assessment, changes: readonly (readonly [number, CellValue])[]) {
  const scale = framework.ratingScale;
  const next = [...ratings];
  const changed = new Set<CriterionSlot>();
  for (const [index, rating] of changes) {
    const criterion = framework.criteria[index];
    if (!criterion) continue;
    next[index] = rating;
    changed.add(slotOf(criterion));
  }
  // A change back to what it was, or to a value read the same, is no change.
  framework.criteria.forEach((c, i) => {
    if (readingKey(readRating(ratings[i], scale)) === readingKey(readRating(next[i], scale)))
      changed.delete(slotOf(c));
  });
  return { ratings: next, changed };
}

const slots = (list: readonly { area: number; criterionId: string }[]) =>
  new Set(list.map((c) => criterionSlot(c.area, c.criterionId)));

describe('comparing an assessment with a copy where some ratings changed', () => {
  it('lists exactly the changed ratings, up, down or otherwise, and nothing else', () => {
    fc.assert(
      fc.property(changedArb, ({ assessment, changes }) => {
        const { framework, ratings, settings } = assessment;
        const copy = changedCopy(assessment, changes);
        const result = compared(
          comparePeriods(
            period('then', framework, rowsOf(framework, ratings), settings),
            period('now', framework, rowsOf(framework, copy.ratings), settings),
            [],
          ),
        );
        const listed = [...result.ratingsUp, ...result.ratingsDown, ...result.otherRatingChanges];
        expect(listed).toHaveLength(slots(listed).size);
        expect(slots(listed)).toEqual(copy.changed);
        for (const c of result.ratingsUp)
          expect(c.now.kind === 'rated' && c.then.kind === 'rated' && c.now.value > c.then.value).toBe(true);
        for (const c of result.ratingsDown)
          expect(c.now.kind === 'rated' && c.then.kind === 'rated' && c.now.value < c.then.value).toBe(true);
        for (const c of result.otherRatingChanges)
          expect(c.now.kind !== 'rated' || c.then.kind !== 'rated').toBe(true);
        expect(result.notCompared).toEqual([]);
        expect(result.mapping).toBeNull();
      }),
      RUNS,
    );
  });

  it('lists as newly met and no longer met exactly the criteria whose status differs', () => {
    fc.assert(
      fc.property(changedArb, ({ assessment, changes }) => {
        const { framework, ratings, settings } = assessment;
        const copy = changedCopy(assessment, changes);
        const result = compared(
          comparePeriods(
            period('then', framework, rowsOf(framework, ratings), settings),
            period('now', framework, rowsOf(framework, copy.ratings), settings),
            [],
          ),
        );
        const statusOfRating = (r: CellValue) =>
          statusOf(readRating(r, framework.ratingScale), settings.metThreshold);
        const expectedMet = new Set<CriterionSlot>();
        const expectedLost = new Set<CriterionSlot>();
        framework.criteria.forEach((c, i) => {
          const before = statusOfRating(ratings[i]);
          const after = statusOfRating(copy.ratings[i]);
          if (before !== 'met' && after === 'met') expectedMet.add(slotOf(c));
          if (before === 'met' && after !== 'met') expectedLost.add(slotOf(c));
        });
        expect(slots(result.newlyMet)).toEqual(expectedMet);
        expect(slots(result.noLongerMet)).toEqual(expectedLost);
        // A status changes only with the rating.
        for (const c of [...result.newlyMet, ...result.noLongerMet])
          expect(copy.changed.has(criterionSlot(c.area, c.criterionId))).toBe(true);
      }),
      RUNS,
    );
  });

  it('gives each side the engine’s levels, and the change between them', () => {
    fc.assert(
      fc.property(changedArb, ({ assessment, changes }) => {
        const { framework, ratings, settings } = assessment;
        const copy = changedCopy(assessment, changes);
        const before = score(framework, rowsOf(framework, ratings), settings);
        const after = score(framework, rowsOf(framework, copy.ratings), settings);
        const result = compared(
          comparePeriods(
            period('then', framework, rowsOf(framework, ratings), settings),
            period('now', framework, rowsOf(framework, copy.ratings), settings),
            [],
          ),
        );
        expect(result.areas.map((a) => [a.area, a.then?.level, a.now.level, a.change])).toEqual(
          after.areas.map((a, i) => {
            const b = before.areas[i]!;
            return [
              a.area,
              b.levelReached,
              a.levelReached,
              a.assessed && b.assessed ? a.levelReached - b.levelReached : null,
            ];
          }),
        );
        expect(result.overall.then.level).toBe(before.overall.level);
        expect(result.overall.now.level).toBe(after.overall.level);
      }),
      RUNS,
    );
  });

  it('lists evidence and difference made recorded now and not then', () => {
    const framework = buildFramework({ areas: 2, levels: 2, criteria: 2 });
    const [a, b, c] = framework.criteria;
    if (!a || !b || !c) throw new Error('the framework has too few criteria');
    const settings = { metThreshold: 3, requiredShare: 1 };
    const then = responsesFor(
      framework,
      { [a.id]: 4, [b.id]: 4, [c.id]: 2 },
      {
        fields: { [b.id]: { evidence: 'Policy' } },
      },
    );
    const now = responsesFor(
      framework,
      { [a.id]: 4, [b.id]: 4, [c.id]: 2 },
      {
        fields: {
          [a.id]: { evidence: 'Minutes', difference: '   ' },
          [b.id]: { evidence: 'Policy', difference: 'Fewer complaints' },
          [c.id]: { difference: 'x' },
        },
      },
    );
    const result = compared(
      comparePeriods(period('then', framework, then, settings), period('now', framework, now, settings), []),
    );
    expect(result.evidenceAdded.map((e) => [e.criterionId, e.fields])).toEqual([
      [a.id, ['evidence']],
      [b.id, ['difference']],
      [c.id, ['difference']],
    ]);
    expect(result.ratingsUp).toEqual([]);
  });
});

describe('a side with the statuses recorded when it was saved', () => {
  it('reaches the level the engine gives for ratings with those statuses', () => {
    fc.assert(
      fc.property(assessmentArb, ({ framework, ratings, settings }) => {
        const rows = rowsOf(framework, ratings);
        const live = score(framework, rows, settings);
        const statuses = new Map<CriterionSlot, CriterionStatus>(
          live.criteria.map((c) => [criterionSlot(c.area, c.criterionId), c.status]),
        );
        const saved = scorePeriod({ ...period('saved', framework, rows, settings), statuses });
        expect(saved.areas.map((a) => [a.levelReached, a.assessed])).toEqual(
          live.areas.map((a) => [a.levelReached, a.assessed]),
        );
        expect(saved.criteria.map((c) => c.status)).toEqual(live.criteria.map((c) => c.status));
      }),
      RUNS,
    );
  });

  it('counts a criterion as recorded, not as its rating reads with today’s threshold', () => {
    const framework = buildFramework({ areas: 1, levels: 1, criteria: 2 });
    const rows = rowsOf(framework, [3, 3]);
    const statuses = new Map<CriterionSlot, CriterionStatus>(
      framework.criteria.map((c) => [slotOf(c), 'not-met']),
    );
    const today = { metThreshold: 3, requiredShare: 1 };
    const then = { ...period('2026-04-01', framework, rows, today), statuses };
    const result = compared(comparePeriods(then, period('now', framework, rows, today), []));
    expect(result.areas[0]?.then?.level).toBe(0);
    expect(result.areas[0]?.now.level).toBe(1);
    expect(result.newlyMet).toHaveLength(2);
    expect(result.ratingsUp).toEqual([]);
  });
});

describe('two periods assessed with different frameworks', () => {
  const { draft2009, draftWithRevisedLeadership: combined, leadershipRevision } = bundledFrameworks;
  const settings = { metThreshold: 3, requiredShare: 1 };
  const all = (framework: Framework, rating: CellValue) => responsesFor(framework, () => rating);

  it('are matched through the bundled mapping, criterion by criterion within each area', () => {
    const mapping = bundledMappings.find(
      (m) => m.from.id === draft2009.id && m.to.version === combined.version,
    );
    if (!mapping) throw new Error('no draft-to-combined mapping is bundled');
    const result = compared(
      comparePeriods(
        period('2025', draft2009, all(draft2009, 2), settings),
        period('2026', combined, all(combined, 4), settings),
        bundledMappings,
      ),
    );
    expect(result.mapping).toBe(mapping);
    const paired = mapping.pairs.length;
    expect(result.ratingsUp).toHaveLength(paired);
    expect(result.ratingsDown).toEqual([]);
    // Every pair went from 2 to 4, each named by its id then and now, in its own area.
    const draftSlots = new Set(draft2009.criteria.map(slotOf));
    for (const c of result.ratingsUp) expect(draftSlots.has(criterionSlot(c.area, c.thenId))).toBe(true);
    // Criteria of either side without a counterpart are listed as not compared, never guessed.
    const unpairedThen = draft2009.criteria.length - paired;
    const unpairedNow = combined.criteria.length - paired;
    expect(result.notCompared.filter((n) => n.side === 'then')).toHaveLength(unpairedThen);
    expect(result.notCompared.filter((n) => n.side === 'now')).toHaveLength(unpairedNow);
    expect(result.notCompared.every((n) => /no counterpart in /.test(n.reason))).toBe(true);
  });

  it('are matched through a mapping in the other direction too', () => {
    const result = compared(
      comparePeriods(
        period('2026', combined, all(combined, 4), settings),
        period('2027', draft2009, all(draft2009, 2), settings),
        bundledMappings,
      ),
    );
    expect(result.ratingsDown.length).toBeGreaterThan(0);
    expect(result.ratingsUp).toEqual([]);
    expect(result.areas.map((a) => a.area)).toEqual(draft2009.areas.map((a) => a.number));
  });

  it('are refused, naming both frameworks and versions, when no mapping joins them', () => {
    const other = buildFramework({ id: 'other', version: '9', areas: 1, levels: 3, criteria: 1 });
    const outcome = comparePeriods(
      period('2025 snapshot', other, all(other, 4), settings),
      period('This workbook now', leadershipRevision, all(leadershipRevision, 4), settings),
      bundledMappings,
    );
    expect(outcome.status).toBe('refused');
    if (outcome.status !== 'refused') return;
    expect(outcome.message).toContain('"2025 snapshot" was assessed with other version 9');
    expect(outcome.message).toContain(`${leadershipRevision.id} version ${leadershipRevision.version}`);
    expect(outcome.message).toContain('no mapping');
  });
});
