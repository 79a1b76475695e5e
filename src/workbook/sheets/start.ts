import {
  type Framework,
  wrapWords,
  CHECK_START_SHEET,
  NO_APPLICABLE_CRITERIA,
  PROVISIONAL_WORDS,
  notYetText,
  MAX_REQUIRED_SHARE,
  MIN_REQUIRED_SHARE,
} from '../../domain';
import { cell, rect, sheetName, type A1 } from '../address';
import { COLOURS, SUMMARY_SHEET, START_SHEET } from '../layout';
import type { PlanCell, SheetPlan } from '../plan';
import type { PlanSettings } from '../settings';
import { SheetBuilder } from './sheetBuilder';

/** Where the Start sheet keeps each thing the formulas and the add-in read. */
export interface StartLayout {
  readonly organisation: A1;
  readonly period: A1;
  readonly metThreshold: A1;
  readonly requiredShare: A1;
  readonly scaleValues: A1;
  readonly levelNames: A1;
}

const LABEL_COL = 1;
const VALUE_COL = 2;
const NOTE_COL = 3;
/** Characters per printed line of the rule: columns A to C, 640 points of 11-point Calibri. */
const RULE_LINE_WIDTH = 105;
const ABOUT_ROW = 4;
const SETTINGS_ROW = 11;
/**
 * The row between About and Settings, which a new workbook leaves blank: a workbook started from
 * another one's last period says there where it came from (rollForwardSheets.ts).
 */
export const START_CARRIED_FROM_ROW = ABOUT_ROW + 6;
const RULE_ROW = 15;

/**
 * The rows of the Start sheet's parts. They follow from the framework alone (its rule text, scale
 * and levels), never from the settings' values, so readers and the builder share them.
 */
interface StartRows {
  readonly ruleLines: readonly string[];
  readonly scaleTop: number;
  readonly naRow: number;
  readonly levelsTop: number;
  readonly sheetsTop: number;
  readonly lastRow: number;
}

function startRows(framework: Framework): StartRows {
  const ruleLines = ruleText(framework).flatMap((r) => wrapWords(r, RULE_LINE_WIDTH));
  const scaleTop = RULE_ROW + 1 + ruleLines.length + 1;
  const naRow = scaleTop + 2 + framework.ratingScale.points.length;
  const levelsTop = naRow + 2;
  const sheetsTop = levelsTop + 3 + framework.levels.length;
  // One row per area, then the Summary.
  const lastRow = sheetsTop + framework.areas.length + 1;
  return { ruleLines, scaleTop, naRow, levelsTop, sheetsTop, lastRow };
}

/** The Start sheet's last row (the Summary in its list of sheets): anything added goes below. */
export function startLastRow(framework: Framework): number {
  return startRows(framework).lastRow;
}

/** Where the Start sheet's settings are: positions as data, without building the sheet. */
export function startLayoutOf(framework: Framework): StartLayout {
  const rows = startRows(framework);
  return {
    organisation: cell(ABOUT_ROW + 1, VALUE_COL),
    period: cell(ABOUT_ROW + 2, VALUE_COL),
    metThreshold: cell(SETTINGS_ROW + 1, VALUE_COL),
    requiredShare: cell(SETTINGS_ROW + 2, VALUE_COL),
    scaleValues: rect(rows.scaleTop + 2, LABEL_COL, framework.ratingScale.points.length, 1),
    levelNames: rect(rows.levelsTop + 2, VALUE_COL, framework.levels.length, 1),
  };
}

/** The level rule in the officer's words, one sentence per entry. */
function ruleText(framework: Framework): string[] {
  const na = framework.ratingScale.notApplicable.label;
  const firstLevel = framework.levels[0]?.name ?? 'the first level';
  return [
    `Each criterion is rated on the scale below, or marked ${na} when it does not apply (say why in Notes).`,
    'An area reaches a level when, at that level and at every level below it, the share of applicable criteria that are met is at least the required share above.',
    `Criteria marked ${na} are left out of the count. A level with nothing applicable neither holds an area back nor lifts it: an area is only ever shown at a level at which something applies. An area with nothing applicable at all shows "${NO_APPLICABLE_CRITERIA}" and is left out of the organisation's level.`,
    `Criteria not yet answered count as not met. A result is provisional ("Yes") only while some unanswered criterion could still change it; "${PROVISIONAL_WORDS.settled}" means no answer still to come could change it.`,
    `The organisation's level is the lowest level of its ${framework.areas.length} areas. An area that has not reached ${firstLevel} shows "${notYetText(firstLevel)}". While a setting above is blank, text or out of range, the Summary shows "${CHECK_START_SHEET}" instead of any level.`,
    'No published rule turns ratings into a level: this rule is an assumption your organisation can change with the settings above. Achieving and Excellent were historically confirmed by external peer challenge.',
  ];
}

