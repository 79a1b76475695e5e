import { actionList } from '../../../src/domain/actions';
import type { ScoringSettings } from '../../../src/domain/responses';
import { buildFramework } from '../../builders/framework';
import { responseRow, responsesFor } from '../../builders/responses';

const SETTINGS: ScoringSettings = { metThreshold: 3, requiredShare: 1 };

/** Leadership holds 1.1, 2.1, 3.1; Workforce 1.2, 2.2, 3.2. */
const framework = buildFramework({
  areas: [
    { name: 'Leadership, partnership and organisational commitment', shortName: 'Leadership' },
    { name: 'A progressive and diverse workforce', shortName: 'Workforce' },
  ],
  criteria: 1,
});

test('applicable criteria not met, by level, then area, then id; met and N/A left out', () => {
  const ratings = { '1.1': 4, '2.1': 2, '3.1': null, '1.2': 1, '2.2': 'x', '3.2': 'N/A' };
  const items = actionList(framework, responsesFor(framework, ratings), SETTINGS);
  expect(items.map((i) => [i.criterionId, i.area, i.level, i.status, i.rating, i.blocksNextLevel])).toEqual([
    ['1.2', 2, 1, 'not-met', 1, true],
    ['2.1', 1, 2, 'not-met', 2, true],
    ['2.2', 2, 2, 'unanswered', null, false],
    ['3.1', 1, 3, 'unanswered', null, false],
  ]);
});

test('ids are ordered numerically: 1.9 before 1.10', () => {
  const many = buildFramework({ levels: 1, criteria: 11 });
  const ratings = { '1.10': 1, '1.9': 1, '1.2': 2 };
  const items = actionList(
    many,
    responsesFor(many, (c) => (c.id in ratings ? ratings[c.id as keyof typeof ratings] : 4)),
    SETTINGS,
  );
  expect(items.map((i) => i.criterionId)).toEqual(['1.2', '1.9', '1.10']);
});

test('the threshold decides what needs action', () => {
  const ratings = { '1.1': 3, '2.1': 4, '3.1': 4, '1.2': 4, '2.2': 4, '3.2': 4 };
  expect(actionList(framework, responsesFor(framework, ratings), SETTINGS)).toEqual([]);
  const strict = actionList(framework, responsesFor(framework, ratings), {
    metThreshold: 4,
    requiredShare: 1,
  });
  expect(strict.map((i) => [i.criterionId, i.rating])).toEqual([['1.1', 3]]);
});

test('names, text, owner, review date and the raw rating are carried over as they are', () => {
  const date = new Date(2027, 2, 31);
  const responses = [
    responseRow('1.1', { rating: ' 2 ', owner: '  Jo Bloggs ', reviewDate: date }),
    responseRow('2.1', { rating: 1, owner: 42, reviewDate: 'soon' }),
  ];
  const items = actionList(framework, responses, SETTINGS);
  const first = items.find((i) => i.criterionId === '1.1');
  expect(first).toEqual({
    criterionId: '1.1',
    key: framework.criteria.find((c) => c.id === '1.1')?.key,
    area: 1,
    areaName: 'Leadership, partnership and organisational commitment',
    areaShortName: 'Leadership',
    level: 1,
    levelName: 'Developing',
    text: '[test] criterion 1.1',
    textStatus: 'complete',
    status: 'unanswered',
    rating: null,
    ratingRaw: ' 2 ',
    owner: '  Jo Bloggs ',
    reviewDate: date,
    blocksNextLevel: true,
  });
  const second = items.find((i) => i.criterionId === '2.1');
  expect([second?.owner, second?.reviewDate, second?.rating]).toEqual([42, 'soon', 1]);
});

test('a criterion with no row is listed as unanswered with empty fields', () => {
  const items = actionList(framework, [], SETTINGS);
  expect(items).toHaveLength(6);
  expect(items[0]).toMatchObject({
    criterionId: '1.1',
    status: 'unanswered',
    owner: null,
    reviewDate: null,
    ratingRaw: null,
  });
});
