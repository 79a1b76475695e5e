import { check, type CheckIssue, type CheckRuleId } from '../../../src/domain/checks';
import type { CellValue, ResponseRow, ScoringSettings } from '../../../src/domain/responses';
import { excelSerialOf } from '../../../src/domain/dates';
import { buildFramework } from '../../builders/framework';
import { responseRow, responsesFor, type ResponsesOptions } from '../../builders/responses';

const SETTINGS: ScoringSettings = { metThreshold: 3, requiredShare: 1 };
const TODAY = new Date(2026, 5, 15); // 15/06/2026

/**
 * One area on the sheet 'Leadership', two criteria per level, in rows:
 * 1.1 (row 5), 1.2 (6), 2.1 (7), 2.2 (8), 3.1 (9), 3.2 (10); row n holds 1.n, 2.n, 3.n.
 */
const framework = buildFramework({ areas: [{ name: 'Leadership', shortName: 'Leadership' }], criteria: 2 });

/** Everything rated 4 with evidence: no issues at all. */
function rows(ratings: Record<string, CellValue> = {}, options: ResponsesOptions = {}): ResponseRow[] {
  return responsesFor(framework, (c) => (c.id in ratings ? ratings[c.id] : 4), {
    common: { evidence: 'Board minutes', ...options.common },
    ...(options.fields ? { fields: options.fields } : {}),
    ...(options.withCells === false ? { withCells: false } : {}),
  });
}

function issuesOf(responses: readonly ResponseRow[], ruleId?: CheckRuleId): CheckIssue[] {
  const all = check(framework, responses, SETTINGS, { today: TODAY });
  return ruleId ? all.filter((i) => i.ruleId === ruleId) : all;
}

test('a complete, well-evidenced assessment has no issues', () => {
  expect(issuesOf(rows())).toEqual([]);
});

describe('rating-invalid', () => {
  test('a near miss is an error with the fix and says what Fix would write (nothing has changed yet)', () => {
    expect(issuesOf(rows({ '1.1': ' 4 ' }), 'rating-invalid')).toEqual([
      {
        ruleId: 'rating-invalid',
        severity: 'error',
        criterionId: '1.1',
        criterionKey: framework.criteria[0]?.key,
        area: 1,
        field: 'rating',
        cell: "'Leadership'!F5",
        message: `'Leadership'!F5: " 4 " is not a rating (a number stored as text); Fix writes 4 (In place and effective).`,
        // The same without its place, for the pane, which leads with the criterion and column.
        detail: `" 4 " is not a rating (a number stored as text); Fix writes 4 (In place and effective).`,
        fix: { field: 'rating', value: 4 },
      },
    ]);
  });

  test('an N/A spelling gets the N/A label as its fix', () => {
    const [issue] = issuesOf(rows({ '2.2': 'n/a' }), 'rating-invalid');
    expect(issue?.fix).toEqual({ field: 'rating', value: 'N/A' });
    expect(issue?.message).toBe(`'Leadership'!F8: "n/a" is not a rating; Fix writes N/A.`);
  });

  test('a value with no certain meaning is an error with no fix', () => {
    const [issue] = issuesOf(rows({ '1.2': 5 }), 'rating-invalid');
    expect(issue?.fix).toBeUndefined();
    expect(issue?.message).toBe(
      `'Leadership'!F6: 5 is not on the rating scale; expected a rating 1 to 4 or N/A.`,
    );
  });

  test('without cells, the message names the criterion and field', () => {
    const [issue] = issuesOf(rows({ '1.2': '#N/A' }, { withCells: false }), 'rating-invalid');
    expect(issue?.cell).toBeUndefined();
    expect(issue?.message).toMatch(/^Criterion 1\.2, rating: "#N\/A" is an Excel error value/);
  });

  test('blank, scale values and N/A are not reported', () => {
    expect(issuesOf(rows({ '1.1': null, '1.2': 1, '2.1': 'N/A' }), 'rating-invalid')).toEqual([]);
  });
});

