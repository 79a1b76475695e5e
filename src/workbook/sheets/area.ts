import { hasGuidance, type Area, type Criterion, type Framework } from '../../domain';
import { rect, sheetName, cell, type A1 } from '../address';
import { formula } from '../formula';
import {
  AREA_FIRST_DATA_ROW,
  AREA_HEADER_ROW,
  COLOURS,
  areaLayout,
  type AreaColumnKey,
  type AreaLayout,
} from '../layout';
import type { PlanCell, SheetPlan } from '../plan';
import { countsAs, type FormulaRefs } from '../ratingFormulas';
import { SheetBuilder } from './sheetBuilder';
import { ratingPrompt, ratingItems } from './ratingScaleText';
import { areaHighlights, CHECKED_BY_ADD_IN } from './highlights';
import { guidanceCells } from './guidance';

/**
 * What the Source text column says. A fragment is the end of the criterion (the page with its
 * start is missing), so it stays in the Criterion cell for the officer to type the start before
 * it, and is quoted here too, so it is still in view if the officer retypes the whole cell.
 */
function textStatusWords(c: Criterion): string {
  if (c.textStatus === 'complete') return 'Complete';
  if (c.textStatus === 'absent')
    return 'Not in the source: type the wording from your own copy in the Criterion cell';
  return `Fragment: the source keeps only the last words, “${c.text.trim()}”. Type the full wording in the Criterion cell`;
}

/** The columns of an area's sheet: with Guidance when the framework gives guidance for the area. */
export function areaLayoutOf(framework: Framework, area: number): AreaLayout {
  return areaLayout(hasGuidance(framework, area));
}

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
export function areaColumnRange(framework: Framework, area: number, key: AreaColumnKey): A1 {
  const { first, last } = areaDataRows(framework, area);
  return rect(first, areaLayoutOf(framework, area).column(key), Math.max(1, last - first + 1), 1);
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
  const layout = areaLayoutOf(framework, area.number);
  writeHeading(sheet, framework, area, layout);
  if (criteria.length > 0) {
    sheet.block(AREA_FIRST_DATA_ROW, 1, criterionRows(framework, criteria, refs, layout));
    formatCriteria(sheet, criteria, layout);
    validateCriteria(sheet, framework, criteria.length, layout);
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
        layout.columns.filter((c) => !c.hidden).length,
      ),
    },
  });
}

/** The title, the instructions, what only the add-in checks, and the table's header row. */
function writeHeading(sheet: SheetBuilder, framework: Framework, area: Area, layout: AreaLayout): void {
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

  sheet.block(AREA_HEADER_ROW, 1, [layout.columns.map((c) => c.header)]);
  sheet.format(rect(AREA_HEADER_ROW, 1, 1, layout.columns.length), {
    bold: true,
    fill: COLOURS.header,
    wrap: true,
    verticalTop: true,
    borderBottom: true,
  });
  layout.columns.forEach((c, i) => sheet.column(i + 1, c.width, c.hidden ?? false));
}

/** One row per criterion: what the framework says, blank inputs, and the "Counts as" formula. */
function criterionRows(
  framework: Framework,
  criteria: readonly Criterion[],
  refs: FormulaRefs,
  layout: AreaLayout,
): PlanCell[][] {
  const levelName = new Map(framework.levels.map((l) => [l.number, l.name]));
  const naLabel = framework.ratingScale.notApplicable.label;
  const guidance = layout.guidance ? guidanceCells(framework, criteria) : [];
  return criteria.map((c, i) => {
    const row = AREA_FIRST_DATA_ROW + i;
    return layout.columns.map((col): PlanCell => {
      switch (col.key) {
        case 'id':
          return c.id;
        case 'level':
          return levelName.get(c.level) ?? String(c.level);
        case 'subTheme':
          return c.subTheme ?? '';
        case 'text':
          return c.textStatus === 'absent' ? null : c.text;
        case 'guidance':
          return guidance[i] ?? '';
        case 'textStatus':
          return textStatusWords(c);
        case 'countsAs':
          return { formula: formula(countsAs(refs, cell(row, layout.column('rating')), naLabel)) };
        case 'levelNo':
          return c.level;
        default:
          return null;
      }
    });
  });
}

/**
 * Locked framework columns and unlocked inputs. The text cell of a criterion whose source text is
 * absent or a fragment is an input like the others (unlocked, the input fill): the organisation
 * types its wording there. Complete source text stays locked.
 */
function formatCriteria(sheet: SheetBuilder, criteria: readonly Criterion[], layout: AreaLayout): void {
  const first = AREA_FIRST_DATA_ROW;
  const count = criteria.length;
  const column = (key: AreaColumnKey) => rect(first, layout.column(key), count, 1);
  sheet.format(rect(first, 1, count, layout.columns.length), { wrap: true, verticalTop: true });
  sheet.format(rect(first, 1, count, layout.column('textStatus')), { fill: COLOURS.locked });
  sheet.format(column('countsAs'), { fill: COLOURS.locked });
  for (const col of layout.columns.filter((c) => c.input)) {
    sheet.format(column(col.key), { locked: false, fill: COLOURS.input });
  }
  sheet.format(column('reviewDate'), { numberFormat: 'dd/mm/yyyy' });
  sheet.format(column('rating'), { horizontal: 'center' });
  criteria.forEach((c, i) => {
    if (c.textStatus !== 'complete') {
      sheet.format(cell(first + i, layout.column('text')), { locked: false, fill: COLOURS.input });
    }
  });
}

/** The rating list and the review date's validation, and the in-sheet highlights. */
function validateCriteria(
  sheet: SheetBuilder,
  framework: Framework,
  count: number,
  layout: AreaLayout,
): void {
  const first = AREA_FIRST_DATA_ROW;
  sheet.validate({
    kind: 'list',
    range: rect(first, layout.column('rating'), count, 1),
    items: ratingItems(framework),
    prompt: { title: 'Rating', message: ratingPrompt(framework) },
    error: { title: 'Not a rating', message: `Choose ${ratingItems(framework).join(', ')} from the list.` },
  });
  for (const highlight of areaHighlights(count, layout)) sheet.highlight(highlight);
  sheet.validate({
    kind: 'date',
    range: rect(first, layout.column('reviewDate'), count, 1),
    prompt: { title: 'Review date', message: 'A date such as 31/03/2027.' },
    error: { title: 'Not a date', message: 'Type a date such as 31/03/2027.' },
  });
}
