/** rating-invalid, na-without-reason, met-without-evidence: one criterion's own row. */
import { describeCellValue } from '../cellText';
import { describeFixValue, isBlankCell, nearMissReason, ratingWithLabel } from '../rating';
import type { CellValue } from '../responses';
import type { CheckIssue } from './types';
import { issue, type CheckContext } from './context';

export function ratingIssues(context: CheckContext): CheckIssue[] {
  const { framework, settings } = context;
  const scale = framework.ratingScale;
  const issues: CheckIssue[] = [];
  for (const { criterion, outcome } of context.criteria) {
    const row = outcome.response;
    if (!row) continue;
    const { reading } = outcome;
    const base = { criterionId: criterion.id, criterion, row } as const;

    if (reading.kind === 'invalid') {
      issues.push(
        issue({
          ...base,
          ruleId: 'rating-invalid',
          field: 'rating',
          // Says what the fix would write, not that it has happened: nothing changes until Fix is pressed.
          text: () =>
            reading.fix !== undefined
              ? `${describeCellValue(reading.raw)} is not a rating${reasonFor(reading.raw)}; Fix writes ${describeFixValue(reading.fix, scale)}.`
              : `${reading.message}.`,
          ...(reading.fix !== undefined ? { fix: { field: 'rating', value: reading.fix } } : {}),
        }),
      );
    }
    if (outcome.status === 'na' && isBlankCell(row.notes)) {
      issues.push(
        issue({
          ...base,
          ruleId: 'na-without-reason',
          field: 'notes',
          text: () =>
            `${criterion.id} is marked ${scale.notApplicable.label} with no reason; expected a note saying why it does not apply.`,
        }),
      );
    }
    const rating = outcome.rating;
    if (outcome.status === 'met' && rating !== null && isBlankCell(row.evidence)) {
      issues.push(
        issue({
          ...base,
          ruleId: 'met-without-evidence',
          field: 'evidence',
          text: () =>
            `${criterion.id} is rated ${ratingWithLabel(rating, scale)}, which meets the threshold of ` +
            `${settings.metThreshold}, but has no evidence; expected how it was done and what the evidence is.`,
        }),
      );
    }
  }
  return issues;
}

/** " (a number stored as text)", " (it holds an invisible character, …)", or nothing. */
function reasonFor(raw: CellValue): string {
  const why = typeof raw === 'string' ? nearMissReason(raw) : undefined;
  return why === undefined ? '' : ` (${why})`;
}
