/**
 * Snapshots note how many logged changes they cover (issue 22): on the fake, changes logged by
 * the change log, then snapshots saved; each History row says how many Change log entries it
 * covers since the snapshot before, counted by row (a section row is not a change), kept when a
 * later board refresh rewrites the sheet, and counted again whole when the same day is saved again.
 */
import fc from 'fast-check';
import { bundledFrameworks } from '../../src/domain/framework/bundled';
import { refreshBoard } from '../../src/excel/boardRefresh';
import { startChangeLog } from '../../src/excel/changeLog';
import { saveSnapshot } from '../../src/excel/historySnapshot';
import { cell } from '../../src/workbook/address';
import { AREA_FIRST_DATA_ROW } from '../../src/workbook/layout';
import { coverageFrom } from '../../src/workbook/snapshotCoverage';
import { areaLayoutOf } from '../../src/workbook/sheets/area';
import { FIELD_WORDS } from '../../src/workbook/changeLog';
import {
  coverageOf,
  coverageText,
  HISTORY_FIRST_ROW,
  HISTORY_SHEET,
  historyColumns,
} from '../../src/workbook/sheets/history';
import { gateway, type FakeWorkbook } from '../platform/fake-excel';
import { generateInto } from './generateHelpers';

const draft = bundledFrameworks.draft2009;
const SHEET = draft.areas[0]!.shortName;
const layout = areaLayoutOf(draft, 1);
const evidence = (i: number) => cell(AREA_FIRST_DATA_ROW + i, layout.column('evidence'));
const DAY1 = { year: 2026, month: 12, day: 3 };
const DAY2 = { year: 2026, month: 12, day: 4 };
const note = (doc: FakeWorkbook, row: number) =>
  doc.value(HISTORY_SHEET, cell(row, historyColumns(draft.areas.length).note));

async function withLog() {
  const { doc } = await generateInto(draft);
  const logger = await startChangeLog(gateway(doc), draft, {
    now: () => new Date(2026, 11, 3, 10, 0),
    onStatus: () => undefined,
    onError: (error) => {
      throw error;
    },
  });
  const edit = async (from: number, count: number, text: string) => {
    await doc.simulateEdit(
      SHEET,
      `${evidence(from)}:${evidence(from + count - 1)}`,
      Array.from({ length: count }, (_, i) => [`${text} ${i}`]),
    );
    await logger.settled();
  };
  return { doc, logger, edit };
}

describe('what a snapshot covers', () => {
  it('counts the changes logged since the snapshot before, and keeps each count through later refreshes', async () => {
    const { doc, logger, edit } = await withLog();
    await edit(0, 3, 'first');
    const one = await saveSnapshot(gateway(doc), draft, DAY1);
    expect(one.status === 'refreshed' && one.history.at(-1)?.coverage).toEqual({
      changes: 3,
      firstLogRow: 5,
      lastLogRow: 7,
    });
    expect(note(doc, HISTORY_FIRST_ROW)).toBe(
      'Covers 3 changes logged since the snapshot before (Change log rows 5 to 7).',
    );

    await edit(3, 2, 'second');
    await saveSnapshot(gateway(doc), draft, DAY2);
    expect(note(doc, HISTORY_FIRST_ROW + 1)).toBe(
      'Covers 2 changes logged since the snapshot before (Change log rows 8 to 9).',
    );
    // A second save on the same day replaces that day's row: it covers everything since day 1.
    await edit(5, 1, 'third');
    await saveSnapshot(gateway(doc), draft, DAY2);
    expect(note(doc, HISTORY_FIRST_ROW + 1)).toBe(
      'Covers 3 changes logged since the snapshot before (Change log rows 8 to 10).',
    );
    // A refresh rewrites the History sheet from what it read: the notes are kept.
    await refreshBoard(gateway(doc), draft, { today: DAY2 });
    expect(note(doc, HISTORY_FIRST_ROW)).toBe(
      'Covers 3 changes logged since the snapshot before (Change log rows 5 to 7).',
    );
    expect(note(doc, HISTORY_FIRST_ROW + 1)).toMatch(/^Covers 3 changes .* rows 8 to 10\)\.$/);
    await logger.stop();
  });

  it('notes nothing where no change log is kept', async () => {
    const { doc } = await generateInto(draft);
    const saved = await saveSnapshot(gateway(doc), draft, DAY1);
    expect(saved.status === 'refreshed' && saved.history.at(-1)?.coverage).toBeUndefined();
    expect(note(doc, HISTORY_FIRST_ROW)).toBe('');
  });

  it('reads back every note it writes, and counts changes, not section rows', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 5000 }),
        fc.nat({ max: 5000 }),
        fc.nat({ max: 300 }),
        (changes, first, span) => {
          const coverage = { changes, firstLogRow: first + 5, lastLogRow: first + 4 + span };
          expect(coverageOf(coverageText(coverage))).toEqual(coverage);
        },
      ),
    );
    const cells = [FIELD_WORDS.rating, '', FIELD_WORDS.evidence, 'Owner', FIELD_WORDS.reviewDate];
    expect(coverageFrom(20, 24, cells)).toEqual({ changes: 4, firstLogRow: 20, lastLogRow: 24 });
    expect(coverageOf('Covers some changes')).toBeUndefined();
  });
});
