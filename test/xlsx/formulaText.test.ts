import { bundledFrameworks } from '../../src/domain/framework/bundled';
import { buildPlan } from '../../src/workbook/buildPlan';
import { isFormula } from '../../src/workbook/plan';
import { functionNames, toFileFormula, XLFN_FUNCTIONS } from '../../src/xlsx/formulaText';
import { SETTINGS } from './planFile';

describe('toFileFormula', () => {
  it.each([
    ['=A1+1', 'A1+1'],
    ['=SUM(A1:A3)', 'SUM(A1:A3)'],
    ['=IFS(A1>1,1,TRUE,0)', '_xlfn.IFS(A1>1,1,TRUE,0)'],
    ['=IF(A1,MAXIFS(B:B,C:C,1),ifna(D1,0))', 'IF(A1,_xlfn.MAXIFS(B:B,C:C,1),_xlfn.ifna(D1,0))'],
    ['="IFS(1)"&CONCAT("a","b")', '"IFS(1)"&_xlfn.CONCAT("a","b")'],
    ["='Sheet (1)'!A1+SHEET()", "'Sheet (1)'!A1+_xlfn.SHEET()"],
    ["='it''s IFS('!A1", "'it''s IFS('!A1"],
    ['="say ""IFS(""" & A1', '"say ""IFS(""" & A1'],
    ['=_xlfn.IFS(A1,1)', '_xlfn.IFS(A1,1)'],
    ['=STDEV.S(A1:A4)', '_xlfn.STDEV.S(A1:A4)'],
  ])('%s is stored as %s', (typed, stored) => {
    expect(toFileFormula(typed)).toBe(stored);
  });

  it('refuses text that is not a formula', () => {
    expect(() => toFileFormula('SUM(A1)')).toThrow(/must start with =/);
  });

  it('finds function names outside quotes only', () => {
    expect(functionNames(`=IF('COUNT(x'!A1,"MIN(2)",index(A1:A2,1))`)).toEqual(['IF', 'INDEX']);
  });
});

/**
 * Every function the plan calls, checked against the functions known to exist unprefixed since
 * Excel 2007. A new function in a formula fails this test until someone checks whether files
 * need `_xlfn.` for it (and adds it to XLFN_FUNCTIONS if so).
 */
const EXCEL_2007_FUNCTIONS = new Set([
  'AND',
  'ISLOGICAL',
  'COUNTIF',
  'COUNTIFS',
  'EXACT',
  'INDEX',
  'IF',
  'ISERROR',
  'ISNUMBER',
  'LEN',
  'MATCH',
  'MIN',
  'NOT',
  'OR',
  'ROWS',
  'SUM',
  'TODAY',
  'TRIM',
  // Used by the settings guard and the whole-percentage shares (all in Excel since before 2007).
  'ABS',
  'COUNT',
  'FALSE',
  'INT',
  'ISTEXT',
  'ROUND',
  // Evidence completeness on the Summary (SUMPRODUCT since Excel 2000, IFERROR since 2007).
  'IFERROR',
  'SUMPRODUCT',
]);

describe('functions in the plan', () => {
  it('are all Excel 2007 functions, in cells and highlights, so no formula needs a prefix in the file', () => {
    const { plan } = buildPlan(bundledFrameworks.draft2009, SETTINGS);
    const used = new Set<string>();
    for (const sheet of plan.sheets) {
      for (const block of sheet.blocks) {
        for (const row of block.cells) {
          for (const cell of row)
            if (isFormula(cell)) functionNames(cell.formula).forEach((f) => used.add(f));
        }
      }
      for (const highlight of sheet.highlights ?? [])
        functionNames(highlight.formula).forEach((f) => used.add(f));
    }
    expect(used.size).toBeGreaterThan(5);
    expect([...used].filter((f) => !EXCEL_2007_FUNCTIONS.has(f))).toEqual([]);
    expect([...used].filter((f) => XLFN_FUNCTIONS.has(f))).toEqual([]);
  });
});
