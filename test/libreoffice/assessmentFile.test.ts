/**
 * A colleague's copy re-saved by another program: a filled assessment written by the add-in,
 * opened and saved again by LibreOffice (its own string table, its own styles, review dates as date
 * cells of its own number format), reads back with the same responses, settings and framework,
 * with the add-in's file reader and with Excel's own parser (on the fake:
 * insertWorksheetsFromBase64). LibreOffice writes every text to its shared strings; some programs
 * write them inline in the cell instead, so the re-saved copy is also read with every text moved
 * inline and the string table removed.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledFrameworks, describeProblem, loadFramework, type Framework } from '../../src/domain';
import { buildPlan } from '../../src/workbook/buildPlan';
import { withResponses } from '../../src/workbook/filledPlan';
import { generateAssessment } from '../../src/excel/generate';
import { readCellsWithExcel } from '../../src/excel/readCopyWithExcel';
import { columnLetter } from '../../src/workbook/address';
import { AREA_FIRST_DATA_ROW } from '../../src/workbook/layout';
import { areaLayoutOf } from '../../src/workbook/sheets/area';
import { fileSheetNames, readAssessmentCells, readAssessmentFile } from '../../src/xlsx/assessmentFile';
import { FakeWorkbook, gateway } from '../platform/fake-excel';
import { writeWorkbookFile } from '../../src/xlsx';
import { SETTINGS } from '../xlsx/planFile';
import { asArray, readXlsx, type XlsxFile, type XmlNode } from '../xlsx/readXlsx';
import { sampleResponses } from '../xlsx/sampleResponses';
import { convertAll } from './soffice';

jest.setTimeout(600_000);

const reading = { loadFramework, describeProblem };
const KNOWN = [bundledFrameworks.draft2009, bundledFrameworks.leadershipRevision];

interface Resaved {
  readonly framework: Framework;
  /** As the add-in wrote it. */
  readonly written: Uint8Array;
  /** As LibreOffice saved it again. */
  readonly saved: Uint8Array;
}

let copies: Resaved[] = [];

