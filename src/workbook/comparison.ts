/**
 * "Compare periods", decided without Excel: from what the adapter read (the area sheets, the Start
 * settings and the Saved responses sheet) and the two labels the officer chose, either the
 * Period comparison sheet to write, or why not, naming the cells or the frameworks in the way.
 * src/excel/comparePeriods.ts only loads and writes.
 */
import {
  comparePeriods,
  type CalendarDate,
  type ComparedPeriod,
  type CriterionSlot,
  type CriterionStatus,
  type Framework,
  type Mapping,
  type PeriodComparison,
  type ResponseRow,
  type ScoringSettings,
  criterionSlot,
  refuse,
  type Refusal,
} from '../domain';
import { formulaRefs } from './buildPlan';
import { comparisonLists } from './comparisonLists';
import type { ChartPlan, SheetPlan } from './plan';
import { bottomOf, type RangeSnapshot } from './snapshot';
import { buildComparisonSheet, NOW_LABEL } from './sheets/periodComparison';
import type { ComparisonLayout } from './sheets/comparisonLayout';
import {
  readSavedResponses,
  SAVED_FIRST_ROW,
  type SavedSnapshot,
  type SavedStatus,
} from './sheets/savedResponses';
import { startLayoutOf } from './sheets/start';
import { buildSummarySheet } from './sheets/summary';

/** What the adapter read for a comparison. */
export interface ComparisonRead {
  /** The workbook's responses and settings (null when a setting cannot be used). */
  readonly responses: readonly ResponseRow[];
  readonly settings: ScoringSettings | null;
  /** Why the assessment cannot be read (missing area sheets, unusable settings), one line each. */
  readonly problems: readonly string[];
  /** The Saved responses sheet's used range, or null when there is no such sheet. */
  readonly saved: RangeSnapshot | null;
}

export interface ComparisonChoice {
  /** The earlier snapshot's label. */
  readonly then: string;
  /** The later snapshot's label, or NOW_LABEL for the area sheets as they are. */
  readonly now: string;
}

export interface ComparisonContext {
  /** The workbook's framework. */
  readonly framework: Framework;
  /** Every framework a snapshot may have been saved with (the bundled ones), besides the workbook's. */
  readonly frameworks: readonly Framework[];
  readonly mappings: readonly Mapping[];
  readonly today: CalendarDate;
  /** Rows after the last snapshot the sheet's formulas cover too; SPARE_SAVED_ROWS when absent. */
  readonly spareRows?: number;
}

export type ComparisonDecision =
  | {
      readonly status: 'prepared';
      readonly sheet: SheetPlan;
      readonly chart: ChartPlan;
      readonly layout: ComparisonLayout;
      readonly comparison: PeriodComparison;
    }
  | ComparisonRefusal;

/**
 * Why nothing was written: the assessment cannot be read, the same period twice, Saved responses
 * rows that cannot be read, or periods that cannot be compared (a label naming no snapshot or
 * two, a framework the add-in does not know or has no mapping for). Details name each.
 */
export type ComparisonRefusal = Refusal<
  'unreadable-assessment' | 'same-period' | 'unreadable-saved' | 'not-comparable'
>;

/** The snapshots the officer can choose from, oldest first, or the problems that stop them being read. */
export function snapshotChoices(saved: RangeSnapshot | null): {
  readonly snapshots: readonly SavedSnapshot[];
  readonly problems: readonly string[];
} {
  return saved ? readSavedResponses(saved) : { snapshots: [], problems: [] };
}

const STATUSES: Readonly<Record<SavedStatus, CriterionStatus>> = {
  Met: 'met',
  'Not met': 'not-met',
  'N/A': 'na',
  Unanswered: 'unanswered',
};

