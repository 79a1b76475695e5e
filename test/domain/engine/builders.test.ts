/** The test builders must make what the engine tests assume, or every other test proves nothing. */
import * as domain from '../../../src/domain';
import { buildFramework } from '../../builders/framework';
import { responsesFor } from '../../builders/responses';

test('ids run on across areas at each level, and the n-th criterion of an area sits in row n', () => {
  const framework = buildFramework({
    areas: 2,
    criteria: [
      [2, 1, 0],
      [1, 2, 1],
    ],
  });
  expect(framework.criteria.map((c) => [c.id, c.area, c.level, c.row])).toEqual([
    ['1.1', 1, 1, 1],
    ['1.2', 1, 1, 2],
    ['1.3', 2, 1, 1],
    ['2.1', 1, 2, 1],
    ['2.2', 2, 2, 1],
    ['2.3', 2, 2, 2],
    ['3.1', 2, 3, 1],
  ]);
  expect(framework.criteria[0]?.key).toBe(domain.criterionKey('test-framework', '1', 1, '1.1'));
});

test('a shape with no criteria is refused by the real schema', () => {
  expect(() => buildFramework({ criteria: 0 })).toThrow();
});

test('responses carry cells on the area sheet, from row 5, per area', () => {
  const framework = buildFramework({
    areas: [
      { name: 'Leadership', shortName: 'Leadership' },
      { name: "Tenants' voice", shortName: "Tenants' voice" },
    ],
    levels: 1,
    criteria: 2,
  });
  const rows = responsesFor(framework, { '1.3': 4 });
  expect(rows.map((r) => [r.criterionId, r.rating, r.cells?.rating])).toEqual([
    ['1.1', null, "'Leadership'!F5"],
    ['1.2', null, "'Leadership'!F6"],
    ['1.3', 4, "'Tenants'' voice'!F5"],
    ['1.4', null, "'Tenants'' voice'!F6"],
  ]);
});

test('the domain facade exports the engine', () => {
  const framework = buildFramework({ levels: 1, criteria: 1 });
  const settings = { metThreshold: 3, requiredShare: 1 };
  const rows = responsesFor(framework, { '1.1': 4 }, { common: { evidence: 'x' } });
  expect(domain.score(framework, rows, settings).overall.level).toBe(1);
  expect(domain.check(framework, rows, settings, { today: new Date(2026, 0, 1) })).toEqual([]);
  expect(domain.actionList(framework, rows, settings)).toEqual([]);
  expect(domain.readRating('n/a', framework.ratingScale)).toMatchObject({ kind: 'invalid', fix: 'N/A' });
});
