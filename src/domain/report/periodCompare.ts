/**
 * Comparing two periods of one organisation's self-assessment: the level each area reached then
 * and now, the criteria whose rating went up or down (or changed otherwise), the criteria newly
 * met or no longer met, and the evidence recorded now that was not then.
 *
 * Each side is scored by the engine (`score`) in its own framework. A criterion is matched across
 * the two sides by its identity (area and id, identity.ts), never by its id alone; when the two
 * sides were assessed with different frameworks, only through a mapping between them (mapping.ts),
 * and without one the comparison is refused with the reason.
 *
 * A side read from the Saved responses sheet carries the status each criterion had when it was
 * saved (`statuses`): that, not the rating read again with today's threshold, decides what was
 * met then, exactly as the comparison sheet's formulas count the Status column.
 */
import type { CalendarDate } from '../dates';
import type { Criterion, Framework } from '../framework/types';
import { criterionSlot, firstRowPerCriterion, slotOf, type CriterionSlot } from '../framework/identity';
import type { Mapping } from '../framework/mapping';
import { withCompletedText } from '../framework/wording';
import { isBlankCell, readRating, type RatingReading } from '../rating';
import { refuse, type Refusal } from '../refusal';
import type { CellValue, ResponseRow, ScoringSettings } from '../responses';
import { compareCriterionIds, score, type AssessmentResult, type CriterionStatus } from '../scoring';

export interface ComparedPeriod {
  /** What the officer calls it: a snapshot's label, or "This workbook now". */
  readonly label: string;
  readonly date: CalendarDate | null;
  readonly framework: Framework;
  readonly settings: ScoringSettings;
  /** The responses, each with its area (a criterion is its area and id). */
  readonly responses: readonly ResponseRow[];
  /** The status each criterion had when the snapshot was saved; absent for live responses. */
  readonly statuses?: ReadonlyMap<CriterionSlot, CriterionStatus>;
}

/** Where a side reached: `assessed` false when nothing in the area (or anywhere) was applicable. */
export interface LevelThen {
  readonly assessed: boolean;
  readonly level: number;
  readonly levelName: string | null;
}

export interface AreaComparison {
  readonly area: number;
  readonly name: string;
  readonly shortName: string;
  /** Null when the earlier side's framework has no such area. */
  readonly then: LevelThen | null;
  readonly now: LevelThen;
  /** now − then in levels, or null when either side has no level. */
  readonly change: number | null;
}

/** One criterion on both sides: its area, its id now and (through a mapping) then, and its text. */
export interface ComparedCriterion {
  readonly area: number;
  readonly criterionId: string;
  /** The id it had on the earlier side (differs only through a mapping). */
  readonly thenId: string;
  readonly level: number;
  readonly text: string;
}

export interface RatingChange extends ComparedCriterion {
  readonly then: RatingReading;
  readonly now: RatingReading;
}

export interface StatusChange extends ComparedCriterion {
  readonly then: CriterionStatus;
  readonly now: CriterionStatus;
}

export interface EvidenceAdded extends ComparedCriterion {
  /** What is recorded now and was not then. */
  readonly fields: readonly ('evidence' | 'difference')[];
}

/** A criterion of one side that has no counterpart on the other. */
export interface NotCompared {
  readonly side: 'then' | 'now';
  readonly area: number;
  readonly criterionId: string;
  readonly reason: string;
}

export interface PeriodComparison {
  readonly status: 'compared';
  readonly then: {
    readonly label: string;
    readonly date: CalendarDate | null;
    readonly result: AssessmentResult;
  };
  readonly now: {
    readonly label: string;
    readonly date: CalendarDate | null;
    readonly result: AssessmentResult;
  };
  /** Every area of the later side's framework, in its order. */
  readonly areas: readonly AreaComparison[];
  readonly overall: { readonly then: LevelThen; readonly now: LevelThen; readonly change: number | null };
  /** Rated on the scale both times, higher now. */
  readonly ratingsUp: readonly RatingChange[];
  /** Rated on the scale both times, lower now. */
  readonly ratingsDown: readonly RatingChange[];
  /** Any other change of rating: answered, cleared, marked not applicable, not recognised. */
  readonly otherRatingChanges: readonly RatingChange[];
  readonly newlyMet: readonly StatusChange[];
  readonly noLongerMet: readonly StatusChange[];
  readonly evidenceAdded: readonly EvidenceAdded[];
  /** The mapping the two frameworks were matched through, or null when they are the same. */
  readonly mapping: Mapping | null;
  readonly notCompared: readonly NotCompared[];
}

/** Refused when the two periods' frameworks differ and no mapping joins them (the message names both). */
export type ComparisonOutcome = PeriodComparison | Refusal<'no-mapping'>;

function describeFramework(f: Pick<Framework, 'id' | 'version'>): string {
  return `${f.id} version ${f.version}`;
}

function sameFramework(a: Framework, b: Framework): boolean {
  return a.id === b.id && a.version === b.version;
}

/**
 * Compares `then` with `now`. `mappings` are the mappings the add-in knows (the bundled ones);
 * one from either side to the other is used when the frameworks differ.
 */
