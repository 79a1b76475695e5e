/**
 * Broken workbooks (issue 12): what officers and accidents do to a generated workbook. For each,
 * Check workbook gives a clear message (naming the sheet or cell), no response is lost, and
 * Regenerate recovers where it can. The table at the end is the one in the README.
 */
import { bundledFrameworks } from '../../src/domain/framework/bundled';
import { checkWorkbook, type CheckOutcome } from '../../src/excel/checkWorkbook';
import { describeExcelError } from '../../src/excel/errors';
import { repairFormulas } from '../../src/excel/repairFormulas';
import { regenerateAssessment } from '../../src/excel/regenerate';
import { cell } from '../../src/workbook/address';
import { AREA_FIRST_DATA_ROW, META_SHEET, areaColumn } from '../../src/workbook/layout';
import { areaCriteria } from '../../src/workbook/sheets/area';
import { FakeContext, gateway } from '../platform/fake-excel';
import { generateInto, type Generated } from '../excel/generateHelpers';
import { typeInto } from '../excel/regenerateHelpers';

const draft = bundledFrameworks.draft2009;
const TODAY = new Date(2026, 10, 23);
const areaA = draft.areas[1]!;
const A = areaA.shortName;
const idsA = areaCriteria(draft, areaA.number).map((c) => c.id);

/** A generated workbook with a rating and evidence typed for every criterion of every area. */
async function filled(): Promise<Generated> {
  const g = await generateInto(draft);
  for (const area of draft.areas) {
    areaCriteria(draft, area.number).forEach((c, i) => {
      typeInto(g.doc, area.shortName, AREA_FIRST_DATA_ROW + i, areaColumn('rating'), (i % 4) + 1);
      typeInto(
        g.doc,
        area.shortName,
        AREA_FIRST_DATA_ROW + i,
        areaColumn('evidence'),
        `'Evidence for ${c.id}`,
      );
    });
  }
  return g;
}

/** Every criterion's evidence, wherever its row is now, by id (read straight from the cells). */
function evidenceById(g: Generated, sheets: readonly string[]): Map<string, unknown> {
  const found = new Map<string, unknown>();
  for (const sheet of sheets) {
    if (!g.doc.sheetNames().includes(sheet)) continue;
    for (let row = AREA_FIRST_DATA_ROW; row < AREA_FIRST_DATA_ROW + 60; row++) {
      const id = g.doc.value(sheet, cell(row, areaColumn('id')));
      if (id !== '') found.set(String(id), g.doc.value(sheet, cell(row, areaColumn('evidence'))));
    }
  }
  return found;
}

const expectedEvidence = new Map(draft.criteria.map((c) => [c.id, `Evidence for ${c.id}`]));
const areaSheets = draft.areas.map((a) => a.shortName);

async function check(g: Generated): Promise<CheckOutcome> {
  return checkWorkbook(gateway(g.doc), draft, g.built, { today: TODAY });
}

const regenerate = (g: Generated) =>
  regenerateAssessment(gateway(g.doc), { frameworks: [draft], target: draft });

interface Row {
  readonly input: string;
  readonly message: string;
  readonly recovered: string;
  readonly lost: string;
}
const table: Row[] = [];

afterAll(() => {
  // The README's robustness table is kept in step with these cases.
  expect(table.map((r) => r.input)).toHaveLength(8);
});

