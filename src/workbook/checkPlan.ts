/**
 * Checks a finished plan against Excel's own limits before any adapter writes it, so that a
 * framework file an organisation supplies (long texts, odd short names, many criteria) fails
 * here with a message, not half-way through a write in Excel.
 */
import { cell, parseCell, parseRange, sheetNameProblem } from './address';
import { isFormula, type ChartPlan, type WorkbookPlan } from './plan';
import { nameKey, sheetKey, type NameKey, type SheetKey } from './sheetNames';

/** Excel's documented limits (Excel specifications and limits; Office.js data validation). */
export const EXCEL_LIMITS = {
  formulaLength: 8192,
  cellTextLength: 32767,
  listSourceLength: 255,
  nameLength: 255,
  promptTitle: 32,
  promptMessage: 255,
  /** Office's data validation error message is shorter than the prompt's (224, not 255). */
  errorMessage: 224,
} as const;

/** A defined name: starts with a letter, _ or \, then letters, digits, _ and dots; not a cell reference. */
const NAME_SHAPE = /^[A-Za-z_\\][A-Za-z0-9_.]*$/;
const LOOKS_LIKE_CELL = /^(?:[A-Za-z]{1,3}\d+|[Rr]\d*[Cc]\d*|[Rr]|[Cc])$/;

export function namePlanProblem(name: string): string | null {
  if (name.length === 0 || name.length > EXCEL_LIMITS.nameLength)
    return `the name "${name}" must be 1 to 255 characters`;
  if (!NAME_SHAPE.test(name))
    return `the name "${name}" may hold only letters, digits, _ and dots, and must start with a letter or _`;
  if (LOOKS_LIKE_CELL.test(name)) return `the name "${name}" looks like a cell reference`;
  return null;
}

export class PlanError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The workbook plan breaks Excel's rules:\n- ${problems.join('\n- ')}`);
    this.name = 'PlanError';
  }
}

/** Every problem with the plan; an empty list when Excel will accept all of it. */
export function planProblems(plan: WorkbookPlan): string[] {
  const problems: string[] = [];
  const sheetNames = new Set<SheetKey>();
  for (const sheet of plan.sheets) {
    const p = sheetNameProblem(sheet.name);
    if (p) problems.push(p);
    const key = sheetKey(sheet.name);
    if (sheetNames.has(key)) problems.push(`two sheets are named "${sheet.name}" (Excel ignores case)`);
    sheetNames.add(key);

    for (const block of sheet.blocks) {
      const width = block.cells[0]?.length ?? 0;
      if (width === 0 || block.cells.some((r) => r.length !== width)) {
        problems.push(`${sheet.name}!${block.at}: a block must be a non-empty rectangle`);
      }
      const origin = parseCell(block.at);
      block.cells.forEach((row, r) =>
        row.forEach((value, c) => {
          const where = `${sheet.name}!${cell(origin.row + r, origin.column + c)}`;
          if (isFormula(value)) {
            if (!value.formula.startsWith('=')) problems.push(`${where}: a formula must start with "="`);
            if (value.formula.length > EXCEL_LIMITS.formulaLength) {
              problems.push(
                `${where}: the formula is ${value.formula.length} characters; Excel allows ${EXCEL_LIMITS.formulaLength}`,
              );
            }
          } else if (typeof value === 'string' && value.length > EXCEL_LIMITS.cellTextLength) {
            problems.push(
              `${where}: the text is ${value.length} characters; a cell holds ${EXCEL_LIMITS.cellTextLength}`,
            );
          } else if (typeof value === 'number' && !Number.isFinite(value)) {
            problems.push(`${where}: ${value} is not a number Excel can hold`);
          }
        }),
      );
    }

    for (const v of sheet.validations) {
      if (v.kind === 'list') {
        const source = v.items.join(',');
        if (source.length > EXCEL_LIMITS.listSourceLength) {
          problems.push(
            `${sheet.name}!${v.range}: the drop-down list is ${source.length} characters; Excel allows ${EXCEL_LIMITS.listSourceLength}`,
          );
        }
        if (v.items.some((i) => i.includes(',')))
          problems.push(`${sheet.name}!${v.range}: a drop-down item contains a comma`);
      }
      if (
        v.prompt.title.length > EXCEL_LIMITS.promptTitle ||
        v.error.title.length > EXCEL_LIMITS.promptTitle
      ) {
        problems.push(
          `${sheet.name}!${v.range}: a validation title is longer than ${EXCEL_LIMITS.promptTitle} characters`,
        );
      }
      if (v.prompt.message.length > EXCEL_LIMITS.promptMessage) {
        problems.push(
          `${sheet.name}!${v.range}: a validation prompt is longer than ${EXCEL_LIMITS.promptMessage} characters`,
        );
      }
      if (v.error.message.length > EXCEL_LIMITS.errorMessage) {
        problems.push(
          `${sheet.name}!${v.range}: a validation error message is longer than ${EXCEL_LIMITS.errorMessage} characters`,
        );
      }
    }
  }

  const names = new Set<NameKey>();
  for (const n of plan.names) {
    const p = namePlanProblem(n.name);
    if (p) problems.push(p);
    if (names.has(nameKey(n.name))) problems.push(`the name "${n.name}" is defined twice`);
    names.add(nameKey(n.name));
    if (!sheetNames.has(sheetKey(n.sheet)))
      problems.push(`the name "${n.name}" refers to a missing sheet "${n.sheet}"`);
    try {
      parseRange(n.range);
    } catch {
      problems.push(`the name "${n.name}" refers to "${n.range}", which is not a range`);
    }
  }
  for (const chart of plan.charts) {
    if (!sheetNames.has(sheetKey(chart.sheet)))
      problems.push(`the chart "${chart.title}" is on a missing sheet "${chart.sheet}"`);
    problems.push(...chartStyleProblems(chart));
  }
  return problems;
}

/** Throws a PlanError listing every problem; used by buildPlan so no adapter sees a bad plan. */
export function assertPlanValid(plan: WorkbookPlan): void {
  const problems = planProblems(plan);
  if (problems.length > 0) throw new PlanError(problems);
}

/**
 * A chart's styles must match its source (series by columns: one series per column after the
 * first, one point per row after the header), or an adapter would colour the wrong series.
 */
function chartStyleProblems(chart: ChartPlan): string[] {
  const problems: string[] = [];
  let shape: { rows: number; columns: number };
  try {
    shape = parseRange(chart.source);
  } catch {
    return [`the chart "${chart.title}" reads "${chart.source}", which is not a range`];
  }
  const series = shape.columns - 1;
  const points = shape.rows - 1;
  if (chart.series.length !== series)
    problems.push(`the chart "${chart.title}" has ${series} series but styles for ${chart.series.length}`);
  if (chart.pointColours !== undefined && chart.pointColours.length !== points)
    problems.push(
      `the chart "${chart.title}" has ${points} points but colours for ${chart.pointColours.length}`,
    );
  const onSecondary = chart.secondaryAxisCopy === true || chart.series.some((s) => s.secondaryAxis === true);
  if (chart.secondaryAxisCopy === true && chart.legend !== false)
    problems.push(`the chart "${chart.title}" would list its hidden axis series in its legend`);
  if (onSecondary !== (chart.secondaryValueAxis !== undefined))
    problems.push(
      onSecondary
        ? `the chart "${chart.title}" draws a series on a secondary axis it does not define`
        : `the chart "${chart.title}" defines a secondary axis that no series is drawn on`,
    );
  return problems;
}
