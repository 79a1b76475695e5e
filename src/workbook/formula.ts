/**
 * Formula building blocks. Strings are escaped here and sheet references quoted by `address.ts`,
 * so no user text is ever concatenated into a formula unescaped.
 *
 * Only functions that exist in Excel 2016, LibreOffice and HyperFormula are used: no LET, no
 * dynamic arrays, no TEXT, AVERAGEIFS or INDIRECT (see platform-facts.md).
 */

/** A formula body without the leading '='. */
export type Expr = string & { readonly __brand: 'Expr' };

export function expr(text: string): Expr {
  return text as Expr;
}

/** A string literal: "He said ""hi""". */
export function str(text: string): Expr {
  return `"${text.replace(/"/g, '""')}"` as Expr;
}

/**
 * A number literal in plain decimal notation. Scientific notation ("1E-9") is valid in Excel but
 * not in every engine that reads our formulas (HyperFormula rejects it), so it is expanded.
 */
export function num(n: number): Expr {
  if (!Number.isFinite(n)) throw new RangeError(`${n} cannot be written into a formula`);
  if (Object.is(n, -0)) return '0' as Expr;
  const text = String(n);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!m) return text as Expr;
  const [, sign = '', lead = '', rest = '', exp = '0'] = m;
  const digits = lead + rest;
  const point = 1 + Number(exp);
  const plain =
    point <= 0
      ? `0.${'0'.repeat(-point)}${digits}`
      : point >= digits.length
        ? digits + '0'.repeat(point - digits.length)
        : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return `${sign}${plain}` as Expr;
}

export function call(fn: string, ...args: Expr[]): Expr {
  if (!/^[A-Z][A-Z0-9.]*$/.test(fn)) throw new RangeError(`"${fn}" is not a function name`);
  return `${fn}(${args.join(',')})` as Expr;
}

/** A cell or range reference (A1, 'Sheet'!$B$2:$B$9) or a defined name, used as an expression. */
export function refTo(reference: string): Expr {
  return reference as Expr;
}

/** The comparison operators of Excel's formula language. */
export type Comparison = '=' | '<>' | '<' | '<=' | '>' | '>=';

/** The arithmetic operators; each binds tighter than any comparison. */
export type Arithmetic = '+' | '-' | '*' | '/';

/** `a op b`, a comparison: the lowest precedence, so its operands need no brackets. */
export function compare(a: Expr, op: Comparison, b: Expr): Expr {
  return `${a}${op}${b}` as Expr;
}

/**
 * `a op b op c ...`, evaluated left to right as Excel does (* and / before + and -). Operands that
 * are themselves sums inside a product must be bracketed with `group`.
 */
export function arith(first: Expr, ...rest: readonly (readonly [Arithmetic, Expr])[]): Expr {
  return rest.reduce<string>((acc, [op, e]) => `${acc}${op}${e}`, first) as Expr;
}

/** `(e)`: brackets, where precedence needs them. */
export function group(e: Expr): Expr {
  return `(${e})` as Expr;
}

/** The text Excel's Range.formulas takes: '=' followed by the body. */
export function formula(body: Expr): string {
  return `=${body}`;
}

/** IF(c1, v1, IF(c2, v2, ... otherwise)) from a list of branches. */
export function ifChain(branches: readonly (readonly [Expr, Expr])[], otherwise: Expr): Expr {
  return branches.reduceRight<Expr>((acc, [cond, value]) => call('IF', cond, value, acc), otherwise);
}
