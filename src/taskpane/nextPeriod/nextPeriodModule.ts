/**
 * "Start next period" as the pane runs it: read the open workbook (two syncs, nothing written),
 * plan the next period's workbook (src/workbook/rollForward.ts), write it as an .xlsx file and
 * open it in a new Excel window, or offer it as a file where the host cannot open one. Loaded only
 * when the officer starts it (loadNextPeriod.ts), so the planner and the writer stay out of the
 * first view.
 */
import { EXPECTED_DATE_TEXT, readDate, type CalendarDate, type Refusal } from '../../domain/index';
import type { ExcelGateway } from '../../excel/api';
import { readForNextPeriod } from '../../excel/rollForwardRead';
import type { Framework } from '../../domain/index';
import {
  planNextPeriod,
  type NextPeriodChoices,
  type NextPeriodPlan,
  type NextPeriodRefusalReason,
} from '../../workbook/rollForward';
import { writeWorkbookFile } from '../../xlsx/index';
import { openAsNewWorkbook, type WorkbookDownload } from '../components/downloadWorkbook';
import { workbookFileName } from '../components/fileName';

export { CARRYABLE_FIELDS, type CarryableField, type NextPeriodChoices } from '../../workbook/rollForward';

export type NextPeriodOutcome =
  | {
      readonly status: 'started';
      readonly planned: Omit<NextPeriodPlan, 'plan'>;
      /** How the file reached the officer: opened in a new window, or offered as a download. */
      readonly handed: Exclude<WorkbookDownload, Refusal<string>>;
    }
  | Refusal<NextPeriodRefusalReason | 'host-blocked'>;

export async function startNextPeriod(
  gateway: ExcelGateway,
  framework: Framework,
  choices: NextPeriodChoices,
): Promise<NextPeriodOutcome> {
  const source = await readForNextPeriod(gateway, framework);
  const planned = planNextPeriod(source, choices);
  if (planned.status === 'refused') return planned;
  const bytes = await writeWorkbookFile(planned.plan);
  const fileName = workbookFileName(planned.settings.organisation, planned.settings.period);
  const handed = await openAsNewWorkbook(gateway, fileName, bytes);
  if (handed.status === 'refused') return handed;
  const { plan: _plan, ...rest } = planned;
  return { status: 'started', planned: rest, handed };
}

/** The start date as the officer typed it (31/03/2027), or what it should look like. */
export function readStartDate(text: string): CalendarDate | { readonly problem: string } {
  const reading = readDate(text.trim());
  if (reading.kind === 'date') return reading.date;
  return { problem: `The start date should be ${EXPECTED_DATE_TEXT}; it says "${text}".` };
}
