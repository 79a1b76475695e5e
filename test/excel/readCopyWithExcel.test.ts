/**
 * Reading a colleague's copy with Excel's own parser (issue 23: `insertWorksheetsFromBase64`,
 * ExcelApi 1.13, where the host has it and it works): the copy's cells come back as the file
 * reader reads them, the officer's workbook is left exactly as it was (sheets, cells, names),
 * and where Excel cannot do it (Excel on the web, an older Excel, a failure on the way) nothing
 * is left behind and the pane falls back to the file reader.
 *
 * Excel's side is the fake's model of the API (test/platform/fake-excel/insertFromFile.ts, with
 * its sources): ids in the source's order, clashing names suffixed " (2)", very hidden sheets
 * that cannot be deleted until unhidden, names that outlive the sheets, and GeneralException on
 * the web for a source with charts.
 */
import { bundledFrameworks, describeProblem, loadFramework, type ResponseRow } from '../../src/domain';
import { generateAssessment } from '../../src/excel/generate';
import { readCellsWithExcel } from '../../src/excel/readCopyWithExcel';
import { buildPlan } from '../../src/workbook/buildPlan';
import { withResponses } from '../../src/workbook/filledPlan';
import { writeWorkbookFile } from '../../src/xlsx';
import { fileSheetNames, readAssessmentCells, readAssessmentFile } from '../../src/xlsx/assessmentFile';
import { FakeOfficeError, FakeWorkbook, gateway } from '../platform/fake-excel';
import { sampleResponses } from '../xlsx/sampleResponses';
import { SETTINGS } from './generateHelpers';

jest.setTimeout(60_000);

const framework = bundledFrameworks.draft2009;
const reading = { loadFramework, describeProblem };

async function officerWorkbook(): Promise<FakeWorkbook> {
  const doc = new FakeWorkbook();
  await generateAssessment(
    gateway(doc),
    withResponses(buildPlan(framework, SETTINGS).plan, framework, sampleResponses(framework, 1)),
  );
  return doc;
}

async function colleagueCopy(responses: readonly ResponseRow[]) {
  const settings = { ...SETTINGS, organisation: 'Housing services', period: '2027/28' };
  const bytes = await writeWorkbookFile(
    withResponses(buildPlan(framework, settings).plan, framework, responses),
  );
  const listed = fileSheetNames(bytes, 'hr.xlsx');
  if (listed.status !== 'listed') throw new Error('the copy could not be listed');
  return { bytes, base64: Buffer.from(bytes).toString('base64'), names: listed.names };
}

/** Everything of the officer's the reading could touch: sheets, their cells and state, and names. */
function stateOf(doc: FakeWorkbook) {
  return {
    sheets: doc.sheets.map((s) => ({
      id: s.id,
      name: s.name,
      visibility: s.visibility,
      protectedNow: s.protection.protected,
      cells: doc.engine.getSheetSerialized(s.engineId),
    })),
    names: doc.nameList(),
  };
}

const host13 = (doc: FakeWorkbook, platform: 'PC' | 'Mac' | 'OfficeOnline' = 'PC') =>
  gateway(doc, { supportedVersion: '1.13', platform });

