/**
 * The Group responses sheet: every organisation's rating of every criterion, one row each, as its
 * file holds it, and what the rating counts as by the same formula as an area sheet's "Counts as"
 * column (ratingFormulas.ts `countsAs`), with that organisation's threshold from the Group
 * comparison sheet. The comparison's levels are counts over these rows, so they can be traced.
 */
import type { CellValue, Framework } from '../../domain';
import { cell, rect } from '../address';
import { formula } from '../formula';
import { COLOURS } from '../layout';
import type { PlanCell, SheetPlan } from '../plan';
import { countsAs } from '../ratingFormulas';
import { SheetBuilder } from '../sheets/sheetBuilder';
import type { GroupMember } from './groupInput';
import {
  GROUP_RESPONSES_SHEET,
  groupCell,
  RESPONSE_COLUMNS as C,
  RESPONSES_FIRST_ROW,
  RESPONSES_HEADER_ROW,
  type GroupLayout,
} from './groupLayout';

/** A rating as a cell holds it: a date (which no reader gives for a rating) as its text, so it stays not recognised. */
export function ratingCell(value: CellValue): PlanCell {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  return value;
}

export function buildGroupResponsesSheet(
  framework: Framework,
  members: readonly GroupMember[],
  layout: GroupLayout,
): SheetPlan {
  const sheet = new SheetBuilder(GROUP_RESPONSES_SHEET, 'report');
  sheet.block(1, 1, [['Group responses']]);
  sheet.block(2, 1, [
    [
      'Every rating of every organisation in the group, as its file held it when the comparison was made. "Counts as" uses the organisation\'s own threshold (on the Group comparison sheet); the levels there are counted from these rows.',
    ],
  ]);
  sheet.block(RESPONSES_HEADER_ROW, 1, [
    ['No.', 'Organisation', 'Period', 'Area', 'Area name', 'Level', 'ID', 'Rating', 'Counts as'],
  ]);
  const areaNames = new Map(framework.areas.map((a) => [a.number, a.shortName]));
  const naLabel = framework.ratingScale.notApplicable.label;
  const rows: PlanCell[][] = [];
  for (const m of members) {
    const refs = {
      scaleValues: layout.scaleValues,
      metThreshold: groupCell(layout.memberRow(m.number), layout.table.threshold),
    };
    framework.criteria.forEach((c, i) => {
      const row = RESPONSES_FIRST_ROW + rows.length;
      rows.push([
        m.number,
        m.organisation,
        m.period,
        c.area,
        areaNames.get(c.area) ?? '',
        c.level,
        c.id,
        ratingCell(m.responses[i]?.rating),
        { formula: formula(countsAs(refs, cell(row, C.rating), naLabel)) },
      ]);
    });
  }
  if (rows.length > 0) sheet.block(RESPONSES_FIRST_ROW, 1, rows);
  sheet.block(RESPONSES_HEADER_ROW, C.scale, [['Rating scale', 'Levels']]);
  const listed = Math.max(framework.ratingScale.points.length, framework.levels.length);
  sheet.block(
    RESPONSES_FIRST_ROW,
    C.scale,
    Array.from({ length: listed }, (_, i) => [
      framework.ratingScale.points[i]?.value ?? null,
      sortedLevels(framework)[i]?.name ?? null,
    ]),
  );
  sheet.format(cell(1, 1), { bold: true, fontSize: 16, fontColor: COLOURS.title });
  sheet.format(cell(2, 1), { italic: true });
  sheet.format(rect(RESPONSES_HEADER_ROW, 1, 1, C.levelNames), {
    bold: true,
    fill: COLOURS.header,
    borderBottom: true,
  });
  // Numbers centred, so a number does not run into the name beside it.
  for (const column of [C.number, C.area, C.level, C.rating]) {
    sheet.format(rect(RESPONSES_FIRST_ROW, column, Math.max(1, rows.length), 1), { horizontal: 'center' });
  }
  sheet
    .column(C.number, 40)
    .column(C.organisation, 160)
    .column(C.period, 70)
    .column(C.area, 40)
    .column(C.areaName, 110)
    .column(C.level, 40)
    .column(C.id, 45)
    .column(C.rating, 60)
    .column(C.countsAs, 90)
    .column(C.scale, 70)
    .column(C.levelNames, 110);
  return sheet.build({
    visible: true,
    protect: true,
    landscape: false,
    tabColor: COLOURS.tab,
    freeze: { rows: RESPONSES_HEADER_ROW, columns: 0 },
    printTitleRows: RESPONSES_HEADER_ROW,
  });
}

function sortedLevels(framework: Framework) {
  return [...framework.levels].sort((a, b) => a.number - b.number);
}
