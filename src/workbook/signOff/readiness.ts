/**
 * What must be fixed or accepted before an assessment is finalised: every error the full Check
 * finds, each listed; the criteria still unanswered; the met criteria without their evidence or
 * the difference made recorded. The officer accepts each error (or all of them at once, listed)
 * and each of the other two lists as a whole; what was accepted is recorded with the approval.
 */
import { evidenceRecorded, type AssessmentResult, type Framework } from '../../domain';
import type { Audit, WorkbookProblem } from '../audit';
import { CHANGED_SINCE_APPROVAL } from './changes';

export interface CriterionNote {
  readonly area: number;
  readonly areaName: string;
  readonly criterionId: string;
  /** The rating cell, when read from a workbook. */
  readonly cell?: string;
}

export interface Readiness {
  readonly errors: readonly WorkbookProblem[];
  readonly unanswered: readonly CriterionNote[];
  readonly withoutEvidence: readonly CriterionNote[];
}

/** What the officer ticked: the keys of the errors accepted, and the two lists accepted or not. */
export interface Acceptance {
  readonly errors: readonly string[];
  readonly unanswered: boolean;
  readonly withoutEvidence: boolean;
}

export const NOTHING_ACCEPTED: Acceptance = { errors: [], unanswered: false, withoutEvidence: false };

/**
 * The readiness of an audited workbook, or why it cannot be finalised at all: without usable
 * settings no criterion can be judged, so there is nothing to approve.
 */
export function readinessOf(framework: Framework, audit: Audit): Readiness | { readonly blocked: string } {
  const result: AssessmentResult | null = audit.result;
  if (result === null) {
    return {
      blocked:
        'The settings on the Start sheet cannot be read, so no criterion can be judged: fix them (Check names the cells), then finalise.',
    };
  }
  const note = (c: AssessmentResult['criteria'][number]): CriterionNote => ({
    area: c.area,
    areaName: framework.areas.find((a) => a.number === c.area)?.shortName ?? `Area ${c.area}`,
    criterionId: c.criterionId,
    ...(c.response?.cells?.rating ? { cell: c.response.cells.rating } : {}),
  });
  return {
    errors: audit.problems.filter((p) => p.severity === 'error' && p.ruleId !== CHANGED_SINCE_APPROVAL),
    unanswered: result.criteria.filter((c) => c.status === 'unanswered').map(note),
    withoutEvidence: result.criteria.filter((c) => c.status === 'met' && !evidenceRecorded(c)).map(note),
  };
}

/** What is still neither fixed nor accepted, in words; empty when the workbook can be finalised. */
export function unacceptedOf(readiness: Readiness, acceptance: Acceptance): string[] {
  const accepted = new Set(acceptance.errors);
  const errors = readiness.errors
    .filter((p) => !accepted.has(p.key))
    .map((p) => `Not accepted: ${p.message}`);
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const lists: string[] = [];
  if (readiness.unanswered.length > 0 && !acceptance.unanswered) {
    lists.push(
      `${plural(readiness.unanswered.length, 'criterion is', 'criteria are')} unanswered: answer them or accept finalising without them.`,
    );
  }
  if (readiness.withoutEvidence.length > 0 && !acceptance.withoutEvidence) {
    lists.push(
      `${plural(readiness.withoutEvidence.length, 'met criterion has', 'met criteria have')} no evidence or difference made recorded: record it or accept finalising without it.`,
    );
  }
  return [...errors, ...lists];
}

/** How many problems were accepted, and what they were, for the Sign-off record. */
export function acceptedRecord(readiness: Readiness): { count: number; list: string } {
  const ids = (notes: readonly CriterionNote[]) =>
    notes.map((n) => `${n.areaName} ${n.criterionId}`).join(', ');
  const parts = [
    readiness.errors.length > 0
      ? `Errors accepted: ${readiness.errors.map((p) => p.message).join(' | ')}`
      : '',
    readiness.unanswered.length > 0 ? `Unanswered criteria accepted: ${ids(readiness.unanswered)}.` : '',
    readiness.withoutEvidence.length > 0
      ? `Met without evidence or difference made, accepted: ${ids(readiness.withoutEvidence)}.`
      : '',
  ].filter((p) => p !== '');
  return {
    count: readiness.errors.length + readiness.unanswered.length + readiness.withoutEvidence.length,
    list:
      parts.length > 0
        ? parts.join('\n')
        : 'Nothing: no errors, no unanswered criteria, evidence recorded for every met criterion.',
  };
}
