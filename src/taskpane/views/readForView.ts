/**
 * Reading an assessment for Results: the responses and settings from the workbook
 * (readAssessment), plus the sentences about what could not be read.
 */
import type { Framework } from '../../domain/index';
import type { ExcelGateway } from '../../excel/api';
import type { AssessmentRead } from '../../excel/readAssessment';
import type { Engine } from '../loadEngine';

export interface ReadForView {
  readonly read: AssessmentRead;
  /** One sentence per area sheet missing from the workbook. */
  readonly missingSheets: readonly string[];
}

export async function readForView(
  engine: Engine,
  gateway: ExcelGateway,
  framework: Framework,
): Promise<ReadForView> {
  const read = await engine.readAssessment(gateway, framework);
  const missingSheets = read.areaSheets
    .filter((a) => !a.present)
    .map(
      (a) =>
        `The sheet "${a.sheet}" (area ${a.area}) is missing, so its criteria count as not answered. Restore it from an earlier copy of the workbook.`,
    );
  return { read, missingSheets };
}
