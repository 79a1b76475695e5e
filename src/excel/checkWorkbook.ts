/**
 * "Check workbook": everything read in two syncs (the cells, and the page headers of every sheet,
 * which only the full Check looks at), then the pure decision and audit
 * (src/workbook/checkSnapshot.ts): a workbook that cannot be checked against this framework is
 * refused and nothing is changed.
 */
import type { ExcelGateway, XlContext } from './api';
import { actualSheetName, loadSheetNames } from './inspect';
import { queueHeaderTexts } from './printedHeaders';
import { loadUsedRange, queueSnapshot, rangeSnapshot } from './snapshotReader';
import { SAVED_RESPONSES_SHEET } from '../workbook/sheets/savedResponses';
import { SIGN_OFF_SHEET } from '../workbook/sheets/signOffRecord';

import { startLayoutOf, type StartLayout } from '../workbook/sheets/start';
import type { CheckOptions, Framework } from '../domain';
import type { BuiltPlan } from '../workbook/buildPlan';
import { auditSnapshot, type CheckOutcome } from '../workbook/checkSnapshot';
import type { WorkbookSnapshot } from '../workbook/snapshot';

export type { CheckOutcome } from '../workbook/checkSnapshot';

/**
 * The snapshot with every sheet's page header texts and the sign-off sheets (a finalised workbook
 * is checked against its approved snapshot), in two syncs.
 */
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
  const used = (wanted: string) => {
    const name = actualSheetName(sheetNames, wanted);
    return name ? { name, range: loadUsedRange(ctx, name) } : null;
  };
  const saved = used(SAVED_RESPONSES_SHEET);
  const record = used(SIGN_OFF_SHEET);
  await ctx.sync();
  const snap = (loaded: ReturnType<typeof used>) =>
    loaded ? rangeSnapshot(loaded.name, loaded.range) : null;
  return { ...finish(), pageHeaders: headers(), signOff: { saved: snap(saved), record: snap(record) } };
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
