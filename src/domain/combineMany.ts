/**
 * Combining several colleagues' copies at once (a department each, or every landlord of a group
 * filling a shared framework): each copy is compared in turn with what the ones before it gave,
 * by one rule the officer chooses for them all. What is new in a copy always fills a blank; where
 * a copy disagrees, "both" joins its texts to what is there (keeping the rating already there) and
 * "theirs" takes the copy's, so the later copy wins. The result is compared with this workbook's
 * own responses, as a single colleague's copy is, and written the same way
 * (src/workbook/combineWrite.ts), so nothing this workbook held is lost: what is replaced is
 * archived. The copies' files are never changed.
 */
import {
  combineChoice,
  compareCopies,
  type CombinedCriterion,
  type CombinedField,
  type CombineState,
} from './combine';
import type { CriterionSlot } from './framework/identity';
import type { Framework } from './framework/types';
import type { CellValue, ResponseRow } from './responses';

export type ManyRule = 'both' | 'theirs';

export interface CopyResponses {
  /** The file's name, which marks its texts when joined. */
  readonly name: string;
  readonly responses: readonly ResponseRow[];
}

export interface ManyComparison {
  /**
   * This workbook's responses against the combined result: every criterion where the result
   * differs is 'new' or a 'conflict' (never 'ours-only': no rule blanks a criterion), and taking
   * "theirs" for each writes the result.
   */
  readonly criteria: readonly CombinedCriterion[];
  /** Per copy, in order: how it compared with what the copies before it had given. */
  readonly perCopy: readonly {
    readonly name: string;
    readonly counts: Readonly<Record<CombineState, number>>;
  }[];
  /** The copies that gave each criterion's result something, by criterion, in order. */
  readonly contributors: ReadonlyMap<CriterionSlot, readonly string[]>;
}

/** A row for compareCopies from a criterion's values (its place is the criterion's). */
function rowOf(item: CombinedCriterion, values: Readonly<Record<CombinedField, CellValue>>): ResponseRow {
  return {
    criterionId: item.criterion.id,
    area: item.criterion.area,
    rating: values.rating,
    evidence: values.evidence,
    difference: values.difference,
    owner: values.owner,
    reviewDate: values.reviewDate,
    notes: values.notes,
    text: values.text,
  };
}

export function combineMany(
  framework: Framework,
  ours: readonly ResponseRow[],
  copies: readonly CopyResponses[],
  rule: ManyRule,
): ManyComparison {
  let current: readonly ResponseRow[] = ours;
  const perCopy: ManyComparison['perCopy'][number][] = [];
  const contributors = new Map<CriterionSlot, string[]>();
  for (const copy of copies) {
    const { criteria, counts } = compareCopies(framework, current, copy.responses);
    perCopy.push({ name: copy.name, counts });
    current = criteria.map((item) => {
      const choice = item.state === 'new' ? 'theirs' : item.state === 'conflict' ? rule : 'ours';
      const { values } = combineChoice(item, choice, copy.name);
      if (choice !== 'ours') contributors.set(item.slot, [...(contributors.get(item.slot) ?? []), copy.name]);
      return rowOf(item, values);
    });
  }
  const result = compareCopies(framework, ours, current);
  return { criteria: result.criteria, perCopy, contributors };
}
