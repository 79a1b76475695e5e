/**
 * The formulas that turn ratings into counts and levels. They implement the same rule as
 * `src/domain/scoring.ts`; tests evaluate them with a real formula engine and compare with the
 * engine on many random assessments.
 */
import type { A1 } from './address';
import { COUNTS_AS } from './layout';
import { call, expr, ifChain, num, str, type Expr } from './formula';
import { SHARE_EPSILON } from '../domain/responses';

/**
 * Where the formulas find the settings and the area columns. These are absolute sheet references
 * ('Start'!$B$12), not defined names: names need ExcelApi 1.4, and the formulas must compute on
 * every host the manifest admits. The names are still defined, where the host allows, for people.
 */
export interface FormulaRefs {
  readonly scaleValues: string;
  readonly metThreshold: string;
  readonly requiredShare: string;
  readonly levelNames: string;
  areaLevels(area: number): string;
  areaStatus(area: number): string;
}

/**
 * What a rating cell counts as. Only an exact scale value or the exact not-applicable label
 * counts; near misses (" 4", "n/a") are "Not recognised" until fixed, as in the engine. EXACT is
 * used because "=" compares text case-insensitively.
 */
export function countsAs(refs: FormulaRefs, rating: A1, naLabel: string): Expr {
  const r = expr(rating);
  const isScaleValue = call('ISNUMBER', call('MATCH', r, expr(refs.scaleValues), num(0)));
  const metOrNot = call(
    'IF',
    expr(`${rating}>=${refs.metThreshold}`),
    str(COUNTS_AS.met),
    str(COUNTS_AS.notMet),
  );
  const textCase = ifChain(
    [
      [call('ISERROR', r), str(COUNTS_AS.invalid)],
      [call('EXACT', r, str(naLabel)), str(COUNTS_AS.na)],
      [expr(`${call('LEN', call('TRIM', r))}=0`), str(COUNTS_AS.unanswered)],
    ],
    str(COUNTS_AS.invalid),
  );
  // LibreOffice stores TRUE/FALSE as numbers (ISNUMBER(TRUE) is TRUE there, FALSE in Excel), so a
  // boolean is ruled out explicitly; it is "Not recognised" in both, as in the engine.
  const isPlainNumber = call('AND', call('ISNUMBER', r), call('NOT', call('ISLOGICAL', r)));
  return call('IF', isPlainNumber, call('IF', isScaleValue, metOrNot, str(COUNTS_AS.invalid)), textCase);
}

/** Criteria at `level` in an area that are not marked not applicable. */
export function applicableAt(refs: FormulaRefs, area: number, level: number): Expr {
  const levels = expr(refs.areaLevels(area));
  return expr(
    `${call('COUNTIFS', levels, num(level))}-${call('COUNTIFS', levels, num(level), expr(refs.areaStatus(area)), str(COUNTS_AS.na))}`,
  );
}

export function metAt(refs: FormulaRefs, area: number, level: number): Expr {
  return call(
    'COUNTIFS',
    expr(refs.areaLevels(area)),
    num(level),
    expr(refs.areaStatus(area)),
    str(COUNTS_AS.met),
  );
}

export function answeredIn(refs: FormulaRefs, area: number): Expr {
  const status = expr(refs.areaStatus(area));
  return expr(
    `${call('COUNTIF', status, str(COUNTS_AS.met))}+${call('COUNTIF', status, str(COUNTS_AS.notMet))}`,
  );
}

export function applicableIn(refs: FormulaRefs, area: number): Expr {
  const status = expr(refs.areaStatus(area));
  return expr(`${call('ROWS', status)}-${call('COUNTIF', status, str(COUNTS_AS.na))}`);
}

/** A level is satisfied when nothing there is applicable or enough is met (same epsilon as the engine). */
export function satisfied(refs: FormulaRefs, applicable: A1, met: A1): Expr {
  return call(
    'OR',
    expr(`${applicable}=0`),
    expr(`${met}>=${refs.requiredShare}*${applicable}-${num(SHARE_EPSILON)}`),
  );
}

/** Highest level L with levels 1..L all satisfied; 0 when the first is not. */
export function levelReached(satisfiedByLevel: readonly Expr[]): Expr {
  const branches = satisfiedByLevel.map((sat, i) => [call('NOT', sat), num(i)] as const);
  return ifChain(branches, num(satisfiedByLevel.length));
}

/** The level's name, or "Not yet <first level>" for 0. */
export function levelName(refs: FormulaRefs, levelNo: A1, firstLevelName: string): Expr {
  return call(
    'IF',
    expr(`${levelNo}=0`),
    str(`Not yet ${firstLevelName}`),
    call('INDEX', expr(refs.levelNames), expr(levelNo)),
  );
}

export function share(applicable: A1, met: A1): Expr {
  return call('IF', expr(`${applicable}=0`), str(''), expr(`${met}/${applicable}`));
}

export function completeness(applicable: A1, answered: A1): Expr {
  return call('IF', expr(`${applicable}=0`), num(1), expr(`${answered}/${applicable}`));
}
