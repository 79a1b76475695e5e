/**
 * "Save snapshot": today's results recorded on the History sheet (one row per day, a second save
 * on the same day replacing the first) and every response on the Saved responses sheet (one row
 * per criterion, the same day replacing likewise), with the board summary and action plan
 * refreshed in the same write. Three syncs, like a refresh (boardRefresh.ts).
 */
import type { ExcelGateway } from './api';
import { refreshBoard, type ReportOutcome } from './boardRefresh';
import type { CalendarDate, Framework } from '../domain';

export function saveSnapshot(
  gateway: ExcelGateway,
  framework: Framework,
  today: CalendarDate,
): Promise<ReportOutcome> {
  return refreshBoard(gateway, framework, { today, saveSnapshot: true });
}
