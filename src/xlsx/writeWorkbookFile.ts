/**
 * Writes a WorkbookPlan as an .xlsx file: the same sheets, cells, formulas, formats, validations,
 * protection, names and charts the add-in applies in Excel, from the same plan. Pure (no Node or
 * DOM APIs), so the task pane can load it in the browser to offer the file as a download.
 */
import { zipSync, strToU8 } from 'fflate';
import { absolute, quoteSheet } from '../workbook/address';
import { printedPage } from '../workbook/print';
import type { SheetPlan, WorkbookPlan } from '../workbook/plan';
import { chartXml, drawingXml } from './chartXml';
import { CONTENT_TYPE, NS, REL_TYPE } from './namespaces';
import { SharedStrings } from './sharedStrings';
import { sheetXml } from './sheetXml';
import { StyleSheet } from './styles';
import { el, escapeText, XML_DECLARATION } from './xml';

/** The zip entries' timestamp: fixed, so the same plan always gives the same bytes. */
const ENTRY_TIME = new Date(Date.UTC(2020, 0, 1));

interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
}

function relationshipsXml(rels: readonly Relationship[]): string {
  return (
    XML_DECLARATION +
    el(
      'Relationships',
      { xmlns: NS.pkgRel },
      ...rels.map((r) => el('Relationship', { Id: r.id, Type: r.type, Target: r.target })),
    )
  );
}

/** The file's parts by path, as text; exported for tests that inspect a part. */
export function workbookParts(plan: WorkbookPlan): Map<string, string> {
  const sheetNames = new Set(plan.sheets.map((s) => s.name));
  for (const chart of plan.charts) {
    if (!sheetNames.has(chart.sheet))
      throw new RangeError(`chart ${chart.id} is on ${chart.sheet}, which the plan does not have`);
  }
  for (const name of plan.names) {
    if (!sheetNames.has(name.sheet))
      throw new RangeError(`name ${name.name} is on ${name.sheet}, which the plan does not have`);
  }
  if (!plan.sheets.some((s) => s.visible))
    throw new RangeError('the plan has no visible sheet; a workbook needs one');

  const parts = new Map<string, string>();
  const overrides: { part: string; type: string }[] = [];
  const strings = new SharedStrings();
  const styles = new StyleSheet();
  const firstVisible = plan.sheets.findIndex((s) => s.visible);
  let chartCount = 0;
  let drawingCount = 0;

  plan.sheets.forEach((sheet, i) => {
    const path = `xl/worksheets/sheet${i + 1}.xml`;
    const charts = plan.charts.filter((c) => c.sheet === sheet.name);
    let drawingRelId: string | undefined;
    if (charts.length > 0) {
      drawingCount += 1;
      const drawingPath = `xl/drawings/drawing${drawingCount}.xml`;
      const chartRels = charts.map((chart, c): Relationship => {
        chartCount += 1;
        const chartPath = `xl/charts/chart${chartCount}.xml`;
        parts.set(chartPath, chartXml(chart));
        overrides.push({ part: chartPath, type: CONTENT_TYPE.chart });
        return { id: `rId${c + 1}`, type: REL_TYPE.chart, target: `../charts/chart${chartCount}.xml` };
      });
      parts.set(
        drawingPath,
        drawingXml(
          charts,
          chartRels.map((r) => r.id),
        ),
      );
      parts.set(`xl/drawings/_rels/drawing${drawingCount}.xml.rels`, relationshipsXml(chartRels));
      overrides.push({ part: drawingPath, type: CONTENT_TYPE.drawing });
      drawingRelId = 'rId1';
      parts.set(
        `xl/worksheets/_rels/sheet${i + 1}.xml.rels`,
        relationshipsXml([
          { id: drawingRelId, type: REL_TYPE.drawing, target: `../drawings/drawing${drawingCount}.xml` },
        ]),
      );
    }
    parts.set(path, sheetXml(sheet, strings, styles, { selected: i === firstVisible, drawingRelId }));
    overrides.push({ part: path, type: CONTENT_TYPE.worksheet });
  });

  parts.set('xl/workbook.xml', workbookXml(plan, firstVisible));
  parts.set('xl/styles.xml', styles.xml());
  parts.set('xl/sharedStrings.xml', strings.xml());
  parts.set(
    'xl/_rels/workbook.xml.rels',
    relationshipsXml([
      ...plan.sheets.map((_, i) => ({
        id: `rId${i + 1}`,
        type: REL_TYPE.worksheet,
        target: `worksheets/sheet${i + 1}.xml`,
      })),
      { id: `rId${plan.sheets.length + 1}`, type: REL_TYPE.styles, target: 'styles.xml' },
      { id: `rId${plan.sheets.length + 2}`, type: REL_TYPE.sharedStrings, target: 'sharedStrings.xml' },
    ]),
  );
  parts.set(
    '_rels/.rels',
    relationshipsXml([{ id: 'rId1', type: REL_TYPE.officeDocument, target: 'xl/workbook.xml' }]),
  );
  overrides.push(
    { part: 'xl/workbook.xml', type: CONTENT_TYPE.workbook },
    { part: 'xl/styles.xml', type: CONTENT_TYPE.styles },
    { part: 'xl/sharedStrings.xml', type: CONTENT_TYPE.sharedStrings },
  );
  parts.set(
    '[Content_Types].xml',
    XML_DECLARATION +
      el(
        'Types',
        { xmlns: NS.contentTypes },
        el('Default', { Extension: 'rels', ContentType: CONTENT_TYPE.relationships }),
        el('Default', { Extension: 'xml', ContentType: 'application/xml' }),
        ...overrides.map((o) => el('Override', { PartName: `/${o.part}`, ContentType: o.type })),
      ),
  );
  return parts;
}