export function comparePeriods(
  then: ComparedPeriod,
  now: ComparedPeriod,
  mappings: readonly Mapping[],
): ComparisonOutcome {
  const matched = matchCriteria(then.framework, now.framework, mappings);
  if ('reason' in matched) {
    return refuse(
      'no-mapping',
      `"${then.label}" was assessed with ${describeFramework(then.framework)} and "${now.label}" with ${describeFramework(now.framework)}; ${matched.reason}`,
    );
  }
  const thenResult = scorePeriod(then);
  const nowResult = scorePeriod(now);
  const pairs = comparedPairs(then, now, thenResult, nowResult, matched.pairs);
  const ratingChanges = pairs.filter((p) => readingKey(p.thenReading) !== readingKey(p.nowReading));
  const rated = (p: ComparedPair, up: boolean) =>
    p.thenReading.kind === 'rated' &&
    p.nowReading.kind === 'rated' &&
    (up ? p.nowReading.value > p.thenReading.value : p.nowReading.value < p.thenReading.value);
  const asRatingChange = (p: ComparedPair): RatingChange => ({
    ...p.criterion,
    then: p.thenReading,
    now: p.nowReading,
  });
  const asStatusChange = (p: ComparedPair): StatusChange => ({
    ...p.criterion,
    then: p.thenStatus,
    now: p.nowStatus,
  });
  return {
    status: 'compared',
    then: { label: then.label, date: then.date, result: thenResult },
    now: { label: now.label, date: now.date, result: nowResult },
    areas: areaComparisons(thenResult, nowResult),
    overall: overallComparison(thenResult, nowResult),
    ratingsUp: ratingChanges.filter((p) => rated(p, true)).map(asRatingChange),
    ratingsDown: ratingChanges.filter((p) => rated(p, false)).map(asRatingChange),
    otherRatingChanges: ratingChanges.filter((p) => !rated(p, true) && !rated(p, false)).map(asRatingChange),
    newlyMet: pairs.filter((p) => p.thenStatus !== 'met' && p.nowStatus === 'met').map(asStatusChange),
    noLongerMet: pairs.filter((p) => p.thenStatus === 'met' && p.nowStatus !== 'met').map(asStatusChange),
    evidenceAdded: pairs.flatMap((p): EvidenceAdded[] => {
      const fields = (['evidence', 'difference'] as const).filter(
        (f) => isBlankCell(p.thenRow?.[f]) && !isBlankCell(p.nowRow?.[f]),
      );
      return fields.length > 0 ? [{ ...p.criterion, fields }] : [];
    }),
    mapping: matched.mapping,
    notCompared: matched.notCompared,
  };
}

/**
 * A side scored by the engine. With recorded statuses, each criterion is given a rating that the
 * engine counts exactly as recorded (met: the top of the scale with the threshold there; not met:
 * the bottom; not applicable: the label; unanswered: blank), so the level follows what was
 * recorded while the rule (required share, N/A rule) is the engine's own.
 */
export function scorePeriod(period: ComparedPeriod): AssessmentResult {
  const { framework, settings, responses, statuses } = period;
  if (!statuses) return score(framework, responses, settings);
  const values = framework.ratingScale.points.map((p) => p.value);
  const top = Math.max(...values);
  const bottom = Math.min(...values);
  const recorded: Record<CriterionStatus, CellValue> = {
    met: top,
    'not-met': bottom,
    na: framework.ratingScale.notApplicable.label,
    unanswered: null,
  };
  const rows = framework.criteria.map((c): ResponseRow => ({
    criterionId: c.id,
    area: c.area,
    rating: recorded[statuses.get(slotOf(c)) ?? 'unanswered'],
    evidence: null,
    difference: null,
    owner: null,
    reviewDate: null,
    notes: null,
  }));
  return score(framework, rows, { metThreshold: top, requiredShare: settings.requiredShare });
}

export interface Matched {
  /** Each criterion of the later framework with its counterpart's slot in the earlier one. */
  readonly pairs: ReadonlyMap<CriterionSlot, CriterionSlot>;
  readonly mapping: Mapping | null;
  readonly notCompared: readonly NotCompared[];
}

/**
 * The criteria of `now` matched with those of `then`: one to one in the same framework, through a
 * mapping (either way round) between two, or the reason they cannot be matched.
 */
