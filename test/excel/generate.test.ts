/**
 * Generation on the test platform: the plan applied through the Office.js adapter to the fake
 * Excel, then inspected as Excel would hold it.
 */
import { bundledFrameworks } from '../../src/domain/framework/bundled';
import { AREA_COLUMNS, AREA_FIRST_DATA_ROW, META_SHEET } from '../../src/workbook/layout';
import { areaCriteria } from '../../src/workbook/sheets/area';
import { cell, parseRange, rect } from '../../src/workbook/address';
import { isFormula } from '../../src/workbook/plan';
import { MINIMUM_API_SET } from '../../src/excel/requirements';
import { buildFramework } from '../builders/framework';
import { FakeWorkbook } from '../platform/fake-excel';
import { FakeApplication } from '../platform/fake-excel/objects/application';
import { generateInto, SETTINGS } from './generateHelpers';

const draft = bundledFrameworks.draft2009;

describe('generating the 2009 draft into a new workbook', () => {
  let generated: Awaited<ReturnType<typeof generateInto>>;
  beforeAll(async () => {
    generated = await generateInto(draft);
  });

  it('reports success on the manifest’s minimum, ExcelApi 1.9', () => {
    expect(MINIMUM_API_SET).toBe('1.9');
    expect(generated.outcome).toEqual({
      status: 'generated',
      sheets: generated.built.plan.sheets.map((s) => s.name),
    });
  });

  it('adds the plan sheets after the sheet the officer had, in plan order, and hides only the meta sheet', () => {
    const { doc, built } = generated;
    expect(doc.sheetNames()).toEqual(['Sheet1', ...built.plan.sheets.map((s) => s.name)]);
    for (const s of built.plan.sheets) {
      expect(doc.sheet(s.name).visibility).toBe(s.name === META_SHEET ? 'Hidden' : 'Visible');
    }
    expect(doc.activeSheetId).toBe(doc.sheet('Start').id);
  });

  it('uses sheet names that are valid in Excel and unique regardless of case', () => {
    const names = generated.built.plan.sheets.map((s) => s.name);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[:\\/?*[\]]/);
    }
  });

  it('writes plan text as text, even text that looks like a number or a formula', () => {
    const { doc } = generated;
    for (const area of draft.areas) {
      const ids = areaCriteria(draft, area.number).map((c) => c.id);
      const written = ids.map((_, i) => doc.value(area.shortName, cell(AREA_FIRST_DATA_ROW + i, 1)));
      // "1.10" would become the number 1.1 if it were typed without the apostrophe.
      expect(written).toEqual(ids);
    }
  });

  it('gives every rating cell the drop-down of the scale and every review date cell a date rule', () => {
    const { doc } = generated;
    const ratingCol = AREA_COLUMNS.findIndex((c) => c.key === 'rating') + 1;
    const dateCol = AREA_COLUMNS.findIndex((c) => c.key === 'reviewDate') + 1;
    for (const area of draft.areas) {
      const count = areaCriteria(draft, area.number).length;
      for (let i = 0; i < count; i++) {
        const rating = doc.validation(area.shortName, cell(AREA_FIRST_DATA_ROW + i, ratingCol));
        expect(rating?.rule).toEqual({ list: { inCellDropDown: true, source: '1,2,3,4,N/A' } });
        expect(rating?.errorAlert?.showAlert).toBe(true);
        const date = doc.validation(area.shortName, cell(AREA_FIRST_DATA_ROW + i, dateCol));
        expect(Object.keys(date?.rule ?? {})).toEqual(['date']);
      }
      // The row after the last criterion has no rule: the drop-down covers exactly the criteria.
      expect(doc.validation(area.shortName, cell(AREA_FIRST_DATA_ROW + count, ratingCol))).toBeUndefined();
    }
  });

  it('locks every formula cell and protects every sheet that has formulas, leaving input cells open', () => {
    const { doc, built } = generated;
    let formulaCells = 0;
    for (const s of built.plan.sheets) {
      for (const block of s.blocks) {
        const { row, column } = parseRange(block.at);
        block.cells.forEach((line, r) =>
          line.forEach((value, c) => {
            if (!isFormula(value)) return;
            formulaCells += 1;
            expect({
              at: `${s.name}!${cell(row + r, column + c)}`,
              locked: doc.format(s.name, cell(row + r, column + c)).locked,
            }).toEqual({
              at: `${s.name}!${cell(row + r, column + c)}`,
              locked: true,
            });
          }),
        );
      }
      const hasFormulas = s.blocks.some((b) => b.cells.some((line) => line.some(isFormula)));
      if (hasFormulas) expect(doc.sheet(s.name).protection.protected).toBe(true);
    }
    expect(formulaCells).toBeGreaterThan(draft.criteria.length);
    // Input columns are open; so is the criterion text where the source has none, for the
    // organisation to fill in (or complete, for a fragment). Everything else is locked.
    for (const area of draft.areas) {
      areaCriteria(draft, area.number).forEach((criterion, r) => {
        AREA_COLUMNS.forEach((column, i) => {
          const open = column.input || (column.key === 'text' && criterion.textStatus !== 'complete');
          const locked = doc.format(area.shortName, cell(AREA_FIRST_DATA_ROW + r, i + 1)).locked;
          expect({ id: criterion.id, column: column.key, locked }).toEqual({
            id: criterion.id,
            column: column.key,
            locked: !open,
          });
        });
      });
    }
    for (const setting of [
      built.start.organisation,
      built.start.period,
      built.start.metThreshold,
      built.start.requiredShare,
    ]) {
      expect(doc.format('Start', setting).locked).toBe(false);
    }
  });

  it('defines every planned name, each resolving to the planned range', () => {
    const { doc, built } = generated;
    const names = new Map(doc.nameList().map((n) => [n.name, n.formula]));
    expect(names.size).toBe(built.plan.names.length);
    for (const n of built.plan.names) {
      const { row, column, rows, columns } = parseRange(n.range);
      const quoted = /^[A-Za-z_][A-Za-z0-9_]*$/.test(n.sheet) ? n.sheet : `'${n.sheet.replace(/'/g, "''")}'`;
      const first = cell(row, column).replace(/([A-Z]+)(\d+)/, '$$$1$$$2');
      const last = cell(row + rows - 1, column + columns - 1).replace(/([A-Z]+)(\d+)/, '$$$1$$$2');
      const expected = rows === 1 && columns === 1 ? `=${quoted}!${first}` : `=${quoted}!${first}:${last}`;
      expect({ name: n.name, formula: names.get(n.name) }).toEqual({ name: n.name, formula: expected });
    }
  });

  it('stores the framework id, version and layout version in the meta sheet', () => {
    const { doc } = generated;
    expect(doc.values(META_SHEET, 'A2:B6')).toEqual([
      ['addin', 'equality-self-assessment'],
      ['layoutVersion', 1],
      ['frameworkId', draft.id],
      ['frameworkVersion', draft.version],
      ['frameworkTitle', draft.title],
    ]);
  });

  it('puts both charts on the summary, over the planned source ranges and with the planned axes', () => {
    const { doc, built } = generated;
    const charts = doc.charts('Summary');
    expect(charts.map((c) => c.name)).toEqual(built.plan.charts.map((c) => c.id));
    built.plan.charts.forEach((plan, i) => {
      const chart = charts[i];
      const { row, column, rows, columns } = parseRange(plan.source);
      expect(chart?.source).toBe(
        `Summary!${rect(row, column, rows, columns).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}`,
      );
      expect(chart?.title).toBe(plan.title);
      expect(chart?.valueAxis.minimum).toBe(plan.valueAxis.min);
      expect(chart?.valueAxis.maximum).toBe(plan.valueAxis.max);
      expect(chart?.position).toEqual({ from: `Summary!${plan.from}`, to: `Summary!${plan.to}` });
    });
  });

  it('computes a level for every area straight away: nothing rated yet is "Not yet Developing", provisional', () => {
    const { doc, built } = generated;
    for (const area of built.summary.areas) {
      expect(doc.value('Summary', area.levelName)).toBe('Not yet Developing');
      expect(doc.value('Summary', area.provisional)).toBe('Yes');
      expect(doc.value('Summary', area.completeness)).toBe(0);
    }
    expect(doc.value('Start', built.start.metThreshold)).toBe(SETTINGS.metThreshold);
  });
});

