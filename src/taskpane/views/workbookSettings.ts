/**
 * The settings a plan is built with when the pane works on an assessment already in the workbook:
 * the ones its Start sheet holds, or the framework's own level rule when they cannot be read (the
 * view says so). Pure, and type-only imports, so it adds nothing to the initial bundle.
 */
import type { Framework, ScoringSettings } from '../../domain/index';
import type { PlanSettings } from '../../workbook/settings';

/** What a read of the Start sheet gives (AssessmentRead has these fields). */
export interface StartRead {
  readonly settings: ScoringSettings | null;
  readonly organisation: unknown;
  readonly period: unknown;
}

/** A cell's content as text for a setting: a period typed as 2027 is a number in Excel. */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

export function planSettingsOf(
  framework: Framework,
  read: StartRead,
): { settings: PlanSettings; fromWorkbook: boolean } {
  const rule = read.settings ?? framework.levelRule;
  return {
    settings: {
      organisation: textOf(read.organisation),
      period: textOf(read.period),
      metThreshold: rule.metThreshold,
      requiredShare: rule.requiredShare,
    },
    fromWorkbook: read.settings !== null,
  };
}
