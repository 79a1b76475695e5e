/**
 * Which Fluent theme the task pane uses. Office tells the add-in its theme only as colours
 * (Office.context.officeTheme), so the pane follows the body background's lightness.
 */
import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

export type ThemeName = 'light' | 'dark';

/**
 * 'dark' when the colour ('#RRGGBB' or '#RGB') is closer to black than white by relative
 * luminance (WCAG 2 formula); 'light' when it is missing or not a hex colour, because the light
 * theme is Office's default.
 */
export function themeForBackground(colour: string | undefined): ThemeName {
  const rgb = parseHexColour(colour);
  if (!rgb) return 'light';
  const [r, g, b] = rgb.map((channel) => {
    const s = channel / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // 0.179 is where black and white text have equal contrast against the colour.
  return luminance < 0.179 ? 'dark' : 'light';
}

function parseHexColour(colour: string | undefined): [number, number, number] | undefined {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour?.trim() ?? '');
  const hex = match?.[1];
  if (!hex) return undefined;
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
}

export function fluentTheme(name: ThemeName): Theme {
  return name === 'dark' ? webDarkTheme : webLightTheme;
}
