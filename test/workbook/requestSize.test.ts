/**
 * The request budget's arithmetic: sizes counted as UTF-8 (what Excel on the web's 5 MB limit
 * counts) and batches that keep order, lose nothing and stay under the budget.
 */
import fc from 'fast-check';
import { inBatches, utf8Length } from '../../src/workbook/requestSize';

describe('request sizes', () => {
  it('counts UTF-8 bytes as Node does, for any text (accents, emoji, lone surrogates)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0xffff })), (codes) => {
        const text = String.fromCharCode(...codes);
        // A lone surrogate is sent as U+FFFD, three bytes, as Node counts it.
        expect(utf8Length(text)).toBe(Buffer.byteLength(text, 'utf8'));
      }),
    );
    expect(utf8Length('é')).toBe(2);
    expect(utf8Length('😀')).toBe(4);
  });

  it('cuts items into runs under the budget, in order, each item once', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 50 })),
        fc.integer({ min: 1, max: 120 }),
        (sizes, budget) => {
          const batches = inBatches(sizes, (n) => n, budget);
          expect(batches.flat()).toEqual(sizes);
          for (const batch of batches) {
            expect(batch.length).toBeGreaterThan(0);
            // Over the budget only as an item alone that is itself larger.
            const total = batch.reduce((a, b) => a + b, 0);
            if (batch.length > 1) expect(total).toBeLessThanOrEqual(budget);
          }
        },
      ),
    );
  });
});
