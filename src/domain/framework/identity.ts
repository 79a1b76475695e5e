/**
 * Criterion identity. The source documents reuse ids with different meanings (draft 1.13 is
 * Customer engagement, revision 1.13 is Good practice), and the combined framework (combined.ts)
 * holds both documents' ids in one framework. So within a framework a criterion is its area and
 * its id (`CriterionSlot`), and across frameworks it is the framework id, version, area and id
 * (`Criterion.key`). An id alone never identifies a criterion.
 */
import type { Framework } from './types';

/** A criterion within one framework: its area and id. */
export type CriterionSlot = string & { readonly __brand: 'CriterionSlot' };

export function criterionSlot(area: number, criterionId: string): CriterionSlot {
  return `${area}#${criterionId}` as CriterionSlot;
}

/** The slot of a criterion (or anything with an area and an id). */
export function slotOf(criterion: { readonly area: number; readonly id: string }): CriterionSlot {
  return criterionSlot(criterion.area, criterion.id);
}

/**
 * The slot a response row names: the area of the sheet it was read from and its id cell. A row
 * without an area (made by hand, not read from a workbook) names the first criterion with its id,
 * which is only unambiguous in a framework that uses each id once.
 */
export function responseSlot(
  framework: Framework,
  row: { readonly criterionId: string; readonly area?: number },
): CriterionSlot {
  const area = row.area ?? framework.criteria.find((c) => c.id === row.criterionId)?.area ?? 0;
  return criterionSlot(area, row.criterionId);
}

/** Duplicate rows for one criterion: the first counts (the checks report the others). */
export function firstRowPerCriterion<R extends { readonly criterionId: string; readonly area?: number }>(
  framework: Framework,
  responses: readonly R[],
): Map<CriterionSlot, R> {
  const first = new Map<CriterionSlot, R>();
  for (const row of responses) {
    const slot = responseSlot(framework, row);
    if (!first.has(slot)) first.set(slot, row);
  }
  return first;
}