/** A saved snapshot as a period: its ratings and fields, each criterion counted by its recorded status. */
export function savedPeriod(
  snapshot: SavedSnapshot,
  framework: Framework,
  settings: ScoringSettings,
): ComparedPeriod {
  const responses = snapshot.criteria.map((c): ResponseRow => ({
    criterionId: c.criterionId,
    area: c.area,
    rating: c.rating,
    ...c.fields,
  }));
  const statuses = new Map<CriterionSlot, CriterionStatus>(
    snapshot.criteria.map((c) => [criterionSlot(c.area, c.criterionId), STATUSES[c.status]]),
  );
  return { label: snapshot.label, date: snapshot.date, framework, settings, responses, statuses };
}

/** The period a label names: the area sheets now, or the one snapshot with that label. */
function periodOf(
  label: string,
  snapshots: readonly SavedSnapshot[],
  read: ComparisonRead & { readonly settings: ScoringSettings },
  context: ComparisonContext,
): ComparedPeriod | string {
  if (label === NOW_LABEL) {
    return {
      label,
      date: context.today,
      framework: context.framework,
      settings: read.settings,
      responses: read.responses,
    };
  }
  const found = snapshots.filter((s) => s.label === label);
  if (found.length === 0) return `No snapshot on the Saved responses sheet is labelled "${label}".`;
  if (found.length > 1) {
    return `${found.length} snapshots on the Saved responses sheet are labelled "${label}"; correct one of the labels in the Snapshot column so each names one snapshot.`;
  }
  const snapshot = found[0]!;
  const framework = [context.framework, ...context.frameworks].find(
    (f) => f.id === snapshot.frameworkId && f.version === snapshot.frameworkVersion,
  );
  if (!framework) {
    return `"${label}" was saved with ${snapshot.frameworkId} version ${snapshot.frameworkVersion}, which the add-in does not know, so its criteria cannot be read.`;
  }
  if (framework.levels.length !== context.framework.levels.length) {
    return `"${label}" was saved with ${framework.id} version ${framework.version}, which has ${framework.levels.length} levels; this workbook's framework has ${context.framework.levels.length}, so their levels cannot be set side by side.`;
  }
  return savedPeriod(snapshot, framework, read.settings);
}

export function prepareComparison(
  read: ComparisonRead,
  choice: ComparisonChoice,
  context: ComparisonContext,
): ComparisonDecision {
  const { settings } = read;
  if (settings === null || read.problems.length > 0) {
    return refuse(
      'unreadable-assessment',
      'The periods were not compared: the assessment cannot be read as it stands.',
      read.problems,
    );
  }
  if (choice.then === choice.now) {
    return refuse('same-period', 'The periods were not compared: choose two different periods.');
  }
  const { snapshots, problems } = snapshotChoices(read.saved);
  if (problems.length > 0) {
    return refuse(
      'unreadable-saved',
      'The periods were not compared: some rows of the Saved responses sheet cannot be read. Correct the cells named below, then compare again.',
      problems,
    );
  }
  const withSettings = { ...read, settings };
  const then = periodOf(choice.then, snapshots, withSettings, context);
  const now = periodOf(choice.now, snapshots, withSettings, context);
  const stops = [then, now].filter((p): p is string => typeof p === 'string');
  if (typeof then === 'string' || typeof now === 'string') {
    return refuse('not-comparable', 'The periods were not compared.', stops);
  }
  const outcome = comparePeriods(then, now, context.mappings);
  if (outcome.status === 'refused')
    return refuse('not-comparable', 'The periods were not compared.', [outcome.message]);
  const { framework } = context;
  const refs = formulaRefs(framework, startLayoutOf(framework));
  const built = buildComparisonSheet({
    framework,
    refs,
    summary: buildSummarySheet(framework, refs).layout,
    labels: { then: choice.then, now: choice.now },
    savedLastRow: read.saved ? bottomOf(read.saved) : SAVED_FIRST_ROW - 1,
    ...(context.spareRows !== undefined ? { spareRows: context.spareRows } : {}),
    lists: comparisonLists({
      comparison: outcome,
      areaNames: new Map(framework.areas.map((a) => [a.number, a.shortName])),
      naLabel: framework.ratingScale.notApplicable.label,
      madeOn: context.today,
    }),
  });
  return { status: 'prepared', ...built, comparison: outcome };
}
