/**
 * The level rule (framework-notes.md, "How a level is reached"), as pure code. The sheet formulas
 * in src/workbook/ratingFormulas.ts implement the same rule; keep the two in step.
 *
 * - A criterion is met when rated at or above `metThreshold`.
 * - In an area, level L is satisfied when none of its criteria is applicable, or
 *   met >= requiredShare × applicable − SHARE_EPSILON.
 * - The N/A rule: a level at which nothing is applicable neither holds an area back nor lifts it.
 *   An area is at the highest level L that has applicable criteria and with every level 1..L
 *   satisfied (0: not yet at the first level). An area with nothing applicable at all has no
 *   level ("No applicable criteria") and is left out of the organisation's level.
 * - The organisation is at the lowest level of the areas that have applicable criteria.
 * - A level is provisional only when an unanswered criterion could still change it: when the level
 *   with every unanswered criterion met differs from the level with them all not met (answering
 *   N/A never gives more than answering met, nor less than not met). Otherwise it is settled,
 *   even though answers are missing.
 * - Shares met are shown rounded down to a whole percentage (`shownShare`), and the required share
 *   is a whole percentage, so a share shown at or above the setting always satisfies the level.
 */
import type { CriterionKey, Framework, Level } from './framework/types';
import { firstRowPerCriterion, slotOf } from './framework/identity';
import { readRating, type RatingReading } from './rating';
import { SHARE_EPSILON, type ResponseRow, type ScoringSettings } from './responses';

export type CriterionStatus = 'met' | 'not-met' | 'na' | 'unanswered';

export interface CriterionRef {
  readonly criterionId: string;
  readonly key: CriterionKey;
}

export interface RatedCriterionRef extends CriterionRef {
  readonly rating: number;
}

export interface CriterionOutcome extends CriterionRef {
  readonly area: number;
  readonly level: number;
  readonly row: number | null;
  readonly status: CriterionStatus;
  /** The rating when the cell holds a scale value, else null. */
  readonly rating: number | null;
  readonly reading: RatingReading;
  /** The response row that counted (the first with this id), or null when there is none. */
  readonly response: ResponseRow | null;
}

export interface LevelOutcome {
  readonly level: number;
  readonly levelName: string;
  /** Criteria of the area at this level, N/A included. */
  readonly total: number;
  readonly applicable: number;
  readonly met: number;
  /** met + not met (rated on the scale); blank and unrecognised ratings are not answered. */
  readonly answered: number;
  /** met / applicable rounded down to a whole percentage (`shownShare`), or null when nothing at this level is applicable. */
  readonly shareMet: number | null;
  /** met + unanswered: how many could be met if every unanswered criterion were. */
  readonly couldBeMet: number;
  /** How many must be met: ceil(requiredShare × applicable − SHARE_EPSILON). */
  readonly required: number;
  readonly satisfied: boolean;
}

/** What stands between an area and a level. */
export interface Blocker {
  readonly level: number;
  readonly levelName: string;
  readonly applicable: number;
  readonly met: number;
  readonly required: number;
  /** required − met: how many more must be met. */
  readonly moreNeeded: number;
  /** Applicable criteria at this level rated below the threshold, by id. */
  readonly notMet: readonly RatedCriterionRef[];
  /** Applicable criteria at this level not yet answered (blank or not recognised), by id. */
  readonly unanswered: readonly CriterionRef[];
}

export interface AreaResult {
  readonly area: number;
  readonly name: string;
  readonly shortName: string;
  /** One entry per framework level, lowest first. */
  readonly levels: readonly LevelOutcome[];
  /** False when every criterion of the area is marked not applicable: it then has no level. */
  readonly assessed: boolean;
  /** 0 when the first level is not yet reached, and when the area is not assessed. */
  readonly levelReached: number;
  /** The level if every unanswered criterion were met: the highest the answers still to come could give. */
  readonly bestPossibleLevel: number;
  /** The name of `levelReached`, or null for 0. */
  readonly levelReachedName: string | null;
  readonly topLevel: number;
  readonly topLevelName: string;
  /** The next level above levelReached with applicable criteria, or null when there is none. */
  readonly nextLevel: number | null;
  readonly nextLevelName: string | null;
  readonly applicable: number;
  readonly answered: number;
  /** applicable − answered */
  readonly unanswered: number;
  /** answered / applicable, 1 when nothing is applicable. */
  readonly completeness: number;
  /** True only when some unanswered criterion could still change the level. */
  readonly provisional: boolean;
  /** Empty when there is no next level; otherwise the unsatisfied levels up to the next one. */
  readonly blockers: readonly Blocker[];
}

