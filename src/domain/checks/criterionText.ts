/**
 * criterion-text-missing: a criterion whose wording the source lacks (absent) or keeps only the
 * last words of (fragment), still without the organisation's wording in its text cell. A warning,
 * not an error: the rating still counts, but a board paper or action plan would name the
 * criterion by its number alone.
 */
import { ownWordingOf } from '../framework/wording';
import type { CheckIssue } from './types';
import { issue, type CheckContext } from './context';

export function criterionTextIssues(context: CheckContext): CheckIssue[] {
  const issues: CheckIssue[] = [];
  for (const { criterion, outcome } of context.criteria) {
    const row = outcome.response;
    // No row: criterion-missing says so. A row read without its text cell cannot be judged.
    if (criterion.textStatus === 'complete' || !row || row.text === undefined) continue;
    if (ownWordingOf(criterion, row.text) !== null) continue;
    issues.push(
      issue({
        ruleId: 'criterion-text-missing',
        criterionId: criterion.id,
        criterion,
        row,
        field: 'text',
        text: () =>
          criterion.textStatus === 'absent'
            ? `the source does not have the wording of criterion ${criterion.id}; type it in this cell from your organisation's copy of the framework.`
            : `the source keeps only the last words of criterion ${criterion.id} (“${criterion.text.trim()}”); type its full wording in this cell from your organisation's copy of the framework.`,
      }),
    );
  }
  return issues;
}
