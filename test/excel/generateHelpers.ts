/** Shared set-up for generation tests: a plan for a framework, generated into a fresh fake workbook. */
import type { Framework } from '../../src/domain/framework/types';
import { generateAssessment, type GenerateOutcome } from '../../src/excel/generate';
import { buildPlan, type BuiltPlan } from '../../src/workbook/buildPlan';
import type { PlanSettings } from '../../src/workbook/settings';
import { FakeWorkbook, gateway } from '../platform/fake-excel';

export const SETTINGS: PlanSettings = {
  organisation: 'Riverside Homes',
  period: '2026/27',
  metThreshold: 3,
  requiredShare: 1,
};

export interface Generated {
  readonly doc: FakeWorkbook;
  readonly built: BuiltPlan;
  readonly outcome: GenerateOutcome;
  /** Syncs the generation took. */
  readonly syncs: number;
}

export async function generateInto(
  framework: Framework,
  options: { supportedVersion?: string; doc?: FakeWorkbook; settings?: PlanSettings } = {},
): Promise<Generated> {
  const doc = options.doc ?? new FakeWorkbook();
  const built = buildPlan(framework, options.settings ?? SETTINGS);
  const before = doc.syncCount;
  const outcome = await generateAssessment(
    gateway(doc, { supportedVersion: options.supportedVersion ?? '1.9' }),
    built.plan,
  );
  await doc.eventsSettled();
  return { doc, built, outcome, syncs: doc.syncCount - before };
}
