/**
 * Reads the cell values of an .xlsx file: every sheet by name, each cell's number, text or
 * true/false as the file holds it (formulas by their cached result). Enough to read a framework
 * written in Excel (src/domain/framework/sheets) and colleagues' copies; no styles, no charts.
 * Pure (fflate to unzip, fast-xml-parser for the markup, see xmlTree.ts; no DOM or Node), so the
 * pane and `npm run template` read a file alike.
 *
 * A file that is not an .xlsx, or is damaged, gives an error message that says so; parts are
 * only unpacked up to a size no framework needs, so a hostile file cannot exhaust memory (a larger
 * part the reader needs is refused by name rather than read as empty).
 */
import { strFromU8, unzipSync } from 'fflate';
import type { SheetCell, WorkbookCells, WorkbookSheet } from '../domain';
import { columnLetter } from '../workbook/address';
import { attribute, child, children, parseXml, textOf, type XmlElement } from './xmlTree';

/** Largest part unpacked, in bytes: a framework of 5,000,000 characters fits many times over. */
const MAX_PART_BYTES = 64 * 1024 * 1024;

export class XlsxReadError extends Error {
  override readonly name = 'XlsxReadError';
}

/** Excel writes characters XML cannot hold as `_xHHHH_` (and a literal `_x…_` as `_x005F_x…_`). */
function decodeExcelEscapes(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The text of a string item (`<si>`, `<is>`): its `<t>` and its runs' `<t>`, not phonetic runs (`<rPh>`). */
function richText(item: XmlElement | undefined): string {
  let out = '';
  for (const t of children(item, 't')) out += textOf(t);
  for (const run of children(item, 'r')) for (const t of children(run, 't')) out += textOf(t);
  return decodeExcelEscapes(out);
}

function sharedStrings(part: XmlElement | undefined): string[] {
  return children(part, 'si').map(richText);
}

/** "C14" → [14, 3]. */
function position(ref: string): [number, number] | undefined {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(ref);
  if (!m || m[1] === undefined || m[2] === undefined) return undefined;
  let column = 0;
  for (const ch of m[1]) column = column * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]), column];
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

function cellValue(cell: XmlElement, strings: readonly string[], at: CellPlace): SheetCell {
  const held = child(cell, 'v');
  const v = held && textOf(held);
  switch (attribute(cell, 't')) {
    case 's':
      return v === undefined ? undefined : sharedString(strings, v, at);
    case 'inlineStr':
      return richText(child(cell, 'is'));
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

function sheetRows(name: string, part: XmlElement | undefined, strings: readonly string[]): SheetCell[][] {
  const rows: SheetCell[][] = [];
  let rowNumber = 0;
  for (const r of children(child(part, 'sheetData'), 'row')) {
    rowNumber = Number(attribute(r, 'r') ?? rowNumber + 1);
    let column = 0;
    for (const c of children(r, 'c')) {
      const place = position(attribute(c, 'r') ?? '');
      column = place ? place[1] : column + 1;
      const value = cellValue(c, strings, { sheet: name, row: rowNumber, column });
      if (value === undefined) continue;
      const row = (rows[rowNumber - 1] ??= []);
      row[column - 1] = value;
    }
  }
  return rows;
}

/** A relationship's target as a part name: absolute (`/xl/…`) or relative to `xl/`, with `./` and `../`. */
function partName(target: string): string {
  const segments: string[] = target.startsWith('/') ? [] : ['xl'];
  for (const segment of target.split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '' && segment !== '.') segments.push(segment);
  }
  return segments.join('/');
}

function relationshipTargets(part: XmlElement | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const relationship of children(part, 'Relationship')) {
    const id = attribute(relationship, 'Id');
    const target = attribute(relationship, 'Target');
    if (id && target) out.set(id, partName(target));
  }
  return out;
}

/** The file's XML parts as text, and the names of those too large to unpack (left packed). */
interface Parts {
  readonly text: ReadonlyMap<string, string>;
  readonly tooLarge: ReadonlyMap<string, number>;
}

