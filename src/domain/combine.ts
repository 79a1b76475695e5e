/**
 * Combining a colleague's copy of the assessment with this one, decided without Excel: for each
 * criterion, whether their copy adds something (new), says the same, or disagrees (a conflict:
 * a different rating or text where both have one), and what a choice of theirs, ours or both
 * gives, with everything it replaces, so that nothing anyone typed is lost (the replaced values
 * go to the Archived responses sheet). Both copies must be of the same framework and version
 * (the caller maps one onto the other first where a mapping exists).
 */
import { firstRowPerCriterion, responseSlot, slotOf, type CriterionSlot } from './framework/identity';
import type { Criterion, Framework } from './framework/types';
import { ownWordingOf } from './framework/wording';
import { isBlankCell } from './rating';
import { RESPONSE_FIELDS, type CellValue, type ResponseField, type ResponseRow } from './responses';

/** The fields compared: the responses, and the wording typed for a criterion the source lacks. */
export type CombinedField = ResponseField | 'text';

export type CombineState =
  /** Neither copy has anything, or both have exactly the same. */
  | 'same'
  /** Only the colleague's copy has something for this criterion. */
  | 'new'
  /** Only this copy has something: taking theirs would blank it, so it is never offered as "new". */
  | 'ours-only'
  /** Both have something and at least one field differs. */
  | 'conflict';

export type CombineChoice = 'ours' | 'theirs' | 'both';

export interface CombinedCriterion {
  readonly slot: CriterionSlot;
  readonly criterion: Criterion;
  readonly state: CombineState;
  /** Fields whose values differ (for 'new', every field the colleague filled). */
  readonly differing: readonly CombinedField[];
  readonly ours: Readonly<Record<CombinedField, CellValue>>;
  readonly theirs: Readonly<Record<CombinedField, CellValue>>;
}

export interface CopyComparison {
  readonly criteria: readonly CombinedCriterion[];
  readonly counts: Readonly<Record<CombineState, number>>;
}

/** What one choice gives for a criterion: the values to write, and the values they replace. */
export interface CombinedResult {
  readonly values: Readonly<Record<CombinedField, CellValue>>;
  /** This copy's values that the choice overwrites (to be archived), by field. */
  readonly replaced: Partial<Record<CombinedField, CellValue>>;
}

const FIELDS: readonly CombinedField[] = [...RESPONSE_FIELDS, 'text'];
/** Fields where "both" joins the two texts; for the others "both" keeps ours unless ours is blank. */
const JOINABLE: ReadonlySet<CombinedField> = new Set(['evidence', 'difference', 'owner', 'notes', 'text']);

function valuesOf(criterion: Criterion, row: ResponseRow | undefined): Record<CombinedField, CellValue> {
  const out = Object.fromEntries(RESPONSE_FIELDS.map((f) => [f, row?.[f] ?? ''])) as Record<
    CombinedField,
    CellValue
  >;
  // Only wording the officer typed counts: the source's own text (or its fragment) is not theirs.
  out.text = ownWordingOf(criterion, row?.text) ?? '';
  return out;
}

/** Equal as the officer sees them: blanks alike, a number and the same number typed as text alike. */
export function sameCell(a: CellValue, b: CellValue): boolean {
  if (isBlankCell(a) || isBlankCell(b)) return isBlankCell(a) && isBlankCell(b);
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  }
  if (typeof a === 'number' || typeof b === 'number') {
    const n = (v: CellValue) => (typeof v === 'string' && v.trim() !== '' ? Number(v.trim()) : v);
    return n(a) === n(b);
  }
  return a === b;
}

function stateOf(ours: Record<CombinedField, CellValue>, theirs: Record<CombinedField, CellValue>) {
  const differing = FIELDS.filter((f) => !sameCell(ours[f], theirs[f]));
  const blank = (v: Record<CombinedField, CellValue>) => FIELDS.every((f) => isBlankCell(v[f]));
  if (differing.length === 0) return { state: 'same' as const, differing };
  if (blank(ours)) return { state: 'new' as const, differing };
  if (blank(theirs)) return { state: 'ours-only' as const, differing };
  return { state: 'conflict' as const, differing };
}

export function compareCopies(
  framework: Framework,
  ours: readonly ResponseRow[],
  theirs: readonly ResponseRow[],
): CopyComparison {
  const mine = firstRowPerCriterion(framework, ours);
  const colleague = firstRowPerCriterion(framework, theirs);
  const counts: Record<CombineState, number> = { same: 0, new: 0, 'ours-only': 0, conflict: 0 };
  const criteria = framework.criteria.map((criterion): CombinedCriterion => {
    const slot = slotOf(criterion);
    const a = valuesOf(criterion, mine.get(slot));
    const b = valuesOf(criterion, colleague.get(slot));
    const { state, differing } = stateOf(a, b);
    counts[state] += 1;
    return { slot, criterion, state, differing, ours: a, theirs: b };
  });
  return { criteria, counts };
}

/**
 * The values a choice gives. "theirs" takes every field of the colleague's copy as it is (a blank
 * of theirs blanks ours, and ours is kept as replaced); "both" joins the texts, ours first, with
 * the colleague's marked by `source`, and keeps our rating and review date unless ours is blank.
 */
export function combineChoice(
  item: CombinedCriterion,
  choice: CombineChoice,
  source: string,
): CombinedResult {
  if (choice === 'ours') return { values: item.ours, replaced: {} };
  const values = { ...item.ours };
  const replaced: Partial<Record<CombinedField, CellValue>> = {};
  for (const field of FIELDS) {
    const mine = item.ours[field];
    const theirs = item.theirs[field];
    if (sameCell(mine, theirs)) continue;
    let next: CellValue;
    if (choice === 'theirs') next = theirs;
    else if (isBlankCell(mine)) next = theirs;
    else if (isBlankCell(theirs) || !JOINABLE.has(field)) next = mine;
    else next = `${String(mine)}\n[From ${source}] ${String(theirs)}`;
    if (next === mine) continue;
    values[field] = next;
    if (!isBlankCell(mine)) replaced[field] = mine;
  }
  return { values, replaced };
}

/**
 * Rows read from a copy on another framework placed on `target`'s criteria through a mapping's
 * pairs (target slot → their slot): each criterion takes the row of its counterpart. The wording
 * they typed belongs to their framework's criterion, so it is not carried.
 */
export function rowsThroughMapping(
  theirs: Framework,
  target: Framework,
  rows: readonly ResponseRow[],
  pairs: ReadonlyMap<CriterionSlot, CriterionSlot>,
): ResponseRow[] {
  const bySlot = new Map(rows.map((r) => [responseSlot(theirs, r), r]));
  return target.criteria.flatMap((c) => {
    const theirSlot = pairs.get(slotOf(c));
    const row = theirSlot === undefined ? undefined : bySlot.get(theirSlot);
    return row ? [{ ...row, area: c.area, criterionId: c.id, text: '' }] : [];
  });
}
