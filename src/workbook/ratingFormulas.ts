/**
 * The formulas that turn ratings into counts and levels. They implement the same rule as
 * `src/domain/scoring.ts`; tests evaluate them with a real formula engine and compare with the
 * engine on many random assessments.
 */
import type { A1 } from './address';
import { COUNTS_AS } from './layout';
import { arith, call, compare, group, ifChain, num, refTo, str, type Expr } from './formula';
import {
  CHECK_START_SHEET,
  NO_APPLICABLE_CRITERIA,
  PROVISIONAL_WORDS,
  notYetText,
  SHARE_EPSILON,
  SHOWN_SHARE_EPSILON,
  MAX_REQUIRED_SHARE,
  MIN_REQUIRED_SHARE,
  WHOLE_PERCENT_TOLERANCE,
  RATING_DECIMALS,
} from '../domain';

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
  areaEvidence(area: number): string;
  areaDifference(area: number): string;
}

/**
 * What a rating cell counts as. Only a scale value or the exact not-applicable label counts;
 * near misses (" 4", "n/a") are "Not recognised" until fixed, as in the engine. EXACT is used
 * because "=" compares text case-insensitively. A number is rounded to RATING_DECIMALS places
 * first, as the engine's readRating does: arithmetic noise (=0.1*30) counts as the value the cell
 * shows, and MATCH and ">=" then compare exact values on every formula engine.
 */
