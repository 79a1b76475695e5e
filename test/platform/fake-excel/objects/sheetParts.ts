/** Worksheet protection (1.2), freeze panes (1.7) and page layout (1.9). */
import type {
  XlHeaderFooter,
  XlHeaderFooterGroup,
  XlPageLayout,
  XlPageLayoutZoomOptions,
  XlWorksheetFreezePanes,
  XlWorksheetProtection,
  XlWorksheetProtectionOptions,
} from '../../../../src/excel/api';
import { formatRect, isWholeColumns, isWholeRows, MAX_COLUMNS, MAX_ROWS } from '../a1';
import type { FakeContext } from '../context';
import { accessDenied, invalidArgument } from '../errors';
import { newestSet, optionsSet } from '../apiSets';
import { FakeProxy } from '../proxy';
import { defaultPageState, type PageState, type SheetState } from '../state';
import { FakeRange, rangeAt } from './range';

type Sheet = () => SheetState;

export class FakeWorksheetProtection extends FakeProxy implements XlWorksheetProtection {
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly sheet: Sheet,
  ) {
    super(ctx, path);
  }
  protected properties(): Record<string, () => unknown> {
    return {
      protected: () => this.sheet().protection.protected,
      options: () => this.sheet().protection.options,
    };
  }
  get protected(): boolean {
    return this.read('protected');
  }
  get options(): XlWorksheetProtectionOptions {
    return this.read('options');
  }
  /** Redundant calls fail with AccessDenied, as current Excel does (see XlWorksheetProtection). */
  protect(options: XlWorksheetProtectionOptions = {}, password?: string): void {
    this.enqueue(
      'protect',
      [options, password === undefined ? null : '***'],
      () => {
        const sheet = this.sheet();
        if (sheet.protection.protected)
          throw accessDenied(`Sheet '${sheet.name}' is already protected.`, this.path);
        sheet.protection =
          password === undefined
            ? { protected: true, options: { ...options } }
            : { protected: true, options: { ...options }, password };
      },
      // Each option has its own set (allowEditObjects is 1.7), and a password needs 1.7 too.
      newestSet(
        optionsSet('WorksheetProtectionOptions', options),
        password === undefined ? undefined : '1.7',
      ),
    );
  }
  unprotect(password?: string): void {
    this.enqueue(
      'unprotect',
      [password === undefined ? null : '***'],
      () => {
        const sheet = this.sheet();
        if (!sheet.protection.protected)
          throw accessDenied(`Sheet '${sheet.name}' is not protected.`, this.path);
        if (sheet.protection.password !== undefined && sheet.protection.password !== password) {
          throw invalidArgument(`The password for sheet '${sheet.name}' is wrong.`, this.path);
        }
        sheet.protection = { protected: false, options: {} };
      },
      '1.2',
    );
  }
}

export class FakeWorksheetFreezePanes implements XlWorksheetFreezePanes {
  constructor(
    private readonly ctx: FakeContext,
    private readonly path: string,
    private readonly sheet: Sheet,
  ) {}

  private set(
    action: string,
    args: unknown[],
    compute: (sheet: SheetState) => { rows: number; columns: number },
  ): void {
    this.ctx.enqueue({
      path: this.path,
      action,
      args,
      since: '1.7',
      apply: () => {
        const sheet = this.sheet();
        sheet.freeze = compute(sheet);
      },
    });
  }

  private count(n: number, max: number): number {
    if (!Number.isInteger(n) || n < 0 || n >= max)
      throw invalidArgument(`${n} rows/columns cannot be frozen.`, this.path);
    return n;
  }

  freezeRows(count = 1): void {
    this.set('freezeRows', [count], () => ({ rows: this.count(count, MAX_ROWS), columns: 0 }));
  }
  freezeColumns(count = 1): void {
    this.set('freezeColumns', [count], () => ({ rows: 0, columns: this.count(count, MAX_COLUMNS) }));
  }
  /** The rows above and the columns left of the range's bottom-right corner, inclusive. */
  freezeAt(frozenRange: FakeRange | string): void {
    const arg = typeof frozenRange === 'string' ? frozenRange : { ref: frozenRange.path };
    this.set('freezeAt', [arg], (sheet) => {
      const { rect } =
        typeof frozenRange === 'string' ? rangeAt(sheet, frozenRange, this.path) : frozenRange.target();
      return {
        rows: isWholeColumns(rect) ? 0 : rect.bottom + 1,
        columns: isWholeRows(rect) ? 0 : rect.right + 1,
      };
    });
  }
  unfreeze(): void {
    this.set('unfreeze', [], () => ({ rows: 0, columns: 0 }));
  }
  getLocationOrNullObject(): FakeRange {
    return new FakeRange(
      this.ctx,
      `${this.path}.getLocationOrNullObject()`,
      () => {
        const sheet = this.sheet();
        const { rows, columns } = sheet.freeze;
        if (rows === 0 && columns === 0) return undefined;
        const rect = {
          top: 0,
          left: 0,
          bottom: rows === 0 ? MAX_ROWS - 1 : rows - 1,
          right: columns === 0 ? MAX_COLUMNS - 1 : columns - 1,
        };
        return { sheet, rect };
      },
      true,
    );
  }
}