describe('a workbook damaged after generation', () => {
  it('an area sheet renamed: named as missing; regenerate refuses until it is renamed back, then completes', async () => {
    const g = await filled();
    g.doc.renameSheet(g.doc.sheet(A), 'Old engagement', 'officer');
    const outcome = await check(g);
    if (outcome.status !== 'checked') throw new Error(outcome.message);
    const missing = outcome.problems.find((p) => p.ruleId === 'sheet-missing');
    expect(missing?.message).toContain(`"${A}"`);
    const refused = await regenerate(g);
    expect(refused.status).toBe('refused');
    g.doc.renameSheet(g.doc.sheet('Old engagement'), A, 'officer');
    expect((await regenerate(g)).status).toBe('regenerated');
    expect(evidenceById(g, areaSheets)).toEqual(expectedEvidence);
    table.push({
      input: 'area sheet renamed',
      message: missing?.message ?? '',
      recovered: 'rename back, regenerate',
      lost: 'none',
    });
  });

  it('an area sheet deleted: named as missing with its criteria; regenerate rebuilds it and keeps every other response', async () => {
    const g = await filled();
    g.doc.deleteSheet(g.doc.sheet(A), 'officer');
    const outcome = await check(g);
    if (outcome.status !== 'checked') throw new Error(outcome.message);
    expect(
      outcome.problems.filter((p) => p.ruleId === 'criterion-missing').map((p) => p.criterionId),
    ).toEqual(idsA);
    // Regenerate first refuses (the sheet may have been renamed), saying how to rebuild it.
    const refused = await regenerate(g);
    expect(refused.status === 'refused' && refused.message).toMatch(/rebuild missing sheets/);
    const result = await regenerateAssessment(gateway(g.doc), {
      frameworks: [draft],
      target: draft,
      rebuildMissingSheets: true,
    });
    expect(result.status).toBe('regenerated');
    const kept = evidenceById(g, areaSheets);
    for (const [id, text] of expectedEvidence) {
      // The officer deleted that sheet's responses themselves; everything else is kept.
      expect(kept.get(id)).toBe(idsA.includes(id) ? '' : text);
    }
    table.push({
      input: 'area sheet deleted',
      message: outcome.problems.find((p) => p.ruleId === 'sheet-missing')?.message ?? '',
      recovered: 'regenerate with “rebuild missing sheets”',
      lost: 'none by the add-in (the deleted sheet’s own entries went with it)',
    });
  });

  it('a sheet hidden: checked as usual, nothing reported about it', async () => {
    const g = await filled();
    g.doc.setVisibility(g.doc.sheet(A), 'Hidden', 'officer');
    const outcome = await check(g);
    if (outcome.status !== 'checked') throw new Error(outcome.message);
    expect(outcome.problems.filter((p) => p.severity === 'error')).toEqual([]);
    table.push({
      input: 'area sheet hidden',
      message: '(none needed: still checked)',
      recovered: 'nothing to do',
      lost: 'none',
    });
  });

  it('a sheet protected with a password: repair says how to unprotect; ratings still check; nothing changes', async () => {
    const g = await filled();
    const ctx = new FakeContext(g.doc);
    const sheet = ctx.workbook.worksheets.getItem('Summary');
    sheet.protection.unprotect();
    await ctx.sync();
    sheet.protection.protect({ allowFormatCells: true }, 'secret');
    await ctx.sync();
    const before = evidenceById(g, areaSheets);
    const failure = await repairFormulas(gateway(g.doc), g.built.plan).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(failure).toBeDefined();
    const problem = describeExcelError(failure, 'repair the formulas');
    expect(problem.message).toMatch(/Could not repair the formulas/);
    expect(evidenceById(g, areaSheets)).toEqual(before);
    const outcome = await check(g);
    expect(outcome.status).toBe('checked');
    table.push({
      input: 'Summary protected with a password',
      message: problem.message,
      recovered: 'officer unprotects, then repair',
      lost: 'none',
    });
  });

  it('rows inserted in the middle of an area sheet: reported as moved rows; regenerate restores the layout with every response', async () => {
    const g = await filled();
    g.doc.engine.addRows(g.doc.sheet(A).engineId, [AREA_FIRST_DATA_ROW + 1, 2]);
    const outcome = await check(g);
    if (outcome.status !== 'checked') throw new Error(outcome.message);
    const moved = outcome.problems.find((p) => p.ruleId === 'rows-moved');
    expect(moved?.sheet).toBe(A);
    expect(outcome.problems.filter((p) => p.ruleId === 'criterion-missing')).toEqual([]);
    expect((await regenerate(g)).status).toBe('regenerated');
    expect(evidenceById(g, areaSheets)).toEqual(expectedEvidence);
    const after = await check(g);
    if (after.status !== 'checked') throw new Error(after.message);
    expect(after.problems.filter((p) => p.ruleId === 'rows-moved')).toEqual([]);
    table.push({
      input: 'rows inserted in an area sheet',
      message: moved?.message ?? '',
      recovered: 'regenerate',
      lost: 'none',
    });
  });

  it('the Summary moved to the front: checked as usual', async () => {
    const g = await filled();
    g.doc.moveSheet(g.doc.sheet('Summary'), 0, 'officer');
    const outcome = await check(g);
    if (outcome.status !== 'checked') throw new Error(outcome.message);
    expect(outcome.problems.filter((p) => p.severity === 'error')).toEqual([]);
    table.push({
      input: 'Summary sheet moved',
      message: '(none needed: still checked)',
      recovered: 'nothing to do',
      lost: 'none',
    });
  });

  it('the stored framework version tampered with: not checked against the wrong framework; regenerate refuses; nothing changes', async () => {
    const g = await filled();
    typeInto(g.doc, META_SHEET, 5, 2, "'9.9");
    const outcome = await check(g);
    expect(outcome.status).toBe('refused');
    const message = outcome.status === 'refused' ? outcome.message : '';
    expect(message).toContain('9.9');
    const before = evidenceById(g, areaSheets);
    const refused = await regenerate(g);
    expect(refused.status).toBe('refused');
    expect(evidenceById(g, areaSheets)).toEqual(before);
    typeInto(g.doc, META_SHEET, 5, 2, `'${draft.version}`);
    expect((await regenerate(g)).status).toBe('regenerated');
    expect(evidenceById(g, areaSheets)).toEqual(expectedEvidence);
    table.push({
      input: 'stored framework version edited',
      message,
      recovered: 'restore the version, regenerate',
      lost: 'none',
    });
  });

  it('the named ranges deleted: the levels still compute; regenerate defines them again', async () => {
    const g = await filled();
    for (const name of [...g.doc.names.values()]) g.doc.deleteName(name, undefined);
    expect(g.doc.nameList()).toEqual([]);
    const outcome = await check(g);
    if (outcome.status !== 'checked') throw new Error(outcome.message);
    expect(
      outcome.problems.filter((p) => p.ruleId === 'formula-damaged' || p.ruleId === 'results-mismatch'),
    ).toEqual([]);
    expect((await regenerate(g)).status).toBe('regenerated');
    expect(g.doc.nameList().length).toBe(g.built.plan.names.length);
    expect(evidenceById(g, areaSheets)).toEqual(expectedEvidence);
    table.push({
      input: 'named ranges deleted',
      message: '(none needed: formulas do not depend on names)',
      recovered: 'regenerate redefines them',
      lost: 'none',
    });
  });
});