export function countsAs(
  refs: Pick<FormulaRefs, 'scaleValues' | 'metThreshold'>,
  rating: A1,
  naLabel: string,
): Expr {
  const r = refTo(rating);
  const rounded = call('ROUND', r, num(RATING_DECIMALS));
  const isScaleValue = call('ISNUMBER', call('MATCH', rounded, refTo(refs.scaleValues), num(0)));
  const metOrNot = call(
    'IF',
    compare(rounded, '>=', refTo(refs.metThreshold)),
    str(COUNTS_AS.met),
    str(COUNTS_AS.notMet),
  );
  const textCase = ifChain(
    [
      [call('ISERROR', r), str(COUNTS_AS.invalid)],
      [call('EXACT', r, str(naLabel)), str(COUNTS_AS.na)],
      [compare(call('LEN', call('TRIM', r)), '=', num(0)), str(COUNTS_AS.unanswered)],
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
  const levels = refTo(refs.areaLevels(area));
  return arith(call('COUNTIFS', levels, num(level)), [
    '-',
    call('COUNTIFS', levels, num(level), refTo(refs.areaStatus(area)), str(COUNTS_AS.na)),
  ]);
}

/** Criteria at `level` in an area that are applicable and not rated below the threshold: met if every unanswered one were. */
export function couldBeMetAt(refs: FormulaRefs, area: number, level: number): Expr {
  return arith(applicableAt(refs, area, level), [
    '-',
    call(
      'COUNTIFS',
      refTo(refs.areaLevels(area)),
      num(level),
      refTo(refs.areaStatus(area)),
      str(COUNTS_AS.notMet),
    ),
  ]);
}

export function metAt(refs: FormulaRefs, area: number, level: number): Expr {
  return call(
    'COUNTIFS',
    refTo(refs.areaLevels(area)),
    num(level),
    refTo(refs.areaStatus(area)),
    str(COUNTS_AS.met),
  );
}

export function answeredIn(refs: FormulaRefs, area: number): Expr {
  const status = refTo(refs.areaStatus(area));
  return arith(call('COUNTIF', status, str(COUNTS_AS.met)), [
    '+',
    call('COUNTIF', status, str(COUNTS_AS.notMet)),
  ]);
}

export function applicableIn(refs: FormulaRefs, area: number): Expr {
  const status = refTo(refs.areaStatus(area));
  return arith(call('ROWS', status), ['-', call('COUNTIF', status, str(COUNTS_AS.na))]);
}

/** A level is satisfied when nothing there is applicable or enough is met (same epsilon as the engine). */
export function satisfied(refs: Pick<FormulaRefs, 'requiredShare'>, applicable: A1, met: A1): Expr {
  return call(
    'OR',
    compare(refTo(applicable), '=', num(0)),
    compare(
      refTo(met),
      '>=',
      arith(refTo(refs.requiredShare), ['*', refTo(applicable)], ['-', num(SHARE_EPSILON)]),
    ),
  );
}

/**
 * TRUE when both settings can be used, as `readSettings` in src/domain/settings.ts decides: the
 * threshold a number on the scale, the share a number that is a whole percentage from 1% to 100%.
 * Text is refused even where Excel would read it as a number ("80%", "3"), and so are TRUE and
 * FALSE (LibreOffice holds them as numbers). The IFs keep arithmetic away from text, which would
 * give #VALUE! inside an AND.
 */
export function settingsUsable(refs: FormulaRefs): Expr {
  const isPlainNumber = (r: string) =>
    call('AND', call('ISNUMBER', refTo(r)), call('NOT', call('ISLOGICAL', refTo(r))));
  const thr = refs.metThreshold;
  const share = refTo(refs.requiredShare);
  const percent = arith(share, ['*', num(100)]);
  const shareOk = call(
    'AND',
    compare(share, '>=', num(MIN_REQUIRED_SHARE)),
    compare(share, '<=', num(MAX_REQUIRED_SHARE)),
    compare(
      call('ABS', arith(percent, ['-', call('ROUND', percent, num(0))])),
      '<',
      num(WHOLE_PERCENT_TOLERANCE),
    ),
  );
  const thresholdOk = call('ISNUMBER', call('MATCH', refTo(thr), refTo(refs.scaleValues), num(0)));
  return call(
    'IF',
    call('AND', isPlainNumber(thr), isPlainNumber(refs.requiredShare)),
    call('AND', thresholdOk, shareOk),
    call('FALSE'),
  );
}

/**
 * The level an area reaches (the N/A rule of src/domain/scoring.ts `levelOf`): the highest level
 * with applicable criteria whose own and lower levels are all satisfied; 0 when there is none.
 */
export function levelReached(satisfiedByLevel: readonly Expr[], applicableByLevel: readonly A1[]): Expr {
  const branches = satisfiedByLevel
    .map((_, i) => {
      const applicable = applicableByLevel[i];
      if (applicable === undefined) throw new RangeError(`level ${i + 1} has no applicable count`);
      const conditions = [compare(refTo(applicable), '>', num(0)), ...satisfiedByLevel.slice(0, i + 1)];
      return [call('AND', ...conditions), num(i + 1)] as const;
    })
    .reverse();
  return ifChain(branches, num(0));
}

/**
 * The level's name: "Check the Start sheet" while a setting cannot be used, "No applicable
 * criteria" when nothing is applicable (the level number is then ""), "Not yet <first level>" for
 * 0, else the name.
 */
export function levelName(refs: FormulaRefs, ok: A1, levelNo: A1, firstLevelName: string): Expr {
  return ifChain(
    [
      [call('NOT', refTo(ok)), str(CHECK_START_SHEET)],
      [call('ISTEXT', refTo(levelNo)), str(NO_APPLICABLE_CRITERIA)],
      [compare(refTo(levelNo), '=', num(0)), str(notYetText(firstLevelName))],
    ],
    call('INDEX', refTo(refs.levelNames), refTo(levelNo)),
  );
}

/** "Yes" when the best possible level differs from the level, else "Settled, answers missing" or "No"; "" while a setting cannot be used. */
export function provisional(ok: A1, levelNo: A1, bestLevelNo: A1, answered: Expr, applicable: Expr): Expr {
  return ifChain(
    [
      [call('NOT', refTo(ok)), str('')],
      [compare(refTo(bestLevelNo), '<>', refTo(levelNo)), str(PROVISIONAL_WORDS.yes)],
      [compare(answered, '<', applicable), str(PROVISIONAL_WORDS.settled)],
    ],
    str(PROVISIONAL_WORDS.no),
  );
}

/** Met / applicable rounded down to a whole percentage (`shownShare`); "" when nothing is applicable or a setting cannot be used. */
export function share(ok: A1, applicable: A1, met: A1): Expr {
  return ifChain(
    [
      [call('NOT', refTo(ok)), str('')],
      [compare(refTo(applicable), '=', num(0)), str('')],
    ],
    arith(
      call(
        'INT',
        arith(refTo(met), ['/', refTo(applicable)], ['*', num(100)], ['+', num(SHOWN_SHARE_EPSILON)]),
      ),
      ['/', num(100)],
    ),
  );
}

export function completeness(applicable: A1, answered: A1): Expr {
  return call(
    'IF',
    compare(refTo(applicable), '=', num(0)),
    num(1),
    arith(refTo(answered), ['/', refTo(applicable)]),
  );
}

/** Criteria of an area counted as met, at every level. */
export function metIn(refs: FormulaRefs, area: number): Expr {
  return call('COUNTIF', refTo(refs.areaStatus(area)), str(COUNTS_AS.met));
}

/**
 * Met criteria of an area with their evidence and the difference made both recorded
 * (`evidenceRecorded` in src/domain/evidence.ts): a cell counts as recorded unless it is empty or
 * holds only spaces (LEN(TRIM()) = 0, the engine's isBlankCell). An error value in the cell is
 * recorded, as the engine reads it as the error's text: IFERROR gives 1 for it, and keeps it from
 * turning the whole count into an error.
 */
export function evidencedIn(refs: FormulaRefs, area: number): Expr {
  const recorded = (column: string) =>
    call('IFERROR', compare(call('LEN', call('TRIM', refTo(column))), '>', num(0)), num(1));
  return call(
    'SUMPRODUCT',
    arith(
      group(compare(refTo(refs.areaStatus(area)), '=', str(COUNTS_AS.met))),
      ['*', recorded(refs.areaEvidence(area))],
      ['*', recorded(refs.areaDifference(area))],
    ),
  );
}

/** Evidenced / met, or "" when nothing is met or a setting cannot be used (the threshold decides what is met). */
export function evidenceShare(ok: A1, met: Expr, evidenced: Expr): Expr {
  return ifChain(
    [
      [call('NOT', refTo(ok)), str('')],
      [compare(met, '=', num(0)), str('')],
    ],
    arith(evidenced, ['/', met]),
  );
}
