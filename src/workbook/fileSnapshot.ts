/**
 * A WorkbookSnapshot of a workbook read from a file rather than from Excel: the same sheets and
 * cells the Excel reader loads (src/excel/snapshotReader.ts), taken from the cell values an .xlsx
 * reader found (src/xlsx/readCells.ts), so the same pure readers (responses, settings, the meta
 * block, the stored framework) serve both. A file holds each formula's last result, not the
 * formula: `formulas` repeats the values, so nothing here may audit formulas.
 */
import type { Framework, SheetCell, WorkbookCells, WorkbookSheet } from '../domain';
import { parseCell, parseRange } from './address';
import { META_SHEET, START_SHEET, SUMMARY_SHEET } from './layout';
import { META_BLOCK } from './metaBlock';
import { actualSheetName } from './sheetNames';
import type { StartLayout } from './sheets/start';
import type { RangeSnapshot, SheetValue, WorkbookSnapshot } from './snapshot';
import { STORED_FRAMEWORK_RANGE } from './storedFramework';

const shown = (cell: SheetCell): SheetValue => cell ?? '';

/** The sheet named `wanted` (as Excel compares names), if the file has it. */
export function sheetOf(book: WorkbookCells, wanted: string): WorkbookSheet | undefined {
  const name = actualSheetName(
    book.sheets.map((s) => s.name),
    wanted,
  );
  return name === undefined ? undefined : book.sheets.find((s) => s.name === name);
}

/** The cells of `address` (A1 or A1:B2) on `sheet`, blank where the file has none. */
export function cellsIn(sheet: WorkbookSheet, address: string): SheetValue[][] {
  const { row, column, rows, columns } = parseRange(address);
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: columns }, (_, c) => shown(sheet.rows[row - 1 + r]?.[column - 1 + c])),
  );
}

/** The sheet from A1 to its last cell, as Excel's used range would give it (from A1, here). */
export function usedRangeOf(sheet: WorkbookSheet): RangeSnapshot {
  // Rows the file does not list are holes in the array, which map() skips: count by index.
  let width = 1;
  for (let r = 0; r < sheet.rows.length; r++) width = Math.max(width, sheet.rows[r]?.length ?? 0);
  const values = Array.from({ length: Math.max(1, sheet.rows.length) }, (_, r) =>
    Array.from({ length: width }, (_, c) => shown(sheet.rows[r]?.[c])),
  );
  return { sheet: sheet.name, top: 1, left: 1, values, formulas: values };
}

/** The snapshot the add-in would read from this workbook for `framework`. */
export function snapshotOfCells(
  book: WorkbookCells,
  framework: Framework,
  start: StartLayout,
): WorkbookSnapshot {
  const meta = sheetOf(book, META_SHEET);
  const startSheet = sheetOf(book, START_SHEET);
  const summary = sheetOf(book, SUMMARY_SHEET);
  const startValue = (address: string): SheetValue => {
    if (!startSheet) return '';
    const { row, column } = parseCell(address);
    return shown(startSheet.rows[row - 1]?.[column - 1]);
  };
  return {
    sheetNames: book.sheets.map((s) => s.name),
    meta: meta ? cellsIn(meta, META_BLOCK) : null,
    areas: new Map(
      framework.areas.map((a) => {
        const sheet = sheetOf(book, a.shortName);
        return [a.number, sheet ? usedRangeOf(sheet) : null];
      }),
    ),
    start: startSheet
      ? {
          organisation: startValue(start.organisation),
          period: startValue(start.period),
          metThreshold: startValue(start.metThreshold),
          requiredShare: startValue(start.requiredShare),
        }
      : null,
    summary: summary ? usedRangeOf(summary) : null,
  };
}

/** The meta block and the stored framework's cells, read before the framework is known. */
export function metaCellsOf(book: WorkbookCells): {
  readonly meta: SheetValue[][];
  readonly stored: SheetValue[][];
} | null {
  const meta = sheetOf(book, META_SHEET);
  return meta ? { meta: cellsIn(meta, META_BLOCK), stored: cellsIn(meta, STORED_FRAMEWORK_RANGE) } : null;
}
