import { sheetName, type A1 } from '../../src/workbook/address';
import { assertPlanValid, namePlanProblem, PlanError, planProblems } from '../../src/workbook/checkPlan';
import type { SheetPlan, WorkbookPlan } from '../../src/workbook/plan';

const a1 = (s: string) => s as A1;

function sheet(name: string, extra: Partial<SheetPlan> = {}): SheetPlan {
  return {
    name: sheetName(name),
    role: 'area',
    visible: true,
    blocks: [{ at: a1('A1'), cells: [['x']] }],
    formats: [],
    columns: [],
    validations: [],
    protect: true,
    landscape: false,
    ...extra,
  };
}

function plan(sheets: SheetPlan[], extra: Partial<WorkbookPlan> = {}): WorkbookPlan {
  return {
    meta: { layoutVersion: 1, frameworkId: 'f', frameworkVersion: 'v', frameworkTitle: 't' },
    sheets,
    names: [],
    charts: [],
    ...extra,
  };
}

const prompt = { title: 'T', message: 'M' };

describe('planProblems', () => {
  it('accepts a plan within every limit', () => {
    expect(planProblems(plan([sheet('One'), sheet('Two')]))).toEqual([]);
  });

  it('finds sheet names that differ only in case', () => {
    expect(planProblems(plan([sheet('Area'), sheet('AREA')]))).toEqual([
      'two sheets are named "AREA" (Excel ignores case)',
    ]);
  });

  it('finds ragged blocks, overlong formulas and text, and numbers Excel cannot hold', () => {
    const bad = sheet('S', {
      blocks: [
        { at: a1('A1'), cells: [['a', 'b'], ['c']] },
        { at: a1('A5'), cells: [[{ formula: `=${'1+'.repeat(4100)}1` }]] },
        { at: a1('A6'), cells: [['y'.repeat(32768)]] },
        { at: a1('A7'), cells: [[Number.NaN]] },
        { at: a1('A8'), cells: [[{ formula: 'SUM(A1)' }]] },
      ],
    });
    const problems = planProblems(plan([bad]));
    expect(problems).toHaveLength(5);
    expect(problems[0]).toMatch(/S!A1: a block must be a non-empty rectangle/);
    expect(problems[1]).toMatch(/S!A5: the formula is 8202 characters; Excel allows 8192/);
    expect(problems[2]).toMatch(/S!A6: the text is 32768 characters/);
    expect(problems[3]).toMatch(/S!A7: NaN is not a number/);
    expect(problems[4]).toMatch(/S!A8: a formula must start with "="/);
  });

  it('finds drop-down lists over 255 characters or with commas in an item', () => {
    const items = Array.from({ length: 60 }, (_, i) => `Item ${i}`);
    const s = sheet('S', {
      validations: [
        { kind: 'list', range: a1('F5:F9'), items, prompt, error: prompt },
        { kind: 'list', range: a1('G5'), items: ['1', 'a,b'], prompt, error: prompt },
      ],
    });
    const problems = planProblems(plan([s]));
    expect(problems).toEqual([
      `S!F5:F9: the drop-down list is ${items.join(',').length} characters; Excel allows 255`,
      'S!G5: a drop-down item contains a comma',
    ]);
  });

  it('finds prompts longer than Excel allows', () => {
    const s = sheet('S', {
      validations: [
        { kind: 'date', range: a1('K5'), prompt: { title: 't'.repeat(33), message: 'm' }, error: prompt },
      ],
    });
    expect(planProblems(plan([s]))).toEqual(['S!K5: a validation title is longer than 32 characters']);
  });

  it('allows a prompt of 255 characters but an error message of only 224, as Office does', () => {
    const s = (error: number) =>
      sheet('S', {
        validations: [
          {
            kind: 'date',
            range: a1('K5'),
            prompt: { title: 't', message: 'm'.repeat(255) },
            error: { title: 'e', message: 'e'.repeat(error) },
          },
        ],
      });
    expect(planProblems(plan([s(224)]))).toEqual([]);
    expect(planProblems(plan([s(225)]))).toEqual([
      'S!K5: a validation error message is longer than 224 characters',
    ]);
  });

  it('finds bad, duplicate and dangling names and charts on missing sheets', () => {
    const p = plan([sheet('S')], {
      names: [
        { name: 'EQ_Good', sheet: sheetName('S'), range: a1('A1'), comment: '' },
        { name: 'eq_good', sheet: sheetName('S'), range: a1('A2'), comment: '' },
        { name: 'AB12', sheet: sheetName('S'), range: a1('A3'), comment: '' },
        { name: '1st', sheet: sheetName('S'), range: a1('A4'), comment: '' },
        { name: 'EQ_Gone', sheet: sheetName('Gone'), range: a1('A5'), comment: '' },
        { name: 'EQ_Bad', sheet: sheetName('S'), range: a1('nowhere'), comment: '' },
      ],
      charts: [
        {
          id: 'c',
          sheet: sheetName('Gone'),
          kind: 'barClustered',
          title: 'Levels',
          source: a1('A1:B2'),
          seriesBy: 'columns',
          from: a1('A1'),
          to: a1('C3'),
          valueAxis: { min: 0, max: 3, majorUnit: 1 },
          series: [{ colour: '#000000' }],
        },
        {
          id: 'd',
          sheet: sheetName('S'),
          kind: 'line',
          title: 'Styles',
          source: a1('A1:C4'),
          seriesBy: 'columns',
          from: a1('A1'),
          to: a1('C3'),
          valueAxis: { min: 0, max: 3, majorUnit: 1 },
          series: [{ colour: '#000000', secondaryAxis: true }],
          pointColours: ['#000000'],
        },
        {
          id: 'e',
          sheet: sheetName('S'),
          kind: 'barClustered',
          title: 'Hidden copy',
          source: a1('A1:B2'),
          seriesBy: 'columns',
          from: a1('A1'),
          to: a1('C3'),
          valueAxis: { min: 0, max: 3, majorUnit: 1 },
          secondaryValueAxis: { min: 0, max: 3, majorUnit: 1 },
          series: [{ colour: '#000000' }],
          secondaryAxisCopy: true,
        },
      ],
    });
    expect(planProblems(p)).toEqual([
      'the name "eq_good" is defined twice',
      'the name "AB12" looks like a cell reference',
      'the name "1st" may hold only letters, digits, _ and dots, and must start with a letter or _',
      'the name "EQ_Gone" refers to a missing sheet "Gone"',
      'the name "EQ_Bad" refers to "nowhere", which is not a range',
      'the chart "Levels" is on a missing sheet "Gone"',
      'the chart "Styles" has 2 series but styles for 1',
      'the chart "Styles" has 3 points but colours for 1',
      'the chart "Styles" draws a series on a secondary axis it does not define',
      'the chart "Hidden copy" would list its hidden axis series in its legend',
    ]);
  });

  it('throws a PlanError listing every problem', () => {
    const p = plan([sheet('A'), sheet('a')]);
    expect(() => assertPlanValid(p)).toThrow(PlanError);
    expect(() => assertPlanValid(p)).toThrow(/two sheets are named "a"/);
  });
});

describe('namePlanProblem', () => {
  it.each(['EQ_A1_IDS', '_x', 'EQ.Period'])('accepts %p', (n) => expect(namePlanProblem(n)).toBeNull());
  it.each(['R', 'C', 'R1C1', 'A1', 'XFD1', 'has space', '', 'x'.repeat(256)])('rejects %p', (n) =>
    expect(namePlanProblem(n)).not.toBeNull(),
  );
});
