/**
 * higher-met-lower-not: a framework row is one theme at each level, so a higher level met while a
 * lower one in the same row is not usually means a rating went in the wrong place.
 */
import { ratingWithLabel } from '../rating';
import type { CheckIssue } from './types';
import { issue, levelName, type CheckContext } from './context';

export function rowOrderIssues(context: CheckContext): CheckIssue[] {
  const { framework } = context;
  const issues: CheckIssue[] = [];
  // Criteria by framework row (area and row), so each is compared only with its own row: linear
  // in the number of criteria, not quadratic (100,000 responses are checked in milliseconds).
  const rowKey = (c: { area: number; row: number | null }) => `${c.area}:${c.row ?? ''}`;
  const byRow = new Map<string, (typeof context.criteria)[number][]>();
  for (const entry of context.criteria) {
    if (entry.criterion.row === null) continue;
    const key = rowKey(entry.criterion);
    const list = byRow.get(key);
    if (list) list.push(entry);
    else byRow.set(key, [entry]);
  }
  for (const higher of context.criteria) {
    if (higher.outcome.status !== 'met' || higher.criterion.row === null) continue;
    const lowerInRow = (byRow.get(rowKey(higher.criterion)) ?? []).filter(
      (other) =>
        other.criterion.level < higher.criterion.level &&
        (other.outcome.status === 'not-met' || other.outcome.status === 'unanswered'),
    );
    for (const lower of lowerInRow) {
      const state =
        lower.outcome.rating !== null
          ? `is rated ${ratingWithLabel(lower.outcome.rating, framework.ratingScale)}`
          : 'is not yet answered';
      issues.push(
        issue({
          ruleId: 'higher-met-lower-not',
          severity: 'warning',
          criterionId: higher.criterion.id,
          criterion: higher.criterion,
          row: higher.outcome.response,
          field: 'rating',
          text: () =>
            `${higher.criterion.id} (${levelName(framework, higher.criterion.level)}) is met but ` +
            `${lower.criterion.id} (${levelName(framework, lower.criterion.level)}) in the same row ${state}; ` +
            `expected the lower level to be met first, or the ratings checked.`,
        }),
      );
    }
  }
  return issues;
}