export class FakePageLayout extends FakeProxy implements XlPageLayout {
  readonly headersFooters: FakeHeaderFooterGroup;
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly sheet: Sheet,
  ) {
    super(ctx, path);
    this.headersFooters = new FakeHeaderFooterGroup(ctx, `${path}.headersFooters`, sheet);
  }
  protected properties(): Record<string, () => unknown> {
    const page = () => this.sheet().page ?? defaultPageState();
    return {
      orientation: () => this.sheet().orientation,
      paperSize: () => page().paperSize,
      zoom: () => ({ ...page().zoom }),
      centerHorizontally: () => page().centerHorizontally,
      leftMargin: () => page().margins.left,
      rightMargin: () => page().margins.right,
      topMargin: () => page().margins.top,
      bottomMargin: () => page().margins.bottom,
      headerMargin: () => page().margins.header,
      footerMargin: () => page().margins.footer,
    };
  }
  protected override navigation(): Record<string, FakeProxy> {
    return { headersFooters: this.headersFooters };
  }
  /** The sheet's page state, created with Excel's defaults the first time it is changed. */
  private page(): PageState {
    const sheet = this.sheet();
    return (sheet.page ??= defaultPageState());
  }
  get paperSize(): string {
    return this.read('paperSize');
  }
  set paperSize(paperSize: string) {
    this.write(
      'paperSize',
      paperSize,
      () => {
        if (!PAPER_TYPES.includes(paperSize))
          throw invalidArgument(`'${paperSize}' is not a paper type.`, this.path);
        this.page().paperSize = paperSize;
      },
      '1.9',
    );
  }
  get zoom(): XlPageLayoutZoomOptions {
    return this.read('zoom');
  }
  /** Excel takes either fit-to-pages (each 0 or more, 0 meaning automatic) or a 10-400 scale. */
  set zoom(zoom: XlPageLayoutZoomOptions) {
    this.write(
      'zoom',
      zoom,
      () => {
        const fit = zoom.horizontalFitToPages !== undefined || zoom.verticalFitToPages !== undefined;
        if (fit && zoom.scale !== undefined)
          throw invalidArgument('A zoom is either a scale or pages to fit, not both.', this.path);
        for (const pages of [zoom.horizontalFitToPages, zoom.verticalFitToPages]) {
          if (pages !== undefined && (!Number.isInteger(pages) || pages < 0))
            throw invalidArgument(`${pages} is not a number of pages.`, this.path);
        }
        if (zoom.scale !== undefined && !(zoom.scale >= 10 && zoom.scale <= 400))
          throw invalidArgument(`${zoom.scale} is not a scale from 10 to 400.`, this.path);
        this.page().zoom = { ...zoom };
      },
      '1.9',
    );
  }
  get centerHorizontally(): boolean {
    return this.read('centerHorizontally');
  }
  set centerHorizontally(value: boolean) {
    this.write('centerHorizontally', value, () => (this.page().centerHorizontally = value), '1.9');
  }
  private margin(property: string, key: keyof PageState['margins'], points: number): void {
    this.write(
      property,
      points,
      () => {
        if (!Number.isFinite(points) || points < 0)
          throw invalidArgument(`${points} is not a margin in points.`, this.path);
        this.page().margins[key] = points;
      },
      '1.9',
    );
  }
  get leftMargin(): number {
    return this.read('leftMargin');
  }
  set leftMargin(points: number) {
    this.margin('leftMargin', 'left', points);
  }
  get rightMargin(): number {
    return this.read('rightMargin');
  }
  set rightMargin(points: number) {
    this.margin('rightMargin', 'right', points);
  }
  get topMargin(): number {
    return this.read('topMargin');
  }
  set topMargin(points: number) {
    this.margin('topMargin', 'top', points);
  }
  get bottomMargin(): number {
    return this.read('bottomMargin');
  }
  set bottomMargin(points: number) {
    this.margin('bottomMargin', 'bottom', points);
  }
  get headerMargin(): number {
    return this.read('headerMargin');
  }
  set headerMargin(points: number) {
    this.margin('headerMargin', 'header', points);
  }
  get footerMargin(): number {
    return this.read('footerMargin');
  }
  set footerMargin(points: number) {
    this.margin('footerMargin', 'footer', points);
  }
  /** An address on this sheet, e.g. 'A1:L40'. */
  setPrintArea(printArea: string): void {
    this.enqueue(
      'setPrintArea',
      [printArea],
      () => {
        const sheet = this.sheet();
        const { rect } = rangeAt(sheet, printArea, this.path);
        this.page().printArea = formatRect(rect, true);
      },
      '1.9',
    );
  }
  get orientation(): 'Portrait' | 'Landscape' {
    return this.read('orientation');
  }
  set orientation(orientation: 'Portrait' | 'Landscape') {
    this.write(
      'orientation',
      orientation,
      () => {
        if (orientation !== 'Portrait' && orientation !== 'Landscape') {
          throw invalidArgument(
            `'${String(orientation)}' is not an orientation (Portrait or Landscape).`,
            this.path,
          );
        }
        this.sheet().orientation = orientation;
      },
      '1.9',
    );
  }
  /** Whole rows, e.g. '$1:$3'. */
  setPrintTitleRows(printTitleRows: FakeRange | string): void {
    const arg = typeof printTitleRows === 'string' ? printTitleRows : { ref: printTitleRows.path };
    this.enqueue(
      'setPrintTitleRows',
      [arg],
      () => {
        const sheet = this.sheet();
        const { rect } =
          typeof printTitleRows === 'string'
            ? rangeAt(sheet, printTitleRows, this.path)
            : printTitleRows.target();
        if (!isWholeRows(rect))
          throw invalidArgument(
            `Print titles must be whole rows such as '$1:$3', not '${formatRect(rect)}'.`,
            this.path,
          );
        sheet.printTitleRows = formatRect(rect, true);
      },
      '1.9',
    );
  }
}

