/**
 * Cell contents: writing values/formulas/number formats and reading them back as Office does.
 * Contents live in the formula engine; number formats in the sheet state.
 */
import type { HyperFormula } from 'hyperformula';
import type { XlCellValue } from '../../../src/excel/api';
import {
  cellsOf,
  columnLetters,
  columnsOf,
  formatRect,
  isWholeColumns,
  isWholeRows,
  type Rect,
  rowsOf,
} from './a1';
import { toXlValue } from './engine';
import { showDeletedSheetRefs } from './references';
import { accessDenied, invalidArgument } from './errors';
import { formatAt } from './formats';
import { cellKey, type SheetState } from './state';

const MAX_FORMULA_LENGTH = 8192;
const MAX_TEXT_LENGTH = 32767;

const cellName = (sheet: SheetState, row: number, col: number) =>
  `'${sheet.name}'!${columnLetters(col)}${row + 1}`;

/** Office's 2-D arrays must match the range exactly; anything else is InvalidArgument. */
export function checkShape(
  rect: Rect,
  data: unknown,
  property: string,
  where: string,
): asserts data is unknown[][] {
  const rows = rowsOf(rect);
  const cols = columnsOf(rect);
  const ok =
    Array.isArray(data) && data.length === rows && data.every((r) => Array.isArray(r) && r.length === cols);
  if (!ok) {
    throw invalidArgument(
      `The ${property} array does not match the size of range ${formatRect(rect)}: expected ${rows} row(s) of ${cols} cell(s).`,
      where,
    );
  }
}

/** Writing into a locked cell of a protected sheet fails with AccessDenied, as in Excel. */
export function checkUnlocked(sheet: SheetState, rect: Rect, where: string): void {
  if (!sheet.protection.protected) return;
  for (const { row, col } of cellsOf(rect)) {
    if (formatAt(sheet, row, col).locked) {
      throw accessDenied(`Cell ${cellName(sheet, row, col)} is locked and the sheet is protected.`, where);
    }
  }
}

/** What the engine should receive for one written value, given the cell's number format. */
function engineContent(
  engine: HyperFormula,
  sheet: SheetState,
  row: number,
  col: number,
  value: unknown,
  where: string,
): unknown {
  const here = cellName(sheet, row, col);
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      throw invalidArgument(`${here}: ${value} is not a number Excel can hold.`, where);
    return value;
  }
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') {
    throw invalidArgument(
      `${here}: expected a string, number or boolean, got ${JSON.stringify(value)}.`,
      where,
    );
  }
  if (value.length > MAX_TEXT_LENGTH)
    throw invalidArgument(`${here}: text longer than ${MAX_TEXT_LENGTH} characters.`, where);
  // A text-formatted cell keeps whatever is typed as text, formulas included.
  if (sheet.numberFormats.get(cellKey(row, col)) === '@') return value === '' ? null : `'${value}`;
  // Range.values in @types/office-js: 'If the returned value starts with a plus ("+"), minus ("-"),
  // or equal sign ("="), Excel interprets this value as a formula.' A signed number stays a number.
  if (/^[+-]./s.test(value) && !Number.isFinite(Number(value)) && engine.validateFormula(`=${value}`)) {
    return `=${value}`;
  }
  if (value.startsWith('=')) {
    if (value.length > MAX_FORMULA_LENGTH) {
      throw invalidArgument(`${here}: formula longer than ${MAX_FORMULA_LENGTH} characters.`, where);
    }
    if (!engine.validateFormula(value))
      throw invalidArgument(`${here}: '${value}' is not a valid formula.`, where);
  }
  // Like typing: '' empties the cell; '123', 'TRUE', '50%' become a number or boolean; "'x" is text.
  return value === '' ? null : value;
}

/** Writes `values` or `formulas` (they behave alike when written: '=...' is a formula). */
export function writeContents(
  engine: HyperFormula,
  sheet: SheetState,
  rect: Rect,
  data: unknown,
  property: string,
  where: string,
): void {
  checkShape(rect, data, property, where);
  checkUnlocked(sheet, rect, where);
  // Convert everything first so an invalid cell fails the operation before any cell changes.
  const contents = data.map((row, r) =>
    row.map((value, c) =>
      // null leaves the cell as it is, as in Office.
      value === null ? undefined : engineContent(engine, sheet, rect.top + r, rect.left + c, value, where),
    ),
  );
  engine.batch(() => {
    contents.forEach((row, r) =>
      row.forEach((content, c) => {
        if (content === undefined) return;
        sheet.refTokens.delete(cellKey(rect.top + r, rect.left + c));
        engine.setCellContents({ sheet: sheet.engineId, row: rect.top + r, col: rect.left + c }, [
          [content as never],
        ]);
      }),
    );
  });
}

