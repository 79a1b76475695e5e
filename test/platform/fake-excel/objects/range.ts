import type { XlCellValue, XlRange } from '../../../../src/excel/api';
import {
  columnsOf,
  contains,
  MAX_COLUMNS,
  MAX_ROWS,
  parseAddress,
  qualified,
  type Rect,
  rowsOf,
} from '../a1';
import {
  clearContents,
  readFormulas,
  readNumberFormats,
  readText,
  readValues,
  writeContents,
  writeNumberFormats,
} from '../cells';
import type { FakeContext } from '../context';
import { invalidArgument, invalidOperation } from '../errors';
import { FakeProxy } from '../proxy';
import { DEFAULT_FORMAT } from '../state';
import { editWholeLines } from '../lines';
import { FakeConditionalFormatCollection } from './conditional';
import { checkAllowed } from './guard';
import type { Located, RangeLocator } from './locate';
import { FakeRangeFormat } from './rangeFormat';
import { FakeDataValidation } from './validation';
import { FakeWorksheet } from './worksheet';

/** A range at an offset and size relative to another, checked against the sheet's edges. */
function derived(
  base: Located,
  top: number,
  left: number,
  rows: number,
  columns: number,
  where: string,
): Located {
  const rect: Rect = { top, left, bottom: top + rows - 1, right: left + columns - 1 };
  if (
    rows < 1 ||
    columns < 1 ||
    rect.top < 0 ||
    rect.left < 0 ||
    rect.bottom >= MAX_ROWS ||
    rect.right >= MAX_COLUMNS
  ) {
    throw invalidArgument('The resulting range would be empty or outside the sheet.', where);
  }
  return { sheet: base.sheet, rect };
}

export class FakeRange extends FakeProxy implements XlRange {
  readonly format: FakeRangeFormat;
  readonly dataValidation: FakeDataValidation;
  readonly conditionalFormats: FakeConditionalFormatCollection;
  readonly worksheet: FakeWorksheet;

  constructor(
    ctx: FakeContext,
    path: string,
    readonly locate: RangeLocator,
    nullable = false,
  ) {
    super(ctx, path, nullable);
    const target = () => this.target();
    this.format = new FakeRangeFormat(ctx, `${path}.format`, target);
    this.dataValidation = new FakeDataValidation(ctx, `${path}.dataValidation`, target);
    this.conditionalFormats = new FakeConditionalFormatCollection(ctx, `${path}.conditionalFormats`, target);
    this.worksheet = new FakeWorksheet(ctx, `${path}.worksheet`, () => target().sheet);
  }

  /** The sheet and cells now; throws ItemNotFound when the range's sheet is gone. */
  target(): Located {
    return this.locate() ?? this.missing('The range');
  }

  protected override checkTarget(): void {
    this.target();
  }

  protected override exists(): boolean {
    return this.locate() !== undefined;
  }

  protected properties(): Record<string, () => unknown> {
    const engine = this.ctx.document.engine;
    const at = () => this.target();
    const hidden = (set: Set<number>, from: number, to: number) => {
      let count = 0;
      for (let i = from; i <= to; i++) if (set.has(i)) count++;
      return count === 0 ? false : count === to - from + 1 ? true : null;
    };
    return {
      address: () => qualified(at().sheet.name, at().rect),
      rowCount: () => rowsOf(at().rect),
      columnCount: () => columnsOf(at().rect),
      rowIndex: () => at().rect.top,
      columnIndex: () => at().rect.left,
      values: () => readValues(engine, at().sheet, at().rect, this.path),
      formulas: () => readFormulas(engine, at().sheet, at().rect, this.path),
      numberFormat: () => readNumberFormats(at().sheet, at().rect, this.path),
      text: () => readText(engine, at().sheet, at().rect, this.path),
      columnHidden: () => hidden(at().sheet.hiddenColumns, at().rect.left, at().rect.right),
      rowHidden: () => hidden(at().sheet.hiddenRows, at().rect.top, at().rect.bottom),
    };
  }

  protected override navigation(): Record<string, FakeProxy> {
    return { format: this.format, dataValidation: this.dataValidation, worksheet: this.worksheet };
  }

  get address(): string {
    return this.read('address');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }
  get rowIndex(): number {
    return this.read('rowIndex');
  }
  get columnIndex(): number {
    return this.read('columnIndex');
  }
  get text(): string[][] {
    return this.read('text');
  }

