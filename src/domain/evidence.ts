/**
 * Evidence completeness: of the criteria counted as met, how many have both their evidence and
 * the difference made recorded. A board approving a self-assessment wants to know that a "met"
 * is backed by something written down, not only by a rating.
 *
 * "Recorded" is what the sheet's formula can see: anything but an empty cell or one holding only
 * ordinary spaces (`isBlankCell`, the same test as the check for met without evidence), so the
 * Summary's figure and the add-in's always agree.
 */
import { isBlankCell } from './rating';
import type { AssessmentResult, CriterionOutcome } from './scoring';

export interface EvidenceShare {
  /** Criteria counted as met. */
  readonly met: number;
  /** Of those, the ones with evidence and the difference made both recorded. */
  readonly recorded: number;
  /** recorded / met, or null when nothing is met (there is nothing to back up). */
  readonly share: number | null;
}

export interface EvidenceCompleteness {
  /** One entry per area of the result, in its order. */
  readonly areas: readonly (EvidenceShare & { readonly area: number })[];
  readonly overall: EvidenceShare;
}

/** Whether a met criterion has its evidence and the difference made recorded. */
export function evidenceRecorded(outcome: CriterionOutcome): boolean {
  const response = outcome.response;
  return (
    outcome.status === 'met' &&
    response !== null &&
    !isBlankCell(response.evidence) &&
    !isBlankCell(response.difference)
  );
}

function shareOf(criteria: readonly CriterionOutcome[]): EvidenceShare {
  const met = criteria.filter((c) => c.status === 'met');
  const recorded = met.filter(evidenceRecorded).length;
  return { met: met.length, recorded, share: met.length === 0 ? null : recorded / met.length };
}

export function evidenceCompleteness(result: AssessmentResult): EvidenceCompleteness {
  return {
    areas: result.areas.map((a) => ({
      area: a.area,
      ...shareOf(result.criteria.filter((c) => c.area === a.area)),
    })),
    overall: shareOf(result.criteria),
  };
}

/**
 * In words, for the pane and the board report: "Evidence and difference made recorded for 12 of
 * 15 met criteria (80%)". The percentage is rounded as the Summary's 0% format shows it.
 */
export function evidenceText(share: EvidenceShare): string {
  if (share.share === null) return 'No criterion is met yet, so there is no evidence to record.';
  return `Evidence and difference made recorded for ${share.recorded} of ${share.met} met criteria (${Math.round(share.share * 100)}%).`;
}
