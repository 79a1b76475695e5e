/** The Saved responses sheet: builder and reader agree, same-day saves replace, bad cells are named. */
import { bundledFrameworks } from '../../src/domain/framework/bundled';
import { score } from '../../src/domain/scoring';
import {
  SAVED_COLUMNS,
  SAVED_FIRST_ROW,
  SAVED_HEADER_ROW,
  buildSavedResponsesSheet,
  latestApproved,
  readSavedResponses,
  savedColumn,
  savedSnapshotOf,
  withSavedSnapshot,
} from '../../src/workbook/sheets/savedResponses';
import { responsesFor } from '../builders/responses';
import { rangeOfPlan } from './planRange';

const draft = bundledFrameworks.draft2009;
const SETTINGS = { metThreshold: 3, requiredShare: 1 };
const DAY1 = { year: 2026, month: 12, day: 1 };
const DAY2 = { year: 2026, month: 12, day: 3 };

function snapshotWith(
  ratings: (level: number) => string | number,
  kind: 'Snapshot' | 'Approved',
  date = DAY1,
) {
  const responses = responsesFor(draft, (c) => ratings(c.level), {
    common: { evidence: 'Policy 2026', difference: 'Fewer complaints', notes: '=not a formula' },
  });
  return savedSnapshotOf(draft, responses, score(draft, responses, SETTINGS), kind, date);
}

it('reads back every criterion of every snapshot as written, in order', () => {
  const first = snapshotWith((level) => (level === 1 ? 4 : ''), 'Snapshot', DAY1);
  const second = snapshotWith(() => 'N/A', 'Approved', DAY2);
  const read = readSavedResponses(rangeOfPlan(buildSavedResponsesSheet([first, second])));
  expect(read.problems).toEqual([]);
  expect(read.snapshots.map((s) => [s.label, s.kind, s.frameworkId, s.criteria.length])).toEqual([
    ['2026-12-01', 'Snapshot', draft.id, draft.criteria.length],
    ['Approved 2026-12-03', 'Approved', draft.id, draft.criteria.length],
  ]);
  const strip = (s: typeof first) => s.criteria.map(({ row: _row, ...c }) => c);
  expect(strip(read.snapshots[0]!)).toEqual(strip(first));
  expect(strip(read.snapshots[1]!)).toEqual(strip(second));
  expect(read.snapshots[0]!.criteria[0]!.row).toBe(SAVED_FIRST_ROW);
  // Statuses are the engine's, in words; a blank rating stays blank.
  for (const c of first.criteria) {
    expect([c.status, c.rating]).toEqual(c.level === 1 ? ['Met', 4] : ['Unanswered', '']);
  }
  expect(second.criteria.every((c) => c.status === 'N/A' && c.rating === 'N/A')).toBe(true);
});

it('replaces a snapshot of the same kind saved the same day and keeps the others', () => {
  const morning = snapshotWith(() => 2, 'Snapshot', DAY1);
  const approved = snapshotWith(() => 2, 'Approved', DAY1);
  const afternoon = snapshotWith(() => 4, 'Snapshot', DAY1);
  const after = withSavedSnapshot(withSavedSnapshot([morning], approved), afternoon);
  expect(after.map((s) => s.label)).toEqual(['Approved 2026-12-01', '2026-12-01']);
  expect(after[1]!.criteria[0]!.rating).toBe(4);
  expect(latestApproved(after)?.label).toBe('Approved 2026-12-01');
  expect(latestApproved([morning])).toBeNull();
});

it('keeps a label the officer corrected and names each cell it cannot read', () => {
  const plan = buildSavedResponsesSheet([snapshotWith(() => 3, 'Snapshot')]);
  const range = rangeOfPlan(plan);
  const values = range.values.map((r) => [...r]);
  const n = draft.criteria.length;
  for (let r = SAVED_FIRST_ROW; r < SAVED_FIRST_ROW + n; r++)
    values[r - 1]![savedColumn('snapshot') - 1] = 'Before the board';
  values[SAVED_FIRST_ROW]![savedColumn('area') - 1] = 'two';
  values[SAVED_FIRST_ROW + 1]![savedColumn('kind') - 1] = 'Draft';
  const read = readSavedResponses({ ...range, values, formulas: values });
  expect(read.snapshots.map((s) => [s.label, s.criteria.length])).toEqual([['Before the board', n - 2]]);
  expect(read.problems).toEqual([
    `'Saved responses'!F${SAVED_FIRST_ROW + 1} should hold the area number, a whole number; it holds "two".`,
    `'Saved responses'!C${SAVED_FIRST_ROW + 2} should say "Snapshot" or "Approved"; it holds "Draft".`,
  ]);
});

it('refuses a sheet it did not write, and headings out of place', () => {
  const range = rangeOfPlan(buildSavedResponsesSheet([]));
  const other = { ...range, values: [['My notes']], formulas: [['My notes']] };
  expect(readSavedResponses(other).problems[0]).toMatch(/A1 should say "Saved responses/);
  const values = range.values.map((r) => [...r]);
  values[SAVED_HEADER_ROW - 1]![savedColumn('rating') - 1] = 'Score';
  expect(readSavedResponses({ ...range, values, formulas: values }).problems).toEqual([
    `'Saved responses'!K${SAVED_HEADER_ROW} should say "Rating" but says "Score".`,
  ]);
});

it('is protected with only the labels unlocked, and prints its headings on every page', () => {
  const plan = buildSavedResponsesSheet([snapshotWith(() => 3, 'Snapshot')]);
  expect(plan.protect).toBe(true);
  expect(plan.printTitleRows).toBe(SAVED_HEADER_ROW);
  expect(plan.formats.filter((f) => f.locked === false).map((f) => f.range)).toEqual([
    `A${SAVED_FIRST_ROW}:A${SAVED_FIRST_ROW + draft.criteria.length - 1}`,
  ]);
  expect(SAVED_COLUMNS.map((c) => c.key).slice(0, 3)).toEqual(['snapshot', 'date', 'kind']);
});
