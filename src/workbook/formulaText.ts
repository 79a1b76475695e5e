/**
 * Comparing formula text as Excel hands it back with the text the plan wrote. Excel (and the
 * test engine) may drop quotes around sheet names that do not need them, change letter case,
 * spacing and the way a number is written (0.000000001 or 1E-9); none of that changes what a
 * formula computes. String literals are kept exactly.
 */
/**
 * A name or reference (A1, Sheet1!B2, _xlfn.X, .5 after a name) or a number. Names are matched
 * whole so that only a number standing on its own is rewritten; this is what a lookbehind
 * `(?<![A-Z0-9_.!])` before the number would say, but Safari before 16.4 (Excel for Mac on older
 * macOS) cannot parse a lookbehind, and test/build refuses them in the bundle.
 */
const NAME_OR_NUMBER = /[A-Z_.!][A-Z0-9_.!]*|\d+(?:\.\d+)?(?:E[+-]?\d+)?/g;

function normaliseCode(code: string): string {
  const bare = code.replace(/['$\s]/gu, '').toUpperCase();
  return bare.replace(NAME_OR_NUMBER, (token) => (/^\d/.test(token) ? String(Number(token)) : token));
}

export function normaliseFormula(formula: string): string {
  // Even-indexed parts are code, odd-indexed parts the insides of "string literals".
  return formula
    .split('"')
    .map((part, i) => (i % 2 === 0 ? normaliseCode(part) : part))
    .join('"');
}

/**
 * Whether a formula (or a name's reference, "='Knowing customers'!$F$5:$F$20") refers to cells on
 * `sheet`, quoted or not, ignoring case as Excel does. Text inside "string literals" does not count.
 */
export function refersToSheet(formula: string, sheet: string): boolean {
  const code = formula
    .split('"')
    .filter((_, i) => i % 2 === 0)
    .join(' ')
    .toLowerCase();
  const name = sheet.toLowerCase();
  const quoted = `'${name.replace(/'/g, "''")}'!`;
  if (code.includes(quoted)) return true;
  // No lookbehind: Safari before 16.4 cannot parse one (see NAME_OR_NUMBER).
  const bare = new RegExp(`(?:^|[^\\w.'])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}!`);
  return bare.test(code);
}

export function sameFormula(written: string, held: unknown): boolean {
  return typeof held === 'string' && normaliseFormula(written) === normaliseFormula(held);
}
