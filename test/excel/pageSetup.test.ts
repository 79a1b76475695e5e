/**
 * Print setup for every sheet comes from the plan, and both adapters apply the same settings: the
 * Office.js adapter (on the test platform, loaded back as Office.js reports it) and the .xlsx file
 * (read back part by part). What the file prints is checked by LibreOffice in
 * test/libreoffice/print.test.ts.
 */
import { bundledFrameworks } from '../../src/domain/framework/bundled';
import { absolute, quoteSheet } from '../../src/workbook/address';
import type { SheetPlan } from '../../src/workbook/plan';
import { headerText, type PageSetup } from '../../src/workbook/print';
import { asArray, type XmlNode } from '../xlsx/readXlsx';
import { writtenFile } from '../xlsx/planFile';
import { gateway } from '../platform/fake-excel';
import { generateInto } from './generateHelpers';

const draft = bundledFrameworks.draft2009;
const who = { organisation: 'Riverside & Co Homes', period: '2026/27' };
const settings = { ...who, metThreshold: 3, requiredShare: 1 };

function pageOf(sheet: SheetPlan): PageSetup {
  if (!sheet.page) throw new Error(`${sheet.name} has no page setup`);
  return sheet.page;
}

describe('the plan', () => {
  it('gives every visible sheet A4, the organisation and period in the header and page numbers', async () => {
    const { built } = await writtenFile(draft, settings);
    const visible = built.plan.sheets.filter((s) => s.visible);
    expect(visible.length).toBeGreaterThan(5);
    for (const sheet of visible) {
      const page = pageOf(sheet);
      expect([sheet.name, page.paperSize]).toEqual([sheet.name, 'A4']);
      expect(page.header).toEqual({ left: 'Riverside && Co Homes', center: '&A', right: 'Period 2026/27' });
      expect(page.footer.right).toBe('Page &P of &N');
    }
    const byRole = (role: SheetPlan['role']) => visible.filter((s) => s.role === role);
    // One page for the Start sheet and the Summary; area sheets as tall as they need, with titles.
    for (const s of [...byRole('start'), ...byRole('summary')])
      expect([s.name, pageOf(s).scaling]).toEqual([s.name, { fitToPagesWide: 1, fitToPagesTall: 1 }]);
    // Area sheets start each level on a new page: Excel may ignore manual breaks under Fit To, so
    // they print at a percentage (one page wide is proved in LibreOffice, print.test.ts).
    for (const s of byRole('area')) {
      const { scaling, breaksBeforeRows } = pageOf(s);
      expect(breaksBeforeRows.length).toBeGreaterThan(0);
      if (!('percent' in scaling))
        throw new Error(`${s.name} is fitted to pages, which would drop its breaks`);
      expect(scaling.percent).toBeGreaterThanOrEqual(10);
      expect(scaling.percent).toBeLessThanOrEqual(100);
      expect(s.printTitleRows).toBe(4);
      expect(pageOf(s).printArea).toMatch(/^A1:L\d+$/);
    }
    expect(built.plan.sheets.filter((s) => !s.visible).every((s) => s.page === undefined)).toBe(true);
  });

  it('escapes & in the organisation, which is a code in headers', () => {
    expect(headerText('A & B')).toBe('A && B');
  });
});

describe('the Office.js adapter', () => {
  it('applies each sheet’s page setup as the plan gives it', async () => {
    const { doc, built, outcome } = await generateInto(draft, { settings });
    expect(outcome.status).toBe('generated');
    const visible = built.plan.sheets.filter((s) => s.visible);
    const read = await gateway(doc).run(async (ctx) => {
      const loaded = visible.map((s) => {
        const layout = ctx.workbook.worksheets.getItem(s.name).pageLayout;
        layout.load(
          'orientation, paperSize, zoom, centerHorizontally, leftMargin, rightMargin, topMargin, bottomMargin, headerMargin, footerMargin',
        );
        const texts = layout.headersFooters.defaultForAllPages;
        texts.load('leftHeader, centerHeader, rightHeader, leftFooter, centerFooter, rightFooter');
        return { layout, texts };
      });
      await ctx.sync();
      return loaded.map(({ layout, texts }) => ({
        orientation: layout.orientation,
        paperSize: layout.paperSize,
        zoom: layout.zoom,
        centerHorizontally: layout.centerHorizontally,
        margins: [
          layout.leftMargin,
          layout.rightMargin,
          layout.topMargin,
          layout.bottomMargin,
          layout.headerMargin,
          layout.footerMargin,
        ],
        header: [texts.leftHeader, texts.centerHeader, texts.rightHeader],
        footer: [texts.leftFooter, texts.centerFooter, texts.rightFooter],
      }));
    });
    expect(read).toEqual(
      visible.map((s) => {
        const page = pageOf(s);
        const m = page.margins;
        return {
          orientation: s.landscape ? 'Landscape' : 'Portrait',
          paperSize: 'A4',
          zoom:
            'percent' in page.scaling
              ? { scale: page.scaling.percent }
              : { horizontalFitToPages: 1, verticalFitToPages: page.scaling.fitToPagesTall ?? 0 },
          centerHorizontally: true,
          margins: [m.left, m.right, m.top, m.bottom, m.header, m.footer].map((inches) => inches * 72),
          header: [page.header.left, page.header.center, page.header.right],
          footer: [page.footer.left, page.footer.center, page.footer.right],
        };
      }),
    );
  });
});

describe('the .xlsx file', () => {
  it('holds the same page setup, print areas and repeated titles', async () => {
    const { built, file } = await writtenFile(draft, settings);
    const defined = asArray(
      ((file.xml('xl/workbook.xml').workbook as XmlNode).definedNames as XmlNode).definedName as XmlNode[],
    );
    built.plan.sheets.forEach((sheet, i) => {
      const ws = file.sheetXml(sheet.name);
      const page = sheet.page;
      if (!page) return;
      const setup = ws.pageSetup as XmlNode;
      expect([
        sheet.name,
        setup['@_paperSize'],
        setup['@_orientation'],
        setup['@_fitToWidth'],
        setup['@_fitToHeight'],
        setup['@_scale'],
      ]).toEqual([
        sheet.name,
        '9',
        sheet.landscape ? 'landscape' : 'portrait',
        ...('percent' in page.scaling
          ? [undefined, undefined, String(page.scaling.percent)]
          : ['1', String(page.scaling.fitToPagesTall ?? 0), undefined]),
      ]);
      // fitToPage only where the sheet is fitted: it would make Excel ignore the percentage.
      expect(((ws.sheetPr as XmlNode | undefined)?.pageSetUpPr as XmlNode | undefined)?.['@_fitToPage']).toBe(
        'percent' in page.scaling ? undefined : '1',
      );
      const hf = ws.headerFooter as XmlNode;
      expect([hf.oddHeader, hf.oddFooter]).toEqual([
        `&L${page.header.left}&C${page.header.center}&R${page.header.right}`,
        `&L${page.footer.left}&C${page.footer.center}&R${page.footer.right}`,
      ]);
      const area = defined.find(
        (d) => d['@_name'] === '_xlnm.Print_Area' && d['@_localSheetId'] === String(i),
      );
      expect(area?.['#text']).toBe(
        page.printArea === undefined ? undefined : `${quoteSheet(sheet.name)}!${absolute(page.printArea)}`,
      );
    });
  });
});
