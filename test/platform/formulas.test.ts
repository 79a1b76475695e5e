/** Formulas written through the fake evaluate as in Excel, and values come back with Excel's types. */
import { FakeContext, FakeWorkbook } from './fake-excel';

/** Writes a block through the API (one sync) and returns the workbook. */
async function written(
  sheets: string[],
  writes: [string, string, (string | number | boolean)[][]][],
): Promise<FakeWorkbook> {
  const doc = new FakeWorkbook({ sheets });
  const ctx = new FakeContext(doc);
  for (const [sheet, address, values] of writes)
    ctx.workbook.worksheets.getItem(sheet).getRange(address).formulas = values;
  await ctx.sync();
  return doc;
}

describe('formulas', () => {
  it('evaluates references to sheets whose names need quotes', async () => {
    const doc = await written(
      ['Knowing customers', 'Summary'],
      [
        ['Knowing customers', 'B2', [[3]]],
        ['Summary', 'A1', [["='Knowing customers'!B2*2"]]],
      ],
    );
    expect(doc.value('Summary', 'A1')).toBe(6);
  });

  it('evaluates named ranges added through names.add', async () => {
    const doc = new FakeWorkbook({ sheets: ['Leadership', 'Summary'] });
    const ctx = new FakeContext(doc);
    const leadership = ctx.workbook.worksheets.getItem('Leadership');
    leadership.getRange('F1:F4').values = [[1], [4], [3], [2]];
    ctx.workbook.names.add('EQ_Ratings', leadership.getRange('F1:F4'), 'Ratings on the leadership sheet');
    ctx.workbook.worksheets.getItem('Summary').getRange('A1').formulas = [['=SUM(EQ_Ratings)']];
    await ctx.sync();
    expect(doc.value('Summary', 'A1')).toBe(10);
    expect(doc.nameList()).toEqual([
      { name: 'EQ_Ratings', formula: '=Leadership!$F$1:$F$4', comment: 'Ratings on the leadership sheet' },
    ]);
  });

  it('evaluates COUNTIFS, SUMPRODUCT over comparisons, IFERROR, INDEX/MATCH and MIN', async () => {
    const doc = await written(
      ['Data'],
      [
        [
          'Data',
          'A1:B5',
          [
            ['Developing', 4],
            ['Achieving', 2],
            ['Developing', 3],
            ['Excellent', 1],
            ['Developing', 1],
          ],
        ],
        [
          'Data',
          'D1:D6',
          [
            ['=COUNTIFS(A1:A5,"Developing",B1:B5,">=3")'],
            ['=SUMPRODUCT((A1:A5="Developing")*(B1:B5>=2))'],
            ['=IFERROR(1/0,"none")'],
            ['=INDEX(B1:B5,MATCH("Excellent",A1:A5,0))'],
            ['=MIN(B1:B5)'],
            ['=IF(B1>3,TRUE,FALSE)'],
          ],
        ],
      ],
    );
    // Rows meeting each rule, counted by hand: Developing with ≥3 is rows 1 and 3; ≥2 also rows 1 and 3.
    expect(doc.values('Data', 'D1:D6')).toEqual([[2], [2], ['none'], [1], [1], [true]]);
  });
});

describe('values and their types', () => {
  it('reads numbers, text, booleans, errors and empty cells as Office does', async () => {
    const doc = await written(['S'], [['S', 'A1:F1', [[42, 'text', true, '=1/0', '', '=A1/4']]]]);
    const ctx = new FakeContext(doc);
    const range = ctx.workbook.worksheets.getItem('S').getRange('A1:F1').load('values, formulas');
    await ctx.sync();
    expect(range.values).toEqual([[42, 'text', true, '#DIV/0!', '', 10.5]]);
    expect(range.formulas).toEqual([[42, 'text', true, '=1/0', '', '=A1/4']]);
  });

  it('turns a value that starts with = into a formula, as typing does', async () => {
    const doc = new FakeWorkbook();
    const ctx = new FakeContext(doc);
    ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B1').values = [[2, '=A1+1']];
    await ctx.sync();
    expect(doc.value('Sheet1', 'B1')).toBe(3);
    expect(doc.formula('Sheet1', 'B1')).toBe('=A1+1');
  });

  it('keeps text in a text-formatted cell, and text after a leading apostrophe', async () => {
    const doc = new FakeWorkbook();
    const ctx = new FakeContext(doc);
    const range = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:C1');
    range.numberFormat = [['@', '@', 'General']];
    range.values = [['=not a formula', '007', "'123"]];
    await ctx.sync();
    expect(doc.values('Sheet1', 'A1:C1')).toEqual([['=not a formula', '007', '123']]);
    expect(doc.numberFormat('Sheet1', 'A1')).toBe('@');
  });

  it('converts number-like text in a General cell to a number, as Excel does', async () => {
    const doc = await written(['S'], [['S', 'A1:B1', [['123', '50%']]]]);
    expect(doc.values('S', 'A1:B1')).toEqual([[123, 0.5]]);
  });

  it('leaves a cell unchanged where the written array holds null', async () => {
    const doc = await written(['S'], [['S', 'A1:B1', [[1, 2]]]]);
    const ctx = new FakeContext(doc);
    ctx.workbook.worksheets.getItem('S').getRange('A1:B1').values = [[null as unknown as string, 9]];
    await ctx.sync();
    expect(doc.values('S', 'A1:B1')).toEqual([[1, 9]]);
  });

  it('recalculates after suspendApiCalculationUntilNextSync once the sync ends', async () => {
    const doc = new FakeWorkbook();
    const ctx = new FakeContext(doc);
    ctx.application.suspendApiCalculationUntilNextSync();
    ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B1').values = [[5, '=A1*3']];
    await ctx.sync();
    expect(doc.value('Sheet1', 'B1')).toBe(15);
  });
});