describe('reading a copy with Excel’s own parser', () => {
  it('gives the cells the file reader gives, and leaves the officer’s workbook exactly as it was', async () => {
    const doc = await officerWorkbook();
    const theirs = sampleResponses(framework, 7);
    const copy = await colleagueCopy(theirs);
    const before = stateOf(doc);
    const syncsBefore = doc.syncCount;

    const parsed = await readCellsWithExcel(host13(doc), copy.base64, copy.names);

    expect(parsed.status).toBe('read');
    if (parsed.status !== 'read') return;
    expect(stateOf(doc)).toEqual(before);
    // Read the state, insert, read the sheets, put everything back (two syncs).
    expect(doc.syncCount - syncsBefore).toBe(5);
    const viaExcel = readAssessmentCells(parsed.cells, 'hr.xlsx', [framework], reading);
    const viaFile = readAssessmentFile(copy.bytes, 'hr.xlsx', [framework], reading);
    if (viaExcel.status !== 'read' || viaFile.status !== 'read') throw new Error('not read');
    // What the officer combines: the responses, settings, organisation and period. (The file's
    // formula cells hold no cached results, which Excel computes: "Met" where the reader sees "".)
    const { snapshot: _excelSnapshot, ...excelRead } = viaExcel.assessment;
    const { snapshot: _fileSnapshot, ...fileRead } = viaFile.assessment;
    expect(excelRead).toEqual(fileRead);
    expect(excelRead.responses.filter((r) => r.rating !== '').length).toBeGreaterThan(10);
    expect(viaExcel.meta).toEqual(viaFile.meta);
    expect(viaExcel.saved).toEqual(viaFile.saved);
    expect(viaExcel.assessment.organisation).toBe('Housing services');
  });

  it('puts back a name of ours that the insertion redefined, and removes the names it added', async () => {
    const doc = await officerWorkbook();
    expect(doc.nameList().length).toBeGreaterThan(0);
    doc.insertTakesSourceNames = true;
    const copy = await colleagueCopy(sampleResponses(framework, 2));
    const before = stateOf(doc);
    const parsed = await readCellsWithExcel(host13(doc), copy.base64, copy.names);
    expect(parsed.status).toBe('read');
    expect(stateOf(doc)).toEqual(before);
  });

  it('is not tried on Excel on the web, where a copy with charts fails, nor below ExcelApi 1.13', async () => {
    const doc = await officerWorkbook();
    const copy = await colleagueCopy(sampleResponses(framework, 2));
    const syncs = doc.syncCount;
    const web = await readCellsWithExcel(host13(doc, 'OfficeOnline'), copy.base64, copy.names);
    expect(web).toEqual({
      status: 'not-read',
      reason: 'Excel on the web cannot open a copy with charts itself.',
    });
    const older = await readCellsWithExcel(
      gateway(doc, { supportedVersion: '1.12' }),
      copy.base64,
      copy.names,
    );
    expect(older).toEqual({
      status: 'not-read',
      reason:
        'this version of Excel cannot open a copy itself (a current Microsoft 365 Excel for Windows or Mac can; ExcelApi 1.13).',
    });
    expect(doc.syncCount).toBe(syncs);
  });

  it('falls back, leaving nothing behind, when reading the inserted sheets fails', async () => {
    const doc = await officerWorkbook();
    const copy = await colleagueCopy(sampleResponses(framework, 2));
    const before = stateOf(doc);
    // The third sync of the run reads the inserted sheets.
    doc.failOnSync(doc.syncCount + 3, new FakeOfficeError('GeneralException', 'Excel stopped.'));
    const parsed = await readCellsWithExcel(host13(doc), copy.base64, copy.names);
    expect(parsed).toEqual({
      status: 'not-read',
      reason: expect.stringMatching(/^Excel could not open it \(.*Excel stopped\.\)\.$/),
    });
    expect(stateOf(doc)).toEqual(before);
  });

  it('falls back when Excel names the sheets otherwise than the file (the order is not documented)', async () => {
    const doc = await officerWorkbook();
    const copy = await colleagueCopy(sampleResponses(framework, 2));
    const before = stateOf(doc);
    const shuffled = [...copy.names.slice(1), copy.names[0] ?? ''];
    const parsed = await readCellsWithExcel(host13(doc), copy.base64, shuffled);
    expect(parsed.status).toBe('not-read');
    expect(stateOf(doc)).toEqual(before);
  });

  it('says which sheets are left, by name, when it cannot remove them', async () => {
    const doc = await officerWorkbook();
    const copy = await colleagueCopy(sampleResponses(framework, 2));
    // The fifth sync deletes the inserted sheets.
    doc.failOnSync(doc.syncCount + 5, new FakeOfficeError('AccessDenied', 'The workbook is protected.'));
    await expect(readCellsWithExcel(host13(doc), copy.base64, copy.names)).rejects.toThrow(
      /left sheets in this workbook that the add-in could not remove \('Start \(2\)'.*unhide and delete them.*The workbook is protected/,
    );
  });
});
