import type { Framework } from '../../domain';
import { rect, sheetName, type A1 } from '../address';
import { ADDIN_MARKER, AREA_FIRST_DATA_ROW, LAYOUT_VERSION, META_SHEET } from '../layout';
import type { PlanCell, SheetPlan } from '../plan';
import { areaCriteria } from './area';
import { SheetBuilder } from './sheetBuilder';
import { STORED_FRAMEWORK_COLUMN, storedFrameworkRows } from '../storedFramework';
import { META_KEYS, type MetaKey } from '../metaBlock';

export const META_INDEX_HEADER_ROW = META_KEYS.length + 3;

/**
 * A hidden sheet that lets the add-in recognise its own workbook on every host (a sheet works
 * from ExcelApi 1.1, where settings and custom properties do not) and records where each
 * criterion was written, for the structural checks, and keeps the framework itself (as its JSON,
 * `frameworkJson`) so the workbook can be read without the file it was made from.
 */
export function buildMetaSheet(
  framework: Framework,
  frameworkJson: string,
): {
  sheet: SheetPlan;
  range: A1;
} {
  const sheet = new SheetBuilder(sheetName(META_SHEET), 'meta');
  const values: Record<MetaKey, PlanCell> = {
    addin: ADDIN_MARKER,
    layoutVersion: LAYOUT_VERSION,
    frameworkId: framework.id,
    frameworkVersion: framework.version,
    frameworkTitle: framework.title,
  };
  sheet.block(1, 1, [['key', 'value']]);
  sheet.block(
    2,
    1,
    META_KEYS.map((k) => [k, values[k]]),
  );
  const index: PlanCell[][] = [['criterion key', 'id', 'area', 'sheet', 'row']];
  for (const area of framework.areas) {
    areaCriteria(framework, area.number).forEach((c, i) => {
      index.push([c.key, c.id, c.area, area.shortName, AREA_FIRST_DATA_ROW + i]);
    });
  }
  sheet.block(META_INDEX_HEADER_ROW, 1, index);
  sheet.block(1, STORED_FRAMEWORK_COLUMN, storedFrameworkRows(frameworkJson));
  sheet.column(1, 200).column(2, 200);
  return {
    sheet: sheet.build({ visible: false, protect: false, landscape: false }),
    range: rect(1, 1, META_INDEX_HEADER_ROW + index.length - 1, 5),
  };
}
