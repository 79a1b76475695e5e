/**
 * When a co-author's edit cannot be carried (issue 22 part 3): an edit landing between an
 * operation's reading and its rebuild that the second reading cannot plan. The new sheets are
 * written from the first reading, so nothing typed before is lost, and the refusal names every
 * changed cell with its value, for the officer to type again.
 */
import { refreshBoard } from '../../src/excel/boardRefresh';
import { regenerateAssessment } from '../../src/excel/regenerate';
import { carryCoauthorEdits } from '../../src/excel/regenerateCoauthors';
import { readForRegeneration } from '../../src/excel/regenerateRead';
import { buildPlan } from '../../src/workbook/buildPlan';
import { cell } from '../../src/workbook/address';
import { AREA_FIRST_DATA_ROW, START_SHEET, SUMMARY_SHEET, areaColumn } from '../../src/workbook/layout';
import type { CellGrid } from '../../src/workbook/regenerationRead';
import { ACTION_PLAN_SHEET } from '../../src/workbook/sheets/actionPlan';
import { areaCriteria } from '../../src/workbook/sheets/area';
import { ARCHIVE_SHEET, ARCHIVE_TITLE } from '../../src/workbook/sheets/archive';
import { BOARD_SHEET } from '../../src/workbook/sheets/board';
import { sheetKey } from '../../src/workbook/sheetNames';
import { FakeContext, gateway, type FakeWorkbook } from '../platform/fake-excel';
import { arriveAll, draftToCombined, responseCells, schedule } from './coauthoringHelpers';
import { generateInto, SETTINGS } from './generateHelpers';

const { draft, combined, frameworks, mapping } = draftToCombined();
/** The regeneration sync that replaces the old sheets with the new. */
const REBUILD = 4;

/** Each sheet's id by name: a sheet written anew has another id. */
const sheetIds = (doc: FakeWorkbook) => new Map(doc.sheets.map((s) => [s.name, s.id]));

/** Those of `names` still the sheet they were when `ids` was taken (a sheet written anew has another id). */
function unchanged(doc: FakeWorkbook, ids: ReadonlyMap<string, string>, names: readonly string[]): string[] {
  return names.filter((name) => !ids.has(name) || doc.sheet(name).id === ids.get(name));
}

const rowsOf = (doc: FakeWorkbook, sheet: string) => doc.engine.getSheetSerialized(doc.sheet(sheet).engineId);

/**
 * A combined-framework workbook with an archive: a draft whose officer rated an area-2 criterion
 * the mapping does not pair, upgraded (the upgrade archives that rating).
 */
async function upgradedWithArchive(): Promise<FakeWorkbook> {
  const { doc } = await generateInto(draft);
  const leadership = draft.areas.find((a) => a.number === 2)!;
  const criteria = areaCriteria(draft, 2);
  const unpaired = criteria.findIndex((c) => !mapping.pairs.some((p) => p.from === c.id));
  expect(unpaired).toBeGreaterThanOrEqual(0);
  await doc.simulateEdit(leadership.shortName, cell(AREA_FIRST_DATA_ROW + unpaired, areaColumn('rating')), [
    [2],
  ]);
  const upgrade = await regenerateAssessment(gateway(doc), {
    frameworks,
    target: combined,
    mappings: [mapping],
  });
  expect(upgrade.status).toBe('regenerated');
  expect(doc.value(ARCHIVE_SHEET, 'A1')).toBe(ARCHIVE_TITLE);
  return doc;
}

