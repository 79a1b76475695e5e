import type { Area, Criterion, Framework, TextStatus } from '../../domain';
import { rect, sheetName, cell, type A1 } from '../address';
import { formula } from '../formula';
import { AREA_COLUMNS, AREA_FIRST_DATA_ROW, AREA_HEADER_ROW, COLOURS, areaColumn } from '../layout';
import type { PlanCell, SheetPlan } from '../plan';
import { countsAs, type FormulaRefs } from '../ratingFormulas';
import { SheetBuilder } from './sheetBuilder';
import { ratingPrompt, ratingItems } from './ratingScaleText';
import { areaHighlights, CHECKED_BY_ADD_IN } from './highlights';

const TEXT_STATUS_WORDS: Record<TextStatus, string> = {
  complete: 'Complete',
  fragment: 'Fragment: the start is missing from the source',
  absent: 'Not in the source: enter your wording in the Criterion cell',
};

/** Criteria of one area in the order the sheet lists them: by level, then by id number. */
export function areaCriteria(framework: Framework, area: number): Criterion[] {
  return framework.criteria
    .filter((c) => c.area === area)
    .sort((a, b) => a.level - b.level || idNumber(a.id) - idNumber(b.id));
}

function idNumber(id: string): number {
  return Number(id.slice(id.indexOf('.') + 1));
}

/** The data rows of an area sheet, inclusive; `last < first` when the area has no criteria. */
export function areaDataRows(framework: Framework, area: number): { first: number; last: number } {
  const count = framework.criteria.filter((c) => c.area === area).length;
  return { first: AREA_FIRST_DATA_ROW, last: AREA_FIRST_DATA_ROW + count - 1 };
}

/** A1 range of one column over an area's data rows. */
export function areaColumnRange(
  framework: Framework,
  area: number,
  key: Parameters<typeof areaColumn>[0],
): A1 {
  const { first, last } = areaDataRows(framework, area);
  return rect(first, areaColumn(key), Math.max(1, last - first + 1), 1);
}

/**
 * Each level after the first starts a new printed page: the rows where the level changes. Why at
 * every level and not only where a level's rows would not fit: row heights depend on the
 * evidence the officer writes and on the printer's fonts, so a break placed by an estimate would
 * be wrong as soon as the sheet fills in, while a page per level stays right, never leaves a
 * level's first criteria at the foot of a page after another level, and lets a reader hand over
 * one level's pages. A level longer than a page continues on the next page, broken between rows.
 */
export function levelPageBreaks(criteria: readonly Criterion[]): number[] {
  return criteria.flatMap((c, i) =>
    i > 0 && c.level !== criteria[i - 1]?.level ? [AREA_FIRST_DATA_ROW + i] : [],
  );
}

export function buildAreaSheet(framework: Framework, area: Area, refs: FormulaRefs): SheetPlan {
  const sheet = new SheetBuilder(sheetName(area.shortName), 'area');
  const criteria = areaCriteria(framework, area.number);
  writeHeading(sheet, framework, area);
  if (criteria.length > 0) {
    sheet.block(AREA_FIRST_DATA_ROW, 1, criterionRows(framework, criteria, refs));
    formatCriteria(sheet, criteria);
    validateCriteria(sheet, framework, criteria.length);
  }

  return sheet.build({
    visible: true,
    protect: true,
    landscape: true,
    tabColor: COLOURS.tab,
    freeze: { rows: AREA_HEADER_ROW, columns: 1 },
    printTitleRows: AREA_HEADER_ROW,
    area: area.number,
    // One page wide, as many tall as the criteria need; the hidden working column is left out.
    // Each level starts a page: Excel may ignore manual breaks under Fit To, so the sheet prints
    // at the percentage that fits its columns' width instead (print.ts, PrintScaling).
    print: {
      onePage: false,
      breaksBeforeRows: levelPageBreaks(criteria),
      printArea: rect(
        1,
        1,
        Math.max(AREA_HEADER_ROW, areaDataRows(framework, area.number).last),
        AREA_COLUMNS.filter((c) => !c.hidden).length,
      ),
    },
  });
}

