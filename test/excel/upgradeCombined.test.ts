/**
 * Upgrading a filled 2009 draft assessment to the combined framework (the draft with the revised
 * Leadership area) through the Office.js adapter on the fake: only Leadership changes. Every
 * response is in place or in the archive, and the four other area sheets come out cell for cell
 * as they went in (value, formula and number format of every cell the engine holds).
 */
import fc from 'fast-check';
import { bundledFrameworks } from '../../src/domain/framework/bundled';
import { regenerateAssessment } from '../../src/excel/regenerate';
import { bundledMappings } from '../../src/taskpane/bundledMappings';
import { cell } from '../../src/workbook/address';
import { AREA_COLUMNS, AREA_FIRST_DATA_ROW, areaColumn } from '../../src/workbook/layout';
import { areaCriteria, areaLayoutOf } from '../../src/workbook/sheets/area';
import { ARCHIVE_FIRST_ROW, ARCHIVE_SHEET, archiveColumn } from '../../src/workbook/sheets/archive';
import { gateway, type FakeWorkbook } from '../platform/fake-excel';
import { generateInto } from './generateHelpers';
import { addOwnSheet, answerArb, contentAt, fill, type Content } from './regenerateHelpers';

const {
  draft2009: draft,
  leadershipRevision: revision,
  draftWithRevisedLeadership: combined,
} = bundledFrameworks;
const frameworks = [draft, revision, combined];
const toCombined = bundledMappings.find(
  (m) => m.from.version === draft.version && m.to.version === combined.version,
);
if (!toCombined) throw new Error('no bundled draft-to-combined mapping');
const mapping = toCombined;
const OTHER_AREAS = draft.areas.filter((a) => a.number !== 2).map((a) => a.shortName);

function contentsOf(doc: FakeWorkbook, sheet: string): unknown[][] {
  return doc.engine.getSheetSerialized(doc.sheet(sheet).engineId);
}

/**
 * Every cell of a sheet as the officer sees it: value, formula and number format. (The engine's
 * own serialisation would also tell text the add-in wrote as literal from text typed plainly,
 * which Excel shows alike.)
 */
function cellsOf(doc: FakeWorkbook, sheet: string): Content[][] {
  const { width, height } = doc.engine.getSheetDimensions(doc.sheet(sheet).engineId);
  return Array.from({ length: height }, (_, r) =>
    Array.from({ length: width }, (_, c) => contentAt(doc, sheet, r + 1, c + 1)),
  );
}

/** Archive rows by "framework|version|sheet|criterion id": the sheet names the area. */
function archiveRows(doc: FakeWorkbook): Map<string, number[]> {
  const index = new Map<string, number[]>();
  if (!doc.sheetNames().includes(ARCHIVE_SHEET)) return index;
  contentsOf(doc, ARCHIVE_SHEET).forEach((_, i) => {
    if (i + 1 < ARCHIVE_FIRST_ROW) return;
    const at = (key: Parameters<typeof archiveColumn>[0]) =>
      String(doc.value(ARCHIVE_SHEET, cell(i + 1, archiveColumn(key))));
    const key = `${at('framework')}|${at('version')}|${at('sheet')}|${at('criterionId')}`;
    index.set(key, [...(index.get(key) ?? []), i + 1]);
  });
  return index;
}

/** The archived values of what was in `column` of an area sheet; null for the officer's own columns. */
function archivedValues(doc: FakeWorkbook, rows: readonly number[], column: number): unknown[] | null {
  const field = (['rating', 'evidence', 'difference', 'owner', 'reviewDate', 'notes', 'text'] as const).find(
    (f) => areaColumn(f) === column,
  );
  return field ? rows.map((row) => doc.value(ARCHIVE_SHEET, cell(row, archiveColumn(field)))) : null;
}

/**
 * A draft Leadership column on the new Leadership sheet, which has the Guidance column beside the
 * criterion: the table's columns by heading, the officer's own columns one further right.
 */
function onNewLeadership(column: number): number {
  const key = AREA_COLUMNS[column - 1]?.key;
  return key === undefined ? column + 1 : areaLayoutOf(combined, 2).column(key);
}

describe('upgrading the 2009 draft to the draft with the revised Leadership area', () => {
  it('loses no response, and leaves the four other areas cell for cell as they were', async () => {
    const answers = fc.array(answerArb, {
      minLength: draft.criteria.length,
      maxLength: draft.criteria.length,
    });
    await fc.assert(
      fc.asyncProperty(answers, async (typed) => {
        const { doc } = await generateInto(draft);
        addOwnSheet(doc);
        const filled = fill(doc, draft, typed);
        const before = new Map(OTHER_AREAS.map((name) => [name, cellsOf(doc, name)]));

        const outcome = await regenerateAssessment(gateway(doc), {
          frameworks,
          target: combined,
          mappings: bundledMappings,
        });
        if (outcome.status !== 'regenerated') throw new Error(outcome.message);

        for (const name of OTHER_AREAS)
          expect({ name, cells: cellsOf(doc, name) }).toEqual({ name, cells: before.get(name) });
        const archive = archiveRows(doc);
        for (const c of filled.cells.filter((f) => f.criterion.area === 2)) {
          const pair = mapping.pairs.find((p) => p.from === c.criterion.id);
          const to = pair && areaCriteria(combined, 2).findIndex((x) => x.id === pair.to);
          const inPlace =
            to !== undefined && to >= 0 && c.column !== areaColumn('text')
              ? contentAt(doc, 'Leadership', AREA_FIRST_DATA_ROW + to, onNewLeadership(c.column))
              : undefined;
          if (inPlace) {
            expect({ id: c.criterion.id, ...inPlace }).toEqual({ id: c.criterion.id, ...c.content });
            continue;
          }
          // Not carried: archived under the draft's framework, version, sheet and id.
          const rows = archive.get(`eqfsh|2009-draft|Leadership|${c.criterion.id}`) ?? [];
          expect({ id: c.criterion.id, archived: rows.length > 0 }).toEqual({
            id: c.criterion.id,
            archived: true,
          });
          const values = archivedValues(doc, rows, c.column);
          if (values) expect(values).toContainEqual(c.content.formula ?? c.content.value);
        }
        // Only draft Leadership criteria are ever archived.
        for (const key of archive.keys()) expect(key).toMatch(/^eqfsh\|2009-draft\|Leadership\|/);
      }),
      { numRuns: 3 },
    );
  });
});
