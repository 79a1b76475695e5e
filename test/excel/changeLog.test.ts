/**
 * The change log on the fake: typed edits, a paste logged cell by cell, a co-author's edit, a fix
 * the add-in applies, a log edited or deleted (a new section, nothing overwritten), regeneration
 * keeping the log, the switch, and a host without change events.
 */
import { bundledFrameworks } from '../../src/domain/framework/bundled';
import { startChangeLog, type ChangeLogStatus } from '../../src/excel/changeLog';
import { applyFixes } from '../../src/excel/fixes';
import { bundledMappings } from '../../src/taskpane/bundledMappings';
import { checkWorkbook } from '../../src/excel/checkWorkbook';
import { regenerateAssessment } from '../../src/excel/regenerate';
import { cell, rect } from '../../src/workbook/address';
import { AREA_FIRST_DATA_ROW, META_SHEET } from '../../src/workbook/layout';
import { CHANGE_LOG_META_BLOCK, changeLogWasKept } from '../../src/workbook/metaBlock';
import { areaCriteria, areaLayoutOf } from '../../src/workbook/sheets/area';
import {
  CHANGE_LOG_COLUMNS,
  CHANGE_LOG_FIRST_ROW,
  CHANGE_LOG_SHEET,
  LOGGING_OFF,
} from '../../src/workbook/sheets/changeLog';
import { FakeOfficeError, gateway, type FakeWorkbook } from '../platform/fake-excel';
import type { XlCellValue } from '../../src/excel/api';
import { generateInto, SETTINGS } from './generateHelpers';
import { queueHeaderTexts } from '../../src/excel/printedHeaders';
import { headerIsStale, printedForHeader, printedForOf } from '../../src/workbook/print';

const draft = bundledFrameworks.draft2009;
const AREA = 1;
const SHEET = draft.areas[0]!.shortName;
const layout = areaLayoutOf(draft, AREA);
const criteria = areaCriteria(draft, AREA);
const NOW = new Date(2026, 11, 3, 10, 15);
const at = (key: Parameters<typeof layout.column>[0], i: number) =>
  cell(AREA_FIRST_DATA_ROW + i, layout.column(key));

/** The log's rows below its header, as values, blank rows left out. */
function logRows(doc: FakeWorkbook): XlCellValue[][] {
  const rows: XlCellValue[][] = [];
  for (let row = CHANGE_LOG_FIRST_ROW; row < CHANGE_LOG_FIRST_ROW + 120; row++) {
    const values = doc.values(CHANGE_LOG_SHEET, rect(row, 1, 1, CHANGE_LOG_COLUMNS.length))[0]!;
    if (values.some((v) => v !== '')) rows.push(values);
  }
  return rows;
}

/** An entry's row without its time: sheet, cell, area, id, what, before, after, made by. */
const withoutTime = (rows: XlCellValue[][]) => rows.map((r) => r.slice(1));

async function listening(options: { supportedVersion?: string } = {}) {
  const g = await generateInto(draft);
  const statuses: ChangeLogStatus[] = [];
  const errors: unknown[] = [];
  const logger = await startChangeLog(
    gateway(g.doc, { supportedVersion: options.supportedVersion ?? '1.9' }),
    draft,
    {
      now: () => NOW,
      onStatus: (s) => statuses.push(s),
      onError: (e) => errors.push(e),
    },
  );
  const settle = async () => {
    await g.doc.eventsSettled();
    await logger.settled();
    expect(errors).toEqual([]);
  };
  return { ...g, logger, statuses, errors, settle, latest: () => statuses[statuses.length - 1] };
}

