/** The plan written as an .xlsx file, read back part by part. */
import { XMLValidator } from 'fast-xml-parser';
import { bundledFrameworks } from '../../src/domain/framework/bundled';
import { absolute, parseRange, quoteSheet, sheetName, type A1 } from '../../src/workbook/address';
import { AREA_COLUMNS, areaColumn, NAMES } from '../../src/workbook/layout';
import { isFormula, type PlanCell, type SheetPlan, type WorkbookPlan } from '../../src/workbook/plan';
import { areaColumnRange } from '../../src/workbook/sheets/area';
import { ratingItems } from '../../src/workbook/sheets/ratingScaleText';
import { writeWorkbookFile } from '../../src/xlsx';
import { columnWidthChars } from '../../src/xlsx/sheetXml';
import { asArray, readXlsx, type XlsxFile, type XmlNode } from './readXlsx';
import { cellsOf, inSqref, letters, SETTINGS, writtenFile } from './planFile';

const framework = bundledFrameworks.draft2009;

let built: Awaited<ReturnType<typeof writtenFile>>['built'];
let bytes: Uint8Array;
let file: XlsxFile;

beforeAll(async () => {
  ({ built, bytes, file } = await writtenFile(framework, {
    ...SETTINGS,
    organisation: '<Homes & "Partners"> =SUM(1) _x0041_',
    period: '01/02/2020',
  }));
});

const plan = (): WorkbookPlan => built.plan;
const sheetPlan = (role: SheetPlan['role'], n = 0): SheetPlan => {
  const found = plan().sheets.filter((s) => s.role === role)[n];
  if (!found) throw new Error(`no ${role} sheet ${n}`);
  return found;
};

/** The final value of each plan cell, later blocks overriding earlier ones. */
function planCells(sheet: SheetPlan) {
  const out = new Map<string, PlanCell>();
  for (const block of sheet.blocks) {
    const { row, column } = parseRange(block.at);
    block.cells.forEach((cells, r) =>
      cells.forEach((value, c) => out.set(`${letters(column + c)}${row + r}`, value)),
    );
  }
  return out;
}

function xfOf(style: number): XmlNode {
  const xfs = asArray(((file.xml('xl/styles.xml').styleSheet as XmlNode).cellXfs as XmlNode).xf as XmlNode[]);
  const xf = xfs[style];
  if (!xf) throw new Error(`no cell format ${style}`);
  return xf;
}

describe('the file as a package', () => {
  it('has well-formed XML in every part', () => {
    for (const [path, text] of file.parts) expect([path, XMLValidator.validate(text)]).toEqual([path, true]);
  });

  it('declares a content type for every part and a target for every relationship', () => {
    const types = file.xml('[Content_Types].xml').Types as XmlNode;
    const overrides = new Set(asArray(types.Override as XmlNode[]).map((o) => String(o['@_PartName'])));
    for (const path of file.parts.keys()) {
      if (path.endsWith('.rels') || path === '[Content_Types].xml') continue;
      expect([path, overrides.has(`/${path}`)]).toEqual([path, true]);
    }
    for (const relsPath of [...file.parts.keys()].filter((p) => p.endsWith('.rels'))) {
      const base = relsPath.replace(/_rels\/[^/]*\.rels$/, '');
      const rels = asArray((file.xml(relsPath).Relationships as XmlNode).Relationship as XmlNode[]);
      for (const rel of rels) {
        const target = new URL(String(rel['@_Target']), `file:///${base}`).pathname.slice(1);
        expect([relsPath, target, file.parts.has(target)]).toEqual([relsPath, target, true]);
      }
    }
  });

  it('is the same bytes every time for the same plan', async () => {
    expect(Buffer.from(await writeWorkbookFile(plan())).equals(Buffer.from(bytes))).toBe(true);
  });

  it('is small', () => {
    expect(bytes.length).toBeLessThan(100_000);
  });
});

