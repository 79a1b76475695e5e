/**
 * Refreshing keeps step with the ratings: the board says when it is out of date, snapshots build
 * the History sheet and its trend charts, the board shows the change since the last snapshot, and
 * the action plan keeps what the officer typed across refreshes.
 */
import { bundledFrameworks } from '../../src/domain/framework/bundled';
import type { CellValue } from '../../src/domain/responses';
import { excelSerialOf } from '../../src/domain/dates';
import { refreshBoard, reportSheetMoves } from '../../src/excel/boardRefresh';
import { boardChartImage, selectBoardSummary } from '../../src/excel/boardCopy';
import { saveSnapshot } from '../../src/excel/historySnapshot';
import { cell } from '../../src/workbook/address';
import { ACTION_PLAN_SHEET } from '../../src/workbook/sheets/actionPlan';
import {
  ACTION_LINES,
  BOARD_SHEET,
  OUT_OF_DATE,
  UP_TO_DATE,
  boardLayout,
} from '../../src/workbook/sheets/board';
import { HISTORY_SHEET, historyColumns } from '../../src/workbook/sheets/history';
import { gateway, type FakeWorkbook } from '../platform/fake-excel';
import { DAY_1, DAY_2, enterRatings } from './boardHelpers';
import { generateInto } from './generateHelpers';

const draft = bundledFrameworks.draft2009;

/** Everything rated 4 except the ids given. */
function ratings(overrides: Record<string, CellValue> = {}): Map<string, CellValue> {
  return new Map(draft.criteria.map((c) => [c.id, c.id in overrides ? (overrides[c.id] ?? null) : 4]));
}

async function setUp() {
  const generated = await generateInto(draft);
  return { ...generated, gw: gateway(generated.doc) };
}

const status = (doc: FakeWorkbook) => String(doc.value(BOARD_SHEET, 'A4'));

/** Rows of the Action plan sheet as ID → [status, owner, date, notes]. */
function actionRows(doc: FakeWorkbook): Map<string, unknown[]> {
  const rows = new Map<string, unknown[]>();
  for (let row = 5; row < 200; row++) {
    const id = doc.value(ACTION_PLAN_SHEET, `A${row}`);
    if (id === '') continue;
    rows.set(
      String(id),
      ['E', 'G', 'H', 'I'].map((c) => doc.value(ACTION_PLAN_SHEET, `${c}${row}`)),
    );
  }
  return rows;
}

function rowOf(doc: FakeWorkbook, id: string): number {
  for (let row = 5; row < 200; row++) if (doc.value(ACTION_PLAN_SHEET, `A${row}`) === id) return row;
  throw new Error(`no action row for ${id}`);
}

describe('the board summary', () => {
  it('says when the ratings or settings have changed since it was refreshed, by formula', async () => {
    const { doc, built, gw } = await setUp();
    await enterRatings(doc, draft, built, ratings({ '3.6': 2 }));
    await refreshBoard(gw, draft, { today: DAY_1 });
    expect(status(doc)).toBe(`${UP_TO_DATE} (refreshed 30/09/2026).`);

    // The status cell is highlighted by a conditional format exactly while it is out of date.
    const [highlight] = doc.conditionalFormats(BOARD_SHEET);
    const lit = () => doc.engine.calculateFormula(highlight?.formula ?? '', doc.sheet(BOARD_SHEET).engineId);
    expect(lit()).toBe(false);

    await doc.simulateEdit('Leadership', 'F5', [[1]]);
    expect(status(doc)).toBe(OUT_OF_DATE);
    expect(lit()).toBe(true);
    await doc.simulateEdit('Leadership', 'F5', [[4]]);
    expect(status(doc)).toContain(UP_TO_DATE);
    expect(lit()).toBe(false);

    await doc.simulateEdit('Start', built.start.requiredShare, [[0.8]]);
    expect(status(doc)).toBe(OUT_OF_DATE);
    await refreshBoard(gw, draft, { today: DAY_1 });
    expect(status(doc)).toContain(UP_TO_DATE);
  });

  it('sits after the Summary with its chart over the share columns, and can be selected and exported', async () => {
    const { doc, built, gw } = await setUp();
    await enterRatings(doc, draft, built, ratings({ '2.5': 1 }));
    await refreshBoard(gw, draft, { today: DAY_1 });
    const names = doc.sheetNames();
    expect(names.slice(names.indexOf('Summary'), names.indexOf('Summary') + 3)).toEqual([
      'Summary',
      BOARD_SHEET,
      ACTION_PLAN_SHEET,
    ]);
    const [chart] = doc.charts(BOARD_SHEET);
    expect(chart?.source).toBe(`'${BOARD_SHEET}'!$A$6:$D$11`);

    const before = doc.syncCount;
    const selected = await selectBoardSummary(gw, draft);
    expect(doc.syncCount - before).toBe(2);
    expect(selected).toEqual({ status: 'done', value: `${BOARD_SHEET}!${boardLayout(5, 3).printed}` });
    const image = await boardChartImage(gw);
    expect(image.status).toBe('done');
    if (image.status === 'done') expect(image.value.startsWith('iVBOR')).toBe(true);
  });

  it('degrades with a message where there is no board yet', async () => {
    const { doc } = await setUp();
    const none = await selectBoardSummary(gateway(doc), draft);
    expect(none).toEqual({
      status: 'refused',
      reason: 'no-board',
      message: expect.stringContaining('Refresh the board summary first'),
      details: [],
    });
    const picture = await boardChartImage(gateway(doc));
    expect(picture).toEqual({
      status: 'refused',
      reason: 'no-board',
      message: expect.stringContaining('Refresh the board summary first'),
      details: [],
    });
  });

  it('refuses, naming the sheet, when an area sheet is missing', async () => {
    const { doc, gw } = await setUp();
    await gw.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Workforce').delete();
      await ctx.sync();
    });
    const outcome = await refreshBoard(gw, draft, { today: DAY_1 });
    expect(outcome).toMatchObject({ status: 'refused', details: ['The sheet "Workforce" is missing.'] });
    expect(doc.sheetNames()).not.toContain(BOARD_SHEET);
  });
});

