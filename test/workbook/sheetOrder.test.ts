/** Where the sheets go after a rebuild (regenerate adds the rebuilt sheets at the end first). */
import { orderAfterRebuild } from '../../src/workbook/sheetOrder';

const plan = ['Start', 'Knowing customers', 'Leadership', 'Summary', 'EqMeta'];

describe('orderAfterRebuild', () => {
  it('puts the rebuilt sheets back where they were, with the report sheets after them', () => {
    const before = [
      'Notes',
      'Start',
      'Knowing customers',
      'Leadership',
      'Summary',
      'Action plan',
      'History',
      'EqMeta',
    ];
    expect(orderAfterRebuild(before, plan, [])).toEqual(['Notes', ...plan, 'Action plan', 'History']);
  });

  it('drops deleted sheets, and compares names without case', () => {
    const before = ['start', 'Workforce', 'Leadership', 'summary', 'Action plan', 'EqMeta', 'EqBackup'];
    expect(orderAfterRebuild(before, plan, ['Workforce', 'EqBackup'])).toEqual([...plan, 'Action plan']);
  });

  it('appends the rebuilt sheets when none was there before', () => {
    expect(orderAfterRebuild(['Sheet1'], plan, [])).toEqual(['Sheet1', ...plan]);
  });

  it('keeps every sheet that stays exactly once', () => {
    const before = ['A', 'Start', 'B', 'Summary', 'C', 'Gone'];
    const after = orderAfterRebuild(before, plan, ['Gone']);
    expect([...after].sort()).toEqual(['A', 'B', 'C', ...plan].sort());
  });
});