describe('sheets', () => {
  it('are the plan sheets in order, the meta sheet hidden', () => {
    expect(file.sheetNames).toEqual(plan().sheets.map((s) => s.name));
    for (const s of plan().sheets)
      expect([s.name, file.sheetState(s.name)]).toEqual([s.name, s.visible ? 'visible' : 'hidden']);
  });

  it('hold every plan cell: text as text whatever it looks like, numbers, formulas without cached results', () => {
    let formulas = 0;
    for (const s of plan().sheets) {
      const cells = file.cells(s.name);
      for (const [address, value] of planCells(s)) {
        const got = cells.get(address);
        const where = `${s.name}!${address}`;
        if (value === null || value === '') {
          expect([where, got?.value]).toEqual([where, undefined]);
        } else if (isFormula(value)) {
          formulas += 1;
          expect([where, got?.formula, got?.value]).toEqual([where, value.formula.slice(1), undefined]);
        } else if (typeof value === 'string') {
          expect([where, got?.type, got?.value]).toEqual([where, 's', value]);
        } else {
          expect([where, got?.value]).toEqual([where, value]);
        }
      }
    }
    expect(formulas).toBeGreaterThan(framework.criteria.length);
  });

  it('keeps text that looks like a formula, a date or an escape as literal text', () => {
    const start = file.cells('Start');
    expect(start.get('B5')?.value).toBe('<Homes & "Partners"> =SUM(1) _x0041_');
    expect(start.get('B5')?.formula).toBeUndefined();
    expect(start.get('B6')).toMatchObject({ type: 's', value: '01/02/2020' });
  });

  it('have the plan column widths in characters, and the level number column hidden', () => {
    const area = sheetPlan('area');
    const cols = asArray((file.sheetXml(area.name).cols as XmlNode).col as XmlNode[]);
    expect(cols.map((c) => Number(c['@_min']))).toEqual(area.columns.map((c) => c.column));
    for (const spec of area.columns) {
      const col = cols.find((c) => Number(c['@_min']) === spec.column);
      expect(Number(col?.['@_width'])).toBeCloseTo(columnWidthChars(spec.width), 6);
      expect(col?.['@_hidden']).toBe(spec.hidden ? '1' : undefined);
    }
    expect(area.columns.find((c) => c.column === areaColumn('levelNo'))?.hidden).toBe(true);
  });

  it('converts points to characters of the default font: 48 points is the default 64 pixels', () => {
    expect(columnWidthChars(48)).toBeCloseTo(64 / 7, 2);
    expect(columnWidthChars(330)).toBeCloseTo(440 / 7, 2);
  });

  it('freeze panes, print landscape, repeat header rows and colour tabs as planned', () => {
    for (const s of plan().sheets) {
      const ws = file.sheetXml(s.name);
      const pane = ((ws.sheetViews as XmlNode).sheetView as XmlNode).pane as XmlNode | undefined;
      if (s.freeze) {
        expect(pane).toMatchObject({ '@_state': 'frozen', '@_ySplit': String(s.freeze.rows) });
        expect(pane?.['@_xSplit']).toBe(s.freeze.columns > 0 ? String(s.freeze.columns) : undefined);
      } else expect(pane).toBeUndefined();
      // Every printed sheet says its orientation (test/excel/pageSetup.test.ts checks the rest).
      expect((ws.pageSetup as XmlNode | undefined)?.['@_orientation']).toBe(
        s.landscape ? 'landscape' : s.page ? 'portrait' : undefined,
      );
      const tab = ((ws.sheetPr as XmlNode | undefined)?.tabColor as XmlNode | undefined)?.['@_rgb'];
      expect(tab).toBe(s.tabColor ? `FF${s.tabColor.slice(1)}` : undefined);
    }
  });
});