/** Office's PaperType values the fake accepts (a subset: the ones anyone prints on here). */
const PAPER_TYPES: readonly string[] = ['Letter', 'Legal', 'A3', 'A4', 'A5', 'B4', 'B5'];

type HeaderFooterKey = keyof PageState['headerFooter'];
const HEADER_FOOTER_KEYS: readonly HeaderFooterKey[] = [
  'leftHeader',
  'centerHeader',
  'rightHeader',
  'leftFooter',
  'centerFooter',
  'rightFooter',
];

/** ExcelApi 1.9: only the texts for every page (the fake has no first-page or odd/even texts). */
export class FakeHeaderFooterGroup extends FakeProxy implements XlHeaderFooterGroup {
  readonly defaultForAllPages: FakeHeaderFooter;
  constructor(ctx: FakeContext, path: string, sheet: Sheet) {
    super(ctx, path);
    this.defaultForAllPages = new FakeHeaderFooter(ctx, `${path}.defaultForAllPages`, sheet);
  }
  protected properties(): Record<string, () => unknown> {
    return {};
  }
  protected override navigation(): Record<string, FakeProxy> {
    return { defaultForAllPages: this.defaultForAllPages };
  }
}

/** Header and footer texts; Excel refuses a section longer than 255 characters. */
export class FakeHeaderFooter extends FakeProxy implements XlHeaderFooter {
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly sheet: Sheet,
  ) {
    super(ctx, path);
  }
  protected properties(): Record<string, () => unknown> {
    const texts = () => (this.sheet().page ?? defaultPageState()).headerFooter;
    return Object.fromEntries(HEADER_FOOTER_KEYS.map((k) => [k, () => texts()[k]]));
  }
  private set(key: HeaderFooterKey, text: string): void {
    this.write(
      key,
      text,
      () => {
        if (text.length > 255)
          throw invalidArgument(`A header or footer section holds at most 255 characters.`, this.path);
        const sheet = this.sheet();
        (sheet.page ??= defaultPageState()).headerFooter[key] = text;
      },
      '1.9',
    );
  }
  get leftHeader(): string {
    return this.read('leftHeader');
  }
  set leftHeader(text: string) {
    this.set('leftHeader', text);
  }
  get centerHeader(): string {
    return this.read('centerHeader');
  }
  set centerHeader(text: string) {
    this.set('centerHeader', text);
  }
  get rightHeader(): string {
    return this.read('rightHeader');
  }
  set rightHeader(text: string) {
    this.set('rightHeader', text);
  }
  get leftFooter(): string {
    return this.read('leftFooter');
  }
  set leftFooter(text: string) {
    this.set('leftFooter', text);
  }
  get centerFooter(): string {
    return this.read('centerFooter');
  }
  set centerFooter(text: string) {
    this.set('centerFooter', text);
  }
  get rightFooter(): string {
    return this.read('rightFooter');
  }
  set rightFooter(text: string) {
    this.set('rightFooter', text);
  }
}
