import { score } from '../../../src/domain/scoring';
import type { CellValue, ScoringSettings } from '../../../src/domain/responses';
import { buildFramework } from '../../builders/framework';
import { responseRow, responsesFor } from '../../builders/responses';

const ALL: ScoringSettings = { metThreshold: 3, requiredShare: 1 };
const STRICT: ScoringSettings = { metThreshold: 4, requiredShare: 1 };

/** One area, three levels, two criteria each: 1.1 1.2 | 2.1 2.2 | 3.1 3.2. */
const small = buildFramework({
  areas: [{ name: 'Leadership, partnership', shortName: 'Leadership' }],
  criteria: 2,
});

function scoreSmall(ratings: Record<string, CellValue>, settings: ScoringSettings = ALL) {
  const result = score(small, responsesFor(small, ratings), settings);
  const area = result.areas[0];
  if (!area) throw new Error('the small framework has one area');
  return { result, area };
}

const allRated = (value: CellValue) => Object.fromEntries(small.criteria.map((c) => [c.id, value] as const));

describe('criterion status', () => {
  test('met at or above the threshold, not met below, N/A, blank and invalid unanswered', () => {
    const { result } = scoreSmall({ '1.1': 3, '1.2': 2, '2.1': 'N/A', '2.2': null, '3.1': ' 4 ', '3.2': 4 });
    expect(result.criteria.map((c) => [c.criterionId, c.status, c.rating])).toEqual([
      ['1.1', 'met', 3],
      ['1.2', 'not-met', 2],
      ['2.1', 'na', null],
      ['2.2', 'unanswered', null],
      ['3.1', 'unanswered', null],
      ['3.2', 'met', 4],
    ]);
  });

  test('with threshold 4, a 3 is not met', () => {
    const { result } = scoreSmall({ '1.1': 3, '1.2': 4 }, STRICT);
    expect(result.criteria.slice(0, 2).map((c) => c.status)).toEqual(['not-met', 'met']);
  });

  test('the first row for an id counts; a criterion with no row is unanswered; unknown ids are ignored', () => {
    const rows = [
      responseRow('1.1', { rating: 1 }),
      responseRow('1.1', { rating: 4 }),
      responseRow('9.9', { rating: 4 }),
      responseRow('1.2', { rating: 4 }),
    ];
    const result = score(small, rows, ALL);
    expect(result.criteria.map((c) => c.status)).toEqual([
      'not-met',
      'met',
      'unanswered',
      'unanswered',
      'unanswered',
      'unanswered',
    ]);
    expect(result.criteria[0]?.response?.rating).toBe(1);
    expect(result.criteria[2]?.response).toBeNull();
  });
});

