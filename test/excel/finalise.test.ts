/**
 * Finalising and reopening on the fake: the approval recorded on the Start sheet, the meta sheet
 * and the Sign-off record, a full Approved snapshot, the input cells locked and the line on every
 * sheet; reopening records who and why and puts everything back; a refusal changes nothing.
 */
import { bundledFrameworks } from '../../src/domain/framework/bundled';
import type { CellValue } from '../../src/domain/responses';
import { checkWorkbook } from '../../src/excel/checkWorkbook';
import { regenerateAssessment } from '../../src/excel/regenerate';
import { refreshBoard } from '../../src/excel/boardRefresh';
import { saveSnapshot } from '../../src/excel/historySnapshot';
import { ACTION_PLAN_SHEET } from '../../src/workbook/sheets/actionPlan';
import { BOARD_SHEET } from '../../src/workbook/sheets/board';
import { BOARD_LINE } from '../../src/workbook/signOff/lines';
import { finaliseAssessment, reopenAssessment, signOffStatus } from '../../src/excel/finalise';
import { cell, rect } from '../../src/workbook/address';
import { AREA_FIRST_DATA_ROW, META_SHEET } from '../../src/workbook/layout';
import { SIGN_OFF_META_BLOCK } from '../../src/workbook/metaBlock';
import { NOTHING_ACCEPTED } from '../../src/workbook/signOff/readiness';
import { approvalBlockPlace } from '../../src/workbook/signOff/startBlock';
import { areaCriteria, areaLayoutOf } from '../../src/workbook/sheets/area';
import {
  SAVED_FIRST_ROW,
  SAVED_RESPONSES_SHEET,
  savedColumn,
} from '../../src/workbook/sheets/savedResponses';
import { SIGN_OFF_FIRST_ROW, SIGN_OFF_SHEET } from '../../src/workbook/sheets/signOffRecord';
import { gateway, type FakeWorkbook } from '../platform/fake-excel';
import { queueSheetContent } from '../../src/excel/applyPlan';
import { comparePeriodsInWorkbook } from '../../src/excel/comparePeriods';
import { buildChangeLogSheet, CHANGE_LOG_SHEET, changeLogColumn } from '../../src/workbook/sheets/changeLog';
import { COMPARISON_SHEET, NOW_LABEL } from '../../src/workbook/sheets/periodComparison';
import { enterRatings } from './boardHelpers';
import { generateInto } from './generateHelpers';

const draft = bundledFrameworks.draft2009;
const TODAY = { year: 2026, month: 12, day: 3 };
const OPTIONS = { today: new Date(2026, 11, 3) };
const APPROVAL = { approvedBy: 'Jane Smith', body: 'Board', date: '27/11/2026', minute: '2026/45' };
const LINE =
  'Finalised on 03/12/2026: approved by Jane Smith (Board, minute 2026/45). Reopen from the add-in to change it.';
const area1 = draft.areas[0]!;
const ratingColumn = areaLayoutOf(draft, area1.number).column('rating');
const ratingCell = cell(AREA_FIRST_DATA_ROW, ratingColumn);

async function setUp(ratings: (id: string) => CellValue = () => 4) {
  const generated = await generateInto(draft);
  await enterRatings(
    generated.doc,
    draft,
    generated.built,
    new Map(draft.criteria.map((c) => [c.id, ratings(c.id)])),
  );
  return { ...generated, gw: gateway(generated.doc) };
}

const everything = { errors: [], unanswered: true, withoutEvidence: true };

/** What a refusal must leave alone. */
function state(doc: FakeWorkbook) {
  return {
    names: doc.sheetNames(),
    start: doc.values('Start', approvalBlockPlace(draft).range),
    line: doc.value('Start', 'A3'),
    locked: doc.format(area1.shortName, ratingCell).locked,
    syncsBefore: doc.syncCount,
  };
}

