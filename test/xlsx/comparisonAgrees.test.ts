/**
 * The Saved responses and Period comparison sheets through both renderers: the plan applied to the
 * Excel fake (as the add-in writes it) and the .xlsx file hold the same value or formula in every
 * cell of both sheets, the same number formats and locking, and the comparison's chart.
 * (agreesWithAddin.test.ts does the same for the sheets every assessment has.)
 */
import { bundledFrameworks } from '../../src/domain/framework/bundled';
import { score } from '../../src/domain/scoring';
import { generateAssessment } from '../../src/excel/generate';
import { parseRange } from '../../src/workbook/address';
import { buildPlan } from '../../src/workbook/buildPlan';
import { prepareComparison } from '../../src/workbook/comparison';
import { normaliseFormula } from '../../src/workbook/formulaText';
import type { WorkbookPlan } from '../../src/workbook/plan';
import { COMPARISON_SHEET, NOW_LABEL } from '../../src/workbook/sheets/periodComparison';
import {
  buildSavedResponsesSheet,
  savedSnapshotOf,
  SAVED_RESPONSES_SHEET,
} from '../../src/workbook/sheets/savedResponses';
import { writeWorkbookFile } from '../../src/xlsx';
import { bundledMappings } from '../../src/taskpane/bundledMappings';
import { FakeWorkbook, gateway } from '../platform/fake-excel';
import { responsesFor } from '../builders/responses';
import { rangeOfPlan } from '../workbook/planRange';
import { SETTINGS } from '../excel/generateHelpers';
import { asArray, readXlsx, type FileCell, type XlsxFile, type XmlNode } from './readXlsx';
import { letters } from './planFile';

const draft = bundledFrameworks.draft2009;
const SHEETS = [SAVED_RESPONSES_SHEET, COMPARISON_SHEET];

function planWithComparison(): WorkbookPlan {
  const built = buildPlan(draft, SETTINGS);
  const rows = responsesFor(draft, (c) => (c.level === 1 ? 4 : 2), {
    fields: { '1.1': { evidence: 'Minutes', difference: 'Fewer complaints' } },
  });
  const settings = { metThreshold: SETTINGS.metThreshold, requiredShare: SETTINGS.requiredShare };
  const snapshot = savedSnapshotOf(draft, rows, score(draft, rows, settings), 'Snapshot', {
    year: 2025,
    month: 11,
    day: 20,
  });
  const saved = buildSavedResponsesSheet([snapshot]);
  const decision = prepareComparison(
    { responses: responsesFor(draft, () => 4), settings, problems: [], saved: rangeOfPlan(saved) },
    { then: snapshot.label, now: NOW_LABEL },
    {
      framework: draft,
      frameworks: [],
      mappings: bundledMappings,
      today: { year: 2026, month: 12, day: 3 },
      spareRows: 20,
    },
  );
  if (decision.status !== 'prepared') throw new Error(decision.message);
  return {
    ...built.plan,
    sheets: [...built.plan.sheets, saved, decision.sheet],
    charts: [...built.plan.charts, decision.chart],
  };
}

describe('the Saved responses and Period comparison sheets', () => {
  let doc: FakeWorkbook;
  let file: XlsxFile;

  beforeAll(async () => {
    const plan = planWithComparison();
    doc = new FakeWorkbook();
    const outcome = await generateAssessment(gateway(doc), plan);
    expect(outcome.status).toBe('generated');
    file = readXlsx(await writeWorkbookFile(plan));
  }, 120_000);

  function addresses(name: string): string[] {
    const { row, column, rows, columns } = parseRange(
      String((file.sheetXml(name).dimension as XmlNode)['@_ref']),
    );
    const out: string[] = [];
    for (let r = 1; r <= row + rows; r++)
      for (let c = 1; c <= column + columns; c++) out.push(`${letters(c)}${r}`);
    return out;
  }

  const fileContent = (cell: FileCell | undefined) =>
    cell?.formula !== undefined
      ? { formula: normaliseFormula(`=${cell.formula}`) }
      : { value: cell?.value ?? '' };

  const fakeContent = (name: string, address: string) => {
    const formula = doc.formula(name, address);
    return typeof formula === 'string' && formula.startsWith('=')
      ? { formula: normaliseFormula(formula) }
      : { value: doc.value(name, address) };
  };

  it.each(SHEETS)('%s: the same value or formula in every cell', (name) => {
    const cells = file.cells(name);
    const all = addresses(name);
    expect(all.length).toBeGreaterThan(500);
    for (const address of all) {
      expect({ at: `${name}!${address}`, ...fileContent(cells.get(address)) }).toEqual({
        at: `${name}!${address}`,
        ...fakeContent(name, address),
      });
    }
  });

  it('keeps the label cells open and held as text in both, and the rest locked', () => {
    const styles = file.xml('xl/styles.xml').styleSheet as XmlNode;
    const xfs = asArray((styles.cellXfs as XmlNode).xf as XmlNode[]);
    const numFmts = asArray(((styles.numFmts as XmlNode | undefined)?.numFmt ?? []) as XmlNode[]);
    const inFile = (address: string) => {
      const xf = xfs[file.cells(COMPARISON_SHEET).get(address)?.style ?? 0] ?? {};
      const id = String(xf['@_numFmtId']);
      return {
        locked: (xf.protection as XmlNode | undefined)?.['@_locked'] !== '0',
        // 49 is Excel's built-in text format, "@".
        numberFormat:
          id === '49' ? '@' : String(numFmts.find((f) => f['@_numFmtId'] === id)?.['@_formatCode']),
      };
    };
    for (const address of ['B4', 'B5']) {
      const fake = {
        locked: doc.format(COMPARISON_SHEET, address).locked,
        numberFormat: doc.numberFormat(COMPARISON_SHEET, address),
      };
      expect(fake).toEqual({ locked: false, numberFormat: '@' });
      expect(inFile(address)).toEqual(fake);
    }
    expect(doc.format(COMPARISON_SHEET, 'A1').locked).toBe(true);
    expect(inFile('A1').locked).toBe(true);
    expect(file.sheetXml(COMPARISON_SHEET).sheetProtection).toBeDefined();
  });

  it('draw the comparison chart on the comparison sheet from the same source', () => {
    const charts = doc.charts(COMPARISON_SHEET);
    expect(charts).toHaveLength(1);
    const parts = [...file.parts.keys()].filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
    const xml = parts
      .map((p) => file.parts.get(p) ?? '')
      .find((x) => x.includes('Level reached by area, earlier and later'));
    expect(xml).toBeDefined();
    expect(xml).toContain(`'${COMPARISON_SHEET}'!$G$8:$G$`);
  });
});
