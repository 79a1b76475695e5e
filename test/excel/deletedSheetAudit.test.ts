/**
 * An area sheet deleted and put back under its old name (an officer restoring "their" copy). In
 * Excel the Summary's references to the deleted sheet stay #REF! (=#REF!F5...) and nothing links
 * them to the new sheet of the same name, so the results are wrong while the layout looks whole.
 * Check must say so, and Repair formulas must put it right.
 */
import { bundledFrameworks } from '../../src/domain/framework/bundled';
import { checkWorkbook, type CheckOutcome } from '../../src/excel/checkWorkbook';
import { repairFormulas } from '../../src/excel/repairFormulas';
import { rect } from '../../src/workbook/address';
import type { WorkbookProblem } from '../../src/workbook/audit';
import { AREA_FIRST_DATA_ROW, SUMMARY_SHEET, areaColumn } from '../../src/workbook/layout';
import { FakeContext, gateway } from '../platform/fake-excel';
import { generateInto, type Generated } from './generateHelpers';

const draft = bundledFrameworks.draft2009;
const TODAY = new Date(2026, 10, 23);
const L = draft.areas[0]!.shortName;

async function check(g: Generated): Promise<Extract<CheckOutcome, { status: 'checked' }>> {
  const outcome = await checkWorkbook(gateway(g.doc), draft, g.built, { today: TODAY });
  if (outcome.status !== 'checked') throw new Error(`not checked: ${outcome.message}`);
  return outcome;
}

const ofRule = (problems: readonly WorkbookProblem[], ruleId: string) =>
  problems.filter((p) => p.ruleId === ruleId);

/** Copies the sheet's cells to a new sheet, deletes the sheet, and gives the copy its name. */
async function restoreFromCopy(g: Generated, sheet: string): Promise<void> {
  const ctx = new FakeContext(g.doc);
  const used = ctx.workbook.worksheets.getItem(sheet).getUsedRange().load('address, formulas');
  await ctx.sync();
  const copy = ctx.workbook.worksheets.add(`${sheet} copy`);
  copy.getRange(used.address.split('!')[1]).formulas = used.formulas;
  ctx.workbook.worksheets.getItem(sheet).delete();
  copy.name = sheet;
  await ctx.sync();
}

describe('an area sheet deleted and put back under its old name', () => {
  it('is reported as damaged Summary formulas that refer to a deleted sheet, and Repair fixes them', async () => {
    const g = await generateInto(draft);
    await g.doc.simulateEdit(L, rect(AREA_FIRST_DATA_ROW, areaColumn('rating'), 3, 1), [[4], [4], [4]]);
    await restoreFromCopy(g, L);
    expect(g.doc.brokenReferences().some((b) => b.startsWith(`${SUMMARY_SHEET}!`))).toBe(true);

    const broken = await check(g);
    const damaged = ofRule(broken.problems, 'formula-damaged');
    expect(damaged.length).toBeGreaterThan(0);
    expect(damaged.every((p) => p.sheet === SUMMARY_SHEET || p.sheet === L)).toBe(true);
    expect(damaged.some((p) => p.message.includes('#REF!'))).toBe(true);
    expect(broken.formulasRepairable).toBe(true);

    await repairFormulas(gateway(g.doc), g.built.plan);
    const repaired = await check(g);
    expect(ofRule(repaired.problems, 'formula-damaged')).toEqual([]);
    expect(ofRule(repaired.problems, 'results-mismatch')).toEqual([]);
    expect(g.doc.brokenReferences()).toEqual([]);
  });

  it('while the sheet is missing, names the Summary formulas left as #REF! besides the missing sheet', async () => {
    const g = await generateInto(draft);
    const ctx = new FakeContext(g.doc);
    ctx.workbook.worksheets.getItem(L).delete();
    await ctx.sync();
    const outcome = await check(g);
    expect(ofRule(outcome.problems, 'sheet-missing').map((p) => p.sheet)).toEqual([L]);
    const damaged = ofRule(outcome.problems, 'formula-damaged');
    expect(damaged.length).toBeGreaterThan(0);
    expect(damaged.every((p) => p.sheet === SUMMARY_SHEET && p.message.includes('#REF!'))).toBe(true);
  });
});