function workbookXml(plan: WorkbookPlan, activeTab: number): string {
  const names = plan.names.map((n) =>
    el(
      'definedName',
      { name: n.name, comment: n.comment || undefined },
      escapeText(`${quoteSheet(n.sheet)}!${absolute(n.range)}`),
    ),
  );
  // Rows repeated on every printed page are a name local to their sheet, as Excel stores them.
  const printTitles = plan.sheets.flatMap((sheet: SheetPlan, i) =>
    sheet.printTitleRows
      ? [
          el(
            'definedName',
            { name: '_xlnm.Print_Titles', localSheetId: i },
            escapeText(`${quoteSheet(sheet.name)}!$1:$${sheet.printTitleRows}`),
          ),
        ]
      : [],
  );
  const printAreas = plan.sheets.flatMap((sheet: SheetPlan, i) => {
    const area = printedPage(sheet)?.printArea;
    return area !== undefined
      ? [
          el(
            'definedName',
            { name: '_xlnm.Print_Area', localSheetId: i },
            escapeText(`${quoteSheet(sheet.name)}!${absolute(area)}`),
          ),
        ]
      : [];
  });
  const allNames = [...names, ...printTitles, ...printAreas];
  return (
    XML_DECLARATION +
    el(
      'workbook',
      { xmlns: NS.main, 'xmlns:r': NS.rel },
      el('bookViews', {}, el('workbookView', { activeTab })),
      el(
        'sheets',
        {},
        ...plan.sheets.map((sheet, i) =>
          el('sheet', {
            name: sheet.name,
            sheetId: i + 1,
            state: sheet.visible ? undefined : 'hidden',
            'r:id': `rId${i + 1}`,
          }),
        ),
      ),
      allNames.length > 0 ? el('definedNames', {}, ...allNames) : '',
      // No cached results are written, so Excel must calculate everything when it opens the file.
      el('calcPr', { calcId: 191029, fullCalcOnLoad: true }),
    )
  );
}

/** The plan as the bytes of an .xlsx file. */
export async function writeWorkbookFile(plan: WorkbookPlan): Promise<Uint8Array> {
  const parts = workbookParts(plan);
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  // [Content_Types].xml first: some readers look for it at the start of the archive.
  const order = ['[Content_Types].xml', ...[...parts.keys()].filter((p) => p !== '[Content_Types].xml')];
  for (const path of order) entries[path] = [strToU8(parts.get(path) ?? ''), { mtime: ENTRY_TIME }];
  return zipSync(entries, { level: 6 });
}