describe('syncs and payload', () => {
  it('takes exactly two syncs, for a framework of any size', async () => {
    const small = await generateInto(buildFramework({ areas: 5, criteria: 1 }));
    const draftRun = await generateInto(draft);
    const large = await generateInto(buildFramework({ areas: 5, criteria: 65 }));
    expect(large.built.plan.sheets.length).toBe(8);
    expect([small.syncs, draftRun.syncs, large.syncs]).toEqual([2, 2, 2]);
    expect(large.outcome.status).toBe('generated');
  });

  it('keeps each batch well under Excel on the web’s 5 MB request limit, ten times the draft included', async () => {
    const draftRun = await generateInto(draft);
    const tenTimes = await generateInto(buildFramework({ areas: 5, criteria: 65 }));
    expect(tenTimes.built.plan.sheets.filter((s) => s.role === 'area').length).toBe(5);
    expect(draftRun.doc.largestBatchBytes).toBeLessThan(1_000_000);
    expect(tenTimes.doc.largestBatchBytes).toBeLessThan(5_000_000);
  });
});

describe('calculation during the write', () => {
  it('suspends calculation once, for the write batch, and computes afterwards', async () => {
    const doc = new FakeWorkbook();
    const suspend = jest.spyOn(FakeApplication.prototype, 'suspendApiCalculationUntilNextSync');
    const run = await generateInto(draft, { doc });
    const calls = suspend.mock.calls.length;
    suspend.mockRestore();
    expect(run.outcome.status).toBe('generated');
    expect(calls).toBe(1);
    // Calculation is back on afterwards: the summary shows computed values.
    expect(doc.engine.isEvaluationSuspended()).toBe(false);
    expect(doc.value('Summary', run.built.summary.overall.levelName)).toBe('Not yet Developing');
  });
});

