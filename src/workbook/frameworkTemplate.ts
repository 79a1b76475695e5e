/**
 * A framework laid out as sheets (the format in src/domain/framework/sheets/format.ts), as a plan
 * the .xlsx writer writes: the template an officer downloads to write their own framework in
 * Excel, filled with a framework to start from. Reading the file back
 * (`loadFrameworkSheets`) gives the same framework.
 */
import {
  ABOUT_ROWS,
  AREA_SHEET_COLUMNS,
  CRITERION_COLUMNS,
  FRAMEWORK_SHEETS,
  frameworkToFile,
  LEVEL_COLUMNS,
  POINT_COLUMNS,
  QUESTION_COLUMNS,
  TEXT_STATUSES,
  type AboutKey,
  type Framework,
  type FrameworkFile,
  type TableColumn,
} from '../domain';
import { rect, sheetName } from './address';
import { COLOURS, LAYOUT_VERSION } from './layout';
import type { PlanCell, SheetPlan, WorkbookPlan } from './plan';
import { SheetBuilder } from './sheets/sheetBuilder';

/** Rows below the framework's own kept ready for more (the ID column as text, the status list). */
const SPARE_ROWS = 200;

const README_SHEET = 'Read me';

const README_LINES: readonly string[] = [
  'Your own framework, written in Excel',
  '',
  'Each sheet holds one part of the framework: About (its id, version, title, source and level rule), Levels, Areas, Rating scale, Criteria and Questions.',
  'Keep the headings in row 1 of each sheet (and the labels in column A of About); add, change or remove rows below them.',
  'Criteria: one row per criterion. Area and Level are numbers from the Areas and Levels sheets; the ID starts with the level number (2.14 is at level 2).',
  'Type criterion text word for word from your copy of the framework. Text status is complete, fragment (only part is known) or absent (not known: leave the text blank).',
  'Questions: the questions to ask in self-assessment, one a row, for an area at a level. Leave the sheet with its headings only if there are none.',
  'When you change the criteria, change the Version on About too, so that assessments made from each version stay apart.',
  'In the add-in: Set up, Framework, "Use your own framework file", then choose this file. Problems are listed by sheet and cell.',
];

function header<K extends string>(sheet: SheetBuilder, columns: readonly TableColumn<K>[]): void {
  sheet.block(1, 1, [columns.map((c) => c.header)]);
  sheet.format(rect(1, 1, 1, columns.length), { bold: true, fill: COLOURS.header, borderBottom: true });
  columns.forEach((c, i) => sheet.column(i + 1, c.width));
}

function table<K extends string>(
  name: string,
  columns: readonly TableColumn<K>[],
  rows: readonly Record<K, PlanCell>[],
  extra?: (sheet: SheetBuilder) => void,
): SheetPlan {
  const sheet = new SheetBuilder(sheetName(name), 'framework');
  header(sheet, columns);
  if (rows.length > 0)
    sheet.block(
      2,
      1,
      rows.map((r) => columns.map((c) => r[c.key])),
    );
  sheet.format(rect(2, 1, rows.length + SPARE_ROWS, columns.length), { wrap: true, verticalTop: true });
  extra?.(sheet);
  return sheet.build({ visible: true, protect: false, landscape: true, freeze: { rows: 1, columns: 0 } });
}

function aboutSheet(file: FrameworkFile): SheetPlan {
  const values: Record<AboutKey, PlanCell | readonly string[]> = {
    id: file.id,
    version: file.version,
    title: file.title,
    document: file.source.document,
    date: file.source.date ?? null,
    seed: file.source.seed ?? null,
    provenance: file.source.provenance ?? null,
    naLabel: file.ratingScale.notApplicable.label,
    naAliases: file.ratingScale.notApplicable.aliases,
    metThreshold: file.levelRule.metThreshold,
    requiredShare: file.levelRule.requiredShare,
  };
  const width = Math.max(2, 1 + file.ratingScale.notApplicable.aliases.length);
  const sheet = new SheetBuilder(sheetName(FRAMEWORK_SHEETS.about), 'framework');
  const row = (first: PlanCell, rest: readonly PlanCell[]) =>
    [first, ...rest, ...Array<PlanCell>(width - rest.length).fill(null)].slice(0, width + 1);
  sheet.block(1, 1, [
    row('Field', ['Value']),
    ...ABOUT_ROWS.map((r) => {
      const value = values[r.key];
      return row(r.label, Array.isArray(value) ? value : [value as PlanCell]);
    }),
  ]);
  sheet.format(rect(1, 1, 1, width + 1), { bold: true, fill: COLOURS.header, borderBottom: true });
  sheet.format(rect(2, 2, ABOUT_ROWS.length, width), { wrap: true, verticalTop: true });
  sheet.column(1, 190).column(2, 380);
  return sheet.build({ visible: true, protect: false, landscape: true });
}

function readMeSheet(): SheetPlan {
  const sheet = new SheetBuilder(sheetName(README_SHEET), 'framework');
  sheet.block(
    1,
    1,
    README_LINES.map((line) => [line]),
  );
  sheet.format(rect(1, 1, 1, 1), { bold: true, fontSize: 14 });
  sheet.format(rect(2, 1, README_LINES.length - 1, 1), { wrap: true, verticalTop: true });
  sheet.column(1, 560);
  return sheet.build({ visible: true, protect: false, landscape: false });
}

/** The framework as a workbook of sheets: Read me, About, Levels, Areas, Rating scale, Criteria, Questions. */
export function frameworkTemplatePlan(framework: Framework): WorkbookPlan {
  const file = frameworkToFile(framework);
  const criteria = table(
    FRAMEWORK_SHEETS.criteria,
    CRITERION_COLUMNS,
    file.criteria.map((c) => ({ ...c, note: c.note ?? null })),
    (sheet) => {
      const count = file.criteria.length + SPARE_ROWS;
      const column = (key: string) => CRITERION_COLUMNS.findIndex((c) => c.key === key) + 1;
      // Typed into a text cell, 2.10 stays 2.10 instead of becoming the number 2.1.
      sheet.format(rect(2, column('id'), count, 1), { numberFormat: '@' });
      sheet.validate({
        kind: 'list',
        range: rect(2, column('textStatus'), count, 1),
        items: TEXT_STATUSES,
        prompt: {
          title: 'Text status',
          message: 'complete, fragment (only part known) or absent (not known)',
        },
        error: { title: 'Not a text status', message: `Choose ${TEXT_STATUSES.join(', ')} from the list.` },
      });
    },
  );
  const questions = (file.questions ?? []).flatMap((set) =>
    set.questions.map((question) => ({ area: set.area, level: set.level, question })),
  );
  return {
    meta: {
      layoutVersion: LAYOUT_VERSION,
      frameworkId: file.id,
      frameworkVersion: file.version,
      frameworkTitle: file.title,
    },
    sheets: [
      readMeSheet(),
      aboutSheet(file),
      table(FRAMEWORK_SHEETS.levels, LEVEL_COLUMNS, file.levels),
      table(FRAMEWORK_SHEETS.areas, AREA_SHEET_COLUMNS, file.areas),
      table(FRAMEWORK_SHEETS.ratingScale, POINT_COLUMNS, file.ratingScale.points),
      criteria,
      table(FRAMEWORK_SHEETS.questions, QUESTION_COLUMNS, questions),
    ],
    names: [],
    charts: [],
  };
}
