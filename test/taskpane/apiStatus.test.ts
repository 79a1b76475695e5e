/** The status line and the refusal below the minimum: the Excel an officer knows, not the API set. */
import { apiStatus } from '../../src/taskpane/apiStatus';

/** A host that has every set up to `highest` (none when undefined). */
const upTo = (highest: number | undefined) => (version: string) =>
  highest !== undefined && Number(version) <= highest;

describe('apiStatus', () => {
  it('says the connected Excel has everything, without naming a requirement set', () => {
    const status = apiStatus(upTo(1.9));
    expect(status.supported).toBe(true);
    expect(status.message).toBe('Connected to Excel: this version has everything the add-in needs.');
  });

  it.each([
    [
      1.8,
      'it has the add-in features of Excel 2019 or an older Microsoft 365, not those of Excel 2021',
      '1.8',
    ],
    [
      1.7,
      'it has the add-in features of Excel 2019 or an older Microsoft 365, not those of Excel 2021',
      '1.7',
    ],
    [1.1, 'it has the add-in features of Excel 2016', '1.1'],
    [undefined, 'it has no add-in features at all', 'none'],
  ])(
    'below the minimum (highest %s) names the Excel first and keeps the set for IT',
    (highest, words, set) => {
      const status = apiStatus(upTo(highest));
      expect(status.supported).toBe(false);
      expect(status.message).toMatch(
        new RegExp(`^This version of Excel is older than the add-in needs: ${words}\\. `),
      );
      expect(status.message).toContain('The add-in needs Microsoft 365, Excel 2021 or later');
      expect(status.message.endsWith(`(For IT: Excel API ${set}; the add-in needs 1.9.)`)).toBe(true);
      // The set's number appears only in the part for IT.
      expect(status.message.indexOf('Excel API')).toBe(
        status.message.indexOf('(For IT:') + '(For IT: '.length,
      );
    },
  );
});
