/**
 * Which settings of the level rule can be used. The sheet's formulas test the same things
 * (src/workbook/ratingFormulas.ts `settingsUsable`) and show "Check the Start sheet" instead of a
 * level when any fails, so the engine and the workbook refuse exactly the same values.
 */
import type { RatingScale } from './framework/types';
import { scaleValues } from './rating';
import type { CellValue, ScoringSettings } from './responses';

/** The lowest and highest required share: 1% and 100%. */
export const MIN_REQUIRED_SHARE = 0.01;
export const MAX_REQUIRED_SHARE = 1;
/** How far a share × 100 may be from a whole number and still count as a whole percentage. */
export const WHOLE_PERCENT_TOLERANCE = 0.000001;

export interface SettingProblem {
  readonly setting: keyof ScoringSettings;
  /** What the cell should hold, for people: "one of 1, 2, 3 or 4". */
  readonly expected: string;
}

/**
 * True for a number (never text, even "80%" or "3", never TRUE/FALSE) that is a whole percentage
 * from 1% to 100%.
 */
export function isUsableShare(value: CellValue): value is number {
  return (
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= MIN_REQUIRED_SHARE &&
    value <= MAX_REQUIRED_SHARE &&
    Math.abs(value * 100 - Math.round(value * 100)) < WHOLE_PERCENT_TOLERANCE
  );
}

/** True for a number (never text or TRUE/FALSE) on the rating scale (any number when `values` is null). */
export function isUsableThreshold(value: CellValue, values: readonly number[] | null): value is number {
  return typeof value === 'number' && Number.isFinite(value) && (values === null || values.includes(value));
}

/**
 * The settings when both can be used, with a problem for each that cannot. Without a scale (null)
 * any number is taken as a threshold, for callers that check the scale themselves.
 */
export function readSettings(
  raw: { readonly metThreshold: CellValue; readonly requiredShare: CellValue },
  scale: RatingScale | null,
): { settings: ScoringSettings | null; problems: SettingProblem[] } {
  const problems: SettingProblem[] = [];
  const { metThreshold, requiredShare } = raw;
  const values = scale ? scaleValues(scale) : null;
  if (!isUsableThreshold(metThreshold, values)) {
    const list = values
      ? ` from the scale (${values.length > 1 ? `${values.slice(0, -1).join(', ')} or ${values[values.length - 1] ?? ''}` : values.join('')})`
      : '';
    problems.push({ setting: 'metThreshold', expected: `a rating${list}, typed as a number` });
  }
  if (!isUsableShare(requiredShare)) {
    problems.push({
      setting: 'requiredShare',
      expected: 'a whole percentage from 1% to 100% (for example 80%), typed as a number',
    });
  }
  return {
    settings:
      problems.length === 0 && typeof metThreshold === 'number' && typeof requiredShare === 'number'
        ? { metThreshold, requiredShare }
        : null,
    problems,
  };
}