describe('na-without-reason', () => {
  test('N/A with empty notes is a warning on the notes cell', () => {
    const issues = issuesOf(
      rows({ '2.1': 'N/A' }, { fields: { '2.1': { notes: '  ' } } }),
      'na-without-reason',
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      severity: 'warning',
      criterionId: '2.1',
      field: 'notes',
      cell: "'Leadership'!K7",
    });
    expect(issues[0]?.message).toBe(
      `'Leadership'!K7: 2.1 is marked N/A with no reason; expected a note saying why it does not apply.`,
    );
  });

  test('N/A with a note, and a near-miss "n/a" (not yet N/A), are not reported', () => {
    const withNote = rows({ '2.1': 'N/A' }, { fields: { '2.1': { notes: 'We own no sheltered housing' } } });
    expect(issuesOf(withNote, 'na-without-reason')).toEqual([]);
    expect(issuesOf(rows({ '2.1': 'n/a' }), 'na-without-reason')).toEqual([]);
  });
});

describe('met-without-evidence', () => {
  test('rated at the threshold with no evidence is a warning on the evidence cell', () => {
    const issues = issuesOf(
      rows({ '1.2': 3 }, { fields: { '1.2': { evidence: null } } }),
      'met-without-evidence',
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      severity: 'warning',
      criterionId: '1.2',
      field: 'evidence',
      cell: "'Leadership'!G6",
    });
    expect(issues[0]?.message).toContain('1.2 is rated 3 (In place but needs improving)');
  });

  test('below the threshold, or with evidence, is not reported', () => {
    expect(
      issuesOf(rows({ '1.2': 2 }, { fields: { '1.2': { evidence: '' } } }), 'met-without-evidence'),
    ).toEqual([]);
    expect(issuesOf(rows({ '1.2': 3 }), 'met-without-evidence')).toEqual([]);
  });
});

describe('higher-met-lower-not', () => {
  test('Achieving met while Developing in the same theme is rated below', () => {
    const issues = issuesOf(rows({ '1.1': 2, '2.1': 4, '3.1': 1 }), 'higher-met-lower-not');
    expect(issues.map((i) => [i.criterionId, i.cell])).toEqual([['2.1', "'Leadership'!F7"]]);
    expect(issues[0]?.message).toContain(
      '2.1 (Achieving) is met but 1.1 (Developing), the same theme at a lower level, is rated 2',
    );
  });

  test('one issue per pair: Excellent met above two lower criteria not met', () => {
    const issues = issuesOf(rows({ '1.1': null, '2.1': 1, '3.1': 4 }), 'higher-met-lower-not');
    expect(issues.map((i) => i.criterionId)).toEqual(['3.1', '3.1']);
    expect(issues[0]?.message).toContain(
      '1.1 (Developing), the same theme at a lower level, is not yet answered',
    );
  });

  test('a lower criterion that is N/A, met, or in another row is not reported', () => {
    expect(issuesOf(rows({ '1.1': 'N/A', '2.1': 4 }), 'higher-met-lower-not')).toEqual([]);
    expect(
      issuesOf(rows({ '1.2': 1, '2.1': 4, '2.2': 1, '3.1': 4, '3.2': 1 }), 'higher-met-lower-not'),
    ).toEqual([]);
  });

  test('criteria outside rows are never compared', () => {
    const noRows = buildFramework({ criteria: 1, rows: false });
    const responses = responsesFor(noRows, { '1.1': 1, '2.1': 4, '3.1': 4 }, { common: { evidence: 'x' } });
    const issues = check(noRows, responses, SETTINGS, { today: TODAY });
    expect(issues.filter((i) => i.ruleId === 'higher-met-lower-not')).toEqual([]);
  });
});

