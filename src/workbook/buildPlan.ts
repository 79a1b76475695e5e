import { frameworkJson, type Framework } from '../domain';
import { absolute, ref, sheetName } from './address';
import { META_SHEET, NAMES, LAYOUT_VERSION, START_SHEET } from './layout';
import type { NamePlan, WorkbookPlan } from './plan';
import type { PlanSettings } from './settings';
import { assertPlanValid, PlanError } from './checkPlan';
import { areaColumnRange, buildAreaSheet } from './sheets/area';
import { buildMetaSheet } from './sheets/meta';
import { buildStartSheet } from './sheets/start';
import { buildSummarySheet, type SummaryLayout } from './sheets/summary';
import type { StartLayout } from './sheets/start';
import type { FormulaRefs } from './ratingFormulas';
import { withPrintedFor } from './print';

export interface BuiltPlan {
  readonly plan: WorkbookPlan;
  readonly start: StartLayout;
  readonly summary: SummaryLayout;
}

/**
 * The whole workbook for a framework and settings. Pure: the same input gives the same plan.
 * Throws PlanError when the framework would break one of Excel's limits.
 */
export function buildPlan(framework: Framework, settings: PlanSettings): BuiltPlan {
  const empty = framework.areas.filter((a) => !framework.criteria.some((c) => c.area === a.number));
  if (empty.length > 0) {
    // A formula over an empty column would count its one blank row as an unanswered criterion.
    throw new PlanError(empty.map((a) => `area ${a.number} (${a.name}) has no criteria to assess`));
  }
  const start = buildStartSheet(framework, settings);
  const refs = formulaRefs(framework, start.layout);
  const areaSheets = framework.areas.map((a) => buildAreaSheet(framework, a, refs));
  const summary = buildSummarySheet(framework, refs);
  const meta = buildMetaSheet(framework, frameworkJson(framework));

  const names = definedNames(framework, start.layout, summary, meta.range);

  const plan: WorkbookPlan = {
    meta: {
      layoutVersion: LAYOUT_VERSION,
      frameworkId: framework.id,
      frameworkVersion: framework.version,
      frameworkTitle: framework.title,
    },
    // Every printed page names the organisation and period in its header.
    sheets: [start.sheet, ...areaSheets, summary.sheet, meta.sheet].map((sheet) =>
      withPrintedFor(sheet, settings),
    ),
    names,
    charts: summary.charts,
  };
  assertPlanValid(plan);
  return {
    plan,
    start: start.layout,
    summary: summary.layout,
  };
}

/** The Start sheet's cells that formulas and readers name, with what each holds. */
const START_NAMES: readonly { name: string; cell: keyof StartLayout; comment: string }[] = [
  { name: NAMES.organisation, cell: 'organisation', comment: 'Organisation name' },
  { name: NAMES.period, cell: 'period', comment: 'Assessment period' },
  { name: NAMES.metThreshold, cell: 'metThreshold', comment: 'Lowest rating that counts as met' },
  {
    name: NAMES.requiredShare,
    cell: 'requiredShare',
    comment: 'Share of applicable criteria that must be met for a level',
  },
  { name: NAMES.scaleValues, cell: 'scaleValues', comment: 'Rating scale values' },
  { name: NAMES.levelNames, cell: 'levelNames', comment: 'Level names in order' },
];

/** Each area sheet's named columns, with what each holds. */
const AREA_NAMES: readonly {
  name: (area: number) => string;
  column: Parameters<typeof areaColumnRange>[2];
  comment: (area: number) => string;
}[] = [
  { name: NAMES.areaIds, column: 'id', comment: (n) => `Criterion ids, area ${n}` },
  { name: NAMES.areaRatings, column: 'rating', comment: (n) => `Ratings, area ${n}` },
  { name: NAMES.areaStatus, column: 'countsAs', comment: (n) => `What each rating counts as, area ${n}` },
  { name: NAMES.areaLevels, column: 'levelNo', comment: (n) => `Level numbers, area ${n}` },
];

/** The workbook's defined names: the Start settings, each area's columns, the Summary and the meta block. */
function definedNames(
  framework: Framework,
  start: StartLayout,
  summary: { readonly sheet: { readonly name: string }; readonly layout: SummaryLayout },
  metaRange: NamePlan['range'],
): NamePlan[] {
  const startName = sheetName(START_SHEET);
  const summaryName = sheetName(summary.sheet.name);
  return [
    ...START_NAMES.map((n) => ({ name: n.name, sheet: startName, range: start[n.cell], comment: n.comment })),
    ...framework.areas.flatMap((a) =>
      AREA_NAMES.map((n) => ({
        name: n.name(a.number),
        sheet: sheetName(a.shortName),
        range: areaColumnRange(framework, a.number, n.column),
        comment: n.comment(a.number),
      })),
    ),
    { name: NAMES.summary, sheet: summaryName, range: summary.layout.table, comment: 'Summary table' },
    {
      name: NAMES.overallLevel,
      sheet: summaryName,
      range: summary.layout.overall.levelName,
      comment: "The organisation's level",
    },
    { name: NAMES.meta, sheet: sheetName(META_SHEET), range: metaRange, comment: 'Add-in data: do not edit' },
  ];
}

/** Absolute sheet references for the formulas (see FormulaRefs for why not names). */
export function formulaRefs(framework: Framework, start: StartLayout): FormulaRefs {
  const startName = sheetName(START_SHEET);
  const on = (sheet: string, address: Parameters<typeof absolute>[0]) =>
    ref(sheetName(sheet), absolute(address));
  const areaSheet = (area: number) => {
    const a = framework.areas.find((x) => x.number === area);
    if (!a) throw new RangeError(`no area ${area} in framework ${framework.id}`);
    return a.shortName;
  };
  return {
    scaleValues: on(startName, start.scaleValues),
    metThreshold: on(startName, start.metThreshold),
    requiredShare: on(startName, start.requiredShare),
    levelNames: on(startName, start.levelNames),
    areaLevels: (area) => on(areaSheet(area), areaColumnRange(framework, area, 'levelNo')),
    areaStatus: (area) => on(areaSheet(area), areaColumnRange(framework, area, 'countsAs')),
    areaEvidence: (area) => on(areaSheet(area), areaColumnRange(framework, area, 'evidence')),
    areaDifference: (area) => on(areaSheet(area), areaColumnRange(framework, area, 'difference')),
  };
}