describe('never overwriting', () => {
  it('refuses, in one sync and changing nothing, when the workbook already holds an assessment', async () => {
    const first = await generateInto(draft);
    const sheetsBefore = first.doc.sheetNames();
    const again = await generateInto(draft, { doc: first.doc });
    expect(again.outcome.status).toBe('refused');
    if (again.outcome.status !== 'refused') return;
    expect(again.outcome.reason).toBe('existing-assessment');
    expect(again.outcome.message).toMatch(/already holds an assessment/);
    expect(again.outcome.message).toMatch(/Regenerate/);
    expect(again.syncs).toBe(1);
    expect(first.doc.sheetNames()).toEqual(sheetsBefore);
  });

  it('refuses when a sheet of the officer’s has a name the assessment needs, naming it', async () => {
    const doc = new FakeWorkbook({ sheets: ['Notes', 'summary'] });
    doc.engine.setCellContents({ sheet: doc.sheet('summary').engineId, row: 0, col: 0 }, [['my own notes']]);
    const run = await generateInto(draft, { doc });
    expect(run.outcome).toMatchObject({
      status: 'refused',
      reason: 'sheet-names-taken',
      details: ['Summary'],
    });
    expect(doc.sheetNames()).toEqual(['Notes', 'summary']);
    expect(doc.value('summary', 'A1')).toBe('my own notes');
  });
});

describe('the minimum is what generation needs', () => {
  // The fake refuses each member below its [Api set] tag in @types/office-js (apiSets.ts), so a
  // host one set below the minimum fails on a member generation really calls (print titles and
  // page layout are ExcelApi 1.9): the manifest's minimum is not set higher than the code needs.
  it('fails at ExcelApi 1.8 on a 1.9 member, which is why the manifest asks for 1.9', async () => {
    await expect(generateInto(draft, { supportedVersion: '1.8' })).rejects.toMatchObject({
      code: 'ApiNotFound',
      message: expect.stringContaining('needs ExcelApi 1.9'),
    });
  });
});
