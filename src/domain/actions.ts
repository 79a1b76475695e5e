/**
 * The action list: every applicable criterion that is not met, in the order the work unlocks
 * levels. Sorted by level (so each area's next level comes before the levels above it), then area
 * number, then criterion id numerically. Owner and review date are carried over from the response
 * exactly as the cell holds them; the checks, not the list, judge them.
 */
import type { CriterionKey, Framework, TextStatus } from './framework/types';
import type { CellValue, ResponseRow, ScoringSettings } from './responses';
import { compareCriterionIds, score, type CriterionStatus } from './scoring';

export interface ActionItem {
  readonly criterionId: string;
  readonly key: CriterionKey;
  readonly area: number;
  readonly areaName: string;
  readonly areaShortName: string;
  readonly level: number;
  readonly levelName: string;
  readonly text: string;
  readonly textStatus: TextStatus;
  readonly status: Extract<CriterionStatus, 'not-met' | 'unanswered'>;
  /** The rating when rated below the threshold; null when not answered. */
  readonly rating: number | null;
  /** The rating cell as found (an unrecognised value stays visible). */
  readonly ratingRaw: CellValue;
  readonly owner: CellValue;
  readonly reviewDate: CellValue;
  /** True when the criterion's level is its area's next level: it blocks that level now. */
  readonly blocksNextLevel: boolean;
}

export function actionList(
  framework: Framework,
  responses: readonly ResponseRow[],
  settings: ScoringSettings,
): ActionItem[] {
  const result = score(framework, responses, settings);
  const areas = new Map(result.areas.map((a) => [a.area, a]));
  const levelNames = new Map(framework.levels.map((l) => [l.number, l.name]));

  const items = framework.criteria.flatMap((criterion, index): ActionItem[] => {
    const outcome = result.criteria[index];
    const area = areas.get(criterion.area);
    if (!outcome || !area) return [];
    if (outcome.status !== 'not-met' && outcome.status !== 'unanswered') return [];
    const response = outcome.response;
    return [
      {
        criterionId: criterion.id,
        key: criterion.key,
        area: area.area,
        areaName: area.name,
        areaShortName: area.shortName,
        level: criterion.level,
        levelName: levelNames.get(criterion.level) ?? '',
        text: criterion.text,
        textStatus: criterion.textStatus,
        status: outcome.status,
        rating: outcome.rating,
        ratingRaw: response ? response.rating : null,
        owner: response ? response.owner : null,
        reviewDate: response ? response.reviewDate : null,
        blocksNextLevel: area.nextLevel === criterion.level,
      },
    ];
  });
  return items.sort(
    (a, b) => a.level - b.level || a.area - b.area || compareCriterionIds(a.criterionId, b.criterionId),
  );
}
