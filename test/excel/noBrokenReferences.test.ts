/**
 * Refreshing the board and regenerating delete sheets and add them again under the same names.
 * In Excel every reference to a deleted sheet becomes #REF! for good: a new sheet of the same name
 * is not linked again (the fake does the same, see test/platform/excel-behaviours.test.ts). So
 * nothing anywhere in the workbook may refer to a sheet these operations delete.
 */
import mappingJson from '../../framework/mapping-draft-to-leadership-revision.json';
import { bundledFrameworks } from '../../src/domain/framework/bundled';
import { loadMapping } from '../../src/domain/framework/mapping';
import type { CellValue } from '../../src/domain/responses';
import { refreshBoard } from '../../src/excel/boardRefresh';
import { saveSnapshot } from '../../src/excel/historySnapshot';
import { regenerateAssessment } from '../../src/excel/regenerate';
import { BOARD_SHEET } from '../../src/workbook/sheets/board';
import { gateway } from '../platform/fake-excel';
import { DAY_1, DAY_2, enterRatings } from './boardHelpers';
import { generateInto } from './generateHelpers';

const draft = bundledFrameworks.draft2009;
const revision = bundledFrameworks.leadershipRevision;
const mapping = (() => {
  const loaded = loadMapping(mappingJson, 'mapping-draft-to-leadership-revision.json', {
    from: draft,
    to: revision,
  });
  if (!loaded.ok) throw new Error('the bundled mapping does not load');
  return loaded.mapping;
})();

/** Every criterion rated, some below the threshold, one not applicable. */
const ratings = new Map<string, CellValue>(
  draft.criteria.map((c, i) => [c.id, i === 2 ? 'N/A' : (((i % 4) + 1) as CellValue)]),
);

describe('no #REF! after sheets are deleted and added again', () => {
  it('refreshing the board twice and saving snapshots leaves nothing broken', async () => {
    const { doc, built } = await generateInto(draft);
    const gw = gateway(doc);
    await enterRatings(doc, draft, built, ratings);
    await refreshBoard(gw, draft, { today: DAY_1 });
    expect(doc.brokenReferences()).toEqual([]);
    await saveSnapshot(gw, draft, DAY_1);
    await refreshBoard(gw, draft, { today: DAY_2 });
    await saveSnapshot(gw, draft, DAY_2);
    expect(doc.sheetNames()).toContain(BOARD_SHEET);
    expect(doc.brokenReferences()).toEqual([]);
  });

  it('regenerating with the same framework, then upgrading, leaves nothing broken', async () => {
    const { doc, built } = await generateInto(draft);
    const gw = gateway(doc);
    await enterRatings(doc, draft, built, ratings);
    await refreshBoard(gw, draft, { today: DAY_1 });
    const same = await regenerateAssessment(gw, {
      frameworks: [draft, revision],
      target: draft,
      mappings: [mapping],
    });
    expect(same.status).toBe('regenerated');
    expect(doc.brokenReferences()).toEqual([]);
    const upgraded = await regenerateAssessment(gw, {
      frameworks: [draft, revision],
      target: revision,
      mappings: [mapping],
    });
    expect(upgraded.status).toBe('regenerated');
    expect(doc.brokenReferences()).toEqual([]);
    await refreshBoard(gw, revision, { today: DAY_2 });
    expect(doc.brokenReferences()).toEqual([]);
  });
});
