/**
 * Reading a rating cell. Only a scale value (a number, to nine decimal places: see
 * RATING_DECIMALS) or the exact not-applicable label counts; everything else is 'invalid', so the
 * engine and the sheet formulas (which use ROUND, MATCH and EXACT) agree on every cell. Near misses that can only mean one thing (" 4 ", "n/a",
 * "4 - In place and effective") carry a `fix`: the canonical value a fix would write.
 */
import type { RatingScale } from './framework/types';
import type { CellValue } from './responses';
import { describeCellValue } from './cellText';

/** The value a fix would write: a scale value, or the not-applicable label. */
export type RatingFixValue = number | string;

export type RatingReading =
  | { readonly kind: 'blank' }
  | { readonly kind: 'rated'; readonly value: number }
  | { readonly kind: 'na' }
  | {
      readonly kind: 'invalid';
      readonly raw: CellValue;
      /** What was found and what is expected, for people. */
      readonly message: string;
      /** Present only when the value is a near miss that can mean one thing only. */
      readonly fix?: RatingFixValue;
    };

/** Error values Excel hands over as text. '#N/A' is one of them: it is not "not applicable". */
export const EXCEL_ERROR_VALUES: readonly string[] = [
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#BUSY!',
  '#UNKNOWN!',
  '#PYTHON!',
  '#EXTERNAL!',
];
const EXCEL_ERRORS = new Set(EXCEL_ERROR_VALUES);

export function isExcelError(raw: CellValue): boolean {
  return typeof raw === 'string' && EXCEL_ERRORS.has(raw.trim().toUpperCase());
}

/**
 * True for an empty cell or one holding only ordinary spaces: exactly what the sheet's formula
 * treats as unanswered (Excel's TRIM removes only U+0020). Tabs, line breaks and non-breaking
 * spaces are reported as not recognised instead, in the engine and in the sheet alike, so the two
 * never disagree about a cell.
 */
export function isBlankCell(raw: CellValue): boolean {
  return raw === null || raw === undefined || (typeof raw === 'string' && /^ *$/u.test(raw));
}

/** "a rating 1 to 4 or N/A" for a run of whole numbers, "a rating 1, 2 or 4 or N/A" otherwise. */
export function expectedRatingText(scale: RatingScale): string {
  const values = scaleValues(scale);
  const first = values[0];
  const last = values[values.length - 1];
  const isRun = values.every((v, i) => v === (first ?? 0) + i);
  const range =
    isRun && first !== undefined && last !== undefined
      ? `${first} to ${last}`
      : joinWithOr(values.map(String));
  return `a rating ${range} or ${scale.notApplicable.label}`;
}

/** The scale's point values in ascending order. */
export function scaleValues(scale: RatingScale): number[] {
  return scale.points.map((p) => p.value).sort((a, b) => a - b);
}

/** "4 (In place and effective)", or the bare number if it is not on the scale. */
export function ratingWithLabel(value: number, scale: RatingScale): string {
  const point = scale.points.find((p) => p.value === value);
  return point ? `${value} (${point.label})` : String(value);
}

/** How a fix value reads in a message: "4 (In place and effective)" or "N/A". */
export function describeFixValue(fix: RatingFixValue, scale: RatingScale): string {
  return typeof fix === 'number' ? ratingWithLabel(fix, scale) : fix;
}

/**
 * Readings that carry nothing of the cell are shared: a check of 100,000 responses would
 * otherwise allocate one per cell. They are readonly, so sharing is safe.
 */
const BLANK: RatingReading = Object.freeze({ kind: 'blank' });
const NOT_APPLICABLE: RatingReading = Object.freeze({ kind: 'na' });
const ratedByScale = new WeakMap<RatingScale, ReadonlyMap<number, RatingReading>>();

function ratedReadings(scale: RatingScale): ReadonlyMap<number, RatingReading> {
  let rated = ratedByScale.get(scale);
  if (!rated) {
    rated = new Map(
      scale.points.map((p) => [p.value, Object.freeze({ kind: 'rated' as const, value: p.value })]),
    );
    ratedByScale.set(scale, rated);
  }
  return rated;
}

