/**
 * References inside formula text, for what the formula engine does not rewrite itself: the text
 * Excel shows after a sheet is deleted ('=#REF!A1*2'), and conditional-format, data-validation,
 * chart and print-title references when rows or columns are inserted or deleted. Cell formulas
 * and defined names are shifted by the engine (HyperFormula's addRows/removeRows and friends).
 *
 * Deliberately independent of src/workbook/address.ts, like a1.ts.
 */
import { columnLetters, MAX_COLUMNS, MAX_ROWS, quoteSheet } from './a1';

const SHEET = String.raw`(?:'(?:[^']|'')+'|[A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*)`;
const CELL = String.raw`\$?[A-Za-z]{1,3}\$?\d+`;
const AREA = String.raw`${CELL}(?::${CELL})?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+`;
/** A reference in formula code: optional sheet prefix (group 1), then the area (group 2). */
const REFERENCE = new RegExp(String.raw`(?<![\w.$!'#])(?:(${SHEET})!)?(${AREA})(?![\w(!])`, 'g');

/** Applies `edit` to the code of a formula, leaving "string literals" (with "" escapes) alone. */
function mapCode(formula: string, edit: (code: string) => string): string {
  return formula
    .split('"')
    .map((part, i) => (i % 2 === 0 ? edit(part) : part))
    .join('"');
}

const unquote = (sheet: string): string =>
  sheet.startsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;

const sameSheet = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** Rewrites the sheet prefix of every reference to sheet `from` with `rewrite(area)`. */
function replaceSheetRefs(formula: string, from: string, rewrite: (area: string) => string): string {
  return mapCode(formula, (code) =>
    code.replace(REFERENCE, (whole, sheet: string | undefined, area: string) =>
      sheet === undefined || !sameSheet(unquote(sheet), from) ? whole : rewrite(area),
    ),
  );
}

/**
 * References to a deleted sheet as Excel rewrites them: "='Old'!A1*2" becomes '=#REF!A1*2'.
 * undefined when the formula does not refer to the sheet.
 */
export function deleteSheetRefs(formula: string, deleted: string): string | undefined {
  const rewritten = replaceSheetRefs(formula, deleted, (area) => `#REF!${area}`);
  return rewritten === formula ? undefined : rewritten;
}

/** References to a renamed sheet, as Excel rewrites them in every formula of the workbook. */
export function renameSheetRefs(formula: string, from: string, to: string): string {
  return replaceSheetRefs(formula, from, (area) => `${quoteSheet(to)}!${area}`);
}

const REF_TOKEN = new RegExp(String.raw`#REF!(?:${AREA})?(?![\w(!])`, 'g');

/**
 * Excel's text of a formula holding '#REF!A1'-style references, as the engine can hold it: each
 * '#REF!...' becomes a bare '#REF!' (which evaluates to #REF!), and `tokens` keeps Excel's text
 * of each one, in order, for showDeletedSheetRefs.
 */
export function engineForm(excel: string): { engine: string; tokens: string[] } {
  const tokens: string[] = [];
  const engine = mapCode(excel, (code) =>
    code.replace(REF_TOKEN, (token) => {
      tokens.push(token);
      return '#REF!';
    }),
  );
  return { engine, tokens };
}

/**
 * The engine's formula with its '#REF!'s shown as Excel shows them ('#REF!A1'), in order. A
 * '#REF!' that a later row or column deletion adds before the older ones can shift the order,
 * a limit the fake's README lists.
 */
