/**
 * The .xlsx cell reader on markup other programs write: namespace prefixes, inline strings, rich
 * text with phonetic runs, booleans, cached formula results, escaped characters, cells and rows
 * without their reference, and a chart sheet with no cells. Text comes back exactly (spaces, line
 * ends, character references), a damaged file is refused by part or cell, a DOCTYPE cannot make
 * text grow, and whatever text the add-in's own writer writes reads back unchanged.
 */
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { sheetName, type A1 } from '../../src/workbook/address';
import type { WorkbookPlan } from '../../src/workbook/plan';
import { readWorkbookCells, writeWorkbookFile, XlsxReadError } from '../../src/xlsx';

function file(parts: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)])));
}

const WORKBOOK = `<?xml version="1.0"?>
<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
  <x:sheets><x:sheet name="Criteria &amp; more" sheetId="1" r:id="rId1"/><x:sheet name="Chart" sheetId="2" r:id="rId2"/></x:sheets>
</x:workbook>`;

const RELS = `<?xml version="1.0"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rId1" Type="worksheet" Target="/xl/worksheets/one.xml"/>
  <Relationship Id="rId2" Type="chartsheet" Target="chartsheets/sheet1.xml"/>
</Relationships>`;

const STRINGS = `<?xml version="1.0"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
  <si><t>ID</t></si>
  <si><r><t>Leader</t></r><r><rPr><b/></rPr><t xml:space="preserve">ship &lt;area&gt;</t></r><rPh sb="0" eb="1"><t>ignored</t></rPh></si>
  <si><t>line_x000D_break and _x005F_x0041_</t></si>
  <si/>
</sst>`;

const SHEET = `<?xml version="1.0"?>
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
  <x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="C1" t="s"><x:v>1</x:v></x:c></x:row>
  <x:row r="3" spans="1:4"><x:c r="A3" t="inlineStr"><x:is><x:t>2.10</x:t></x:is></x:c><x:c t="b"><x:v>1</x:v></x:c><x:c><x:v>0.8</x:v></x:c><x:c t="str"><x:f>A3&amp;"x"</x:f><x:v>2.10x</x:v></x:c></x:row>
  <x:row><x:c r="B4" s="2"/><x:c r="C4" t="s"><x:v>2</x:v></x:c><x:c r="D4" t="s"><x:v>3</x:v></x:c></x:row>
</x:sheetData></x:worksheet>`;

/** Every sheet's rows: the reader parses a sheet when its rows are first read (readCells.ts lazySheet). */
const readAllRows = (bytes: Uint8Array) => readWorkbookCells(bytes).sheets.map((sheet) => sheet.rows);

describe('reading cells from an .xlsx file', () => {
  it('reads values as the file holds them, whatever the markup’s dialect', () => {
    const cells = readWorkbookCells(
      file({
        'xl/workbook.xml': WORKBOOK,
        'xl/_rels/workbook.xml.rels': RELS,
        'xl/sharedStrings.xml': STRINGS,
        'xl/worksheets/one.xml': SHEET,
      }),
    );
    expect(cells.sheets.map((s) => s.name)).toEqual(['Criteria & more', 'Chart']);
    const rows = cells.sheets[0]?.rows ?? [];
    expect(rows[0]).toEqual(['ID', undefined, 'Leadership <area>']);
    expect(rows[1]).toBeUndefined();
    expect(rows[2]).toEqual(['2.10', true, 0.8, '2.10x']);
    // A row without its number follows the one before; an empty shared string is empty text.
    expect(rows[3]).toEqual([undefined, undefined, 'line\rbreak and _x0041_', '']);
    expect(cells.sheets[1]?.rows).toEqual([]);
  });

  it('says what is wrong with a file that is not a workbook', () => {
    expect(() => readWorkbookCells(strToU8('plain text'))).toThrow(XlsxReadError);
    expect(() => readWorkbookCells(file({ 'word/document.xml': '<w:document/>' }))).toThrow(
      'it is not an Excel workbook (.xlsx): it has no workbook part',
    );
  });
});

/** A workbook of one sheet whose markup is given, with shared strings when there are any. */
function oneSheet(sheetData: string, strings?: string, rels = RELS): Uint8Array {
  return file({
    'xl/workbook.xml': WORKBOOK,
    'xl/_rels/workbook.xml.rels': rels,
    ...(strings === undefined ? {} : { 'xl/sharedStrings.xml': strings }),
    'xl/worksheets/one.xml': `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetData}</sheetData></worksheet>`,
  });
}

const sst = (...items: string[]) =>
  `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${items.join('')}</sst>`;

function firstRow(bytes: Uint8Array): readonly unknown[] | undefined {
  return readWorkbookCells(bytes).sheets[0]?.rows[0];
}

