/**
 * "Start next period": a new assessment for the next period, planned from this one as read. The
 * officer chooses which fields carry (evidence, difference made, owners, review dates, notes) and,
 * once for the whole workbook, whether this period's ratings start blank or copied; last period's
 * rating is shown beside each criterion, read-only. The wording typed for criteria the source
 * lacks, the History and Saved responses sheets and the change log carry over; the period, the
 * date and the framework are the officer's. Pure: the pane renders the plan as an .xlsx file and
 * opens it in a new window, so the workbook it was read from is never written to.
 *
 * A criterion goes to the same area and id, or to another framework only through a mapping, by
 * the carry-over's own rule (`destinationOf` in carryOverRows.ts); nothing is guessed by id.
 */
import {
  firstRowPerCriterion,
  ownWordingOf,
  refuse,
  slotOf,
  type CalendarDate,
  type CellValue,
  type CriterionSlot,
  type Framework,
  type Mapping,
  type Refusal,
  type ResponseRow,
  type ScoringSettings,
} from '../domain';
import { auditWorkbook, type StructureRuleId } from './audit';
import { buildPlan } from './buildPlan';
import { checkRefusal } from './checkSnapshot';
import { assertPlanValid } from './checkPlan';
import { describeFramework, destinationOf, type TargetPlace } from './carryOverRows';
import { withResponses } from './filledPlan';
import { AREA_FIRST_DATA_ROW } from './layout';
import type { WorkbookPlan } from './plan';
import {
  carriedFromLine,
  keptSheets,
  withCarriedFrom,
  withLastPeriod,
  type KeptSheetsRead,
} from './rollForwardSheets';
import type { PlanSettings } from './settings';
import { areaCriteria } from './sheets/area';
import { responsesOf, settingsOf, type WorkbookSnapshot } from './snapshot';
import { startLayoutOf } from './sheets/start';

/** The fields the officer may carry; the rating has its own choice (blank or copied). */
export const CARRYABLE_FIELDS = ['evidence', 'difference', 'owner', 'reviewDate', 'notes'] as const;
export type CarryableField = (typeof CARRYABLE_FIELDS)[number];

export interface NextPeriodChoices {
  readonly fields: readonly CarryableField[];
  /** This period's ratings: blank, or copied from last period (last period's are shown either way). */
  readonly ratings: 'blank' | 'copied';
  readonly period: string;
  /** The day the next period is started: said on its Start sheet, and on History for an upgrade. */
  readonly startedOn: CalendarDate;
  /** The framework of the new workbook: the same one, or another version through a mapping. */
  readonly target: Framework;
  /** The mappings the add-in knows; one from the workbook's framework to `target` is needed for an upgrade. */
  readonly mappings: readonly Mapping[];
}

/** What was read from the open workbook, as plain values. */
export interface NextPeriodSource extends KeptSheetsRead {
  /** The workbook's own framework (as the pane loaded it: the copy kept in the workbook). */
  readonly framework: Framework;
  readonly snapshot: WorkbookSnapshot;
}

export interface NextPeriodPlan {
  readonly status: 'planned';
  readonly plan: WorkbookPlan;
  readonly settings: PlanSettings;
  /** What the Start sheet says about where the workbook came from. */
  readonly carriedFrom: string;
  /** Criteria of the new workbook that received something (a field, a rating or wording). */
  readonly carried: number;
  /** Last period's responses with no place in the new framework, each with why (an upgrade only). */
  readonly notCarried: readonly string[];
  /** Rows of History, snapshots of Saved responses, and rows of the change log carried. */
  readonly kept: { readonly history: number; readonly saved: number; readonly changeLog: number };
}

export type NextPeriodRefusalReason = 'damaged' | 'needs-mapping' | 'unreadable-kept-sheets' | 'no-period';

/**
 * The Check's findings that make an assessment unsafe to carry: a missing sheet, a criterion on
 * another area's sheet, a level-rule setting that cannot be read. Formulas damaged or results out
 * of step are not among them: the new workbook's formulas are written afresh, and the values carried
 * are read by their headings as the Check reads them.
 */
const DAMAGE: ReadonlySet<StructureRuleId> = new Set(['sheet-missing', 'criterion-moved', 'setting-invalid']);

/** Why this assessment cannot be carried forward, in the Check view's words, or null. */
export function damageRefusal(
  framework: Framework,
  snapshot: WorkbookSnapshot,
  today: CalendarDate,
): Refusal<'damaged'> | null {
  const refused = checkRefusal(framework, snapshot);
  if (refused) return refuse('damaged', refused.message, refused.details);
  const read = settingsOf(snapshot, startLayoutOf(framework), framework.ratingScale);
  const built = buildPlan(framework, {
    organisation: '',
    period: '',
    ...(read.settings ?? framework.levelRule),
  });
  const audit = auditWorkbook(framework, built, snapshot, {
    today: new Date(today.year, today.month - 1, today.day),
  });
  const damage = audit.problems.filter(
    (p) => p.severity === 'error' && DAMAGE.has(p.ruleId as StructureRuleId),
  );
  if (damage.length === 0) return null;
  return refuse(
    'damaged',
    'The next period was not started: the Check finds this assessment damaged, so what it would carry cannot be trusted. Put right what is listed below (the Check view shows each one), then start the next period again. Nothing was changed.',
    damage.map((p) => p.message),
  );
}

