/**
 * The Set up form's values and what is wrong with them, as pure code: the view shows each
 * message beside its field, and Generate runs only when there is none.
 */
import type { Framework, LoadResult } from '../../domain/index';
import type { PlanSettings } from '../../workbook/settings';

/** A bundled framework by its key in `bundledFrameworks`, or the organisation's own file. */
export type FrameworkChoice = 'draft2009' | 'draftWithRevisedLeadership' | 'leadershipRevision' | 'own';

export interface OwnFile {
  readonly fileName: string;
  readonly result: LoadResult;
}

export interface SetupValues {
  readonly organisation: string;
  readonly period: string;
  readonly choice: FrameworkChoice;
  readonly ownFile: OwnFile | null;
  /** The threshold as the select holds it (a scale value). */
  readonly threshold: string;
  /** The required share as typed, in percent. */
  readonly sharePercent: string;
}

export type SetupField = 'organisation' | 'period' | 'framework' | 'threshold' | 'sharePercent';

export type SetupErrors = Partial<Record<SetupField, string>>;

/** The framework the form points at, or null (no file yet, or a file with problems). */
export function chosenFramework(
  values: Pick<SetupValues, 'choice' | 'ownFile'>,
  bundled: Readonly<Record<Exclude<FrameworkChoice, 'own'>, Framework>>,
): Framework | null {
  if (values.choice !== 'own') return bundled[values.choice];
  const result = values.ownFile?.result;
  return result?.ok ? result.framework : null;
}

/** Parses "80", "80%" or " 87.5 " as a percentage; NaN when it is not a number. */
export function parsePercent(text: string): number {
  const trimmed = text.trim().replace(/%$/, '').trim();
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return NaN;
  return Number(trimmed);
}

export function validateSetup(
  values: SetupValues,
  framework: Framework | null,
): { errors: SetupErrors; settings: PlanSettings | null } {
  const errors: SetupErrors = {};
  const organisation = values.organisation.trim();
  const period = values.period.trim();
  if (organisation === '') errors.organisation = 'Enter your organisation’s name.';
  if (period === '') errors.period = 'Enter the assessment period, for example 2026/27.';

  if (values.choice === 'own' && values.ownFile === null) {
    errors.framework =
      'Choose your framework file (an .xlsx workbook made from the framework template, or a .json file).';
  } else if (framework === null) {
    errors.framework = 'The framework file has problems (listed below); fix them or choose another file.';
  }

  const percent = parsePercent(values.sharePercent);
  // A whole percentage, as the Start sheet's formulas require (a share shown as 67% must be 67%).
  if (Number.isNaN(percent) || !Number.isInteger(percent) || percent < 1 || percent > 100) {
    errors.sharePercent = `Enter a whole percentage from 1 to 100 (100 means every applicable criterion); "${values.sharePercent}" is not one.`;
  }

  const threshold = Number(values.threshold);
  const scale = framework?.ratingScale.points.map((p) => p.value) ?? [];
  if (framework !== null && !scale.includes(threshold)) {
    errors.threshold = `Choose one of the ratings ${scale.join(', ')}.`;
  }

  if (Object.keys(errors).length > 0 || framework === null) return { errors, settings: null };
  return {
    errors,
    settings: { organisation, period, metThreshold: threshold, requiredShare: percent / 100 },
  };
}