describe('protection and formats', () => {
  it('protects the planned sheets without a password, leaving formatting allowed', () => {
    for (const s of plan().sheets) {
      const protection = file.sheetXml(s.name).sheetProtection as XmlNode | undefined;
      if (!s.protect) {
        expect(protection).toBeUndefined();
        continue;
      }
      expect(protection).toMatchObject({
        '@_sheet': '1',
        '@_formatCells': '0',
        '@_formatColumns': '0',
        '@_formatRows': '0',
      });
      expect(Object.keys(protection ?? {}).filter((k) => /password|hash/i.test(k))).toEqual([]);
    }
  });

  it('unlocks every input cell and keeps formula cells locked', () => {
    for (const area of plan().sheets.filter((s) => s.role === 'area')) {
      const cells = file.cells(area.name);
      for (const col of AREA_COLUMNS) {
        const range = areaColumnRange(framework, area.area ?? 0, col.key);
        for (const address of cellsOf(range)) {
          const xf = xfOf(cells.get(address)?.style ?? 0);
          const locked = (xf.protection as XmlNode | undefined)?.['@_locked'] !== '0';
          // Criterion cells are unlocked where the source lacks the text, for the organisation's wording.
          if (col.key !== 'text')
            expect([area.name, address, locked]).toEqual([area.name, address, !col.input]);
        }
      }
    }
  });

  it('writes fills, fonts, number formats, wrapping and the bottom border of the header', () => {
    const area = sheetPlan('area');
    const header = xfOf(file.cells(area.name).get('A4')?.style ?? 0);
    const styles = file.xml('xl/styles.xml').styleSheet as XmlNode;
    const fills = asArray((styles.fills as XmlNode).fill as XmlNode[]);
    const fonts = asArray((styles.fonts as XmlNode).font as XmlNode[]);
    const fill = fills[Number(header['@_fillId'])]?.patternFill as XmlNode;
    expect((fill.fgColor as XmlNode)['@_rgb']).toBe('FFDDEBF7');
    expect(fonts[Number(header['@_fontId'])]?.b).toBeDefined();
    expect(header.alignment).toMatchObject({ '@_wrapText': '1', '@_vertical': 'top' });
    const borders = asArray((styles.borders as XmlNode).border as XmlNode[]);
    expect((borders[Number(header['@_borderId'])]?.bottom as XmlNode)['@_style']).toBe('thin');

    const reviewDate = xfOf(file.cells(area.name).get(`${letters(areaColumn('reviewDate'))}5`)?.style ?? 0);
    const numFmts = asArray((styles.numFmts as XmlNode).numFmt as XmlNode[]);
    expect(numFmts.find((f) => f['@_numFmtId'] === reviewDate['@_numFmtId'])?.['@_formatCode']).toBe(
      'dd/mm/yyyy',
    );

    const summary = file.cells('Summary');
    expect(xfOf(summary.get(built.summary.overall.completeness)?.style ?? 0)['@_numFmtId']).toBe('9');
  });
});

describe('validations', () => {
  const validations = (name: string) =>
    asArray(
      ((file.sheetXml(name).dataValidations as XmlNode | undefined)?.dataValidation ?? []) as XmlNode[],
    );

  it('offer the rating list with its prompt and error on every rating cell', () => {
    const items = ratingItems(framework);
    for (const area of plan().sheets.filter((s) => s.role === 'area')) {
      const list = validations(area.name).find((v) => v['@_type'] === 'list');
      expect(list).toMatchObject({
        '@_allowBlank': '1',
        '@_showInputMessage': '1',
        '@_showErrorMessage': '1',
        '@_errorStyle': 'stop',
        '@_promptTitle': 'Rating',
        '@_errorTitle': 'Not a rating',
        formula1: `"${items.join(',')}"`,
      });
      for (const address of cellsOf(areaColumnRange(framework, area.area ?? 0, 'rating'))) {
        expect([area.name, address, inSqref(String(list?.['@_sqref']), address)]).toEqual([
          area.name,
          address,
          true,
        ]);
      }
      const date = validations(area.name).find((v) => v['@_type'] === 'date');
      expect(date).toMatchObject({
        '@_operator': 'greaterThanOrEqual',
        formula1: '1',
        '@_promptTitle': 'Review date',
      });
      expect(date?.['@_sqref']).toBe(areaColumnRange(framework, area.area ?? 0, 'reviewDate'));
    }
  });

  it('hold each plan validation with its messages, on the Start sheet too', () => {
    for (const s of plan().sheets) {
      const got = validations(s.name);
      expect(got.map((v) => [v['@_type'], v['@_sqref'], v['@_prompt'], v['@_error']])).toEqual(
        s.validations.map((v) => [v.kind, v.range, v.prompt.message, v.error.message]),
      );
    }
    const share = validations('Start').find((v) => v['@_type'] === 'decimal');
    expect(share).toMatchObject({ '@_operator': 'between', formula1: '0.01', formula2: '1' });
  });
});

