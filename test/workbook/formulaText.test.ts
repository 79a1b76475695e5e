import { normaliseFormula, sameFormula } from '../../src/workbook/formulaText';

describe('comparing formulas as Excel gives them back', () => {
  it.each([
    ['=IF(\'Start\'!$B$12>=3,"Met","")', '=if(Start!B12>=3, "Met", "")'],
    ['=S5>=B1*R5-0.000000001', '=S5>=B1*R5-1e-9'],
    ["='Knowing customers'!$F$5", "='Knowing customers'!F5"],
  ])('treats %s and %s as the same formula', (written, held) => {
    expect(sameFormula(written, held)).toBe(true);
  });

  it.each([
    ['=IF(A1>=3,"Met","")', '=IF(A1>=3,"met","")'],
    ['=A1-0.000000001', '=A1-0.00000001'],
    ['=B12', '=B13'],
    ['=SUM(A1:A5)', 5],
    ['=COUNTIF(A1:A3,"Not met")', '=COUNTIF(A1:A3,"Notmet")'],
  ])('tells %s from %s', (written, held) => {
    expect(sameFormula(written, held)).toBe(false);
  });

  it('keeps string literals, doubled quotes included, exactly', () => {
    expect(normaliseFormula('=IF(A1="He said ""hi""", 1, 2)')).toBe('=IF(A1="He said ""hi""",1,2)');
  });
});
