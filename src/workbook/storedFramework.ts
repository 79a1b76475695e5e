/**
 * The framework an assessment was made from, kept in the workbook itself: the meta sheet's
 * columns G:H hold it as framework JSON split into parts, with its length and a checksum so that
 * a cut-short or edited copy is found before it is used. A colleague who opens the file, or the
 * pane on any later day, reads the same criteria without being asked for the framework file.
 *
 * Why a sheet and not a custom XML part: the meta sheet is already how the add-in recognises its
 * workbook, it works on every host (custom XML parts need ExcelApi 1.5), it is read in the sync
 * that reads the meta block, and the .xlsx writer writes it from the same plan as the add-in.
 *
 * This file decides only about text; the framework loader (src/domain) checks what the text
 * says. It imports nothing heavy, because the pane reads the block before its engine arrives.
 */
import { rect, type A1 } from './address';
import { META_SHEET } from './layout';
import type { PlanCell } from './plan';
import type { SheetValue } from './snapshot';

/** Column G: labels; column H: values. Left of it the meta block and the criterion index. */
export const STORED_FRAMEWORK_COLUMN = 7;
export const STORED_FRAMEWORK_HEADER = 'stored framework';
/** Characters per cell: under Excel's 32,767 per cell, with room to spare. */
export const STORED_PART_CHARS = 30_000;
/** Parts enough for the largest framework the loader accepts (MAX_FRAMEWORK_CHARS, 5,000,000). */
export const STORED_MAX_PARTS = 170;
/** Rows before the first part: header, characters, checksum, parts. */
const FIRST_PART_ROW = 5;

/** Every cell the stored framework can take, read in one go. */
export const STORED_FRAMEWORK_RANGE: A1 = rect(
  1,
  STORED_FRAMEWORK_COLUMN,
  FIRST_PART_ROW - 1 + STORED_MAX_PARTS,
  2,
);

/**
 * FNV-1a over the UTF-16 code units, as 8 hex digits: a check against damage (a part lost, a cell
 * edited), not against a person who means to forge a framework, which the loader checks anyway.
 */
export function textChecksum(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** Splits text into parts of at most `size` characters, never between the halves of a surrogate pair. */
export function splitText(text: string, size: number): string[] {
  const parts: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + size, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    parts.push(text.slice(start, end));
    start = end;
  }
  return parts;
}

/** The block's rows (labels in G, values in H) for a framework's JSON text. */
export function storedFrameworkRows(json: string, partChars = STORED_PART_CHARS): PlanCell[][] {
  const parts = splitText(json, partChars);
  if (parts.length > STORED_MAX_PARTS) {
    throw new RangeError(
      `the framework is ${json.length} characters long, more than the workbook can keep (${STORED_MAX_PARTS * STORED_PART_CHARS})`,
    );
  }
  return [
    [STORED_FRAMEWORK_HEADER, 'framework JSON, split across the cells below'],
    ['characters', json.length],
    ['checksum', textChecksum(json)],
    ['parts', parts.length],
    ...parts.map((part, i): PlanCell[] => [`part ${i + 1}`, part]),
  ];
}

export type StoredFrameworkText =
  /** An older workbook, made before the framework was kept in it. */
  | { readonly kind: 'none' }
  | { readonly kind: 'text'; readonly text: string; readonly where: string }
  | { readonly kind: 'damaged'; readonly problems: readonly string[] };

const valueCell = (row: number) => `${META_SHEET}!H${row}`;

/** Joins the parts read from STORED_FRAMEWORK_RANGE and checks them against the length and checksum. */
export function readStoredFrameworkText(values: readonly (readonly SheetValue[])[]): StoredFrameworkText {
  const at = (row: number, column: 0 | 1): SheetValue | undefined => values[row - 1]?.[column];
  if (at(1, 0) !== STORED_FRAMEWORK_HEADER) return { kind: 'none' };
  const length = at(2, 1);
  const checksum = at(3, 1);
  const count = at(4, 1);
  const problems: string[] = [];
  if (typeof length !== 'number' || !Number.isInteger(length) || length < 1) {
    problems.push(
      `${valueCell(2)} should hold the stored framework’s length in characters but holds ${shown(length)}.`,
    );
  }
  if (typeof checksum !== 'string' || !/^[0-9a-f]{8}$/.test(checksum)) {
    problems.push(
      `${valueCell(3)} should hold the stored framework’s checksum (8 hex digits) but holds ${shown(checksum)}.`,
    );
  }
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > STORED_MAX_PARTS) {
    problems.push(
      `${valueCell(4)} should hold how many cells the stored framework takes (1 to ${STORED_MAX_PARTS}) but holds ${shown(count)}.`,
    );
  }
  if (problems.length > 0) return { kind: 'damaged', problems };
  const parts: string[] = [];
  for (let i = 0; i < (count as number); i++) {
    const part = at(FIRST_PART_ROW + i, 1);
    if (typeof part !== 'string' || part === '') {
      problems.push(
        `${valueCell(FIRST_PART_ROW + i)} should hold part ${i + 1} of the stored framework but is ${part === '' || part === undefined ? 'empty' : `not text (${shown(part)})`}.`,
      );
    } else {
      parts.push(part);
    }
  }
  if (problems.length > 0) return { kind: 'damaged', problems };
  const text = parts.join('');
  const last = FIRST_PART_ROW + parts.length - 1;
  const where = `${META_SHEET}!H${FIRST_PART_ROW}${last > FIRST_PART_ROW ? `:H${last}` : ''}`;
  if (text.length !== length) {
    return {
      kind: 'damaged',
      problems: [
        `The stored framework in ${where} is ${text.length} characters long but ${valueCell(2)} says ${length as number}: part of it is missing or was changed.`,
      ],
    };
  }
  if (textChecksum(text) !== checksum) {
    return {
      kind: 'damaged',
      problems: [
        `The stored framework in ${where} does not match the checksum in ${valueCell(3)}: it was changed after the add-in wrote it.`,
      ],
    };
  }
  return { kind: 'text', text, where };
}

function shown(value: SheetValue | undefined): string {
  return value === undefined || value === '' ? 'nothing' : JSON.stringify(value);
}
