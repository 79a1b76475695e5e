/** Range formatting proxies: format, fill, font, protection (locked) and borders. */
import type {
  XlBorderIndex,
  XlFormatProtection,
  XlRangeBorder,
  XlRangeBorderCollection,
  XlRangeFill,
  XlRangeFont,
  XlRangeFormat,
} from '../../../../src/excel/api';
import type { FakeContext } from '../context';
import { accessDenied, invalidArgument } from '../errors';
import { borderAt, formatAt, uniform } from '../formats';
import { FakeProxy } from '../proxy';
import { normaliseColour } from '../rules';
import { DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT, type BorderState, type CellFormat } from '../state';
import { checkAllowed } from './guard';
import type { Located } from './locate';

type Target = () => Located;

/** Base for the parts of a range format: reads are per-cell uniform, writes add a format layer. */
abstract class FormatPart extends FakeProxy {
  constructor(
    ctx: FakeContext,
    path: string,
    protected readonly target: Target,
  ) {
    super(ctx, path);
  }

  protected cellProperty<K extends keyof CellFormat>(
    key: K,
    shown?: (v: CellFormat[K]) => unknown,
  ): () => unknown {
    return () => {
      const { sheet, rect } = this.target();
      return uniform(rect, (r, c) => {
        const value = formatAt(sheet, r, c)[key];
        return shown ? shown(value) : value;
      });
    };
  }

  protected setCells(property: string, value: unknown, props: Partial<CellFormat>, since?: string): void {
    this.write(
      property,
      value,
      () => {
        const { sheet, rect } = this.target();
        if ('locked' in props) {
          if (sheet.protection.protected)
            throw accessDenied(`Sheet '${sheet.name}' is protected: cannot lock or unlock cells.`, this.path);
        } else {
          checkAllowed(sheet, 'allowFormatCells', 'format cells', this.path);
        }
        sheet.formats.push({ rect, props });
      },
      since,
    );
  }

  protected colour(value: string): string {
    return normaliseColour(value, this.path);
  }
}

export class FakeRangeFill extends FormatPart implements XlRangeFill {
  protected properties(): Record<string, () => unknown> {
    // Excel reports no fill as white.
    return { color: this.cellProperty('fill', (v) => v ?? '#FFFFFF') };
  }
  get color(): string {
    return this.read('color');
  }
  set color(color: string) {
    this.write('color', color, () => {
      const { sheet, rect } = this.target();
      checkAllowed(sheet, 'allowFormatCells', 'format cells', this.path);
      sheet.formats.push({ rect, props: { fill: this.colour(color) } });
    });
  }
  clear(): void {
    this.enqueue('clear', [], () => {
      const { sheet, rect } = this.target();
      checkAllowed(sheet, 'allowFormatCells', 'format cells', this.path);
      sheet.formats.push({ rect, props: { fill: null } });
    });
  }
}

export class FakeRangeFont extends FormatPart implements XlRangeFont {
  protected properties(): Record<string, () => unknown> {
    return {
      bold: this.cellProperty('bold'),
      italic: this.cellProperty('italic'),
      size: this.cellProperty('size'),
      color: this.cellProperty('fontColor'),
      name: this.cellProperty('fontName'),
    };
  }
  get bold(): boolean {
    return this.read('bold');
  }
  set bold(bold: boolean) {
    this.setCells('bold', bold, { bold });
  }
  get italic(): boolean {
    return this.read('italic');
  }
  set italic(italic: boolean) {
    this.setCells('italic', italic, { italic });
  }
  get size(): number {
    return this.read('size');
  }
  set size(size: number) {
    this.setCells('size', size, { size });
  }
  get color(): string {
    return this.read('color');
  }
  set color(color: string) {
    this.write('color', color, () => {
      const { sheet, rect } = this.target();
      checkAllowed(sheet, 'allowFormatCells', 'format cells', this.path);
      sheet.formats.push({ rect, props: { fontColor: this.colour(color) } });
    });
  }
  get name(): string {
    return this.read('name');
  }
  set name(name: string) {
    this.setCells('name', name, { fontName: name });
  }
}

/** Cell locking (ExcelApi 1.2); it matters only once the sheet is protected. */
export class FakeFormatProtection extends FormatPart implements XlFormatProtection {
  protected properties(): Record<string, () => unknown> {
    return { locked: this.cellProperty('locked') };
  }
  get locked(): boolean {
    return this.read('locked');
  }
  set locked(locked: boolean) {
    this.setCells('locked', locked, { locked }, '1.2');
  }
}

const BORDER_SIDES: readonly string[] = [
  'EdgeTop',
  'EdgeBottom',
  'EdgeLeft',
  'EdgeRight',
  'InsideVertical',
  'InsideHorizontal',
];

