/**
 * A value axis from 0 (not yet the first level) to the top level, labelled with the levels'
 * names instead of 0 to 3. An Excel number format holds at most two conditions and a default,
 * so one axis can name only two values: the primary axis names 0 and 1 and leaves the rest
 * blank, and a secondary axis with the same scale names 2 and 3 (a series drawn against it, with
 * the same scale, lands exactly where it would on the primary). With more than three levels the
 * axes keep numbers and the chart's title gives the key.
 */
import type { ValueAxis } from './plan';

/**
 * The name of the hidden series that makes a one-series chart's secondary axis exist
 * (ChartPlan.secondaryAxisCopy): Excel shows it where it lists series (Select Data, tooltips).
 */
export const AXIS_COPY_NAME = 'Level names (second axis)';

/** The most values two axes can name (two each). */
const NAMEABLE_VALUES = 4;

/** A name as literal text in a number format: quoted, so nothing in it is read as a code. */
function quoted(name: string): string | undefined {
  return name.includes('"') ? undefined : `"${name}"`;
}

/** `[=0]"Not yet";[=1]"Developing";""`: names for up to two values, blank for any other. */
export function namingFormat(names: readonly { value: number; name: string }[]): string | undefined {
  if (names.length === 0 || names.length > 2) return undefined;
  const sections = names.map(({ value, name }) => {
    const text = quoted(name);
    return text === undefined ? undefined : `[=${value}]${text}`;
  });
  if (sections.some((s) => s === undefined)) return undefined;
  return [...sections, '""'].join(';');
}

export interface LevelAxes {
  readonly valueAxis: ValueAxis;
  /** Present when the levels need a second axis to be named. */
  readonly secondaryValueAxis?: ValueAxis;
  /** Whether the axes name the levels (false: numbers, and the title must give the key). */
  readonly named: boolean;
}

/**
 * The axes for `valueNames`: the name of 0 (not yet the first level), then each level's name.
 */
export function levelAxes(valueNames: readonly string[]): LevelAxes {
  const scale = { min: 0, max: valueNames.length - 1, majorUnit: 1 };
  const named = valueNames.map((name, value) => ({ value, name }));
  const primary = namingFormat(named.slice(0, 2));
  const secondary = named.length > 2 ? namingFormat(named.slice(2, NAMEABLE_VALUES)) : undefined;
  if (
    named.length > NAMEABLE_VALUES ||
    primary === undefined ||
    (named.length > 2 && secondary === undefined)
  )
    return { valueAxis: scale, named: false };
  return {
    valueAxis: { ...scale, numberFormat: primary },
    ...(secondary !== undefined ? { secondaryValueAxis: { ...scale, numberFormat: secondary } } : {}),
    named: true,
  };
}