describe('finalising', () => {
  it('records the approval, keeps every response, locks the inputs and says so on every sheet', async () => {
    const { doc, gw, built } = await setUp();
    const before = doc.syncCount;
    const outcome = await finaliseAssessment(
      gw,
      draft,
      built,
      { approval: APPROVAL, acceptance: everything, today: TODAY },
      OPTIONS,
    );
    expect(outcome).toMatchObject({ status: 'done', state: { status: 'finalised' }, skipped: [] });
    expect(doc.syncCount - before).toBe(3);

    // The Sign-off record's first row and the Start sheet's Approval block.
    expect(doc.values(SIGN_OFF_SHEET, `A${SIGN_OFF_FIRST_ROW}:F${SIGN_OFF_FIRST_ROW}`)[0]).toEqual([
      'Finalised',
      46359,
      'Jane Smith',
      'Board',
      46353,
      '2026/45',
    ]);
    const block = doc.values('Start', approvalBlockPlace(draft).range);
    expect(block.slice(0, 4)).toEqual([
      ['Approval', ''],
      ['Status', 'Finalised on 03/12/2026: this is the approved version.'],
      ['Approved by', 'Jane Smith'],
      ['Approving body', 'Board'],
    ]);
    expect(block[5]).toEqual(['Minute reference', '2026/45']);
    const meta = doc.values(META_SHEET, SIGN_OFF_META_BLOCK);
    expect(meta[1]).toEqual(['signOffState', 'finalised']);
    expect(meta[2]).toEqual(['approvedBy', 'Jane Smith']);

    // A full Approved snapshot: one row per criterion, its rating as read.
    const n = draft.criteria.length;
    const kinds = doc
      .values(SAVED_RESPONSES_SHEET, rect(SAVED_FIRST_ROW, savedColumn('kind'), n + 1, 1))
      .map((r) => r[0]);
    expect(kinds).toEqual([...Array<string>(n).fill('Approved'), '']);
    expect(doc.value(SAVED_RESPONSES_SHEET, cell(SAVED_FIRST_ROW, savedColumn('snapshot')))).toBe(
      'Approved 2026-12-03',
    );
    expect(doc.value(SAVED_RESPONSES_SHEET, cell(SAVED_FIRST_ROW, savedColumn('rating')))).toBe(4);

    // Protected, the inputs locked: an edit is refused as Excel refuses it.
    for (const area of draft.areas) expect(doc.sheet(area.shortName).protection.protected).toBe(true);
    expect(doc.format(area1.shortName, ratingCell).locked).toBe(true);
    expect(doc.format('Start', built.start.organisation).locked).toBe(true);
    await expect(doc.simulateEdit(area1.shortName, ratingCell, [[2]])).rejects.toThrow(/locked/);

    // The line on every sheet of the add-in's, where the sheet has room for it.
    for (const name of ['Start', 'Summary', SAVED_RESPONSES_SHEET, SIGN_OFF_SHEET]) {
      expect([name, doc.value(name, 'A3')]).toEqual([name, LINE]);
    }
    expect(doc.value(area1.shortName, cell(1, ratingColumn))).toBe(LINE);
  });

  it('changes nothing when the approver is missing or an error is not accepted', async () => {
    const { doc, gw, built } = await setUp((id) =>
      id === areaCriteria(draft, area1.number)[0]!.id ? 'banana' : 4,
    );
    const status = await signOffStatus(gw, draft, built, OPTIONS);
    if (status.status !== 'assessed' || 'blocked' in status.readiness)
      throw new Error('expected a readiness');
    const errors = status.readiness.errors.map((p) => p.key);
    expect(errors).toContain(`rating-invalid:'${area1.shortName}'!${ratingCell}`);

    const before = state(doc);
    const noApprover = await finaliseAssessment(
      gw,
      draft,
      built,
      { approval: { ...APPROVAL, approvedBy: ' ' }, acceptance: { ...everything, errors }, today: TODAY },
      OPTIONS,
    );
    expect(noApprover).toMatchObject({
      status: 'refused',
      fields: { approvedBy: expect.stringMatching(/Approved by is needed/) },
    });
    const unaccepted = await finaliseAssessment(
      gw,
      draft,
      built,
      { approval: APPROVAL, acceptance: everything, today: TODAY },
      OPTIONS,
    );
    expect(unaccepted.status).toBe('refused');
    if (unaccepted.status === 'refused')
      expect(unaccepted.details.join('\n')).toMatch(/Not accepted: .*banana/);
    const nothing = await finaliseAssessment(
      gw,
      draft,
      built,
      { approval: APPROVAL, acceptance: NOTHING_ACCEPTED, today: TODAY },
      OPTIONS,
    );
    expect(nothing.status).toBe('refused');
    expect({ ...state(doc), syncsBefore: 0 }).toEqual({ ...before, syncsBefore: 0 });
    expect(doc.sheetNames()).not.toContain(SIGN_OFF_SHEET);

    // Accepting the error, listed, lets it through, and the record says what was accepted.
    const accepted = await finaliseAssessment(
      gw,
      draft,
      built,
      { approval: APPROVAL, acceptance: { ...everything, errors }, today: TODAY },
      OPTIONS,
    );
    expect(accepted.status).toBe('done');
    expect(String(doc.value(SIGN_OFF_SHEET, cell(SIGN_OFF_FIRST_ROW, 8)))).toMatch(
      /^Errors accepted: .*banana/,
    );
  });
});

