/**
 * The carry-over plan and its backup format, without Excel: the backup reads back exactly what
 * was written, a cut-short backup is recognised, and responses with no place go to the archive.
 */
import fc from 'fast-check';
import { bundledFrameworks } from '../../src/domain/framework/bundled';
import {
  backupRows,
  parseBackup,
  type KeptAssessment,
  type KeptCell,
} from '../../src/workbook/carryOverBackup';
import { planCarryOver } from '../../src/workbook/carryOver';
import { AREA_FIRST_DATA_ROW, areaColumn } from '../../src/workbook/layout';
import { isFormula, type PlanCell } from '../../src/workbook/plan';
import { areaCriteria } from '../../src/workbook/sheets/area';
import { ARCHIVE_FIRST_ROW, ARCHIVE_SHEET, archiveColumn } from '../../src/workbook/sheets/archive';

const draft = bundledFrameworks.draft2009;
const where = (row: number, column: number) => `R${row}C${column}`;

/** What Excel hands back through `values` for cells the plan wrote (text stays text). */
function asRead(rows: readonly (readonly PlanCell[])[]): (string | number | boolean)[][] {
  return rows.map((r) => r.map((c) => (c === null ? '' : isFormula(c) ? c.formula : c)));
}

const keptCellArb: fc.Arbitrary<KeptCell> = fc.record({
  row: fc.integer({ min: 1, max: 2000 }),
  column: fc.integer({ min: 1, max: 40 }),
  value: fc.oneof(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 50 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constantFrom('=SUM(A1)', "'quoted", 'line\nbreak', '0123'),
  ),
  isFormula: fc.boolean(),
  numberFormat: fc.constantFrom('General', 'dd/mm/yyyy', '0%', '@'),
});

const keptArb: fc.Arbitrary<KeptAssessment> = fc.record({
  framework: fc.record({
    id: fc.string({ minLength: 1 }),
    version: fc.string({ minLength: 1 }),
    title: fc.string({ minLength: 1 }),
  }),
  layoutVersion: fc.integer({ min: 1, max: 9 }),
  sheets: fc
    .array(
      fc.record({
        name: fc.string({ minLength: 1, maxLength: 31 }),
        role: fc.constantFrom('start' as const, 'area' as const, 'archive' as const),
        area: fc.integer({ min: 0, max: 9 }),
        lastTableRow: fc.integer({ min: 0, max: 500 }),
        cells: fc.array(keptCellArb, { maxLength: 8 }),
      }),
      { maxLength: 5 },
    )
    .filter((sheets) => new Set(sheets.map((s) => s.name)).size === sheets.length),
});

describe('the backup sheet format', () => {
  it('reads back exactly what was written', () => {
    fc.assert(
      fc.property(
        keptArb,
        fc.array(fc.string({ minLength: 1, maxLength: 31 }), { maxLength: 4 }),
        (kept, writes) => {
          const parsed = parseBackup(asRead(backupRows(kept, writes)), where);
          expect(parsed).toEqual({ status: 'complete', kept, writes });
        },
      ),
    );
  });

  it('recognises a backup cut short, and names the cell of one that was edited', () => {
    fc.assert(
      fc.property(keptArb, fc.nat(), (kept, cut) => {
        const rows = asRead(backupRows(kept, []));
        const shorter = rows.slice(0, cut % rows.length);
        expect(parseBackup(shorter, where)).toEqual({ status: 'incomplete' });
      }),
    );
    const kept: KeptAssessment = {
      framework: { id: 'f', version: '1', title: 'F' },
      layoutVersion: 1,
      sheets: [
        {
          name: 'A',
          role: 'area',
          area: 1,
          lastTableRow: 5,
          cells: [{ row: 5, column: 6, value: 3, isFormula: false, numberFormat: 'General' }],
        },
      ],
    };
    const rows = asRead(backupRows(kept, []));
    const edited = rows.map((r) => [...r]);
    const cellRow = edited.findIndex((r) => r[0] === 'cell');
    (edited[cellRow] as unknown[])[2] = 'five';
    const parsed = parseBackup(edited, where);
    expect(parsed.status).toBe('unreadable');
    expect(parsed.status === 'unreadable' && parsed.problems.join(' ')).toContain(`R${cellRow + 1}C3`);
  });
});

