/**
 * An assessment as read, from a WorkbookSnapshot however it was read (the open workbook through
 * src/excel/readAssessment.ts, or a file through src/xlsx/assessmentFile.ts): every response row
 * of every area sheet and the settings on the Start sheet. Values stay raw; the engine decides
 * what they mean.
 */
import type { Framework, ResponseRow, ScoringSettings } from '../domain';
import { responsesOf, settingsOf, type SheetValue, type WorkbookSnapshot } from './snapshot';
import { startLayoutOf } from './sheets/start';

export interface AreaSheetRead {
  readonly area: number;
  readonly sheet: string;
  /** False when the sheet is missing from the workbook. */
  readonly present: boolean;
}

export interface AssessmentRead {
  readonly responses: readonly ResponseRow[];
  readonly areaSheets: readonly AreaSheetRead[];
  /** The settings the sheet's formulas use, or null when a setting cell does not hold a usable value. */
  readonly settings: ScoringSettings | null;
  readonly organisation: SheetValue;
  readonly period: SheetValue;
  /** What stops the settings being read, naming the cell and what it should hold. */
  readonly problems: readonly string[];
  /** Everything read, for checks that need more than the responses. */
  readonly snapshot: WorkbookSnapshot;
}

export function assessmentFrom(framework: Framework, snapshot: WorkbookSnapshot): AssessmentRead {
  const { settings, problems } = settingsOf(snapshot, startLayoutOf(framework), framework.ratingScale);
  return {
    responses: responsesOf(framework, snapshot),
    areaSheets: framework.areas.map((a) => ({
      area: a.number,
      sheet: a.shortName,
      present: snapshot.areas.get(a.number) !== null,
    })),
    settings,
    organisation: snapshot.start?.organisation ?? '',
    period: snapshot.start?.period ?? '',
    problems,
    snapshot,
  };
}
