/**
 * Generation: the plan written into the open workbook in two syncs, whatever the framework's
 * size. Sync 1 reads the sheet names (and refuses rather than overwrite an assessment or a sheet
 * of the officer's); sync 2 writes everything, with calculation suspended.
 */
import type { ExcelGateway } from './api';
import { queuePlan } from './applyPlan';
import { hasSheet, loadSheetNames } from './inspect';
import { META_SHEET } from '../workbook/layout';
import type { WorkbookPlan } from '../workbook/plan';
import { refuse, type Refusal } from '../domain';

export type GenerateStep = 'reading' | 'writing' | 'done';

export interface GenerateOptions {
  /** Told as each step starts, for the task pane's progress. */
  readonly onProgress?: (step: GenerateStep) => void;
}

export type GenerateOutcome =
  | {
      readonly status: 'generated';
      /** Sheets added, in order. */
      readonly sheets: readonly string[];
    }
  /** Details: the sheets in the way. */
  | Refusal<'existing-assessment' | 'sheet-names-taken'>;

export async function generateAssessment(
  gateway: ExcelGateway,
  plan: WorkbookPlan,
  options: GenerateOptions = {},
): Promise<GenerateOutcome> {
  return gateway.run(async (ctx) => {
    options.onProgress?.('reading');
    const names = loadSheetNames(ctx);
    await ctx.sync();
    const existing = names();

    if (hasSheet(existing, META_SHEET)) {
      return refuse(
        'existing-assessment',
        'This workbook already holds an assessment. Generating again would overwrite it, so nothing was changed. ' +
          'To rebuild it and keep every rating and note, use Regenerate; or open a new workbook to start another assessment.',
        [META_SHEET],
      );
    }
    const taken = plan.sheets.map((s) => s.name).filter((name) => hasSheet(existing, name));
    if (taken.length > 0) {
      return refuse(
        'sheet-names-taken',
        `This workbook already has ${taken.length === 1 ? 'a sheet' : 'sheets'} named ${taken.map((t) => `"${t}"`).join(', ')}, ` +
          'which the assessment needs. Nothing was changed. Rename or move those sheets to another workbook, or open a new workbook, then generate again.',
        taken,
      );
    }

    options.onProgress?.('writing');
    ctx.workbook.application.suspendApiCalculationUntilNextSync();
    queuePlan(ctx, plan);
    await ctx.sync();
    options.onProgress?.('done');
    return { status: 'generated', sheets: plan.sheets.map((s) => s.name) };
  });
}
