/**
 * The Snapshot history carries on across an upgrade to the draft with the revised Leadership area:
 * the rows saved before stay exactly as they were, a row dated the day of the upgrade marks the
 * change of framework, and the board report refreshes (and saves snapshots) afterwards without
 * anyone editing the history.
 */
import { bundledFrameworks } from '../../src/domain/framework/bundled';
import { refreshBoard } from '../../src/excel/boardRefresh';
import { saveSnapshot } from '../../src/excel/historySnapshot';
import { regenerateAssessment } from '../../src/excel/regenerate';
import { bundledMappings } from '../../src/taskpane/bundledMappings';
import { cell } from '../../src/workbook/address';
import { FRAMEWORK_CHANGED, HISTORY_SHEET, historyColumns } from '../../src/workbook/sheets/history';
import { gateway, type FakeWorkbook } from '../platform/fake-excel';
import { DAY_1, DAY_2, enterRatings } from './boardHelpers';
import { generateInto } from './generateHelpers';

const {
  draft2009: draft,
  leadershipRevision: revision,
  draftWithRevisedLeadership: combined,
} = bundledFrameworks;
const UPGRADED = { year: 2026, month: 12, day: 1 } as const;
const cols = historyColumns(5);

/** A History row from the date to the note column, as the officer sees it. */
function historyRow(doc: FakeWorkbook, row: number): unknown[] {
  return Array.from({ length: cols.note }, (_, i) => doc.value(HISTORY_SHEET, cell(row, i + 1)));
}

describe('the Snapshot history across an upgrade', () => {
  it('keeps the earlier rows, marks the change, and lets the board refresh and save snapshots afterwards', async () => {
    const { doc, built } = await generateInto(draft);
    const gw = gateway(doc);
    await enterRatings(doc, draft, built, new Map(draft.criteria.map((c) => [c.id, 4])));
    const saved = await saveSnapshot(gw, draft, DAY_1);
    if (saved.status !== 'refreshed') throw new Error(saved.message);
    const day1 = historyRow(doc, 5);

    const upgraded = await regenerateAssessment(gw, {
      frameworks: [draft, revision, combined],
      target: combined,
      mappings: bundledMappings,
      today: UPGRADED,
    });
    if (upgraded.status !== 'regenerated') throw new Error(upgraded.message);

    expect(historyRow(doc, 5)).toEqual(day1);
    const mark = historyRow(doc, 6);
    expect([mark[cols.levels - 1], mark[cols.shares - 1], mark[cols.completeness - 1]]).toEqual([
      '01/12/2026',
      '01/12/2026',
      '01/12/2026',
    ]);
    const figures = mark.filter(
      (_, i) => ![cols.levels, cols.shares, cols.completeness, cols.note].includes(i + 1),
    );
    expect(figures.every((v) => v === '')).toBe(true);
    expect(String(mark[cols.note - 1])).toBe(
      `${FRAMEWORK_CHANGED} from "${draft.title}" (version ${draft.version}) to "${combined.title}" (version ${combined.version}). Rows above were saved with version ${draft.version}.`,
    );
    expect(doc.sheet(HISTORY_SHEET).protection.protected).toBe(true);

    // The board refreshes, and a snapshot saved with the new framework goes below the mark.
    expect((await refreshBoard(gw, combined, { today: DAY_2 })).status).toBe('refreshed');
    const after = await saveSnapshot(gw, combined, DAY_2);
    if (after.status !== 'refreshed') throw new Error(after.message);
    expect(after.history.map((h) => h.date)).toEqual([DAY_1, DAY_2]);
    expect(historyRow(doc, 5)).toEqual(day1);
    expect(historyRow(doc, 6)).toEqual(mark);
    expect(historyRow(doc, 7)[0]).toBe('31/03/2027');
    expect(historyRow(doc, 7)[cols.note - 1]).toBe('');
  });

  it('sets the old history aside, whole, when the areas change (the Leadership revision alone), so the board still refreshes', async () => {
    const { doc, built } = await generateInto(draft);
    const gw = gateway(doc);
    await enterRatings(doc, draft, built, new Map(draft.criteria.map((c) => [c.id, 4])));
    await saveSnapshot(gw, draft, DAY_1);
    const day1 = historyRow(doc, 5);

    const upgraded = await regenerateAssessment(gw, {
      frameworks: [draft, revision, combined],
      target: revision,
      mappings: bundledMappings,
      today: UPGRADED,
    });
    if (upgraded.status !== 'regenerated') throw new Error(upgraded.message);
    const aside = 'Snapshot history to 2026-12-01';
    expect(doc.sheetNames()).toContain(aside);
    expect(doc.sheetNames()).not.toContain(HISTORY_SHEET);
    const row = (r: number) => Array.from({ length: cols.note }, (_, i) => doc.value(aside, cell(r, i + 1)));
    expect(row(5)).toEqual(day1);
    expect(String(row(6)[cols.note - 1])).toMatch(
      /^Framework changed from .* to .*\(version leadership-revision\)\. .*set aside and later snapshots go on a new Snapshot history sheet\.$/,
    );

    expect((await refreshBoard(gw, revision, { today: DAY_2 })).status).toBe('refreshed');
    const after = await saveSnapshot(gw, revision, DAY_2);
    if (after.status !== 'refreshed') throw new Error(after.message);
    expect(after.history.map((h) => h.date)).toEqual([DAY_2]);
    expect(row(5)).toEqual(day1);
  });

  it('adds no mark when regenerating with the same framework', async () => {
    const { doc, built } = await generateInto(draft);
    const gw = gateway(doc);
    await enterRatings(doc, draft, built, new Map(draft.criteria.map((c) => [c.id, 4])));
    await saveSnapshot(gw, draft, DAY_1);
    const outcome = await regenerateAssessment(gw, { frameworks: [draft], target: draft, today: UPGRADED });
    expect(outcome.status).toBe('regenerated');
    expect(historyRow(doc, 6).every((v) => v === '')).toBe(true);
  });
});
