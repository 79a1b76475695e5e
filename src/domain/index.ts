/**
 * The domain's public face: reading ratings and dates, scoring, explaining, checking and the
 * action list. Callers outside src/domain import from here, not from the files behind it.
 */
export type { Area, Criterion, CriterionKey, Framework, Level, RatingScale } from './framework/types';
export { criterionKey } from './framework/types';
export type { FrameworkProblem, LoadResult } from './framework/loader';
export { loadFramework, MAX_FRAMEWORK_CHARS } from './framework/loader';
export { describeProblem } from './framework/problems';
export { frameworkJson, frameworkToFile } from './framework/toFile';
export type { FrameworkFile } from './framework/schema';
export { loadFrameworkSheets } from './framework/sheets/read';
export type { SheetCell, WorkbookCells, WorkbookSheet } from './framework/sheets/read';
export {
  ABOUT_ROWS,
  AREA_COLUMNS as AREA_SHEET_COLUMNS,
  CRITERION_COLUMNS,
  FRAMEWORK_SHEETS,
  LEVEL_COLUMNS,
  POINT_COLUMNS,
  QUESTION_COLUMNS,
  TEXT_STATUSES,
} from './framework/sheets/format';
export type { AboutKey, TableColumn } from './framework/sheets/format';
export type { Mapping, MappingPair, MappingLoadResult } from './framework/mapping';
export { loadMapping } from './framework/mapping';
export {
  BUNDLED_FRAMEWORK_FILES,
  bundledFrameworks,
  DRAFT_WITH_REVISED_LEADERSHIP,
} from './framework/bundled';
export type { CriterionSlot } from './framework/identity';
export { criterionSlot, firstRowPerCriterion, responseSlot, slotOf } from './framework/identity';
export { combineFrameworks, combinedFile } from './framework/combined';
export { baseToCombined, revisionToCombined } from './framework/combinedMapping';
export { guidanceOf, hasGuidance, ownWordingOf, withCompletedText } from './framework/wording';

export type { CellValue, ResponseField, ResponseRow, ScoringSettings } from './responses';
export { RESPONSE_FIELDS, SHARE_EPSILON } from './responses';

export type { RatingFixValue, RatingReading } from './rating';
export {
  canonicalRating,
  describeFixValue,
  expectedRatingText,
  isBlankCell,
  isExcelError,
  ratingWithLabel,
  RATING_DECIMALS,
  readRating,
  roundRating,
  scaleValues,
} from './rating';
export { describeCellValue } from './cellText';

export type { CalendarDate, DateReading } from './dates';
export {
  compareDates,
  excelSerialOf,
  formatDate,
  readDate,
  readReviewDate,
  EXCEL_SERIAL_FIRST,
  EXCEL_SERIAL_LAST,
  EXPECTED_DATE_TEXT,
} from './dates';

export type {
  AreaResult,
  AssessmentResult,
  Blocker,
  CriterionOutcome,
  CriterionRef,
  CriterionStatus,
  LevelOutcome,
  OverallResult,
  RatedCriterionRef,
} from './scoring';
export { compareCriterionIds, requiredCount, score, statusOf } from './scoring';

export { explainArea, explainAreas, explainOverall } from './explain';

export type { CheckIssue, CheckOptions, CheckRuleId, IssueField, IssueFix, Severity } from './checks';
export { CHECK_RULES, check } from './checks';

export type { ActionItem } from './actions';
export { actionList } from './actions';

export {
  CHECK_START_SHEET,
  NO_APPLICABLE_CRITERIA,
  PROVISIONAL_WORDS,
  levelText,
  notYetText,
  provisionalWord,
} from './levelWords';
export type { ProvisionalWord } from './levelWords';
export { isUsableShare, isUsableThreshold, readSettings } from './settings';
export type { SettingProblem } from './settings';

export type { TextStatus } from './framework/types';
export { calendarDateOf } from './dates';
export type {
  ActionPlanEntry,
  BoardFigures,
  HistoryEntry,
  SnapshotCoverage,
  BoardRow,
  TypedAction,
  SnapshotArea,
} from './report';
export {
  boardFigures,
  boardNarrative,
  historyEntryOf,
  latestEntry,
  mergeActionPlan,
  topActions,
  boardCsv,
  boardLevelText,
  percentText,
  stateText,
  wrapWords,
  levelNameOf,
} from './report';
export { SHOWN_SHARE_EPSILON } from './scoring';
export type { EvidenceCompleteness, EvidenceShare } from './evidence';
export { evidenceCompleteness, evidenceRecorded, evidenceText } from './evidence';
export { MAX_REQUIRED_SHARE, MIN_REQUIRED_SHARE, WHOLE_PERCENT_TOLERANCE } from './settings';
export type { Refusal } from './refusal';
export { isRefusal, refuse } from './refusal';
export type {
  AreaComparison,
  ComparedCriterion,
  ComparedPeriod,
  ComparisonOutcome,
  EvidenceAdded,
  LevelThen,
  NotCompared,
  PeriodComparison,
  RatingChange,
  StatusChange,
} from './report';
export { comparePeriods, matchCriteria, readingKey, scorePeriod } from './report';
export type {
  CombineChoice,
  CombinedCriterion,
  CombinedField,
  CombinedResult,
  CombineState,
  CopyComparison,
} from './combine';
export { combineChoice, compareCopies, rowsThroughMapping, sameCell } from './combine';
export type { CopyResponses, ManyComparison, ManyRule } from './combineMany';
export { combineMany } from './combineMany';
