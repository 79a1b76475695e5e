/**
 * Manual page breaks from the plan: on an area sheet each level after the first starts a new
 * printed page (src/workbook/sheets/area.ts says why), and both adapters put the breaks there:
 * the Office.js adapter through `worksheet.horizontalPageBreaks.add` (ExcelApi 1.9, read back as
 * Office.js reports it: each break's first cell) and the file through `<rowBreaks>`. That a page
 * starts at each break when printed is checked by LibreOffice in test/libreoffice/print.test.ts.
 */
import { bundledFrameworks } from '../../src/domain/framework/bundled';
import type { Framework } from '../../src/domain/framework/types';
import { AREA_FIRST_DATA_ROW } from '../../src/workbook/layout';
import type { SheetPlan } from '../../src/workbook/plan';
import { pageSetup, percentToFitWidth } from '../../src/workbook/print';
import { areaCriteria } from '../../src/workbook/sheets/area';
import { gateway } from '../platform/fake-excel';
import { asArray, type XmlNode } from '../xlsx/readXlsx';
import { writtenFile } from '../xlsx/planFile';
import { generateInto } from './generateHelpers';

const draft = bundledFrameworks.draft2009;

/** The first row of each level after the first, found from the framework rather than the plan. */
function levelStarts(framework: Framework, area: number): number[] {
  const criteria = areaCriteria(framework, area);
  const starts: number[] = [];
  criteria.forEach((c, i) => {
    const before = criteria[i - 1];
    if (before && before.level !== c.level) starts.push(AREA_FIRST_DATA_ROW + i);
  });
  return starts;
}

function areaSheets(sheets: readonly SheetPlan[]): SheetPlan[] {
  return sheets.filter((s) => s.role === 'area');
}

describe('the plan', () => {
  it('starts each level after the first on a new page of its area sheet, and breaks no other sheet', async () => {
    const { built } = await writtenFile(draft);
    const areas = areaSheets(built.plan.sheets);
    expect(areas).toHaveLength(draft.areas.length);
    for (const sheet of areas) {
      const expected = levelStarts(draft, sheet.area ?? 0);
      // Three levels: two breaks, each where the level column changes.
      expect({ sheet: sheet.name, breaks: sheet.page?.breaksBeforeRows }).toEqual({
        sheet: sheet.name,
        breaks: expected,
      });
      expect(expected).toHaveLength(draft.levels.length - 1);
    }
    for (const sheet of built.plan.sheets.filter((s) => s.role !== 'area' && s.page))
      expect({ sheet: sheet.name, breaks: sheet.page?.breaksBeforeRows }).toEqual({
        sheet: sheet.name,
        breaks: [],
      });
  });

  it('refuses a break above the first row and breaks on a one-page sheet', () => {
    expect(() => pageSetup({ onePage: false, breaksBeforeRows: [1] })).toThrow(/above row 1/);
    expect(() => pageSetup({ onePage: true, breaksBeforeRows: [5] })).toThrow(/one page/);
    const printedWidth = { points: 900, landscape: true };
    expect(pageSetup({ onePage: false, breaksBeforeRows: [9, 5, 9], printedWidth }).breaksBeforeRows).toEqual(
      [5, 9],
    );
  });
});

describe('the Office.js adapter', () => {
  it('adds a horizontal page break above each row the plan names, on each area sheet', async () => {
    const { doc, built, outcome } = await generateInto(draft);
    expect(outcome.status).toBe('generated');
    const areas = areaSheets(built.plan.sheets);
    const read = await gateway(doc).run(async (ctx) => {
      const collections = areas.map((s) => {
        const breaks = ctx.workbook.worksheets.getItem(s.name).horizontalPageBreaks;
        breaks.load('items');
        return breaks;
      });
      await ctx.sync();
      const cells = collections.map((c) =>
        c.items.map((b) => {
          const first = b.getCellAfterBreak();
          first.load('address');
          return first;
        }),
      );
      await ctx.sync();
      return cells.map((list) => list.map((r) => r.address));
    });
    expect(read).toEqual(
      areas.map((s) =>
        levelStarts(draft, s.area ?? 0).map((row) => `'${s.name}'!A${row}`.replace(/^'([A-Za-z]+)'/, '$1')),
      ),
    );
  });
});