export function buildStartSheet(
  framework: Framework,
  settings: PlanSettings,
): { sheet: SheetPlan; layout: StartLayout } {
  const sheet = new SheetBuilder(sheetName(START_SHEET), 'start');
  const layout = startLayoutOf(framework);
  const rows = startRows(framework);
  const heading = (row: number, text: string) => {
    sheet.block(row, LABEL_COL, [[text]]);
    sheet.format(cell(row, LABEL_COL), { bold: true, fontSize: 12, fontColor: COLOURS.title });
  };

  sheet.block(1, LABEL_COL, [['Equality self-assessment']]);
  sheet.format(cell(1, LABEL_COL), { bold: true, fontSize: 16, fontColor: COLOURS.title });
  sheet.block(2, LABEL_COL, [[framework.title]]);
  sheet.format(cell(2, LABEL_COL), { italic: true });

  heading(ABOUT_ROW, 'About this assessment');
  writeAbout(sheet, framework, settings);
  heading(SETTINGS_ROW, 'Settings (you can change these)');
  writeSettings(sheet, framework, settings, layout);
  heading(RULE_ROW, 'How a level is reached');
  // One printed line per cell: the plan has no merged cells, and a long sentence in one cell
  // would run past the printed page. Each sentence starts on a new line.
  sheet.block(
    RULE_ROW + 1,
    LABEL_COL,
    rows.ruleLines.map((r) => [r]),
  );
  heading(rows.scaleTop, 'Rating scale');
  writeScale(sheet, framework, rows);
  heading(rows.levelsTop, 'Levels');
  writeLevels(sheet, framework, rows);
  heading(rows.sheetsTop, 'Sheets in this workbook');
  const sheetRows: PlanCell[][] = [
    ...framework.areas.map((a) => [a.shortName, `Area ${a.number}: ${a.name}`]),
    [SUMMARY_SHEET, 'Levels, shares met and completeness, calculated by formulas, with charts'],
  ];
  sheet.block(rows.sheetsTop + 1, LABEL_COL, sheetRows);

  sheet.column(LABEL_COL, 170).column(VALUE_COL, 170).column(NOTE_COL, 300);
  sheet.format(rect(ABOUT_ROW + 1, NOTE_COL, 9, 1), { wrap: true, verticalTop: true, italic: true });

  return {
    sheet: sheet.build({
      visible: true,
      protect: true,
      landscape: false,
      tabColor: COLOURS.title,
      print: { onePage: true, printArea: rect(1, LABEL_COL, rows.lastRow, NOTE_COL), who: settings },
    }),
    layout,
  };
}

/** Who, when and which framework; the organisation and period are the officer's to type. */
function writeAbout(sheet: SheetBuilder, framework: Framework, settings: PlanSettings): void {
  const about: PlanCell[][] = [
    ['Organisation', settings.organisation, 'Type your organisation’s name.'],
    ['Assessment period', settings.period, 'For example 2026/27.'],
    ['Framework', framework.title, ''],
    ['Framework id and version', `${framework.id} ${framework.version}`, 'Set by the add-in; do not edit.'],
    ['Source', framework.source.document, ''],
  ];
  sheet.block(ABOUT_ROW + 1, LABEL_COL, about);
  sheet.format(rect(ABOUT_ROW + 1, VALUE_COL, 2, 1), { locked: false, fill: COLOURS.absentText });
}

/** The level rule's two settings, unlocked, each with a validation that refuses what misleads. */
function writeSettings(
  sheet: SheetBuilder,
  framework: Framework,
  settings: PlanSettings,
  layout: StartLayout,
): void {
  const settingsRows: PlanCell[][] = [
    [
      'Met threshold',
      settings.metThreshold,
      `A criterion counts as met when its rating is at or above this value (the default is ${framework.levelRule.metThreshold}; 4 is a strict reading).`,
    ],
    [
      'Required share met for a level',
      settings.requiredShare,
      'The share of applicable criteria at a level, and at every level below it, that must be met: a whole percentage (100% means all of them).',
    ],
  ];
  sheet.block(SETTINGS_ROW + 1, LABEL_COL, settingsRows);
  sheet.format(rect(SETTINGS_ROW + 1, VALUE_COL, 2, 1), {
    locked: false,
    fill: COLOURS.absentText,
    bold: true,
  });
  sheet.format(layout.requiredShare, { numberFormat: '0%' });
  sheet.validate({
    kind: 'list',
    allowBlank: false,
    range: layout.metThreshold,
    items: framework.ratingScale.points.map((p) => String(p.value)),
    prompt: { title: 'Met threshold', message: 'The lowest rating that counts as met.' },
    error: { title: 'Not on the scale', message: 'Choose a value from the rating scale.' },
  });
  sheet.validate({
    kind: 'decimal',
    allowBlank: false,
    range: layout.requiredShare,
    min: MIN_REQUIRED_SHARE,
    max: MAX_REQUIRED_SHARE,
    prompt: {
      title: 'Required share',
      message: 'A whole percentage from 1% to 100%. 100% means every applicable criterion.',
    },
    error: { title: 'Not a share', message: 'Type a whole percentage from 1% to 100%, such as 80%.' },
  });
}

/** The rating scale (the values the formulas read) and the N/A label. */
function writeScale(sheet: SheetBuilder, framework: Framework, rows: StartRows): void {
  const scale = framework.ratingScale;
  sheet.block(rows.scaleTop + 1, LABEL_COL, [['Rating', 'Meaning']]);
  sheet.format(rect(rows.scaleTop + 1, LABEL_COL, 1, 2), { bold: true, fill: COLOURS.header });
  sheet.block(
    rows.scaleTop + 2,
    LABEL_COL,
    scale.points.map((p) => [p.value, p.label]),
  );
  sheet.block(rows.naRow, LABEL_COL, [[scale.notApplicable.label, 'Not applicable: say why in Notes']]);
  sheet.format(rect(rows.scaleTop + 2, LABEL_COL, scale.points.length + 1, 1), { horizontal: 'left' });
}

/** The levels in order (their names are what the formulas show). */
function writeLevels(sheet: SheetBuilder, framework: Framework, rows: StartRows): void {
  sheet.block(rows.levelsTop + 1, LABEL_COL, [['Level', 'Name', 'What it means']]);
  sheet.format(rect(rows.levelsTop + 1, LABEL_COL, 1, 3), { bold: true, fill: COLOURS.header });
  sheet.block(
    rows.levelsTop + 2,
    LABEL_COL,
    framework.levels.map((l) => [l.number, l.name, l.strapline]),
  );
}
