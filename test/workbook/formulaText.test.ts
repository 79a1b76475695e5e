import fc from 'fast-check';
import { normaliseFormula, refersToSheet, sameFormula } from '../../src/workbook/formulaText';

/**
 * The rule as first written, with a lookbehind (which Safari before 16.4 cannot parse, so it may
 * not be in the bundle): rewrite a number not preceded by a name character.
 */
function normaliseWithLookbehind(formula: string): string {
  const number = /(?<![A-Z0-9_.!])\d+(?:\.\d+)?(?:E[+-]?\d+)?/g;
  return formula
    .split('"')
    .map((part, i) =>
      i % 2 === 0
        ? part
            .replace(/['$\s]/gu, '')
            .toUpperCase()
            .replace(number, (n) => String(Number(n)))
        : part,
    )
    .join('"');
}

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

  it('normalises numbers exactly as the lookbehind rule did, without a lookbehind', () => {
    const pieces = [
      '0',
      '1',
      '9',
      '00',
      '12',
      '.',
      'E',
      'e',
      '+',
      '-',
      'A',
      'Z',
      '_',
      '!',
      '$',
      '(',
      ')',
      ',',
    ];
    const words = ['SUM', 'Sheet1', '1E', '0.5', ' ', "'", ':', '*', '"', '_xlfn.', 'R5', 'B$12'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces, ...words), { maxLength: 30 }), (parts) => {
        const formula = `=${parts.join('')}`;
        expect(normaliseFormula(formula)).toBe(normaliseWithLookbehind(formula));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('refersToSheet', () => {
  it.each([
    ["='Knowing customers'!$F$5:$F$20", 'Knowing customers', true],
    ["='knowing CUSTOMERS'!A1", 'Knowing customers', true],
    ['=Leadership!$A$5', 'Leadership', true],
    ['=SUM(Leadership!A1:A3)+1', 'leadership', true],
    ['=MyLeadership!A1', 'Leadership', false],
    ['="Leadership!A1"', 'Leadership', false],
    ["='Officers'' notes'!B2", "Officers' notes", true],
    ['=Summary!A1', 'Leadership', false],
  ])('%s refers to %s: %s', (formula, sheet, expected) => {
    expect(refersToSheet(formula, sheet)).toBe(expected);
  });
});