export function planNextPeriod(
  source: NextPeriodSource,
  choices: NextPeriodChoices,
): NextPeriodPlan | Refusal<NextPeriodRefusalReason> {
  const { framework, snapshot } = source;
  const period = choices.period.trim();
  if (period === '') {
    return refuse('no-period', 'Type the period the new assessment is for, such as 2027/28.');
  }
  const damaged = damageRefusal(framework, snapshot, choices.startedOn);
  if (damaged) return damaged;
  const same = framework.id === choices.target.id && framework.version === choices.target.version;
  const mapping = same ? undefined : forwardMapping(choices.mappings, framework, choices.target);
  if (!same && !mapping) {
    return refuse(
      'needs-mapping',
      `The add-in has no mapping from ${describeFramework(framework)} to ${describeFramework(choices.target)}, so answers could land on the wrong criteria. Choose the same framework, or another version the add-in can map to.`,
    );
  }
  const kept = keptSheets(source, framework, choices.target, choices.startedOn);
  if (kept.status === 'refused') return kept;

  const read = settingsOf(snapshot, startLayoutOf(framework), framework.ratingScale);
  const settings: PlanSettings = {
    organisation: String(snapshot.start?.organisation ?? ''),
    period,
    ...ruleFor(choices.target, read.settings ?? framework.levelRule),
  };
  const carried = carriedRows(source, choices, same, mapping);
  const lastPeriod = String(snapshot.start?.period ?? '');
  const carriedFrom = carriedFromLine(settings.organisation, lastPeriod, framework, choices);
  const filled = withResponses(buildPlan(choices.target, settings).plan, choices.target, carried.rows);
  const areas = withLastPeriod(filled, choices.target, carried.lastRatings, lastPeriod);
  const plan = withCarriedFrom(areas, carriedFrom, kept, settings);
  assertPlanValid(plan);
  return {
    status: 'planned',
    plan,
    settings,
    carriedFrom,
    carried: carried.rows.length,
    notCarried: carried.notCarried,
    kept: kept.counts,
  };
}

/** The level rule carried, where the new framework's scale has the threshold; its own default otherwise. */
function ruleFor(target: Framework, rule: ScoringSettings): ScoringSettings {
  const onScale = target.ratingScale.points.some((p) => p.value === rule.metThreshold);
  return {
    metThreshold: onScale ? rule.metThreshold : target.levelRule.metThreshold,
    requiredShare: rule.requiredShare,
  };
}

function forwardMapping(mappings: readonly Mapping[], from: Framework, to: Framework): Mapping | undefined {
  return mappings.find(
    (m) =>
      m.from.id === from.id &&
      m.from.version === from.version &&
      m.to.id === to.id &&
      m.to.version === to.version,
  );
}

/** Where each criterion of the new framework lives, by area and id. */
function targetPlaces(target: Framework): Map<CriterionSlot, TargetPlace> {
  const places = new Map<CriterionSlot, TargetPlace>();
  for (const area of target.areas) {
    areaCriteria(target, area.number).forEach((c, i) =>
      places.set(slotOf(c), { criterion: c, sheet: area.shortName, row: AREA_FIRST_DATA_ROW + i }),
    );
  }
  return places;
}

const hasContent = (value: CellValue) => value !== null && value !== undefined && value !== '';

interface CarriedRows {
  /** One row per criterion of the new framework that receives anything. */
  readonly rows: readonly ResponseRow[];
  /** Last period's rating by criterion of the new framework (blank ones left out). */
  readonly lastRatings: ReadonlyMap<CriterionSlot, CellValue>;
  readonly notCarried: readonly string[];
}

/** Each source criterion's first response row, placed on its criterion of the new framework, as chosen. */
function carriedRows(
  source: NextPeriodSource,
  choices: NextPeriodChoices,
  same: boolean,
  mapping: Mapping | undefined,
): CarriedRows {
  const { framework } = source;
  const first = firstRowPerCriterion(framework, responsesOf(framework, source.snapshot));
  const context = {
    same,
    target: choices.target,
    targetPlace: targetPlaces(choices.target),
    ...(mapping ? { mapping } : {}),
  };
  const rows: ResponseRow[] = [];
  const lastRatings = new Map<CriterionSlot, CellValue>();
  const notCarried: string[] = [];
  const chosen = new Set<string>(choices.fields);
  for (const criterion of framework.criteria) {
    const row = first.get(slotOf(criterion));
    if (!row) continue;
    const destination = destinationOf(criterion, context);
    if (typeof destination === 'string') {
      const anything = [row.rating, row.evidence, row.difference, row.owner, row.reviewDate, row.notes];
      if (anything.some(hasContent))
        notCarried.push(`${criterion.id} (area ${criterion.area}): ${destination}`);
      continue;
    }
    const to = destination.criterion;
    if (hasContent(row.rating)) lastRatings.set(slotOf(to), row.rating);
    const field = (key: CarryableField): CellValue => (chosen.has(key) ? row[key] : null);
    const next: ResponseRow = {
      criterionId: to.id,
      area: to.area,
      rating: choices.ratings === 'copied' ? row.rating : null,
      evidence: field('evidence'),
      difference: field('difference'),
      owner: field('owner'),
      reviewDate: field('reviewDate'),
      notes: field('notes'),
      text: row.text,
    };
    const values = [next.rating, next.evidence, next.difference, next.owner, next.reviewDate, next.notes];
    if (values.some(hasContent) || ownWordingOf(to, row.text) !== null) rows.push(next);
  }
  return { rows, lastRatings, notCarried };
}