describe('area level (all criteria must be met)', () => {
  test('everything rated 4 reaches the top level, complete, with no blockers', () => {
    const { area, result } = scoreSmall(allRated(4));
    expect(area).toMatchObject({
      area: 1,
      name: 'Leadership, partnership',
      shortName: 'Leadership',
      levelReached: 3,
      levelReachedName: 'Excellent',
      nextLevel: null,
      completeness: 1,
      provisional: false,
      blockers: [],
    });
    expect(result.overall).toMatchObject({
      level: 3,
      levelName: 'Excellent',
      provisional: false,
      completeness: 1,
    });
  });

  test('one Developing criterion below the threshold leaves the area at 0, whatever is above', () => {
    const { area } = scoreSmall({ ...allRated(4), '1.2': 2 });
    expect(area.levelReached).toBe(0);
    expect(area.levelReachedName).toBeNull();
    expect(area.nextLevelName).toBe('Developing');
    expect(area.blockers).toEqual([
      {
        level: 1,
        levelName: 'Developing',
        applicable: 2,
        met: 1,
        required: 2,
        moreNeeded: 1,
        notMet: [{ criterionId: '1.2', key: small.criteria[1]?.key, rating: 2 }],
        unanswered: [],
      },
    ]);
  });

  test('a blank at Achieving stops the area at Developing and makes it provisional', () => {
    const { area } = scoreSmall({ '1.1': 3, '1.2': 3, '2.1': 3, '2.2': null, '3.1': 4, '3.2': 4 });
    expect(area.levelReached).toBe(1);
    expect(area.completeness).toBeCloseTo(5 / 6, 12);
    expect(area.provisional).toBe(true);
    expect(area.unanswered).toBe(1);
    expect(area.blockers).toHaveLength(1);
    expect(area.blockers[0]).toMatchObject({ level: 2, levelName: 'Achieving', moreNeeded: 1, notMet: [] });
    expect(area.blockers[0]?.unanswered.map((c) => c.criterionId)).toEqual(['2.2']);
  });

  test('threshold 4 turns all-3 ratings into blockers at Developing', () => {
    const { area } = scoreSmall(allRated(3), STRICT);
    expect(area.levelReached).toBe(0);
    expect(area.blockers[0]?.notMet.map((c) => [c.criterionId, c.rating])).toEqual([
      ['1.1', 3],
      ['1.2', 3],
    ]);
    expect(area.blockers[0]?.moreNeeded).toBe(2);
  });

  test('a level whose criteria are all N/A is satisfied, with no share, but does not lift the area to it', () => {
    const { area } = scoreSmall({ '1.1': 'N/A', '1.2': 3, '2.1': 'N/A', '2.2': 'N/A', '3.1': 1, '3.2': 1 });
    // Achieving has nothing applicable: the area stays at Developing, the highest level where something applies.
    expect(area.levelReached).toBe(1);
    expect(area.nextLevelName).toBe('Excellent');
    expect(area.levels.map((l) => [l.applicable, l.met, l.shareMet, l.satisfied])).toEqual([
      [1, 1, 1, true],
      [0, 0, null, true],
      [2, 0, 0, false],
    ]);
    expect(area.applicable).toBe(3);
    expect(area.completeness).toBe(1);
  });

  test('an area with everything N/A has no level: not assessed, complete, settled, nothing next', () => {
    const { area, result } = scoreSmall(allRated('N/A'));
    expect(area).toMatchObject({
      assessed: false,
      levelReached: 0,
      levelReachedName: null,
      nextLevel: null,
      applicable: 0,
      completeness: 1,
      provisional: false,
      blockers: [],
    });
    expect(result.overall).toMatchObject({
      assessed: false,
      level: 0,
      unassessedAreas: [1],
      lowestAreas: [],
    });
  });

  test('every Developing criterion N/A and everything else rated 1 is not yet Developing', () => {
    const { area } = scoreSmall({ '1.1': 'N/A', '1.2': 'N/A', '2.1': 1, '2.2': 1, '3.1': 1, '3.2': 1 });
    expect(area).toMatchObject({
      assessed: true,
      levelReached: 0,
      nextLevelName: 'Achieving',
      provisional: false,
    });
  });

  test('provisional only while an unanswered criterion could change the level', () => {
    // 1.1 not met: whatever 1.2 and the rest become, Developing is out of reach. Settled.
    const settled = scoreSmall({ '1.1': 1 }).area;
    expect(settled).toMatchObject({
      levelReached: 0,
      bestPossibleLevel: 0,
      unanswered: 5,
      provisional: false,
    });
    // 1.2 could still be met: provisional.
    const open = scoreSmall({ '1.1': 4 }).area;
    expect(open).toMatchObject({ levelReached: 0, bestPossibleLevel: 3, provisional: true });
  });

  test('a share met is rounded down to a whole percentage', () => {
    const three = buildFramework({ areas: 1, criteria: [[3, 1, 1]] });
    const result = score(three, responsesFor(three, { '1.1': 4, '1.2': 4, '1.3': 1 }), {
      metThreshold: 3,
      requiredShare: 0.67,
    });
    expect(result.areas[0]?.levels[0]?.shareMet).toBe(0.66);
    expect(result.areas[0]?.levelReached).toBe(0);
  });

  test('nothing answered: level 0, completeness 0, provisional', () => {
    const { area, result } = scoreSmall({});
    expect(area).toMatchObject({
      levelReached: 0,
      completeness: 0,
      provisional: true,
      answered: 0,
      unanswered: 6,
    });
    expect(result.overall.completeness).toBe(0);
  });

  test('shareMet is met over applicable at each level', () => {
    const { area } = scoreSmall({ '1.1': 4, '1.2': 1, '2.1': 'N/A', '2.2': 4 });
    expect(area.levels.map((l) => l.shareMet)).toEqual([0.5, 1, 0]);
  });
});

