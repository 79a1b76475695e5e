/** Test helpers: the bundled framework's plan written as a file and read back. */
import { bundledFrameworks } from '../../src/domain/framework/bundled';
import type { Framework } from '../../src/domain/framework/types';
import { parseRange, type A1 } from '../../src/workbook/address';
import { buildPlan, type BuiltPlan } from '../../src/workbook/buildPlan';
import type { PlanSettings } from '../../src/workbook/settings';
import { writeWorkbookFile } from '../../src/xlsx';
import { readXlsx, type XlsxFile } from './readXlsx';

export const SETTINGS: PlanSettings = {
  organisation: 'Example Homes',
  period: '2026/27',
  metThreshold: 3,
  requiredShare: 1,
};

export async function writtenFile(
  framework: Framework = bundledFrameworks.draft2009,
  settings: PlanSettings = SETTINGS,
): Promise<{ built: BuiltPlan; bytes: Uint8Array; file: XlsxFile }> {
  const built = buildPlan(framework, settings);
  const bytes = await writeWorkbookFile(built.plan);
  return { built, bytes, file: readXlsx(bytes) };
}

/** Every cell address of a range, row by row. */
export function cellsOf(range: string): string[] {
  const { row, column, rows, columns } = parseRange(range);
  const out: string[] = [];
  for (let r = row; r < row + rows; r++) {
    for (let c = column; c < column + columns; c++) out.push(`${letters(c)}${r}`);
  }
  return out;
}

/** 1 → A, 27 → AA, computed here rather than with the code under test. */
export function letters(column: number): string {
  let n = column;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** True when `address` lies in one of the space-separated ranges of an sqref. */
export function inSqref(sqref: string, address: string): boolean {
  const target = parseRange(address);
  return sqref.split(' ').some((part) => {
    const r = parseRange(part as A1);
    return (
      target.row >= r.row &&
      target.row < r.row + r.rows &&
      target.column >= r.column &&
      target.column < r.column + r.columns
    );
  });
}
