/**
 * A framework workbook saved by another program: the template written from each bundled framework,
 * opened and saved again by LibreOffice (its own shared strings, styles and cell markup), is read by
 * the add-in's .xlsx reader and sheet loader as the same framework.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledFrameworks, describeProblem, loadFrameworkSheets } from '../../src/domain';
import { frameworkTemplatePlan } from '../../src/workbook/frameworkTemplate';
import { readWorkbookCells, writeWorkbookFile } from '../../src/xlsx';
import { convertAll } from './soffice';

jest.setTimeout(600_000);

it('reads the framework templates back as the same frameworks after LibreOffice has saved them', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'eq-framework-lo-'));
  try {
    const frameworks = [bundledFrameworks.draft2009, bundledFrameworks.leadershipRevision];
    const inputs = await Promise.all(
      frameworks.map(async (f, i) => {
        const path = join(folder, `framework-${i}.xlsx`);
        writeFileSync(path, await writeWorkbookFile(frameworkTemplatePlan(f)));
        return path;
      }),
    );
    const outputs = convertAll(inputs, join(folder, 'saved'), 'xlsx:Calc MS Excel 2007 XML', 'xlsx');
    outputs.forEach((path, i) => {
      const result = loadFrameworkSheets(readWorkbookCells(readFileSync(path)), 'saved.xlsx');
      if (!result.ok) throw new Error(result.problems.map(describeProblem).join('\n'));
      expect(result.framework).toEqual(frameworks[i]);
    });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
