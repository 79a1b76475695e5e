/**
 * Everything heavy the pane needs after it has opened: the bundled framework files, the loader
 * (zod), the plan builder and the scoring engine. App.tsx loads this module with a dynamic
 * import() so the first view appears before it arrives (the initial bundle budget is checked in
 * test/build); every view that needs it waits for the same promise.
 */
export {
  actionList,
  bundledFrameworks,
  check,
  describeProblem,
  explainAreas,
  explainOverall,
  loadFramework,
  score,
} from '../domain/index';
export { buildPlan } from '../workbook/buildPlan';
export { PlanError } from '../workbook/checkPlan';
export { generateAssessment } from '../excel/generate';
export { readAssessment } from '../excel/readAssessment';
