/**
 * A large sheet (a group comparison of 200 assessments holds some 175,000 cells on its responses
 * sheet) is written: finding its used range once spread every cell into Math.min, which overflows
 * the call stack well before that size.
 */
import { sheetName } from '../../src/workbook/address';
import type { PlanCell } from '../../src/workbook/plan';
import { SheetBuilder } from '../../src/workbook/sheets/sheetBuilder';
import { buildGrid, usedRange } from '../../src/xlsx/cellGrid';

describe('a large sheet', () => {
  it('has its used range from the first cell to the last, however many cells it holds', () => {
    const rows: PlanCell[][] = Array.from({ length: 20_000 }, (_, r) =>
      Array.from({ length: 9 }, (__, c) => r * 9 + c),
    );
    const sheet = new SheetBuilder(sheetName('Group responses'), 'report')
      .block(5, 2, rows)
      .build({ visible: true, protect: false, landscape: false });
    expect(usedRange(buildGrid(sheet))).toBe('B5:J20004');
  });

  it('is A1 when empty', () => {
    const sheet = new SheetBuilder(sheetName('Empty'), 'report').build({
      visible: true,
      protect: false,
      landscape: false,
    });
    expect(usedRange(buildGrid(sheet))).toBe('A1');
  });
});
