/**
 * Mappings onto a combined framework (combined.ts), derived from what is already checked rather
 * than written out again: outside the revised area the combined framework's criteria are the
 * base's own, so each is paired with itself; inside it, the mapping from the base to the revision
 * says what corresponds, and what it leaves unmapped stays unmapped.
 *
 * A mapping pairs criteria within one area (a pair's `to` is looked up in the area of its `from`),
 * which is what lets 1.13 of area 3 and 1.13 of area 2 be told apart.
 */
import type { Framework } from './types';
import type { Mapping } from './mapping';

function ref(f: Framework) {
  return { id: f.id, version: f.version };
}

/** base → combined: the same criterion outside `area`; `baseToRevision` inside it. */
export function baseToCombined(
  base: Framework,
  combined: Framework,
  area: number,
  baseToRevision: Mapping,
): Mapping {
  const kept = base.criteria.filter((c) => c.area !== area);
  return {
    formatVersion: 1,
    from: ref(base),
    to: ref(combined),
    areas: base.areas.map((a) => a.number),
    pairs: [
      ...kept.map((c) => ({
        from: c.id,
        to: c.id,
        basis: `the same criterion: area ${c.area} of ${combined.version} is area ${c.area} of ${base.version}`,
      })),
      ...baseToRevision.pairs,
    ],
    unmapped: baseToRevision.unmapped,
  };
}

/** revision → combined: the revised area is the revision's own, criterion for criterion. */
export function revisionToCombined(revision: Framework, combined: Framework, area: number): Mapping {
  return {
    formatVersion: 1,
    from: ref(revision),
    to: ref(combined),
    areas: [area],
    pairs: revision.criteria
      .filter((c) => c.area === area)
      .map((c) => ({
        from: c.id,
        to: c.id,
        basis: `the same criterion: area ${area} of ${combined.version} is area ${area} of ${revision.version}`,
      })),
    unmapped: [],
  };
}
