/**
 * "Check workbook": everything read in two syncs (the cells, and the page headers of every sheet,
 * which only the full Check looks at), then the pure audit (src/workbook/audit.ts).
 * A workbook the add-in did not generate, one from a newer add-in, or one built from another
 * framework is not checked against this framework: the outcome says so and nothing is changed.
 */
import type { ExcelGateway, XlContext } from './api';
import { loadSheetNames, parseMeta } from './inspect';
import { queueHeaderTexts } from './printedHeaders';
import { queueSnapshot } from './snapshotReader';

import { startLayoutOf, type StartLayout } from '../workbook/sheets/start';
import type { CheckOptions, Framework } from '../domain';
import { auditWorkbook, type Audit } from '../workbook/audit';
import type { BuiltPlan } from '../workbook/buildPlan';
import { LAYOUT_VERSION, META_SHEET } from '../workbook/layout';
import type { WorkbookSnapshot } from '../workbook/snapshot';

export type CheckOutcome =
  | ({ readonly status: 'checked'; readonly snapshot: WorkbookSnapshot } & Audit)
  | { readonly status: 'not-checked'; readonly message: string };

/** Why this workbook cannot be checked against `framework`, or null when it can. */
export function refusal(framework: Framework, snapshot: WorkbookSnapshot): string | null {
  if (!snapshot.meta) {
    return `This workbook has no assessment made by this add-in (there is no ${META_SHEET} sheet). Generate one from Set up; nothing in this workbook was changed.`;
  }
  const meta = parseMeta(snapshot.meta);
  if ('problems' in meta) {
    return `The add-in's record of this workbook is damaged, so it cannot be checked safely: ${meta.problems.join(' ')}`;
  }
  if (meta.layoutVersion > LAYOUT_VERSION) {
    return `This workbook was made by a newer version of the add-in (layout ${meta.layoutVersion}; this version knows up to ${LAYOUT_VERSION}). Update the add-in to check it; nothing was changed.`;
  }
  if (meta.frameworkId !== framework.id || meta.frameworkVersion !== framework.version) {
    return `This workbook uses ${meta.frameworkTitle} (${meta.frameworkId} version ${meta.frameworkVersion}), not ${framework.title} (${framework.id} version ${framework.version}). Choose that framework, or upgrade the workbook from Maintain.`;
  }
  return null;
}

export function auditSnapshot(
  framework: Framework,
  built: BuiltPlan,
  snapshot: WorkbookSnapshot,
  options: CheckOptions,
): CheckOutcome {
  const refused = refusal(framework, snapshot);
  if (refused) return { status: 'not-checked', message: refused };
  return { status: 'checked', snapshot, ...auditWorkbook(framework, built, snapshot, options) };
}

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