beforeAll(async () => {
  const folder = mkdtempSync(join(tmpdir(), 'eq-assessment-lo-'));
  try {
    const written = await Promise.all(
      KNOWN.map(async (framework, i) => {
        const responses = sampleResponses(framework, 11 + i);
        const bytes = await writeWorkbookFile(
          withResponses(buildPlan(framework, SETTINGS).plan, framework, responses),
        );
        const path = join(folder, `copy-${i}.xlsx`);
        writeFileSync(path, bytes);
        return { path, bytes };
      }),
    );
    const saved = convertAll(
      written.map((w) => w.path),
      join(folder, 'saved'),
      'xlsx:Calc MS Excel 2007 XML',
      'xlsx',
    );
    copies = saved.map((path, i) => ({
      framework: KNOWN[i]!,
      written: written[i]!.bytes,
      saved: new Uint8Array(readFileSync(path)),
    }));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

/** The copy read by Excel's parser into an officer's workbook (the fake at ExcelApi 1.13). */
async function readWithExcel(framework: Framework, bytes: Uint8Array) {
  const doc = new FakeWorkbook();
  const host = gateway(doc, { supportedVersion: '1.13' });
  await generateAssessment(host, buildPlan(framework, SETTINGS).plan);
  const listed = fileSheetNames(bytes, 'resaved.xlsx');
  if (listed.status !== 'listed') throw new Error(listed.message);
  const parsed = await readCellsWithExcel(host, Buffer.from(bytes).toString('base64'), listed.names);
  if (parsed.status !== 'read') throw new Error(parsed.reason);
  const read = readAssessmentCells(parsed.cells, 'resaved.xlsx', KNOWN, reading);
  if (read.status !== 'read') throw new Error(read.message);
  return read.assessment;
}

function readFile(bytes: Uint8Array, name: string) {
  const read = readAssessmentFile(bytes, name, KNOWN, reading);
  if (read.status !== 'read') throw new Error(`${read.message}\n${read.details.join('\n')}`);
  return read;
}

/** Responses without their cell references (which name the same cells): the values are what matter. */
function valuesOf(read: ReturnType<typeof readFile>) {
  return read.assessment.responses.map(({ cells: _cells, ...rest }) => rest);
}

/**
 * The file with every shared-string cell written inline (`t="inlineStr"`, the text in the cell,
 * rich-text runs and all), and the string table, its relationship and its content type removed.
 */
function withInlineStrings(bytes: Uint8Array): Uint8Array {
  const parts = unzipSync(bytes);
  const table = strFromU8(parts['xl/sharedStrings.xml']!);
  const items = [...table.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => m[1]!);
  for (const path of Object.keys(parts).filter((p) => /^xl\/worksheets\/[^/]+\.xml$/.test(p))) {
    const xml = strFromU8(parts[path]!).replace(
      /<c ([^>]*?)t="s"([^>]*)><v>(\d+)<\/v><\/c>/g,
      (_, before: string, after: string, index: string) =>
        `<c ${before}t="inlineStr"${after}><is>${items[Number(index)]!}</is></c>`,
    );
    parts[path] = strToU8(xml);
  }
  delete parts['xl/sharedStrings.xml'];
  const drop = (path: string, pattern: RegExp) => {
    parts[path] = strToU8(strFromU8(parts[path]!).replace(pattern, ''));
  };
  drop('xl/_rels/workbook.xml.rels', /<Relationship [^>]*sharedStrings[^>]*\/>/g);
  drop('[Content_Types].xml', /<Override [^>]*sharedStrings[^>]*\/>/g);
  return zipSync(parts);
}

/** How many cells of the file's worksheets are of each type ("s", "inlineStr", ...). */
function cellTypes(file: XlsxFile): Map<string, number> {
  const counts = new Map<string, number>();
  for (const name of file.sheetNames)
    for (const cell of file.cells(name).values())
      counts.set(cell.type ?? 'n', (counts.get(cell.type ?? 'n') ?? 0) + 1);
  return counts;
}

/** The number format code of a cell's style, from the file's own styles part. */
function formatCodeOf(file: XlsxFile, style: number): string | undefined {
  const sheet = file.xml('xl/styles.xml').styleSheet as XmlNode;
  const xf = asArray((sheet.cellXfs as XmlNode).xf as XmlNode[])[style];
  const numFmts = asArray(((sheet.numFmts as XmlNode | undefined)?.numFmt ?? []) as XmlNode[]);
  return numFmts.find((f) => f['@_numFmtId'] === xf?.['@_numFmtId'])?.['@_formatCode'] as string | undefined;
}

it('is a file LibreOffice wrote its own way: its own styles, its string table, review dates as dates', () => {
  expect(copies).toHaveLength(KNOWN.length);
  for (const copy of copies) {
    const ours = readXlsx(copy.written);
    const theirs = readXlsx(copy.saved);
    const cellXfs = (file: XlsxFile) =>
      asArray(((file.xml('xl/styles.xml').styleSheet as XmlNode).cellXfs as XmlNode).xf as XmlNode[]);
    expect(cellXfs(theirs)).not.toEqual(cellXfs(ours));
    expect(theirs.parts.get('xl/sharedStrings.xml')).not.toEqual(ours.parts.get('xl/sharedStrings.xml'));
    expect(cellTypes(theirs).get('s')).toBeGreaterThan(100);

    // Every review date the first area holds is a number with a date format in LibreOffice's styles.
    const { shortName: area, number } = copy.framework.areas[0]!;
    const column = columnLetter(areaLayoutOf(copy.framework, number).column('reviewDate'));
    const count = copy.framework.criteria.filter((c) => c.area === number).length;
    const dates = Array.from({ length: count }, (_, i) =>
      theirs.cells(area).get(`${column}${AREA_FIRST_DATA_ROW + i}`),
    ).filter((cell) => cell?.value !== undefined);
    expect(dates.length).toBeGreaterThan(0);
    for (const cell of dates) {
      expect(typeof cell!.value).toBe('number');
      expect(formatCodeOf(theirs, cell!.style)).toMatch(/d+.m+.y+/i);
    }
  }
});

it('reads the same assessment from a copy LibreOffice has saved again', async () => {
  for (const copy of copies) {
    const original = readFile(copy.written, 'copy.xlsx');
    const again = readFile(copy.saved, 'resaved.xlsx');
    expect(again.framework).toEqual(copy.framework);
    expect(again.assessment.settings).toEqual(original.assessment.settings);
    expect([again.assessment.organisation, again.assessment.period]).toEqual([
      original.assessment.organisation,
      original.assessment.period,
    ]);
    expect(again.assessment.responses).toHaveLength(copy.framework.criteria.length);
    expect(valuesOf(again)).toEqual(valuesOf(original));
    const viaExcel = await readWithExcel(copy.framework, copy.saved);
    expect(viaExcel.responses).toEqual(again.assessment.responses);
    expect(viaExcel.settings).toEqual(again.assessment.settings);
  }
});

it('reads the same again with every text written inline and no string table', async () => {
  for (const copy of copies) {
    const inline = withInlineStrings(copy.saved);
    const file = readXlsx(inline);
    expect(file.parts.has('xl/sharedStrings.xml')).toBe(false);
    expect(cellTypes(file).get('s')).toBeUndefined();
    expect(cellTypes(file).get('inlineStr')).toBe(cellTypes(readXlsx(copy.saved)).get('s'));

    const again = readFile(copy.saved, 'resaved.xlsx');
    const inlined = readFile(inline, 'inline.xlsx');
    expect(inlined.framework).toEqual(copy.framework);
    expect(inlined.assessment.settings).toEqual(again.assessment.settings);
    expect([inlined.assessment.organisation, inlined.assessment.period]).toEqual([
      again.assessment.organisation,
      again.assessment.period,
    ]);
    expect(valuesOf(inlined)).toEqual(valuesOf(again));
    const viaExcel = await readWithExcel(copy.framework, inline);
    expect(viaExcel.responses).toEqual(inlined.assessment.responses);
  }
});
