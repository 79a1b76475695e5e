/**
 * The next period's workbook is a sound assessment in its own right: applied by the add-in's own
 * adapter to an empty workbook on the fake (HyperFormula recalculating), the full Check finds no
 * damage, no formula out of place and no result that differs from the engine's, with last
 * period's column beside the tables; and a later regeneration keeps that column's values.
 */
import { bundledFrameworks, type Framework } from '../../src/domain';
import { checkWorkbook } from '../../src/excel/checkWorkbook';
import { generateAssessment } from '../../src/excel/generate';
import { readForNextPeriod } from '../../src/excel/rollForwardRead';
import { regenerateAssessment } from '../../src/excel/regenerate';
import { buildPlan } from '../../src/workbook/buildPlan';
import { cell } from '../../src/workbook/address';
import { withResponses } from '../../src/workbook/filledPlan';
import { AREA_FIRST_DATA_ROW, AREA_HEADER_ROW } from '../../src/workbook/layout';
import { CARRYABLE_FIELDS, planNextPeriod } from '../../src/workbook/rollForward';
import { areaCriteria, areaLayoutOf } from '../../src/workbook/sheets/area';
import { FakeWorkbook, gateway } from '../platform/fake-excel';
import { sampleResponses } from '../xlsx/sampleResponses';
import { SETTINGS } from './generateHelpers';

jest.setTimeout(120_000);

const TODAY = new Date(2027, 3, 1);

async function nextPeriodInto(framework: Framework, ratings: 'blank' | 'copied'): Promise<FakeWorkbook> {
  const old = new FakeWorkbook();
  const responses = sampleResponses(framework, 11);
  await generateAssessment(
    gateway(old),
    withResponses(buildPlan(framework, SETTINGS).plan, framework, responses),
  );
  const planned = planNextPeriod(await readForNextPeriod(gateway(old), framework), {
    fields: [...CARRYABLE_FIELDS],
    ratings,
    period: '2027/28',
    startedOn: { year: 2027, month: 4, day: 1 },
    target: framework,
    mappings: [],
  });
  if (planned.status !== 'planned') throw new Error(planned.message);
  const doc = new FakeWorkbook();
  const outcome = await generateAssessment(gateway(doc), planned.plan);
  expect(outcome.status).toBe('generated');
  await doc.eventsSettled();
  return doc;
}

describe.each([
  ['the 2009 draft', bundledFrameworks.draft2009],
  ['the Leadership revision (with its Guidance column)', bundledFrameworks.leadershipRevision],
])('the next period of %s', (_, framework) => {
  it.each(['blank', 'copied'] as const)(
    'passes the full Check with ratings %s: nothing damaged, moved or out of step with the engine',
    async (ratings) => {
      const doc = await nextPeriodInto(framework, ratings);
      const outcome = await checkWorkbook(gateway(doc), framework, buildPlan(framework, SETTINGS), {
        today: TODAY,
      });
      if (outcome.status !== 'checked') throw new Error(outcome.message);
      const structural = outcome.problems.filter((p) =>
        [
          'sheet-missing',
          'criterion-moved',
          'rows-moved',
          'columns-moved',
          'formula-damaged',
          'results-mismatch',
        ].includes(p.ruleId),
      );
      expect(structural).toEqual([]);
      expect(outcome.formulasRepairable).toBe(false);
    },
  );

  it('keeps last period’s column through a regeneration', async () => {
    const doc = await nextPeriodInto(framework, 'blank');
    const area = framework.areas[0];
    if (!area) throw new Error('no area');
    const column = areaLayoutOf(framework, area.number).firstOwnColumn;
    const count = areaCriteria(framework, area.number).length;
    const read = () => [
      doc.value(area.shortName, cell(AREA_HEADER_ROW, column)),
      ...Array.from({ length: count }, (__, i) =>
        doc.value(area.shortName, cell(AREA_FIRST_DATA_ROW + i, column)),
      ),
    ];
    const before = read();
    expect(before[0]).toBe('Last period (2026/27)');
    expect(before.slice(1).some((v) => v !== '')).toBe(true);
    expect(doc.format(area.shortName, cell(AREA_FIRST_DATA_ROW, column)).locked).toBe(true);
    const outcome = await regenerateAssessment(gateway(doc), { frameworks: [framework], target: framework });
    expect(outcome.status).toBe('regenerated');
    expect(read()).toEqual(before);
  });
});
