/**
 * A colleague's copy re-saved by another program: a filled assessment written by the add-in,
 * opened and saved again by LibreOffice (its own shared strings or inline strings, styles, date
 * cells and cell markup), reads back with the same responses, settings and framework.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledFrameworks, describeProblem, loadFramework } from '../../src/domain';
import { buildPlan } from '../../src/workbook/buildPlan';
import { withResponses } from '../../src/workbook/filledPlan';
import { readAssessmentFile } from '../../src/xlsx/assessmentFile';
import { writeWorkbookFile } from '../../src/xlsx';
import { SETTINGS } from '../xlsx/planFile';
import { sampleResponses } from '../xlsx/sampleResponses';
import { convertAll } from './soffice';

jest.setTimeout(600_000);

const reading = { loadFramework, describeProblem };
const KNOWN = [bundledFrameworks.draft2009, bundledFrameworks.leadershipRevision];

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
    saved.forEach((path, i) => {
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
    });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
