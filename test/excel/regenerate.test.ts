/**
 * Regenerate and upgrade on the test platform: random filled workbooks rebuilt through the
 * Office.js adapter, with every response compared cell by cell (value, formula, number format).
 */
import fc from 'fast-check';
import mappingJson from '../../framework/mapping-draft-to-leadership-revision.json';
import { bundledFrameworks } from '../../src/domain/framework/bundled';
import { loadMapping, type Mapping } from '../../src/domain/framework/mapping';
import type { Framework } from '../../src/domain/framework/types';
import { BACKUP_SHEET, previewRegeneration, regenerateAssessment } from '../../src/excel/regenerate';
import { OLD_SHEET_PREFIX } from '../../src/excel/regenerateRead';
import { cell } from '../../src/workbook/address';
import { AREA_COLUMNS, AREA_FIRST_DATA_ROW, START_SHEET, areaColumn } from '../../src/workbook/layout';
import { areaCriteria, areaLayoutOf } from '../../src/workbook/sheets/area';
import { ARCHIVE_COLUMNS, ARCHIVE_SHEET, archiveColumn } from '../../src/workbook/sheets/archive';
import { buildFramework } from '../builders/framework';
import { FakeOfficeError, FakeWorkbook, gateway } from '../platform/fake-excel';
import { generateInto } from './generateHelpers';
import {
  addOwnSheet,
  answerArb,
  contentAt,
  dump,
  fill,
  typeInto,
  type Content,
  type Filled,
} from './regenerateHelpers';

const draft = bundledFrameworks.draft2009;
const revision = bundledFrameworks.leadershipRevision;
const mapping: Mapping = (() => {
  const loaded = loadMapping(mappingJson, 'mapping-draft-to-leadership-revision.json', {
    from: draft,
    to: revision,
  });
  if (!loaded.ok) throw new Error('the bundled mapping does not load');
  return loaded.mapping;
})();
const frameworks = [draft, revision];

async function regenerate(doc: FakeWorkbook, target: Framework = draft) {
  const before = doc.syncCount;
  const outcome = await regenerateAssessment(gateway(doc), { frameworks, target, mappings: [mapping] });
  return { outcome, syncs: doc.syncCount - before };
}

function answersArb(framework: Framework) {
  return fc.array(answerArb, { minLength: framework.criteria.length, maxLength: framework.criteria.length });
}

async function filledWorkbook(framework: Framework, answers: Parameters<typeof fill>[2]) {
  const { doc } = await generateInto(framework);
  addOwnSheet(doc);
  const filled = fill(doc, framework, answers);
  return { doc, filled, ownSheet: contentsOf(doc, 'Action plan') };
}

function contentsOf(doc: FakeWorkbook, sheet: string): unknown[][] {
  return doc.engine.getSheetSerialized(doc.sheet(sheet).engineId);
}

/** Every filled cell is where the same framework puts its criterion, exactly as it was. */
function expectKeptInPlace(doc: FakeWorkbook, framework: Framework, filled: Filled): void {
  for (const c of filled.cells) {
    const area = framework.areas.find((a) => a.number === c.criterion.area);
    const row =
      AREA_FIRST_DATA_ROW +
      areaCriteria(framework, c.criterion.area).findIndex((x) => x.id === c.criterion.id);
    expect({
      where: `${c.sheet}!${cell(row, c.column)}`,
      ...contentAt(doc, area?.shortName ?? '', row, c.column),
    }).toEqual({
      where: `${c.sheet}!${cell(c.row, c.column)}`,
      ...c.content,
    });
  }
  for (const l of filled.loose) {
    expect(contentAt(doc, l.sheet, l.row, l.column)).toEqual(l.content);
  }
}

