/**
 * `Workbook.insertWorksheetsFromBase64` (ExcelApi 1.13): the worksheets of an .xlsx file copied
 * into the document, as Excel documents it and as its issue tracker reports it.
 *
 * - Returns the new sheets' ids, one per inserted worksheet, in the source's order (d.ts:
 *   "An array of IDs corresponding to each newly inserted worksheet").
 * - A name the document already uses (ignoring case) gets " (2)", " (3)"... as Excel's own
 *   Move or Copy does; references between the inserted sheets follow their new names.
 * - Each sheet keeps its cells (formulas recalculated here), its visibility (a very hidden
 *   sheet stays very hidden) and its protection.
 * - Workbook-scoped names the document lacks are added (office-js issue #3583: they stay after
 *   the sheets are gone); a name the document has keeps the document's definition unless the
 *   test sets `FakeWorkbook.insertTakesSourceNames` (Excel's UI asks which to keep; the API's
 *   answer is not documented, so the add-in must cope with both).
 * - Excel on the web "doesn't support inserting charts, comments, PivotTables, or slicers" (d.ts
 *   remark); a source with a chart fails there with GeneralException (office-js issues #6142,
 *   #2718), before anything is inserted.
 * - Not modelled: formats, column widths, data validation, conditional formats, charts and
 *   shared formulas of the source (a cell whose formula the file shares by index keeps its cached
 *   value); the `extensionHardening` policy. Reading values is what the add-in does with it.
 */
import type { XlInsertWorksheetOptions } from '../../../src/excel/api';
import { asArray, readXlsx, type XlsxFile, type XmlNode } from '../../xlsx/readXlsx';
import { parseAddress } from './a1';
import { FakeOfficeError, invalidArgument } from './errors';
import { renameSheetRefs } from './references';
import type { SheetState } from './state';
import { FakeWorkbookError, type FakeWorkbook } from './workbook';

function bytesOf(base64: string, where: string): Uint8Array {
  try {
    return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  } catch {
    throw invalidArgument('The file to insert is not base64.', where);
  }
}

function openFile(base64: string, where: string): XlsxFile {
  try {
    return readXlsx(bytesOf(base64, where));
  } catch (error: unknown) {
    if (error instanceof FakeOfficeError) throw error;
    throw invalidArgument('The file to insert is not a workbook Excel can open.', where);
  }
}

/** The source's worksheets (not chart sheets) to insert, in the source's order. */
function chosenSheets(
  file: XlsxFile,
  options: XlInsertWorksheetOptions | undefined,
  where: string,
): string[] {
  const worksheets = file.sheetNames.filter((name) => file.sheetPath(name).includes('/worksheets/'));
  const wanted = options?.sheetNamesToInsert ?? [];
  if (wanted.length === 0) return worksheets;
  for (const name of wanted) {
    if (!worksheets.some((w) => w.toLowerCase() === name.toLowerCase()))
      throw invalidArgument(`The file has no worksheet '${name}'.`, where);
  }
  return worksheets.filter((w) => wanted.some((name) => name.toLowerCase() === w.toLowerCase()));
}

/** "Start" → "Start (2)" when the document has a Start, as Excel's Move or Copy names a copy. */
function freeName(doc: FakeWorkbook, name: string, taken: readonly string[]): string {
  const used = (candidate: string) =>
    doc.sheetByName(candidate) !== undefined ||
    taken.some((t) => t.toLowerCase() === candidate.toLowerCase());
  if (!used(name)) return name;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${name.slice(0, 31 - suffix.length)}${suffix}`;
    if (!used(candidate)) return candidate;
  }
}

function contentOf(
  cell: ReturnType<XlsxFile['cells']> extends ReadonlyMap<string, infer C> ? C : never,
  renames: ReadonlyMap<string, string>,
) {
  if (cell.formula !== undefined && cell.formula !== '') {
    let formula = `=${cell.formula}`;
    for (const [from, to] of renames) formula = renameSheetRefs(formula, from, to);
    return formula;
  }
  const value = cell.value;
  if (value === undefined || value === '') return null;
  // Text stays text, as the file typed it ("123" in a text cell is not a number).
  return typeof value === 'string' ? `'${value}` : value;
}