/** The title, the instructions, what only the add-in checks, and the table's header row. */
function writeHeading(sheet: SheetBuilder, framework: Framework, area: Area): void {
  sheet.block(1, 1, [[`${area.number}. ${area.name}`]]);
  sheet.block(2, 1, [
    [
      `Rate each criterion in the Rating column (${ratingItems(framework).join(', ')}). Record the evidence, the difference it has made, an owner and a review date. "Counts as" shows how the rating is scored.`,
    ],
  ]);
  sheet.format(cell(1, 1), { bold: true, fontSize: 14, fontColor: COLOURS.title });
  sheet.format(cell(2, 1), { italic: true });
  // What the highlights mean, and what only the add-in can see: never silent about a rule.
  sheet.block(3, 1, [[CHECKED_BY_ADD_IN]]);
  sheet.format(cell(3, 1), { italic: true });

  sheet.block(AREA_HEADER_ROW, 1, [AREA_COLUMNS.map((c) => c.header)]);
  sheet.format(rect(AREA_HEADER_ROW, 1, 1, AREA_COLUMNS.length), {
    bold: true,
    fill: COLOURS.header,
    wrap: true,
    verticalTop: true,
    borderBottom: true,
  });
  AREA_COLUMNS.forEach((c, i) => sheet.column(i + 1, c.width, c.hidden ?? false));
}

/** One row per criterion: what the framework says, blank inputs, and the "Counts as" formula. */
function criterionRows(
  framework: Framework,
  criteria: readonly Criterion[],
  refs: FormulaRefs,
): PlanCell[][] {
  const levelName = new Map(framework.levels.map((l) => [l.number, l.name]));
  const naLabel = framework.ratingScale.notApplicable.label;
  return criteria.map((c, i) => {
    const row = AREA_FIRST_DATA_ROW + i;
    return AREA_COLUMNS.map((col): PlanCell => {
      switch (col.key) {
        case 'id':
          return c.id;
        case 'level':
          return levelName.get(c.level) ?? String(c.level);
        case 'subTheme':
          return c.subTheme ?? '';
        case 'text':
          return c.textStatus === 'absent' ? null : c.text;
        case 'textStatus':
          return TEXT_STATUS_WORDS[c.textStatus];
        case 'countsAs':
          return { formula: formula(countsAs(refs, cell(row, areaColumn('rating')), naLabel)) };
        case 'levelNo':
          return c.level;
        default:
          return null;
      }
    });
  });
}

/** Locked framework columns, unlocked inputs, and the text of absent or fragment criteria open to fill in. */
function formatCriteria(sheet: SheetBuilder, criteria: readonly Criterion[]): void {
  const first = AREA_FIRST_DATA_ROW;
  const count = criteria.length;
  sheet.format(rect(first, 1, count, AREA_COLUMNS.length), { wrap: true, verticalTop: true });
  sheet.format(rect(first, 1, count, areaColumn('textStatus')), { fill: COLOURS.locked });
  sheet.format(rect(first, areaColumn('countsAs'), count, 1), { fill: COLOURS.locked });
  for (const col of AREA_COLUMNS.filter((c) => c.input)) {
    sheet.format(rect(first, areaColumn(col.key), count, 1), { locked: false, fill: COLOURS.input });
  }
  sheet.format(rect(first, areaColumn('reviewDate'), count, 1), { numberFormat: 'dd/mm/yyyy' });
  sheet.format(rect(first, areaColumn('rating'), count, 1), { horizontal: 'center' });
  // Text the source lacks (absent) or only partly has (fragment) is the organisation's to fill in.
  criteria.forEach((c, i) => {
    if (c.textStatus !== 'complete') {
      sheet.format(cell(first + i, areaColumn('text')), { locked: false, fill: COLOURS.absentText });
    }
  });
}

/** The rating list and the review date's validation, and the in-sheet highlights. */
function validateCriteria(sheet: SheetBuilder, framework: Framework, count: number): void {
  const first = AREA_FIRST_DATA_ROW;
  sheet.validate({
    kind: 'list',
    range: rect(first, areaColumn('rating'), count, 1),
    items: ratingItems(framework),
    prompt: { title: 'Rating', message: ratingPrompt(framework) },
    error: { title: 'Not a rating', message: `Choose ${ratingItems(framework).join(', ')} from the list.` },
  });
  for (const highlight of areaHighlights(count)) sheet.highlight(highlight);
  sheet.validate({
    kind: 'date',
    range: rect(first, areaColumn('reviewDate'), count, 1),
    prompt: { title: 'Review date', message: 'A date such as 31/03/2027.' },
    error: { title: 'Not a date', message: 'Type a date such as 31/03/2027.' },
  });
}