describe('regenerating with the same framework', () => {
  it('keeps every response, own wording and own cell exactly, leaves the officer’s sheet alone, and a second regeneration changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(answersArb(draft), async (answers) => {
        const { doc, filled, ownSheet } = await filledWorkbook(draft, answers);
        const order = doc.sheetNames();
        const { outcome, syncs } = await regenerate(doc);
        expect(outcome.status).toBe('regenerated');
        expect(syncs).toBe(4);
        // The sheets stay in their order: the officer's own sheet is not moved in front of Start.
        expect(doc.sheetNames()).toEqual(order);
        expectKeptInPlace(doc, draft, filled);
        expect(contentsOf(doc, 'Action plan')).toEqual(ownSheet);
        expect(doc.sheetNames()).not.toContain(BACKUP_SHEET);
        expect(doc.sheetNames().filter((n) => n.startsWith(OLD_SHEET_PREFIX))).toEqual([]);

        const once = dump(doc);
        await regenerate(doc);
        expect(dump(doc)).toEqual(once);
      }),
      { numRuns: 4 },
    );
  });

  it('keeps every response on random framework shapes too', async () => {
    const shapeArb = fc
      .record({ areas: fc.integer({ min: 1, max: 3 }), criteria: fc.integer({ min: 1, max: 4 }) })
      .map((shape) => buildFramework(shape));
    await fc.assert(
      fc.asyncProperty(
        shapeArb.chain((f) => fc.tuple(fc.constant(f), answersArb(f))),
        async ([framework, answers]) => {
          const { doc } = await generateInto(framework);
          const filled = fill(doc, framework, answers);
          const outcome = await regenerateAssessment(gateway(doc), {
            frameworks: [framework],
            target: framework,
          });
          expect(outcome.status).toBe('regenerated');
          expectKeptInPlace(doc, framework, filled);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('carries the settings and organisation details, and changes only the settings asked for', async () => {
    const { doc } = await generateInto(draft);
    typeInto(doc, START_SHEET, 5, 2, 'Hillside Housing Trust');
    typeInto(doc, START_SHEET, 6, 2, 2027);
    typeInto(doc, START_SHEET, 12, 2, 4);
    await regenerateAssessment(gateway(doc), { frameworks, target: draft, settings: { requiredShare: 0.8 } });
    expect(doc.values(START_SHEET, 'B5:B6')).toEqual([['Hillside Housing Trust'], [2027]]);
    expect(doc.values(START_SHEET, 'B12:B13')).toEqual([[4], [0.8]]);
  });
});

/**
 * A draft sheet's column on the revision's Leadership sheet, which has the Guidance column beside
 * the criterion: the table's columns by heading, the officer's own columns one further right.
 */
function onRevisionSheet(column: number): number {
  const key = AREA_COLUMNS[column - 1]?.key;
  return key === undefined ? column + 1 : areaLayoutOf(revision, 2).column(key);
}

describe('upgrading the 2009 draft to the Leadership revision', () => {
  it('puts every response at its mapped criterion or in the archive, with its framework, version, id and values', async () => {
    await fc.assert(
      fc.asyncProperty(answersArb(draft), async (answers) => {
        const { doc, filled, ownSheet } = await filledWorkbook(draft, answers);
        const { outcome } = await regenerate(doc, revision);
        if (outcome.status !== 'regenerated') throw new Error(outcome.message);
        expect(outcome.preview.kind).toBe('upgrade');
        expect(contentsOf(doc, 'Action plan')).toEqual(ownSheet);

        const archiveRows = archiveIndex(doc);
        for (const c of filled.cells) {
          const pair =
            c.criterion.area === 2 ? mapping.pairs.find((p) => p.from === c.criterion.id) : undefined;
          if (pair && c.column !== areaColumn('text')) {
            const row = AREA_FIRST_DATA_ROW + areaCriteria(revision, 2).findIndex((x) => x.id === pair.to);
            expect(contentAt(doc, 'Leadership', row, onRevisionSheet(c.column))).toEqual(c.content);
            continue;
          }
          if (pair) continue; // own wording for a fragment that the revision gives in full: checked below
          const archived = archiveRows.get(`${draft.id}|${draft.version}|${c.criterion.id}`);
          expect(archived).toBeDefined();
          const expected = c.content.formula ?? c.content.value;
          expect(archivedValue(doc, archived ?? 0, c.column, c.row)).toEqual(expected);
        }
        // Archived and kept: a second regeneration adds nothing and drops nothing.
        const once = dump(doc);
        await regenerate(doc, revision);
        expect(dump(doc)).toEqual(once);
      }),
      { numRuns: 4 },
    );
  });

  it('shows before anything changes what carries over, what is new and what has no counterpart', async () => {
    const { doc } = await generateInto(draft);
    const row = (id: string) => AREA_FIRST_DATA_ROW + areaCriteria(draft, 2).findIndex((c) => c.id === id);
    typeInto(doc, 'Leadership', row('1.10'), areaColumn('rating'), 3);
    typeInto(doc, 'Leadership', row('1.12'), areaColumn('rating'), 2);
    const before = dump(doc);
    const preview = await previewRegeneration(gateway(doc), {
      frameworks,
      target: revision,
      mappings: [mapping],
    });
    expect(dump(doc)).toEqual(before);
    if (preview.status !== 'ready') throw new Error(preview.message);
    expect(preview.preview.carried).toEqual([
      expect.objectContaining({ fromId: '1.10', toId: '2.10', toSheet: 'Leadership' }),
    ]);
    expect(preview.preview.archived).toEqual([
      expect.objectContaining({
        kind: 'response',
        criterionId: '1.12',
        reason: expect.stringContaining('No counterpart'),
      }),
    ]);
    expect(preview.preview.unanswered).toHaveLength(revision.criteria.length - 1);
  });

  it('refuses without a mapping, changing nothing', async () => {
    const { doc } = await generateInto(draft);
    const before = dump(doc);
    const outcome = await regenerateAssessment(gateway(doc), { frameworks, target: revision });
    expect(outcome).toEqual(expect.objectContaining({ status: 'refused', reason: 'needs-mapping' }));
    expect(dump(doc)).toEqual(before);
  });
});

/** Archive rows by "framework|version|criterion id". */
function archiveIndex(doc: FakeWorkbook): Map<string, number> {
  const index = new Map<string, number>();
  if (!doc.sheetNames().includes(ARCHIVE_SHEET)) return index;
  const rows = contentsOf(doc, ARCHIVE_SHEET);
  rows.forEach((_, i) => {
    const at = (key: Parameters<typeof archiveColumn>[0]) =>
      doc.value(ARCHIVE_SHEET, cell(i + 1, archiveColumn(key)));
    if (i < 4) return;
    index.set(`${String(at('framework'))}|${String(at('version'))}|${String(at('criterionId'))}`, i + 1);
  });
  return index;
}

/** The archived value of what was in `column`, row `from`, of an area sheet. */
function archivedValue(doc: FakeWorkbook, row: number, column: number, from: number): unknown {
  const field = (['rating', 'evidence', 'difference', 'owner', 'reviewDate', 'notes'] as const).find(
    (f) => areaColumn(f) === column,
  );
  if (field) return doc.value(ARCHIVE_SHEET, cell(row, archiveColumn(field)));
  if (column === areaColumn('text')) return doc.value(ARCHIVE_SHEET, cell(row, archiveColumn('text')));
  // Own columns: their addresses are listed, then their values follow in that order.
  const listed = String(doc.value(ARCHIVE_SHEET, cell(row, archiveColumn('ownColumns')))).split(', ');
  const i = listed.indexOf(cell(from, column));
  return i < 0 ? undefined : doc.value(ARCHIVE_SHEET, cell(row, ARCHIVE_COLUMNS.length + 1 + i));
}

describe('stopping half-way', () => {
  /** Op counts of each sync of an undisturbed regeneration of the same workbook. */
  async function batchSizes(answers: Parameters<typeof fill>[2]): Promise<number[]> {
    const { doc } = await filledWorkbook(draft, answers);
    const from = doc.batches.length;
    await regenerate(doc);
    return doc.batches.slice(from).map((b) => b.ops);
  }

  it('loses nothing when any sync fails at any point, and the next regeneration finishes the job', async () => {
    const answers = fc.sample(answersArb(draft), { numRuns: 1, seed: 8 })[0] ?? [];
    const sizes = await batchSizes(answers);
    expect(sizes).toHaveLength(4);
    const cases = sizes.flatMap((ops, i) =>
      [...new Set([0, 1, Math.floor(ops / 2), ops - 1])]
        .filter((at) => at < ops)
        .map((atOp) => ({ sync: i + 1, atOp })),
    );
    for (const { sync, atOp } of cases) {
      const { doc, filled, ownSheet } = await filledWorkbook(draft, answers);
      const error = new FakeOfficeError('GeneralException', `failed at sync ${sync}, operation ${atOp}`);
      doc.failOnSync(doc.syncCount + sync, error, { atOp });
      await expect(regenerate(doc)).rejects.toBe(error);
      expectStillInWorkbook(doc, filled);

      const { outcome, syncs } = await regenerate(doc);
      expect({ sync, atOp, status: outcome.status }).toEqual({ sync, atOp, status: 'regenerated' });
      expect(syncs).toBeLessThanOrEqual(4);
      expectKeptInPlace(doc, draft, filled);
      expect(contentsOf(doc, 'Action plan')).toEqual(ownSheet);
      expect(doc.sheetNames().filter((n) => n === BACKUP_SHEET || n.startsWith(OLD_SHEET_PREFIX))).toEqual(
        [],
      );
    }
  });
});

/**
 * Right after a failure, every filled cell is still in the workbook: on its sheet, on that sheet
 * renamed out of the way, or in the backup.
 */
function expectStillInWorkbook(doc: FakeWorkbook, filled: Filled): void {
  const backup = doc.sheetNames().includes(BACKUP_SHEET) ? contentsOf(doc, BACKUP_SHEET) : [];
  const complete = backup.some((r) => r[0] === 'complete');
  const inBackup = (sheet: string, row: number, column: number, content: Content) =>
    complete &&
    backup.some(
      (r, i) =>
        r[0] === 'cell' &&
        r[1] === sheet &&
        r[2] === row &&
        r[3] === column &&
        doc.value(BACKUP_SHEET, cell(i + 1, 7)) === (content.formula ?? content.value),
    );
  const candidates = (sheet: string) => [
    sheet,
    ...doc.sheetNames().filter((n) => n.startsWith(OLD_SHEET_PREFIX)),
  ];
  for (const c of [...filled.cells, ...filled.loose]) {
    const found =
      inBackup(c.sheet, c.row, c.column, c.content) ||
      candidates(c.sheet).some(
        (s) => doc.sheetNames().includes(s) && isEqual(contentAt(doc, s, c.row, c.column), c.content),
      );
    expect({ cell: `${c.sheet}!${cell(c.row, c.column)}`, found }).toEqual({
      cell: `${c.sheet}!${cell(c.row, c.column)}`,
      found: true,
    });
  }
}

function isEqual(a: Content, b: Content): boolean {
  return a.value === b.value && a.formula === b.formula && a.numberFormat === b.numberFormat;
}

describe('the number of syncs', () => {
  it('is four, whatever the number of criteria, and three when finishing a stopped regeneration', async () => {
    const counts: number[] = [];
    for (const criteria of [1, 10]) {
      const framework = buildFramework({ areas: 3, criteria });
      const { doc } = await generateInto(framework);
      const answers = framework.criteria.map(() => ({ rating: 3, evidence: 'Board minutes' }));
      fill(doc, framework, answers);
      const before = doc.syncCount;
      await regenerateAssessment(gateway(doc), { frameworks: [framework], target: framework });
      counts.push(doc.syncCount - before);

      doc.failOnSync(doc.syncCount + 4, new FakeOfficeError('GeneralException', 'closed'), { atOp: 3 });
      await expect(
        regenerateAssessment(gateway(doc), { frameworks: [framework], target: framework }),
      ).rejects.toThrow();
      const resumed = doc.syncCount;
      const outcome = await regenerateAssessment(gateway(doc), {
        frameworks: [framework],
        target: framework,
      });
      expect(outcome).toEqual(expect.objectContaining({ status: 'regenerated', resumed: true }));
      counts.push(doc.syncCount - resumed);
    }
    expect(counts).toEqual([4, 3, 4, 3]);
  });
});

describe('refusing', () => {
  it('says so when the workbook holds no assessment', async () => {
    const doc = new FakeWorkbook();
    const outcome = await regenerateAssessment(gateway(doc), { frameworks, target: draft });
    expect(outcome).toEqual(expect.objectContaining({ status: 'refused', reason: 'no-assessment' }));
  });

  it('says which framework to load when the workbook’s own is unknown', async () => {
    const { doc } = await generateInto(draft);
    const outcome = await regenerateAssessment(gateway(doc), { frameworks: [revision], target: revision });
    expect(outcome).toEqual(
      expect.objectContaining({
        status: 'refused',
        reason: 'unknown-framework',
        message: expect.stringContaining('2009-draft'),
      }),
    );
  });

  it('leaves an officer’s sheet that has the archive’s name alone', async () => {
    const { doc } = await generateInto(draft);
    doc.addSheet(ARCHIVE_SHEET, 'test');
    typeInto(doc, ARCHIVE_SHEET, 1, 1, 'my own archive');
    const before = dump(doc);
    const outcome = await regenerateAssessment(gateway(doc), { frameworks, target: draft });
    expect(outcome).toEqual(expect.objectContaining({ status: 'refused', reason: 'sheet-names-taken' }));
    expect(dump(doc)).toEqual(before);
  });

  it('names a missing area sheet instead of losing its responses', async () => {
    const { doc } = await generateInto(draft);
    doc.renameSheet(doc.sheet('Workforce'), 'Staff', 'test');
    const outcome = await regenerateAssessment(gateway(doc), { frameworks, target: draft });
    expect(outcome).toEqual(
      expect.objectContaining({
        status: 'refused',
        reason: 'missing-sheets',
        message: expect.stringContaining('"Workforce"'),
      }),
    );
    expect(doc.sheetNames()).toContain('Staff');
  });
});
