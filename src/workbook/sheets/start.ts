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

/**
 * Where the Start sheet's settings are, without building a whole plan: the positions do not depend
 * on the settings' values, so readers (checks, regenerate, the board) ask here.
 */
export function startLayoutOf(framework: Framework): StartLayout {
  return buildStartSheet(framework, { organisation: '', period: '', metThreshold: 3, requiredShare: 1 })
    .layout;
}

export function buildStartSheet(
  framework: Framework,
  settings: PlanSettings,
): { sheet: SheetPlan; layout: StartLayout } {
  const sheet = new SheetBuilder(sheetName(START_SHEET), 'start');
  const heading = (row: number, text: string) => {
    sheet.block(row, LABEL_COL, [[text]]);
    sheet.format(cell(row, LABEL_COL), {
      bold: true,
      fontSize: 12,
      fontColor: COLOURS.title,
    });
  };
  const scale = framework.ratingScale;
  const levels = framework.levels;
  const firstLevel = levels[0]?.name ?? 'the first level';

  sheet.block(1, LABEL_COL, [['Equality self-assessment']]);
  sheet.format(cell(1, LABEL_COL), {
    bold: true,
    fontSize: 16,
    fontColor: COLOURS.title,
  });
  sheet.block(2, LABEL_COL, [[framework.title]]);
  sheet.format(cell(2, LABEL_COL), { italic: true });

  heading(4, 'About this assessment');
  const about: PlanCell[][] = [
    ['Organisation', settings.organisation, 'Type your organisation’s name.'],
    ['Assessment period', settings.period, 'For example 2026/27.'],
    ['Framework', framework.title, ''],
    ['Framework id and version', `${framework.id} ${framework.version}`, 'Set by the add-in; do not edit.'],
    ['Source', framework.source.document, ''],
  ];
  sheet.block(5, LABEL_COL, about);
  const organisation = cell(5, VALUE_COL);
  const period = cell(6, VALUE_COL);
  sheet.format(rect(5, VALUE_COL, 2, 1), {
    locked: false,
    fill: COLOURS.absentText,
  });

  heading(11, 'Settings (you can change these)');
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
  sheet.block(12, LABEL_COL, settingsRows);
  const metThreshold = cell(12, VALUE_COL);
  const requiredShare = cell(13, VALUE_COL);
  sheet.format(rect(12, VALUE_COL, 2, 1), {
    locked: false,
    fill: COLOURS.absentText,
    bold: true,
  });
  sheet.format(requiredShare, { numberFormat: '0%' });
  sheet.validate({
    kind: 'list',
    allowBlank: false,
    range: metThreshold,
    items: scale.points.map((p) => String(p.value)),
    prompt: {
      title: 'Met threshold',
      message: 'The lowest rating that counts as met.',
    },
    error: {
      title: 'Not on the scale',
      message: 'Choose a value from the rating scale.',
    },
  });
  sheet.validate({
    kind: 'decimal',
    allowBlank: false,
    range: requiredShare,
    min: MIN_REQUIRED_SHARE,
    max: MAX_REQUIRED_SHARE,
    prompt: {
      title: 'Required share',
      message: 'A whole percentage from 1% to 100%. 100% means every applicable criterion.',
    },
    error: {
      title: 'Not a share',
      message: 'Type a whole percentage from 1% to 100%, such as 80%.',
    },
  });

  heading(15, 'How a level is reached');
  const rule = [
    `Each criterion is rated on the scale below, or marked ${scale.notApplicable.label} when it does not apply (say why in Notes).`,
    'An area reaches a level when, at that level and at every level below it, the share of applicable criteria that are met is at least the required share above.',
    `Criteria marked ${scale.notApplicable.label} are left out of the count. A level with nothing applicable neither holds an area back nor lifts it: an area is only ever shown at a level at which something applies. An area with nothing applicable at all shows "${NO_APPLICABLE_CRITERIA}" and is left out of the organisation's level.`,
    `Criteria not yet answered count as not met. A result is provisional ("Yes") only while some unanswered criterion could still change it; "${PROVISIONAL_WORDS.settled}" means no answer still to come could change it.`,
    `The organisation's level is the lowest level of its ${framework.areas.length} areas. An area that has not reached ${firstLevel} shows "${notYetText(firstLevel)}". While a setting above is blank, text or out of range, the Summary shows "${CHECK_START_SHEET}" instead of any level.`,
    'No published rule turns ratings into a level: this rule is an assumption your organisation can change with the settings above. Achieving and Excellent were historically confirmed by external peer challenge.',
  ];
  // One printed line per cell: the plan has no merged cells, and a long sentence in one cell
  // would run past the printed page. Each sentence starts on a new line.
  const ruleLines = rule.flatMap((r) => wrapWords(r, RULE_LINE_WIDTH));
  sheet.block(
    16,
    LABEL_COL,
    ruleLines.map((r) => [r]),
  );

  const scaleTop = 16 + ruleLines.length + 1;
  heading(scaleTop, 'Rating scale');
  sheet.block(scaleTop + 1, LABEL_COL, [['Rating', 'Meaning']]);
  sheet.format(rect(scaleTop + 1, LABEL_COL, 1, 2), {
    bold: true,
    fill: COLOURS.header,
  });
  const scaleRows: PlanCell[][] = scale.points.map((p) => [p.value, p.label]);
  sheet.block(scaleTop + 2, LABEL_COL, scaleRows);
  const scaleValues = rect(scaleTop + 2, LABEL_COL, scale.points.length, 1);
  const naRow = scaleTop + 2 + scale.points.length;
  sheet.block(naRow, LABEL_COL, [[scale.notApplicable.label, 'Not applicable: say why in Notes']]);
  sheet.format(rect(scaleTop + 2, LABEL_COL, scale.points.length + 1, 1), {
    horizontal: 'left',
  });

  const levelsTop = naRow + 2;
  heading(levelsTop, 'Levels');
  sheet.block(levelsTop + 1, LABEL_COL, [['Level', 'Name', 'What it means']]);
  sheet.format(rect(levelsTop + 1, LABEL_COL, 1, 3), {
    bold: true,
    fill: COLOURS.header,
  });
  sheet.block(
    levelsTop + 2,
    LABEL_COL,
    levels.map((l) => [l.number, l.name, l.strapline]),
  );
  const levelNames = rect(levelsTop + 2, VALUE_COL, levels.length, 1);

  const sheetsTop = levelsTop + 3 + levels.length;
  heading(sheetsTop, 'Sheets in this workbook');
  const sheetRows: PlanCell[][] = [
    ...framework.areas.map((a) => [a.shortName, `Area ${a.number}: ${a.name}`]),
    [SUMMARY_SHEET, 'Levels, shares met and completeness, calculated by formulas, with charts'],
  ];
  sheet.block(sheetsTop + 1, LABEL_COL, sheetRows);

  sheet.column(LABEL_COL, 170).column(VALUE_COL, 170).column(NOTE_COL, 300);
  const lastRow = sheetsTop + sheetRows.length;
  sheet.format(rect(5, NOTE_COL, 9, 1), {
    wrap: true,
    verticalTop: true,
    italic: true,
  });

  return {
    sheet: sheet.build({
      visible: true,
      protect: true,
      landscape: false,
      tabColor: COLOURS.title,
      print: { onePage: true, printArea: rect(1, LABEL_COL, lastRow, NOTE_COL), who: settings },
    }),
    layout: {
      organisation,
      period,
      metThreshold,
      requiredShare,
      scaleValues,
      levelNames,
    },
  };
}
