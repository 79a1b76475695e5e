import fc from 'fast-check';
import { firstSyntaxErrorOffset } from '../../../src/domain/framework/jsonText';

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('firstSyntaxErrorOffset', () => {
  it('finds no error in any JSON that JSON.stringify writes, indented or not', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, indent) => {
        expect(firstSyntaxErrorOffset(JSON.stringify(value, null, indent ? 2 : undefined))).toBeUndefined();
      }),
    );
  });

  it('agrees with JSON.parse on whether arbitrary text is JSON', () => {
    const jsonish = fc.stringMatching(/^[\s{}[\]:,"0-9.eE+\-truefalsn\\]{0,20}$/);
    fc.assert(
      fc.property(fc.oneof(fc.string(), jsonish), (text) => {
        expect(firstSyntaxErrorOffset(text) === undefined).toBe(parses(text));
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['{"a": ,}', 6],
    ['{"a": 1,}', 8],
    ['[1 2]', 3],
    ['{"a" 1}', 5],
    ['"tab\there"', 4],
    ['', 0],
    ['[', 1],
    ['{} x', 3],
  ])('places the error in %p at offset %p', (text, offset) => {
    expect(firstSyntaxErrorOffset(text)).toBe(offset);
  });

  it('copes with nesting far deeper than the call stack', () => {
    const depth = 500_000;
    expect(firstSyntaxErrorOffset('['.repeat(depth) + ']'.repeat(depth))).toBeUndefined();
    expect(firstSyntaxErrorOffset('['.repeat(depth))).toBe(depth);
  });
});
