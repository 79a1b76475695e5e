/**
 * The check rules, declared once: each rule's id, severity, when it applies and whether it offers a
 * fix. The rule ids are stable (the workbook's highlights, the task pane and saved reports refer to
 * them); the type of an id, the severity an issue carries and the legend are all derived from this
 * table, so the four cannot drift apart.
 *
 * Only the row that counts (the first for an id) gets the per-criterion rules. No rule throws on
 * any cell value.
 */
export type Severity = 'error' | 'warning' | 'info';

interface RuleSpec {
  readonly severity: Severity;
  /** When an issue is raised, in plain words. */
  readonly when: string;
  /** Whether the issue can carry a certain fix. */
  readonly fix: 'when certain' | 'none';
}

export const RULE_TABLE = {
  'rating-invalid': {
    severity: 'error',
    when: 'the rating is not a scale value, the N/A label or blank (it counts as not answered)',
    fix: 'when certain',
  },
  'na-without-reason': { severity: 'warning', when: 'rated N/A and the notes are empty', fix: 'none' },
  'met-without-evidence': {
    severity: 'warning',
    when: 'rated at or above the threshold and the evidence is empty',
    fix: 'none',
  },
  'higher-met-lower-not': {
    severity: 'warning',
    when: 'in one framework row (same area and row: one theme), a higher level is met while a lower level is applicable and not met (rated below the threshold, or not answered); one issue per pair',
    fix: 'none',
  },
  'review-date-invalid': {
    severity: 'error',
    when: 'the review date is not blank and not a date Excel holds as a date',
    fix: 'none',
  },
  'review-date-past': { severity: 'warning', when: 'the review date is before today', fix: 'none' },
  'review-date-missing': {
    severity: 'info',
    when: 'rated below the threshold (so it needs an action) with no review date',
    fix: 'none',
  },
  'criterion-text-missing': {
    severity: 'warning',
    when: "the source lacks the criterion's text (absent) or keeps only its last words (fragment), and its text cell is still blank or holds only those words; judged only on rows read with their text cell",
    fix: 'none',
  },
  'criterion-missing': {
    severity: 'error',
    when: 'a framework criterion has no row (a row deleted)',
    fix: 'none',
  },
  'criterion-unknown': {
    severity: 'error',
    when: 'a row carries an id the framework does not have (an id edited)',
    fix: 'none',
  },
  'criterion-duplicate': {
    severity: 'error',
    when: 'a second (or later) row for the same id; only the first row counts',
    fix: 'none',
  },
} as const satisfies Record<string, RuleSpec>;

export type CheckRuleId = keyof typeof RULE_TABLE;

/** The rules as a list, in the table's order, for a legend in the task pane or the workbook. */
export const CHECK_RULES: readonly ({ readonly id: CheckRuleId } & RuleSpec)[] = (
  Object.keys(RULE_TABLE) as CheckRuleId[]
).map((id) => ({ id, ...RULE_TABLE[id] }));

export function severityOf(id: CheckRuleId): Severity {
  return RULE_TABLE[id].severity;
}