describe('highlights', () => {
  it('are conditional formats with the planned formula and fill, over the planned range', () => {
    const styles = file.xml('xl/styles.xml').styleSheet as XmlNode;
    const dxfs = asArray(((styles.dxfs as XmlNode | undefined)?.dxf ?? []) as XmlNode[]);
    let count = 0;
    for (const s of plan().sheets) {
      const got = asArray((file.sheetXml(s.name).conditionalFormatting ?? []) as XmlNode[]).map((cf) => {
        const rule = cf.cfRule as XmlNode;
        const dxf = dxfs[Number(rule['@_dxfId'])] as XmlNode;
        const fill = ((asArray(dxf.fill as XmlNode[])[0] as XmlNode).patternFill as XmlNode)
          .bgColor as XmlNode;
        return [cf['@_sqref'], rule['@_type'], rule.formula, `#${String(fill['@_rgb']).slice(2)}`];
      });
      const planned = (s.highlights ?? []).map((h) => [h.range, 'expression', h.formula.slice(1), h.fill]);
      count += planned.length;
      expect([s.name, got]).toEqual([s.name, planned]);
    }
    expect(count).toBeGreaterThanOrEqual(framework.areas.length);
  });
});

describe('names', () => {
  it('are the plan names, with their comments, on absolute quoted references', () => {
    const defined = asArray(
      ((file.xml('xl/workbook.xml').workbook as XmlNode).definedNames as XmlNode).definedName as XmlNode[],
    );
    const global = defined.filter((d) => d['@_localSheetId'] === undefined);
    expect(global.map((d) => [d['@_name'], d['#text'], d['@_comment']])).toEqual(
      plan().names.map((n) => [n.name, `${quoteSheet(n.sheet)}!${absolute(n.range)}`, n.comment]),
    );
    expect(global.map((d) => d['@_name'])).toContain(NAMES.areaRatings(1));
  });

  it('repeat the header rows of each area sheet on printed pages', () => {
    const defined = asArray(
      ((file.xml('xl/workbook.xml').workbook as XmlNode).definedNames as XmlNode).definedName as XmlNode[],
    );
    const titles = defined.filter((d) => d['@_name'] === '_xlnm.Print_Titles');
    const expected = plan().sheets.flatMap((s, i) =>
      s.printTitleRows ? [[String(i), `${quoteSheet(s.name)}!$1:$${s.printTitleRows}`]] : [],
    );
    expect(expected.length).toBe(framework.areas.length);
    expect(titles.map((d) => [d['@_localSheetId'], d['#text']])).toEqual(expected);
  });
});

