/**
 * A framework written in Excel: the template writer lays out a framework as sheets, the .xlsx
 * reader reads the file back, and the sheet loader gives the same framework, so the workbook
 * built from it is the same plan, cell for cell.
 */
import { bundledFrameworks } from '../../src/domain/framework/bundled';
import { describeProblem, loadFrameworkSheets, type Framework } from '../../src/domain/index';
import { buildPlan } from '../../src/workbook/buildPlan';
import { frameworkTemplatePlan } from '../../src/workbook/frameworkTemplate';
import { readWorkbookCells, writeWorkbookFile } from '../../src/xlsx';
import { SETTINGS } from '../excel/generateHelpers';
import { readXlsx } from './readXlsx';

async function roundTrip(framework: Framework, name: string) {
  const bytes = await writeWorkbookFile(frameworkTemplatePlan(framework));
  return { bytes, result: loadFrameworkSheets(readWorkbookCells(bytes), name) };
}

describe('a framework authored in Excel', () => {
  it.each([
    ['framework/eqfsh-2009-draft.json', bundledFrameworks.draft2009],
    ['framework/eqfsh-leadership-revision.json', bundledFrameworks.leadershipRevision],
  ])(
    'written from %s and read back, gives the same framework and an identical plan',
    async (_, framework) => {
      const { result } = await roundTrip(framework, 'own.xlsx');
      if (!result.ok) throw new Error(result.problems.map(describeProblem).join('\n'));
      expect(result.framework).toEqual(framework);
      // The plan holds the framework's JSON in the meta sheet, so key order and every field count.
      expect(buildPlan(result.framework, SETTINGS)).toEqual(buildPlan(framework, SETTINGS));
    },
  );

  it('lays the template out as the format says: ids as text, the text status as a list, headings in row 1', async () => {
    const { bytes } = await roundTrip(bundledFrameworks.draft2009, 'own.xlsx');
    const file = readXlsx(bytes);
    expect(file.sheetNames).toEqual([
      'Read me',
      'About',
      'Levels',
      'Areas',
      'Rating scale',
      'Criteria',
      'Questions',
    ]);
    const criteria = file.cells('Criteria');
    expect(['A1', 'B1', 'C1', 'F1', 'G1'].map((a) => criteria.get(a)?.value)).toEqual([
      'Area',
      'Level',
      'ID',
      'Text',
      'Text status',
    ]);
    // 1.10 is text in the file, not the number 1.1.
    const ids = [...criteria.entries()]
      .filter(([a]) => /^C\d+$/.test(a) && a !== 'C1')
      .map(([, c]) => c.value)
      .filter((v) => v !== undefined);
    expect(ids).toContain('1.10');
    expect(ids).toHaveLength(bundledFrameworks.draft2009.criteria.length);
    expect(ids.every((v) => typeof v === 'string')).toBe(true);
    const validations = JSON.stringify(file.sheetXml('Criteria'));
    expect(validations).toContain('complete,fragment,absent');
  });
});
