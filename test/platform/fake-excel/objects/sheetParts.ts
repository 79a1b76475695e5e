/** Worksheet protection (1.2), freeze panes (1.7) and page layout (1.9). */
import type {
  XlPageLayout,
  XlWorksheetFreezePanes,
  XlWorksheetProtection,
  XlWorksheetProtectionOptions,
} from '../../../../src/excel/api';
import { formatRect, isWholeColumns, isWholeRows, MAX_COLUMNS, MAX_ROWS } from '../a1';
import type { FakeContext } from '../context';
import { accessDenied, invalidArgument } from '../errors';
import { newestSet, optionsSet } from '../apiSets';
import { FakeProxy } from '../proxy';
import type { SheetState } from '../state';
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
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly sheet: Sheet,
  ) {
    super(ctx, path);
  }
  protected properties(): Record<string, () => unknown> {
    return { orientation: () => this.sheet().orientation };
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