export class FakeRangeBorder extends FormatPart implements XlRangeBorder {
  constructor(
    ctx: FakeContext,
    path: string,
    target: Target,
    private readonly side: XlBorderIndex,
  ) {
    super(ctx, path, target);
  }
  private edge(key: keyof BorderState, none: string): () => unknown {
    return () => {
      const { sheet, rect } = this.target();
      return uniform(rect, (r, c) => borderAt(sheet, r, c, this.side)?.[key] ?? none);
    };
  }
  protected properties(): Record<string, () => unknown> {
    return {
      style: this.edge('style', 'None'),
      color: this.edge('color', '#000000'),
      weight: this.edge('weight', 'Thin'),
    };
  }
  private setBorder(key: keyof BorderState, value: string): void {
    this.write(key, value, () => {
      const { sheet, rect } = this.target();
      checkAllowed(sheet, 'allowFormatCells', 'format cells', this.path);
      sheet.borders.push({
        rect,
        side: this.side,
        props: { [key]: key === 'color' ? this.colour(value) : value },
      });
    });
  }
  get style(): XlRangeBorder['style'] {
    return this.read('style');
  }
  set style(style: XlRangeBorder['style']) {
    this.setBorder('style', style);
  }
  get color(): string {
    return this.read('color');
  }
  set color(color: string) {
    this.setBorder('color', color);
  }
  get weight(): XlRangeBorder['weight'] {
    return this.read('weight');
  }
  set weight(weight: XlRangeBorder['weight']) {
    this.setBorder('weight', weight);
  }
}

export class FakeRangeBorderCollection implements XlRangeBorderCollection {
  constructor(
    private readonly ctx: FakeContext,
    private readonly path: string,
    private readonly target: Target,
  ) {}
  getItem(index: XlBorderIndex): FakeRangeBorder {
    if (!BORDER_SIDES.includes(index))
      throw invalidArgument(
        `'${index}' is not a border (expected one of ${BORDER_SIDES.join(', ')}).`,
        this.path,
      );
    return new FakeRangeBorder(this.ctx, `${this.path}.getItem("${index}")`, this.target, index);
  }
}

export class FakeRangeFormat extends FormatPart implements XlRangeFormat {
  readonly fill: FakeRangeFill;
  readonly font: FakeRangeFont;
  readonly protection: FakeFormatProtection;
  readonly borders: FakeRangeBorderCollection;

  constructor(ctx: FakeContext, path: string, target: Target) {
    super(ctx, path, target);
    this.fill = new FakeRangeFill(ctx, `${path}.fill`, target);
    this.font = new FakeRangeFont(ctx, `${path}.font`, target);
    this.protection = new FakeFormatProtection(ctx, `${path}.protection`, target);
    this.borders = new FakeRangeBorderCollection(ctx, `${path}.borders`, target);
  }

  protected properties(): Record<string, () => unknown> {
    const widths = () => {
      const { sheet, rect } = this.target();
      return uniform(
        { ...rect, top: 0, bottom: 0 },
        (_r, c) => sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH,
      );
    };
    const heights = () => {
      const { sheet, rect } = this.target();
      return uniform({ ...rect, left: 0, right: 0 }, (r) => sheet.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT);
    };
    return {
      wrapText: this.cellProperty('wrapText'),
      horizontalAlignment: this.cellProperty('horizontalAlignment'),
      verticalAlignment: this.cellProperty('verticalAlignment'),
      columnWidth: widths,
      rowHeight: heights,
    };
  }

  protected override navigation(): Record<string, FakeProxy> {
    return { fill: this.fill, font: this.font, protection: this.protection };
  }

  get wrapText(): boolean {
    return this.read('wrapText');
  }
  set wrapText(wrapText: boolean) {
    this.setCells('wrapText', wrapText, { wrapText });
  }
  get horizontalAlignment(): XlRangeFormat['horizontalAlignment'] {
    return this.read('horizontalAlignment');
  }
  set horizontalAlignment(horizontalAlignment: XlRangeFormat['horizontalAlignment']) {
    this.setCells('horizontalAlignment', horizontalAlignment, { horizontalAlignment });
  }
  get verticalAlignment(): XlRangeFormat['verticalAlignment'] {
    return this.read('verticalAlignment');
  }
  set verticalAlignment(verticalAlignment: XlRangeFormat['verticalAlignment']) {
    this.setCells('verticalAlignment', verticalAlignment, { verticalAlignment });
  }

  get columnWidth(): number {
    return this.read('columnWidth');
  }
  set columnWidth(width: number) {
    this.write('columnWidth', width, () => {
      const { sheet, rect } = this.target();
      if (!(width >= 0))
        throw invalidArgument(`Column width ${width} must be a number of points, 0 or more.`, this.path);
      checkAllowed(sheet, 'allowFormatColumns', 'change column widths', this.path);
      for (let c = rect.left; c <= rect.right; c++) sheet.columnWidths.set(c, width);
    });
  }

  get rowHeight(): number {
    return this.read('rowHeight');
  }
  set rowHeight(height: number) {
    this.write('rowHeight', height, () => {
      const { sheet, rect } = this.target();
      if (!(height >= 0))
        throw invalidArgument(`Row height ${height} must be a number of points, 0 or more.`, this.path);
      checkAllowed(sheet, 'allowFormatRows', 'change row heights', this.path);
      for (let r = rect.top; r <= rect.bottom; r++) sheet.rowHeights.set(r, height);
    });
  }

  /** The fake cannot measure text; the call is queued and checked, sizes stay as they are. */
  autofitColumns(): void {
    this.enqueue(
      'autofitColumns',
      [],
      () => checkAllowed(this.target().sheet, 'allowFormatColumns', 'autofit columns', this.path),
      '1.2',
    );
  }

  autofitRows(): void {
    this.enqueue(
      'autofitRows',
      [],
      () => checkAllowed(this.target().sheet, 'allowFormatRows', 'autofit rows', this.path),
      '1.2',
    );
  }
}
