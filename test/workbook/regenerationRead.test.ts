/**
 * Regeneration's reading, decided from loaded values without Excel (src/workbook/regenerationRead.ts):
 * each refusal, a backup to finish, and the kept sheets of an ordinary read. The Excel side (two
 * syncs) is exercised in test/excel/regenerate.test.ts on the fake.
 */
import type { Framework } from '../../src/domain';
import { backupRows, type KeptAssessment } from '../../src/workbook/carryOverBackup';
import { ADDIN_MARKER, AREA_FIRST_DATA_ROW, LAYOUT_VERSION, areaColumn } from '../../src/workbook/layout';
import { isFormula, type PlanCell } from '../../src/workbook/plan';
import {
  interpretForRegeneration,
  type CellGrid,
  type LoadedForRegeneration,
} from '../../src/workbook/regenerationRead';
import { sheetKey } from '../../src/workbook/sheetNames';
import { ARCHIVE_TITLE } from '../../src/workbook/sheets/archive';
import type { SheetValue } from '../../src/workbook/snapshot';
import { buildFramework } from '../builders/framework';

const framework: Framework = buildFramework({ id: 'fw', version: '1', areas: 2 });
const [area1, area2] = framework.areas;

const metaOf = (f: { id: string; version: string; title: string }, layout: SheetValue = LAYOUT_VERSION) => [
  ['addin', ADDIN_MARKER],
  ['layoutVersion', layout],
  ['frameworkId', f.id],
  ['frameworkVersion', f.version],
  ['frameworkTitle', f.title],
];

/** A grid of values starting at A1 (no formulas, General format). */
function grid(values: SheetValue[][], at: { row: number; column: number } = { row: 0, column: 0 }): CellGrid {
  return {
    values,
    formulas: values,
    numberFormat: values.map((line) => line.map(() => 'General')),
    rowIndex: at.row,
    columnIndex: at.column,
  };
}

/** An area sheet's used range with criterion ids in the id column and one rating. */
function areaGrid(ids: string[], rating?: { row: number; value: SheetValue }): CellGrid {
  const width = areaColumn('rating');
  const rows: SheetValue[][] = Array.from({ length: AREA_FIRST_DATA_ROW - 1 + ids.length }, () =>
    Array.from({ length: width }, () => ''),
  );
  ids.forEach((id, i) => (rows[AREA_FIRST_DATA_ROW - 1 + i]![areaColumn('id') - 1] = id));
  if (rating) rows[rating.row - 1]![areaColumn('rating') - 1] = rating.value;
  return grid(rows);
}

const idsOf = (area: number) => framework.criteria.filter((c) => c.area === area).map((c) => c.id);

function loaded(overrides: Partial<LoadedForRegeneration> = {}): LoadedForRegeneration {
  return {
    sheetNames: ['Start', area1!.shortName, area2!.shortName, 'Summary', 'EqMeta'],
    definedNames: [],
    nameFormulas: new Map(),
    meta: metaOf(framework),
    areas: new Map([
      [sheetKey(area1!.shortName), areaGrid(idsOf(1))],
      [sheetKey(area2!.shortName), areaGrid(idsOf(2))],
    ]),
    ...overrides,
  };
}

/** A backup's values as Excel hands them back. */
function backupValues(kept: KeptAssessment, writes: string[]): SheetValue[][] {
  return backupRows(kept, writes).map((r: readonly PlanCell[]) =>
    r.map((c) => (c === null ? '' : isFormula(c) ? c.formula : c)),
  );
}

const keptArea1: KeptAssessment = {
  framework: { id: framework.id, version: framework.version, title: framework.title },
  layoutVersion: LAYOUT_VERSION,
  sheets: [{ name: area1!.shortName, role: 'area', area: 1, lastTableRow: 9, cells: [] }],
};

/** A complete backup whose header names another format (written by another version, or edited). */
function otherFormatBackup(): SheetValue[][] {
  const values = backupValues(keptArea1, []);
  values[0]![1] = 999;
  return values;
}