  get values(): XlCellValue[][] {
    return this.read('values');
  }
  set values(values: XlCellValue[][]) {
    this.write('values', values, () => this.writeCells(values, 'values'));
  }

  get formulas(): XlCellValue[][] {
    return this.read('formulas');
  }
  set formulas(formulas: XlCellValue[][]) {
    this.write('formulas', formulas, () => this.writeCells(formulas, 'formulas'));
  }

  get numberFormat(): string[][] {
    return this.read('numberFormat');
  }
  set numberFormat(formats: string[][]) {
    this.write('numberFormat', formats, () => {
      const { sheet, rect } = this.target();
      writeNumberFormats(sheet, rect, formats, this.path);
    });
  }

  get columnHidden(): boolean {
    return this.read('columnHidden');
  }
  set columnHidden(hidden: boolean) {
    this.write(
      'columnHidden',
      hidden,
      () => {
        const { sheet, rect } = this.target();
        checkAllowed(sheet, 'allowFormatColumns', 'hide or show columns', this.path);
        for (let c = rect.left; c <= rect.right; c++) {
          if (hidden) sheet.hiddenColumns.add(c);
          else sheet.hiddenColumns.delete(c);
        }
      },
      '1.2',
    );
  }

  get rowHidden(): boolean {
    return this.read('rowHidden');
  }
  set rowHidden(hidden: boolean) {
    this.write(
      'rowHidden',
      hidden,
      () => {
        const { sheet, rect } = this.target();
        checkAllowed(sheet, 'allowFormatRows', 'hide or show rows', this.path);
        for (let r = rect.top; r <= rect.bottom; r++) {
          if (hidden) sheet.hiddenRows.add(r);
          else sheet.hiddenRows.delete(r);
        }
      },
      '1.2',
    );
  }

  private writeCells(data: unknown, property: string): void {
    const { sheet, rect } = this.target();
    const events = this.ctx.document.events;
    const single = events.count > 0 && rowsOf(rect) === 1 && columnsOf(rect) === 1;
    const before = single ? this.readForEvent(sheet, rect) : undefined;
    writeContents(this.ctx.document.engine, sheet, rect, data, property, this.path);
    this.emitChange(sheet.id, rect, before);
  }

  /**
   * A single cell's value for the event's details. Excel gives them in a batch that suspended
   * calculation too; the engine cannot read while suspended, so it resumes for the read.
   */
  private readForEvent(sheet: Parameters<typeof readValues>[1], rect: Rect): XlCellValue | undefined {
    const engine = this.ctx.document.engine;
    const suspended = engine.isEvaluationSuspended();
    if (suspended) engine.resumeEvaluation();
    try {
      return readValues(engine, sheet, rect, this.path)[0]?.[0];
    } finally {
      if (suspended) engine.suspendEvaluation();
    }
  }

  private emitChange(sheetId: string, rect: Rect, before: XlCellValue | undefined): void {
    const doc = this.ctx.document;
    if (doc.events.count === 0) return;
    const sheet = doc.sheetById(sheetId);
    const after = before === undefined || !sheet ? undefined : this.readForEvent(sheet, rect);
    doc.events.emit(
      sheetId,
      rect,
      before === undefined || after === undefined ? undefined : { before, after },
    );
  }

  private child(name: string, make: (base: Located) => Located): FakeRange {
    const path = `${this.path}.${name}`;
    return new FakeRange(this.ctx, path, () => {
      const base = this.locate();
      return base && make(base);
    }).instantiate();
  }

