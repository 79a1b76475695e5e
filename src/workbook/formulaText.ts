/**
 * Comparing formula text as Excel hands it back with the text the plan wrote. Excel (and the
 * test engine) may drop quotes around sheet names that do not need them, change letter case,
 * spacing and the way a number is written (0.000000001 or 1E-9); none of that changes what a
 * formula computes. String literals are kept exactly.
 */
const NUMBER = /(?<![A-Z0-9_.!])\d+(?:\.\d+)?(?:E[+-]?\d+)?/g;

function normaliseCode(code: string): string {
  const bare = code.replace(/['$\s]/gu, '').toUpperCase();
  return bare.replace(NUMBER, (n) => String(Number(n)));
}

export function normaliseFormula(formula: string): string {
  // Even-indexed parts are code, odd-indexed parts the insides of "string literals".
  return formula
    .split('"')
    .map((part, i) => (i % 2 === 0 ? normaliseCode(part) : part))
    .join('"');
}

export function sameFormula(written: string, held: unknown): boolean {
  return typeof held === 'string' && normaliseFormula(written) === normaliseFormula(held);
}
