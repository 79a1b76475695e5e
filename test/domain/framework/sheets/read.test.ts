/**
 * A framework written as sheets, deliberately broken: every problem is reported once, at its cell,
 * in one pass, root causes first; what only follows from an earlier problem is not reported.
 */
import { bundledFrameworks } from '../../../../src/domain/framework/bundled';
import {
  describeProblem,
  loadFrameworkSheets,
  type SheetCell,
  type WorkbookCells,
} from '../../../../src/domain/index';
import { frameworkTemplatePlan } from '../../../../src/workbook/frameworkTemplate';
import { readWorkbookCells, writeWorkbookFile } from '../../../../src/xlsx';

type Grid = SheetCell[][];

async function templateOf(framework = bundledFrameworks.draft2009): Promise<Map<string, Grid>> {
  const cells = readWorkbookCells(await writeWorkbookFile(frameworkTemplatePlan(framework)));
  return new Map(cells.sheets.map((s) => [s.name, s.rows.map((r) => [...(r ?? [])])]));
}

function book(sheets: Map<string, Grid>): WorkbookCells {
  return { sheets: [...sheets].map(([name, rows]) => ({ name, rows })) };
}

function sheet(sheets: Map<string, Grid>, name: string): Grid {
  const grid = sheets.get(name);
  if (!grid) throw new Error(`no sheet ${name}`);
  return grid;
}

function problems(sheets: Map<string, Grid>): string[] {
  const result = loadFrameworkSheets(book(sheets), 'own.xlsx');
  return result.ok ? [] : result.problems.map(describeProblem);
}

/** The sheet row (from 1) holding criterion `id` in `area`. */
function criterionRow(sheets: Map<string, Grid>, area: number, id: string): number {
  const index = sheet(sheets, 'Criteria').findIndex((r) => r[0] === area && r[2] === id);
  if (index < 0) throw new Error(`no criterion ${id} in area ${area}`);
  return index + 1;
}

describe('a framework workbook with problems', () => {
  it('reads the untouched template with none', async () => {
    expect(problems(await templateOf())).toEqual([]);
  });

  it('reports one removed level once, at the Levels sheet, not at each of its criteria', async () => {
    const sheets = await templateOf();
    sheet(sheets, 'Levels').splice(2, 1); // Achieving
    const atAchieving = bundledFrameworks.draft2009.criteria.filter((c) => c.level === 2).length;
    expect(atAchieving).toBeGreaterThan(30);
    expect(problems(sheets)).toEqual([
      'own.xlsx, Levels!A3: level number is 3 but should be 2: levels are listed lowest first and numbered 1, 2, 3 … without gaps',
    ]);
  });

  it('reports a removed last level once for all its criteria and questions', async () => {
    const sheets = await templateOf(bundledFrameworks.leadershipRevision);
    sheet(sheets, 'Levels').splice(3, 1); // Excellent
    expect(problems(sheets)).toEqual([
      'own.xlsx, Criteria!B22: 10 criteria (rows 22 to 31) and 9 questions on the Questions sheet (rows 29 to 37) are at level 3, which is not on the Levels sheet (1, 2); add that level there or correct the level number',
    ]);
  });

  it('reports every problem of a deliberately broken workbook once, by cell, in one pass', async () => {
    const sheets = await templateOf();
    const rows = {
      status: criterionRow(sheets, 3, '1.14'),
      level: criterionRow(sheets, 4, '2.17'),
      numberId: criterionRow(sheets, 5, '1.23'),
    };
    const about = sheet(sheets, 'About');
    const version = about.findIndex((r) => r[0] === 'Version');
    about[version] = ['Version', ''];
    sheet(sheets, 'Areas')[3] = [
      3,
      'Customer engagement and satisfaction',
      'Customer engagement and satisfaction sheet',
    ];
    sheet(sheets, 'Rating scale')[2] = [1, 'Currently being established'];
    const criteria = sheet(sheets, 'Criteria');
    criteria[0]?.push('Comments');
    const r23 = criterionRow(sheets, 2, '2.11');
    criteria[r23 - 1] = [...(criteria[r23 - 1] ?? [])];
    (criteria[r23 - 1] as SheetCell[])[2] = '2.10';
    (criteria[rows.status - 1] as SheetCell[])[6] = 'done';
    (criteria[rows.numberId - 1] as SheetCell[])[2] = 1.23;
    (criteria[rows.level - 1] as SheetCell[])[1] = 7;
    expect(problems(sheets)).toEqual([
      'own.xlsx, About!B3: a version is letters, digits, dots and hyphens',
      'own.xlsx, Areas!C4: a short name becomes a sheet tab, so it must be 24 characters or fewer',
      "own.xlsx, 'Rating scale'!A3: rating value 1 is already used at 'Rating scale'!A2; each point needs its own value",
      'own.xlsx, Criteria!I1: the column heading "Comments" is not one this sheet has; correct it or remove the column (the headings are Area, Level, ID, Sub-theme, Row, Text, Text status, Note)',
      `own.xlsx, Criteria!C${r23}: criterion id 2.10 is already used in area 2 at Criteria!C${r23 - 1}; each criterion id must be unique within its area`,
      `own.xlsx, Criteria!G${rows.status}: the text status should be complete, fragment or absent but the cell holds "done"`,
      `own.xlsx, Criteria!B${rows.level}: 1 criterion (row ${rows.level}) is at level 7, which is not on the Levels sheet (1, 2, 3); add that level there or correct the level number`,
      `own.xlsx, Criteria!C${rows.numberId}: the id is stored as the number 1.23, and Excel turns 2.10 into 2.1, so an id must be text: type it again with an apostrophe first ('1.23), or format the column as Text`,
    ]);
  });

  it('reports a missing sheet or column once, and nothing that refers to it', async () => {
    const sheets = await templateOf();
    sheets.delete('Levels');
    const criteria = sheet(sheets, 'Criteria');
    const textColumn = (criteria[0] ?? []).indexOf('Text');
    for (const row of criteria) row.splice(textColumn, 1);
    expect(problems(sheets)).toEqual([
      'own.xlsx, Levels: the file has no sheet named "Levels"; add it (the template has it)',
      'own.xlsx, Criteria!1:1: no column is headed "Text" (word for word from your copy); add it in row 1',
    ]);
  });

  it('names the cell of an other spelling of N/A by its own column, blanks before it skipped', async () => {
    const sheets = await templateOf();
    const about = sheet(sheets, 'About');
    const index = about.findIndex((r) => r[0] === 'Other spellings of not applicable');
    about[index] = ['Other spellings of not applicable', 'n/a', undefined, 'NA', 'In place and effective'];
    expect(problems(sheets)).toEqual([
      `own.xlsx, About!E${index + 1}: "In place and effective" means not applicable but is also the label of 'Rating scale'!A5; use a different spelling`,
    ]);
  });

  it('says what a file that is not a workbook is', () => {
    expect(() => readWorkbookCells(new TextEncoder().encode('{"id": "not a workbook"}'))).toThrow(
      /not an \.xlsx workbook, or it is damaged/,
    );
  });
});