function copyCells(
  doc: FakeWorkbook,
  file: XlsxFile,
  source: string,
  sheet: SheetState,
  renames: ReadonlyMap<string, string>,
) {
  const contents: [number, number, unknown][] = [];
  for (const [address, cell] of file.cells(source)) {
    const content = contentOf(cell, renames);
    if (content === null) continue;
    const { rect } = parseAddress(address);
    contents.push([rect.top, rect.left, content]);
  }
  doc.engine.batch(() => {
    for (const [row, col, content] of contents)
      doc.engine.setCellContents({ sheet: sheet.engineId, row, col }, [[content as never]]);
  });
}

function addNames(
  doc: FakeWorkbook,
  file: XlsxFile,
  renames: ReadonlyMap<string, string>,
  where: string,
): void {
  const workbook = file.xml('xl/workbook.xml').workbook as XmlNode;
  const defined = asArray(
    (workbook.definedNames as XmlNode | undefined)?.definedName as XmlNode[] | undefined,
  );
  for (const node of defined) {
    if (node['@_localSheetId'] !== undefined) continue;
    const name = String(node['@_name']);
    let formula = `=${String(node['#text'] ?? '')}`;
    for (const [from, to] of renames) formula = renameSheetRefs(formula, from, to);
    const existing = doc.names.get(name.toLowerCase());
    if (existing && !doc.insertTakesSourceNames) continue;
    const ours = existing && doc.nameFormula(existing, undefined);
    if (existing) doc.deleteName(existing, undefined);
    // A name the engine cannot hold (it refers to a sheet not inserted) is left out; Excel would
    // keep it as =#REF!..., which the add-in treats the same way: a name it did not have before.
    const comment = existing?.comment ?? String(node['@_comment'] ?? '');
    if (doc.engine.isItPossibleToAddNamedExpression(name, formula))
      doc.addName(name, formula, comment, undefined, where);
    else if (ours !== undefined) doc.addName(name, ours, comment, undefined, where);
  }
}

export function insertWorksheetsFromFile(
  doc: FakeWorkbook,
  base64: string,
  options: XlInsertWorksheetOptions | undefined,
  platform: string,
  where: string,
): string[] {
  const file = openFile(base64, where);
  if (platform === 'OfficeOnline' && [...file.parts.keys()].some((p) => p.startsWith('xl/charts/chart'))) {
    throw new FakeOfficeError(
      'GeneralException',
      'There was an internal error while processing the request.',
      where,
    );
  }
  const sources = chosenSheets(file, options, where);
  const renames = new Map<string, string>();
  const names: string[] = [];
  for (const source of sources) {
    const name = freeName(doc, source, names);
    names.push(name);
    if (name !== source) renames.set(source, name);
  }
  const placement = options?.positionType ?? 'End';
  if (placement !== 'End' && placement !== 'Beginning') {
    throw new FakeWorkbookError(`insertWorksheetsFromBase64: positionType '${placement}' is not modelled.`);
  }
  const added = sources.map((source, i) => ({ source, sheet: doc.addSheet(names[i], where) }));
  if (placement === 'Beginning') added.forEach(({ sheet }, i) => doc.moveSheet(sheet, i, where));
  for (const { source, sheet } of added) {
    copyCells(doc, file, source, sheet, renames);
    const state = file.sheetState(source);
    sheet.visibility = state === 'veryHidden' ? 'VeryHidden' : state === 'hidden' ? 'Hidden' : 'Visible';
    if (file.sheetXml(source).sheetProtection !== undefined)
      sheet.protection = { protected: true, options: {} };
  }
  addNames(doc, file, renames, where);
  return added.map(({ sheet }) => sheet.id);
}
