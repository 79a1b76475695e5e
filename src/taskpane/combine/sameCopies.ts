/**
 * Which chosen copies are the same copy twice, so that combining both would count it twice (the
 * joined texts would repeat). Not the organisation and period on the Start sheet: the departments
 * of one landlord each fill a copy of the same workbook, so their Start sheets all say the same
 * organisation and period, and combining them is the point. A copy is the same as another when
 * they give the same answers for every criterion; a copy with no answers adds nothing and is
 * never a duplicate. Two files of the same name are named too: the "[From hr.xlsx]" marks and the
 * archive would not tell them apart.
 */
import { isBlankCell, type ResponseRow } from '../../domain/index';

export interface ChosenCopy {
  readonly fileName: string;
  readonly responses: readonly ResponseRow[];
}

const FIELDS = ['rating', 'evidence', 'difference', 'owner', 'reviewDate', 'notes'] as const;

/** The copy's answers in a form that compares: answered criteria only, in a fixed order. */
function answersKey(copy: ChosenCopy): string | null {
  const answered = copy.responses
    .filter((r) => FIELDS.some((f) => !isBlankCell(r[f])))
    .map((r) => JSON.stringify([r.area ?? null, r.criterionId, ...FIELDS.map((f) => r[f] ?? null)]))
    .sort();
  return answered.length === 0 ? null : answered.join('\n');
}

function groups<T>(items: readonly T[], keyOf: (item: T) => string | null): T[][] {
  const byKey = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key !== null) byKey.set(key, [...(byKey.get(key) ?? []), item]);
  }
  return [...byKey.values()].filter((group) => group.length > 1);
}

/** One line per set of duplicates, naming the files and why. */
export function sameCopies(copies: readonly ChosenCopy[]): string[] {
  const names = (group: readonly ChosenCopy[]) => group.map((c) => c.fileName).join(', ');
  return [
    ...groups(copies, (c) => c.fileName.trim().toLowerCase()).map(
      (group) => `${names(group)}: ${group.length} files of the same name.`,
    ),
    ...groups(copies, answersKey).map((group) => `${names(group)}: the same answers in each.`),
  ];
}
