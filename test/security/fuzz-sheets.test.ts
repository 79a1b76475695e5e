/**
 * Fuzzing the framework sheet loader with what an officer's workbook could hold: the templates of
 * the bundled frameworks with random cells overwritten (any text, numbers, true/false, blanks),
 * rows removed and sheets dropped. Whatever comes in, loadFrameworkSheets must return: a
 * framework, or problems that each name the file and a sheet or cell, in a readable message, each
 * once.
 */
import fc from 'fast-check';
import { bundledFrameworks } from '../../src/domain/framework/bundled';
import {
  describeProblem,
  loadFrameworkSheets,
  type LoadResult,
  type SheetCell,
  type WorkbookCells,
} from '../../src/domain/index';
import { frameworkTemplatePlan } from '../../src/workbook/frameworkTemplate';
import { readWorkbookCells, writeWorkbookFile } from '../../src/xlsx';
import { readabilityFaults } from './readable';

const FILE = 'our-framework.xlsx';
/** A sheet, a cell (quoted sheet names as Excel quotes them), or a whole row. */
const PLACE = /^('([^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)(![A-Z]{1,3}\d+|!\d+:\d+)?$/;

let templates: WorkbookCells[] = [];

beforeAll(async () => {
  templates = await Promise.all(
    [bundledFrameworks.draft2009, bundledFrameworks.leadershipRevision].map(async (f) =>
      readWorkbookCells(await writeWorkbookFile(frameworkTemplatePlan(f))),
    ),
  );
});

function faultsOf(result: LoadResult): string[] {
  if (result.ok) return result.framework.criteria.length > 0 ? [] : ['a framework with no criteria'];
  if (result.problems.length === 0) return ['a rejection with no problem'];
  const described = result.problems.map(describeProblem);
  return [
    ...(new Set(described).size === described.length ? [] : ['a problem reported twice']),
    ...result.problems.flatMap((problem) => [
      ...(problem.file === FILE ? [] : [`file is ${problem.file}`]),
      ...(problem.path === '$' || PLACE.test(problem.path)
        ? []
        : [`place ${problem.path} is not a sheet or cell`]),
      ...readabilityFaults(problem.message).map((f) => `${problem.path}: ${f}`),
    ]),
  ];
}

const cellArb: fc.Arbitrary<SheetCell> = fc.oneof(
  fc.constant(undefined),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', minLength: 500, maxLength: 700 }),
  fc.constantFrom('1.10', '2.1', 'complete', 'Absent', ' 3 ', '100%', 'N/A', '=1+1', '-1', '0'),
  fc.double({ noNaN: true }),
  fc.integer({ min: -5, max: 200 }),
  fc.boolean(),
);

const editArb = fc.oneof(
  fc.record({
    kind: fc.constant('cell' as const),
    sheet: fc.nat(7),
    row: fc.nat(120),
    column: fc.nat(9),
    value: cellArb,
  }),
  fc.record({ kind: fc.constant('row' as const), sheet: fc.nat(7), row: fc.nat(120) }),
  fc.record({ kind: fc.constant('sheet' as const), sheet: fc.nat(7) }),
);

function edited(book: WorkbookCells, edits: readonly Edit[]): WorkbookCells {
  const sheets = book.sheets.map((s) => ({ name: s.name, rows: s.rows.map((r) => [...(r ?? [])]) }));
  for (const edit of edits) {
    const sheet = sheets[edit.sheet % Math.max(sheets.length, 1)];
    if (!sheet) continue;
    if (edit.kind === 'sheet') sheets.splice(sheets.indexOf(sheet), 1);
    else if (edit.kind === 'row') sheet.rows.splice(edit.row % Math.max(sheet.rows.length, 1), 1);
    else (sheet.rows[edit.row] ??= [])[edit.column] = edit.value;
  }
  return { sheets };
}

type Edit =
  | { kind: 'cell'; sheet: number; row: number; column: number; value: SheetCell }
  | { kind: 'row'; sheet: number; row: number }
  | { kind: 'sheet'; sheet: number };

it('returns a framework or located, readable problems, each once, whatever the cells hold', () => {
  fc.assert(
    fc.property(fc.nat(1), fc.array(editArb, { minLength: 1, maxLength: 12 }), (which, edits) => {
      const book = edited(templates[which] ?? { sheets: [] }, edits);
      let result: LoadResult;
      try {
        result = loadFrameworkSheets(book, FILE);
      } catch (error: unknown) {
        throw new Error(`loadFrameworkSheets threw: ${String(error)}`);
      }
      expect(faultsOf(result)).toEqual([]);
    }),
    { numRuns: 300 },
  );
});

it('refuses a workbook with no sheets at all, naming each missing sheet', () => {
  const result = loadFrameworkSheets({ sheets: [] }, FILE);
  expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual([
    'About',
    'Levels',
    'Areas',
    "'Rating scale'",
    'Criteria',
    'Questions',
  ]);
});
