/** constantChanges: where two plans of the same sheets differ in a constant (co-authors' edits carried). */
import { constantChanges } from '../../src/workbook/planDiff';
import type { A1 } from '../../src/workbook/address';
import type { PlanCell, SheetPlan } from '../../src/workbook/plan';

const sheet = (name: string, at: string, cells: PlanCell[][]): SheetPlan =>
  ({ name, blocks: [{ at: at as A1, cells }] }) as unknown as SheetPlan;

describe('constantChanges', () => {
  it('names each constant that differs, with both values, by sheet and address', () => {
    const before = [
      sheet('Leadership', 'E5', [
        [3, 'Minutes'],
        [null, 'x'],
      ]),
    ];
    const after = [
      sheet('leadership', 'E5', [
        [4, 'Minutes'],
        ['N/A', 'x'],
      ]),
    ];
    expect(constantChanges(before, after)).toEqual([
      { sheet: 'leadership', address: 'E5', before: 3, after: 4 },
      { sheet: 'leadership', address: 'E6', before: null, after: 'N/A' },
    ]);
  });

  it('leaves formulas out, and blanks alike', () => {
    const before = [sheet('S', 'A1', [[{ formula: '=B1' }, '', null]])];
    const after = [sheet('S', 'A1', [[{ formula: '=B2' }, null, '']])];
    expect(constantChanges(before, after)).toEqual([]);
  });

  it('finds a value the new plan no longer sets, and ignores sheets only one plan has', () => {
    const before = [sheet('S', 'A1', [['kept', 'gone']]), sheet('Old', 'A1', [[1]])];
    const after = [sheet('S', 'A1', [['kept']]), sheet('New', 'A1', [[2]])];
    expect(constantChanges(before, after)).toEqual([
      { sheet: 'S', address: 'B1', before: 'gone', after: null },
    ]);
  });
});