function mapCells<T>(rect: Rect, at: (row: number, col: number) => T): T[][] {
  const out: T[][] = [];
  for (let row = rect.top; row <= rect.bottom; row++) {
    const line: T[] = [];
    for (let col = rect.left; col <= rect.right; col++) line.push(at(row, col));
    out.push(line);
  }
  return out;
}

const READ_LIMIT = 5_000_000;

function checkReadable(rect: Rect, where: string): void {
  if (rowsOf(rect) * columnsOf(rect) > READ_LIMIT) {
    throw invalidArgument(
      `Range ${formatRect(rect)} has more than ${READ_LIMIT} cells, the most Excel reads at once.`,
      where,
    );
  }
}

export function readValues(
  engine: HyperFormula,
  sheet: SheetState,
  rect: Rect,
  where: string,
): XlCellValue[][] {
  checkReadable(rect, where);
  return mapCells(rect, (row, col) => toXlValue(engine.getCellValue({ sheet: sheet.engineId, row, col })));
}

/** Formula text for formula cells, otherwise the value (Office's `formulas`). */
export function readFormulas(
  engine: HyperFormula,
  sheet: SheetState,
  rect: Rect,
  where: string,
): XlCellValue[][] {
  checkReadable(rect, where);
  return mapCells(rect, (row, col) => {
    const address = { sheet: sheet.engineId, row, col };
    const formula = engine.getCellFormula(address);
    if (formula === undefined) return toXlValue(engine.getCellValue(address));
    const tokens = sheet.refTokens.get(cellKey(row, col));
    return tokens ? showDeletedSheetRefs(formula, tokens) : formula;
  });
}

/** The displayed text; the fake does not apply number formats, it shows the value as text. */
export function readText(engine: HyperFormula, sheet: SheetState, rect: Rect, where: string): string[][] {
  return readValues(engine, sheet, rect, where).map((row) =>
    row.map((v) => (typeof v === 'boolean' ? String(v).toUpperCase() : String(v))),
  );
}

export function readNumberFormats(sheet: SheetState, rect: Rect, where: string): string[][] {
  checkReadable(rect, where);
  return mapCells(rect, (row, col) => sheet.numberFormats.get(cellKey(row, col)) ?? 'General');
}

export function writeNumberFormats(sheet: SheetState, rect: Rect, data: unknown, where: string): void {
  checkShape(rect, data, 'numberFormat', where);
  checkUnlocked(sheet, rect, where);
  data.forEach((row, r) =>
    row.forEach((format, c) => {
      if (format === null) return;
      if (typeof format !== 'string') {
        throw invalidArgument(`A number format must be a string, got ${JSON.stringify(format)}.`, where);
      }
      const key = cellKey(rect.top + r, rect.left + c);
      if (format === 'General') sheet.numberFormats.delete(key);
      else sheet.numberFormats.set(key, format);
    }),
  );
}

export function clearContents(engine: HyperFormula, sheet: SheetState, rect: Rect): void {
  const { height, width } = engine.getSheetDimensions(sheet.engineId);
  const bottom = Math.min(rect.bottom, height - 1);
  const right = Math.min(rect.right, width - 1);
  engine.batch(() => {
    for (let row = rect.top; row <= bottom; row++) {
      for (let col = rect.left; col <= right; col++) {
        sheet.refTokens.delete(cellKey(row, col));
        engine.setCellContents({ sheet: sheet.engineId, row, col }, [[null]]);
      }
    }
  });
}

/**
 * The smallest rect holding every non-empty cell (and, unless `valuesOnly`, every cell with a
 * number format or a format on a bounded range). undefined for an empty sheet.
 */
export function usedRect(engine: HyperFormula, sheet: SheetState, valuesOnly: boolean): Rect | undefined {
  let box: Rect | undefined;
  const grow = (r: Rect) => {
    box = box
      ? {
          top: Math.min(box.top, r.top),
          left: Math.min(box.left, r.left),
          bottom: Math.max(box.bottom, r.bottom),
          right: Math.max(box.right, r.right),
        }
      : r;
  };
  engine.getSheetSerialized(sheet.engineId).forEach((row, r) =>
    row.forEach((content, c) => {
      if (content !== null && content !== undefined && content !== '')
        grow({ top: r, left: c, bottom: r, right: c });
    }),
  );
  if (!valuesOnly) {
    for (const key of sheet.numberFormats.keys()) {
      const [r, c] = key.split(',').map(Number);
      if (r !== undefined && c !== undefined) grow({ top: r, left: c, bottom: r, right: c });
    }
    for (const layer of sheet.formats) {
      if (!isWholeColumns(layer.rect) && !isWholeRows(layer.rect)) grow(layer.rect);
    }
  }
  return box;
}
