/**
 * One plan, two renderers: the workbook the add-in generates (the Office.js adapter applied to the
 * Excel fake) and the .xlsx file must hold the same cells, formulas, formats, validations, names,
 * sheet settings and charts. Each is read back through its own reader and compared cell by cell.
 */
import { bundledFrameworks } from '../../src/domain/framework/bundled';
import { parseRange } from '../../src/workbook/address';
import { normaliseFormula } from '../../src/workbook/formulaText';
import { generateInto, SETTINGS, type Generated } from '../excel/generateHelpers';
import type { FakeWorkbook } from '../platform/fake-excel';
import { asArray, readXlsx, type FileCell, type XlsxFile, type XmlNode } from './readXlsx';
import { inSqref, letters } from './planFile';
import { writeWorkbookFile } from '../../src/xlsx';

/**
 * The draft (no guidance) and the draft with the revised Leadership area, whose Leadership sheet
 * has the Guidance column and the others not: both layouts, through both renderers.
 */
const FRAMEWORKS = [bundledFrameworks.draft2009, bundledFrameworks.draftWithRevisedLeadership];

describe.each(FRAMEWORKS)('$version', (framework) => {
  let generated: Generated;
  let file: XlsxFile;
  let doc: FakeWorkbook;

  beforeAll(async () => {
    generated = await generateInto(framework, { settings: SETTINGS });
    doc = generated.doc;
    file = readXlsx(await writeWorkbookFile(generated.built.plan));
  });

  const sheets = () => generated.built.plan.sheets;

  /** Every address of a sheet's used range in the file, plus one row and column beyond it. */
  function addresses(name: string): string[] {
    const ref = String((file.sheetXml(name).dimension as XmlNode)['@_ref']);
    const { row, column, rows, columns } = parseRange(ref);
    const out: string[] = [];
    for (let r = 1; r <= row + rows; r++)
      for (let c = 1; c <= column + columns; c++) out.push(`${letters(c)}${r}`);
    return out;
  }

  /** A fake's rectangle (zero-based rows and columns) as A1:B2. */
  function cellRange(rect: { top: number; left: number; bottom: number; right: number }): string {
    const first = `${letters(rect.left + 1)}${rect.top + 1}`;
    const last = `${letters(rect.right + 1)}${rect.bottom + 1}`;
    return first === last ? first : `${first}:${last}`;
  }

  /** An attribute of a parsed element; an empty element (`<bottom/>`) parses as '' and has none. */
  function attr(node: unknown, name: string): unknown {
    return typeof node === 'object' && node !== null ? (node as XmlNode)[name] : undefined;
  }

  /** A file cell as Office's `values` and `formulas` would show it. */
  function fileContent(cell: FileCell | undefined): { formula?: string; value: unknown } {
    if (cell?.formula !== undefined)
      return { formula: normaliseFormula(`=${cell.formula}`), value: undefined };
    return { value: cell?.value ?? '' };
  }

  function fakeContent(name: string, address: string): { formula?: string; value: unknown } {
    const formula = doc.formula(name, address);
    if (typeof formula === 'string' && formula.startsWith('='))
      return { formula: normaliseFormula(formula), value: undefined };
    return { value: doc.value(name, address) };
  }

  describe('the file and the generated workbook', () => {
    it('hold the same sheets, in order, with the same visibility', () => {
      const added = doc.sheetNames().filter((n) => n !== 'Sheet1');
      expect(file.sheetNames).toEqual(added);
      for (const name of added) {
        expect([name, file.sheetState(name)]).toEqual([
          name,
          doc.sheet(name).visibility === 'Hidden' ? 'hidden' : 'visible',
        ]);
      }
    });

    it('hold the same value or formula in every cell', () => {
      let compared = 0;
      for (const s of sheets()) {
        const cells = file.cells(s.name);
        for (const address of addresses(s.name)) {
          compared += 1;
          expect({ at: `${s.name}!${address}`, ...fileContent(cells.get(address)) }).toEqual({
            at: `${s.name}!${address}`,
            ...fakeContent(s.name, address),
          });
        }
      }
      expect(compared).toBeGreaterThan(1000);
    });

    it('format every cell alike: font, fill, alignment, wrapping, number format and locking', () => {
      const styles = file.xml('xl/styles.xml').styleSheet as XmlNode;
      const xfs = asArray((styles.cellXfs as XmlNode).xf as XmlNode[]);
      const fonts = asArray((styles.fonts as XmlNode).font as XmlNode[]);
      const fills = asArray((styles.fills as XmlNode).fill as XmlNode[]);
      const borders = asArray((styles.borders as XmlNode).border as XmlNode[]);
      const numFmts = asArray(((styles.numFmts as XmlNode | undefined)?.numFmt ?? []) as XmlNode[]);
      const builtIn: Record<string, string> = { '0': 'General', '9': '0%' };
      const rgb = (node: unknown) => {
        const value = (node as XmlNode | undefined)?.['@_rgb'];
        return value === undefined ? undefined : `#${String(value).slice(2)}`;
      };
      const fileFormat = (style: number) => {
        const xf = xfs[style] ?? {};
        const font = fonts[Number(xf['@_fontId'])] ?? {};
        const fill = (fills[Number(xf['@_fillId'])] ?? {}).patternFill as XmlNode;
        const alignment = (xf.alignment ?? {}) as XmlNode;
        const horizontal = alignment['@_horizontal'] as string | undefined;
        const id = String(xf['@_numFmtId']);
        return {
          fill: fill['@_patternType'] === 'solid' ? (rgb(fill.fgColor) ?? null) : null,
          bold: font.b !== undefined,
          italic: font.i !== undefined,
          size: Number((font.sz as XmlNode)['@_val']),
          fontColor: rgb(font.color) ?? '#000000',
          wrapText: alignment['@_wrapText'] === '1',
          horizontalAlignment: horizontal ? horizontal[0]?.toUpperCase() + horizontal.slice(1) : 'General',
          verticalAlignment: alignment['@_vertical'] === 'top' ? 'Top' : 'Bottom',
          locked: (xf.protection as XmlNode | undefined)?.['@_locked'] !== '0',
          bottomBorder: attr((borders[Number(xf['@_borderId'])] ?? {}).bottom, '@_style') === 'thin',
          numberFormat: builtIn[id] ?? String(numFmts.find((f) => f['@_numFmtId'] === id)?.['@_formatCode']),
        };
      };
      for (const s of sheets()) {
        const cells = file.cells(s.name);
        for (const address of addresses(s.name)) {
          const fake = doc.format(s.name, address);
          expect({ at: `${s.name}!${address}`, ...fileFormat(cells.get(address)?.style ?? 0) }).toEqual({
            at: `${s.name}!${address}`,
            fill: fake.fill === null ? null : fake.fill.toUpperCase(),
            bold: fake.bold,
            italic: fake.italic,
            size: fake.size,
            fontColor: fake.fontColor.toUpperCase(),
            wrapText: fake.wrapText,
            horizontalAlignment: fake.horizontalAlignment,
            verticalAlignment: fake.verticalAlignment,
            locked: fake.locked,
            bottomBorder: doc.border(s.name, address, 'EdgeBottom')?.style === 'Continuous',
            numberFormat: doc.numberFormat(s.name, address),
          });
        }
      }
    });

    it('validate every cell alike: the same rule, prompt and error', () => {
      let validated = 0;
      for (const s of sheets()) {
        const rules = asArray(
          ((file.sheetXml(s.name).dataValidations as XmlNode | undefined)?.dataValidation ?? []) as XmlNode[],
        );
        for (const address of addresses(s.name)) {
          const v = rules.find((r) => inSqref(String(r['@_sqref']), address));
          const fake = doc.validation(s.name, address);
          const fromFile = v && {
            rule:
              v['@_type'] === 'list'
                ? { list: { inCellDropDown: true, source: String(v.formula1).replace(/^"|"$/g, '') } }
                : v['@_type'] === 'date'
                  ? // Serial 1 in the file is 1 January 1900, the date the add-in's rule gives.
                    {
                      date: {
                        operator: 'GreaterThanOrEqualTo',
                        formula1: v.formula1 === '1' ? '1900-01-01' : v.formula1,
                      },
                    }
                  : {
                      decimal: {
                        operator: 'Between',
                        formula1: Number(v.formula1),
                        formula2: Number(v.formula2),
                      },
                    },
            prompt: { showPrompt: true, title: v['@_promptTitle'], message: v['@_prompt'] },
            errorAlert: { showAlert: true, style: 'Stop', title: v['@_errorTitle'], message: v['@_error'] },
            ignoreBlanks: v['@_allowBlank'] === '1',
          };
          if (fake) validated += 1;
          expect({ at: `${s.name}!${address}`, rule: fromFile }).toEqual({
            at: `${s.name}!${address}`,
            rule: fake,
          });
        }
      }
      expect(validated).toBeGreaterThan(framework.criteria.length * 2);
    });

    it('highlight alike: the same conditional formats over the same ranges', () => {
      const dxfs = asArray(
        (((file.xml('xl/styles.xml').styleSheet as XmlNode).dxfs as XmlNode | undefined)?.dxf ??
          []) as XmlNode[],
      );
      let compared = 0;
      for (const s of sheets()) {
        const fromFile = asArray((file.sheetXml(s.name).conditionalFormatting ?? []) as XmlNode[]).map(
          (cf) => {
            const rule = cf.cfRule as XmlNode;
            const fill = (
              (asArray((dxfs[Number(rule['@_dxfId'])] as XmlNode).fill as XmlNode[])[0] as XmlNode)
                .patternFill as XmlNode
            ).bgColor as XmlNode;
            return {
              range: String(cf['@_sqref']),
              formula: normaliseFormula(`=${String(rule.formula)}`),
              fill: `#${String(fill['@_rgb']).slice(2)}`,
            };
          },
        );
        const fromFake = doc.conditionalFormats(s.name).map((cf) => ({
          range: cellRange(cf.rect),
          formula: normaliseFormula(cf.formula),
          fill: cf.fill?.toUpperCase(),
        }));
        compared += fromFake.length;
        expect([s.name, fromFile]).toEqual([s.name, fromFake]);
      }
      expect(compared).toBeGreaterThan(0);
    });

    it('define the same names, with the same comments, over the same ranges', () => {
      const defined = asArray(
        ((file.xml('xl/workbook.xml').workbook as XmlNode).definedNames as XmlNode).definedName as XmlNode[],
      );
      const fromFile = defined
        .filter((d) => d['@_localSheetId'] === undefined)
        .map((d) => [d['@_name'], normaliseFormula(`=${String(d['#text'])}`), d['@_comment']]);
      const fromFake = doc.nameList().map((n) => [n.name, normaliseFormula(n.formula), n.comment]);
      expect(fromFile).toEqual(fromFake);
      expect(fromFile.length).toBe(generated.built.plan.names.length);
    });

    it('lay out every sheet alike: widths, hidden columns, frozen panes, tab colour, printing, protection', () => {
      const defined = asArray(
        ((file.xml('xl/workbook.xml').workbook as XmlNode).definedNames as XmlNode).definedName as XmlNode[],
      );
      file.sheetNames.forEach((name, index) => {
        const ws = file.sheetXml(name);
        const fake = doc.sheet(name);
        const cols = asArray(((ws.cols as XmlNode | undefined)?.col ?? []) as XmlNode[]);
        // Back from characters of the default font's digit (7 px) to points.
        // The fake numbers columns from 0, as Office.js does.
        const widths = cols.map((c) => [
          Number(c['@_min']) - 1,
          Math.round(((Number(c['@_width']) * 7 * 72) / 96) * 10) / 10,
        ]);
        expect([name, widths]).toEqual([
          name,
          [...fake.columnWidths].sort(([a], [b]) => a - b).map(([c, w]) => [c, Math.round(w * 10) / 10]),
        ]);
        expect([name, cols.filter((c) => c['@_hidden'] === '1').map((c) => Number(c['@_min']) - 1)]).toEqual([
          name,
          [...fake.hiddenColumns].sort((a, b) => a - b),
        ]);
        const pane = ((ws.sheetViews as XmlNode).sheetView as XmlNode).pane as XmlNode | undefined;
        expect([
          name,
          { rows: Number(pane?.['@_ySplit'] ?? 0), columns: Number(pane?.['@_xSplit'] ?? 0) },
        ]).toEqual([name, fake.freeze]);
        const tab = ((ws.sheetPr as XmlNode | undefined)?.tabColor as XmlNode | undefined)?.['@_rgb'];
        expect([name, tab === undefined ? '' : `#${String(tab).slice(2)}`]).toEqual([
          name,
          fake.tabColor.toUpperCase(),
        ]);
        expect([
          name,
          (ws.pageSetup as XmlNode | undefined)?.['@_orientation'] === 'landscape' ? 'Landscape' : 'Portrait',
        ]).toEqual([name, fake.orientation]);
        const titles = defined.find(
          (d) => d['@_name'] === '_xlnm.Print_Titles' && d['@_localSheetId'] === String(index),
        );
        expect([name, titles ? String(titles['#text']).replace(/^.*!/, '') : undefined]).toEqual([
          name,
          fake.printTitleRows,
        ]);
        const protection = ws.sheetProtection as XmlNode | undefined;
        expect([name, protection !== undefined]).toEqual([name, fake.protection.protected]);
        if (protection) {
          const o = fake.protection.options;
          expect([
            name,
            protection['@_formatCells'] === '0',
            protection['@_formatColumns'] === '0',
            protection['@_formatRows'] === '0',
          ]).toEqual([
            name,
            o.allowFormatCells === true,
            o.allowFormatColumns === true,
            o.allowFormatRows === true,
          ]);
          expect(fake.protection.password).toBeUndefined();
        }
      });
    });

    it('draw the same charts: type, title, source, value axis and position', () => {
      const summary = sheets().find((s) => s.role === 'summary')?.name ?? '';
      const fakeCharts = doc.charts(summary);
      expect(fakeCharts.length).toBe(generated.built.plan.charts.length);
      // The level chart names the levels on a second axis, so the comparison below covers one.
      expect(fakeCharts.some((f) => f.series.some((s) => s.axisGroup === 'Secondary'))).toBe(true);
      fakeCharts.forEach((fake, i) => {
        const c = (file.xml(`xl/charts/chart${i + 1}.xml`)['c:chartSpace'] as XmlNode)['c:chart'] as XmlNode;
        const plot = c['c:plotArea'] as XmlNode;
        // A chart with a secondary axis has two groups: the first holds the series from the source.
        const bar = asArray(plot['c:barChart'] as XmlNode[])[0] as XmlNode;
        const series = asArray(bar['c:ser'] as XmlNode[]);
        const ref = (s: XmlNode | undefined, part: 'c:tx' | 'c:val', kind: 'c:strRef' | 'c:numRef') =>
          String(((s?.[part] as XmlNode)[kind] as XmlNode)['c:f']);
        // Series by columns: rebuild the source from the categories, the first name and the last values.
        const categories = String(((series[0]?.['c:cat'] as XmlNode)['c:strRef'] as XmlNode)['c:f']);
        const [, sheetRef, catColumn] = /^(.*)!\$([A-Z]+)\$\d+:/.exec(categories) ?? [];
        const headerRow = /\$(\d+)$/.exec(ref(series[0], 'c:tx', 'c:strRef'))?.[1];
        const lastValues = ref(series[series.length - 1], 'c:val', 'c:numRef').replace(/^.*:/, '');
        const source = `${sheetRef}!$${catColumn}$${headerRow}:${lastValues}`;
        const [axis, secondAxis] = asArray(plot['c:valAx'] as XmlNode[]) as [XmlNode, XmlNode | undefined];
        const scaling = axis['c:scaling'] as XmlNode;
        const axisOf = (a: XmlNode | undefined) =>
          a && {
            minimum: Number(((a['c:scaling'] as XmlNode)['c:min'] as XmlNode)['@_val']),
            maximum: Number(((a['c:scaling'] as XmlNode)['c:max'] as XmlNode)['@_val']),
            numberFormat: (a['c:numFmt'] as XmlNode)['@_formatCode'],
          };
        const onSecondary = fake.series.some((s) => s.axisGroup === 'Secondary');
        const dir = (bar['c:barDir'] as XmlNode)['@_val'];
        const title = (
          (((c['c:title'] as XmlNode)['c:tx'] as XmlNode)['c:rich'] as XmlNode)['a:p'] as XmlNode
        )['a:r'] as XmlNode;
        const anchor = asArray(
          (file.xml('xl/drawings/drawing1.xml')['xdr:wsDr'] as XmlNode)['xdr:twoCellAnchor'] as XmlNode[],
        )[i] as XmlNode;
        const point = (p: unknown, extra: number) =>
          `${letters(Number((p as XmlNode)['xdr:col']) + 1 - extra)}${Number((p as XmlNode)['xdr:row']) + 1 - extra}`;
        expect({
          position: { from: point(anchor['xdr:from'], 0), to: point(anchor['xdr:to'], 1) },
          type: dir === 'bar' ? 'BarClustered' : 'ColumnClustered',
          title: title['a:t'],
          source: normaliseFormula(`=${source}`),
          minimum: Number((scaling['c:min'] as XmlNode)['@_val']),
          maximum: Number((scaling['c:max'] as XmlNode)['@_val']),
          majorUnit: Number((axis['c:majorUnit'] as XmlNode)['@_val']),
          numberFormat:
            (axis['c:numFmt'] as XmlNode)['@_sourceLinked'] === '1'
              ? undefined
              : (axis['c:numFmt'] as XmlNode)['@_formatCode'],
          secondaryAxis: axisOf(secondAxis),
        }).toEqual({
          position: fake.position && {
            from: fake.position.from.replace(/^.*!/, ''),
            to: fake.position.to?.replace(/^.*!/, ''),
          },
          type: fake.type,
          title: fake.title,
          source: normaliseFormula(`=${fake.source}`),
          minimum: fake.valueAxis.minimum,
          maximum: fake.valueAxis.maximum,
          majorUnit: fake.valueAxis.majorUnit,
          numberFormat: fake.valueAxis.numberFormat,
          secondaryAxis: onSecondary
            ? {
                minimum: fake.secondaryValueAxis.minimum,
                maximum: fake.secondaryValueAxis.maximum,
                numberFormat: fake.secondaryValueAxis.numberFormat,
              }
            : undefined,
        });
      });
    });
  });
});
