/**
 * Turning plan cells into what Office.js is given. Writing `formulas` behaves like typing, so a
 * plan string such as "1.10", "=x" or "01/04/2026" would become a number, a formula or a date;
 * a leading apostrophe keeps any text exactly as it is (Excel stores it as a prefix, not content).
 */
import type { XlCellValue } from './api';
import { isFormula, type CellBlock, type PlanCell } from '../workbook/plan';

/** Text that Excel will keep as text, whatever it looks like. */
export function asLiteralText(text: string): string {
  return text === '' ? '' : `'${text}`;
}

export function toExcelCell(cell: PlanCell): XlCellValue {
  if (cell === null) return '';
  if (isFormula(cell)) return cell.formula;
  if (typeof cell === 'string') return asLiteralText(cell);
  return cell;
}

export function blockFormulas(block: CellBlock): XlCellValue[][] {
  return block.cells.map((row) => row.map(toExcelCell));
}
