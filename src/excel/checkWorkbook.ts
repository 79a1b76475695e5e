/**
 * "Check workbook": everything read in two syncs (the cells, and the page headers of every sheet,
 * which only the full Check looks at), then the pure decision and audit
 * (src/workbook/checkSnapshot.ts): a workbook that cannot be checked against this framework is
 * refused and nothing is changed.
 */
import type { ExcelGateway, XlContext } from './api';
import { loadSheetNames } from './inspect';
import { queueHeaderTexts } from './printedHeaders';
import { queueSnapshot } from './snapshotReader';

import { startLayoutOf, type StartLayout } from '../workbook/sheets/start';
import type { CheckOptions, Framework } from '../domain';
import type { BuiltPlan } from '../workbook/buildPlan';
import { auditSnapshot, type CheckOutcome } from '../workbook/checkSnapshot';
import type { WorkbookSnapshot } from '../workbook/snapshot';

export type { CheckOutcome } from '../workbook/checkSnapshot';

/** The snapshot with every sheet's page header texts, in two syncs. */
async function readWithHeaders(
  ctx: XlContext,
  framework: Framework,
  start: StartLayout,
): Promise<WorkbookSnapshot> {
  const names = loadSheetNames(ctx);
  await ctx.sync();
  const sheetNames = names();
  const finish = queueSnapshot(ctx, framework, start, sheetNames);
  const headers = queueHeaderTexts(ctx, sheetNames);
  await ctx.sync();
  return { ...finish(), pageHeaders: headers() };
}

export async function checkWorkbook(
  gateway: ExcelGateway,
  framework: Framework,
  built: BuiltPlan,
  options: CheckOptions,
): Promise<CheckOutcome> {
  const snapshot = await gateway.run((ctx) => readWithHeaders(ctx, framework, startLayoutOf(framework)));
  return auditSnapshot(framework, built, snapshot, options);
}
