/**
 * "Check workbook", fixes, formula repair and live checks on the test platform: a generated
 * workbook, edited as an officer would (typing, pasting, renaming, overwriting a formula).
 */
import { bundledFrameworks } from '../../src/domain/framework/bundled';
import type { Framework } from '../../src/domain/framework/types';
import { score } from '../../src/domain/scoring';
import { checkWorkbook, type CheckOutcome } from '../../src/excel/checkWorkbook';
import { applyFixes, selectCell } from '../../src/excel/fixes';
import { startLiveChecks } from '../../src/excel/liveChecks';
import { readAssessment } from '../../src/excel/readAssessment';
import { repairFormulas } from '../../src/excel/repairFormulas';
import type { XlCellValue } from '../../src/excel/api';
import { AREA_FIRST_DATA_ROW, areaColumn } from '../../src/workbook/layout';
import { areaCriteria } from '../../src/workbook/sheets/area';
import { cell, columnLetter, rect } from '../../src/workbook/address';
import type { WorkbookProblem } from '../../src/workbook/audit';
import { buildFramework } from '../builders/framework';
import { FakeWorkbook, gateway } from '../platform/fake-excel';
import { generateInto, type Generated } from './generateHelpers';

const draft = bundledFrameworks.draft2009;
const TODAY = new Date(2026, 10, 23);
const leadership = draft.areas[0]!;
const L = leadership.shortName;
// Problems name cells as 'Sheet'!A1, always quoted as in a formula.
const quotedL = `'${L}'`;
const ratingCol = columnLetter(areaColumn('rating'));
const row = (i: number) => AREA_FIRST_DATA_ROW + i;

async function check(
  g: Generated,
  framework: Framework = draft,
): Promise<Extract<CheckOutcome, { status: 'checked' }>> {
  const outcome = await checkWorkbook(gateway(g.doc), framework, g.built, { today: TODAY });
  if (outcome.status !== 'checked') throw new Error(`not checked: ${outcome.message}`);
  return outcome;
}

/** The value a cell's certain fix writes (a page-header fix writes no value). */
const fixValue = (p: WorkbookProblem) => (p.fix && 'value' in p.fix ? p.fix.value : undefined);

const ofRule = (problems: readonly WorkbookProblem[], ruleId: string) =>
  problems.filter((p) => p.ruleId === ruleId);

describe('a pasted block of mixed ratings', () => {
  const pasted: XlCellValue[][] = [
    [4],
    [' 3 '],
    ['in place and effective'],
    ['n/a'],
    ['N/A'],
    ['maybe'],
    [7],
    [''],
  ];
  let g: Generated;
  beforeEach(async () => {
    g = await generateInto(draft);
    await g.doc.simulateEdit(L, rect(row(0), areaColumn('rating'), pasted.length, 1), pasted);
  });

  it('gives exactly the expected rating problems, each naming the cell and what is expected', async () => {
    const outcome = await check(g);
    const invalid = ofRule(outcome.problems, 'rating-invalid');
    const ids = areaCriteria(draft, leadership.number).map((c) => c.id);
    // ' 3 ' is typed into Excel as the number 3, so it is not a problem; the others are.
    const expectedRows = [2, 3, 5, 6];
    expect(invalid.map((p) => p.cell)).toEqual(expectedRows.map((i) => `${quotedL}!${ratingCol}${row(i)}`));
    expect(invalid.map((p) => p.criterionId)).toEqual(expectedRows.map((i) => ids[i]));
    expect(invalid.map(fixValue)).toEqual([4, 'N/A', undefined, undefined]);
    for (const p of invalid) expect(p.message).toMatch(/rating|N\/A/);
    expect(invalid[2]?.message).toContain('"maybe"');
    expect(invalid[3]?.message).toMatch(/7/);
  });

  it('"fix all" changes only the near misses, and a re-check finds only what needs a person', async () => {
    const outcome = await check(g);
    const fixes = outcome.problems.flatMap((p) => (p.fix ? [p.fix] : []));
    const before = g.doc.values(L, rect(row(0), areaColumn('rating'), pasted.length, 1));
    const result = await applyFixes(gateway(g.doc), fixes);
    expect(result.skipped).toEqual([]);
    const after = g.doc.values(L, rect(row(0), areaColumn('rating'), pasted.length, 1));
    expect(after).toEqual(before.map((line, i) => (i === 2 ? [4] : i === 3 ? ['N/A'] : line)));
    const again = await check(g);
    expect(ofRule(again.problems, 'rating-invalid').map((p) => p.cell)).toEqual(
      [5, 6].map((i) => `${quotedL}!${ratingCol}${row(i)}`),
    );
  });

  it('leaves a cell alone when it was edited after the check, and says so', async () => {
    const outcome = await check(g);
    const fixes = outcome.problems.flatMap((p) => (p.fix ? [p.fix] : []));
    await g.doc.simulateEdit(L, `${ratingCol}${row(2)}`, [[2]]);
    const result = await applyFixes(gateway(g.doc), fixes);
    expect(result.skipped.map((f) => ('cell' in f ? f.cell : f.sheet))).toEqual([
      `${quotedL}!${ratingCol}${row(2)}`,
    ]);
    expect(g.doc.value(L, `${ratingCol}${row(2)}`)).toBe(2);
    expect(g.doc.value(L, `${ratingCol}${row(3)}`)).toBe('N/A');
  });

  it('takes the officer to a problem cell', async () => {
    const outcome = await check(g);
    const target = ofRule(outcome.problems, 'rating-invalid')[0]?.cell ?? '';
    await selectCell(gateway(g.doc), target);
    expect(g.doc.selection).toEqual({ sheetId: g.doc.sheet(L).id, rect: expect.anything() });
    expect(g.doc.activeSheetId).toBe(g.doc.sheet(L).id);
  });
});

