/**
 * Check against the approved snapshot: while a workbook is finalised, every criterion's rating,
 * evidence and difference made should be as the `Approved` snapshot on the Saved responses sheet
 * holds them. A change made outside the add-in (protection removed, a rating typed) is named by
 * its cell, with what it holds now and what was approved.
 */
import { canonicalRating, readRating, type CellValue, type Framework, type ResponseRow } from '../../domain';
import type { WorkbookProblem } from '../audit';
import {
  SAVED_RESPONSES_SHEET,
  latestApproved,
  readSavedResponses,
  type SavedCriterion,
  type SavedSnapshot,
} from '../sheets/savedResponses';
import { readSignOffRecord, signOffStateOf } from '../sheets/signOffRecord';
import type { SheetValue, WorkbookSnapshot } from '../snapshot';

export const CHANGED_SINCE_APPROVAL = 'changed-since-approval';

const COMPARED = [
  { field: 'rating', words: 'rating' },
  { field: 'evidence', words: 'evidence' },
  { field: 'difference', words: 'difference made' },
] as const;

function shown(value: SheetValue): string {
  if (value === '') return 'blank';
  return typeof value === 'string' ? `"${value}"` : String(value);
}

function asSheetValue(value: CellValue): SheetValue {
  if (value === null || value === undefined || value instanceof Date) return '';
  return value;
}

/** The problems naming each approved cell that now differs, and each approved criterion now missing. */
export function changesSinceApproval(
  framework: Framework,
  approved: SavedSnapshot,
  responses: readonly ResponseRow[],
): WorkbookProblem[] {
  const byPlace = new Map<string, ResponseRow>();
  for (const r of responses) {
    const key = `${r.area ?? ''}#${r.criterionId}`;
    if (!byPlace.has(key)) byPlace.set(key, r);
  }
  return approved.criteria.flatMap((saved) => {
    const response = byPlace.get(`${saved.area}#${saved.criterionId}`);
    if (!response) return [missing(saved, approved.label)];
    return COMPARED.flatMap(({ field, words }) => {
      const now =
        field === 'rating' ? currentRating(framework, response.rating) : asSheetValue(response[field]);
      const then = field === 'rating' ? saved.rating : saved.fields[field];
      if (now === then) return [];
      const place = response.cells?.[field] ?? `criterion ${saved.criterionId} of area ${saved.area}`;
      return [
        {
          key: `${CHANGED_SINCE_APPROVAL}:${place}`,
          ruleId: CHANGED_SINCE_APPROVAL,
          severity: 'error',
          area: saved.area,
          ...(response.cells?.[field] ? { cell: response.cells[field] } : {}),
          criterionId: saved.criterionId,
          field,
          message: `${place}: ${words} is ${shown(now)}, the approved snapshot (${approved.label}) has ${shown(then)}.`,
        } satisfies WorkbookProblem,
      ];
    });
  });
}

function currentRating(framework: Framework, raw: CellValue): SheetValue {
  const reading = readRating(raw, framework.ratingScale);
  return reading.kind === 'blank' ? '' : asSheetValue(canonicalRating(reading, framework.ratingScale));
}

function missing(saved: SavedCriterion, label: string): WorkbookProblem {
  return {
    key: `${CHANGED_SINCE_APPROVAL}:${saved.area}#${saved.criterionId}`,
    ruleId: CHANGED_SINCE_APPROVAL,
    severity: 'error',
    area: saved.area,
    criterionId: saved.criterionId,
    message: `Criterion ${saved.criterionId} of area ${saved.area} (${saved.areaName}) is no longer on its sheet; the approved snapshot (${label}) has it.`,
  };
}

/**
 * While the workbook is finalised (its Sign-off record says so last), the cells that differ from
 * its latest Approved snapshot; a missing or unreadable snapshot is a problem of its own, since
 * nothing then shows what was approved. Nothing for a workbook never finalised, or reopened.
 */
export function approvalProblems(
  framework: Framework,
  snapshot: WorkbookSnapshot,
  responses: readonly ResponseRow[],
): WorkbookProblem[] {
  const record = snapshot.signOff?.record;
  if (!record) return [];
  const state = signOffStateOf(readSignOffRecord(record).entries);
  if (state.status !== 'finalised') return [];
  const read = snapshot.signOff?.saved ? readSavedResponses(snapshot.signOff.saved) : null;
  const approved = read ? latestApproved(read.snapshots) : null;
  if (approved === null) {
    const why =
      read === null ? `there is no ${SAVED_RESPONSES_SHEET} sheet` : 'it holds no Approved snapshot';
    return [
      {
        key: `${CHANGED_SINCE_APPROVAL}:no-snapshot`,
        ruleId: CHANGED_SINCE_APPROVAL,
        severity: 'error',
        sheet: SAVED_RESPONSES_SHEET,
        message: `The workbook is finalised, but ${why}${read && read.problems.length > 0 ? ` it can read (${read.problems.join(' ')})` : ''}, so nothing shows what was approved. Reopen it from the add-in and finalise it again.`,
      },
    ];
  }
  return changesSinceApproval(framework, approved, responses);
}