function value(v: string | number, row: number, column: number): KeptCell {
  return { row, column, value: v, isFormula: false, numberFormat: 'General' };
}

describe('the carry-over plan', () => {
  const leadership = areaCriteria(draft, 2);
  const rowOf = (id: string) => AREA_FIRST_DATA_ROW + leadership.findIndex((c) => c.id === id);
  const last = AREA_FIRST_DATA_ROW + leadership.length - 1;
  const kept = (cells: KeptCell[], archive: KeptCell[] = []): KeptAssessment => ({
    framework: { id: draft.id, version: draft.version, title: draft.title },
    layoutVersion: 1,
    sheets: [
      { name: 'Leadership', role: 'area', area: 2, lastTableRow: last, cells },
      ...(archive.length > 0
        ? [{ name: ARCHIVE_SHEET, role: 'archive' as const, area: 0, lastTableRow: 0, cells: archive }]
        : []),
    ],
  });

  it('archives a row whose id is not a criterion, and a second row for the same criterion', () => {
    const r = rowOf('1.10');
    const result = planCarryOver({
      kept: kept([
        value('1.10', r, 1),
        value(3, r, areaColumn('rating')),
        value('9.99', r + 1, 1),
        value('kept anyway', r + 1, areaColumn('notes')),
        value('1.10', r + 2, 1),
        value(4, r + 2, areaColumn('rating')),
      ]),
      source: draft,
      target: draft,
    });
    if (result.status === 'refused') throw new Error(result.message);
    expect(result.preview.carried.map((c) => c.toId)).toEqual(['1.10']);
    // The preview says, before anything changes, what a rebuild cannot keep.
    expect(result.preview.notCarried.join(' ')).toMatch(/Comments and notes attached to cells/);
    expect(result.preview.archived.map((a) => [a.criterionId, a.reason])).toEqual([
      ['9.99', expect.stringContaining('not a criterion of this area')],
      ['1.10', expect.stringContaining('repeats criterion 1.10')],
    ]);
  });

  it('keeps archived rows where they are and appends after them', () => {
    const archived = [
      value('eqfsh', ARCHIVE_FIRST_ROW, 1),
      value('an older answer', ARCHIVE_FIRST_ROW + 3, archiveColumn('notes')),
    ];
    const r = rowOf('1.12');
    const result = planCarryOver({
      kept: kept([value('1.12', r, 1), value(2, r, areaColumn('rating'))], archived),
      source: draft,
      target: bundledFrameworks.leadershipRevision,
      mapping: {
        formatVersion: 1,
        from: { id: draft.id, version: draft.version },
        to: { id: 'eqfsh', version: 'leadership-revision' },
        areas: [2],
        pairs: [],
        unmapped: [{ from: '1.12', reason: 'no-counterpart', explanation: 'Not covered by the revision.' }],
      },
    });
    if (result.status === 'refused') throw new Error(result.message);
    expect(result.preview.keptArchiveRows).toBe(2);
    expect(result.preview.archived).toEqual([
      expect.objectContaining({
        criterionId: '1.12',
        archiveRow: ARCHIVE_FIRST_ROW + 4,
        reason: expect.stringContaining('Not covered by the revision.'),
      }),
    ]);
    const sheet = result.plan.sheets.find((s) => s.name === ARCHIVE_SHEET);
    const written = sheet?.blocks.flatMap((b) => b.cells.flat()) ?? [];
    expect(written).toEqual(expect.arrayContaining(['eqfsh', 'an older answer', '1.12', 2]));
  });

  it('refuses another version without a mapping', () => {
    const result = planCarryOver({
      kept: kept([]),
      source: draft,
      target: bundledFrameworks.leadershipRevision,
    });
    expect(result).toEqual(expect.objectContaining({ status: 'refused', reason: 'needs-mapping' }));
  });
});
