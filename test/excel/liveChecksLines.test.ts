/**
 * Rows and columns inserted and deleted on an area sheet while the pane's live checks run. Excel
 * moves the cells and the formulas that refer to them, and tells the add-in with RowInserted,
 * RowDeleted, ColumnInserted or ColumnDeleted (test/platform/excel-behaviours.test.ts shows the
 * fake doing the same). The live checks must end with every rating attributed to its own
 * criterion, as a full check of the same workbook gives, and name the moved rows.
 */
import { bundledFrameworks } from '../../src/domain/framework/bundled';
import { checkWorkbook, type CheckOutcome } from '../../src/excel/checkWorkbook';
import { editedWithin, startLiveChecks } from '../../src/excel/liveChecks';
import { columnLetter, rect } from '../../src/workbook/address';
import type { WorkbookProblem } from '../../src/workbook/audit';
import { AREA_FIRST_DATA_ROW, areaColumn } from '../../src/workbook/layout';
import { areaCriteria } from '../../src/workbook/sheets/area';
import { responsesOf } from '../../src/workbook/snapshot';
import { gateway } from '../platform/fake-excel';
import { generateInto, type Generated } from './generateHelpers';
import { unprotect } from './regenerateHelpers';

const draft = bundledFrameworks.draft2009;
const TODAY = new Date(2026, 10, 23);
const L = draft.areas[0]!.shortName;
const criteria = areaCriteria(draft, 1);
const row = (i: number) => AREA_FIRST_DATA_ROW + i;
const ratingCol = columnLetter(areaColumn('rating'));

type Checked = Extract<CheckOutcome, { status: 'checked' }>;

function checked(outcome: CheckOutcome | undefined): Checked {
  if (outcome?.status !== 'checked') throw new Error('not checked');
  return outcome;
}

/** Each criterion of the first area with the rating the outcome read for it. */
function ratingsOf(outcome: Checked): Record<string, unknown> {
  return Object.fromEntries(
    responsesOf(draft, outcome.snapshot)
      .filter((r) => criteria.some((c) => c.id === r.criterionId))
      .map((r) => [r.criterionId, r.rating]),
  );
}

const ofRule = (problems: readonly WorkbookProblem[], ruleId: string) =>
  problems.filter((p) => p.ruleId === ruleId);

async function live(g: Generated) {
  // The officer unprotects the sheet first (Review > Unprotect Sheet): Excel refuses otherwise.
  unprotect(g.doc, L);
  const updates: CheckOutcome[] = [];
  const errors: unknown[] = [];
  const checks = await startLiveChecks(gateway(g.doc), draft, g.built, {
    today: () => TODAY,
    onUpdate: (o) => updates.push(o),
    onError: (e) => errors.push(e),
  });
  return { checks, updates, errors, latest: () => checked(updates[updates.length - 1]) };
}

async function fullCheck(g: Generated): Promise<Checked> {
  return checked(await checkWorkbook(gateway(g.doc), draft, g.built, { today: TODAY }));
}

