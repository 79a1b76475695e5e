/**
 * Cell styles: the plan's FormatSpecs, applied in order to each cell (a later spec overrides the
 * properties it sets), become one SpreadsheetML cell format (xf) per distinct combination.
 */
import type { FormatSpec } from '../workbook/plan';
import { argb, el, XML_DECLARATION } from './xml';

/** What one cell ends up with after every FormatSpec covering it: a FormatSpec without its range. */
export type CellStyle = Omit<FormatSpec, 'range'>;

const STYLE_KEYS = [
  'bold',
  'italic',
  'fontSize',
  'fontColor',
  'fill',
  'wrap',
  'horizontal',
  'verticalTop',
  'numberFormat',
  'locked',
  'borderBottom',
] as const satisfies readonly (keyof CellStyle & keyof FormatSpec)[];

/** `style` with the properties `spec` sets laid over it. */
export function mergeStyle(style: CellStyle, spec: FormatSpec): CellStyle {
  const out: Record<string, unknown> = { ...style };
  for (const key of STYLE_KEYS) if (spec[key] !== undefined) out[key] = spec[key];
  return out as CellStyle;
}

/** Excel's built-in number formats the plan may use; any other code gets an id from 164 up. */
const BUILT_IN_FORMATS: Readonly<Record<string, number>> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '0%': 9,
  '0.00%': 10,
  '@': 49,
};

export const DEFAULT_FONT = { name: 'Calibri', size: 11 } as const;

/** Collects distinct fonts, fills, borders, number formats and cell formats; index 0 is the default everywhere. */
export class StyleSheet {
  private readonly fonts = [fontXml({})];
  // SpreadsheetML reserves fills 0 and 1 (none and gray125).
  private readonly fills = [
    el('fill', {}, el('patternFill', { patternType: 'none' })),
    el('fill', {}, el('patternFill', { patternType: 'gray125' })),
  ];
  private readonly borders = [borderXml(false)];
  private readonly customFormats = new Map<string, number>();
  private readonly xfs = [el('xf', { numFmtId: 0, fontId: 0, fillId: 0, borderId: 0, xfId: 0 })];
  private readonly xfIndex = new Map<string, number>([[this.xfs[0] as string, 0]]);
  private readonly dxfs: string[] = [];

  /**
   * The differential format (dxfId) a conditional format applies: a solid fill. In a dxf the
   * fill colour goes in bgColor, not fgColor as in a cell format.
   */
  highlightIndex(fill: string): number {
    return indexOf(
      this.dxfs,
      el(
        'dxf',
        {},
        el(
          'fill',
          {},
          el('patternFill', { patternType: 'solid' }, el('bgColor', { rgb: argb(fill, 'highlight') })),
        ),
      ),
    );
  }

  /** The cell format index (the `s` attribute) for a style. */
  index(style: CellStyle): number {
    const fontId = indexOf(this.fonts, fontXml(style));
    const fillId =
      style.fill === undefined
        ? 0
        : indexOf(
            this.fills,
            el(
              'fill',
              {},
              el(
                'patternFill',
                { patternType: 'solid' },
                el('fgColor', { rgb: argb(style.fill, 'fill') }),
                el('bgColor', { indexed: 64 }),
              ),
            ),
          );
    const borderId = indexOf(this.borders, borderXml(style.borderBottom === true));
    const numFmtId = this.numberFormatId(style.numberFormat);
    const alignment = el('alignment', {
      horizontal: style.horizontal,
      vertical: style.verticalTop ? 'top' : undefined,
      wrapText: style.wrap ? true : undefined,
    });
    const hasAlignment = alignment !== '<alignment/>';
    const unlocked = style.locked === false;
    const xf = el(
      'xf',
      {
        numFmtId,
        fontId,
        fillId,
        borderId,
        xfId: 0,
        applyNumberFormat: numFmtId !== 0 ? true : undefined,
        applyFont: fontId !== 0 ? true : undefined,
        applyFill: fillId !== 0 ? true : undefined,
        applyBorder: borderId !== 0 ? true : undefined,
        applyAlignment: hasAlignment ? true : undefined,
        applyProtection: unlocked ? true : undefined,
      },
      hasAlignment ? alignment : '',
      unlocked ? el('protection', { locked: false }) : '',
    );
    const known = this.xfIndex.get(xf);
    if (known !== undefined) return known;
    this.xfs.push(xf);
    this.xfIndex.set(xf, this.xfs.length - 1);
    return this.xfs.length - 1;
  }

  private numberFormatId(code: string | undefined): number {
    if (code === undefined) return 0;
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    const known = this.customFormats.get(code);
    if (known !== undefined) return known;
    const id = 164 + this.customFormats.size;
    this.customFormats.set(code, id);
    return id;
  }

  /** xl/styles.xml */
  xml(): string {
    const list = (name: string, items: readonly string[]) => el(name, { count: items.length }, ...items);
    const numFmts = [...this.customFormats].map(([formatCode, numFmtId]) =>
      el('numFmt', { numFmtId, formatCode }),
    );
    return (
      XML_DECLARATION +
      el(
        'styleSheet',
        { xmlns: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main' },
        numFmts.length > 0 ? list('numFmts', numFmts) : '',
        list('fonts', this.fonts),
        list('fills', this.fills),
        list('borders', this.borders),
        list('cellStyleXfs', [el('xf', { numFmtId: 0, fontId: 0, fillId: 0, borderId: 0 })]),
        list('cellXfs', this.xfs),
        list('cellStyles', [el('cellStyle', { name: 'Normal', xfId: 0, builtinId: 0 })]),
        this.dxfs.length > 0 ? list('dxfs', this.dxfs) : '',
      )
    );
  }
}

function indexOf(list: string[], item: string): number {
  const found = list.indexOf(item);
  if (found >= 0) return found;
  list.push(item);
  return list.length - 1;
}

/** Children in the schema's order: b, i, sz, color, name, family. */
function fontXml(style: CellStyle): string {
  return el(
    'font',
    {},
    style.bold ? el('b') : '',
    style.italic ? el('i') : '',
    el('sz', { val: style.fontSize ?? DEFAULT_FONT.size }),
    style.fontColor !== undefined ? el('color', { rgb: argb(style.fontColor, 'font colour') }) : '',
    el('name', { val: DEFAULT_FONT.name }),
    el('family', { val: 2 }),
  );
}

function borderXml(bottom: boolean): string {
  return el(
    'border',
    {},
    el('left'),
    el('right'),
    el('top'),
    bottom ? el('bottom', { style: 'thin' }, el('color', { indexed: 64 })) : el('bottom'),
    el('diagonal'),
  );
}
