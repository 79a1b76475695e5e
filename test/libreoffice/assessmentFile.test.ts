/**
 * A colleague's copy re-saved by another program: a filled assessment written by the add-in,
 * opened and saved again by LibreOffice (its own shared strings or inline strings, styles, date
 * cells and cell markup), reads back with the same responses, settings and framework, with the
 * add-in's file reader and with Excel's own parser (on the fake: insertWorksheetsFromBase64).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledFrameworks, describeProblem, loadFramework } from '../../src/domain';
import { buildPlan } from '../../src/workbook/buildPlan';
import { withResponses } from '../../src/workbook/filledPlan';
import { generateAssessment } from '../../src/excel/generate';
import { readCellsWithExcel } from '../../src/excel/readCopyWithExcel';
import { fileSheetNames, readAssessmentCells, readAssessmentFile } from '../../src/xlsx/assessmentFile';
import { FakeWorkbook, gateway } from '../platform/fake-excel';
import { writeWorkbookFile } from '../../src/xlsx';
import { SETTINGS } from '../xlsx/planFile';
import { sampleResponses } from '../xlsx/sampleResponses';
import { convertAll } from './soffice';

jest.setTimeout(600_000);

const reading = { loadFramework, describeProblem };
const KNOWN = [bundledFrameworks.draft2009, bundledFrameworks.leadershipRevision];

/** The copy read by Excel's parser into an officer's workbook (the fake at ExcelApi 1.13). */
async function readWithExcel(framework: (typeof KNOWN)[number], bytes: Uint8Array) {
  const doc = new FakeWorkbook();
  const host = gateway(doc, { supportedVersion: '1.13' });
  await generateAssessment(host, buildPlan(framework, SETTINGS).plan);
  const listed = fileSheetNames(bytes, 'resaved.xlsx');
  if (listed.status !== 'listed') throw new Error(listed.message);
  const parsed = await readCellsWithExcel(host, Buffer.from(bytes).toString('base64'), listed.names);
  if (parsed.status !== 'read') throw new Error(parsed.reason);
  const read = readAssessmentCells(parsed.cells, 'resaved.xlsx', KNOWN, reading);
  if (read.status !== 'read') throw new Error(read.message);
  return read.assessment;
}

it('reads the same assessment from a copy LibreOffice has saved again', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'eq-assessment-lo-'));
  try {
    const frameworks = [bundledFrameworks.draft2009, bundledFrameworks.leadershipRevision];
    const written = await Promise.all(
      frameworks.map(async (framework, i) => {
        const responses = sampleResponses(framework, 11 + i);
        const bytes = await writeWorkbookFile(
          withResponses(buildPlan(framework, SETTINGS).plan, framework, responses),
        );
        const path = join(folder, `copy-${i}.xlsx`);
        writeFileSync(path, bytes);
        return { path, bytes };
      }),
    );
    const saved = convertAll(
      written.map((w) => w.path),
      join(folder, 'saved'),
      'xlsx:Calc MS Excel 2007 XML',
      'xlsx',
    );
    for (const [i, path] of saved.entries()) {
      const original = readAssessmentFile(written[i]!.bytes, 'copy.xlsx', KNOWN, reading);
      const again = readAssessmentFile(readFileSync(path), 'resaved.xlsx', KNOWN, reading);
      if (original.status !== 'read') throw new Error(original.message);
      if (again.status !== 'read') throw new Error(`${again.message}\n${again.details.join('\n')}`);
      expect(again.framework).toEqual(frameworks[i]);
      expect(again.assessment.settings).toEqual(original.assessment.settings);
      expect([again.assessment.organisation, again.assessment.period]).toEqual([
        original.assessment.organisation,
        original.assessment.period,
      ]);
      // Cell references name the same cells; the values are what matter.
      const values = (r: (typeof original.assessment.responses)[number]) => {
        const { cells: _cells, ...rest } = r;
        return rest;
      };
      expect(again.assessment.responses).toHaveLength(frameworks[i]!.criteria.length);
      expect(again.assessment.responses.map(values)).toEqual(original.assessment.responses.map(values));
      const viaExcel = await readWithExcel(frameworks[i]!, readFileSync(path));
      expect(viaExcel.responses).toEqual(again.assessment.responses);
      expect(viaExcel.settings).toEqual(again.assessment.settings);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