describe('area level with a required share below 1', () => {
  /** One level of ten criteria, 1.1 to 1.10. */
  const ten = buildFramework({ levels: 1, criteria: 10 });
  const withMet = (met: number) =>
    Object.fromEntries(ten.criteria.map((c, i) => [c.id, i < met ? 4 : 1] as const));
  const levelOf = (met: number, requiredShare: number) =>
    score(ten, responsesFor(ten, withMet(met)), { metThreshold: 3, requiredShare }).areas[0];

  test('7 of 10 met satisfies 70%', () => {
    expect(levelOf(7, 0.7)?.levelReached).toBe(1);
    expect(levelOf(7, 0.7)?.levels[0]?.required).toBe(7);
  });

  test('0.28 × 25 is 7.000000000000001 in floating point, yet 7 of 25 met satisfies 28%', () => {
    expect(0.28 * 25).toBeGreaterThan(7);
    const many = buildFramework({ levels: 1, criteria: 25 });
    const ratings = Object.fromEntries(many.criteria.map((c, i) => [c.id, i < 7 ? 4 : 1] as const));
    const area = score(many, responsesFor(many, ratings), { metThreshold: 3, requiredShare: 0.28 }).areas[0];
    expect(area?.levels[0]).toMatchObject({ met: 7, required: 7, satisfied: true });
    expect(area?.levelReached).toBe(1);
  });

  test('6 of 10 does not satisfy 70%: one more is needed', () => {
    const area = levelOf(6, 0.7);
    expect(area?.levelReached).toBe(0);
    expect(area?.blockers[0]).toMatchObject({ required: 7, met: 6, moreNeeded: 1 });
    expect(area?.blockers[0]?.notMet).toHaveLength(4);
  });

  test('80%: 8 of 10 is enough, 7 is not', () => {
    expect(levelOf(8, 0.8)?.levelReached).toBe(1);
    expect(levelOf(7, 0.8)?.levelReached).toBe(0);
    expect(levelOf(7, 0.8)?.blockers[0]?.moreNeeded).toBe(1);
  });

  test('80% of 5 applicable needs 4; of 3 applicable needs 3 (2.4 rounds up)', () => {
    const five = buildFramework({ levels: 1, criteria: 5 });
    const ratings = { '1.1': 4, '1.2': 4, '1.3': 4, '1.4': 1, '1.5': 'N/A' };
    const area = score(five, responsesFor(five, ratings), { metThreshold: 3, requiredShare: 0.8 }).areas[0];
    expect(area?.levels[0]).toMatchObject({ applicable: 4, met: 3, required: 4, satisfied: false });
    const threeApplicable = { ...ratings, '1.4': 'N/A' };
    const area2 = score(five, responsesFor(five, threeApplicable), { metThreshold: 3, requiredShare: 0.8 })
      .areas[0];
    expect(area2?.levels[0]).toMatchObject({ applicable: 3, met: 3, required: 3, satisfied: true });
  });

  test('100% of 10: all ten are needed', () => {
    expect(levelOf(9, 1)?.levelReached).toBe(0);
    expect(levelOf(10, 1)?.levelReached).toBe(1);
  });
});

describe('overall', () => {
  const two = buildFramework({
    areas: [
      { name: 'Leadership', shortName: 'Leadership' },
      { name: 'Workforce', shortName: 'Workforce' },
    ],
    criteria: 1,
  });
  // Ids: level 1: 1.1 (Leadership), 1.2 (Workforce); level 2: 2.1, 2.2; level 3: 3.1, 3.2.

  test('the organisation is at the lowest of its areas, and names the areas there', () => {
    const result = score(
      two,
      responsesFor(two, { '1.1': 4, '2.1': 4, '3.1': 1, '1.2': 4, '2.2': 2, '3.2': 4 }),
      ALL,
    );
    expect(result.areas.map((a) => a.levelReached)).toEqual([2, 1]);
    expect(result.overall).toMatchObject({
      level: 1,
      levelName: 'Developing',
      lowestAreas: [2],
      topLevel: 3,
    });
  });

  test('overall completeness counts every applicable criterion; provisional when any area is', () => {
    const result = score(
      two,
      responsesFor(two, { '1.1': 4, '2.1': 4, '3.1': 4, '1.2': 'N/A', '2.2': 3 }),
      ALL,
    );
    expect(result.areas.map((a) => a.provisional)).toEqual([false, true]);
    expect(result.overall).toMatchObject({ applicable: 5, answered: 4, unanswered: 1, provisional: true });
    expect(result.overall.completeness).toBeCloseTo(4 / 5, 12);
  });

  test('results carry framework identity, keys and settings', () => {
    const result = score(two, [], ALL);
    expect(result.frameworkId).toBe('test-framework');
    expect(result.settings).toBe(ALL);
    expect(result.criteria[0]?.key).toBe('test-framework@1#1/1.1');
  });
});
