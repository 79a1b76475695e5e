/**
 * Reading an assessment back from the open workbook, in two syncs whatever the size; what it
 * means is decided without Excel (src/workbook/assessmentRead.ts).
 */
import type { ExcelGateway } from './api';
import { readSnapshot } from './snapshotReader';
import type { Framework } from '../domain';
import { assessmentFrom, type AssessmentRead } from '../workbook/assessmentRead';
import { startLayoutOf } from '../workbook/sheets/start';

export { assessmentFrom, type AreaSheetRead, type AssessmentRead } from '../workbook/assessmentRead';

export async function readAssessment(gateway: ExcelGateway, framework: Framework): Promise<AssessmentRead> {
  const snapshot = await gateway.run((ctx) => readSnapshot(ctx, framework, startLayoutOf(framework)));
  return assessmentFrom(framework, snapshot);
}
