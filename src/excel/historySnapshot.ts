/**
 * "Save snapshot": today's results recorded on the History sheet (one row per day, a second save
 * on the same day replacing the first) and every response on the Saved responses sheet (one row
 * per criterion, the same day replacing likewise), with the board summary and action plan
 * refreshed in the same write. Three syncs, like a refresh (boardRefresh.ts); then, where the
 * workbook keeps a change log, three more to note on today's History row how many logged changes
 * the snapshot covers (snapshotCoverage.ts), which the outcome's latest History entry carries.
 */
import type { ExcelGateway } from './api';
import { refreshBoard, type ReportOutcome } from './boardRefresh';
import { noteSnapshotCoverage } from './snapshotCoverage';
import { compareDates, type CalendarDate, type Framework } from '../domain';

export async function saveSnapshot(
  gateway: ExcelGateway,
  framework: Framework,
  today: CalendarDate,
): Promise<ReportOutcome> {
  const outcome = await refreshBoard(gateway, framework, { today, saveSnapshot: true });
  if (outcome.status !== 'refreshed') return outcome;
  const noted = await noteSnapshotCoverage(gateway, framework, today);
  if (noted.status !== 'noted') return outcome;
  return {
    ...outcome,
    history: outcome.history.map((e) =>
      compareDates(e.date, today) === 0 ? { ...e, coverage: noted.coverage } : e,
    ),
  };
}
