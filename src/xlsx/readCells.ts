/**
 * Reads the cell values of an .xlsx file: every sheet by name, each cell's number, text or
 * true/false as the file holds it (formulas by their cached result). Enough to read a framework
 * written in Excel (src/domain/framework/sheets); no styles, no charts. Pure (fflate and string
 * scanning, no DOM or Node), so the pane and `npm run template` read a file alike.
 *
 * A file that is not an .xlsx, or is damaged, gives an error message that says so; parts are
 * only unpacked up to a size no framework needs, so a hostile file cannot exhaust memory.
 */
import { strFromU8, unzipSync } from 'fflate';
import type { SheetCell, WorkbookCells, WorkbookSheet } from '../domain';

/** Largest part unpacked, in bytes: a framework of 5,000,000 characters fits many times over. */
const MAX_PART_BYTES = 64 * 1024 * 1024;

export class XlsxReadError extends Error {
  override readonly name = 'XlsxReadError';
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    return ENTITIES[ref] ?? '';
  });
}

/** Excel writes characters XML cannot hold as `_xHHHH_` (and a literal `_x…_` as `_x005F_x…_`). */
function decodeExcelEscapes(text: string): string {
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The attributes of a start tag, by name without any namespace prefix. */
function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
    const name = (m[1] ?? '').replace(/^.*:/, '');
    out.set(name, decodeXml(m[3] ?? m[4] ?? ''));
  }
  return out;
}

/** The text of every `<t>` in a fragment, skipping phonetic runs (`<rPh>`), which are not cell text. */
function textRuns(xml: string): string {
  const plain = xml.replace(/<(\w+:)?rPh\b[\s\S]*?<\/(\w+:)?rPh>/g, '');
  let out = '';
  for (const m of plain.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)) out += m[1] ?? '';
  return decodeExcelEscapes(decodeXml(out));
}

function sharedStrings(xml: string | undefined): string[] {
  if (xml === undefined) return [];
  return [...xml.matchAll(/<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g)].map((m) =>
    textRuns(m[1] ?? ''),
  );
}

/** "C14" → [14, 3]. */
function position(ref: string): [number, number] | undefined {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(ref);
  if (!m || m[1] === undefined || m[2] === undefined) return undefined;
  let column = 0;
  for (const ch of m[1]) column = column * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]), column];
}

function cellValue(type: string | undefined, body: string, strings: readonly string[]): SheetCell {
  const v = /<(?:\w+:)?v>([\s\S]*?)<\/(?:\w+:)?v>/.exec(body)?.[1];
  switch (type) {
    case 's':
      return v === undefined ? undefined : strings[Number(v)];
    case 'inlineStr':
      return textRuns(/<(?:\w+:)?is>([\s\S]*?)<\/(?:\w+:)?is>/.exec(body)?.[1] ?? '');
    case 'str':
    case 'e':
      return v === undefined ? undefined : decodeExcelEscapes(decodeXml(v));
    case 'b':
      return v === undefined ? undefined : v.trim() === '1';
    default: {
      if (v === undefined || v.trim() === '') return undefined;
      const n = Number(v);
      return Number.isFinite(n) ? n : decodeXml(v);
    }
  }
}

function sheetRows(xml: string, strings: readonly string[]): SheetCell[][] {
  const rows: SheetCell[][] = [];
  let rowNumber = 0;
  for (const r of xml.matchAll(/<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g)) {
    const at = Number(attributes(r[1] ?? '').get('r') ?? rowNumber + 1);
    rowNumber = at;
    let column = 0;
    for (const c of (r[2] ?? '').matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)) {
      const attrs = attributes(c[1] ?? '');
      const place = position(attrs.get('r') ?? '');
      column = place ? place[1] : column + 1;
      const value = cellValue(attrs.get('t'), c[2] ?? '', strings);
      if (value === undefined) continue;
      const row = (rows[rowNumber - 1] ??= []);
      row[column - 1] = value;
    }
  }
  return rows;
}

function relationshipTargets(xml: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of (xml ?? '').matchAll(/<(?:\w+:)?Relationship\b([^>]*)\/?>/g)) {
    const a = attributes(m[1] ?? '');
    const id = a.get('Id');
    const target = a.get('Target');
    if (id && target)
      out.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);
  }
  return out;
}

function unpack(bytes: Uint8Array): Map<string, string> {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (f) =>
        f.name.endsWith('.xml') || f.name.endsWith('.rels') ? f.originalSize <= MAX_PART_BYTES : false,
    });
  } catch (error: unknown) {
    throw new XlsxReadError(
      `it is not an .xlsx workbook, or it is damaged (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  return new Map(Object.entries(entries).map(([name, data]) => [name, strFromU8(data)]));
}

/** Every sheet's cell values; throws XlsxReadError with words for a person when the file cannot be read. */
export function readWorkbookCells(bytes: Uint8Array): WorkbookCells {
  const parts = unpack(bytes);
  const workbook = parts.get('xl/workbook.xml');
  if (workbook === undefined)
    throw new XlsxReadError('it is not an Excel workbook (.xlsx): it has no workbook part');
  const targets = relationshipTargets(parts.get('xl/_rels/workbook.xml.rels'));
  const strings = sharedStrings(parts.get('xl/sharedStrings.xml'));
  const sheets: WorkbookSheet[] = [];
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*)\/?>/g)) {
    const a = attributes(m[1] ?? '');
    const name = a.get('name');
    const path = targets.get(a.get('id') ?? '');
    if (name === undefined || path === undefined) continue;
    const xml = parts.get(path);
    // A chart sheet or a missing part has no cells to read.
    sheets.push({ name, rows: xml === undefined ? [] : sheetRows(xml, strings) });
  }
  return { sheets };
}
