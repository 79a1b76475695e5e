/**
 * Checks over an assessment's responses. What each rule checks, its severity and whether it offers
 * a fix are declared once, in rules.ts.
 */
import type { Framework } from '../framework/types';
import type { ResponseRow, ScoringSettings } from '../responses';
import { checkContext } from './context';
import { criterionTextIssues } from './criterionText';
import { identityIssues } from './identity';
import { ratingIssues } from './ratingRules';
import { reviewDateIssues } from './reviewDate';
import { rowOrderIssues } from './rowOrder';
import type { CheckIssue, CheckOptions } from './types';

export type { CheckIssue, CheckOptions, CheckRuleId, IssueField, IssueFix, Severity } from './types';
export { CHECK_RULES, severityOf } from './rules';

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
    ...criterionTextIssues(context),
    ...ratingIssues(context),
    ...rowOrderIssues(context),
    ...reviewDateIssues(context),
  ];
}
