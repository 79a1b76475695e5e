/**
 * The full check of a generated workbook, as pure code over what was read: the engine's checks
 * of every response, plus what only the workbook can get wrong (a sheet missing, a criterion on
 * another area's sheet, rows moved, a formula overwritten, results that no longer follow from
 * the ratings). Every problem names the cell and what is expected.
 */
import {
  type Framework,
  check,
  type CheckIssue,
  type CheckOptions,
  type CheckRuleId,
  type Severity,
  type RatingFixValue,
  type CellValue,
  type ScoringSettings,
  score,
  type AssessmentResult,
  levelText,
  evidenceCompleteness,
} from '../domain';
import { cell, columnLetter, parseRange, quoteSheet, sheetName, splitCellReference } from './address';
import type { BuiltPlan } from './buildPlan';
import { sameFormula } from './formulaText';
import { AREA_FIRST_DATA_ROW, AREA_HEADER_ROW, SUMMARY_SHEET, type AreaLayout } from './layout';
import { isFormula, type SheetPlan } from './plan';
import { staleHeaders, type HeaderFix } from './staleHeaders';
import { approvalProblems } from './signOff/changes';
import { areaCriteria, areaLayoutOf } from './sheets/area';
import {
  areaColumnsOf,
  areaLayoutOfSheet,
  formulaAt,
  responsesOf,
  responsesOfArea,
  settingsOf,
  valueAt,
  type RangeSnapshot,
  type SheetValue,
  type WorkbookSnapshot,
} from './snapshot';

export type StructureRuleId =
  | 'setting-invalid'
  | 'sheet-missing'
  | 'criterion-moved'
  | 'rows-moved'
  | 'columns-moved'
  | 'formula-damaged'
  | 'results-mismatch'
  | 'header-stale'
  /** A finalised workbook's cell no longer as approved (signOff/changes.ts). */
  | 'changed-since-approval';

export type ProblemRuleId = CheckRuleId | StructureRuleId;

/** A certain fix: write `value` into `cell` if it still holds `found`. */
export interface CellFix {
  readonly cell: string;
  readonly found: CellValue;
  readonly value: RatingFixValue;
}

export type { HeaderFix } from './staleHeaders';

/** Every certain fix the Check offers: a cell's near miss, or a page header behind the Start sheet. */
export type ProblemFix = CellFix | HeaderFix;

export function isHeaderFix(fix: ProblemFix): fix is HeaderFix {
  return 'kind' in fix && fix.kind === 'page-header';
}

export interface WorkbookProblem {
  /** Stable while the problem lasts: rule and place. */
  readonly key: string;
  readonly ruleId: ProblemRuleId;
  readonly severity: Severity;
  readonly area?: number;
  readonly sheet?: string;
  /** 'Sheet'!A1 */
  readonly cell?: string;
  readonly criterionId?: string;
  /** The response field the cell holds, when the problem is about one (for "Go to 1.2 Evidence"). */
  readonly field?: CheckIssue['field'];
  readonly message: string;
  /** The message without its place, when the problem is about a criterion's field (CheckIssue.detail). */
  readonly detail?: string;
  readonly fix?: ProblemFix;
}

export interface Audit {
  readonly problems: readonly WorkbookProblem[];
  /** The engine's results for the responses read, when the settings could be read. */
  readonly result: AssessmentResult | null;
  /** Rewriting the plan's formulas would repair what is damaged (the layout is otherwise intact). */
  readonly formulasRepairable: boolean;
}

const at = (sheet: string, address: string) => `${quoteSheet(sheetName(sheet))}!${address}`;