export interface OverallResult {
  /** False when no area has an applicable criterion: the organisation then has no level. */
  readonly assessed: boolean;
  /** The lowest level of the assessed areas (0 when none is assessed). */
  readonly level: number;
  /** The lowest of the assessed areas' best possible levels. */
  readonly bestPossibleLevel: number;
  readonly levelName: string | null;
  /** The assessed areas at that lowest level (the ones holding the organisation there), by number. */
  readonly lowestAreas: readonly number[];
  /** Areas with no applicable criteria, left out of the organisation's level, by number. */
  readonly unassessedAreas: readonly number[];
  readonly topLevel: number;
  readonly topLevelName: string;
  readonly applicable: number;
  readonly answered: number;
  readonly unanswered: number;
  readonly completeness: number;
  /** True only when some unanswered criterion could still change the organisation's level. */
  readonly provisional: boolean;
}

export interface AssessmentResult {
  readonly frameworkId: string;
  readonly frameworkVersion: string;
  readonly settings: ScoringSettings;
  /** Every criterion of the framework, in framework order. */
  readonly criteria: readonly CriterionOutcome[];
  /** Every area, by number. */
  readonly areas: readonly AreaResult[];
  readonly overall: OverallResult;
}

export function score(
  framework: Framework,
  responses: readonly ResponseRow[],
  settings: ScoringSettings,
): AssessmentResult {
  const counted = firstRowPerCriterion(framework, responses);
  const criteria = framework.criteria.map((criterion): CriterionOutcome => {
    const response = counted.get(slotOf(criterion)) ?? null;
    const reading = readRating(response ? response.rating : null, framework.ratingScale);
    return {
      criterionId: criterion.id,
      key: criterion.key,
      area: criterion.area,
      level: criterion.level,
      row: criterion.row,
      status: statusOf(reading, settings.metThreshold),
      rating: reading.kind === 'rated' ? reading.value : null,
      reading,
      response,
    };
  });
  const levels = sortedLevels(framework);
  const areas = [...framework.areas]
    .sort((a, b) => a.number - b.number)
    .map((area) =>
      scoreArea(
        { area: area.number, name: area.name, shortName: area.shortName },
        criteria.filter((c) => c.area === area.number),
        levels,
        settings,
      ),
    );
  return {
    frameworkId: framework.id,
    frameworkVersion: framework.version,
    settings,
    criteria,
    areas,
    overall: overallOf(areas, levels),
  };
}

/**
 * A rating that is not recognised counts as not answered until it is fixed: guessing what
 * "3.5" or "#REF!" meant could award a level nobody decided on. The checks report it.
 */
export function statusOf(reading: RatingReading, metThreshold: number): CriterionStatus {
  switch (reading.kind) {
    case 'rated':
      return reading.value >= metThreshold ? 'met' : 'not-met';
    case 'na':
      return 'na';
    case 'blank':
    case 'invalid':
      return 'unanswered';
  }
}

/** How many of `applicable` criteria must be met for a level, under `requiredShare`. */
export function requiredCount(applicable: number, requiredShare: number): number {
  // Math.max keeps 0 (not -0) when nothing is applicable: ceil(−ε) is −0.
  return Math.max(0, Math.ceil(requiredShare * applicable - SHARE_EPSILON));
}

/**
 * A share met as the sheets show and decide it: met / applicable rounded down to a whole
 * percentage. The small allowance absorbs floating-point error (57 / 100 × 100 is 56.99…); a true
 * share is never that close below a whole percentage without being one.
 */
export function shownShare(met: number, applicable: number): number {
  return Math.floor((met / applicable) * 100 + SHOWN_SHARE_EPSILON) / 100;
}

/** The allowance of `shownShare`, written into the sheet formula as well. */
export const SHOWN_SHARE_EPSILON = 0.000001;

/**
 * The level an area reaches, given whether each level (lowest first) is satisfied and how many
 * criteria there are applicable: the highest level with applicable criteria such that it and
 * every level below it is satisfied (a level with nothing applicable is satisfied).
 */
export function levelOf(
  levels: readonly { readonly level: number; readonly satisfied: boolean; readonly applicable: number }[],
): number {
  let reached = 0;
  for (const l of levels) {
    if (!l.satisfied) break;
    if (l.applicable > 0) reached = l.level;
  }
  return reached;
}

/** Orders "1.9" before "1.10" and "1.x" before "2.x". */
export function compareCriterionIds(a: string, b: string): number {
  const [aLevel = 0, aNumber = 0] = a.split('.').map(Number);
  const [bLevel = 0, bNumber = 0] = b.split('.').map(Number);
  return aLevel - bLevel || aNumber - bNumber || (a < b ? -1 : a > b ? 1 : 0);
}

export function sortedLevels(framework: Framework): Level[] {
  return [...framework.levels].sort((a, b) => a.number - b.number);
}

interface AreaIdentity {
  readonly area: number;
  readonly name: string;
  readonly shortName: string;
}

