/**
 * Adding another copy as a snapshot (issue 24: compare this workbook with a finalised copy): a
 * finalised copy's approved snapshot is added exactly as approved, as a plain Snapshot under a
 * label naming the file, and Compare periods then compares with it; a copy never finalised gives
 * its responses as they stand; adding the same copy twice is refused and changes nothing.
 */
import { bundledFrameworks, describeProblem, loadFramework, score, type ResponseRow } from '../../src/domain';
import { comparePeriodsInWorkbook } from '../../src/excel/comparePeriods';
import { generateAssessment } from '../../src/excel/generate';
import { addSnapshotFromCopy } from '../../src/excel/importSnapshot';
import { buildPlan } from '../../src/workbook/buildPlan';
import { withResponses } from '../../src/workbook/filledPlan';
import type { CopyRead } from '../../src/workbook/importedSnapshot';
import type { WorkbookPlan } from '../../src/workbook/plan';
import { NOW_LABEL } from '../../src/workbook/sheets/periodComparison';
import {
  buildSavedResponsesSheet,
  SAVED_FIRST_ROW,
  SAVED_RESPONSES_SHEET,
  savedColumn,
  savedSnapshotOf,
} from '../../src/workbook/sheets/savedResponses';
import { readAssessmentFile } from '../../src/xlsx/assessmentFile';
import { writeWorkbookFile } from '../../src/xlsx';
import { FakeWorkbook, gateway } from '../platform/fake-excel';
import { SETTINGS } from '../xlsx/planFile';
import { sampleResponses } from '../xlsx/sampleResponses';
import { cell } from '../../src/workbook/address';

const draft = bundledFrameworks.draft2009;
const TODAY = { year: 2026, month: 12, day: 3 };
const APPROVED_ON = { year: 2025, month: 11, day: 20 };
const settings = { metThreshold: SETTINGS.metThreshold, requiredShare: SETTINGS.requiredShare };

/** A copy as a file: its responses, and, when approved, its Saved responses with the approved snapshot. */
async function copyOf(
  responses: readonly ResponseRow[],
  approved: readonly ResponseRow[] | null,
  name: string,
) {
  let plan: WorkbookPlan = withResponses(buildPlan(draft, SETTINGS).plan, draft, responses);
  if (approved) {
    const snapshot = savedSnapshotOf(
      draft,
      approved,
      score(draft, approved, settings),
      'Approved',
      APPROVED_ON,
    );
    plan = { ...plan, sheets: [...plan.sheets, buildSavedResponsesSheet([snapshot])] };
  }
  const read = readAssessmentFile(await writeWorkbookFile(plan), name, [draft], {
    loadFramework,
    describeProblem,
  });
  if (read.status !== 'read') throw new Error(read.message);
  const copy: CopyRead = {
    fileName: name,
    framework: read.framework,
    responses: read.assessment.responses,
    settings: read.assessment.settings,
    saved: read.saved,
  };
  return copy;
}

async function workbook(responses: readonly ResponseRow[]) {
  const doc = new FakeWorkbook();
  await generateAssessment(gateway(doc), withResponses(buildPlan(draft, SETTINGS).plan, draft, responses));
  return doc;
}

const context = { framework: draft, frameworks: [draft], mappings: [], today: TODAY, spareRows: 5 };

describe('adding a copy as a snapshot', () => {
  it('adds a finalised copy’s approved snapshot as approved, and Compare periods compares with it', async () => {
    const approved = sampleResponses(draft, 21);
    // The copy was edited after approval: its approved snapshot, not its cells, is what counts.
    const copy = await copyOf(sampleResponses(draft, 22), approved, 'last-year.xlsx');
    const doc = await workbook(sampleResponses(draft, 23));
    const gw = gateway(doc);

    const outcome = await addSnapshotFromCopy(gw, draft, copy, TODAY);
    expect(outcome).toEqual({ status: 'added', label: 'last-year.xlsx: Approved 2025-11-20' });
    expect(doc.value(SAVED_RESPONSES_SHEET, cell(SAVED_FIRST_ROW, savedColumn('kind')))).toBe('Snapshot');

    const compared = await comparePeriodsInWorkbook(
      gw,
      { then: outcome.status === 'added' ? outcome.label : '', now: NOW_LABEL },
      context,
    );
    if (compared.status !== 'compared') throw new Error(compared.message);
    const engine = score(draft, approved, settings);
    expect(compared.comparison.areas.map((a) => a.then?.level)).toEqual(
      engine.areas.map((a) => a.levelReached),
    );

    const again = await addSnapshotFromCopy(gw, draft, copy, TODAY);
    expect(again).toMatchObject({ status: 'refused', reason: 'label-taken' });
  });

  it('adds a copy never finalised as its responses stand, judged with its own settings', async () => {
    const theirs = sampleResponses(draft, 31);
    const copy = await copyOf(theirs, null, 'hr.xlsx');
    const doc = await workbook([]);
    const outcome = await addSnapshotFromCopy(gateway(doc), draft, copy, TODAY);
    expect(outcome).toEqual({ status: 'added', label: 'hr.xlsx: as saved' });
    const compared = await comparePeriodsInWorkbook(
      gateway(doc),
      { then: 'hr.xlsx: as saved', now: NOW_LABEL },
      context,
    );
    if (compared.status !== 'compared') throw new Error(compared.message);
    expect(compared.comparison.areas.map((a) => a.then?.level)).toEqual(
      score(draft, theirs, settings).areas.map((a) => a.levelReached),
    );
  });
});
