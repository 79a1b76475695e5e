/**
 * Checks over an assessment's responses. Rule ids are stable: the workbook, the task pane and
 * saved reports refer to them.
 *
 * | rule id              | severity | when                                                                                   | fix            |
 * |----------------------|----------|----------------------------------------------------------------------------------------|----------------|
 * | rating-invalid       | error    | the rating is not a scale value, the N/A label or blank (it counts as not answered)     | when certain   |
 * | na-without-reason    | warning  | rated N/A and the notes are empty                                                       |                |
 * | met-without-evidence | warning  | rated at or above the threshold and the evidence is empty                               |                |
 * | higher-met-lower-not | warning  | in one framework row (same area and row), a higher level is met while a lower level is  |                |
 * |                      |          | applicable and not met (rated below the threshold, or not answered); one issue per pair |                |
 * | review-date-invalid  | error    | the review date is not blank and not a date Excel holds as a date (readReviewDate)      |                |
 * | review-date-past     | warning  | the review date is before `today`                                                       |                |
 * | review-date-missing  | info     | rated below the threshold (so it needs an action) with no review date                  |                |
 * | criterion-missing    | error    | a framework criterion has no row (a row deleted)                                        |                |
 * | criterion-unknown    | error    | a row carries an id the framework does not have (an id edited)                          |                |
 * | criterion-duplicate  | error    | a second (or later) row for the same id; only the first row counts                     |                |
 *
 * Only the row that counts (the first for an id) gets the per-criterion rules. No rule throws on
 * any cell value.
 */
import type { Framework } from '../framework/types';
import type { ResponseRow, ScoringSettings } from '../responses';
import { checkContext } from './context';
import { identityIssues } from './identity';
import { ratingIssues } from './ratingRules';
import { reviewDateIssues } from './reviewDate';
import { rowOrderIssues } from './rowOrder';
import type { CheckIssue, CheckOptions, CheckRuleId, Severity } from './types';

export type { CheckIssue, CheckOptions, CheckRuleId, IssueField, IssueFix, Severity } from './types';

/** The rules as data, for a legend in the task pane or the workbook. */
export const CHECK_RULES: readonly { readonly id: CheckRuleId; readonly severity: Severity }[] = [
  { id: 'rating-invalid', severity: 'error' },
  { id: 'na-without-reason', severity: 'warning' },
  { id: 'met-without-evidence', severity: 'warning' },
  { id: 'higher-met-lower-not', severity: 'warning' },
  { id: 'review-date-invalid', severity: 'error' },
  { id: 'review-date-past', severity: 'warning' },
  { id: 'review-date-missing', severity: 'info' },
  { id: 'criterion-missing', severity: 'error' },
  { id: 'criterion-unknown', severity: 'error' },
  { id: 'criterion-duplicate', severity: 'error' },
];

/** Every issue: first whether rows and criteria match, then each per-criterion rule in framework order. */
export function check(
  framework: Framework,
  responses: readonly ResponseRow[],
  settings: ScoringSettings,
  options: CheckOptions,
): CheckIssue[] {
  const context = checkContext(framework, responses, settings, options);
  return [
    ...identityIssues(context),
    ...ratingIssues(context),
    ...rowOrderIssues(context),
    ...reviewDateIssues(context),
  ];
}
