/**
 * Everything heavy the pane needs after it has opened: the bundled framework files and mappings,
 * the loader (zod), the plan builder, the scoring engine and the Excel operations behind the
 * views. App.tsx loads this module with a dynamic import() so the first view appears before it
 * arrives (the initial bundle budget is checked in test/build); every view that needs it waits
 * for the same promise.
 */
export {
  actionList,
  bundledFrameworks,
  check,
  describeFixValue,
  describeProblem,
  explainAreas,
  explainOverall,
  loadFramework,
  loadFrameworkSheets,
  score,
} from '../domain/index';
export { buildPlan } from '../workbook/buildPlan';
export { frameworkTemplatePlan } from '../workbook/frameworkTemplate';
export { withResponses } from '../workbook/filledPlan';
export { PlanError } from '../workbook/checkPlan';
export { settingsOf } from '../workbook/snapshot';
export { generateAssessment } from '../excel/generate';
export { assessmentFrom, readAssessment } from '../excel/readAssessment';
export { startLayoutOf } from '../workbook/sheets/start';
export { checkWorkbook } from '../excel/checkWorkbook';
export { applyFixes, selectCell } from '../excel/fixes';
export { repairFormulas } from '../excel/repairFormulas';
export { startLiveChecks } from '../excel/liveChecks';
export { startChangeLog } from '../excel/changeLog';
export { previewRegeneration, regenerateAssessment } from '../excel/regenerate';
export { bundledMappings } from './bundledMappings';
export { sheetChanges, sheetChangeWords } from '../workbook/sheetChanges';
export { calendarDateOf } from '../domain/index';
export { historyCarriesOn } from '../workbook/sheets/history';