describe('review dates', () => {
  const withDate = (reviewDate: CellValue, rating: CellValue = 2) =>
    rows({ '1.1': rating }, { fields: { '1.1': { reviewDate } } });

  test.each<[CellValue]>([
    ['31/02/2027'],
    ['soon'],
    [true],
    [Number.NaN],
    [12],
    ['2027/03/31'],
    ['TBC'],
    ['Q3 2026'],
    [3],
    [60],
    ['#N/A'],
  ])('review-date-invalid for %j, naming the expected form', (value) => {
    const issues = issuesOf(withDate(value), 'review-date-invalid');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ severity: 'error', field: 'reviewDate', cell: "'Leadership'!J5" });
    expect(issues[0]?.message).toMatch(/^'Leadership'!J5: .*expected a date such as 31\/03\/2027\.$/);
  });

  test.each<[CellValue]>([
    [excelSerialOf({ year: 2026, month: 6, day: 15 })],
    [46477],
    [46477.5],
    [new Date(2026, 5, 15, 23, 59)],
  ])('a valid date from today on (%j) is not reported', (value) => {
    const issues = issuesOf(withDate(value));
    expect(issues.filter((i) => i.ruleId.startsWith('review-date'))).toEqual([]);
  });

  test.each<[CellValue]>([['30/06/2027'], ['01/04/2026'], ['2026-06-15'], [' 31/03/2027 ']])(
    'a date stored as text (%j) is review-date-invalid, as the sheet highlights it, and says so',
    (value) => {
      const issues = issuesOf(withDate(value));
      expect(issues.filter((i) => i.ruleId.startsWith('review-date')).map((i) => i.ruleId)).toEqual([
        'review-date-invalid',
      ]);
      expect(issues.find((i) => i.ruleId === 'review-date-invalid')?.message).toContain(
        'is a date stored as text, which Excel cannot compare with today',
      );
    },
  );

  test('review-date-past for a day before today', () => {
    const issues = issuesOf(withDate(excelSerialOf({ year: 2026, month: 6, day: 14 })), 'review-date-past');
    expect(issues).toHaveLength(1);
    expect(issues[0]?.severity).toBe('warning');
    expect(issues[0]?.message).toBe(
      `'Leadership'!J5: the review date 14/06/2026 for 1.1 has passed (today is 15/06/2026); expected a date from today on.`,
    );
  });

  test('review-date-missing for a criterion rated below the threshold with no date', () => {
    const issues = issuesOf(withDate(null, 2), 'review-date-missing');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ severity: 'info', criterionId: '1.1', field: 'reviewDate' });
  });

  test('no review-date-missing when met, N/A, unanswered or dated', () => {
    expect(issuesOf(withDate(null, 3), 'review-date-missing')).toEqual([]);
    expect(issuesOf(withDate(null, 'N/A'), 'review-date-missing')).toEqual([]);
    expect(issuesOf(withDate(null, null), 'review-date-missing')).toEqual([]);
    expect(issuesOf(withDate(46477, 1), 'review-date-missing')).toEqual([]);
  });
});

describe('criterion-missing, criterion-unknown, criterion-duplicate', () => {
  test('a framework criterion with no row', () => {
    const responses = rows().filter((r) => r.criterionId !== '2.2');
    const issues = issuesOf(responses, 'criterion-missing');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      ruleId: 'criterion-missing',
      severity: 'error',
      criterionId: '2.2',
      criterionKey: framework.criteria[3]?.key,
      area: 1,
    });
    expect(issues[0]?.cell).toBeUndefined();
    expect(issues[0]?.message).toBe(
      'Criterion 2.2: no row in the workbook carries this id (Leadership, Achieving); ' +
        'expected a row with the id 2.2 (it may have been deleted).',
    );
  });

  test('a row with an id the framework does not have (the criterion it replaced is then missing)', () => {
    const responses = rows().map((r) => (r.criterionId === '1.2' ? { ...r, criterionId: '1.20' } : r));
    const issues = issuesOf(responses).filter((i) => i.ruleId.startsWith('criterion-'));
    expect(issues.map((i) => [i.ruleId, i.criterionId])).toEqual([
      ['criterion-missing', '1.2'],
      ['criterion-unknown', '1.20'],
    ]);
    const unknown = issues[1];
    expect(unknown?.criterionKey).toBeUndefined();
    expect(unknown?.cell).toBe("'Leadership'!A6");
    expect(unknown?.message).toBe(
      `'Leadership'!A6: the id "1.20" is not a criterion of this framework; expected one of its ids (it may have been edited).`,
    );
  });

  test('a second row for an id is an error on that row; its own cells are not checked', () => {
    const responses = [
      ...rows(),
      {
        ...responseRow('2.1', { rating: 'rubbish' }),
        cells: { id: "'Leadership'!A30", rating: "'Leadership'!F30" },
      },
    ];
    const issues = issuesOf(responses);
    expect(issues.map((i) => [i.ruleId, i.criterionId, i.cell])).toEqual([
      ['criterion-duplicate', '2.1', "'Leadership'!A30"],
    ]);
    expect(issues[0]?.message).toContain("only the first ('Leadership'!A7) counts");
  });
});
