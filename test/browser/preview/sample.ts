/**
 * A sample assessment for the preview (?sample=draft): the 2009 draft generated into the fake,
 * then ratings typed in as an officer would, with a few mistakes for Check to find.
 */
import { bundledFrameworks } from '../../../src/domain/index';
import type { ExcelGateway } from '../../../src/excel/api';
import { generateAssessment } from '../../../src/excel/generate';
import { buildPlan } from '../../../src/workbook/buildPlan';
import { AREA_FIRST_DATA_ROW, areaColumn } from '../../../src/workbook/layout';
import { columnLetter } from '../../../src/workbook/address';
import type { FakeWorkbook } from '../../platform/fake-excel';

export const SAMPLE_SETTINGS = {
  organisation: 'Riverside Homes',
  period: '2026/27',
  metThreshold: 3,
  requiredShare: 1,
} as const;

export async function fillSample(doc: FakeWorkbook, excel: ExcelGateway): Promise<void> {
  const framework = bundledFrameworks.draft2009;
  const outcome = await generateAssessment(excel, buildPlan(framework, SAMPLE_SETTINGS).plan);
  if (outcome.status !== 'generated')
    throw new Error(`The sample could not be generated: ${outcome.message}`);
  const rating = columnLetter(areaColumn('rating'));
  const evidence = columnLetter(areaColumn('evidence'));
  for (const area of framework.areas) {
    const count = framework.criteria.filter((c) => c.area === area.number).length;
    // A pattern that gives each area a different picture: mostly met low down, patchy higher up.
    const ratings = Array.from({ length: count }, (_, i) => [
      (i + area.number) % 7 === 0 ? '' : i % 5 === 4 ? 2 : (i + area.number) % 3 === 0 ? 4 : 3,
    ]);
    const last = AREA_FIRST_DATA_ROW + count - 1;
    await doc.simulateEdit(area.shortName, `${rating}${AREA_FIRST_DATA_ROW}:${rating}${last}`, ratings);
    await doc.simulateEdit(
      area.shortName,
      `${evidence}${AREA_FIRST_DATA_ROW}:${evidence}${last}`,
      ratings.map(([r], i) => [r !== '' && i % 4 !== 1 ? 'Board minutes and policy review' : '']),
    );
  }
  // Mistakes an officer might paste in, for Check to find: two that need a person, and three near
  // misses with a certain fix (a rating's label typed instead of its number, a number stored as
  // text, and "n/a"), so a keyboard run can fix three in a row.
  await doc.simulateEdit('Leadership', `${rating}${AREA_FIRST_DATA_ROW + 1}`, [['Yes']]);
  await doc.simulateEdit('Workforce', `${rating}${AREA_FIRST_DATA_ROW + 2}`, [['3.5']]);
  await doc.simulateEdit('Leadership', `${rating}${AREA_FIRST_DATA_ROW + 3}`, [['in place and effective']]);
  await doc.simulateEdit('Engagement', `${rating}${AREA_FIRST_DATA_ROW + 2}`, [["'4"]]);
  await doc.simulateEdit('Workforce', `${rating}${AREA_FIRST_DATA_ROW + 4}`, [['n/a']]);
  await doc.eventsSettled();
}
