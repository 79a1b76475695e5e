import { explainArea, explainOverall } from '../../../src/domain/explain';
import { score } from '../../../src/domain/scoring';
import type { CellValue, ScoringSettings } from '../../../src/domain/responses';
import type { Framework } from '../../../src/domain/framework/types';
import { buildFramework } from '../../builders/framework';
import { responsesFor } from '../../builders/responses';

const ALL: ScoringSettings = { metThreshold: 3, requiredShare: 1 };

/** Knowing customers has 4 criteria per level, Leadership 5: Leadership's Achieving is 2.5 to 2.9. */
const twoAreas = buildFramework({
  areas: [
    { name: 'Knowing your customers and equality mapping', shortName: 'Knowing customers' },
    { name: 'Leadership, partnership and organisational commitment', shortName: 'Leadership' },
  ],
  criteria: [
    [4, 4, 4],
    [5, 5, 5],
  ],
});

function explain(
  framework: Framework,
  ratings: Record<string, CellValue>,
  settings: ScoringSettings,
  area: number,
) {
  const result = score(framework, responsesFor(framework, ratings), settings);
  const areaResult = result.areas.find((a) => a.area === area);
  if (!areaResult) throw new Error(`no area ${area}`);
  return explainArea(areaResult, framework, settings);
}

/** Leadership's criteria all rated `value` unless listed. */
function leadership(value: CellValue, overrides: Record<string, CellValue>): Record<string, CellValue> {
  const ids = twoAreas.criteria.filter((c) => c.area === 2).map((c) => c.id);
  return { ...Object.fromEntries(ids.map((id) => [id, value])), ...overrides };
}

describe('explainArea', () => {
  test('not-met and unanswered criteria at the next level, all required', () => {
    const ratings = leadership(4, { '2.5': 2, '2.7': 1, '2.9': null });
    expect(explain(twoAreas, ratings, ALL, 2)).toBe(
      'Leadership is at Developing. Achieving needs 2.5 and 2.7 rated 3 or more; 2.9 is not yet answered. ' +
        'This is settled: 1 of 15 applicable criteria is not yet answered, but no answer to them could change the level.',
    );
  });

  test('a complete area is not provisional', () => {
    const ratings = leadership(4, { '2.5': 2, '2.7': 1, '2.9': 3 });
    expect(explain(twoAreas, ratings, ALL, 2)).toBe(
      'Leadership is at Developing. Achieving needs 2.5 and 2.7 rated 3 or more.',
    );
  });

  test('settled with several unanswered: 2.5 not met keeps Achieving out of reach whatever they become', () => {
    const ratings = leadership(4, { '2.5': 2, '3.5': null, '3.6': null, '3.7': '', '3.8': 'x' });
    expect(explain(twoAreas, ratings, ALL, 2)).toBe(
      'Leadership is at Developing. Achieving needs 2.5 rated 3 or more. ' +
        'This is settled: 4 of 15 applicable criteria are not yet answered, but no answer to them could change the level.',
    );
  });

  test('an area that has not reached the first level', () => {
    const ratings = leadership(3, { '1.8': 2 });
    expect(explain(twoAreas, ratings, ALL, 2)).toBe(
      'Leadership has not reached Developing yet. Developing needs 1.8 rated 3 or more.',
    );
  });

  test('only unanswered criteria at the next level', () => {
    const ratings = leadership(3, { '1.5': null, '1.6': null });
    expect(explain(twoAreas, ratings, ALL, 2)).toBe(
      'Leadership has not reached Developing yet. Developing needs 1.5 and 1.6 answered and rated 3 or more. ' +
        'This is provisional: 2 of 15 applicable criteria are not yet answered.',
    );
  });

  test('at the top level', () => {
    expect(explain(twoAreas, leadership(4, {}), ALL, 2)).toBe('Leadership is at Excellent, the top level.');
  });

  test('a threshold at the top of the scale reads "rated 4"', () => {
    const ratings = leadership(4, { '1.5': 3 });
    expect(explain(twoAreas, ratings, { metThreshold: 4, requiredShare: 1 }, 2)).toBe(
      'Leadership has not reached Developing yet. Developing needs 1.5 rated 4.',
    );
  });

  test('three or more ids are joined with commas and "and"', () => {
    const ratings = leadership(4, { '3.5': 1, '3.6': 2, '3.9': 1 });
    expect(explain(twoAreas, ratings, ALL, 2)).toBe(
      'Leadership is at Achieving. Excellent needs 3.5, 3.6 and 3.9 rated 3 or more.',
    );
  });

  test('with a required share: how many more, of which criteria', () => {
    const ratings = leadership(4, { '2.5': 2, '2.7': 1, '2.9': 1 });
    expect(explain(twoAreas, ratings, { metThreshold: 3, requiredShare: 0.8 }, 2)).toBe(
      'Leadership is at Developing. Achieving needs 2 more of 2.5, 2.7 and 2.9 rated 3 or more ' +
        '(80% of applicable criteria must be met).',
    );
  });

  test('with a required share and an unanswered criterion', () => {
    const ratings = leadership(4, { '2.5': 2, '2.7': 1, '2.9': null });
    expect(explain(twoAreas, ratings, { metThreshold: 3, requiredShare: 0.6 }, 2)).toBe(
      'Leadership is at Developing. Achieving needs 1 more of 2.5, 2.7 and 2.9 rated 3 or more ' +
        '(60% of applicable criteria must be met); 2.9 is not yet answered. ' +
        'This is provisional: 1 of 15 applicable criteria is not yet answered.',
    );
  });

  test('one applicable criterion is singular', () => {
    const one = buildFramework({
      levels: 1,
      criteria: 2,
      areas: [{ name: 'Workforce', shortName: 'Workforce' }],
    });
    expect(explain(one, { '1.1': 'N/A', '1.2': null }, ALL, 1)).toBe(
      'Workforce has not reached Developing yet. Developing needs 1.2 answered and rated 3 or more. ' +
        'This is provisional: 1 of 1 applicable criterion is not yet answered.',
    );
  });
});