/**
 * A number counts as the scale value it rounds to at nine decimal places. Arithmetic in a cell
 * leaves binary noise (=0.1*30 is 3.0000000000000004, =3.3-0.3 is 2.9999999999999996) that Excel
 * shows as 3 and compares as 3, while MATCH in HyperFormula finds no 3: the sheet could not agree
 * with itself, let alone with the engine. So the engine and the "Counts as" formula both round
 * first (ROUND(rating, 9) in src/workbook/ratingFormulas.ts countsAs) and then look for the exact
 * value: a cell that shows 3 counts as 3, in the sheet, the add-in and the check that compares
 * them. 3.001 is still not a rating. Documented in docs/user-guide.md (Ratings).
 */
export const RATING_DECIMALS = 9;
const RATING_ROUNDING = 10 ** RATING_DECIMALS;

/** `raw` rounded as ROUND(raw, RATING_DECIMALS) rounds it (away from zero at a half). */
export function roundRating(raw: number): number {
  const scaled = Math.round(Math.abs(raw) * RATING_ROUNDING) / RATING_ROUNDING;
  return raw < 0 ? -scaled : scaled;
}

export function readRating(raw: CellValue, scale: RatingScale): RatingReading {
  if (isBlankCell(raw)) return BLANK;
  if (typeof raw === 'number') {
    // Map lookup is SameValueZero: -0 matches 0 and NaN matches nothing on a scale of numbers.
    const reading = Number.isFinite(raw) ? ratedReadings(scale).get(roundRating(raw)) : undefined;
    if (reading) return reading;
    return invalid(raw, `${describeCellValue(raw)} is not on the rating scale`, scale);
  }
  if (typeof raw === 'string') {
    if (raw === scale.notApplicable.label) return NOT_APPLICABLE;
    return readRatingText(raw, scale);
  }
  return invalid(raw, `${describeCellValue(raw)} is not a rating`, scale);
}

/**
 * The value to write back into a rating cell for a reading: the scale value, the N/A label, ''
 * for blank, and for an invalid reading its fix, or the raw value unchanged when there is no
 * certain fix (a writer must never destroy what someone typed).
 */
export function canonicalRating(reading: RatingReading, scale: RatingScale): CellValue {
  switch (reading.kind) {
    case 'blank':
      return '';
    case 'rated':
      return reading.value;
    case 'na':
      return scale.notApplicable.label;
    case 'invalid':
      return reading.fix !== undefined ? reading.fix : reading.raw;
  }
}

/** Text the cell holds that is not exactly the N/A label: look for a certain near miss. */
function readRatingText(raw: string, scale: RatingScale): RatingReading {
  const shown = describeCellValue(raw);
  if (isExcelError(raw)) {
    return invalid(raw, `${shown} is an Excel error value, not a rating`, scale);
  }
  const text = normalise(raw);
  if (text === '') {
    return invalid(
      raw,
      'the cell holds only invisible characters (such as a tab, a line break, a non-breaking or zero-width space), which Excel does not count as empty',
      scale,
    );
  }
  // What makes this text not the value it looks like, named for the officer.
  const why = nearMissReason(raw);
  const naLabel = scale.notApplicable.label;
  const naSpellings = [naLabel, ...scale.notApplicable.aliases].map(normalise);
  if (naSpellings.includes(text)) return nearMiss(raw, naLabel, scale, why);

  const bareNumber = parseWholeNumber(text);
  if (bareNumber !== null) {
    return isOnScale(bareNumber, scale)
      ? nearMiss(raw, bareNumber, scale, why)
      : invalid(raw, `${shown} is not on the rating scale${why ? ` (${why})` : ''}`, scale);
  }

  const labelled = LABELLED.exec(text);
  if (labelled?.[1] !== undefined && labelled[2] !== undefined) {
    const number = parseWholeNumber(labelled[1]);
    // "4 (In place and effective)" is how the add-in itself writes a rating in its messages.
    const labelValue = valueForLabel(labelled[2].replace(/^\((.*)\)$/u, '$1'), scale);
    if (number !== null && labelValue !== null) {
      if (number === labelValue) return nearMiss(raw, number, scale);
      return invalid(
        raw,
        `${shown} is not a rating: its number ${number} and its label (which means ${labelValue}) disagree`,
        scale,
      );
    }
  }

  const labelOnly = valueForLabel(text, scale);
  if (labelOnly !== null) return nearMiss(raw, labelOnly, scale, why);
  return invalid(raw, `${shown} is not a rating${why ? ` (${why})` : ''}`, scale);
}

