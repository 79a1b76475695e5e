/** The Check list's grouping and counts. */
import { bundledFrameworks, type CheckIssue } from '../../src/domain/index';
import { countWords, groupIssues, NO_AREA_TITLE } from '../../src/taskpane/components/issueGroups';

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
  it('groups by area in framework order, then severity (errors first), leaving out empty groups', () => {
    const issues = [
      issue({ area: 5, severity: 'info', message: 'a' }),
      issue({ area: 2, severity: 'warning', message: 'b' }),
      issue({ area: 2, severity: 'error', message: 'c' }),
      issue({ area: 5, severity: 'error', message: 'd' }),
    ];
    const groups = groupIssues(issues, draft);
    expect(groups.map((g) => [g.area, g.count, g.severities.map((s) => s.severity)])).toEqual([
      [2, 2, ['error', 'warning']],
      [5, 2, ['error', 'info']],
    ]);
    expect(groups[0]?.title).toBe(`2. ${draft.areas[1]?.name ?? ''}`);
    expect(groups[1]?.severities[0]?.issues.map((i) => i.message)).toEqual(['d']);
  });

  it('puts issues without a known area last, under their own heading', () => {
    const groups = groupIssues(
      [issue({ area: undefined, ruleId: 'criterion-unknown', criterionId: '9.9' }), issue({ area: 1 })],
      draft,
    );
    expect(groups.map((g) => g.area)).toEqual([1, null]);
    expect(groups[1]?.title).toBe(NO_AREA_TITLE);
  });

  it('keeps every issue exactly once', () => {
    const issues = [1, 2, 3, 4, 5, undefined, 42].flatMap((area) =>
      (['error', 'warning', 'info'] as const).map((severity) => issue({ area, severity })),
    );
    const total = groupIssues(issues, draft).reduce((n, g) => n + g.count, 0);
    expect(total).toBe(issues.length);
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
