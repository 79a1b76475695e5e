/**
 * The Action plan sheet: the engine's action list, with Owner, Target date and Notes for the
 * officer to fill in. The add-in rewrites it on every refresh from the action list merged with
 * what it read here, keyed by area and criterion id (src/domain/report/actionPlan.ts says how), so typed
 * text survives; formatting the officer added to the rows does not.
 */
import { type Framework, stateText, type ActionPlanEntry, type TypedAction } from '../../domain';
import { cell, rect, sheetName } from '../address';
import { COLOURS } from '../layout';
import type { PlanCell, SheetPlan } from '../plan';
import { bottomOf, valueAt, type RangeSnapshot } from '../snapshot';
import { SheetBuilder } from './sheetBuilder';

export const ACTION_PLAN_SHEET = 'Action plan';
const HEADER_ROW = 4;
const FIRST_ROW = 5;
/** Blank input rows below the list, for actions the officer adds by hand. */
const SPARE_ROWS = 10;

export const ACTION_PLAN_COLUMNS = [
  { key: 'id', header: 'ID', width: 40 },
  { key: 'area', header: 'Area', width: 90 },
  { key: 'level', header: 'Level', width: 66 },
  { key: 'text', header: 'Criterion', width: 300 },
  { key: 'status', header: 'Status', width: 110 },
  { key: 'rating', header: 'Rating', width: 50 },
  { key: 'owner', header: 'Owner', width: 90 },
  { key: 'targetDate', header: 'Target date', width: 72 },
  { key: 'notes', header: 'Notes', width: 220 },
] as const;

type ColumnKey = (typeof ACTION_PLAN_COLUMNS)[number]['key'];

function column(key: ColumnKey): number {
  return ACTION_PLAN_COLUMNS.findIndex((c) => c.key === key) + 1;
}

function criterionWords(entry: ActionPlanEntry): string {
  if (entry.state === 'unknown') return '';
  if (entry.textStatus === 'absent' || entry.text.trim() === '')
    return '(wording not in the source: see the area sheet)';
  return entry.text;
}

export function buildActionPlanSheet(framework: Framework, entries: readonly ActionPlanEntry[]): SheetPlan {
  const sheet = new SheetBuilder(sheetName(ACTION_PLAN_SHEET), 'report');
  const width = ACTION_PLAN_COLUMNS.length;
  sheet.block(1, 1, [['Action plan']]);
  sheet.format(cell(1, 1), { bold: true, fontSize: 14, fontColor: COLOURS.title });
  sheet.block(2, 1, [
    [
      `Every applicable criterion of ${framework.title} not yet met, those blocking an area's next level first. ` +
        'Type in Owner, Target date and Notes: refreshing from the add-in keeps them (matched by ID), and keeps rows now met, marked done, when you typed in them.',
    ],
  ]);
  sheet.format(cell(2, 1), { italic: true });
  sheet.block(HEADER_ROW, 1, [ACTION_PLAN_COLUMNS.map((c) => c.header)]);
  sheet.format(rect(HEADER_ROW, 1, 1, width), {
    bold: true,
    fill: COLOURS.header,
    wrap: true,
    verticalTop: true,
  });

  const rows = entries.map((e): PlanCell[] => [
    e.criterionId,
    e.areaShortName,
    e.levelName,
    criterionWords(e),
    stateText(e),
    typeof e.rating === 'number'
      ? e.rating
      : e.rating === null || e.rating === undefined
        ? ''
        : String(e.rating),
    plain(e.owner),
    typeof e.targetDate === 'number' ? e.targetDate : plain(e.targetDate),
    plain(e.notes),
  ]);
  const spare = Array.from({ length: SPARE_ROWS }, (): PlanCell[] => ACTION_PLAN_COLUMNS.map(() => null));
  sheet.block(FIRST_ROW, 1, [...rows, ...spare]);
  const count = rows.length + SPARE_ROWS;
  sheet.format(rect(FIRST_ROW, 1, count, width), { wrap: true, verticalTop: true });
  sheet.format(rect(FIRST_ROW, column('owner'), count, 3), { locked: false, fill: COLOURS.input });
  // The ID of a spare row is typed too, so the officer's own actions keep their notes.
  sheet.format(rect(FIRST_ROW + rows.length, column('id'), SPARE_ROWS, 1), { locked: false });
  sheet.format(rect(FIRST_ROW, column('targetDate'), count, 1), { numberFormat: 'dd/mm/yyyy' });
  ACTION_PLAN_COLUMNS.forEach((c, i) => sheet.column(i + 1, c.width));
  return sheet.build({
    visible: true,
    protect: true,
    landscape: true,
    tabColor: COLOURS.title,
    freeze: { rows: HEADER_ROW, columns: 0 },
    printTitleRows: HEADER_ROW,
  });
}

function plain(value: unknown): PlanCell {
  if (value === null || value === undefined) return '';
  return typeof value === 'number' || typeof value === 'boolean' ? value : String(value);
}

/** What the officer typed on the sheet, row by row (rows without an ID are skipped). */
export function typedActionsFrom(range: RangeSnapshot): TypedAction[] {
  const typed: TypedAction[] = [];
  for (let row = FIRST_ROW; row <= bottomOf(range); row++) {
    const id = String(valueAt(range, row, column('id'))).trim();
    if (id === '') continue;
    typed.push({
      criterionId: id,
      area: valueAt(range, row, column('area')),
      owner: valueAt(range, row, column('owner')),
      targetDate: valueAt(range, row, column('targetDate')),
      notes: valueAt(range, row, column('notes')),
    });
  }
  return typed;
}

/** Rows where something is typed but the ID is blank: the add-in cannot match them, so it says so. */
export function unmatchedRows(range: RangeSnapshot): string[] {
  const problems: string[] = [];
  for (let row = FIRST_ROW; row <= bottomOf(range); row++) {
    const id = String(valueAt(range, row, column('id'))).trim();
    const typed = (['owner', 'targetDate', 'notes'] as const).some(
      (k) => valueAt(range, row, column(k)) !== '',
    );
    if (id === '' && typed) {
      problems.push(
        `${ACTION_PLAN_SHEET}!A${row} is blank but the row has an owner, date or notes; give it a criterion ID (or your own label) so the add-in can keep it.`,
      );
    }
  }
  return problems;
}
