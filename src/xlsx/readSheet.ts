/**
 * A worksheet part's cell values, read in one pass (xmlStream.ts): each cell's number, text or
 * true/false as the file holds it (formulas by their cached result), placed by its reference or,
 * where the file leaves that out, after the cell (or row) before it.
 */
import type { SheetCell } from '../domain';
import { columnLetter } from '../workbook/address';
import { decodeExcelEscapes, RichText, richTextRole } from './richText';
import { attribute, DOCUMENT, readXml, SKIP, type Attributes } from './xmlStream';
import { XlsxReadError } from './xlsxReadError';

/**
 * The column of a cell reference: "C14" → 3; undefined for anything but 1 to 3 capitals and
 * digits. Read character by character: a pattern match for each cell took a twentieth of the
 * time a copy takes to read.
 */
function columnOf(ref: string): number | undefined {
  let column = 0;
  let letters = 0;
  for (; letters < ref.length && letters < 3; letters++) {
    const code = ref.charCodeAt(letters);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  if (letters === 0 || letters === ref.length) return undefined;
  for (let at = letters; at < ref.length; at++) {
    const code = ref.charCodeAt(at);
    if (code < 48 || code > 57) return undefined;
  }
  return column;
}

/** Where a cell is, for a message: `sheet "Criteria", cell C4`. */
interface CellPlace {
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
}

function sharedString(strings: readonly string[], index: string, at: CellPlace): string {
  const numbered = /^\s*\d+\s*$/.test(index);
  const text = numbered ? strings[Number(index)] : undefined;
  if (text !== undefined) return text;
  const cell =
    at.column >= 1 && at.column <= 16384
      ? `cell ${columnLetter(at.column)}${at.row}`
      : `a cell in row ${at.row}`;
  const held = strings.length === 0 ? 'none' : `only ${strings.length} (numbered from 0)`;
  throw new XlsxReadError(
    `sheet "${at.sheet}", ${cell} refers to shared text ${numbered ? index.trim() : `"${index}"`}, but the file holds ${held}: the file is damaged`,
  );
}

/** A cell as its markup gives it: its type (`t`), its `<v>`'s text and its inline string's. */
interface CellMarkup {
  readonly type: string | undefined;
  readonly v: string | undefined;
  readonly inline: string | undefined;
}

function cellValue(cell: CellMarkup, strings: readonly string[], at: CellPlace): SheetCell {
  const { v } = cell;
  switch (cell.type) {
    case 's':
      return v === undefined ? undefined : sharedString(strings, v, at);
    case 'inlineStr':
      return cell.inline ?? '';
    case 'str':
    case 'e':
      return v === undefined ? undefined : decodeExcelEscapes(v);
    case 'b':
      return v === undefined ? undefined : v.trim() === '1';
    default: {
      if (v === undefined || v.trim() === '') return undefined;
      const n = Number(v);
      return Number.isFinite(n) ? n : v;
    }
  }
}

const ROOT = 2;
const SHEET_DATA = 3;
const ROW = 4;
const CELL = 5;
const VALUE = 6;
const INLINE = 7;

/** The cells of one sheet, gathered as the markup streams past. */
class SheetReader {
  readonly rows: SheetCell[][] = [];
  private sheetDataRead = false;
  private row = 0;
  private column = 0;
  private type: string | undefined;
  private v: string | undefined;
  private inline: string | undefined;
  private readonly item = new RichText();

  constructor(
    private readonly sheet: string,
    private readonly strings: readonly string[],
  ) {}

  open(parent: number, name: string, attributes: Attributes): number {
    if (parent === DOCUMENT) return ROOT;
    if (parent === ROOT) return this.openSheetData(name);
    if (parent === SHEET_DATA && name === 'row') {
      this.row = Number(attribute(attributes, 'r') ?? this.row + 1);
      this.column = 0;
      return ROW;
    }
    if (parent === ROW && name === 'c') {
      this.column = columnOf(attribute(attributes, 'r') ?? '') ?? this.column + 1;
      this.type = attribute(attributes, 't');
      this.v = undefined;
      this.inline = undefined;
      return CELL;
    }
    if (parent === CELL) return this.openInCell(name);
    return richTextRole(parent, INLINE, name);
  }

  /** Only the first `<sheetData>` holds the cells, as before. */
  private openSheetData(name: string): number {
    if (name !== 'sheetData' || this.sheetDataRead) return SKIP;
    this.sheetDataRead = true;
    return SHEET_DATA;
  }

  /** A cell's first `<v>` and first `<is>` are its value; its formula (`<f>`) is not read. */
  private openInCell(name: string): number {
    if (name === 'v' && this.v === undefined) {
      this.v = '';
      return VALUE;
    }
    if (name === 'is' && this.inline === undefined) {
      this.inline = '';
      return INLINE;
    }
    return SKIP;
  }

  text(role: number, text: string): void {
    if (role === VALUE) this.v = (this.v ?? '') + text;
    else this.item.add(role, text);
  }

  close(role: number): void {
    if (role === INLINE) this.inline = this.item.take();
    else if (role === CELL) this.closeCell();
  }

  private closeCell(): void {
    const at = { sheet: this.sheet, row: this.row, column: this.column };
    const value = cellValue({ type: this.type, v: this.v, inline: this.inline }, this.strings, at);
    if (value === undefined) return;
    const row = (this.rows[this.row - 1] ??= []);
    row[this.column - 1] = value;
  }
}

/** The sheet's rows of cell values (a row or cell the file leaves out is a hole). */
export function readSheetRows(sheet: string, xml: string, strings: readonly string[]): SheetCell[][] {
  const reader = new SheetReader(sheet, strings);
  readXml(xml, reader);
  return reader.rows;
}