  getCell(row: number, column: number): FakeRange {
    return this.child(`getCell(${row}, ${column})`, (b) =>
      derived(b, b.rect.top + row, b.rect.left + column, 1, 1, this.path),
    );
  }

  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this.child(`getOffsetRange(${rowOffset}, ${columnOffset})`, (b) =>
      derived(
        b,
        b.rect.top + rowOffset,
        b.rect.left + columnOffset,
        rowsOf(b.rect),
        columnsOf(b.rect),
        this.path,
      ),
    );
  }

  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.child(`getResizedRange(${deltaRows}, ${deltaColumns})`, (b) =>
      derived(
        b,
        b.rect.top,
        b.rect.left,
        rowsOf(b.rect) + deltaRows,
        columnsOf(b.rect) + deltaColumns,
        this.path,
      ),
    );
  }

  getEntireColumn(): FakeRange {
    return this.child('getEntireColumn()', (b) => ({
      sheet: b.sheet,
      rect: { ...b.rect, top: 0, bottom: MAX_ROWS - 1 },
    }));
  }

  getEntireRow(): FakeRange {
    return this.child('getEntireRow()', (b) => ({
      sheet: b.sheet,
      rect: { ...b.rect, left: 0, right: MAX_COLUMNS - 1 },
    }));
  }

  clear(applyTo: 'All' | 'Formats' | 'Contents' | 'Hyperlinks' | 'RemoveHyperlinks' = 'All'): void {
    this.enqueue('clear', [applyTo], () => {
      const { sheet, rect } = this.target();
      if (applyTo === 'All' || applyTo === 'Contents') {
        // Excel refuses to clear locked cells on a protected sheet.
        checkAllowed(sheet, undefined, 'clear cells', this.path);
        clearContents(this.ctx.document.engine, sheet, rect);
        this.emitChange(sheet.id, rect, undefined);
      }
      if (applyTo === 'All' || applyTo === 'Formats') {
        checkAllowed(sheet, 'allowFormatCells', 'clear formats', this.path);
        sheet.formats.push({ rect, props: { ...DEFAULT_FORMAT } });
        for (const key of [...sheet.numberFormats.keys()]) {
          const [r = -1, c = -1] = key.split(',').map(Number);
          if (contains(rect, r, c)) sheet.numberFormats.delete(key);
        }
      }
    });
  }

  /**
   * Range.insert (ExcelApi 1.1): "Inserts a cell or a range of cells into the worksheet in place
   * of this range, and shifts the other cells to make space. Returns a new Range object at the now
   * blank space." Whole rows or columns (onChanged: RowInserted or ColumnInserted) or cells
   * shifting down or right (CellInserted), see lines.ts; the event carries the range's address.
   */
  insert(shift: 'Down' | 'Right'): FakeRange {
    let inserted: Located | undefined;
    this.enqueue(
      'insert',
      [shift],
      () => {
        if (shift !== 'Down' && shift !== 'Right')
          throw invalidArgument(`'${String(shift)}' is not an insert direction (Down or Right).`, this.path);
        inserted = this.editLines('insert', shift === 'Down');
      },
      '1.1',
    );
    return new FakeRange(
      this.ctx,
      `${this.path}.insert(${JSON.stringify(shift)})`,
      () => inserted,
    ).instantiate();
  }

  /**
   * Range.delete (ExcelApi 1.1): "Deletes the cells associated with the range." References into
   * them become #REF!; onChanged reports RowDeleted, ColumnDeleted or CellDeleted with the address.
   */
  delete(shift: 'Up' | 'Left'): void {
    this.enqueue(
      'delete',
      [shift],
      () => {
        if (shift !== 'Up' && shift !== 'Left')
          throw invalidArgument(`'${String(shift)}' is not a delete direction (Up or Left).`, this.path);
        this.editLines('delete', shift === 'Up');
      },
      '1.1',
    );
  }

  private editLines(action: 'insert' | 'delete', rowsShift: boolean): Located {
    const { sheet, rect } = this.target();
    // Excel refuses to insert or delete rows and columns on a protected sheet unless allowed.
    checkAllowed(sheet, undefined, `${action} rows or columns`, this.path);
    const changeType = editWholeLines(this.ctx.document, sheet, rect, action, this.path, rowsShift);
    const doc = this.ctx.document;
    if (doc.events.count > 0) doc.events.emit(sheet.id, rect, undefined, changeType);
    return { sheet, rect };
  }

  select(): void {
    this.enqueue('select', [], () => {
      const { sheet, rect } = this.target();
      if (sheet.visibility !== 'Visible')
        throw invalidOperation(`Sheet '${sheet.name}' is hidden; its cells cannot be selected.`, this.path);
      this.ctx.document.activeSheetId = sheet.id;
      this.ctx.document.selection = { sheetId: sheet.id, rect };
    });
  }
}

/** A range on a sheet from an address such as 'B2:C4' (a sheet prefix must name the same sheet). */
export function rangeAt(sheet: Located['sheet'], address: string, where: string): Located {
  const parsed = parseAddress(address);
  if (parsed.sheet !== undefined && parsed.sheet.toLowerCase() !== sheet.name.toLowerCase()) {
    throw invalidArgument(`'${address}' is on another sheet than '${sheet.name}'.`, where);
  }
  return { sheet, rect: parsed.rect };
}