describe('the change log on the fake', () => {
  it('logs a typed rating and review date, made here, with the criterion and the values as seen', async () => {
    const { doc, logger, settle, latest } = await listening();
    expect(latest()).toEqual({ status: 'on', logged: 0, damage: [] });
    await doc.simulateEdit(SHEET, at('rating', 0), [[3]]);
    await doc.simulateEdit(SHEET, at('reviewDate', 1), [[46477]]);
    await settle();
    const rows = logRows(doc);
    expect(withoutTime(rows)).toEqual([
      [SHEET, at('rating', 0), 1, criteria[0]!.id, 'Rating', '', '3', 'Here (this pane)'],
      [SHEET, at('reviewDate', 1), 1, criteria[1]!.id, 'Review date', '', '31/03/2027', 'Here (this pane)'],
    ]);
    expect(rows[0]![0]).toBeCloseTo(46359 + (10 * 60 + 15) / 1440, 6);
    expect(doc.sheet(CHANGE_LOG_SHEET).protection.protected).toBe(true);
    expect(changeLogWasKept(doc.values(META_SHEET, CHANGE_LOG_META_BLOCK))).toBe(true);
    expect(latest()).toEqual({ status: 'on', logged: 2, damage: [] });
    await logger.stop();
  });

  it('heads the new log’s printed pages with the Start sheet’s organisation and period, as every add-in sheet', async () => {
    const { doc, logger, settle } = await listening();
    await doc.simulateEdit(SHEET, at('rating', 0), [[3]]);
    await settle();
    const [texts] = await gateway(doc).run(async (ctx) => {
      const read = queueHeaderTexts(ctx, [CHANGE_LOG_SHEET]);
      await ctx.sync();
      return read();
    });
    expect(texts).toBeDefined();
    expect(headerIsStale(texts!, printedForOf(SETTINGS))).toBe(false);
    expect(printedForHeader(printedForOf(SETTINGS)).left).toBe(texts!.leftHeader);
    await logger.stop();
  });

  it('leaves the full Check with nothing to say about the log or the meta sheet’s marker', async () => {
    const { doc, logger, settle, built } = await listening();
    const before = await checkWorkbook(gateway(doc), draft, built, { today: NOW });
    await doc.simulateEdit(SHEET, at('owner', 0), [['Sam']]);
    await settle();
    await logger.stop();
    expect(doc.sheetNames()).toContain(CHANGE_LOG_SHEET);
    const after = await checkWorkbook(gateway(doc), draft, built, { today: NOW });
    if (before.status !== 'checked' || after.status !== 'checked') throw new Error('not checked');
    expect(after.problems.map((p) => p.message)).toEqual(before.problems.map((p) => p.message));
  });

  it('logs a multi-cell paste cell by cell, leaving out the cells that did not change', async () => {
    const { doc, logger, settle } = await listening();
    await doc.simulateEdit(SHEET, at('owner', 0), [['Sam']]);
    await settle();
    // Evidence to owner over two rows: row 0's owner pasted as it was.
    const evidence = layout.column('evidence');
    const owner = layout.column('owner');
    const width = owner - evidence + 1;
    const block = [0, 1].map((i) =>
      Array.from({ length: width }, (_, c) =>
        c === 0 ? `Evidence ${i}` : c === width - 1 ? (i === 0 ? 'Sam' : 'Ali') : '',
      ),
    );
    await doc.simulateEdit(SHEET, rect(AREA_FIRST_DATA_ROW, evidence, 2, width), block);
    await settle();
    expect(withoutTime(logRows(doc)).map((r) => [r[1], r[4], r[5], r[6]])).toEqual([
      [at('owner', 0), 'Owner', '', 'Sam'],
      [at('evidence', 0), 'Evidence', '', 'Evidence 0'],
      [at('evidence', 1), 'Evidence', '', 'Evidence 1'],
      [at('owner', 1), 'Owner', '', 'Ali'],
    ]);
    await logger.stop();
  });

  it('logs a 100-cell paste in three syncs once the log exists: read it back, glance at the log, write 100 rows', async () => {
    const { doc, logger, settle } = await listening();
    await doc.simulateEdit(SHEET, at('rating', 0), [[1]]);
    await settle();
    // Leadership has 29 criteria in the draft: 25 rows of evidence, difference, owner and date.
    const leadership = draft.areas[1]!.shortName;
    const rows = 25;
    expect(areaCriteria(draft, 2).length).toBeGreaterThanOrEqual(rows);
    const block = Array.from({ length: rows }, (_, i) => [
      `Evidence ${i}`,
      `Difference ${i}`,
      `Owner ${i}`,
      46477 + i,
    ]);
    const before = doc.syncCount;
    const evidence = areaLayoutOf(draft, 2).column('evidence');
    await doc.simulateEdit(leadership, rect(AREA_FIRST_DATA_ROW, evidence, rows, 4), block);
    await settle();
    expect(doc.syncCount - before).toBe(3);
    expect(logRows(doc)).toHaveLength(101);
    await logger.stop();
  });

  it("says a co-author's edit (source Remote) was made by a co-author, with the value it replaced", async () => {
    const { doc, logger, settle } = await listening();
    await doc.simulateEdit(SHEET, at('rating', 2), [[2]]);
    await doc.simulateEdit(SHEET, at('rating', 2), [[4]], { source: 'Remote' });
    await settle();
    expect(withoutTime(logRows(doc)).map((r) => [r[5], r[6], r[7]])).toEqual([
      ['', '2', 'Here (this pane)'],
      ['2', '4', 'A co-author'],
    ]);
    await logger.stop();
  });

  it('logs a fix the add-in applies as the add-in’s', async () => {
    const { doc, logger, settle } = await listening();
    await doc.simulateEdit(SHEET, at('rating', 0), [['three']]);
    await settle();
    const reference = `'${SHEET}'!${at('rating', 0)}`;
    const outcome = await applyFixes(gateway(doc), [{ cell: reference, found: 'three', value: 3 }], {
      beforeWrite: (writes) => logger.expectOwnWrites(writes),
    });
    expect(outcome.applied).toHaveLength(1);
    await settle();
    expect(withoutTime(logRows(doc)).map((r) => [r[5], r[6], r[7]])).toEqual([
      ['', 'three', 'Here (this pane)'],
      ['three', '3', 'The add-in (a fix from Check)'],
    ]);
    await logger.stop();
  });

  it('starts a new section below a log that was edited, leaving every row as it was', async () => {
    const { doc, logger, settle, latest } = await listening();
    await doc.simulateEdit(SHEET, at('rating', 0), [[1]]);
    await settle();
    doc.sheet(CHANGE_LOG_SHEET).protection.protected = false;
    await doc.simulateEdit(CHANGE_LOG_SHEET, cell(CHANGE_LOG_FIRST_ROW, 6), [['Colour']]);
    const edited = logRows(doc);
    await doc.simulateEdit(SHEET, at('rating', 1), [[2]]);
    await settle();
    const rows = logRows(doc);
    expect(rows.slice(0, 1)).toEqual(edited);
    expect(rows[1]![0]).toBe('New log section started on 03/12/2026: the earlier log was edited or deleted');
    expect(withoutTime(rows.slice(2)).map((r) => [r[1], r[6]])).toEqual([[at('rating', 1), '2']]);
    expect(latest()).toMatchObject({ status: 'on', logged: 2, damage: [] });
    await logger.stop();
    // Opened again: the edited row is above the section, so the log reads as intact.
    const again = await startChangeLog(gateway(doc), draft, {
      now: () => NOW,
      onStatus: (s) => expect(s).toEqual({ status: 'on', logged: 0, damage: [] }),
      onError: (e) => {
        throw e;
      },
    });
    await again.stop();
  });

  it('names an edited row when the pane opens, and the next change starts a section', async () => {
    const { doc, logger, settle } = await listening();
    await doc.simulateEdit(SHEET, at('rating', 0), [[1]]);
    await settle();
    await logger.stop();
    doc.sheet(CHANGE_LOG_SHEET).protection.protected = false;
    await doc.simulateEdit(CHANGE_LOG_SHEET, cell(CHANGE_LOG_FIRST_ROW, 1), [['yesterday']]);
    const statuses: ChangeLogStatus[] = [];
    const again = await startChangeLog(gateway(doc), draft, {
      now: () => NOW,
      onStatus: (s) => statuses.push(s),
      onError: (e) => {
        throw e;
      },
    });
    expect(statuses[0]).toEqual({
      status: 'on',
      logged: 0,
      damage: [
        `'Change log'!A${CHANGE_LOG_FIRST_ROW} should hold the date and time of the change; it holds "yesterday".`,
      ],
    });
    await doc.simulateEdit(SHEET, at('rating', 1), [[2]]);
    await doc.eventsSettled();
    await again.settled();
    const rows = logRows(doc);
    expect(rows[0]![0]).toBe('yesterday');
    expect(rows[1]![0]).toMatch(/^New log section started on/);
    expect(rows).toHaveLength(3);
    await again.stop();
  });

  it('starts a new log with a section when the sheet was deleted, while listening or before opening', async () => {
    const { doc, logger, settle } = await listening();
    await doc.simulateEdit(SHEET, at('rating', 0), [[1]]);
    await settle();
    await deleteLog(doc);
    await doc.simulateEdit(SHEET, at('rating', 1), [[2]]);
    await settle();
    expect(logRows(doc).map((r) => r[0])).toEqual([
      'New log section started on 03/12/2026: the earlier log was edited or deleted',
      expect.any(Number),
    ]);
    await logger.stop();
    await deleteLog(doc);
    const statuses: ChangeLogStatus[] = [];
    const again = await startChangeLog(gateway(doc), draft, {
      now: () => NOW,
      onStatus: (s) => statuses.push(s),
      onError: (e) => {
        throw e;
      },
    });
    expect(statuses[0]).toMatchObject({ status: 'on', damage: [expect.stringMatching(/sheet is gone/)] });
    await again.stop();
  });

  it('is kept by regeneration, and logs changes on the rebuilt sheets without logging the rebuild', async () => {
    const { doc, logger, settle } = await listening();
    await doc.simulateEdit(SHEET, at('rating', 0), [[3]]);
    await settle();
    const before = logRows(doc);
    const outcome = await regenerateAssessment(gateway(doc), { frameworks: [draft], target: draft });
    expect(outcome.status).toBe('regenerated');
    await settle();
    expect(logRows(doc)).toEqual(before);
    await doc.simulateEdit(SHEET, at('rating', 0), [[4]]);
    await settle();
    expect(withoutTime(logRows(doc)).map((r) => [r[1], r[5], r[6]])).toEqual([
      [at('rating', 0), '', '3'],
      [at('rating', 0), '3', '4'],
    ]);
    await logger.stop();
  });

  it('is kept by an upgrade, and a log started with the new framework goes on below it', async () => {
    const { doc, logger, settle } = await listening();
    await doc.simulateEdit(SHEET, at('rating', 0), [[3]]);
    await settle();
    await logger.stop();
    const before = logRows(doc);
    const combined = bundledFrameworks.draftWithRevisedLeadership;
    const outcome = await regenerateAssessment(gateway(doc), {
      frameworks: [draft, combined],
      target: combined,
      mappings: bundledMappings,
    });
    expect(outcome.status).toBe('regenerated');
    await doc.eventsSettled();
    expect(logRows(doc)).toEqual(before);
    const leadership = combined.areas.find((a) => a.number === 2)!;
    const again = await startChangeLog(gateway(doc), combined, {
      now: () => NOW,
      onStatus: () => undefined,
      onError: (e) => {
        throw e;
      },
    });
    const rating = cell(AREA_FIRST_DATA_ROW, areaLayoutOf(combined, 2).column('rating'));
    await doc.simulateEdit(leadership.shortName, rating, [[2]]);
    await again.settled();
    expect(withoutTime(logRows(doc)).map((r) => [r[0], r[1], r[2], r[3]])).toEqual([
      [SHEET, at('rating', 0), 1, criteria[0]!.id],
      [leadership.shortName, rating, 2, areaCriteria(combined, 2)[0]!.id],
    ]);
    await again.stop();
  });

  it('keeps nothing while switched off, and says so in the sheet', async () => {
    const { doc, logger, settle, latest } = await listening();
    await logger.setLogging(false);
    await doc.simulateEdit(SHEET, at('rating', 0), [[3]]);
    await settle();
    expect(doc.value(CHANGE_LOG_SHEET, 'A3')).toBe(LOGGING_OFF);
    expect(logRows(doc)).toEqual([]);
    expect(latest()).toEqual({ status: 'off', logged: 0, damage: [] });
    await logger.setLogging(true);
    await doc.simulateEdit(SHEET, at('rating', 0), [[4]]);
    await settle();
    expect(withoutTime(logRows(doc)).map((r) => [r[5], r[6]])).toEqual([['3', '4']]);
    await logger.stop();
  });

  it('reports a switch that could not be written, and goes on logging the changes after it', async () => {
    const { doc, logger, settle } = await listening();
    await doc.simulateEdit(SHEET, at('rating', 0), [[3]]);
    await settle();
    doc.failOnSync(doc.syncCount + 1, new FakeOfficeError('GeneralException', 'Excel is busy.', 'test'));
    await expect(logger.setLogging(false)).rejects.toThrow('Excel is busy.');
    await doc.simulateEdit(SHEET, at('rating', 0), [[4]]);
    await settle();
    expect(withoutTime(logRows(doc)).map((r) => [r[5], r[6]])).toEqual([
      ['', '3'],
      ['3', '4'],
    ]);
    await logger.stop();
  });

  it('says the log is not kept on a host without change events', async () => {
    const { doc, logger, latest } = await listening({ supportedVersion: '1.8' });
    expect(latest()).toEqual({
      status: 'unavailable',
      reason: expect.stringMatching(/no change log is kept here/),
    });
    await doc.simulateEdit(SHEET, at('rating', 0), [[3]]);
    expect(doc.sheetNames()).not.toContain(CHANGE_LOG_SHEET);
    await logger.stop();
  });
});

async function deleteLog(doc: FakeWorkbook): Promise<void> {
  await gateway(doc).run(async (ctx) => {
    ctx.workbook.worksheets.getItem(CHANGE_LOG_SHEET).delete();
    await ctx.sync();
  });
}