describe('regeneration refuses, saying why', () => {
  it.each<[string, Partial<LoadedForRegeneration>, string, RegExp]>([
    ['no meta sheet', { meta: undefined }, 'no-assessment', /holds no assessment written by the add-in/],
    [
      'meta written by something else',
      { meta: [['addin', 'someone']] },
      'damaged',
      /cannot tell how this workbook was written/,
    ],
    [
      'a newer layout',
      { meta: metaOf(framework, LAYOUT_VERSION + 1) },
      'newer',
      /written by a newer version/,
    ],
    [
      'a framework the add-in does not have',
      { meta: metaOf({ id: 'other', version: '9', title: 'Other' }) },
      'unknown-framework',
      /"Other" \(other version 9\), which the add-in does not have loaded/,
    ],
    [
      'an area sheet missing',
      { areas: new Map([[sheetKey(area1!.shortName), areaGrid(idsOf(1))]]) },
      'missing-sheets',
      new RegExp(`no sheet named "${area2!.shortName}"`),
    ],
    [
      "the officer's own sheet with the archive's name",
      { archive: { name: 'Archived responses', grid: grid([['My list']]) } },
      'sheet-names-taken',
      /"Archived responses" that the add-in did not write/,
    ],
    [
      'a backup that cannot be read',
      { backup: { name: 'EqRegenerating', values: otherFormatBackup() } },
      'backup-unreadable',
      /left its backup in the hidden sheet "EqRegenerating", but the backup cannot be read/,
    ],
  ])('%s', (_name, overrides, reason, message) => {
    const outcome = interpretForRegeneration(loaded(overrides), [framework]);
    expect(outcome).toMatchObject({ status: 'refused', reason });
    expect(outcome.status === 'refused' && outcome.message).toMatch(message);
  });

  it('a missing area sheet is rebuilt empty when asked', () => {
    const outcome = interpretForRegeneration(
      loaded({ areas: new Map([[sheetKey(area1!.shortName), areaGrid(idsOf(1))]]) }),
      [framework],
      { rebuildMissingSheets: true },
    );
    expect(outcome.status).toBe('read');
  });
});

describe('what regeneration keeps', () => {
  it('the ratings of each area sheet, with the table extended over rows the officer inserted', () => {
    const ids = idsOf(1);
    // A row inserted inside the table pushes the last criterion one row down.
    const withInserted = [...ids.slice(0, -1), '', ids[ids.length - 1]!];
    const outcome = interpretForRegeneration(
      loaded({
        areas: new Map([
          [sheetKey(area1!.shortName), areaGrid(withInserted, { row: AREA_FIRST_DATA_ROW, value: 3 })],
          [sheetKey(area2!.shortName), areaGrid(idsOf(2))],
        ]),
      }),
      [framework],
    );
    if (outcome.status !== 'read') throw new Error(outcome.message);
    const sheet = outcome.kept.sheets.find((s) => s.name === area1!.shortName)!;
    expect(sheet.lastTableRow).toBe(AREA_FIRST_DATA_ROW + ids.length);
    expect(sheet.cells).toContainEqual({
      row: AREA_FIRST_DATA_ROW,
      column: areaColumn('rating'),
      value: 3,
      isFormula: false,
      numberFormat: 'General',
    });
    expect(outcome).toMatchObject({ resuming: false, partialBackup: false, source: framework });
    expect(outcome.replaced).toEqual(
      expect.arrayContaining(['Start', 'Summary', 'EqMeta', area1!.shortName]),
    );
  });

  it('an archive the add-in wrote is kept and replaced', () => {
    const archive = { name: 'Archived responses', grid: grid([[ARCHIVE_TITLE], ['x']]) };
    const outcome = interpretForRegeneration(loaded({ archive }), [framework]);
    if (outcome.status !== 'read') throw new Error(outcome.message);
    expect(outcome.kept.sheets.find((s) => s.role === 'archive')?.cells).toHaveLength(2);
    expect(outcome.replaced).toContain('Archived responses');
  });

  it('a complete backup is finished rather than the sheets read again', () => {
    const kept = keptArea1;
    const values = backupValues(kept, ['Board summary']);
    const outcome = interpretForRegeneration(
      loaded({
        meta: undefined, // the meta sheet may already be gone: the backup is what counts
        backup: { name: 'EqRegenerating', values },
        sheetNames: ['EqOld 1', 'Board summary', area1!.shortName, 'Mine'],
      }),
      [framework],
    );
    expect(outcome).toMatchObject({ status: 'read', resuming: true, kept });
    // The add-in's sheets in the workbook's order, then the old sheets renamed aside.
    expect(outcome.status === 'read' && outcome.replaced).toEqual([
      'Board summary',
      area1!.shortName,
      'EqOld 1',
    ]);
  });

  it('a backup cut short is ignored (and marked to delete); the sheets are read', () => {
    const outcome = interpretForRegeneration(loaded({ backup: { name: 'EqRegenerating', values: [] } }), [
      framework,
    ]);
    expect(outcome).toMatchObject({ status: 'read', resuming: false, partialBackup: true });
  });
});
