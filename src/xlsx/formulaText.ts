/**
 * Formulas as a file holds them. Office.js takes formulas as typed in Excel ("=IFS(...)"); a file
 * stores them without the "=" and with the `_xlfn.` prefix before every function added after
 * Excel 2007, or Excel and LibreOffice read the name as unknown (#NAME?).
 *
 * The plan uses only Excel 2007 functions today (see formula.ts), so nothing is prefixed; the
 * table is here so a future formula cannot silently break files.
 */

/** Functions added in Excel 2010 and later that files must prefix with `_xlfn.` (Microsoft's list, abridged to the ones a plan might plausibly use). */
export const XLFN_FUNCTIONS: ReadonlySet<string> = new Set([
  'AGGREGATE',
  'CEILING.MATH',
  'CONCAT',
  'DAYS',
  'FLOOR.MATH',
  'FORMULATEXT',
  'IFNA',
  'IFS',
  'ISFORMULA',
  'ISOWEEKNUM',
  'MAXIFS',
  'MINIFS',
  'NUMBERVALUE',
  'PERCENTILE.INC',
  'PERCENTILE.EXC',
  'QUARTILE.INC',
  'RANK.EQ',
  'SHEET',
  'SHEETS',
  'STDEV.S',
  'STDEV.P',
  'SWITCH',
  'TEXTJOIN',
  'UNIQUE',
  'SORT',
  'FILTER',
  'SEQUENCE',
  'XLOOKUP',
  'XMATCH',
  'LET',
  'LAMBDA',
]);

/**
 * The function names called in a formula, upper case, ignoring string literals and quoted sheet
 * names ('Sheet (1)'!A1 is not a call of SHEET).
 */
export function functionNames(formula: string): string[] {
  const names: string[] = [];
  forEachCall(formula, (name) => names.push(name.toUpperCase()));
  return names;
}

/** "=IFS(A1>1,1)" → "_xlfn.IFS(A1>1,1)": the formula text for a file's <f> element. */
export function toFileFormula(formula: string): string {
  if (!formula.startsWith('=')) throw new RangeError(`"${formula}" is not a formula (it must start with =)`);
  const body = formula.slice(1);
  let out = '';
  let last = 0;
  forEachCall(body, (name, start) => {
    if (XLFN_FUNCTIONS.has(name.toUpperCase()) && !body.slice(0, start).endsWith('_xlfn.')) {
      out += `${body.slice(last, start)}_xlfn.`;
      last = start;
    }
  });
  return out + body.slice(last);
}

/** Calls `visit(name, index)` for every identifier followed by "(" outside quotes. */
function forEachCall(text: string, visit: (name: string, start: number) => void): void {
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' || ch === "'") {
      // Skip a quoted run; a doubled quote inside it is an escaped quote.
      i += 1;
      while (i < text.length) {
        if (text[i] === ch) {
          if (text[i + 1] === ch) i += 2;
          else break;
        } else i += 1;
      }
      i += 1;
      continue;
    }
    const m = /^[A-Za-z_][A-Za-z0-9_.]*(?=\()/.exec(text.slice(i));
    if (m && (i === 0 || !/[A-Za-z0-9_.$!]/.test(text[i - 1] ?? ''))) {
      visit(m[0], i);
      i += m[0].length;
      continue;
    }
    i += 1;
  }
}
