/**
 * Describing a cell value inside a message. Messages end up in a task pane, a worksheet cell and a
 * board report, so whatever a cell holds (10,000 characters, emoji, right-to-left text, control
 * characters, an invalid Date) must come out short, whole and readable, and never throw.
 */
import type { CellValue } from './responses';

/** Text longer than this many characters (graphemes) is cut, with an ellipsis and its length. */
export const MAX_SHOWN_CHARACTERS = 40;

export function describeCellValue(raw: CellValue): string {
  if (raw === null || raw === undefined) return 'an empty cell';
  if (typeof raw === 'number') return describeNumber(raw);
  if (typeof raw === 'boolean') return `the logical value ${raw ? 'TRUE' : 'FALSE'}`;
  if (raw instanceof Date) {
    return Number.isNaN(raw.getTime()) ? 'an invalid date' : `the date ${formatDayMonthYear(raw)}`;
  }
  if (typeof raw === 'string') return quoteText(raw);
  // CellValue is closed, but values arrive from outside the type system (Office.js, files).
  return 'a value of an unexpected kind';
}

function describeNumber(value: number): string {
  if (Number.isNaN(value)) return 'a number that is not valid (NaN)';
  if (!Number.isFinite(value)) return 'an infinite number';
  return String(value);
}

/** 31/03/2027, from the date's local calendar day. */
export function formatDayMonthYear(date: Date): string {
  const dd = String(date.getDate()).padStart(2, '0');
  const mm = String(date.getMonth() + 1).padStart(2, '0');
  return `${dd}/${mm}/${date.getFullYear()}`;
}

/**
 * The text in straight double quotes, cut at a grapheme boundary (so an emoji or a combining mark
 * is never split), with line breaks and other control characters shown as spaces and lone
 * surrogates as U+FFFD. Right-to-left text, and text with bidirectional controls (an override
 * would otherwise reverse the rest of the message), is wrapped in Unicode isolates, whose closing
 * mark ends any embedding or override left open inside.
 */
export function quoteText(text: string): string {
  const cleaned = cleanForMessage(text);
  // Text no longer than the limit in code units cannot have more graphemes than the limit: most
  // cell values take this path, which skips segmenting (the costly part of checking many cells).
  const head =
    cleaned.length <= MAX_SHOWN_CHARACTERS ? [cleaned] : firstGraphemes(cleaned, MAX_SHOWN_CHARACTERS + 1);
  // One grapheme can be any length (a letter with thousands of combining marks), so the shown
  // text is also capped in code units.
  const graphemesShown = head.slice(0, MAX_SHOWN_CHARACTERS).join('');
  const cut = head.length > MAX_SHOWN_CHARACTERS || graphemesShown.length > MAX_SHOWN_CODE_UNITS;
  const shown = cut ? `${cutAtCodePoint(graphemesShown, MAX_SHOWN_CODE_UNITS)}…` : cleaned;
  const isolated = RIGHT_TO_LEFT.test(shown) ? `\u2068${shown}\u2069` : shown;
  // The length counts code points: counting graphemes would mean segmenting all of a long text.
  const length = cut ? ` (${codePointCount(cleaned)} characters)` : '';
  return `"${isolated}"${length}`;
}

/** Control characters shown as spaces and lone surrogates as U+FFFD: safe in any message or file. */
export function cleanForMessage(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- control characters are exactly what this strips.
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/gu, ' ')
      // A lone surrogate (half an emoji, from a cut-off paste) breaks XML and JSON writers.
      .replace(LONE_SURROGATE, '\ufffd')
  );
}

/** The most code units of text a message shows from one value. */
const MAX_SHOWN_CODE_UNITS = 400;

/** The first `limit` code units, never splitting a surrogate pair. */
function cutAtCodePoint(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const code = text.charCodeAt(limit - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit);
}

/**
 * A surrogate code unit not in a pair. With the `u` flag a pair is one code point outside this
 * range, so only lone halves match. (Not a lookbehind: Safari before 16.4, which Excel for Mac
 * uses on older macOS, cannot even parse one, and test/build refuses them in the bundle.)
 */
const LONE_SURROGATE = /[\ud800-\udfff]/gu;

/** Hebrew, Arabic, Syriac, Thaana, N'Ko, the presentation forms, and bidirectional controls. */
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\u200f\u202a-\u202e\u2066-\u2069]/u;

let segmenter: Intl.Segmenter | null | undefined;

/** At most `limit` graphemes from the start of the text; segmenting stops there. */
function firstGraphemes(text: string, limit: number): string[] {
  // Intl.Segmenter is in every engine the add-in supports; fall back to code points if absent.
  if (segmenter === undefined) {
    segmenter =
      typeof Intl !== 'undefined' && 'Segmenter' in Intl
        ? new Intl.Segmenter('en-GB', { granularity: 'grapheme' })
        : null;
  }
  const pieces: string[] = [];
  const source: Iterable<{ segment: string } | string> = segmenter === null ? text : segmenter.segment(text);
  for (const piece of source) {
    if (pieces.length >= limit) break;
    pieces.push(typeof piece === 'string' ? piece : piece.segment);
  }
  return pieces;
}

function codePointCount(text: string): number {
  return Array.from(text).length;
}