export function showDeletedSheetRefs(formula: string, tokens: readonly string[]): string {
  let next = 0;
  return mapCode(formula, (code) => code.replace(/#REF!/g, (bare) => tokens[next++] ?? bare));
}

/** Rows or columns inserted (count > 0) or deleted (count < 0) at a 0-based index of a sheet. */
export interface LineEdit {
  readonly sheet: string;
  readonly axis: 'rows' | 'columns';
  readonly at: number;
  readonly count: number;
  /**
   * Cells only (Range.insert 'Down' on B5:C5): the columns (for a rows edit) or rows (for a columns
   * edit) the shift is limited to, 0-based inclusive. An area moves only when it lies within them.
   */
  readonly within?: readonly [number, number];
}

/** A span [from, to] after the edit, or undefined when every line of it was deleted. */
export function shiftSpan(
  from: number,
  to: number,
  edit: Pick<LineEdit, 'at' | 'count'>,
  max: number,
): [number, number] | undefined {
  const { at, count } = edit;
  if (count > 0) {
    if (from >= at) return [Math.min(from + count, max - 1), Math.min(to + count, max - 1)];
    if (to >= at) return [from, Math.min(to + count, max - 1)];
    return [from, to];
  }
  const n = -count;
  const end = at + n; // first line after the deleted ones
  const newFrom = from < at ? from : from >= end ? from - n : at;
  const newTo = to < at ? to : to >= end ? to - n : at - 1;
  return newTo < newFrom ? undefined : [newFrom, newTo];
}

const CELL_PARTS = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** One area ('B2', '$B$2:$C$9', 'A:C', '3:5') after an edit on its sheet, or '#REF!'. */
function shiftArea(area: string, edit: LineEdit): string {
  const [first = '', second] = area.split(':');
  const rows = edit.axis === 'rows';
  const cells = [first, second ?? first].map((p) => CELL_PARTS.exec(p));
  if (cells[0] && cells[1]) {
    const [a, b] = cells as [RegExpExecArray, RegExpExecArray];
    const index = (m: RegExpExecArray) => (rows ? Number(m[4]) - 1 : columnNumber(m[2] ?? ''));
    const across = (m: RegExpExecArray) => (rows ? columnNumber(m[2] ?? '') : Number(m[4]) - 1);
    const lo = Math.min(across(a), across(b));
    const hi = Math.max(across(a), across(b));
    if (edit.within && (lo < edit.within[0] || hi > edit.within[1])) return area;
    const span = shiftSpan(index(a), index(b), edit, rows ? MAX_ROWS : MAX_COLUMNS);
    if (!span) return '#REF!';
    const write = (m: RegExpExecArray, i: number) =>
      rows ? `${m[1]}${m[2]}${m[3]}${i + 1}` : `${m[1]}${columnLetters(i)}${m[3]}${m[4]}`;
    return second === undefined ? write(a, span[0]) : `${write(a, span[0])}:${write(b, span[1])}`;
  }
  // Whole rows ('3:5') move with a row edit; whole columns ('A:C') with a column edit; neither
  // with an edit of some cells only.
  const wholeRows = /^\$?\d+$/.test(first);
  if (wholeRows !== rows || edit.within) return area;
  const parse = (p: string) => (rows ? Number(p.replace('$', '')) - 1 : columnNumber(p.replace('$', '')));
  const span = shiftSpan(parse(first), parse(second ?? first), edit, rows ? MAX_ROWS : MAX_COLUMNS);
  if (!span) return '#REF!';
  const dollar = (p: string) => (p.startsWith('$') ? '$' : '');
  const show = (i: number) => (rows ? String(i + 1) : columnLetters(i));
  return `${dollar(first)}${show(span[0])}:${dollar(second ?? first)}${show(span[1])}`;
}

/**
 * A formula (or a reference such as "Summary!$A$1:$C$6") on sheet `own` after rows or columns
 * were inserted or deleted: references into the edited sheet move, references into deleted
 * cells become #REF!, as Excel rewrites them.
 */
export function shiftRefs(formula: string, own: string, edit: LineEdit): string {
  return mapCode(formula, (code) =>
    code.replace(REFERENCE, (whole, sheet: string | undefined, area: string) => {
      if (!sameSheet(sheet === undefined ? own : unquote(sheet), edit.sheet)) return whole;
      const moved = shiftArea(area, edit);
      return sheet === undefined ? moved : `${sheet}!${moved}`;
    }),
  );
}
