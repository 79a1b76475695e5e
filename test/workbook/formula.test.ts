import {
  arith,
  call,
  compare,
  expr,
  formula,
  group,
  ifChain,
  num,
  refTo,
  str,
} from '../../src/workbook/formula';
import { HyperFormula } from 'hyperformula';

describe('formula building blocks', () => {
  it('escapes quotes in string literals', () => {
    expect(str('He said "hi"')).toBe('"He said ""hi"""');
  });

  it('writes numbers Excel can parse', () => {
    expect(num(3)).toBe('3');
    expect(num(-0)).toBe('0');
    // Plain decimals: HyperFormula (and so our test engine) rejects "1E-9".
    expect(num(1e-9)).toBe('0.000000001');
    expect(num(-2.5e-7)).toBe('-0.00000025');
    expect(num(1.5e22)).toBe('15000000000000000000000');
    expect(num(0.28)).toBe('0.28');
    for (const n of [1e-9, -2.5e-7, 1.5e22, 1.234e-12, 0.28, 123]) expect(Number(num(n))).toBe(n);
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

  it('builds operators from parts, with brackets only where asked', () => {
    const a = refTo('A1');
    const b = refTo("'Start'!$B$2");
    expect(compare(a, '>=', b)).toBe("A1>='Start'!$B$2");
    expect(arith(a, ['*', num(100)], ['-', num(0.5)])).toBe('A1*100-0.5');
    expect(arith(group(compare(a, '<>', b)), ['*', num(1)])).toBe("(A1<>'Start'!$B$2)*1");
  });

  it('gives operators the precedence Excel gives them (evaluated by a formula engine)', () => {
    const hf = HyperFormula.buildFromArray([[2, 3, 4]], { licenseKey: 'gpl-v3' });
    const [x, y, z] = [refTo('A1'), refTo('B1'), refTo('C1')];
    const value = (body: string) => hf.calculateFormula(formula(body as never), 0);
    // Left to right within one precedence; * before +; comparisons last.
    expect(value(arith(x, ['+', y], ['*', z]))).toBe(14);
    expect(value(arith(group(arith(x, ['+', y])), ['*', z]))).toBe(20);
    expect(value(compare(arith(x, ['*', y]), '>', arith(z, ['+', num(1)])))).toBe(true);
    hf.destroy();
  });
});
