import { call, expr, formula, ifChain, num, str } from '../../src/workbook/formula';

describe('formula building blocks', () => {
  it('escapes quotes in string literals', () => {
    expect(str('He said "hi"')).toBe('"He said ""hi"""');
  });

  it('writes numbers Excel can parse', () => {
    expect(num(3)).toBe('3');
    expect(num(-0)).toBe('0');
    expect(num(1e-9)).toBe('1E-9');
    expect(() => num(Number.NaN)).toThrow(RangeError);
    expect(() => num(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('refuses function names that are not names', () => {
    expect(() => call('SUM);DROP(', num(1))).toThrow(RangeError);
    expect(call('COUNTIFS', expr('A1:A3'), num(1))).toBe('COUNTIFS(A1:A3,1)');
  });

  it('nests IF branches in order with the fallback last', () => {
    const chain = ifChain(
      [
        [expr('A1=1'), str('one')],
        [expr('A1=2'), str('two')],
      ],
      str('other'),
    );
    expect(formula(chain)).toBe('=IF(A1=1,"one",IF(A1=2,"two","other"))');
    expect(ifChain([], num(0))).toBe('0');
  });
});