describe('snapshots and the trend', () => {
  it('records each day once, charts the trend and shows the change on the board', async () => {
    const { doc, built, gw } = await setUp();
    // Day 1: Leadership held at Developing by 2.5; Workforce not at Developing (1.23 blank).
    await enterRatings(doc, draft, built, ratings({ '2.5': 1, '1.23': null }));
    const before = doc.syncCount;
    const first = await saveSnapshot(gw, draft, DAY_1);
    // Three for the refresh and the snapshot; one more finds no Change log, so no coverage to note
    // (test/excel/snapshotCoverage.test.ts).
    expect(doc.syncCount - before).toBe(4);
    if (first.status !== 'refreshed') throw new Error(first.message);
    // Saving again the same day replaces that day's row.
    await saveSnapshot(gw, draft, DAY_1);
    const cols = historyColumns(5);
    expect(doc.value(HISTORY_SHEET, 'A5')).toBe('30/09/2026');
    expect(doc.value(HISTORY_SHEET, 'A6')).toBe('');

    // Day 2: both fixed.
    await enterRatings(doc, draft, built, ratings());
    const second = await saveSnapshot(gw, draft, DAY_2);
    if (second.status !== 'refreshed') throw new Error(second.message);
    expect(second.history.map((h) => h.date)).toEqual([DAY_1, DAY_2]);

    const levelsRow = (row: number) =>
      Array.from({ length: 7 }, (_, i) => doc.value(HISTORY_SHEET, cell(row, cols.levels + i)));
    const day1 = first.result;
    expect(levelsRow(5)).toEqual([
      '30/09/2026',
      day1.overall.level,
      ...day1.areas.map((a) => a.levelReached),
    ]);
    expect(levelsRow(6)).toEqual(['31/03/2027', 3, 3, 3, 3, 3, 3]);
    expect(day1.areas.find((a) => a.area === 2)?.levelReached).toBe(1);
    expect(day1.areas.find((a) => a.area === 5)?.levelReached).toBe(0);
    expect(doc.value(HISTORY_SHEET, cell(6, cols.shares + 1))).toBe(1);

    const charts = doc.charts(HISTORY_SHEET);
    expect(charts.map((c) => c.source)).toEqual([
      `'Snapshot history'!$A$4:$G$6`,
      `'Snapshot history'!${'$'}${String.fromCharCode(64 + cols.shares)}$4:$${String.fromCharCode(64 + cols.shares + 5)}$6`,
    ]);

    // The board compares with the latest snapshot before today.
    const layout = boardLayout(5, 3);
    const change = (area: number) => doc.value(BOARD_SHEET, cell(layout.firstAreaRow + area - 1, 7));
    expect(change(2)).toBe('Up from Developing');
    expect(change(5)).toBe('Up from Not yet Developing');
    expect(change(1)).toBe('No change');
    expect(doc.value(BOARD_SHEET, 'G6')).toBe('Change since 30/09/2026');
  });

  it('keeps rows the officer did not delete, and refuses rather than drop a row it cannot read', async () => {
    const { doc, built, gw } = await setUp();
    await enterRatings(doc, draft, built, ratings());
    await saveSnapshot(gw, draft, DAY_1);
    await saveSnapshot(gw, draft, DAY_2);
    await gw.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem(HISTORY_SHEET);
      sheet.protection.unprotect();
      sheet.getRange('B5').values = [['seven']];
      await ctx.sync();
    });
    const outcome = await saveSnapshot(gw, draft, { year: 2027, month: 6, day: 30 });
    expect(outcome).toMatchObject({
      status: 'refused',
      details: ['Snapshot history!B5 should hold a level number from 0 to 3; it holds "seven".'],
    });
    expect(doc.value(HISTORY_SHEET, 'B5')).toBe('seven');
  });
});

