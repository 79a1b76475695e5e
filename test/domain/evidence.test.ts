/** Evidence completeness: of the met criteria, the share with evidence and difference made recorded. */
import { bundledFrameworks } from '../../src/domain/framework/bundled';
import { evidenceCompleteness } from '../../src/domain/evidence';
import { score } from '../../src/domain/scoring';
import type { CellValue } from '../../src/domain/responses';
import { responsesFor } from '../builders/responses';

const draft = bundledFrameworks.draft2009;
const SETTINGS = { metThreshold: 3, requiredShare: 1 };
const [first, second] = draft.areas;
if (!first || !second) throw new Error('the draft has five areas');
const inFirst = draft.criteria.filter((c) => c.area === first.number);
const inSecond = draft.criteria.filter((c) => c.area === second.number);

function completeness(
  rating: (area: number) => CellValue,
  evidence: CellValue,
  difference: CellValue,
): ReturnType<typeof evidenceCompleteness> {
  const responses = responsesFor(draft, (c) => rating(c.area), {
    common: { evidence, difference },
  });
  return evidenceCompleteness(score(draft, responses, SETTINGS));
}

describe('evidence completeness', () => {
  it.each<[string, CellValue, CellValue, boolean]>([
    ['words in both', 'Policy agreed', 'Fewer complaints', true],
    ['evidence only', 'Policy agreed', null, false],
    ['difference only', null, 'Fewer complaints', false],
    ['spaces only (blank, as the sheet sees it)', '   ', 'Fewer complaints', false],
    ['a tab (not blank: only spaces are)', '\t', 'Fewer complaints', true],
    ['a number and TRUE', 12, true, true],
    ['an error value read as its text', '#N/A', 'x', true],
  ])('counts a met criterion with %s as recorded: %s', (_, evidence, difference, recorded) => {
    const result = completeness(() => 4, evidence, difference);
    const area = result.areas.find((a) => a.area === first.number);
    expect(area).toEqual({
      area: first.number,
      met: inFirst.length,
      recorded: recorded ? inFirst.length : 0,
      share: recorded ? 1 : 0,
    });
  });

  it('counts only met criteria, and has no share where nothing is met', () => {
    // The first area rated 4 (met), the second 2 (not met), the rest blank; evidence everywhere.
    const result = completeness(
      (area) => (area === first.number ? 4 : area === second.number ? 2 : null),
      'e',
      'd',
    );
    expect(result.areas.find((a) => a.area === second.number)).toEqual({
      area: second.number,
      met: 0,
      recorded: 0,
      share: null,
    });
    expect(result.overall).toEqual({ met: inFirst.length, recorded: inFirst.length, share: 1 });
    expect(inSecond.length).toBeGreaterThan(0);
  });

  it('has no overall share when nothing is met', () => {
    expect(completeness(() => null, 'e', 'd').overall).toEqual({ met: 0, recorded: 0, share: null });
  });
});
