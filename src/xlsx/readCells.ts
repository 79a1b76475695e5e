/**
 * Reads the cell values of an .xlsx file: every sheet by name, each cell's number, text or
 * true/false as the file holds it (formulas by their cached result). Enough to read a framework
 * written in Excel (src/domain/framework/sheets) and colleagues' copies; no styles, no charts.
 * Pure (fflate to unzip, htmlparser2's tokenizer for the markup, see xmlStream.ts; no DOM or
 * Node), so the pane and `npm run template` read a file alike. Each part is read in one pass,
 * keeping only what the reader needs (readParts.ts, readSheet.ts): no tree of the markup is built.
 *
 * A file that is not an .xlsx, or is damaged, gives an error message that says so; parts are
 * only unpacked up to a size no framework needs, so a hostile file cannot exhaust memory (a larger
 * part the reader needs is refused by name rather than read as empty).
 */
import { strFromU8, unzipSync } from 'fflate';
import type { WorkbookCells, WorkbookSheet } from '../domain';
import { readRelationshipTargets, readSharedStrings, readSheetList, type ListedSheet } from './readParts';
import { readSheetRows } from './readSheet';
import { XlsxReadError } from './xlsxReadError';

export { XlsxReadError };

/** Largest part unpacked, in bytes: a framework of 5,000,000 characters fits many times over. */
const MAX_PART_BYTES = 64 * 1024 * 1024;

const WORKBOOK = 'xl/workbook.xml';
const RELATIONSHIPS = 'xl/_rels/workbook.xml.rels';
const SHARED_STRINGS = 'xl/sharedStrings.xml';

/**
 * The file's XML parts: which it has, the workbook-wide ones unpacked at once, and those too large
 * to unpack. Any other part is unpacked when first read, so what no reader looks at (styles,
 * charts, drawings, sheets left unread) costs nothing; the zip's directory is read again for it.
 */
interface Parts {
  readonly zip: Uint8Array;
  readonly present: ReadonlySet<string>;
  readonly unpacked: ReadonlyMap<string, Uint8Array>;
  readonly tooLarge: ReadonlyMap<string, number>;
}

const isMarkup = (name: string) => name.endsWith('.xml') || name.endsWith('.rels');

/** The zip's entries that `wanted` accepts, unpacked; a damaged zip is said to be one. */
function unzipParts(zip: Uint8Array, wanted: (file: { name: string; originalSize: number }) => boolean) {
  try {
    return unzipSync(zip, { filter: wanted });
  } catch (error: unknown) {
    throw new XlsxReadError(`it is not an .xlsx workbook, or it is damaged (${messageOf(error)})`);
  }
}

/** The file's list of parts, with the workbook-wide ones the reader needs (`first`) unpacked. */
function unpack(zip: Uint8Array, first: readonly string[]): Parts {
  const present = new Set<string>();
  const tooLarge = new Map<string, number>();
  const unpacked = unzipParts(zip, (f) => {
    if (!isMarkup(f.name)) return false;
    if (f.originalSize > MAX_PART_BYTES) {
      tooLarge.set(f.name, f.originalSize);
      return false;
    }
    present.add(f.name);
    return first.includes(f.name);
  });
  return { zip, present, unpacked: new Map(Object.entries(unpacked)), tooLarge };
}

/** A part's bytes, unpacked now if they were not with the first ones; undefined when there is none. */
function partBytes(parts: Parts, name: string): Uint8Array | undefined {
  if (!parts.present.has(name)) return undefined;
  return parts.unpacked.get(name) ?? unzipParts(parts.zip, (f) => f.name === name)[name];
}

const megabytes = (bytes: number) => `${Math.ceil(bytes / 2 ** 20).toLocaleString('en-GB')} MB`;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * What `read` makes of a part's markup; undefined when the file has no such part. Markup that
 * cannot be followed is a damaged file, named by its part.
 */
function readPart<T>(parts: Parts, name: string, read: (xml: string) => T): T | undefined {
  const size = parts.tooLarge.get(name);
  if (size !== undefined) {
    throw new XlsxReadError(
      `its part ${name} would unpack to ${megabytes(size)}, more than the ${megabytes(MAX_PART_BYTES)} the add-in reads in one part`,
    );
  }
  const data = partBytes(parts, name);
  if (data === undefined) return undefined;
  try {
    return read(strFromU8(data));
  } catch (error: unknown) {
    // A cell the reader refuses says so itself (sheet and cell); anything else is the markup.
    if (error instanceof XlsxReadError) throw error;
    throw new XlsxReadError(`it is not an .xlsx workbook, or it is damaged (${name}: ${messageOf(error)})`);
  }
}

/** The workbook part's list of sheets, which every .xlsx has: without it the file is some other kind. */
function sheetList(parts: Parts): ListedSheet[] {
  if (!parts.present.has(WORKBOOK) && !parts.tooLarge.has(WORKBOOK))
    throw new XlsxReadError('it is not an Excel workbook (.xlsx): it has no workbook part');
  return readPart(parts, WORKBOOK, readSheetList) ?? [];
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
  const parts = unpack(bytes, [WORKBOOK, RELATIONSHIPS, SHARED_STRINGS]);
  const listed = sheetList(parts);
  const targets = readPart(parts, RELATIONSHIPS, readRelationshipTargets) ?? new Map<string, string>();
  const strings = readPart(parts, SHARED_STRINGS, readSharedStrings) ?? [];
  const sheets: WorkbookSheet[] = [];
  for (const { name, id } of listed) {
    const path = targets.get(id ?? '');
    if (name === undefined || path === undefined) continue;
    // A chart sheet or a missing part has no cells to read.
    sheets.push(
      lazySheet(name, () => readPart(parts, path, (xml) => readSheetRows(name, xml, strings)) ?? []),
    );
  }
  return { sheets };
}

/**
 * The names of the file's sheets in order (worksheets and chart sheets alike), reading only the
 * workbook part: what Excel's own parser is checked against (src/excel/readCopyWithExcel.ts).
 */
export function readSheetNames(bytes: Uint8Array): string[] {
  return sheetList(unpack(bytes, [WORKBOOK])).flatMap(({ name }) => (name === undefined ? [] : [name]));
}
