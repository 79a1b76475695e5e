/** criterion-missing, criterion-unknown, criterion-duplicate: do the rows match the framework? */
import type { Criterion, Framework } from '../framework/types';
import { responseSlot, slotOf, type CriterionSlot } from '../framework/identity';
import type { CheckIssue } from './types';
import { areaShortName, issue, levelName, locate, type CheckContext } from './context';

/**
 * Criteria by area and id (identity.ts), built once per framework: checks run on every change
 * while the pane is open.
 */
const criteriaBySlot = new WeakMap<Framework, ReadonlyMap<CriterionSlot, Criterion>>();

function knownCriteria(framework: Framework): ReadonlyMap<CriterionSlot, Criterion> {
  let known = criteriaBySlot.get(framework);
  if (!known) {
    known = new Map(framework.criteria.map((c) => [slotOf(c), c]));
    criteriaBySlot.set(framework, known);
  }
  return known;
}

export function identityIssues(context: CheckContext): CheckIssue[] {
  const { framework, responses } = context;
  const known = knownCriteria(framework);
  const firstRow = new Map<CriterionSlot, (typeof responses)[number]>();
  // Rows first (unknown and repeated ids), so that missing criteria are found from the same map;
  // missing ones are still reported first.
  const rowIssues = rowIdentityIssues(framework, responses, known, firstRow);
  const issues: CheckIssue[] = [];

  for (const criterion of framework.criteria) {
    if (firstRow.has(slotOf(criterion))) continue;
    issues.push(
      issue({
        ruleId: 'criterion-missing',
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

  // concat, not push(...): a spread of 100,000 issues would overflow the call stack.
  return issues.concat(rowIssues);
}

function rowIdentityIssues(
  framework: Framework,
  responses: CheckContext['responses'],
  known: ReadonlyMap<CriterionSlot, Criterion>,
  firstRow: Map<CriterionSlot, CheckContext['responses'][number]>,
): CheckIssue[] {
  const issues: CheckIssue[] = [];
  for (const row of responses) {
    const slot = responseSlot(framework, row);
    const criterion = known.get(slot);
    // A row on another area's sheet (an id of that area): the workbook's structure check reports
    // it as moved, naming the sheet it belongs on, which says more than "not a criterion".
    if (!criterion && framework.criteria.some((c) => c.id === row.criterionId)) continue;
    if (!criterion) {
      issues.push(
        issue({
          ruleId: 'criterion-unknown',
          criterionId: row.criterionId,
          row,
          field: 'id',
          text: () =>
            `the id ${JSON.stringify(row.criterionId)} is not a criterion of this framework; expected one of its ids (it may have been edited).`,
        }),
      );
      continue;
    }
    const first = firstRow.get(slot);
    if (!first) {
      firstRow.set(slot, row);
      continue;
    }
    issues.push(
      issue({
        ruleId: 'criterion-duplicate',
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
