/**
 * The .xlsx cell reader on markup other programs write: namespace prefixes, inline strings, rich
 * text with phonetic runs, booleans, cached formula results, escaped characters, cells and rows
 * without their reference, and a chart sheet with no cells.
 */
import { strToU8, zipSync } from 'fflate';
import { readWorkbookCells, XlsxReadError } from '../../src/xlsx';

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
