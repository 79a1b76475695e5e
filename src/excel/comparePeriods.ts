/**
 * "Compare periods": loads what the comparison needs and writes the Period comparison sheet the
 * pure decision (src/workbook/comparison.ts) returns. Three syncs: the sheet names; the area
 * sheets, Start settings and the Saved responses sheet in one batch; then the write. The sheet is
 * rebuilt whole (the old one deleted and the new one added in the same batch, at its place).
 */
import type { ExcelGateway } from './api';
import { queuePlan } from './applyPlan';
import { actualSheetName, loadSheetNames } from './inspect';
import { assessmentFrom } from './readAssessment';
import { queueSignOffRecord } from './signOffRead';
import { queueSnapshot } from './snapshotReader';
import { queueSavedLoad } from './savedResponsesWrite';
import type { Framework, PeriodComparison } from '../domain';
import {
  prepareComparison,
  snapshotChoices,
  type ComparisonChoice,
  type ComparisonContext,
  type ComparisonRead,
  type ComparisonRefusal,
} from '../workbook/comparison';
import { LAYOUT_VERSION } from '../workbook/layout';
import { withPrintedFor } from '../workbook/print';
import type { WorkbookPlan } from '../workbook/plan';
import { COMPARISON_SHEET } from '../workbook/sheets/periodComparison';
import type { SavedSnapshot } from '../workbook/sheets/savedResponses';
import { startLayoutOf } from '../workbook/sheets/start';
import { reportSignOff } from '../workbook/signOff/report';

export type CompareOutcome =
  | { readonly status: 'compared'; readonly sheet: string; readonly comparison: PeriodComparison }
  | ComparisonRefusal;

/** The snapshots on the Saved responses sheet, for the pane to offer (two syncs). */
export async function readSnapshotChoices(gateway: ExcelGateway): Promise<{
  readonly snapshots: readonly SavedSnapshot[];
  readonly problems: readonly string[];
}> {
  return gateway.run(async (ctx) => {
    const names = loadSheetNames(ctx);
    await ctx.sync();
    const saved = queueSavedLoad(ctx, names());
    await ctx.sync();
    return snapshotChoices(saved()?.range ?? null);
  });
}

export async function comparePeriodsInWorkbook(
  gateway: ExcelGateway,
  choice: ComparisonChoice,
  context: ComparisonContext,
): Promise<CompareOutcome> {
  const { framework } = context;
  return gateway.run(async (ctx) => {
    const names = loadSheetNames(ctx);
    await ctx.sync();
    const sheetNames = names();
    const finishSnapshot = queueSnapshot(ctx, framework, startLayoutOf(framework), sheetNames);
    const saved = queueSavedLoad(ctx, sheetNames);
    // While finalised, the rebuilt sheet carries the finalised line like every other sheet.
    const signOff = queueSignOffRecord(ctx, sheetNames);
    await ctx.sync();
    const assessment = assessmentFrom(framework, finishSnapshot());
    const read: ComparisonRead = {
      responses: assessment.responses,
      settings: assessment.settings,
      problems: [
        ...assessment.areaSheets.filter((a) => !a.present).map((a) => `The sheet "${a.sheet}" is missing.`),
        ...assessment.problems,
      ],
      saved: saved()?.range ?? null,
    };
    const decision = prepareComparison(read, choice, context);
    if (decision.status === 'refused') return decision;

    const old = actualSheetName(sheetNames, COMPARISON_SHEET);
    const oldPosition = old ? sheetNames.indexOf(old) : -1;
    if (old) ctx.workbook.worksheets.getItem(old).delete();
    const who = { organisation: String(assessment.organisation), period: String(assessment.period) };
    const [sheet] = reportSignOff(signOff()).decorate(framework, [withPrintedFor(decision.sheet, who)]);
    queuePlan(ctx, comparisonPlan(framework, sheet ?? decision.sheet, decision.chart));
    // The new sheet goes where the old one was; a first comparison stays at the end.
    if (oldPosition >= 0) ctx.workbook.worksheets.getItem(COMPARISON_SHEET).position = oldPosition;
    await ctx.sync();
    return { status: 'compared', sheet: COMPARISON_SHEET, comparison: decision.comparison };
  });
}

function comparisonPlan(
  framework: Framework,
  sheet: WorkbookPlan['sheets'][number],
  chart: WorkbookPlan['charts'][number],
): WorkbookPlan {
  return {
    meta: {
      layoutVersion: LAYOUT_VERSION,
      frameworkId: framework.id,
      frameworkVersion: framework.version,
      frameworkTitle: framework.title,
    },
    sheets: [sheet],
    names: [],
    charts: [chart],
  };
}
