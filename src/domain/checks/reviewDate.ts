/** review-date-invalid, review-date-past, review-date-missing. */
import { compareDates, formatDate, readReviewDate, EXPECTED_DATE_TEXT } from '../dates';
import { ratingWithLabel } from '../rating';
import type { CheckIssue } from './types';
import { issue, type CheckContext } from './context';

export function reviewDateIssues(context: CheckContext): CheckIssue[] {
  const { framework, settings, today } = context;
  const issues: CheckIssue[] = [];
  for (const { criterion, outcome } of context.criteria) {
    const row = outcome.response;
    if (!row) continue;
    const base = { criterionId: criterion.id, criterion, row, field: 'reviewDate' } as const;
    // Strict: only a date Excel holds as a date, as the sheet's highlights read it (dates.ts).
    const reading = readReviewDate(row.reviewDate);

    if (reading.kind === 'invalid') {
      issues.push(
        issue({
          ...base,
          ruleId: 'review-date-invalid',
          text: () => `${reading.message}.`,
        }),
      );
    } else if (reading.kind === 'date' && compareDates(reading.date, today) < 0) {
      issues.push(
        issue({
          ...base,
          ruleId: 'review-date-past',
          text: () =>
            `the review date ${formatDate(reading.date)} for ${criterion.id} has passed (today is ${formatDate(today)}); expected a date from today on.`,
        }),
      );
    } else if (reading.kind === 'blank' && outcome.status === 'not-met' && outcome.rating !== null) {
      const rating = outcome.rating;
      issues.push(
        issue({
          ...base,
          ruleId: 'review-date-missing',
          text: () =>
            `${criterion.id} is rated ${ratingWithLabel(rating, framework.ratingScale)}, below the threshold of ` +
            `${settings.metThreshold}, and has no review date; expected ${EXPECTED_DATE_TEXT} for its action.`,
        }),
      );
    }
  }
  return issues;
}
