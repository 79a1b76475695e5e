/**
 * A criterion's wording for one assessment, and the guidance beside it.
 *
 * The source lacks the text of some criteria (absent) or keeps only their last words (fragment).
 * The organisation supplies that text in the workbook, in the criterion's own text cell: the
 * officer's input is the source of truth for that assessment, never written back to the file.
 * Complete source text is never replaced (its cell is locked, and a change to it is ignored here).
 *
 * Guidance is what the framework itself gives for a level of an area ("Questions to ask in self
 * assessment"); a framework without any gives none, and nothing is made up in its place.
 */
import type { CellValue, ResponseRow } from '../responses';
import { firstRowPerCriterion, slotOf } from './identity';
import type { Criterion, Framework } from './types';

/**
 * The officer's wording for a criterion whose source text is absent or a fragment, from the value
 * of its text cell: null while the cell is blank or still holds only the fragment (nothing added),
 * and for a criterion whose source text is complete.
 */
export function ownWordingOf(
  criterion: Pick<Criterion, 'text' | 'textStatus'>,
  cell: CellValue,
): string | null {
  if (criterion.textStatus === 'complete') return null;
  if (cell === null || cell === undefined || cell instanceof Date || typeof cell === 'boolean') return null;
  const typed = String(cell).trim();
  if (typed === '' || typed === criterion.text.trim()) return null;
  return typed;
}

/**
 * The framework as this assessment reads: each absent or fragment criterion takes the wording the
 * officer typed on its row (the row that counts: the first with its id), marked as the
 * organisation's. Rows read without their text cell (`text` undefined) change nothing.
 */
export function withCompletedText(framework: Framework, responses: readonly ResponseRow[]): Framework {
  const first = firstRowPerCriterion(framework, responses);
  let changed = false;
  const criteria = framework.criteria.map((c): Criterion => {
    if (c.textStatus === 'complete') return c;
    const own = ownWordingOf(c, first.get(slotOf(c))?.text);
    if (own === null) return c;
    changed = true;
    return { ...c, text: own, textStatus: 'complete', ownWording: true };
  });
  return changed ? { ...framework, criteria } : framework;
}

/** The framework's questions for one level of one area, in its order; empty when it has none. */
export function guidanceOf(
  framework: Pick<Framework, 'questions'>,
  at: { readonly area: number; readonly level: number },
): readonly string[] {
  return framework.questions.find((q) => q.area === at.area && q.level === at.level)?.questions ?? [];
}

/** Whether the framework gives guidance for any level of the area (its sheet then has the column). */
export function hasGuidance(framework: Pick<Framework, 'questions'>, area: number): boolean {
  return framework.questions.some((q) => q.area === area && q.questions.length > 0);
}
