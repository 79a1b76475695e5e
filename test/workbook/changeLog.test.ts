/** The change log decided without Excel: entries from a reading and a changed range, the sheet and its reader. */
import { bundledFrameworks } from '../../src/domain/framework/bundled';
import { columnLetter } from '../../src/workbook/address';
import { buildPlan } from '../../src/workbook/buildPlan';
import {
  changedBlock,
  changesIn,
  followedPart,
  readingOf,
  type ChangeEntry,
} from '../../src/workbook/changeLog';
import { AREA_FIRST_DATA_ROW } from '../../src/workbook/layout';
import { areaCriteria, areaLayoutOf } from '../../src/workbook/sheets/area';
import {
  buildChangeLogSheet,
  changeLogRow,
  CHANGE_LOG_FIRST_ROW,
  readChangeLog,
  sectionRow,
  serialOfMoment,
} from '../../src/workbook/sheets/changeLog';
import type { RangeSnapshot } from '../../src/workbook/snapshot';
import { rangeOfPlan } from './planRange';

const SETTINGS = { organisation: 'Example Homes', period: '2026/27', metThreshold: 3, requiredShare: 1 };
const framework = bundledFrameworks.draftWithRevisedLeadership;
const WHEN = new Date(2026, 11, 3, 9, 30, 15);

/** The plan's sheet for an area that has guidance, so every followed column sits one to the right. */
function areaRange(area: number): RangeSnapshot {
  const sheet = buildPlan(framework, SETTINGS).plan.sheets.find((s) => s.role === 'area' && s.area === area);
  if (!sheet) throw new Error(`no sheet for area ${area}`);
  return rangeOfPlan(sheet);
}

const area = 2;
const layout = areaLayoutOf(framework, area);
const criteria = areaCriteria(framework, area);
const col = (key: Parameters<typeof layout.column>[0]) => layout.column(key);

describe('entries from a change', () => {
  const reading = readingOf(areaRange(area), area);

  it('logs a typed rating with its criterion, cell and source', () => {
    const { entries } = changesIn(
      reading,
      { row: AREA_FIRST_DATA_ROW, column: col('rating'), values: [[3]] },
      { when: WHEN, source: 'here' },
    );
    expect(entries).toEqual<ChangeEntry[]>([
      {
        when: WHEN,
        sheet: reading.sheet,
        cell: `${columnLetter(col('rating'))}${AREA_FIRST_DATA_ROW}`,
        area,
        criterionId: criteria[0]!.id,
        field: 'rating',
        before: '',
        after: '3',
        source: 'here',
      },
    ]);
  });

  it('logs a pasted block cell by cell, skipping cells that hold what they held, and remembers the new values', () => {
    const first = changesIn(
      reading,
      { row: AREA_FIRST_DATA_ROW + 1, column: col('owner'), values: [['Sam']] },
      { when: WHEN, source: 'here' },
    ).reading;
    // Owner to review date, two rows: one owner unchanged (Sam), one date, one blank date stays blank.
    const pasted = [
      ['Sam', 46477],
      ['Ali', ''],
    ];
    const { entries, reading: after } = changesIn(
      first,
      { row: AREA_FIRST_DATA_ROW + 1, column: col('owner'), values: pasted },
      { when: WHEN, source: 'co-author' },
    );
    expect(entries.map((e) => [e.cell, e.criterionId, e.field, e.before, e.after, e.source])).toEqual([
      [
        `${columnLetter(col('reviewDate'))}${AREA_FIRST_DATA_ROW + 1}`,
        criteria[1]!.id,
        'reviewDate',
        '',
        '31/03/2027',
        'co-author',
      ],
      [
        `${columnLetter(col('owner'))}${AREA_FIRST_DATA_ROW + 2}`,
        criteria[2]!.id,
        'owner',
        '',
        'Ali',
        'co-author',
      ],
    ]);
    const again = changesIn(
      after,
      { row: AREA_FIRST_DATA_ROW + 1, column: col('owner'), values: pasted },
      { when: WHEN, source: 'here' },
    );
    expect(again.entries).toEqual([]);
  });

  it('ignores cells outside the followed columns and above the data rows (notes, the criterion text, the title)', () => {
    const { entries } = changesIn(
      reading,
      { row: 1, column: 1, values: [['x', 'y']] },
      { when: WHEN, source: 'here' },
    );
    const notes = changesIn(
      reading,
      { row: AREA_FIRST_DATA_ROW, column: col('notes'), values: [['a note']] },
      { when: WHEN, source: 'here' },
    );
    expect([...entries, ...notes.entries]).toEqual([]);
  });

  it('reads a whole column pasted as the table’s part of it, and a whole row as its followed cells', () => {
    const owner = columnLetter(col('owner'));
    expect(changedBlock(`${owner}:${owner}`)).toEqual({
      row: 1,
      column: col('owner'),
      rows: 1_048_576,
      columns: 1,
    });
    expect(followedPart(reading, changedBlock(`${owner}:${owner}`)!)).toEqual({
      row: AREA_FIRST_DATA_ROW,
      column: col('owner'),
      address: `${owner}${AREA_FIRST_DATA_ROW}:${owner}${reading.lastRow}`,
    });
    const row = AREA_FIRST_DATA_ROW + 2;
    expect(followedPart(reading, changedBlock(`${row}:${row}`)!)).toEqual({
      row,
      column: col('rating'),
      address: `${columnLetter(col('rating'))}${row}:${columnLetter(col('reviewDate'))}${row}`,
    });
    expect(followedPart(reading, changedBlock('A1:C3')!)).toBeUndefined();
    expect(changedBlock('not an address')).toBeUndefined();
  });

  it('shows a rating word as written and text that is not a date as it is', () => {
    const { entries } = changesIn(
      reading,
      { row: AREA_FIRST_DATA_ROW, column: col('rating'), values: [['N/A']] },
      { when: WHEN, source: 'here' },
    );
    const date = changesIn(
      reading,
      { row: AREA_FIRST_DATA_ROW, column: col('reviewDate'), values: [['next spring']] },
      { when: WHEN, source: 'here' },
    );
    expect([...entries, ...date.entries].map((e) => e.after)).toEqual(['N/A', 'next spring']);
  });
});

