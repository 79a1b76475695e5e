/**
 * The Guidance column on the fake: it moves the columns after it, and every reader follows the
 * sheet's own headings. A workbook made before the column existed (here: a revision workbook with
 * the column deleted, which leaves the earlier layout) is still read rating for rating, Check says
 * what is missing without calling anything an error, and regenerating puts the column back with
 * every response where it belongs.
 */
import { bundledFrameworks } from '../../src/domain/framework/bundled';
import { checkWorkbook } from '../../src/excel/checkWorkbook';
import { readAssessment } from '../../src/excel/readAssessment';
import { regenerateAssessment } from '../../src/excel/regenerate';
import { cell, columnLetter } from '../../src/workbook/address';
import { buildPlan } from '../../src/workbook/buildPlan';
import {
  AREA_FIRST_DATA_ROW,
  AREA_HEADER_ROW,
  areaColumn,
  areaColumnHeader,
} from '../../src/workbook/layout';
import { areaCriteria, areaLayoutOf } from '../../src/workbook/sheets/area';
import { gateway } from '../platform/fake-excel';
import { generateInto, SETTINGS } from './generateHelpers';
import { unprotect } from './regenerateHelpers';

jest.setTimeout(120_000);

const revision = bundledFrameworks.leadershipRevision;
const TODAY = { today: new Date(2026, 5, 1) };
const layout = areaLayoutOf(revision, 2);
const ids = areaCriteria(revision, 2).map((c) => c.id);

describe('the Guidance column', () => {
  it('is read around: ratings and evidence come from their headed columns', async () => {
    const { doc } = await generateInto(revision);
    expect(doc.value('Leadership', cell(AREA_HEADER_ROW, layout.column('guidance')))).toBe(
      areaColumnHeader('guidance'),
    );
    await doc.simulateEdit('Leadership', cell(AREA_FIRST_DATA_ROW, layout.column('rating')), [[4]]);
    await doc.simulateEdit('Leadership', cell(AREA_FIRST_DATA_ROW, layout.column('evidence')), [['Minutes']]);
    const read = await readAssessment(gateway(doc), revision);
    expect(read.responses[0]).toMatchObject({ criterionId: ids[0], rating: 4, evidence: 'Minutes' });
    const outcome = await checkWorkbook(gateway(doc), revision, buildPlan(revision, SETTINGS), TODAY);
    if (outcome.status !== 'checked') throw new Error(outcome.message);
    expect(outcome.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(outcome.result?.areas[0]?.levels[0]?.met).toBe(1);
  });

  it('missing from an older workbook: still read, named by Check as information, put back by regenerating', async () => {
    const { doc } = await generateInto(revision);
    unprotect(doc, 'Leadership');
    const guidance = columnLetter(layout.column('guidance'));
    await doc.simulateLineEdit('Leadership', `${guidance}:${guidance}`, 'delete');
    // The sheet now has the earlier layout: the rating is where it was before guidance.
    await doc.simulateEdit('Leadership', cell(AREA_FIRST_DATA_ROW + 1, areaColumn('rating')), [[3]]);
    const read = await readAssessment(gateway(doc), revision);
    expect(read.responses[1]).toMatchObject({ criterionId: ids[1], rating: 3 });

    const outcome = await checkWorkbook(gateway(doc), revision, buildPlan(revision, SETTINGS), TODAY);
    if (outcome.status !== 'checked') throw new Error(outcome.message);
    expect(outcome.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const info = outcome.problems.find((p) => p.ruleId === 'columns-moved');
    expect(info?.message).toMatch(/has no Guidance column.*regenerate the workbook to add the column/);

    const regenerated = await regenerateAssessment(gateway(doc), {
      frameworks: [revision],
      target: revision,
    });
    if (regenerated.status !== 'regenerated') throw new Error(regenerated.message);
    expect(doc.value('Leadership', cell(AREA_HEADER_ROW, layout.column('guidance')))).toBe(
      areaColumnHeader('guidance'),
    );
    expect(doc.value('Leadership', cell(AREA_FIRST_DATA_ROW + 1, layout.column('rating')))).toBe(3);
    const after = await checkWorkbook(gateway(doc), revision, buildPlan(revision, SETTINGS), TODAY);
    if (after.status !== 'checked') throw new Error(after.message);
    expect(after.problems.filter((p) => p.ruleId === 'columns-moved')).toEqual([]);
  });
});