/**
 * Characters that show as nothing: zero-width space, joiners, word joiner, byte order mark, soft
 * hyphen. A paste from a web page or a PDF often brings them, and "3" with one is not 3.
 */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/u;
const INVISIBLE_NAMES: Readonly<Record<string, string>> = {
  '\u00ad': 'a soft hyphen',
  '\u200b': 'a zero-width space',
  '\u200c': 'a zero-width non-joiner',
  '\u200d': 'a zero-width joiner',
  '\u2060': 'a word joiner',
  '\ufeff': 'a zero-width no-break space',
};

/** "an invisible zero-width space", or undefined when the text has none. */
function invisibleIn(text: string): string | undefined {
  const found = INVISIBLE.exec(text)?.[0];
  return found === undefined
    ? undefined
    : `it holds an invisible character, ${INVISIBLE_NAMES[found] ?? 'a zero-width character'}`;
}

/** "4 - label", "4 – label" (en dash), "4 — label", "4: label", "4. label", "4) label", "4 label". */
const LABELLED = /^(\d+(?:\.0+)?)\s*(?:[-\u2013\u2014:.)]\s*)?(\D.*)$/u;

/** Invisible characters dropped, trimmed, inner whitespace (including non-breaking spaces) collapsed, lower case. */
function normalise(text: string): string {
  return text.replace(new RegExp(INVISIBLE.source, 'gu'), '').trim().replace(/\s+/gu, ' ').toLowerCase();
}

/** "4", "04", "4.0" give 4; anything else (signs, "4.5", "1e0") gives null. */
function parseWholeNumber(text: string): number | null {
  const match = /^(\d+)(?:\.0+)?$/u.exec(text);
  if (!match?.[1]) return null;
  const value = Number(match[1]);
  return Number.isSafeInteger(value) ? value : null;
}

function isOnScale(value: number, scale: RatingScale): boolean {
  return scale.points.some((p) => p.value === value);
}

function valueForLabel(text: string, scale: RatingScale): number | null {
  const wanted = normalise(text);
  const point = scale.points.find((p) => normalise(p.label) === wanted);
  return point ? point.value : null;
}

function nearMiss(raw: string, fix: RatingFixValue, scale: RatingScale, why?: string): RatingReading {
  let message: string | undefined;
  return {
    kind: 'invalid',
    raw,
    fix,
    // Built when first read: see checks/context.ts issue().
    get message(): string {
      return (message ??= `${describeCellValue(raw)} is not a rating as typed${why ? ` (${why})` : ''}; it can become ${describeFixValue(fix, scale)}`);
    },
  };
}

/** Why a near miss is not the value it looks like, or undefined when it plainly is other words. */
export function nearMissReason(raw: string): string | undefined {
  return (
    invisibleIn(raw) ?? (parseWholeNumber(normalise(raw)) !== null ? 'a number stored as text' : undefined)
  );
}

function invalid(raw: CellValue, found: string, scale: RatingScale): RatingReading {
  let message: string | undefined;
  return {
    kind: 'invalid',
    raw,
    get message(): string {
      return (message ??= `${found}; expected ${expectedRatingText(scale)}`);
    },
  };
}

function joinWithOr(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1] ?? ''}`;
}