describe('regenerate when a co-author’s edit cannot be placed', () => {
  it('refuses naming each changed cell, with the new sheets written and the officer’s typing kept', async () => {
    const doc = await upgradedWithArchive();
    // What the officer typed since: ratings and evidence on the first criteria of every area.
    const typed = combined.areas.flatMap((area) =>
      responseCells(combined, [area.number])
        .slice(0, 2)
        .map((c, i) => ({
          sheet: c.sheet,
          address: cell(c.row, c.column),
          value: c.field === 'rating' ? i + 3 : `Officer's evidence for area ${area.number}`,
        })),
    );
    for (const t of typed) await doc.simulateEdit(t.sheet, t.address, [[t.value]]);
    const archiveRows = rowsOf(doc, ARCHIVE_SHEET);
    const ids = sheetIds(doc);

    // Between the reading and the rebuild a co-author rates a criterion and types over the
    // archive's title: a sheet of that name whose first cell is not the title is not the
    // add-in's archive, so the second reading refuses (sheet-names-taken) and cannot be planned.
    const rated = responseCells(combined, [3]).find(
      (c) => c.field === 'rating' && c.row > AREA_FIRST_DATA_ROW + 3,
    )!;
    const ratedAt = cell(rated.row, rated.column);
    schedule(doc, [
      { beforeSync: REBUILD, sheet: rated.sheet, address: ratedAt, value: 1 },
      { beforeSync: REBUILD, sheet: ARCHIVE_SHEET, address: 'A1', value: 'Panel’s notes on the archive' },
    ]);
    const outcome = await regenerateAssessment(gateway(doc), { frameworks, target: combined });
    await arriveAll(doc);

    expect(outcome).toEqual({
      status: 'refused',
      reason: 'changed-while-regenerating',
      message: expect.stringContaining('Type the values below again where they belong.'),
      details: [`'${rated.sheet}'!${ratedAt}: 1`, `'Archived responses'!A1: "Panel’s notes on the archive"`],
    });
    // The new sheets are written: every sheet the regeneration replaces has a new id, the old
    // ones and the backup are gone, and the archive is the add-in's again with its rows.
    expect(doc.sheetNames()).toEqual([...ids.keys()]);
    expect(
      unchanged(doc, ids, [
        START_SHEET,
        SUMMARY_SHEET,
        ARCHIVE_SHEET,
        ...combined.areas.map((a) => a.shortName),
      ]),
    ).toEqual([]);
    expect(doc.value(ARCHIVE_SHEET, 'A1')).toBe(ARCHIVE_TITLE);
    expect(rowsOf(doc, ARCHIVE_SHEET).slice(1)).toEqual(archiveRows.slice(1));
    const lost = typed.filter((t) => doc.value(t.sheet, t.address) !== t.value);
    expect(lost).toEqual([]);
  });

  it('refuses, naming the changed cells, when the kept cells read again cannot be planned', async () => {
    // No co-author's cell edit makes the plan itself fail once the first reading planned (its
    // refusals depend on the meta sheet and the mapping, neither read again), so the reading
    // again is made here, and planFor fails as a plan from it would.
    const { doc } = await generateInto(draft);
    const ctx = new FakeContext(doc);
    const read = await readForRegeneration(ctx, frameworks, draft);
    if (read.status === 'refused') throw new Error(read.message);
    const workforce = draft.areas.find((a) => a.number === 3)!.shortName;
    const grid = read.input.areas.get(sheetKey(workforce))!;
    const row = AREA_FIRST_DATA_ROW - 1 - grid.rowIndex;
    const column = areaColumn('evidence') - 1 - grid.columnIndex;
    const edited = (cells: CellGrid['values']) =>
      cells.map((line, i) => (i === row ? line.map((v, j) => (j === column ? 'tenant panel' : v)) : line));
    const areas = new Map(read.input.areas);
    // Copied field by field: the loaded range is Excel's object, its fields are not its own properties.
    areas.set(sheetKey(workforce), {
      values: edited(grid.values),
      formulas: edited(grid.formulas),
      numberFormat: grid.numberFormat,
      rowIndex: grid.rowIndex,
      columnIndex: grid.columnIndex,
    });
    const plans: unknown[] = [];

    const outcome = await carryCoauthorEdits(ctx, {
      first: read.input,
      again: { ...read.input, areas },
      frameworks,
      rebuildMissingSheets: false,
      plan: buildPlan(draft, SETTINGS).plan,
      planFor: (kept) => {
        plans.push(kept);
        return null;
      },
    });

    expect(plans).toHaveLength(1);
    expect(outcome).toEqual({
      status: 'refused',
      reason: 'changed-while-regenerating',
      message: expect.stringContaining('Type the values below again where they belong.'),
      details: [`'${workforce}'!${cell(AREA_FIRST_DATA_ROW, areaColumn('evidence'))}: "tenant panel"`],
    });
  });
});

const TODAY = { year: 2026, month: 11, day: 23 };
/** The Action plan's first row, and its ID, Owner and Notes columns (A, G, I). */
const FIRST_ROW = 5;
const COLUMN = { id: 1, owner: 7, notes: 9 } as const;

/** The Action plan's rows with an ID, as [row, id]. */
function planRows(doc: FakeWorkbook): [number, string][] {
  const rows: [number, string][] = [];
  for (let row = FIRST_ROW; ; row++) {
    const id = String(doc.value(ACTION_PLAN_SHEET, cell(row, COLUMN.id)));
    if (id === '') return rows;
    rows.push([row, id]);
  }
}

describe('board refresh when a co-author’s typing cannot be kept', () => {
  it('refuses naming the typing and why, with the report sheets rebuilt and the officer’s typing kept', async () => {
    const { doc } = await generateInto(draft);
    expect((await refreshBoard(gateway(doc), draft, { today: TODAY })).status).toBe('refreshed');
    const rows = planRows(doc);
    const [firstRow] = rows[0]!;
    await doc.simulateEdit(ACTION_PLAN_SHEET, cell(firstRow, COLUMN.owner), [['Officer']]);
    const ids = sheetIds(doc);

    // Between the reading and the rebuild a co-author types notes in a spare row (its cells are
    // open for the officer's own actions) without giving it an ID: the report cannot be
    // prepared from that reading, as the rows without an ID cannot be matched.
    const spare = rows[rows.length - 1]![0] + 1;
    schedule(doc, [
      {
        beforeSync: 3,
        sheet: ACTION_PLAN_SHEET,
        address: cell(spare, COLUMN.notes),
        value: 'Ask the tenant panel',
      },
    ]);
    const outcome = await refreshBoard(gateway(doc), draft, { today: TODAY });
    await arriveAll(doc);

    expect(outcome).toEqual({
      status: 'refused',
      reason: 'changed-while-refreshing',
      message: expect.stringContaining('Type the values below again where they belong.'),
      details: [
        `'Action plan'!I${spare}: "Ask the tenant panel"`,
        `Action plan!A${spare} is blank but the row has an owner, date or notes; give it a criterion ID (or your own label) so the add-in can keep it.`,
      ],
    });
    // Rebuilt from the reading before the co-author typed: same rows, the officer's owner kept.
    expect(unchanged(doc, ids, [BOARD_SHEET, ACTION_PLAN_SHEET])).toEqual([]);
    expect(planRows(doc)).toEqual(rows);
    expect(doc.value(ACTION_PLAN_SHEET, cell(firstRow, COLUMN.owner))).toBe('Officer');
  });
});
