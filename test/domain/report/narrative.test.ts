/** The board narrative, sentence by sentence, for results whose wording is known in advance. */
import { boardNarrative } from '../../../src/domain/report';
import { criterionTitle } from '../../../src/domain/report/words';
import { score } from '../../../src/domain/scoring';
import type { CellValue } from '../../../src/domain/responses';
import { buildFramework } from '../../builders/framework';
import { responsesFor } from '../../builders/responses';

// Five areas, two criteria per area and level: ids 1.1-1.10, 2.1-2.10, 3.1-3.10 (area n holds x.(2n-1), x.(2n)).
const framework = buildFramework({
  areas: [
    { name: 'Knowing your customers', shortName: 'Knowing customers' },
    { name: 'Leadership', shortName: 'Leadership' },
    { name: 'Engagement', shortName: 'Engagement' },
    { name: 'Responsive services', shortName: 'Responsive services' },
    { name: 'Workforce', shortName: 'Workforce' },
  ],
});

function narrative(
  ratings: (id: string, area: number, level: number) => CellValue,
  requiredShare = 1,
): string[] {
  const responses = responsesFor(framework, (c) => ratings(c.id, c.area, c.level));
  return boardNarrative(score(framework, responses, { metThreshold: 3, requiredShare }), framework);
}

describe('boardNarrative', () => {
  it('names the level the areas share, the blockers by id, and completeness', () => {
    // Two areas at Excellent, three at Achieving; Leadership held at Achieving by 3.3 (not met) and 3.4 (blank).
    const lines = narrative((id, area, level) => {
      if (area === 1 || area === 5) return 4;
      if (level < 3) return 4;
      if (id === '3.3') return 2;
      if (id === '3.4') return null;
      return area === 2 ? 4 : 1;
    });
    expect(lines).toEqual([
      'The organisation is at Achieving (the lowest level of its five areas).',
      'Two of five areas are at Excellent (Knowing customers and Workforce) and three at Achieving (Leadership, Engagement and Responsive services).',
      // Each criterion named by its number and the opening words of its own text.
      'Excellent in Leadership is blocked by 3.3 “[test] criterion 3.3” (not met) and 3.4 “[test] criterion 3.4” (not answered).',
      'Excellent in Engagement is blocked by 3.5 “[test] criterion 3.5” and 3.6 “[test] criterion 3.6” (not met).',
      'Excellent in Responsive services is blocked by 3.7 “[test] criterion 3.7” and 3.8 “[test] criterion 3.8” (not met).',
      "The organisation's level is settled: 1 of 30 applicable criteria is not yet answered, but no answer to them could change it.",
      'No met criterion has its evidence and difference made recorded yet (0 of 24 met criteria).',
    ]);
  });

  it('says so when every area is at the same level, or none has reached the first', () => {
    expect(narrative(() => 4).slice(0, 2)).toEqual([
      'The organisation is at Excellent, the top level (the lowest level of its five areas).',
      'All five areas are at Excellent.',
    ]);
    expect(narrative(() => null).slice(0, 2)).toEqual([
      'The organisation has not reached Developing yet.',
      'None of the five areas has reached Developing yet.',
    ]);
    expect(narrative(() => 4).at(-2)).toBe('Every applicable criterion has been answered.');
  });

  it('says how much of what is met has evidence and difference made recorded, and which area is furthest behind', () => {
    const withWritten = (written: (area: number, id: string) => boolean) =>
      boardNarrative(
        score(
          framework,
          responsesFor(framework, () => 4, {
            fields: Object.fromEntries(
              framework.criteria.map((c) => [
                c.id,
                written(c.area, c.id) ? { evidence: 'Minutes', difference: 'Fewer complaints' } : {},
              ]),
            ),
          }),
          { metThreshold: 3, requiredShare: 1 },
        ),
        framework,
      ).at(-1);
    expect(withWritten(() => true)).toBe(
      'Evidence and difference made are recorded for 30 of 30 met criteria (100%).',
    );
    // Everything but one Leadership criterion.
    expect(withWritten((area, id) => !(area === 2 && id === '3.3'))).toBe(
      'Evidence and difference made are recorded for 29 of 30 met criteria (97%); fewest in Leadership (5 of 6).',
    );
    // Nothing met: no sentence about evidence.
    const none = narrative(() => null);
    expect(none.some((line) => line.includes('Evidence'))).toBe(false);
  });

  it('words an area not yet at the first level, and a share rule as "more met, from"', () => {
    const lines = narrative((id, area) => (area === 5 && id.startsWith('1.') ? 1 : 4), 0.5);
    expect(lines[1]).toBe(
      'Four of five areas are at Excellent (Knowing customers, Leadership, Engagement and Responsive services) and one has not reached Developing yet (Workforce).',
    );
    expect(lines[2]).toBe(
      'Developing in Workforce needs 1 more met, from 1.9 “[test] criterion 1.9” and 1.10 “[test] criterion 1.10”.',
    );
  });

  it('shortens a long list of ids', () => {
    const wide = buildFramework({ areas: 1, criteria: (_a, level) => (level === 1 ? 9 : 1) });
    const lines = boardNarrative(
      score(
        wide,
        responsesFor(wide, () => 1),
        { metThreshold: 3, requiredShare: 1 },
      ),
      wide,
    );
    expect(lines[1]).toBe('Area 1 has not reached Developing yet.');
    expect(lines[2]).toBe(
      'Developing in Area 1 is blocked by 1.1, 1.2, 1.3, 1.4, 1.5 and 4 others (not met).',
    );
  });
});

describe('criterionTitle', () => {
  it('names a criterion by its number and the opening words of its own text, or its number alone', () => {
    const text = 'Appropriate resources have been allocated to deliver the plan.';
    expect(criterionTitle({ id: '2.18', text, textStatus: 'complete' }, '2.18')).toBe(
      '2.18 “Appropriate resources have been allocated…”',
    );
    expect(criterionTitle({ id: '1.5', text: '', textStatus: 'absent' }, '1.5')).toBe('1.5');
    expect(criterionTitle({ id: '1.9', text: 'designed to promote', textStatus: 'fragment' }, '1.9')).toBe(
      '1.9',
    );
    expect(criterionTitle({ id: '1.4', text, textStatus: 'complete', subTheme: 'Leadership' }, '1.4')).toBe(
      '1.4 “Leadership”',
    );
    expect(criterionTitle(undefined, '9.9')).toBe('9.9');
  });
});