describe('the .xlsx file', () => {
  it('holds each area sheet’s breaks as manual row breaks after the headers and footers', async () => {
    const { built, file } = await writtenFile(draft);
    for (const sheet of areaSheets(built.plan.sheets)) {
      const ws = file.sheetXml(sheet.name);
      const rowBreaks = ws.rowBreaks as XmlNode;
      const breaks = asArray(rowBreaks.brk as XmlNode[]);
      // A break's id is the last row of the page before it (the zero-based row that starts the next).
      expect(breaks.map((b) => Number(b['@_id']) + 1)).toEqual(levelStarts(draft, sheet.area ?? 0));
      expect(breaks.every((b) => b['@_man'] === '1' && b['@_max'] === '16383')).toBe(true);
      expect([rowBreaks['@_count'], rowBreaks['@_manualBreakCount']]).toEqual([
        String(breaks.length),
        String(breaks.length),
      ]);
    }
    for (const sheet of built.plan.sheets.filter((s) => s.role !== 'area'))
      expect({ sheet: sheet.name, rowBreaks: file.sheetXml(sheet.name).rowBreaks }).toEqual({
        sheet: sheet.name,
        rowBreaks: undefined,
      });
  });

  it('writes every worksheet’s elements in the schema’s order, rowBreaks among them', async () => {
    const { built, file } = await writtenFile(draft);
    for (const sheet of built.plan.sheets) {
      const xml = file.parts.get(file.sheetPath(sheet.name)) ?? '';
      // The worksheet's children, in the order they appear.
      const body = xml.slice(xml.indexOf('<worksheet'));
      const children: string[] = [];
      let depth = 0;
      for (const m of body.matchAll(/<(\/?)([A-Za-z:]+)[^>]*?(\/?)>/g)) {
        const [, closing, name = '', selfClosing] = m;
        if (closing) depth -= 1;
        else {
          if (depth === 1) children.push(name);
          if (!selfClosing) depth += 1;
        }
      }
      const positions = children.map((name) => WORKSHEET_ORDER.indexOf(name));
      expect({ sheet: sheet.name, unknown: children.filter((_, i) => positions[i] === -1) }).toEqual({
        sheet: sheet.name,
        unknown: [],
      });
      expect({ sheet: sheet.name, children }).toEqual({
        sheet: sheet.name,
        children: [...children].sort((a, b) => WORKSHEET_ORDER.indexOf(a) - WORKSHEET_ORDER.indexOf(b)),
      });
    }
    expect(file.parts.get(file.sheetPath(areaSheets(built.plan.sheets)[0]?.name ?? ''))).toContain(
      '<rowBreaks',
    );
  });
});

/** CT_Worksheet's children in the order the schema requires (ECMA-376 Part 1, 18.3.1.99). */
const WORKSHEET_ORDER = [
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'sheetData',
  'sheetCalcPr',
  'sheetProtection',
  'protectedRanges',
  'scenarios',
  'autoFilter',
  'sortState',
  'dataConsolidate',
  'customSheetViews',
  'mergeCells',
  'phoneticPr',
  'conditionalFormatting',
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];

describe('the percentage a sheet with page breaks prints at', () => {
  // A4 landscape between 0.4-inch margins is (11.69 - 0.8) x 72 = 784 points wide; portrait 538.
  it('fits the printed columns in the printable width, with some in hand, never above 100% or below 10%', () => {
    expect(percentToFitWidth(1568, true)).toBe(47);
    expect(percentToFitWidth(784, true)).toBe(94);
    expect(percentToFitWidth(538, false)).toBe(93);
    expect(percentToFitWidth(100, true)).toBe(100);
    expect(percentToFitWidth(100_000, true)).toBe(10);
    expect(() => percentToFitWidth(0, true)).toThrow(/positive number of points/);
  });

  it('is what a sheet with breaks gets, and asks for the printed width', () => {
    const printedWidth = { points: 1568, landscape: true };
    expect(pageSetup({ onePage: false, breaksBeforeRows: [9], printedWidth }).scaling).toEqual({
      percent: 47,
    });
    expect(pageSetup({ onePage: false, printedWidth }).scaling).toEqual({
      fitToPagesWide: 1,
      fitToPagesTall: null,
    });
    expect(() => pageSetup({ onePage: false, breaksBeforeRows: [9] })).toThrow(
      /width of its printed columns/,
    );
  });
});
