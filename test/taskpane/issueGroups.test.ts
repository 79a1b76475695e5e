/** The Check list's grouping and counts. */
import { bundledFrameworks, type CheckIssue } from '../../src/domain/index';
import {
  countWords,
  filterIssues,
  groupIssues,
  NO_AREA_TITLE,
  placeOf,
  shownOrder,
} from '../../src/taskpane/components/issueGroups';

const draft = bundledFrameworks.draft2009;

function issue(overrides: Partial<CheckIssue>): CheckIssue {
  return {
    ruleId: 'rating-invalid',
    severity: 'error',
    criterionId: '1.4',
    area: 2,
    message: 'x',
    ...overrides,
  };
}

describe('groupIssues', () => {
  it('puts severity first across every area (errors, then warnings, then notes), then areas in framework order', () => {
    const issues = [
      issue({ area: 5, severity: 'info', message: 'a' }),
      issue({ area: 2, severity: 'warning', message: 'b' }),
      issue({ area: 2, severity: 'error', message: 'c' }),
      issue({ area: 5, severity: 'error', message: 'd' }),
      issue({ area: 1, severity: 'warning', message: 'e' }),
    ];
    const groups = groupIssues(issues, draft);
    expect(groups.map((g) => [g.severity, g.count, g.areas.map((a) => a.area)])).toEqual([
      ['error', 2, [2, 5]],
      ['warning', 2, [1, 2]],
      ['info', 1, [5]],
    ]);
    expect(groups[0]?.areas[0]?.title).toBe(`2. ${draft.areas[1]?.name ?? ''}`);
    expect(shownOrder(groups).map((i) => i.message)).toEqual(['c', 'd', 'e', 'b', 'a']);
  });

  it('puts issues without a known area last in their severity, under their own heading', () => {
    const groups = groupIssues(
      [issue({ area: undefined, ruleId: 'criterion-unknown', criterionId: '9.9' }), issue({ area: 1 })],
      draft,
    );
    expect(groups[0]?.areas.map((a) => a.area)).toEqual([1, null]);
    expect(groups[0]?.areas[1]?.title).toBe(NO_AREA_TITLE);
  });

  it('keeps every issue exactly once', () => {
    const issues = [1, 2, 3, 4, 5, undefined, 42].flatMap((area) =>
      (['error', 'warning', 'info'] as const).map((severity) => issue({ area, severity })),
    );
    expect(shownOrder(groupIssues(issues, draft))).toHaveLength(issues.length);
    expect(groupIssues(issues, draft).reduce((n, g) => n + g.count, 0)).toBe(issues.length);
  });
});

describe('filterIssues', () => {
  const issues = [
    issue({ area: 1, severity: 'error', message: 'a' }),
    issue({ area: 2, severity: 'warning', message: 'b' }),
    issue({ area: undefined, severity: 'error', message: 'c' }),
    issue({ area: 42, severity: 'info', message: 'd' }),
  ];
  it.each([
    [{ severity: 'all', area: 'all' }, ['a', 'b', 'c', 'd']],
    [{ severity: 'error', area: 'all' }, ['a', 'c']],
    [{ severity: 'all', area: 2 }, ['b']],
    [{ severity: 'all', area: 'none' }, ['c', 'd']],
    [{ severity: 'warning', area: 1 }, []],
  ] as const)('%j shows %j', (filter, shown) => {
    expect(filterIssues(issues, draft, filter).map((i) => i.message)).toEqual(shown);
  });
});

describe('placeOf: where focus goes after a fix', () => {
  it.each([
    ['b', ['a', 'b', 'c'], ['a', 'c'], 'c'],
    ['c', ['a', 'b', 'c'], ['a', 'b'], 'b'],
    ['b', ['a', 'b', 'c'], ['a', 'b', 'c'], 'b'],
    ['a', ['a'], [], null],
    ['b', ['a', 'b', 'c'], ['c', 'x'], 'c'],
  ] as const)('after fixing %s in %j, with %j left: %s', (fixed, before, after, expected) => {
    expect(placeOf(fixed, before, after)).toBe(expected);
  });
});

describe('countWords', () => {
  it.each([
    [[], 'no problems'],
    [[issue({})], '1 error'],
    [[issue({}), issue({}), issue({ severity: 'warning' })], '2 errors and 1 warning'],
    [
      [issue({ severity: 'info' }), issue({ severity: 'warning' }), issue({})],
      '1 error, 1 warning and 1 note',
    ],
  ] as const)('%#: %s', (issues, words) => expect(countWords(issues)).toBe(words));
});
