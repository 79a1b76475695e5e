/**
 * The criteria that most often hold organisations of a group back from each level: for each
 * organisation, the engine's blockers (src/domain/scoring.ts: the unsatisfied levels up to the next
 * one an area could reach, with their criteria not met or not answered), counted per criterion
 * over the group. Worked out by the add-in and written as values, because which criteria block is
 * the engine's reading of every organisation at once, not a cell formula.
 */
import {
  compareCriterionIds,
  criterionSlot,
  type AssessmentResult,
  type CriterionSlot,
  type Framework,
} from '../../domain';

export interface BlockingCriterion {
  readonly area: number;
  readonly criterionId: string;
  /** Organisations this criterion holds back at its level: notMet + unanswered. */
  readonly organisations: number;
  /** Of those, where it is rated below the threshold. */
  readonly notMet: number;
  /** Of those, where it is not answered (blank or not recognised). */
  readonly unanswered: number;
}

export interface LevelBlockers {
  readonly level: number;
  readonly levelName: string;
  /** Most organisations first, then by area and id; at most the number asked for. */
  readonly criteria: readonly BlockingCriterion[];
  /** How many criteria block this level somewhere in the group (criteria may be more). */
  readonly total: number;
}

/** How many criteria each level lists. */
export const BLOCKERS_SHOWN = 5;

export function blockingCriteria(
  framework: Framework,
  results: readonly AssessmentResult[],
  shown: number = BLOCKERS_SHOWN,
): LevelBlockers[] {
  const counts = new Map<CriterionSlot, { notMet: number; unanswered: number }>();
  const add = (area: number, id: string, kind: 'notMet' | 'unanswered') => {
    const slot = criterionSlot(area, id);
    const entry = counts.get(slot) ?? { notMet: 0, unanswered: 0 };
    counts.set(slot, { ...entry, [kind]: entry[kind] + 1 });
  };
  for (const result of results) {
    for (const area of result.areas) {
      for (const blocker of area.blockers) {
        for (const c of blocker.notMet) add(area.area, c.criterionId, 'notMet');
        for (const c of blocker.unanswered) add(area.area, c.criterionId, 'unanswered');
      }
    }
  }
  return [...framework.levels]
    .sort((a, b) => a.number - b.number)
    .map((level) => {
      const all = framework.criteria
        .filter((c) => c.level === level.number)
        .flatMap((c): BlockingCriterion[] => {
          const entry = counts.get(criterionSlot(c.area, c.id));
          if (!entry) return [];
          return [
            { area: c.area, criterionId: c.id, organisations: entry.notMet + entry.unanswered, ...entry },
          ];
        })
        .sort(
          (a, b) =>
            b.organisations - a.organisations ||
            a.area - b.area ||
            compareCriterionIds(a.criterionId, b.criterionId),
        );
      return { level: level.number, levelName: level.name, criteria: all.slice(0, shown), total: all.length };
    });
}