export function matchCriteria(
  then: Framework,
  now: Framework,
  mappings: readonly Mapping[],
): Matched | { readonly reason: string } {
  if (sameFramework(then, now)) {
    return {
      pairs: new Map(now.criteria.map((c) => [slotOf(c), slotOf(c)])),
      mapping: null,
      notCompared: [],
    };
  }
  const ends = (m: Mapping, from: Framework, to: Framework) =>
    m.from.id === from.id &&
    m.from.version === from.version &&
    m.to.id === to.id &&
    m.to.version === to.version;
  const forward = mappings.find((m) => ends(m, then, now));
  const backward = forward ? undefined : mappings.find((m) => ends(m, now, then));
  const mapping = forward ?? backward;
  if (!mapping) {
    return {
      reason: 'the add-in has no mapping between these frameworks, so their criteria cannot be matched.',
    };
  }
  // Pairs keyed by (earlier slot, later slot); a pair stays in its area (mapping.ts).
  const pairs = new Map<CriterionSlot, CriterionSlot>();
  const from = forward ? then : now;
  for (const c of from.criteria) {
    if (!mapping.areas.includes(c.area)) continue;
    const pair = mapping.pairs.find((p) => p.from === c.id);
    if (!pair) continue;
    const other = criterionSlot(c.area, pair.to);
    if (forward) pairs.set(other, slotOf(c));
    else pairs.set(slotOf(c), other);
  }
  const thenSlots = new Set(pairs.values());
  const notCompared: NotCompared[] = [
    ...then.criteria
      .filter((c) => !thenSlots.has(slotOf(c)))
      .map((c) => ({
        side: 'then' as const,
        area: c.area,
        criterionId: c.id,
        reason: `no counterpart in ${describeFramework(now)}`,
      })),
    ...now.criteria
      .filter((c) => !pairs.has(slotOf(c)))
      .map((c) => ({
        side: 'now' as const,
        area: c.area,
        criterionId: c.id,
        reason: `no counterpart in ${describeFramework(then)}`,
      })),
  ];
  return { pairs, mapping, notCompared };
}

interface ComparedPair {
  readonly criterion: ComparedCriterion;
  readonly thenRow: ResponseRow | undefined;
  readonly nowRow: ResponseRow | undefined;
  readonly thenReading: RatingReading;
  readonly nowReading: RatingReading;
  readonly thenStatus: CriterionStatus;
  readonly nowStatus: CriterionStatus;
}

function comparedPairs(
  then: ComparedPeriod,
  now: ComparedPeriod,
  thenResult: AssessmentResult,
  nowResult: AssessmentResult,
  pairs: ReadonlyMap<CriterionSlot, CriterionSlot>,
): ComparedPair[] {
  const thenRows = firstRowPerCriterion(then.framework, then.responses);
  const nowRows = firstRowPerCriterion(now.framework, now.responses);
  const statusIn = (result: AssessmentResult) =>
    new Map(result.criteria.map((c) => [criterionSlot(c.area, c.criterionId), c.status]));
  const thenStatus = statusIn(thenResult);
  const nowStatus = statusIn(nowResult);
  const thenCriteria = new Map(then.framework.criteria.map((c) => [slotOf(c), c]));
  const worded = withCompletedText(now.framework, now.responses);
  return worded.criteria
    .flatMap((c): ComparedPair[] => {
      const slot = slotOf(c);
      const thenSlot = pairs.get(slot);
      const earlier: Criterion | undefined = thenSlot === undefined ? undefined : thenCriteria.get(thenSlot);
      if (thenSlot === undefined || earlier === undefined) return [];
      const thenRow = thenRows.get(thenSlot);
      const nowRow = nowRows.get(slot);
      return [
        {
          criterion: { area: c.area, criterionId: c.id, thenId: earlier.id, level: c.level, text: c.text },
          thenRow,
          nowRow,
          thenReading: readRating(thenRow?.rating ?? null, then.framework.ratingScale),
          nowReading: readRating(nowRow?.rating ?? null, now.framework.ratingScale),
          thenStatus: thenStatus.get(thenSlot) ?? 'unanswered',
          nowStatus: nowStatus.get(slot) ?? 'unanswered',
        },
      ];
    })
    .sort(
      (a, b) =>
        a.criterion.area - b.criterion.area ||
        compareCriterionIds(a.criterion.criterionId, b.criterion.criterionId),
    );
}

/** Two readings are the same rating when they are the same scale value, both N/A, both blank, or the same unrecognised entry. */
export function readingKey(reading: RatingReading): string {
  switch (reading.kind) {
    case 'rated':
      return `rated:${reading.value}`;
    case 'invalid':
      return `invalid:${typeof reading.raw}:${String(reading.raw)}`;
    default:
      return reading.kind;
  }
}

function levelOfArea(result: AssessmentResult, area: number): LevelThen | null {
  const a = result.areas.find((x) => x.area === area);
  return a ? { assessed: a.assessed, level: a.levelReached, levelName: a.levelReachedName } : null;
}

function changeOf(then: LevelThen | null, now: LevelThen | null): number | null {
  return then?.assessed && now?.assessed ? now.level - then.level : null;
}

function areaComparisons(thenResult: AssessmentResult, nowResult: AssessmentResult): AreaComparison[] {
  return nowResult.areas.map((a) => {
    const then = levelOfArea(thenResult, a.area);
    const now = { assessed: a.assessed, level: a.levelReached, levelName: a.levelReachedName };
    return { area: a.area, name: a.name, shortName: a.shortName, then, now, change: changeOf(then, now) };
  });
}

function overallComparison(thenResult: AssessmentResult, nowResult: AssessmentResult) {
  const of = (r: AssessmentResult): LevelThen => ({
    assessed: r.overall.assessed,
    level: r.overall.level,
    levelName: r.overall.levelName,
  });
  const then = of(thenResult);
  const now = of(nowResult);
  return { then, now, change: changeOf(then, now) };
}