describe('the action plan', () => {
  it('keeps owners, dates and notes the officer typed across refreshes, keyed by criterion id', async () => {
    const { doc, built, gw } = await setUp();
    await enterRatings(doc, draft, built, ratings({ '2.5': 1, '3.6': 2, '3.9': null }));
    await refreshBoard(gw, draft, { today: DAY_1 });
    expect([...actionRows(doc).keys()]).toEqual(['2.5', '3.6', '3.9']);
    expect(actionRows(doc).get('2.5')?.[0]).toBe('Blocks Achieving');

    const date = excelSerialOf({ year: 2027, month: 1, day: 31 });
    await doc.simulateEdit(ACTION_PLAN_SHEET, `G${rowOf(doc, '3.6')}:I${rowOf(doc, '3.6')}`, [
      ['Jo Patel', date, 'Training booked'],
    ]);
    await doc.simulateEdit(ACTION_PLAN_SHEET, `I${rowOf(doc, '2.5')}`, [['Policy draft in March']]);
    // An action of the officer's own, in a spare row.
    const spare = rowOf(doc, '3.9') + 1;
    await doc.simulateEdit(ACTION_PLAN_SHEET, `A${spare}`, [['Own 1']]);
    await doc.simulateEdit(ACTION_PLAN_SHEET, `G${spare}:I${spare}`, [['Sam', '', 'Board away day']]);

    // 2.5 is now met, 1.4 newly falls below the threshold.
    await enterRatings(doc, draft, built, ratings({ '1.4': 2, '3.6': 2, '3.9': null }));
    await refreshBoard(gw, draft, { today: DAY_2 });
    const rows = actionRows(doc);
    expect([...rows.keys()]).toEqual(['1.4', '3.6', '3.9', '2.5', 'Own 1']);
    expect(rows.get('3.6')).toEqual(['Open', 'Jo Patel', date, 'Training booked']);
    expect(rows.get('2.5')).toEqual(['Done: now met or not applicable', '', '', 'Policy draft in March']);
    expect(rows.get('Own 1')).toEqual(['Your own action (not a criterion)', 'Sam', '', 'Board away day']);
    expect(rows.get('1.4')?.[0]).toBe('Blocks Developing');

    // The board's top actions carry the officer's owner and date.
    const layout = boardLayout(5, 3);
    const top = Array.from({ length: 3 }, (_, i) =>
      ['A', 'E', 'F'].map((c) => doc.value(BOARD_SHEET, `${c}${layout.firstActionRow + i * ACTION_LINES}`)),
    );
    expect(top).toEqual([
      ['1.4 Leadership', '', ''],
      ['3.6 Leadership', 'Jo Patel', date],
      ['3.9 Leadership', '', ''],
    ]);
  });

  it('refuses rather than lose a typed row without an ID', async () => {
    const { doc, built, gw } = await setUp();
    await enterRatings(doc, draft, built, ratings({ '3.6': 2 }));
    await refreshBoard(gw, draft, { today: DAY_1 });
    await doc.simulateEdit(ACTION_PLAN_SHEET, 'I7', [['Remember the survey']]);
    const outcome = await refreshBoard(gw, draft, { today: DAY_2 });
    expect(outcome).toMatchObject({
      status: 'refused',
      details: [expect.stringContaining('Action plan!A7 is blank')],
    });
    expect(doc.value(ACTION_PLAN_SHEET, 'I7')).toBe('Remember the survey');
  });
});

describe('placing the report sheets', () => {
  it('moves them after the Summary in order, wherever they were', () => {
    const before = [
      'Start',
      'Snapshot history',
      'Leadership',
      'Summary',
      'Other',
      'Board summary',
      'Action plan',
      'EqMeta',
    ];
    const moves = reportSheetMoves(before, ['Board summary', 'Action plan']);
    const order = [
      'Start',
      'Snapshot history',
      'Leadership',
      'Summary',
      'Other',
      'EqMeta',
      'Board summary',
      'Action plan',
    ];
    for (const m of moves) {
      order.splice(order.indexOf(m.sheet), 1);
      order.splice(m.position, 0, m.sheet);
    }
    expect(order).toEqual([
      'Start',
      'Leadership',
      'Summary',
      'Board summary',
      'Action plan',
      'Snapshot history',
      'Other',
      'EqMeta',
    ]);
  });
});
