/**
 * The Saved responses sheet in a workbook: "Save snapshot" keeps every response, a second save on
 * the same day replaces that day's rows, a later day adds its own, and regeneration leaves the
 * rows as they were.
 */
import { bundledFrameworks } from '../../src/domain/framework/bundled';
import { saveSnapshot } from '../../src/excel/historySnapshot';
import { regenerateAssessment } from '../../src/excel/regenerate';
import { cell, rect } from '../../src/workbook/address';
import {
  SAVED_COLUMNS,
  SAVED_FIRST_ROW,
  SAVED_RESPONSES_SHEET,
  savedColumn,
} from '../../src/workbook/sheets/savedResponses';
import { gateway, type FakeWorkbook } from '../platform/fake-excel';
import { DAY_1, DAY_2, enterRatings } from './boardHelpers';
import { generateInto } from './generateHelpers';

const draft = bundledFrameworks.draft2009;
const n = draft.criteria.length;

function column(doc: FakeWorkbook, key: Parameters<typeof savedColumn>[0], rows = 2 * n + 1) {
  return doc.values(SAVED_RESPONSES_SHEET, rect(SAVED_FIRST_ROW, savedColumn(key), rows, 1)).map((r) => r[0]);
}

async function setUp() {
  const generated = await generateInto(draft);
  const gw = gateway(generated.doc);
  const rate = (value: number) =>
    enterRatings(generated.doc, draft, generated.built, new Map(draft.criteria.map((c) => [c.id, value])));
  return { ...generated, gw, rate };
}

it('keeps every response of each saved snapshot, one row per criterion, a same-day save replacing the first', async () => {
  const { doc, gw, rate } = await setUp();
  await rate(2);
  expect((await saveSnapshot(gw, draft, DAY_1)).status).toBe('refreshed');
  expect(column(doc, 'snapshot').filter((v) => v !== '')).toEqual(Array<string>(n).fill('2026-09-30'));
  expect(column(doc, 'rating', n)).toEqual(Array<number>(n).fill(2));
  expect(column(doc, 'status', n)).toEqual(Array<string>(n).fill('Not met'));
  expect(doc.sheet(SAVED_RESPONSES_SHEET).protection.protected).toBe(true);
  expect(doc.format(SAVED_RESPONSES_SHEET, cell(SAVED_FIRST_ROW, 1)).locked).toBe(false);

  // Saved again the same day: that day's rows are replaced, not added to.
  await rate(4);
  await saveSnapshot(gw, draft, DAY_1);
  expect(column(doc, 'snapshot').filter((v) => v !== '')).toHaveLength(n);
  expect(column(doc, 'rating', n)).toEqual(Array<number>(n).fill(4));

  // A later day adds its own rows after the first day's.
  await saveSnapshot(gw, draft, DAY_2);
  const labels = column(doc, 'snapshot');
  expect(labels.slice(0, n)).toEqual(Array<string>(n).fill('2026-09-30'));
  expect(labels.slice(n, 2 * n)).toEqual(Array<string>(n).fill('2027-03-31'));
  expect(labels[2 * n]).toBe('');
});

it('is left as it was by regeneration', async () => {
  const { doc, gw, rate } = await setUp();
  await rate(3);
  await saveSnapshot(gw, draft, DAY_1);
  const width = SAVED_COLUMNS.length;
  const before = doc.values(SAVED_RESPONSES_SHEET, rect(1, 1, SAVED_FIRST_ROW + n, width));
  const outcome = await regenerateAssessment(gw, { frameworks: [draft], target: draft });
  expect(outcome.status).toBe('regenerated');
  expect(doc.sheetNames()).toContain(SAVED_RESPONSES_SHEET);
  expect(doc.values(SAVED_RESPONSES_SHEET, rect(1, 1, SAVED_FIRST_ROW + n, width))).toEqual(before);
});