function fromIssue(issue: CheckIssue, raw: CellValue): WorkbookProblem {
  const sheet = issue.cell ? splitCellReference(issue.cell).sheet : undefined;
  return {
    key: `${issue.ruleId}:${issue.cell ?? issue.criterionId}`,
    ruleId: issue.ruleId,
    severity: issue.severity,
    ...(issue.area !== undefined ? { area: issue.area } : {}),
    ...(sheet !== undefined ? { sheet } : {}),
    ...(issue.cell !== undefined ? { cell: issue.cell } : {}),
    criterionId: issue.criterionId,
    ...(issue.field !== undefined ? { field: issue.field } : {}),
    message: issue.message,
    ...(issue.detail !== undefined ? { detail: issue.detail } : {}),
    ...(issue.fix && issue.cell && issue.fix.field === 'rating'
      ? { fix: { cell: issue.cell, found: raw, value: issue.fix.value } }
      : {}),
  };
}

export function auditWorkbook(
  framework: Framework,
  built: BuiltPlan,
  snapshot: WorkbookSnapshot,
  options: CheckOptions,
): Audit {
  const problems: WorkbookProblem[] = [];
  const read = settingsOf(snapshot, built.start);
  let settings = read.settings;
  for (const message of read.problems) {
    problems.push({
      key: `setting-invalid:${message}`,
      ruleId: 'setting-invalid',
      severity: 'error',
      message,
    });
  }
  const scale = framework.ratingScale.points.map((p) => p.value);
  if (settings && !scale.includes(settings.metThreshold)) {
    problems.push({
      key: 'setting-invalid:threshold-scale',
      ruleId: 'setting-invalid',
      severity: 'error',
      cell: at('Start', built.start.metThreshold),
      message: `Start!${built.start.metThreshold} should hold a rating on the scale (${scale.join(', ')}); it holds ${settings.metThreshold}.`,
    });
    settings = null;
  }

  for (const area of framework.areas) {
    if (snapshot.areas.get(area.number) === null) {
      problems.push({
        key: `sheet-missing:${area.number}`,
        ruleId: 'sheet-missing',
        severity: 'error',
        area: area.number,
        sheet: area.shortName,
        message: `The sheet "${area.shortName}" (${area.name}) is missing: it may have been renamed or deleted. Rename it back to "${area.shortName}", or regenerate the workbook to rebuild it.`,
      });
    }
  }
  if (snapshot.summary === null) {
    problems.push({
      key: 'sheet-missing:summary',
      ruleId: 'sheet-missing',
      severity: 'error',
      sheet: SUMMARY_SHEET,
      message: `The sheet "${SUMMARY_SHEET}" is missing, so the workbook shows no levels. Regenerate the workbook to rebuild it; your ratings are kept.`,
    });
  }

  const responses = responsesOf(framework, snapshot);
  const checkSettings: ScoringSettings = settings ?? framework.levelRule;
  const rawRating = new Map(responses.map((r) => [r.cells?.rating, r.rating]));
  for (const issue of check(framework, responses, checkSettings, options)) {
    problems.push(fromIssue(issue, issue.cell ? rawRating.get(issue.cell) : undefined));
  }
  problems.push(...movedCriteria(framework, snapshot));

  const intact = framework.areas.map((a) => {
    const range = snapshot.areas.get(a.number);
    return range ? rowsInPlace(framework, a.number, range, problems) : false;
  });
  const layoutIntact = intact.every(Boolean) && snapshot.summary !== null;
  const damaged: WorkbookProblem[] = [];
  if (layoutIntact) {
    for (const sheetPlan of built.plan.sheets) {
      const range =
        sheetPlan.role === 'summary'
          ? snapshot.summary
          : sheetPlan.role === 'area' && sheetPlan.area !== undefined
            ? snapshot.areas.get(sheetPlan.area)
            : undefined;
      if (range) damaged.push(...damagedFormulas(sheetPlan, range));
    }
  }
  problems.push(...damaged);
  problems.push(...brokenReferences(snapshot, new Set(damaged.map((p) => p.key))));

  problems.push(...headerProblems(snapshot));
  problems.push(...approvalProblems(framework, snapshot, responses));

  const result = settings ? score(framework, responses, settings) : null;
  let mismatched = false;
  if (result && snapshot.summary && layoutIntact && damaged.length === 0) {
    const mismatches = summaryMismatches(framework, built, snapshot.summary, result);
    mismatched = mismatches.length > 0;
    problems.push(...mismatches);
  }
  return { problems, result, formulasRepairable: layoutIntact && (damaged.length > 0 || mismatched) };
}

