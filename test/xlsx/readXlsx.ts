/**
 * A small reader for the .xlsx files the writer produces and LibreOffice re-saves: the parts of
 * the zip, the sheets by name, cells with their value, formula and style, and the parsed XML of any
 * part. Independent of the writer's code, so tests read the file as another program would.
 */
import { strFromU8, unzipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';

export type XmlNode = Record<string, unknown>;

const LISTS = new Set([
  'sheet',
  'row',
  'c',
  'si',
  'r',
  'definedName',
  'dataValidation',
  'col',
  'xf',
  'font',
  'fill',
  'numFmt',
  'Relationship',
  'Override',
  'c:ser',
  'xdr:twoCellAnchor',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // Numeric character references (&#10; for a line break, as LibreOffice writes one) are decoded
  // only with HTML entities switched on; Excel reads them as the characters they name.
  htmlEntities: true,
  isArray: (name) => LISTS.has(name),
});

export interface FileCell {
  /** Number, text, boolean, or an error text such as "#N/A"; undefined for an empty cell. */
  readonly value: string | number | boolean | undefined;
  /** The formula as stored (no leading "="), when there is one. */
  readonly formula?: string;
  /** The cell's type attribute (s, str, b, e, n, inlineStr) or undefined. */
  readonly type?: string;
  readonly style: number;
}

export interface XlsxFile {
  readonly parts: ReadonlyMap<string, string>;
  readonly sheetNames: readonly string[];
  /** The parsed XML of a part (throws when the part is missing). */
  xml(path: string): XmlNode;
  /** Path of the worksheet part for a sheet name. */
  sheetPath(name: string): string;
  sheetXml(name: string): XmlNode;
  /** Every cell of a sheet that the file lists, by A1 address. */
  cells(name: string): ReadonlyMap<string, FileCell>;
  sheetState(name: string): string;
}

const asArray = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** Text of a <t> node, which the parser hands over as a string or as {#text, @_xml:space}. */
function textOf(node: unknown): string {
  if (node === undefined || node === null) return '';
  if (typeof node === 'string') return node;
  if (typeof node === 'object' && '#text' in (node as XmlNode)) return String((node as XmlNode)['#text']);
  return '';
}

function decodeExcelEscapes(text: string): string {
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export function readXlsx(bytes: Uint8Array): XlsxFile {
  const entries = unzipSync(bytes);
  const parts = new Map(Object.entries(entries).map(([path, data]) => [path, strFromU8(data)]));
  const parsed = new Map<string, XmlNode>();
  const xml = (path: string): XmlNode => {
    const known = parsed.get(path);
    if (known) return known;
    const text = parts.get(path);
    if (text === undefined) throw new Error(`the file has no part ${path}`);
    const node = parser.parse(text) as XmlNode;
    parsed.set(path, node);
    return node;
  };

  const workbook = xml('xl/workbook.xml').workbook as XmlNode;
  const sheets = asArray((workbook.sheets as XmlNode).sheet as XmlNode[]);
  const rels = asArray(
    (xml('xl/_rels/workbook.xml.rels').Relationships as XmlNode).Relationship as XmlNode[],
  );
  const pathOf = new Map(
    sheets.map((s) => {
      const rel = rels.find((r) => r['@_Id'] === s['@_r:id']);
      const target = String(rel?.['@_Target'] ?? '');
      return [String(s['@_name']), target.startsWith('/') ? target.slice(1) : `xl/${target}`];
    }),
  );
  const sheetPath = (name: string): string => {
    const path = pathOf.get(name);
    if (!path) throw new Error(`the file has no sheet "${name}"`);
    return path;
  };

  let strings: string[] | undefined;
  const sharedStrings = (): string[] => {
    if (strings) return strings;
    if (!parts.has('xl/sharedStrings.xml')) return (strings = []);
    const sst = xml('xl/sharedStrings.xml').sst as XmlNode;
    strings = asArray(sst.si as XmlNode[]).map((si) => {
      const runs = asArray(si.r as XmlNode[]);
      const raw = runs.length > 0 ? runs.map((r) => textOf(r.t)).join('') : textOf(si.t);
      return decodeExcelEscapes(raw);
    });
    return strings;
  };

  const cells = (name: string): Map<string, FileCell> => {
    const sheetData = (xml(sheetPath(name)).worksheet as XmlNode).sheetData as XmlNode | string;
    const out = new Map<string, FileCell>();
    if (typeof sheetData !== 'object') return out;
    for (const row of asArray(sheetData.row as XmlNode[])) {
      for (const c of asArray(row.c as XmlNode[])) {
        const type = c['@_t'] as string | undefined;
        const v = c.v === undefined ? undefined : textOf(c.v);
        const f = c.f === undefined ? undefined : textOf(c.f);
        let value: FileCell['value'];
        if (type === 's') value = sharedStrings()[Number(v)];
        else if (type === 'inlineStr') value = textOf((c.is as XmlNode | undefined)?.t);
        else if (type === 'str' || type === 'e') value = v ?? '';
        else if (type === 'b') value = v === '1';
        else value = v === undefined || v === '' ? undefined : Number(v);
        out.set(String(c['@_r']), {
          value,
          ...(f !== undefined ? { formula: f } : {}),
          ...(type !== undefined ? { type } : {}),
          style: Number(c['@_s'] ?? 0),
        });
      }
    }
    return out;
  };

  return {
    parts,
    sheetNames: sheets.map((s) => String(s['@_name'])),
    xml,
    sheetPath,
    sheetXml: (name) => xml(sheetPath(name)).worksheet as XmlNode,
    cells,
    sheetState: (name) => String(sheets.find((s) => s['@_name'] === name)?.['@_state'] ?? 'visible'),
  };
}

export { asArray };