describe('charts', () => {
  it('are drawn on their sheet, each anchored over the planned cells', () => {
    const summary = plan().sheets.find((s) => s.role === 'summary');
    const sheetPath = file.sheetPath(summary?.name ?? '');
    expect(file.sheetXml(summary?.name ?? '').drawing).toBeDefined();
    const rels = file.xml(sheetPath.replace('worksheets/', 'worksheets/_rels/') + '.rels');
    const drawingPath = `xl/${String(((rels.Relationships as XmlNode).Relationship as XmlNode[])[0]?.['@_Target']).replace('../', '')}`;
    const anchors = asArray((file.xml(drawingPath)['xdr:wsDr'] as XmlNode)['xdr:twoCellAnchor'] as XmlNode[]);
    expect(anchors).toHaveLength(plan().charts.length);
    plan().charts.forEach((chart, i) => {
      const anchor = anchors[i] as XmlNode;
      const from = parseRange(chart.from);
      const to = parseRange(chart.to);
      const point = (p: XmlNode) => [Number(p['xdr:col']), Number(p['xdr:row'])];
      expect(point(anchor['xdr:from'] as XmlNode)).toEqual([from.column - 1, from.row - 1]);
      expect(point(anchor['xdr:to'] as XmlNode)).toEqual([to.column, to.row]);
      const frame = anchor['xdr:graphicFrame'] as XmlNode;
      expect(((frame['xdr:nvGraphicFramePr'] as XmlNode)['xdr:cNvPr'] as XmlNode)['@_name']).toBe(chart.id);
    });
  });

  it('have the planned kind, title, value axis and series by columns from the source range', () => {
    plan().charts.forEach((chart, i) => {
      const space = file.xml(`xl/charts/chart${i + 1}.xml`)['c:chartSpace'] as XmlNode;
      const c = space['c:chart'] as XmlNode;
      const rich = ((c['c:title'] as XmlNode)['c:tx'] as XmlNode)['c:rich'] as XmlNode;
      const title = (rich['a:p'] as XmlNode)['a:r'] as XmlNode;
      expect(title['a:t']).toBe(chart.title);
      const plot = c['c:plotArea'] as XmlNode;
      // The first group and value axis are the primary ones (a second group holds what is drawn
      // against the secondary axis, see chartStyles.test.ts).
      const bar = asArray(plot['c:barChart'] as XmlNode[])[0] as XmlNode;
      expect((bar['c:barDir'] as XmlNode)['@_val']).toBe(chart.kind === 'barClustered' ? 'bar' : 'col');
      expect((bar['c:grouping'] as XmlNode)['@_val']).toBe('clustered');
      const axis = asArray(plot['c:valAx'] as XmlNode[])[0] as XmlNode;
      const scaling = axis['c:scaling'] as XmlNode;
      expect([
        Number((scaling['c:min'] as XmlNode)['@_val']),
        Number((scaling['c:max'] as XmlNode)['@_val']),
        Number((axis['c:majorUnit'] as XmlNode)['@_val']),
      ]).toEqual([chart.valueAxis.min, chart.valueAxis.max, chart.valueAxis.majorUnit]);
      expect((axis['c:numFmt'] as XmlNode)['@_formatCode']).toBe(chart.valueAxis.numberFormat ?? 'General');

      // Series by columns: header row names the series, first column holds the categories.
      const { row, column, rows, columns } = parseRange(chart.source);
      const on = (address: string) => `${quoteSheet(sheetName(chart.sheet))}!${absolute(address as A1)}`;
      const col = letters;
      const series = asArray(bar['c:ser'] as XmlNode[]).map((s) => [
        ((s['c:tx'] as XmlNode)['c:strRef'] as XmlNode)['c:f'],
        ((s['c:cat'] as XmlNode)['c:strRef'] as XmlNode)['c:f'],
        ((s['c:val'] as XmlNode)['c:numRef'] as XmlNode)['c:f'],
      ]);
      expect(series).toEqual(
        Array.from({ length: columns - 1 }, (_, j) => [
          on(`${col(column + 1 + j)}${row}`),
          on(`${col(column)}${row + 1}:${col(column)}${row + rows - 1}`),
          on(`${col(column + 1 + j)}${row + 1}:${col(column + 1 + j)}${row + rows - 1}`),
        ]),
      );
    });
  });
});

