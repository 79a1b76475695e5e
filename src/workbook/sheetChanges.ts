/**
 * What an upgrade or regeneration does to each area sheet, in the terms an officer thinks in:
 * which sheets are kept as they are, which are replaced by another version of the area, which
 * are removed (their responses archived) and which are new. Decided from the two frameworks
 * alone, before anything is read or written, so the preview can lead with it.
 *
 * An area is kept as it is when the target has the same area (number and sheet name) with the
 * same criteria, criterion for criterion (id, level, row, sub-theme, text and its status): every
 * response then stays on its row, as the carry-over places it.
 */
import type { Criterion, Framework } from '../domain';
import { sameSheet } from './sheetNames';
import { areaCriteria } from './sheets/area';

export type SheetChangeKind = 'kept' | 'replaced' | 'removed' | 'added';

export interface SheetChange {
  readonly kind: SheetChangeKind;
  readonly area: number;
  readonly sheet: string;
}

function sameCriteria(a: readonly Criterion[], b: readonly Criterion[]): boolean {
  const facts = (c: Criterion) => [c.id, c.level, c.row, c.subTheme, c.text, c.textStatus];
  return (
    a.length === b.length && a.every((c, i) => JSON.stringify(facts(c)) === JSON.stringify(facts(b[i]!)))
  );
}

/** One entry per area sheet of either framework: the source's in order, then those only the target has. */
export function sheetChanges(source: Framework, target: Framework): SheetChange[] {
  const changes: SheetChange[] = source.areas.map((area) => {
    const to = target.areas.find((t) => t.number === area.number && sameSheet(t.shortName, area.shortName));
    if (!to) return { kind: 'removed', area: area.number, sheet: area.shortName };
    const kept = sameCriteria(areaCriteria(source, area.number), areaCriteria(target, to.number));
    return { kind: kept ? 'kept' : 'replaced', area: area.number, sheet: to.shortName };
  });
  for (const area of target.areas) {
    if (!changes.some((c) => c.kind !== 'removed' && sameSheet(c.sheet, area.shortName)))
      changes.push({ kind: 'added', area: area.number, sheet: area.shortName });
  }
  return changes;
}

const listed = (sheets: readonly SheetChange[]) => {
  const names = sheets.map((s) => s.sheet);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
};

/**
 * The sentence the preview leads with: "Replaces the Leadership sheet; 4 other areas are kept as
 * they are." Regenerating with the same framework keeps every area.
 */
export function sheetChangeWords(changes: readonly SheetChange[]): string {
  const of = (kind: SheetChangeKind) => changes.filter((c) => c.kind === kind);
  const [kept, replaced, removed, added] = [of('kept'), of('replaced'), of('removed'), of('added')];
  const parts: string[] = [];
  const sheetWord = (n: number) => (n === 1 ? 'sheet' : 'sheets');
  if (replaced.length > 0) parts.push(`Replaces the ${listed(replaced)} ${sheetWord(replaced.length)}`);
  if (removed.length > 0)
    parts.push(
      `removes the ${listed(removed)} ${sheetWord(removed.length)} (their responses go to the archive)`,
    );
  if (added.length > 0) parts.push(`adds the ${listed(added)} ${sheetWord(added.length)}`);
  if (kept.length > 0) {
    const n = kept.length;
    parts.push(
      parts.length > 0
        ? `${n} other ${n === 1 ? 'area is kept as it is' : 'areas are kept as they are'}`
        : `Every area is kept as it is (${listed(kept)})`,
    );
  }
  const sentence = parts.join('; ');
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}
