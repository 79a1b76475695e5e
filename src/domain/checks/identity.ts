/** criterion-missing, criterion-unknown, criterion-duplicate: do the rows match the framework? */
import type { CheckIssue } from './types';
import { areaShortName, issue, levelName, locate, type CheckContext } from './context';

export function identityIssues(context: CheckContext): CheckIssue[] {
  const { framework, responses } = context;
  const known = new Map(framework.criteria.map((c) => [c.id, c]));
  const firstRow = new Map<string, (typeof responses)[number]>();
  const issues: CheckIssue[] = [];
  const carried = new Set(responses.map((row) => row.criterionId));

  for (const criterion of framework.criteria) {
    if (carried.has(criterion.id)) continue;
    issues.push(
      issue({
        ruleId: 'criterion-missing',
        severity: 'error',
        criterionId: criterion.id,
        criterion,
        row: null,
        field: 'id',
        text: () =>
          `no row in the workbook carries this id (${areaShortName(framework, criterion.area)}, ` +
          `${levelName(framework, criterion.level)}); expected a row with the id ${criterion.id} (it may have been deleted).`,
      }),
    );
  }

  for (const row of responses) {
    const criterion = known.get(row.criterionId);
    if (!criterion) {
      issues.push(
        issue({
          ruleId: 'criterion-unknown',
          severity: 'error',
          criterionId: row.criterionId,
          row,
          field: 'id',
          text: () =>
            `the id ${JSON.stringify(row.criterionId)} is not a criterion of this framework; expected one of its ids (it may have been edited).`,
        }),
      );
      continue;
    }
    const first = firstRow.get(row.criterionId);
    if (!first) {
      firstRow.set(row.criterionId, row);
      continue;
    }
    issues.push(
      issue({
        ruleId: 'criterion-duplicate',
        severity: 'error',
        criterionId: criterion.id,
        criterion,
        row,
        field: 'id',
        text: () =>
          `a second row for ${criterion.id}; only the first (${locate(first, 'id', criterion.id)}) counts, ` +
          `so expected each id on one row only.`,
      }),
    );
  }
  return issues;
}