/** A sheet whose page header no longer names the Start sheet's organisation and period. */
function headerProblems(snapshot: WorkbookSnapshot): WorkbookProblem[] {
  return staleHeaders(snapshot).map((stale) => ({
    key: `header-stale:${stale.sheet}`,
    ruleId: 'header-stale',
    severity: 'warning',
    sheet: stale.sheet,
    message: stale.message,
    fix: stale.fix,
  }));
}

/** A criterion of one area found on another area's sheet: the sheet's formulas count it in the wrong area. */
function movedCriteria(framework: Framework, snapshot: WorkbookSnapshot): WorkbookProblem[] {
  // An id may be used in more than one area (a combined framework): a row is moved only when its
  // sheet's area has no criterion of that id.
  const areasOf = new Map<string, number[]>();
  for (const c of framework.criteria) areasOf.set(c.id, [...(areasOf.get(c.id) ?? []), c.area]);
  const problems: WorkbookProblem[] = [];
  for (const area of framework.areas) {
    const range = snapshot.areas.get(area.number);
    if (!range) continue;
    for (const row of responsesOfArea(range)) {
      const homes = areasOf.get(row.criterionId) ?? [];
      const home = homes[0];
      if (home === undefined || homes.includes(area.number)) continue;
      const homeArea = framework.areas.find((a) => a.number === home);
      problems.push({
        key: `criterion-moved:${row.cells?.id ?? row.criterionId}`,
        ruleId: 'criterion-moved',
        severity: 'error',
        area: area.number,
        sheet: range.sheet,
        ...(row.cells?.id ? { cell: row.cells.id } : {}),
        criterionId: row.criterionId,
        message: `${row.cells?.id ?? range.sheet}: criterion ${row.criterionId} belongs on the "${homeArea?.shortName ?? home}" sheet, not "${range.sheet}", so it is counted in the wrong area. Move the row back, or regenerate the workbook.`,
      });
    }
  }
  return problems;
}

/** True when every criterion is in the row the plan put it in; otherwise says where the first is not. */
function rowsInPlace(
  framework: Framework,
  area: number,
  range: RangeSnapshot,
  problems: WorkbookProblem[],
): boolean {
  const expected = areaCriteria(framework, area);
  const layout = areaLayoutOf(framework, area);
  if (!columnsInPlace(area, layout, range, problems)) return false;
  const idCol = layout.column('id');
  const levelCol = layout.column('levelNo');
  for (const [i, criterion] of expected.entries()) {
    const row = AREA_FIRST_DATA_ROW + i;
    const id = String(valueAt(range, row, idCol)).trim();
    const level = valueAt(range, row, levelCol);
    if (id !== criterion.id || level !== criterion.level) {
      problems.push({
        key: `rows-moved:${area}`,
        ruleId: 'rows-moved',
        severity: 'info',
        area,
        sheet: range.sheet,
        cell: at(range.sheet, cell(row, idCol)),
        message: `${at(range.sheet, cell(row, idCol))} should hold criterion ${criterion.id} (level ${criterion.level}) but holds ${JSON.stringify(id)}: rows on "${range.sheet}" were inserted, deleted or moved. The levels still count each criterion on its own area's sheet, but the formulas cannot be checked or repaired until the layout is restored: regenerate the workbook to restore it, keeping every rating.`,
      });
      return false;
    }
  }
  return true;
}

/**
 * True when every area column's header is where the plan put it; otherwise says which column moved
 * (an inserted or deleted column moves the cells, and Excel moves the formulas with them, but the
 * plan's positions no longer hold: responses are then read by their headers, see areaColumnsOf).
 */