describe('live checks while rows and columns move', () => {
  it('rows inserted and deleted: every rating stays with its criterion, and the moved rows are named', async () => {
    const g = await generateInto(draft);
    const { checks, errors, latest } = await live(g);
    await g.doc.simulateEdit(L, rect(row(0), areaColumn('rating'), 4, 1), [[1], [2], [3], [4]]);
    await checks.settled();

    // Two rows inserted above the second criterion: it and those after it move down by two.
    await g.doc.simulateLineEdit(L, `${row(1)}:${row(2)}`, 'insert');
    // The officer then rates the second criterion again, in its new row, and types a note in a new row.
    await g.doc.simulateEdit(L, `${ratingCol}${row(3)}`, [[4]]);
    await g.doc.simulateEdit(L, `${ratingCol}${row(1)}`, [[3]]);
    await checks.settled();

    const ids = criteria.slice(0, 4).map((c) => c.id);
    const after = latest();
    expect(ids.map((id) => ratingsOf(after)[id])).toEqual([1, 4, 3, 4]);
    const moved = ofRule(after.problems, 'rows-moved');
    expect(moved.map((p) => p.sheet)).toEqual([L]);
    expect(moved[0]?.message).toContain(`${row(1)}`);
    expect(ratingsOf(after)).toEqual(ratingsOf(await fullCheck(g)));

    // Deleting the two inserted rows puts the layout back; the ratings are where they were.
    await g.doc.simulateLineEdit(L, `${row(1)}:${row(2)}`, 'delete');
    await g.doc.simulateEdit(L, `${ratingCol}${row(2)}`, [[2]]);
    await checks.settled();
    const restored = latest();
    expect(ids.map((id) => ratingsOf(restored)[id])).toEqual([1, 4, 2, 4]);
    expect(ofRule(restored.problems, 'rows-moved')).toEqual([]);
    expect(restored.problems).toEqual((await fullCheck(g)).problems);
    await checks.stop();
    expect(errors).toEqual([]);
  });

  it('a row with a criterion deleted: its criterion is missing, the others keep their ratings', async () => {
    const g = await generateInto(draft);
    const { checks, errors, latest } = await live(g);
    await g.doc.simulateEdit(L, rect(row(0), areaColumn('rating'), 3, 1), [[1], [2], [3]]);
    await g.doc.simulateLineEdit(L, `${row(1)}:${row(1)}`, 'delete');
    await checks.settled();
    const after = latest();
    const [first, second, third] = criteria;
    expect(ratingsOf(after)[first!.id]).toBe(1);
    expect(ratingsOf(after)[second!.id]).toBeUndefined();
    expect(ratingsOf(after)[third!.id]).toBe(3);
    expect(ofRule(after.problems, 'criterion-missing').map((p) => p.criterionId)).toContain(second!.id);
    expect(ofRule(after.problems, 'rows-moved').map((p) => p.sheet)).toEqual([L]);
    await checks.stop();
    expect(errors).toEqual([]);
  });

  it('a column inserted before the ratings and deleted again: no rating is read from the wrong column', async () => {
    const g = await generateInto(draft);
    const { checks, errors, latest } = await live(g);
    await g.doc.simulateEdit(L, rect(row(0), areaColumn('rating'), 3, 1), [[1], [2], [3]]);
    const inserted = columnLetter(areaColumn('rating'));
    await g.doc.simulateLineEdit(L, `${inserted}:${inserted}`, 'insert');
    const shifted = columnLetter(areaColumn('rating') + 1);
    await g.doc.simulateEdit(L, `${shifted}${row(1)}`, [[4]]);
    await checks.settled();
    const after = latest();
    const ids = criteria.slice(0, 3).map((c) => c.id);
    expect(ids.map((id) => ratingsOf(after)[id])).toEqual([1, 4, 3]);
    expect(ratingsOf(after)).toEqual(ratingsOf(await fullCheck(g)));
    const moved = ofRule(after.problems, 'columns-moved');
    expect(moved.map((p) => p.sheet)).toEqual([L]);
    expect(moved[0]?.message).toContain(`now in column ${shifted}`);

    await g.doc.simulateLineEdit(L, `${inserted}:${inserted}`, 'delete');
    await checks.settled();
    const restored = latest();
    expect(ids.map((id) => ratingsOf(restored)[id])).toEqual([1, 4, 3]);
    expect(ofRule(restored.problems, 'columns-moved')).toEqual([]);
    expect(restored.problems).toEqual((await fullCheck(g)).problems);
    await checks.stop();
    expect(errors).toEqual([]);
  });
});

describe('which edits the live checks patch in place', () => {
  // The used range read before: B2:D9 (1-based top 2, left 2, three columns).
  const range = { sheet: L, top: 2, left: 2, values: [['', '', '']], formulas: [['', '', '']] };
  it.each([
    ['RangeEdited', 'C5', { row: 5, rows: 1 }],
    ['RangeEdited', 'B5:D7', { row: 5, rows: 3 }],
    ['RangeEdited', 'E5', undefined],
    ['RangeEdited', 'A5', undefined],
    ['RangeEdited', 'C1', undefined],
    ['RangeEdited', 'C:C', undefined],
    ['RangeEdited', '5:5', undefined],
    ['RowInserted', '5:5', undefined],
    ['RowDeleted', '5:6', undefined],
    ['ColumnInserted', 'C:C', undefined],
    ['ColumnDeleted', 'C:C', undefined],
    ['CellInserted', 'C5', undefined],
    ['CellDeleted', 'C5:C6', undefined],
  ] as const)('%s %s: %j', (changeType, address, expected) => {
    expect(editedWithin({ changeType, address }, range)).toEqual(expected);
  });
});