describe('explainOverall', () => {
  const names = ['Knowing customers', 'Leadership', 'Engagement', 'Responsive services', 'Workforce'];
  /** Five areas, one criterion per level: area a's criteria are 1.a, 2.a and 3.a. */
  const five = buildFramework({ areas: names.map((n) => ({ name: n, shortName: n })), criteria: 1 });

  /** Ratings that put each area at the given level, everything answered. */
  function atLevels(levels: readonly number[]): Record<string, CellValue> {
    const ratings: Record<string, CellValue> = {};
    levels.forEach((reached, i) => {
      for (let level = 1; level <= 3; level += 1) ratings[`${level}.${i + 1}`] = level <= reached ? 4 : 1;
    });
    return ratings;
  }
  const overall = (framework: Framework, ratings: Record<string, CellValue>) =>
    explainOverall(score(framework, responsesFor(framework, ratings), ALL));

  test('the lowest areas hold the organisation at their level', () => {
    expect(overall(five, atLevels([2, 1, 3, 2, 1]))).toBe(
      'The organisation is at Developing, the lowest of its five areas (Leadership and Workforce hold it there).',
    );
  });

  test('one area holding it there', () => {
    expect(overall(five, atLevels([3, 3, 2, 3, 3]))).toBe(
      'The organisation is at Achieving, the lowest of its five areas (Engagement holds it there).',
    );
  });

  test('an area below the first level', () => {
    expect(overall(five, atLevels([1, 1, 1, 1, 0]))).toBe(
      'The organisation has not reached Developing yet (Workforce has not reached it).',
    );
  });

  test('all areas at the top level', () => {
    expect(overall(five, atLevels([3, 3, 3, 3, 3]))).toBe(
      'The organisation is at Excellent, the top level, in all five areas.',
    );
  });

  test('all areas at the same level below the top', () => {
    expect(overall(five, atLevels([2, 2, 2, 2, 2]))).toBe(
      'The organisation is at Achieving in all five areas.',
    );
  });

  test('no area at the first level', () => {
    expect(overall(five, atLevels([0, 0, 0, 0, 0]))).toBe(
      'The organisation has not reached Developing yet in any of its five areas.',
    );
  });

  test('overall settled though answers are missing: the blank criteria are above the lowest areas', () => {
    const ratings = { ...atLevels([2, 1, 3, 2, 1]), '3.1': null, '3.2': null };
    expect(overall(five, ratings)).toBe(
      'The organisation is at Developing, the lowest of its five areas (Leadership and Workforce hold it there). ' +
        'This is settled: 2 of 15 applicable criteria are not yet answered, but no answer to them could change the level.',
    );
  });

  test('provisional overall when blank criteria could lift every lowest area', () => {
    const ratings = { ...atLevels([2, 1, 3, 2, 1]), '2.2': null, '2.5': null };
    expect(overall(five, ratings)).toMatch(
      /This is provisional: 2 of 15 applicable criteria are not yet answered\.$/,
    );
    // Only one of the two lowest areas could rise: the organisation's level is settled.
    expect(overall(five, { ...atLevels([2, 1, 3, 2, 1]), '2.2': null })).toMatch(/This is settled/);
  });

  test('an area with nothing applicable is named and left out', () => {
    const one = buildFramework({ areas: 2, criteria: 1 });
    const ratings = { '1.1': 'N/A', '2.1': 'N/A', '3.1': 'N/A', '1.2': 4, '2.2': 4, '3.2': 2 };
    expect(overall(one, ratings)).toBe(
      'The organisation is at Achieving (Area 2 is its only area). Area 1 has no applicable criteria, so it is left out.',
    );
  });

  test('a framework with one area names it', () => {
    const one = buildFramework({ areas: [{ name: 'Leadership', shortName: 'Leadership' }], criteria: 1 });
    expect(overall(one, { '1.1': 4, '2.1': 4, '3.1': 2 })).toBe(
      'The organisation is at Achieving (Leadership is its only area).',
    );
  });
});