describe('checking a finalised workbook against its approved snapshot', () => {
  it('names each cell changed outside the add-in, with what it holds and what was approved', async () => {
    const { doc, gw, built } = await setUp();
    await finaliseAssessment(
      gw,
      draft,
      built,
      { approval: APPROVAL, acceptance: everything, today: TODAY },
      OPTIONS,
    );
    const changed = (outcome: Awaited<ReturnType<typeof checkWorkbook>>) =>
      outcome.status === 'checked'
        ? outcome.problems.filter((p) => p.ruleId === 'changed-since-approval')
        : null;
    expect(changed(await checkWorkbook(gw, draft, built, OPTIONS))).toEqual([]);

    // An edit made outside the add-in: protection taken off, a rating and some evidence typed.
    doc.sheet(area1.shortName).protection.protected = false;
    await doc.simulateEdit(area1.shortName, ratingCell, [[2]]);
    const evidence = cell(AREA_FIRST_DATA_ROW + 1, areaLayoutOf(draft, area1.number).column('evidence'));
    await doc.simulateEdit(area1.shortName, evidence, [['Added later']]);
    const problems = changed(await checkWorkbook(gw, draft, built, OPTIONS));
    expect(problems?.map((p) => p.message)).toEqual([
      `'${area1.shortName}'!${ratingCell}: rating is 2, the approved snapshot (Approved 2026-12-03) has 4.`,
      `'${area1.shortName}'!${evidence}: evidence is "Added later", the approved snapshot (Approved 2026-12-03) has blank.`,
    ]);

    // Once reopened, the workbook is no longer held to the approved snapshot.
    await reopenAssessment(gw, draft, { by: 'Sam Lee', reason: 'corrections', today: TODAY });
    expect(changed(await checkWorkbook(gw, draft, built, OPTIONS))).toEqual([]);
  });
});

describe('reopening', () => {
  it('records who and why, unlocks the inputs and takes the lines away; the workbook no longer claims approval', async () => {
    const { doc, gw, built } = await setUp();
    await finaliseAssessment(
      gw,
      draft,
      built,
      { approval: APPROVAL, acceptance: everything, today: TODAY },
      OPTIONS,
    );
    const noReason = await reopenAssessment(gw, draft, { by: 'Sam Lee', reason: ' ', today: TODAY });
    expect(noReason).toMatchObject({
      status: 'refused',
      details: [expect.stringMatching(/^Reason is needed/)],
    });

    const outcome = await reopenAssessment(gw, draft, {
      by: 'Sam Lee',
      reason: 'a rating was wrong',
      today: TODAY,
    });
    expect(outcome).toMatchObject({ status: 'done', state: { status: 'reopened' } });
    const second = SIGN_OFF_FIRST_ROW + 1;
    expect(doc.values(SIGN_OFF_SHEET, `A${second}:C${second}`)[0]).toEqual(['Reopened', 46359, 'Sam Lee']);
    expect(doc.value(SIGN_OFF_SHEET, `I${second}`)).toBe('a rating was wrong');
    // The first row is still there, as written.
    expect(doc.value(SIGN_OFF_SHEET, `A${SIGN_OFF_FIRST_ROW}`)).toBe('Finalised');

    expect(doc.format(area1.shortName, ratingCell).locked).toBe(false);
    expect(doc.format('Start', built.start.organisation).locked).toBe(false);
    expect(doc.sheet(area1.shortName).protection.protected).toBe(true);
    await doc.simulateEdit(area1.shortName, ratingCell, [[2]]);
    for (const name of ['Start', 'Summary', SIGN_OFF_SHEET, SAVED_RESPONSES_SHEET])
      expect(doc.value(name, 'A3')).toBe('');
    expect(doc.value(area1.shortName, cell(1, ratingColumn))).toBe('');
    expect(doc.values('Start', approvalBlockPlace(draft).range)[1]).toEqual([
      'Status',
      'Reopened: this is not the approved version.',
    ]);
    expect(doc.values(META_SHEET, SIGN_OFF_META_BLOCK)[1]).toEqual(['signOffState', 'reopened']);

    // Reopening twice is refused: there is nothing finalised to reopen.
    expect((await reopenAssessment(gw, draft, { by: 'Sam Lee', reason: 'again', today: TODAY })).status).toBe(
      'refused',
    );
  });
});

