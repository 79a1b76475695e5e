/** Set-up shared by the board report tests: ratings and settings entered as an officer would. */
import type { Framework } from '../../src/domain/framework/types';
import type { CellValue, ScoringSettings } from '../../src/domain/responses';
import type { XlCellValue } from '../../src/excel/api';
import { rect } from '../../src/workbook/address';
import type { BuiltPlan } from '../../src/workbook/buildPlan';
import { AREA_FIRST_DATA_ROW } from '../../src/workbook/layout';
import { areaCriteria, areaLayoutOf } from '../../src/workbook/sheets/area';
import type { FakeWorkbook } from '../platform/fake-excel';

/** What an officer types: a blank is typed as clearing the cell. */
export const typed = (value: CellValue): XlCellValue =>
  value === null || value === undefined ? '' : value instanceof Date ? value.toISOString() : value;

/** Ratings by criterion id (missing ids are cleared), then the settings if given. */
export async function enterRatings(
  doc: FakeWorkbook,
  framework: Framework,
  built: BuiltPlan,
  ratings: ReadonlyMap<string, CellValue>,
  settings?: ScoringSettings,
): Promise<void> {
  for (const area of framework.areas) {
    const criteria = areaCriteria(framework, area.number);
    await doc.simulateEdit(
      area.shortName,
      rect(AREA_FIRST_DATA_ROW, areaLayoutOf(framework, area.number).column('rating'), criteria.length, 1),
      criteria.map((c) => [typed(ratings.get(c.id) ?? null)]),
    );
  }
  if (settings) {
    await doc.simulateEdit('Start', built.start.metThreshold, [[settings.metThreshold]]);
    await doc.simulateEdit('Start', built.start.requiredShare, [[settings.requiredShare]]);
  }
}

/** Ratings in framework order as a map by id. */
export function ratingsById(framework: Framework, ratings: readonly CellValue[]): Map<string, CellValue> {
  return new Map(framework.criteria.map((c, i) => [c.id, ratings[i] ?? null]));
}

export const DAY_1 = { year: 2026, month: 9, day: 30 };
export const DAY_2 = { year: 2027, month: 3, day: 31 };