describe('reading cell text exactly as the file holds it', () => {
  it('keeps leading and trailing spaces, tabs, line breaks and text of spaces alone', () => {
    const bytes = oneSheet(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t xml:space="preserve">\n\tindented </t></is></c><c r="D1" t="s"><v>2</v></c></row>',
      sst(
        '<si><t xml:space="preserve">  two spaces before, one after </t></si>',
        '<si><t xml:space="preserve">line one\nline two\n</t></si>',
        '<si><t xml:space="preserve">   </t></si>',
      ),
    );
    expect(firstRow(bytes)).toEqual([
      '  two spaces before, one after ',
      'line one\nline two\n',
      '\n\tindented ',
      '   ',
    ]);
  });

  it('decodes numeric character references, in text and in attributes, once', () => {
    const bytes = oneSheet(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="str"><v>&#x1F600;&#65;</v></c><c r="C1" t="inlineStr"><is><t>&amp;#10; stays as written</t></is></c><c r="D1" t="s"><v>1</v></c></row>',
      sst('<si><t>one&#10;two&#xD;three&#9;&#x26;&lt;</t></si>', '<si><t>&#x110000; &nbsp;</t></si>'),
    );
    expect(firstRow(bytes)).toEqual([
      'one\ntwo\rthree\t&<',
      '😀A',
      '&#10; stays as written',
      // No such character, and an entity XML does not define: left as written, as before.
      '&#x110000; &nbsp;',
    ]);
    const named = file({
      'xl/workbook.xml':
        '<workbook xmlns:r="r"><sheets><sheet name="Tab&#9;&#x41;&apos;s" r:id="rId1"/></sheets></workbook>',
      'xl/_rels/workbook.xml.rels': RELS,
    });
    expect(readWorkbookCells(named).sheets.map((s) => s.name)).toEqual(["Tab\tA's"]);
  });

  it('reads line ends as XML defines them; a carriage return survives as Excel writes it', () => {
    const bytes = oneSheet(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>',
      sst('<si><t>one\r\ntwo\rthree</t></si>', '<si><t>one_x000D_\ntwo&#13;</t></si>'),
    );
    expect(firstRow(bytes)).toEqual(['one\ntwo\nthree', 'one\r\ntwo\r']);
  });

  it('reads text in CDATA sections, and skips comments and processing instructions', () => {
    const bytes = oneSheet(
      '<!-- <row r="1"><c r="A1"><v>9</v></c></row> --><row r="1"><?pi x?><c r="A1" t="inlineStr"><is><t>a<![CDATA[<b> & ]]>c</t></is></c></row>',
    );
    expect(firstRow(bytes)).toEqual(['a<b> & c']);
  });

  it('reads elements and attributes under any namespace prefix', () => {
    const bytes = file({
      'xl/workbook.xml':
        '<wb:workbook xmlns:wb="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><wb:sheets><wb:sheet name="One" sheetId="1" rel:id="rId1"/></wb:sheets></wb:workbook>',
      'xl/_rels/workbook.xml.rels':
        '<pr:Relationships xmlns:pr="http://schemas.openxmlformats.org/package/2006/relationships"><pr:Relationship Id="rId1" Type="worksheet" Target="./worksheets/../worksheets/one.xml"/></pr:Relationships>',
      'xl/sharedStrings.xml':
        '<s:sst xmlns:s="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><s:si><s:r><s:t>Rich </s:t></s:r><s:r><s:t>text</s:t></s:r></s:si></s:sst>',
      'xl/worksheets/one.xml':
        '<ss:worksheet xmlns:ss="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><ss:sheetData><ss:row ss:r="2"><ss:c ss:r="B2" ss:t="s"><ss:v>0</ss:v></ss:c></ss:row></ss:sheetData></ss:worksheet>',
    });
    expect(readWorkbookCells(bytes).sheets).toEqual([
      { name: 'One', rows: [undefined, [undefined, 'Rich text']] },
    ]);
  });

  it('joins rich-text runs and leaves out phonetic runs, in shared and inline strings', () => {
    const bytes = oneSheet(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><r><t>東京</t></r><r><rPr><i/></rPr><t xml:space="preserve"> office</t></r><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></is></c></row>',
      sst(
        '<si><r><rPr><b/></rPr><t xml:space="preserve">Bold </t></r><rPh sb="0" eb="1"><t>ボールド</t></rPh><r><t>plain</t></r><rPh sb="1" eb="2"><t>プレーン</t></rPh></si>',
      ),
    );
    expect(firstRow(bytes)).toEqual(['Bold plain', '東京 office']);
  });

  it('refuses a cell that refers to shared text the file does not hold, naming the sheet and cell', () => {
    const outside = oneSheet(
      '<row r="4"><c r="C4" t="s"><v>2</v></c></row>',
      sst('<si><t>a</t></si>', '<si><t>b</t></si>'),
    );
    expect(() => readAllRows(outside)).toThrow(XlsxReadError);
    expect(() => readAllRows(outside)).toThrow(
      'sheet "Criteria & more", cell C4 refers to shared text 2, but the file holds only 2 (numbered from 0): the file is damaged',
    );
    const noTable = oneSheet('<row r="1"><c t="s"><v>0</v></c></row>');
    expect(() => readAllRows(noTable)).toThrow(
      'cell A1 refers to shared text 0, but the file holds none: the file is damaged',
    );
    const notANumber = oneSheet(
      '<row r="1"><c r="B1" t="s"><v>first</v></c></row>',
      sst('<si><t>a</t></si>'),
    );
    expect(() => readAllRows(notANumber)).toThrow('cell B1 refers to shared text "first"');
  });

  it('never expands entities a DOCTYPE declares, so a file cannot multiply its text', () => {
    const laughs = [
      '<!DOCTYPE sst [',
      '<!ENTITY lol "lol">',
      ...Array.from(
        { length: 9 },
        (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`,
      ),
      ']>',
    ].join('\n');
    const bytes = oneSheet(
      '<row r="1"><c r="A1" t="s"><v>0</v></c></row>',
      `${laughs}${sst('<si><t>&lol9;&lol;</t></si>')}`,
    );
    expect(firstRow(bytes)).toEqual(['&lol9;&lol;']);
  });

  it('says which part is damaged when its markup cannot be followed', () => {
    const bytes = oneSheet('<row r="1"><c r="A1"><v>1</v></c></row><!-- never closed');
    expect(() => readAllRows(bytes)).toThrow(
      /^it is not an \.xlsx workbook, or it is damaged \(xl\/worksheets\/one\.xml: .+\)$/,
    );
  });
});

/** A one-sheet plan holding each text in column A, one a row. */
function textPlan(texts: readonly string[]): WorkbookPlan {
  return {
    meta: { layoutVersion: 1, frameworkId: 'texts', frameworkVersion: '1', frameworkTitle: 'Texts' },
    sheets: [
      {
        name: sheetName('Texts'),
        role: 'framework',
        visible: true,
        blocks: [{ at: 'A1' as A1, cells: texts.map((text) => [text]) }],
        formats: [],
        columns: [],
        validations: [],
        protect: false,
        landscape: false,
      },
    ],
    names: [],
    charts: [],
  };
}

/** Any character (no lone surrogate halves, which no file can hold), often one that needs care. */
const character = fc.oneof(
  fc
    .integer({ min: 0, max: 0x10ffff })
    .filter((code) => code < 0xd800 || code > 0xdfff)
    .map((code) => String.fromCodePoint(code)),
  fc.constantFrom(
    ' ',
    '\n',
    '\r',
    '\t',
    '&',
    '<',
    '>',
    '"',
    "'",
    ';',
    '#',
    '_',
    '\u0000',
    '\u0001',
    '\u001F',
  ),
  fc.constantFrom(
    '\uFFFE',
    '\uFFFF',
    '\u00A0',
    '\u2028',
    '😀',
    '_x0041_',
    '_x005F_',
    '&amp;',
    '&#10;',
    ']]>',
  ),
);

/** The file with one part's size, as its zip directory declares it, set to `size` (nothing unpacked). */
function declaringSize(bytes: Uint8Array, part: string, size: number): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  // Each central directory entry: signature PK\x01\x02, the unpacked size at 24, the name at 46.
  for (let at = 0; at + 46 <= out.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const name = new TextDecoder().decode(out.subarray(at + 46, at + 46 + view.getUint16(at + 28, true)));
    if (name === part) view.setUint32(at + 24, size, true);
  }
  return out;
}

describe('parts too large to unpack', () => {
  it('names the part instead of reading its sheet as empty', () => {
    const bytes = declaringSize(
      oneSheet('<row r="1"><c r="A1"><v>1</v></c></row>'),
      'xl/worksheets/one.xml',
      0x7fffffff,
    );
    expect(() => readAllRows(bytes)).toThrow(
      'its part xl/worksheets/one.xml would unpack to 2,048 MB, more than the 64 MB the add-in reads in one part',
    );
  });

  it('does not mind a large part it does not read', () => {
    const bytes = declaringSize(
      file({
        'xl/workbook.xml': WORKBOOK,
        'xl/_rels/workbook.xml.rels': RELS,
        'xl/worksheets/one.xml': '<worksheet><sheetData><row><c><v>7</v></c></row></sheetData></worksheet>',
        'xl/styles.xml': '<styleSheet/>',
      }),
      'xl/styles.xml',
      0x7fffffff,
    );
    expect(readWorkbookCells(bytes).sheets[0]?.rows).toEqual([[7]]);
  });
});

describe('the writer and the reader agree', () => {
  it('reads back every text the workbook writer writes, character for character', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ unit: character, maxLength: 24 }), { minLength: 1, maxLength: 12 }),
        async (texts) => {
          const rows = readWorkbookCells(await writeWorkbookFile(textPlan(texts))).sheets[0]?.rows ?? [];
          // An empty text is a blank cell, as in Excel.
          expect(texts.map((_, i) => rows[i]?.[0])).toEqual(texts.map((t) => (t === '' ? undefined : t)));
        },
      ),
      { numRuns: 150 },
    );
  });
});
