/**
 * The chart colours can be told apart and seen: every area colour, the organisation's and each
 * level grey has at least 3:1 contrast with the white chart background (WCAG 2.2, 1.4.11, the
 * relative luminance formula computed here), no two areas of a framework share a colour or a
 * marker, and the level axis names the levels with formats Excel accepts (two values each).
 */
import { bundledFrameworks } from '../../src/domain/framework/bundled';
import {
  AREA_COLOURS,
  LEVEL_COLOURS,
  ORGANISATION_STYLE,
  areaSeriesStyle,
  levelSeriesStyle,
} from '../../src/workbook/chartStyle';
import { levelAxes, namingFormat } from '../../src/workbook/levelAxis';

function luminance(hex: string): number {
  const [r = 0, g = 0, b = 0] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const contrastWithWhite = (hex: string) => 1.05 / (luminance(hex) + 0.05);

describe('chart colours', () => {
  it.each([...AREA_COLOURS, ...LEVEL_COLOURS, ORGANISATION_STYLE.colour])(
    '%s has 3:1 contrast with white',
    (c) => {
      expect(contrastWithWhite(c)).toBeGreaterThanOrEqual(3);
    },
  );

  it.each(Object.values(bundledFrameworks))(
    'gives each area of $id its own colour and marker',
    (framework) => {
      const styles = framework.areas.map((a) => areaSeriesStyle(a.number));
      expect(new Set(styles.map((s) => s.colour)).size).toBe(styles.length);
      expect(new Set(styles.map((s) => s.marker)).size).toBe(styles.length);
      expect(styles.map((s) => s.marker)).not.toContain(ORGANISATION_STYLE.marker);
    },
  );

  it('shades levels from light to dark, the top level darkest', () => {
    const greys = [0, 1, 2].map((i) => levelSeriesStyle(i, 3).colour);
    expect(greys.map(luminance)).toEqual([...greys.map(luminance)].sort((a, b) => b - a));
    expect(levelSeriesStyle(1, 2).colour).toBe(levelSeriesStyle(2, 3).colour);
  });
});

describe('the level axis', () => {
  it('names 0 and 1 on the primary axis and 2 and 3 on the secondary, over the same scale', () => {
    const axes = levelAxes(['Not yet Developing', 'Developing', 'Achieving', 'Excellent']);
    expect(axes).toEqual({
      named: true,
      valueAxis: {
        min: 0,
        max: 3,
        majorUnit: 1,
        numberFormat: '[=0]"Not yet Developing";[=1]"Developing";""',
      },
      secondaryValueAxis: {
        min: 0,
        max: 3,
        majorUnit: 1,
        numberFormat: '[=2]"Achieving";[=3]"Excellent";""',
      },
    });
  });

  it('needs no secondary axis for two values, and keeps numbers for more than four', () => {
    expect(levelAxes(['Not yet A', 'A']).secondaryValueAxis).toBeUndefined();
    expect(levelAxes(['Not yet A', 'A']).named).toBe(true);
    expect(levelAxes(['0', '1', '2', '3', '4'])).toEqual({
      named: false,
      valueAxis: { min: 0, max: 4, majorUnit: 1 },
    });
  });

  it('keeps numbers when a name holds a quote, which a number format cannot', () => {
    expect(namingFormat([{ value: 0, name: 'Say "no"' }])).toBeUndefined();
    expect(levelAxes(['Not yet', 'A "b"', 'C', 'D']).named).toBe(false);
  });
});