function columnsInPlace(
  area: number,
  layout: AreaLayout,
  range: RangeSnapshot,
  problems: WorkbookProblem[],
): boolean {
  if (layout.guidance && !areaLayoutOfSheet(range).guidance) {
    problems.push(withoutGuidance(area, range));
    return false;
  }
  for (const column of layout.columns) {
    const index = layout.column(column.key);
    const held = valueAt(range, AREA_HEADER_ROW, index);
    if (String(held).trim().toLocaleLowerCase() === column.header.toLocaleLowerCase()) continue;
    const address = cell(AREA_HEADER_ROW, index);
    const now = areaColumnsOf(range)(column.key);
    const where = now === index ? 'is missing' : `is now in column ${columnLetter(now)}`;
    problems.push({
      key: `columns-moved:${area}`,
      ruleId: 'columns-moved',
      severity: 'info',
      area,
      sheet: range.sheet,
      cell: at(range.sheet, address),
      message: `${at(range.sheet, address)} should head the "${column.header}" column, which ${where}: columns on "${range.sheet}" were inserted, deleted or moved. Responses are still read by their headings and the levels still count them, but the formulas cannot be checked or repaired until the layout is restored: regenerate the workbook to restore it, keeping every rating.`,
    });
    return false;
  }
  return true;
}

/**
 * A sheet made before the add-in showed the framework's guidance (or with its Guidance column
 * deleted): its responses are read by their headings as ever; regenerating adds the column.
 */
function withoutGuidance(area: number, range: RangeSnapshot): WorkbookProblem {
  const address = at(range.sheet, cell(AREA_HEADER_ROW, 1));
  return {
    key: `columns-moved:${area}`,
    ruleId: 'columns-moved',
    severity: 'info',
    area,
    sheet: range.sheet,
    cell: address,
    message: `"${range.sheet}" has no Guidance column ("Questions to ask in self assessment"), which the framework gives for this area: the sheet was made before the add-in showed guidance, or the column was deleted. Responses are still read by their headings and the levels still count them, but the formulas cannot be checked or repaired until the layout is restored: regenerate the workbook to add the column, keeping every rating.`,
  };
}

/** Plan formula cells whose formula was overwritten or changed. */
function damagedFormulas(sheetPlan: SheetPlan, range: RangeSnapshot): WorkbookProblem[] {
  const problems: WorkbookProblem[] = [];
  for (const block of sheetPlan.blocks) {
    const { row, column } = parseRange(block.at);
    block.cells.forEach((line, r) =>
      line.forEach((planned, c) => {
        if (!isFormula(planned)) return;
        const held = formulaAt(range, row + r, column + c);
        if (sameFormula(planned.formula, held)) return;
        const address = cell(row + r, column + c);
        problems.push({
          key: `formula-damaged:${sheetPlan.name}!${address}`,
          ruleId: 'formula-damaged',
          severity: 'error',
          ...(sheetPlan.area !== undefined ? { area: sheetPlan.area } : {}),
          sheet: sheetPlan.name,
          cell: at(sheetPlan.name, address),
          message: `${at(sheetPlan.name, address)} should hold the add-in's formula but holds ${describeHeld(held)}, so the levels may be wrong. Use "Repair formulas" to rewrite the formulas (your ratings and notes are not touched).`,
        });
      }),
    );
  }
  return problems;
}

/**
 * Formulas on the Summary and area sheets that hold #REF!: a sheet they referred to was deleted
 * (Excel rewrites "='Leadership'!F5" as "=#REF!F5" and never links it to a new sheet of the same
 * name) or the rows they referred to were. Found by their text, so also while the layout is not
 * intact; `known` are the keys damagedFormulas already reported.
 */
function brokenReferences(snapshot: WorkbookSnapshot, known: ReadonlySet<string>): WorkbookProblem[] {
  const ranges = [snapshot.summary, ...snapshot.areas.values()].filter(
    (r): r is RangeSnapshot => r !== null && r !== undefined,
  );
  const problems: WorkbookProblem[] = [];
  for (const range of ranges) {
    range.formulas.forEach((line, r) =>
      line.forEach((held, c) => {
        if (typeof held !== 'string' || !held.startsWith('=') || !held.includes(REF_ERROR)) return;
        const address = cell(range.top + r, range.left + c);
        const key = `formula-damaged:${range.sheet}!${address}`;
        if (known.has(key)) return;
        problems.push({
          key,
          ruleId: 'formula-damaged',
          severity: 'error',
          sheet: range.sheet,
          cell: at(range.sheet, address),
          message: `${at(range.sheet, address)} holds ${describeHeld(held)}, so the levels are wrong. If the sheet is missing, put it back or regenerate the workbook; otherwise use "Repair formulas".`,
        });
      }),
    );
  }
  return problems;
}

