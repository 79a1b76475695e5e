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
  // Criteria by area, then framework row, so each is compared only with its own row: linear in
  // the number of criteria, not quadratic. Nested maps with number keys: no key strings to build.
  type Entry = (typeof context.criteria)[number];
  const byRow = new Map<number, Map<number, Entry[]>>();
  for (const entry of context.criteria) {
    const { area, row } = entry.criterion;
    if (row === null) continue;
    let rows = byRow.get(area);
    if (!rows) byRow.set(area, (rows = new Map()));
    const list = rows.get(row);
    if (list) list.push(entry);
    else rows.set(row, [entry]);
  }
  for (const higher of context.criteria) {
    const { area, row, level } = higher.criterion;
    if (higher.outcome.status !== 'met' || row === null) continue;
    const lowerInRow = (byRow.get(area)?.get(row) ?? []).filter(
      (other) =>
        other.criterion.level < level &&
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
          criterionId: higher.criterion.id,
          criterion: higher.criterion,
          row: higher.outcome.response,
          field: 'rating',
          text: () =>
            `${higher.criterion.id} (${levelName(framework, higher.criterion.level)}) is met but ` +
            `${lower.criterion.id} (${levelName(framework, lower.criterion.level)}), the same theme at a lower level, ${state}; ` +
            `expected the lower level to be met first, or the ratings checked.`,
        }),
      );
    }
  }
  return issues;
}
