/**
 * The organisation's wording for criteria the source lacks: what counts as typed (ownWordingOf),
 * the framework as the assessment reads (withCompletedText), and the Check's warning while the
 * text cell is still empty (criterion-text-missing), which names the criterion and the cell.
 */
import { bundledFrameworks } from '../../../src/domain/framework/bundled';
import type { Criterion } from '../../../src/domain/framework/types';
import { check, ownWordingOf, withCompletedText, type ResponseRow } from '../../../src/domain/index';
import { responseRow } from '../../builders/responses';

const draft = bundledFrameworks.draft2009;
const TODAY = new Date(2026, 5, 1);

function criterion(id: string, area: number): Criterion {
  const found = draft.criteria.find((c) => c.id === id && c.area === area);
  if (!found) throw new Error(`no criterion ${id} in area ${area}`);
  return found;
}

const absent = criterion('1.1', 1);
const fragment = criterion('1.9', 2);
const complete = criterion('1.13', 3);

/** One row per criterion, every text cell as given (by id), read from a sheet. */
function rows(text: (c: Criterion) => string): ResponseRow[] {
  return draft.criteria.map((c) => ({
    ...responseRow(c.id, { rating: 3, evidence: 'Board minutes' }),
    area: c.area,
    text: text(c),
    cells: { text: `'Sheet${c.area}'!D${c.id}` },
  }));
}

describe('ownWordingOf', () => {
  it.each([
    ['absent, blank', absent, '', null],
    ['absent, spaces', absent, '   ', null],
    ['absent, typed', absent, '  Our wording. ', 'Our wording.'],
    ['absent, a number', absent, 12, '12'],
    ['absent, TRUE', absent, true, null],
    ['fragment, left as it was', fragment, fragment.text, null],
    [
      'fragment, the start typed before it',
      fragment,
      `We have a plan ${fragment.text}`,
      `We have a plan ${fragment.text}`,
    ],
    ['complete, changed', complete, 'Something else', null],
  ])('%s', (_, c, cell, expected) => {
    expect(ownWordingOf(c, cell)).toBe(expected);
  });
});

describe('withCompletedText', () => {
  it('gives absent and fragment criteria the typed wording, marked as the organisation’s, and leaves complete text alone', () => {
    const worded = withCompletedText(
      draft,
      rows((c) => (c.textStatus === 'complete' ? 'typed over' : `Ours for ${c.area}/${c.id}`)),
    );
    for (const [i, c] of worded.criteria.entries()) {
      const source = draft.criteria[i] as Criterion;
      if (source.textStatus === 'complete') {
        expect(c).toBe(source);
      } else {
        expect([c.id, c.text, c.textStatus, c.ownWording]).toEqual([
          c.id,
          `Ours for ${c.area}/${c.id}`,
          'complete',
          true,
        ]);
      }
    }
  });

  it('changes nothing when nothing was typed, or the rows were not read with their text cell', () => {
    expect(
      withCompletedText(
        draft,
        rows(() => ''),
      ),
    ).toBe(draft);
    expect(withCompletedText(draft, [responseRow('1.1', { rating: 3 })])).toBe(draft);
  });

  it('takes the row that counts (the first with the id) when a row is repeated', () => {
    const repeated = [
      { ...responseRow('1.1'), area: 1, text: 'First' },
      { ...responseRow('1.1'), area: 1, text: 'Second' },
    ];
    expect(
      withCompletedText(draft, repeated).criteria.find((c) => c.id === '1.1' && c.area === 1)?.text,
    ).toBe('First');
  });
});

describe('criterion-text-missing', () => {
  const settings = { metThreshold: 3, requiredShare: 1 };
  const missing = (responses: readonly ResponseRow[]) =>
    check(draft, responses, settings, { today: TODAY }).filter((i) => i.ruleId === 'criterion-text-missing');
  const lacking = draft.criteria.filter((c) => c.textStatus !== 'complete');

  it('warns for every absent or fragment criterion whose text cell is blank or only the fragment, naming the criterion and the cell', () => {
    const issues = missing(rows((c) => c.text));
    expect(issues.map((i) => `${i.area}/${i.criterionId}`)).toEqual(lacking.map((c) => `${c.area}/${c.id}`));
    for (const i of issues) {
      expect(i.severity).toBe('warning');
      expect(i.field).toBe('text');
      expect(i.cell).toBe(`'Sheet${i.area ?? 0}'!D${i.criterionId}`);
      expect(i.message.startsWith(`${i.cell ?? ''}: `)).toBe(true);
      expect(i.message).toContain(`criterion ${i.criterionId}`);
    }
    const onFragment = issues.find((i) => i.criterionId === fragment.id && i.area === fragment.area);
    expect(onFragment?.message).toContain(fragment.text.trim());
  });

  it('says nothing once the wording is typed, nor for rows read without their text cell', () => {
    expect(missing(rows((c) => `Ours for ${c.id}`))).toEqual([]);
    expect(
      missing(draft.criteria.map((c) => ({ ...responseRow(c.id, { rating: 3 }), area: c.area }))),
    ).toEqual([]);
  });
});
