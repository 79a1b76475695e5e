/**
 * The archive sheet: responses and cells of the officer's that a regenerated or upgraded workbook
 * has no place for, with the framework, version and criterion they belonged to. Rows are only
 * ever added: each regeneration carries the rows already there unchanged and appends new ones.
 */
import { cell, rect, sheetName, type SheetName } from '../address';
import { COLOURS } from '../layout';
import type { PlanCell, SheetPlan } from '../plan';
import { withPlacedCells, type PlacedCell } from '../placedCells';
import { SheetBuilder } from './sheetBuilder';

export const ARCHIVE_SHEET: SheetName = sheetName('Archived responses');
/** Cell A1 of the archive; the add-in treats a sheet of that name as its own only when A1 says this. */
export const ARCHIVE_TITLE = 'Archived responses (kept by the add-in when regenerating)';
export const ARCHIVE_HEADER_ROW = 4;
export const ARCHIVE_FIRST_ROW = 5;

export type ArchiveColumnKey =
  | 'framework'
  | 'version'
  | 'criterionId'
  | 'sheet'
  | 'row'
  | 'text'
  | 'reason'
  | 'rating'
  | 'evidence'
  | 'difference'
  | 'owner'
  | 'reviewDate'
  | 'notes'
  | 'ownColumns';

export const ARCHIVE_COLUMNS: readonly { key: ArchiveColumnKey; header: string; width: number }[] = [
  { key: 'framework', header: 'Framework', width: 70 },
  { key: 'version', header: 'Version', width: 90 },
  { key: 'criterionId', header: 'Criterion ID', width: 50 },
  { key: 'sheet', header: 'Was on sheet', width: 100 },
  { key: 'row', header: 'Row', width: 36 },
  { key: 'text', header: 'Criterion', width: 260 },
  { key: 'reason', header: 'Why it is here', width: 220 },
  { key: 'rating', header: 'Rating', width: 54 },
  { key: 'evidence', header: 'How was this done and what is the evidence?', width: 200 },
  { key: 'difference', header: 'What difference has this made?', width: 180 },
  { key: 'owner', header: 'Owner', width: 90 },
  { key: 'reviewDate', header: 'Review date', width: 72 },
  { key: 'notes', header: 'Notes', width: 160 },
  { key: 'ownColumns', header: 'Your own cells (where they were, then their values)', width: 160 },
];

export function archiveColumn(key: ArchiveColumnKey): number {
  const index = ARCHIVE_COLUMNS.findIndex((c) => c.key === key);
  if (index < 0) throw new RangeError(`no archive column "${key}"`);
  return index + 1;
}

/**
 * The archive sheet with `cells` (kept rows and new rows, already at their places) written
 * after its headings. Not protected: the rows are the officer's record to read and annotate.
 */
export function buildArchiveSheet(cells: readonly PlacedCell[]): SheetPlan {
  const sheet = new SheetBuilder(ARCHIVE_SHEET, 'archive');
  sheet.block(1, 1, [[ARCHIVE_TITLE]]);
  sheet.block(2, 1, [
    [
      'Responses and cells that the current framework has no place for, kept exactly as they were when the workbook was regenerated or upgraded. The add-in adds rows here and never removes them; formulas are kept as their text.',
    ],
  ]);
  sheet.format(cell(1, 1), { bold: true, fontSize: 14, fontColor: COLOURS.title });
  sheet.format(cell(2, 1), { italic: true });
  const headers: PlanCell[] = ARCHIVE_COLUMNS.map((c) => c.header);
  sheet.block(ARCHIVE_HEADER_ROW, 1, [headers]);
  sheet.format(rect(ARCHIVE_HEADER_ROW, 1, 1, ARCHIVE_COLUMNS.length), {
    bold: true,
    fill: COLOURS.header,
    wrap: true,
    verticalTop: true,
    borderBottom: true,
  });
  ARCHIVE_COLUMNS.forEach((c, i) => sheet.column(i + 1, c.width));
  const built = sheet.build({
    visible: true,
    protect: false,
    landscape: true,
    freeze: { rows: ARCHIVE_HEADER_ROW, columns: 0 },
    printTitleRows: ARCHIVE_HEADER_ROW,
  });
  return withPlacedCells(built, cells, { formulasAsText: true });
}