describe('the Change log sheet', () => {
  const entry: ChangeEntry = {
    when: WHEN,
    sheet: 'Area 3',
    cell: 'H5',
    area: 3,
    criterionId: '1.13',
    field: 'evidence',
    before: '',
    after: '=SUM(A1)',
    source: 'co-author',
  };

  it('writes an entry the reader reads back, and a section row', () => {
    const plan = buildChangeLogSheet(true, [changeLogRow(entry), sectionRow(WHEN), changeLogRow(entry)]);
    const read = readChangeLog(rangeOfPlan(plan));
    expect(read).toEqual({ logging: true, entries: 2, nextRow: CHANGE_LOG_FIRST_ROW + 3, problems: [] });
    expect(plan.protect).toBe(true);
    expect(plan).toMatchObject({ landscape: true, printTitleRows: 4 });
  });

  it('keeps the moment to the second', () => {
    const serial = serialOfMoment(WHEN);
    expect(Math.round((serial % 1) * 86400)).toBe(9 * 3600 + 30 * 60 + 15);
  });

  it('reads the switch as off', () => {
    expect(readChangeLog(rangeOfPlan(buildChangeLogSheet(false))).logging).toBe(false);
  });

  it('names each cell of an edited row and still finds where the next row goes', () => {
    const range = rangeOfPlan(buildChangeLogSheet(true, [changeLogRow(entry), changeLogRow(entry)]));
    const values = range.values.map((r) => [...r]);
    values[CHANGE_LOG_FIRST_ROW]![0] = 'yesterday';
    values[CHANGE_LOG_FIRST_ROW]![5] = 'Colour';
    const read = readChangeLog({ ...range, values });
    expect(read.entries).toBe(1);
    expect(read.nextRow).toBe(CHANGE_LOG_FIRST_ROW + 2);
    expect(read.problems).toEqual([
      `'Change log'!A${CHANGE_LOG_FIRST_ROW + 1} should hold the date and time of the change; it holds "yesterday".`,
      expect.stringMatching(
        new RegExp(`^'Change log'!F${CHANGE_LOG_FIRST_ROW + 1} should hold one of Rating, Evidence`),
      ),
    ]);
  });

  it('names a title that is not its own', () => {
    const range = rangeOfPlan(buildChangeLogSheet(true));
    const values = range.values.map((r) => [...r]);
    values[0]![0] = 'My notes';
    expect(readChangeLog({ ...range, values }).problems).toEqual([
      `'Change log'!A1 should say "Change log (kept by the add-in)"; it says "My notes".`,
    ]);
  });
});
