/**
 * How charts tell series apart, decided once for both adapters: each area has one colour and one
 * marker, the same in every chart where areas are series (the history lines) or points (the
 * Summary's level bars), so a reader who learns "Leadership is the orange triangle" on one page
 * can trust it on the next. Colour is never the only carrier: lines also differ by marker, the
 * legend names every series and bars are labelled by their category. Charts whose series are
 * levels use shades of grey, dark for the higher level, so a hue always means an area.
 * Every colour has at least 3:1 contrast with the white chart background (WCAG 2.2, 1.4.11);
 * test/workbook/chartStyle.test.ts measures it.
 */
import type { MarkerSymbol, SeriesStyle } from './plan';

/** Area colours by area number (area 1 first); past the end the list starts again. */
export const AREA_COLOURS = [
  '#0072B2', // blue
  '#D55E00', // vermilion
  '#117733', // green
  '#AA4499', // purple
  '#8A6D00', // ochre
  '#00798C', // teal
  '#882255', // wine
] as const;

/** Markers by area number, so lines of the same colour (after seven areas) still differ. */
export const AREA_MARKERS: readonly MarkerSymbol[] = ['circle', 'square', 'triangle', 'diamond', 'x', 'plus'];

/** The organisation as a whole: near black, with a marker no area uses. */
export const ORGANISATION_STYLE: SeriesStyle = { colour: '#262626', marker: 'star' };

/** Levels as series (shares met by level): greys, darker for higher levels. */
export const LEVEL_COLOURS = ['#8A8A8A', '#595959', '#262626'] as const;

function pick<T>(list: readonly T[], index: number): T {
  const item = list[((index % list.length) + list.length) % list.length];
  if (item === undefined) throw new RangeError('a chart style list is empty');
  return item;
}

/** The one colour of an area, in every chart. */
export function areaColour(area: number): string {
  return pick(AREA_COLOURS, area - 1);
}

/** The colour and marker of an area's series, in every chart. */
export function areaSeriesStyle(area: number): SeriesStyle {
  return { colour: areaColour(area), marker: pick(AREA_MARKERS, area - 1) };
}

/** The style of the series for level `index` (0 for the first) of `levels`: the top level darkest. */
export function levelSeriesStyle(index: number, levels: number): SeriesStyle {
  return { colour: pick(LEVEL_COLOURS, Math.max(0, LEVEL_COLOURS.length - levels + index)) };
}