describe('damaged formulas', () => {
  it('finds a Summary formula typed over, repairs it, and the results then equal the engine', async () => {
    const g = await generateInto(draft);
    await g.doc.simulateEdit(L, rect(row(0), areaColumn('rating'), 3, 1), [[4], [4], [4]]);
    const levelCell = g.built.summary.areas[0]!.levelName;
    // The officer unprotects the Summary and types a level over the formula.
    g.doc.sheet('Summary').protection = { ...g.doc.sheet('Summary').protection, protected: false };
    await g.doc.simulateEdit('Summary', levelCell, [['Excellent']]);

    const damaged = await check(g);
    expect(ofRule(damaged.problems, 'formula-damaged').map((p) => p.cell)).toEqual([
      `'Summary'!${levelCell}`,
    ]);
    expect(damaged.formulasRepairable).toBe(true);

    const beforeRepair = g.doc.syncCount;
    await repairFormulas(gateway(g.doc), g.built.plan);
    expect(g.doc.syncCount - beforeRepair).toBe(2);
    const repaired = await check(g);
    expect(ofRule(repaired.problems, 'formula-damaged')).toEqual([]);
    expect(ofRule(repaired.problems, 'results-mismatch')).toEqual([]);
    const read = await readAssessment(gateway(g.doc), draft);
    const result = score(draft, read.responses, read.settings!);
    expect(g.doc.value('Summary', levelCell)).toBe(result.areas[0]!.levelReachedName ?? 'Not yet Developing');
    // Ratings typed before the repair are still there.
    expect(g.doc.values(L, rect(row(0), areaColumn('rating'), 3, 1))).toEqual([[4], [4], [4]]);
  });

  it('reports results that do not follow from the ratings when a hidden working cell is changed', async () => {
    const g = await generateInto(draft);
    // A "Counts as" formula on the area sheet replaced by a constant "Met".
    g.doc.sheet(L).protection = { ...g.doc.sheet(L).protection, protected: false };
    await g.doc.simulateEdit(L, cell(row(0), areaColumn('countsAs')), [['Met']]);
    const outcome = await check(g);
    expect(ofRule(outcome.problems, 'formula-damaged').map((p) => p.cell)).toEqual([
      `${quotedL}!${cell(row(0), areaColumn('countsAs'))}`,
    ]);
    await repairFormulas(gateway(g.doc), g.built.plan);
    expect((await check(g)).problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});

describe('structure', () => {
  it('names a renamed area sheet as missing', async () => {
    const g = await generateInto(draft);
    g.doc.renameSheet(g.doc.sheet(L), 'My leadership', 'test');
    const outcome = await check(g);
    expect(ofRule(outcome.problems, 'sheet-missing').map((p) => p.sheet)).toEqual([L]);
    // Its criteria are missing too; the other sheets are still checked.
    expect(ofRule(outcome.problems, 'criterion-missing').length).toBe(areaCriteria(draft, 1).length);
  });

  it('finds an id edited, a duplicated row and a criterion on the wrong sheet', async () => {
    const g = await generateInto(draft);
    const ids = areaCriteria(draft, 1).map((c) => c.id);
    const other = areaCriteria(draft, 2)[0]!.id;
    const engineSheet = g.doc.sheet(L).engineId;
    const idCol = areaColumn('id') - 1;
    // As an officer who unprotected the sheet: id of row 0 edited, row 1 carries another area's id,
    // and a copy of row 2 pasted below the table.
    g.doc.engine.setCellContents({ sheet: engineSheet, row: row(0) - 1, col: idCol }, [['9.99']]);
    g.doc.engine.setCellContents({ sheet: engineSheet, row: row(1) - 1, col: idCol }, [[`'${other}`]]);
    const below = row(ids.length + 2);
    g.doc.engine.setCellContents({ sheet: engineSheet, row: below - 1, col: idCol }, [[`'${ids[2]}`]]);
    const outcome = await check(g);
    expect(ofRule(outcome.problems, 'criterion-unknown').map((p) => p.criterionId)).toEqual(['9.99']);
    expect(ofRule(outcome.problems, 'criterion-moved').map((p) => p.criterionId)).toEqual([other]);
    expect(ofRule(outcome.problems, 'criterion-duplicate').map((p) => p.criterionId)).toContain(ids[2]);
    expect(ofRule(outcome.problems, 'criterion-missing').map((p) => p.criterionId)).toEqual(
      expect.arrayContaining([ids[0], ids[1]]),
    );
    expect(ofRule(outcome.problems, 'rows-moved').map((p) => p.sheet)).toEqual([L]);
    expect(outcome.formulasRepairable).toBe(false);
  });
});

describe('workbooks it must not check', () => {
  it('says so for a workbook the add-in did not make, and changes nothing', async () => {
    const doc = new FakeWorkbook({ sheets: ['Budget'] });
    const outcome = await checkWorkbook(gateway(doc), draft, (await generateInto(draft)).built, {
      today: TODAY,
    });
    expect(outcome).toEqual({
      status: 'refused',
      reason: 'not-an-assessment',
      message: expect.stringMatching(/no assessment made by this add-in/),
      details: [],
    });
    expect(doc.sheetNames()).toEqual(['Budget']);
  });

  it('says so for a workbook from a newer version of the add-in', async () => {
    const g = await generateInto(draft);
    g.doc.engine.setCellContents({ sheet: g.doc.sheet('EqMeta').engineId, row: 2, col: 1 }, [[99]]);
    const outcome = await checkWorkbook(gateway(g.doc), draft, g.built, { today: TODAY });
    expect(outcome).toEqual({
      status: 'refused',
      reason: 'newer-layout',
      message: expect.stringMatching(/newer version of the add-in/),
      details: [],
    });
  });

  it('says so for a workbook built from another framework', async () => {
    const g = await generateInto(draft);
    const other = bundledFrameworks.leadershipRevision;
    const outcome = await checkWorkbook(gateway(g.doc), other, g.built, { today: TODAY });
    expect(outcome).toEqual({
      status: 'refused',
      reason: 'other-framework',
      message: expect.stringMatching(/not .*version/),
      details: [],
    });
  });
});

describe('syncs', () => {
  it('checks a workbook ten times the size of the draft in two syncs', async () => {
    const big = buildFramework({ areas: 5, criteria: 65 });
    expect(big.criteria.length).toBeGreaterThanOrEqual(draft.criteria.length * 10);
    const g = await generateInto(big);
    const before = g.doc.syncCount;
    await check(g, big);
    expect(g.doc.syncCount - before).toBe(2);
  });

  it('live-checks one changed cell in at most two syncs and a paste the same way', async () => {
    const g = await generateInto(draft);
    const updates: CheckOutcome[] = [];
    const errors: unknown[] = [];
    const live = await startLiveChecks(gateway(g.doc), draft, g.built, {
      today: () => TODAY,
      onUpdate: (o) => updates.push(o),
      onError: (e) => errors.push(e),
    });
    const seen = updates.length;
    const before = g.doc.syncCount;
    await g.doc.simulateEdit(L, `${ratingCol}${row(1)}`, [['four']]);
    await live.settled();
    expect(g.doc.syncCount - before).toBeLessThanOrEqual(2);
    const latest = updates[updates.length - 1];
    expect(updates.length).toBe(seen + 1);
    if (latest?.status !== 'checked') throw new Error('live check did not check');
    expect(ofRule(latest.problems, 'rating-invalid').map((p) => p.cell)).toEqual([
      `${quotedL}!${ratingCol}${row(1)}`,
    ]);

    // A multi-cell paste (no before/after values from Excel) that also clears the bad cell.
    const beforePaste = g.doc.syncCount;
    await g.doc.simulateEdit(L, rect(row(0), areaColumn('rating'), 3, 1), [[4], [3], ['n/a']]);
    await live.settled();
    expect(g.doc.syncCount - beforePaste).toBeLessThanOrEqual(2);
    const afterPaste = updates[updates.length - 1];
    if (afterPaste?.status !== 'checked') throw new Error('live check did not check');
    expect(ofRule(afterPaste.problems, 'rating-invalid').map((p) => [p.cell, fixValue(p)])).toEqual([
      [`${quotedL}!${ratingCol}${row(2)}`, 'N/A'],
    ]);
    // The results follow the Summary as Excel recalculated it.
    expect(ofRule(afterPaste.problems, 'results-mismatch')).toEqual([]);
    await live.stop();
    const count = updates.length;
    await g.doc.simulateEdit(L, `${ratingCol}${row(1)}`, [[1]]);
    expect(updates.length).toBe(count);
    expect(errors).toEqual([]);
  });
});
