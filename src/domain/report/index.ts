/** The board report as pure code: figures, narrative, history entries, action plan and CSV. */
export type { ActionPlanEntry, ActionState, TypedAction } from './actionPlan';
export { mergeActionPlan, stateText, topActions } from './actionPlan';
export type { BoardFigures, BoardRow } from './figures';
export { boardFigures, boardLevelText } from './figures';
export type { HistoryEntry, SnapshotArea, SnapshotCoverage } from './history';
export { changeText, historyEntryOf, latestEntry, levelNameOf, shareMetOverall } from './history';
export { boardNarrative } from './narrative';
export type { CsvHeading } from './csv';
export { boardCsv, csvField } from './csv';
export { percentText, wrapWords } from './words';
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
} from './periodCompare';
export { comparePeriods, matchCriteria, readingKey, scorePeriod } from './periodCompare';
