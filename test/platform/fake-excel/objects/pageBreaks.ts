/**
 * A sheet's manual horizontal page breaks (Office.js PageBreakCollection and PageBreak,
 * ExcelApi 1.9): `add(range)` puts a break above the range's top-left cell, `removePageBreaks()`
 * clears them all. Reference:
 * https://learn.microsoft.com/javascript/api/excel/excel.pagebreakcollection
 */
import type { XlClientResult, XlPageBreak, XlPageBreakCollection } from '../../../../src/excel/api';
import { formatRect } from '../a1';
import type { FakeContext } from '../context';
import { invalidArgument, itemNotFound } from '../errors';
import { FakeProxy } from '../proxy';
import type { SheetState } from '../state';
import { FakeCollection } from './collection';
import { FakeRange, rangeAt } from './range';

type Sheet = () => SheetState;

export class FakePageBreak extends FakeProxy implements XlPageBreak {
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly sheet: Sheet,
    /** The zero-based row that starts the page, found at sync. */
    private readonly row: () => number,
  ) {
    super(ctx, path);
  }
  protected properties(): Record<string, () => unknown> {
    return {};
  }
  private target(): number {
    const row = this.row();
    if (!this.sheet().rowBreaks.has(row)) throw itemNotFound('The page break', this.path);
    return row;
  }
  protected override checkTarget(): void {
    this.target();
  }
  getCellAfterBreak(): FakeRange {
    this.enqueue('getCellAfterBreak', [], () => this.target());
    return new FakeRange(this.ctx, `${this.path}.getCellAfterBreak()`, () => {
      const row = this.target();
      const sheet = this.sheet();
      return rangeAt(sheet, formatRect({ top: row, bottom: row, left: 0, right: 0 }), this.path);
    });
  }
  delete(): void {
    this.enqueue('delete', [], () => this.sheet().rowBreaks.delete(this.target()));
  }
}

export class FakePageBreakCollection extends FakeCollection<FakePageBreak> implements XlPageBreakCollection {
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly sheet: Sheet,
  ) {
    super(ctx, path);
  }
  /** In the order of the rows, as the sheet prints them. */
  protected members(): FakePageBreak[] {
    return [...this.sheet().rowBreaks]
      .sort((a, b) => a - b)
      .map((row, i) => new FakePageBreak(this.ctx, `${this.path}.items[${i}]`, this.sheet, () => row));
  }
  add(pageBreakRange: FakeRange | string): FakePageBreak {
    let row = -1;
    const path = `${this.path}.add(${typeof pageBreakRange === 'string' ? JSON.stringify(pageBreakRange) : pageBreakRange.path})`;
    this.enqueue(
      'add',
      [typeof pageBreakRange === 'string' ? pageBreakRange : { ref: pageBreakRange.path }],
      () => {
        const sheet = this.sheet();
        const located =
          typeof pageBreakRange === 'string' ? rangeAt(sheet, pageBreakRange, path) : pageBreakRange.target();
        if (located.sheet !== sheet)
          throw invalidArgument(
            `A page break on '${sheet.name}' cannot go on '${located.sheet.name}'.`,
            path,
          );
        // Nothing starts a page above row 1; what Excel does with it is not documented, so the
        // fake refuses it rather than guess (the product never asks for one).
        if (located.rect.top === 0) throw invalidArgument('A page break cannot go above row 1.', path);
        row = located.rect.top;
        sheet.rowBreaks.add(row);
      },
    );
    return new FakePageBreak(this.ctx, path, this.sheet, () => row);
  }
  removePageBreaks(): void {
    this.enqueue('removePageBreaks', [], () => this.sheet().rowBreaks.clear());
  }
  getCount(): XlClientResult<number> {
    return this.count('getCount()', () => this.sheet().rowBreaks.size);
  }
}