function scoreArea(
  identity: AreaIdentity,
  criteria: readonly CriterionOutcome[],
  levels: readonly Level[],
  settings: ScoringSettings,
): AreaResult {
  const levelOutcomes = levels.map((level) =>
    scoreLevel(
      level,
      criteria.filter((c) => c.level === level.number),
      settings,
    ),
  );
  const reachedNumber = levelOf(levelOutcomes);
  const applicable = criteria.filter((c) => c.status !== 'na').length;
  const assessed = applicable > 0;
  const best = levelOf(
    levelOutcomes.map((l) => ({ ...l, satisfied: isSatisfied(l.couldBeMet, l.applicable, settings) })),
  );
  const reached = levels.find((l) => l.number === reachedNumber);
  const next = levels.find((l, i) => l.number > reachedNumber && (levelOutcomes[i]?.applicable ?? 0) > 0);
  const top = levels[levels.length - 1];

  const answered = criteria.filter((c) => c.status === 'met' || c.status === 'not-met').length;
  const completeness = applicable === 0 ? 1 : answered / applicable;

  const blockers = next
    ? levels
        .filter((level) => level.number <= next.number)
        .flatMap((level, index) => {
          const outcome = levelOutcomes[index];
          return outcome && !outcome.satisfied ? [blockerOf(outcome, criteria)] : [];
        })
    : [];

  return {
    ...identity,
    levels: levelOutcomes,
    assessed,
    levelReached: reachedNumber,
    bestPossibleLevel: best,
    levelReachedName: reached?.name ?? null,
    topLevel: top?.number ?? 0,
    topLevelName: top?.name ?? '',
    nextLevel: next?.number ?? null,
    nextLevelName: next?.name ?? null,
    applicable,
    answered,
    unanswered: applicable - answered,
    completeness,
    provisional: best !== reachedNumber,
    blockers,
  };
}

/** The rule as stated (not `met >= required`), so it reads exactly like the sheet formula. */
function isSatisfied(met: number, applicable: number, settings: ScoringSettings): boolean {
  return applicable === 0 || met >= settings.requiredShare * applicable - SHARE_EPSILON;
}

function scoreLevel(
  level: Level,
  criteria: readonly CriterionOutcome[],
  settings: ScoringSettings,
): LevelOutcome {
  const applicable = criteria.filter((c) => c.status !== 'na').length;
  const met = criteria.filter((c) => c.status === 'met').length;
  const answered = criteria.filter((c) => c.status === 'met' || c.status === 'not-met').length;
  const notMet = criteria.filter((c) => c.status === 'not-met').length;
  return {
    level: level.number,
    levelName: level.name,
    total: criteria.length,
    applicable,
    met,
    couldBeMet: applicable - notMet,
    answered,
    shareMet: applicable === 0 ? null : shownShare(met, applicable),
    required: requiredCount(applicable, settings.requiredShare),
    satisfied: isSatisfied(met, applicable, settings),
  };
}

function blockerOf(outcome: LevelOutcome, areaCriteria: readonly CriterionOutcome[]): Blocker {
  const atLevel = areaCriteria
    .filter((c) => c.level === outcome.level)
    .sort((a, b) => compareCriterionIds(a.criterionId, b.criterionId));
  return {
    level: outcome.level,
    levelName: outcome.levelName,
    applicable: outcome.applicable,
    met: outcome.met,
    required: outcome.required,
    moreNeeded: Math.max(0, outcome.required - outcome.met),
    notMet: atLevel.flatMap((c) =>
      c.status === 'not-met' && c.rating !== null
        ? [{ criterionId: c.criterionId, key: c.key, rating: c.rating }]
        : [],
    ),
    unanswered: atLevel.flatMap((c) =>
      c.status === 'unanswered' ? [{ criterionId: c.criterionId, key: c.key }] : [],
    ),
  };
}

function overallOf(areas: readonly AreaResult[], levels: readonly Level[]): OverallResult {
  const assessedAreas = areas.filter((a) => a.assessed);
  const assessed = assessedAreas.length > 0;
  const level = assessed ? Math.min(...assessedAreas.map((a) => a.levelReached)) : 0;
  const best = assessed ? Math.min(...assessedAreas.map((a) => a.bestPossibleLevel)) : 0;
  const applicable = sum(areas.map((a) => a.applicable));
  const answered = sum(areas.map((a) => a.answered));
  const completeness = applicable === 0 ? 1 : answered / applicable;
  const top = levels[levels.length - 1];
  return {
    assessed,
    level,
    bestPossibleLevel: best,
    levelName: levels.find((l) => l.number === level)?.name ?? null,
    lowestAreas: assessedAreas.filter((a) => a.levelReached === level).map((a) => a.area),
    unassessedAreas: areas.filter((a) => !a.assessed).map((a) => a.area),
    topLevel: top?.number ?? 0,
    topLevelName: top?.name ?? '',
    applicable,
    answered,
    unanswered: applicable - answered,
    completeness,
    provisional: best !== level,
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, v) => total + v, 0);
}