it('refuses to regenerate a finalised assessment, and regenerates it once reopened', async () => {
  const { doc, gw, built } = await setUp();
  await finaliseAssessment(
    gw,
    draft,
    built,
    { approval: APPROVAL, acceptance: everything, today: TODAY },
    OPTIONS,
  );
  const names = doc.sheetNames();
  const refused = await regenerateAssessment(gw, { frameworks: [draft], target: draft });
  expect(refused).toMatchObject({ status: 'refused', reason: 'finalised' });
  expect(doc.sheetNames()).toEqual(names);
  await reopenAssessment(gw, draft, { by: 'Sam Lee', reason: 'new framework text', today: TODAY });
  expect((await regenerateAssessment(gw, { frameworks: [draft], target: draft })).status).toBe('regenerated');
  // The record and the approved snapshot are kept.
  expect(doc.value(SIGN_OFF_SHEET, `A${SIGN_OFF_FIRST_ROW + 1}`)).toBe('Reopened');
  expect(doc.value(SAVED_RESPONSES_SHEET, cell(SAVED_FIRST_ROW, savedColumn('kind')))).toBe('Approved');
});

it('keeps the line on the report sheets a refresh rebuilds, and the board says which version was approved once reopened', async () => {
  const { doc, gw, built } = await setUp();
  await finaliseAssessment(
    gw,
    draft,
    built,
    { approval: APPROVAL, acceptance: everything, today: TODAY },
    OPTIONS,
  );
  expect((await saveSnapshot(gw, draft, TODAY)).status).toBe('refreshed');
  expect(doc.value(BOARD_SHEET, BOARD_LINE)).toBe(LINE);
  expect(doc.value(ACTION_PLAN_SHEET, 'A3')).toBe(LINE);
  // The Saved responses sheet keeps the approved snapshot and the day's snapshot after it.
  expect(doc.value(SAVED_RESPONSES_SHEET, 'A3')).toBe(LINE);
  const n = draft.criteria.length;
  expect(doc.value(SAVED_RESPONSES_SHEET, cell(SAVED_FIRST_ROW + n, savedColumn('kind')))).toBe('Snapshot');

  await reopenAssessment(gw, draft, { by: 'Sam Lee', reason: 'a rating was wrong', today: TODAY });
  const reopened =
    'Approved version: 27/11/2026, reopened on 03/12/2026 because a rating was wrong. This is not the approved version.';
  expect(doc.value(BOARD_SHEET, BOARD_LINE)).toBe(reopened);
  expect(doc.value(ACTION_PLAN_SHEET, 'A3')).toBe('');
  const refreshed = await refreshBoard(gw, draft, { today: TODAY });
  expect(refreshed).toMatchObject({ status: 'refreshed', approval: reopened });
  expect(doc.value(BOARD_SHEET, BOARD_LINE)).toBe(reopened);
});

it('puts the line on the Period comparison and the Change log too, keeps it when the comparison is rebuilt, and takes it away on reopening', async () => {
  const { doc, gw, built } = await setUp();
  await saveSnapshot(gw, draft, TODAY);
  const choice = { then: '2026-12-03', now: NOW_LABEL };
  const context = { framework: draft, frameworks: [draft], mappings: [], today: TODAY, spareRows: 5 };
  expect((await comparePeriodsInWorkbook(gw, choice, context)).status).toBe('compared');
  await gw.run(async (ctx) => {
    queueSheetContent(ctx.workbook.worksheets.add(CHANGE_LOG_SHEET), buildChangeLogSheet(true));
    await ctx.sync();
  });
  const logLine = cell(1, changeLogColumn('before'));
  expect(doc.value(COMPARISON_SHEET, 'A3')).toBe('');

  await finaliseAssessment(
    gw,
    draft,
    built,
    { approval: APPROVAL, acceptance: everything, today: TODAY },
    OPTIONS,
  );
  expect(doc.value(COMPARISON_SHEET, 'A3')).toBe(LINE);
  expect(doc.value(CHANGE_LOG_SHEET, logLine)).toBe(LINE);
  // The switch in A3 is left as it was.
  expect(String(doc.value(CHANGE_LOG_SHEET, 'A3'))).toMatch(/^Logging: on/);

  expect((await comparePeriodsInWorkbook(gw, choice, context)).status).toBe('compared');
  expect(doc.value(COMPARISON_SHEET, 'A3')).toBe(LINE);

  await reopenAssessment(gw, draft, { by: 'Sam Lee', reason: 'a rating was wrong', today: TODAY });
  expect(doc.value(COMPARISON_SHEET, 'A3')).toBe('');
  expect(doc.value(CHANGE_LOG_SHEET, logLine)).toBe('');
});