const REF_ERROR = '#REF!';

function describeHeld(held: SheetValue): string {
  if (held === '') return 'nothing';
  if (typeof held === 'string' && held.startsWith('=') && held.includes(REF_ERROR))
    return `a formula that refers to a deleted sheet or deleted cells (${held.slice(0, 80)}, where Excel shows #REF!)`;
  if (typeof held === 'string' && held.startsWith('=')) return `a different formula (${held.slice(0, 80)})`;
  return `the value ${JSON.stringify(held)}`;
}

const close = (a: SheetValue, b: number) => typeof a === 'number' && Math.abs(a - b) < 1e-9;

/** Summary figures that do not equal the engine's results for the same ratings and settings. */
function summaryMismatches(
  framework: Framework,
  built: BuiltPlan,
  summary: RangeSnapshot,
  result: AssessmentResult,
): WorkbookProblem[] {
  const firstLevel = framework.levels[0]?.name ?? '';
  const problems: WorkbookProblem[] = [];
  const value = (address: string) => {
    const { row, column } = parseRange(address);
    return valueAt(summary, row, column);
  };
  const report = (address: string, shows: SheetValue, expected: string, area?: number) =>
    problems.push({
      key: `results-mismatch:${address}`,
      ruleId: 'results-mismatch',
      severity: 'error',
      ...(area !== undefined ? { area } : {}),
      sheet: SUMMARY_SHEET,
      cell: at(SUMMARY_SHEET, address),
      message: `${at(SUMMARY_SHEET, address)} shows ${JSON.stringify(shows)} but the ratings give ${expected}: a formula or a hidden working column has been changed. Use "Repair formulas" to rewrite the formulas.`,
    });
  for (const layout of built.summary.areas) {
    const a = result.areas.find((r) => r.area === layout.area);
    if (!a) continue;
    const name = levelText({ assessed: a.assessed, levelName: a.levelReachedName }, firstLevel);
    if (value(layout.levelName) !== name) report(layout.levelName, value(layout.levelName), name, a.area);
    if (!close(value(layout.completeness), a.completeness))
      report(
        layout.completeness,
        value(layout.completeness),
        `${Math.round(a.completeness * 100)}% complete`,
        a.area,
      );
    layout.shares.forEach((address, i) => {
      const share = a.levels[i]?.shareMet ?? null;
      const shows = value(address);
      if (share === null ? shows !== '' : !close(shows, share)) {
        report(
          address,
          shows,
          share === null ? 'nothing applicable' : `${Math.round(share * 100)}% met`,
          a.area,
        );
      }
    });
  }
  const overallName = levelText(result.overall, firstLevel);
  const overall = built.summary.overall;
  if (value(overall.levelName) !== overallName)
    report(overall.levelName, value(overall.levelName), overallName);
  const evidence = evidenceCompleteness(result);
  const evidenceCells = [
    ...built.summary.areas.map((layout) => ({
      address: layout.evidence,
      area: layout.area as number | undefined,
      share: evidence.areas.find((e) => e.area === layout.area),
    })),
    { address: overall.evidence, area: undefined, share: evidence.overall },
  ];
  for (const { address, area, share } of evidenceCells) {
    if (!share) continue;
    const shows = value(address);
    if (share.share === null ? shows !== '' : !close(shows, share.share))
      report(
        address,
        shows,
        share.share === null
          ? 'nothing met'
          : `evidence recorded for ${share.recorded} of ${share.met} met criteria`,
        area,
      );
  }
  return problems;
}