describe('what the writer knows of the plan', () => {
  /**
   * The writer writes these properties; a property the plan starts to use beyond them (merged
   * cells, row heights...) fails here until the writer handles it, so the file cannot silently
   * fall behind the workbook the add-in generates.
   */
  const HANDLED = {
    plan: ['meta', 'sheets', 'names', 'charts'],
    sheet: [
      'name',
      'role',
      'area',
      'visible',
      'tabColor',
      'blocks',
      'formats',
      'columns',
      'validations',
      'highlights',
      'freeze',
      'protect',
      'landscape',
      'printTitleRows',
      'page',
    ],
    format: [
      'range',
      'bold',
      'italic',
      'fontSize',
      'fontColor',
      'fill',
      'wrap',
      'horizontal',
      'verticalTop',
      'numberFormat',
      'locked',
      'borderBottom',
    ],
    column: ['column', 'width', 'hidden'],
  };

  it('covers every property the plan uses', () => {
    const used = (objects: readonly object[]) => [...new Set(objects.flatMap((o) => Object.keys(o)))];
    const sheets = plan().sheets;
    const unknown = (keys: string[], known: string[]) => keys.filter((k) => !known.includes(k));
    expect(unknown(used([plan()]), HANDLED.plan)).toEqual([]);
    expect(unknown(used(sheets), HANDLED.sheet)).toEqual([]);
    expect(unknown(used(sheets.flatMap((s) => s.formats)), HANDLED.format)).toEqual([]);
    expect(unknown(used(sheets.flatMap((s) => s.columns)), HANDLED.column)).toEqual([]);
  });
});

describe('bad plans', () => {
  const base = (): WorkbookPlan => plan();
  const withSheet = (change: (s: SheetPlan) => SheetPlan): WorkbookPlan => ({
    ...base(),
    sheets: base().sheets.map((s, i) => (i === 0 ? change(s) : s)),
  });

  it('name the cell holding a number a file cannot hold', async () => {
    const bad = withSheet((s) => ({
      ...s,
      blocks: [...s.blocks, { at: 'C3' as A1, cells: [[Number.NaN]] }],
    }));
    await expect(writeWorkbookFile(bad)).rejects.toThrow(/Start!C3: NaN cannot be written/);
  });

  it('name a list item an inline list cannot hold', async () => {
    const bad = withSheet((s) => ({
      ...s,
      validations: [
        {
          kind: 'list',
          range: 'B9' as A1,
          items: ['a,b'],
          prompt: { title: 't', message: 'm' },
          error: { title: 't', message: 'm' },
        },
      ],
    }));
    await expect(writeWorkbookFile(bad)).rejects.toThrow(/Start!B9: the list item "a,b" contains a comma/);
  });

  it('name a colour that is not #RRGGBB', async () => {
    await expect(writeWorkbookFile(withSheet((s) => ({ ...s, tabColor: 'blue' })))).rejects.toThrow(
      /tab colour of Start: colour "blue"/,
    );
  });

  it('refuse a chart on a sheet the plan does not have', async () => {
    const chart = base().charts[0];
    if (!chart) throw new Error('the plan has no chart');
    const bad = { ...base(), charts: [{ ...chart, sheet: sheetName('Nowhere') }] };
    await expect(writeWorkbookFile(bad)).rejects.toThrow(/chart levels-by-area is on Nowhere/);
  });

  it('escape control characters Excel cannot store as XML, and read them back', async () => {
    const text = 'a\u0001b\tc\nd _x0041_';
    const bytesOut = await writeWorkbookFile(
      withSheet((s) => ({ ...s, blocks: [...s.blocks, { at: 'C3' as A1, cells: [[text]] }] })),
    );
    expect(readXlsx(bytesOut).cells('Start').get('C3')?.value).toBe(text);
  });
});
