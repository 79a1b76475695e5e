/**
 * The level rule (framework-notes.md, "How a level is reached"), as pure code. The sheet formulas
 * in src/workbook/ratingFormulas.ts implement the same rule; keep the two in step.
 *
 * - A criterion is met when rated at or above `metThreshold`.
 * - In an area, level L is satisfied when none of its criteria is applicable, or
 *   met >= requiredShare × applicable − SHARE_EPSILON.
 * - An area is at the highest L with every level 1..L satisfied (0: not yet at the first level).
 * - The organisation is at the lowest of its areas' levels.
 */
import type { CriterionKey, Framework, Level } from './framework/types';
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
  /** met / applicable, or null when nothing at this level is applicable. */
  readonly shareMet: number | null;
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
  /** 0 when the first level is not yet satisfied. */
  readonly levelReached: number;
  /** The name of `levelReached`, or null for 0. */
  readonly levelReachedName: string | null;
  readonly topLevel: number;
  readonly topLevelName: string;
  /** levelReached + 1, or null at the top level. */
  readonly nextLevel: number | null;
  readonly nextLevelName: string | null;
  readonly applicable: number;
  readonly answered: number;
  /** applicable − answered */
  readonly unanswered: number;
  /** answered / applicable, 1 when nothing is applicable. */
  readonly completeness: number;
  readonly provisional: boolean;
  /** Empty at the top level; otherwise the unsatisfied levels up to the next one. */
  readonly blockers: readonly Blocker[];
}

export interface OverallResult {
  /** The lowest of the areas' levels. */
  readonly level: number;
  readonly levelName: string | null;
  /** The areas at that lowest level (the ones holding the organisation there), by number. */
  readonly lowestAreas: readonly number[];
  readonly topLevel: number;
  readonly topLevelName: string;
  readonly applicable: number;
  readonly answered: number;
  readonly unanswered: number;
  readonly completeness: number;
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
  const counted = firstRowPerId(responses);
  const criteria = framework.criteria.map((criterion): CriterionOutcome => {
    const response = counted.get(criterion.id) ?? null;
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

/** Duplicate ids: the first row counts (the checks report the others). */
export function firstRowPerId(responses: readonly ResponseRow[]): Map<string, ResponseRow> {
  const first = new Map<string, ResponseRow>();
  for (const row of responses) {
    if (!first.has(row.criterionId)) first.set(row.criterionId, row);
  }
  return first;
}

/** How many of `applicable` criteria must be met for a level, under `requiredShare`. */
export function requiredCount(applicable: number, requiredShare: number): number {
  // Math.max keeps 0 (not -0) when nothing is applicable: ceil(−ε) is −0.
  return Math.max(0, Math.ceil(requiredShare * applicable - SHARE_EPSILON));
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
  let reachedIndex = -1;
  while (levelOutcomes[reachedIndex + 1]?.satisfied === true) reachedIndex += 1;
  const reached = levels[reachedIndex];
  const next = levels[reachedIndex + 1];
  const top = levels[levels.length - 1];

  const applicable = criteria.filter((c) => c.status !== 'na').length;
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
    levelReached: reached?.number ?? 0,
    levelReachedName: reached?.name ?? null,
    topLevel: top?.number ?? 0,
    topLevelName: top?.name ?? '',
    nextLevel: next?.number ?? null,
    nextLevelName: next?.name ?? null,
    applicable,
    answered,
    unanswered: applicable - answered,
    completeness,
    provisional: completeness < 1,
    blockers,
  };
}

function scoreLevel(
  level: Level,
  criteria: readonly CriterionOutcome[],
  settings: ScoringSettings,
): LevelOutcome {
  const applicable = criteria.filter((c) => c.status !== 'na').length;
  const met = criteria.filter((c) => c.status === 'met').length;
  const answered = criteria.filter((c) => c.status === 'met' || c.status === 'not-met').length;
  return {
    level: level.number,
    levelName: level.name,
    total: criteria.length,
    applicable,
    met,
    answered,
    shareMet: applicable === 0 ? null : met / applicable,
    required: requiredCount(applicable, settings.requiredShare),
    // The rule as stated (not `met >= required`), so it reads exactly like the sheet formula.
    satisfied: applicable === 0 || met >= settings.requiredShare * applicable - SHARE_EPSILON,
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
  const level = areas.length === 0 ? 0 : Math.min(...areas.map((a) => a.levelReached));
  const applicable = sum(areas.map((a) => a.applicable));
  const answered = sum(areas.map((a) => a.answered));
  const completeness = applicable === 0 ? 1 : answered / applicable;
  const top = levels[levels.length - 1];
  return {
    level,
    levelName: levels.find((l) => l.number === level)?.name ?? null,
    lowestAreas: areas.filter((a) => a.levelReached === level).map((a) => a.area),
    topLevel: top?.number ?? 0,
    topLevelName: top?.name ?? '',
    applicable,
    answered,
    unanswered: applicable - answered,
    completeness,
    provisional: areas.some((a) => a.provisional),
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, v) => total + v, 0);
}
