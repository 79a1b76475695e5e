/** The combine choices as state in, action, state out (src/taskpane/views/maintain/combineChoices.ts). */
import { bundledFrameworks, compareCopies, type ResponseRow } from '../../src/domain';
import {
  changedCount,
  choicesReducer,
  initialChoices,
} from '../../src/taskpane/views/maintain/combineChoices';

const framework = bundledFrameworks.draft2009;
const [a, b, c] = framework.criteria as [
  (typeof framework.criteria)[number],
  (typeof framework.criteria)[number],
  (typeof framework.criteria)[number],
];
const other = framework.criteria.find((x) => x.area !== a.area)!;
const row = (cr: typeof a, rating: number | ''): ResponseRow => ({
  criterionId: cr.id,
  area: cr.area,
  rating,
  evidence: '',
  difference: '',
  owner: '',
  reviewDate: '',
  notes: '',
});

// a: conflict (2 vs 3); b: new (theirs only); c: the same; other: conflict in another area.
const ours = [row(a, 2), row(c, 1), row(other, 1)];
const theirs = [row(a, 3), row(b, 4), row(c, 1), row(other, 2)];
const { criteria } = compareCopies(framework, ours, theirs);
const slot = (cr: typeof a) => `${cr.area}#${cr.id}`;

describe('combine choices', () => {
  it('start with new criteria taken and conflicts kept as ours', () => {
    const state = initialChoices(criteria);
    expect(Object.fromEntries(state.choices)).toEqual({
      [slot(a)]: 'ours',
      [slot(b)]: 'theirs',
      [slot(other)]: 'ours',
    });
    expect(changedCount(state)).toBe(1);
  });

  it('change one criterion, or every choosable criterion of an area, and nothing else', () => {
    const start = initialChoices(criteria);
    const one = choicesReducer(start, {
      type: 'choose',
      slot: criteria.find((x) => x.criterion === a)!.slot,
      choice: 'both',
    });
    expect(one.choices.get(criteria.find((x) => x.criterion === a)!.slot)).toBe('both');
    expect(start.choices.get(criteria.find((x) => x.criterion === a)!.slot)).toBe('ours');

    const area = choicesReducer(start, { type: 'choose-area', area: a.area, choice: 'theirs' });
    expect(Object.fromEntries(area.choices)).toEqual({
      [slot(a)]: 'theirs',
      [slot(b)]: 'theirs',
      [slot(other)]: 'ours',
    });
  });

  it('ignores a choice for a criterion that is the same in both copies', () => {
    const start = initialChoices(criteria);
    const same = criteria.find((x) => x.criterion === c)!;
    expect(choicesReducer(start, { type: 'choose', slot: same.slot, choice: 'theirs' })).toBe(start);
  });
});