function unpack(bytes: Uint8Array): Parts {
  const tooLarge = new Map<string, number>();
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (f) => {
        if (!f.name.endsWith('.xml') && !f.name.endsWith('.rels')) return false;
        if (f.originalSize <= MAX_PART_BYTES) return true;
        tooLarge.set(f.name, f.originalSize);
        return false;
      },
    });
  } catch (error: unknown) {
    throw new XlsxReadError(`it is not an .xlsx workbook, or it is damaged (${messageOf(error)})`);
  }
  const text = new Map(Object.entries(entries).map(([name, data]) => [name, strFromU8(data)]));
  return { text, tooLarge };
}

const megabytes = (bytes: number) => `${Math.ceil(bytes / 2 ** 20).toLocaleString('en-GB')} MB`;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A part's document element; markup the parser cannot follow is a damaged file, named by its part. */
function parsePart(parts: Parts, name: string): XmlElement | undefined {
  const size = parts.tooLarge.get(name);
  if (size !== undefined) {
    throw new XlsxReadError(
      `its part ${name} would unpack to ${megabytes(size)}, more than the ${megabytes(MAX_PART_BYTES)} the add-in reads in one part`,
    );
  }
  const xml = parts.text.get(name);
  if (xml === undefined) return undefined;
  try {
    return parseXml(xml);
  } catch (error: unknown) {
    throw new XlsxReadError(`it is not an .xlsx workbook, or it is damaged (${name}: ${messageOf(error)})`);
  }
}

/** The workbook part, which every .xlsx has: without it the file is some other kind. */
function workbookPart(parts: Parts): XmlElement | undefined {
  const name = 'xl/workbook.xml';
  if (!parts.text.has(name) && !parts.tooLarge.has(name))
    throw new XlsxReadError('it is not an Excel workbook (.xlsx): it has no workbook part');
  return parsePart(parts, name);
}

/**
 * A sheet whose cells are parsed when first asked for: a copy's readers look at a few of its
 * sheets (the meta block, Start, Summary, the area sheets), so the rest (Board, History, the
 * Change log...) are never parsed. Reading 200 copies takes about a third less time that way.
 */
function lazySheet(name: string, parse: () => WorkbookSheet['rows']): WorkbookSheet {
  let rows: WorkbookSheet['rows'] | undefined;
  return {
    name,
    get rows() {
      return (rows ??= parse());
    },
  };
}

/**
 * Every sheet's cell values. Throws XlsxReadError with words for a person when the file cannot be
 * read: at once for the file as a whole (not a zip, no workbook part, damaged shared strings), and
 * for one sheet's markup when that sheet's `rows` are first read (see lazySheet).
 */
export function readWorkbookCells(bytes: Uint8Array): WorkbookCells {
  const parts = unpack(bytes);
  const workbook = workbookPart(parts);
  const targets = relationshipTargets(parsePart(parts, 'xl/_rels/workbook.xml.rels'));
  const strings = sharedStrings(parsePart(parts, 'xl/sharedStrings.xml'));
  const sheets: WorkbookSheet[] = [];
  for (const sheet of children(child(workbook, 'sheets'), 'sheet')) {
    const name = attribute(sheet, 'name');
    const path = targets.get(attribute(sheet, 'id') ?? '');
    if (name === undefined || path === undefined) continue;
    // A chart sheet or a missing part has no cells to read.
    sheets.push(lazySheet(name, () => sheetRows(name, parsePart(parts, path), strings)));
  }
  return { sheets };
}

/**
 * The names of the file's sheets in order (worksheets and chart sheets alike), reading only the
 * workbook part: what Excel's own parser is checked against (src/excel/readCopyWithExcel.ts).
 */
export function readSheetNames(bytes: Uint8Array): string[] {
  const parts = unpack(bytes);
  const workbook = workbookPart(parts);
  return children(child(workbook, 'sheets'), 'sheet').flatMap((sheet) => {
    const name = attribute(sheet, 'name');
    return name === undefined ? [] : [name];
  });
}
