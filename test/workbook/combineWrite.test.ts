/**
 * What combining a colleague's copy writes (src/workbook/combineWrite.ts), as properties over two
 * random filled copies and any choice per criterion (issue 23): with the writes made to the cells
 * the responses were read from, every value of ours is still in its cell or is on an Archived
 * responses row for its criterion, in its field's column; "take theirs" for every criterion leaves
 * the cells holding the colleague's responses exactly; and each write expects the value the
 * comparison saw; a joined text too long for a cell stops the write, naming the criterion. The cell
 * references are those the file reader gives for a generated workbook.
 */
import fc from 'fast-check';
import { copyFieldsArb } from '../builders/arbitraries';
import {
  bundledFrameworks,
  compareCopies,
  describeProblem,
  loadFramework,
  RESPONSE_FIELDS,
  sameCell,
  type CellValue,
  type CombineChoice,
  type CriterionSlot,
  type ResponseRow,
} from '../../src/domain';
import type { ExcelGateway } from '../../src/excel/api';
import { applyPlanned } from '../../src/taskpane/combine/applyPlanned';
import { splitCellReference } from '../../src/workbook/address';
import { buildPlan } from '../../src/workbook/buildPlan';
import { planCombine, type CombineWrite } from '../../src/workbook/combineWrite';
import { isFormula, type PlanCell } from '../../src/workbook/plan';
import { archiveColumn } from '../../src/workbook/sheets/archive';
import { writeWorkbookFile } from '../../src/xlsx';
import { readAssessmentFile } from '../../src/xlsx/assessmentFile';
import { SETTINGS } from '../xlsx/planFile';

const framework = bundledFrameworks.draft2009;
const TODAY = { year: 2026, month: 12, day: 3 };
const SOURCE = 'hr.xlsx';

/** Each criterion's row as the file reader gives it for a generated, empty workbook: its cells. */
let template: readonly ResponseRow[] = [];

beforeAll(async () => {
  const bytes = await writeWorkbookFile(buildPlan(framework, SETTINGS).plan);
  const read = readAssessmentFile(bytes, 'ours.xlsx', [framework], { loadFramework, describeProblem });
  if (read.status !== 'read') throw new Error(read.message);
  template = read.assessment.responses;
});

/** Small pools, so that two copies often agree and often differ. */
/** Values for some criteria, by criterion index; the rest blank. */
const copyArb = fc.dictionary(fc.nat({ max: framework.criteria.length - 1 }).map(String), copyFieldsArb, {
  maxKeys: 40,
});

type Fields = Record<(typeof RESPONSE_FIELDS)[number], CellValue>;
const BLANK: Fields = { rating: '', evidence: '', difference: '', owner: '', reviewDate: '', notes: '' };

/** Our rows: the template's rows (with their cells) holding the drawn values. */
function oursOf(values: Readonly<Record<string, Fields>>): ResponseRow[] {
  return template.map((row, i) => ({ ...row, ...BLANK, ...values[String(i)] }));
}

/** Their rows, as read from their file (no cells of ours). */
function theirsOf(values: Readonly<Record<string, Fields>>): ResponseRow[] {
  return Object.entries(values).map(([i, fields]) => {
    const c = framework.criteria[Number(i)]!;
    return { criterionId: c.id, area: c.area, ...fields };
  });
}

const keyOf = (reference: string) => {
  const { sheet, address } = splitCellReference(reference);
  return `${sheet}!${address}`;
};

/** A written value as the cell holds it: a combine writes what was typed, never a formula. */
function valueOf(cell: PlanCell): CellValue {
  if (isFormula(cell)) throw new Error(`a combine wrote a formula: ${JSON.stringify(cell)}`);
  return cell ?? '';
}

/** The cells after the writes, starting from what ours held; each write must find what it expects. */
function cellsAfter(ours: readonly ResponseRow[], write: CombineWrite): Map<string, CellValue> {
  const cells = new Map<string, CellValue>();
  for (const row of ours) for (const f of RESPONSE_FIELDS) cells.set(keyOf(row.cells![f]!), row[f] ?? '');
  for (const w of write.writes) {
    const key = `${w.sheet}!${w.address}`;
    expect(sameCell(cells.get(key) ?? '', w.held)).toBe(true);
    cells.set(key, valueOf(w.value));
  }
  return cells;
}

function combined(
  ours: readonly ResponseRow[],
  theirs: readonly ResponseRow[],
  choose: (i: number) => CombineChoice,
) {
  const { criteria } = compareCopies(framework, ours, theirs);
  const choices = new Map<CriterionSlot, CombineChoice>(criteria.map((c, i) => [c.slot, choose(i)]));
  const write = planCombine(framework, ours, criteria, choices, SOURCE, TODAY);
  expect(write.problems).toEqual([]);
  return write;
}

describe('combining a copy, as written', () => {
  beforeAll(() => expect(template).toHaveLength(framework.criteria.length));

  it('loses no response of ours: each is in its cell, or archived for its criterion in its column', () => {
    fc.assert(
      fc.property(
        copyArb,
        copyArb,
        fc.array(fc.constantFrom<CombineChoice>('ours', 'theirs', 'both'), {
          minLength: framework.criteria.length,
          maxLength: framework.criteria.length,
        }),
        (mine, colleague, choices) => {
          const ours = oursOf(mine);
          const write = combined(ours, theirsOf(colleague), (i) => choices[i]!);
          const cells = cellsAfter(ours, write);
          const archived = (row: ResponseRow, f: (typeof RESPONSE_FIELDS)[number]) =>
            write.archiveRows.some(
              (a) =>
                a[archiveColumn('criterionId') - 1] === row.criterionId &&
                a[archiveColumn('sheet') - 1] === splitCellReference(row.cells!.rating!).sheet &&
                sameCell(valueOf(a[archiveColumn(f) - 1] ?? null), row[f] ?? ''),
            );
          for (const row of ours) {
            for (const f of RESPONSE_FIELDS) {
              const value = row[f] ?? '';
              if (value === '') continue;
              const inPlace = sameCell(cells.get(keyOf(row.cells![f]!)) ?? '', value);
              expect(inPlace || archived(row, f)).toBe(true);
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('"take theirs" for every criterion leaves the cells holding the colleague’s responses exactly', () => {
    fc.assert(
      fc.property(copyArb, copyArb, (mine, colleague) => {
        const ours = oursOf(mine);
        const cells = cellsAfter(
          ours,
          combined(ours, theirsOf(colleague), () => 'theirs'),
        );
        for (const [i, row] of ours.entries()) {
          const wanted = { ...BLANK, ...colleague[String(i)] };
          for (const f of RESPONSE_FIELDS)
            expect([row.criterionId, f, cells.get(keyOf(row.cells![f]!)) ?? '']).toEqual([
              row.criterionId,
              f,
              wanted[f],
            ]);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('a joined text longer than a cell holds', () => {
  it('is named by criterion and field, and nothing of that criterion is written', () => {
    const c = framework.criteria[0]!;
    const long = (tag: string) => `${tag} `.padEnd(20_000, 'x');
    const ours = oursOf({ '0': { ...BLANK, evidence: long('ours') }, '1': { ...BLANK, rating: 2 } });
    const theirs = theirsOf({ '0': { ...BLANK, evidence: long('theirs') }, '1': { ...BLANK, rating: 3 } });
    const { criteria } = compareCopies(framework, ours, theirs);
    const choices = new Map<CriterionSlot, CombineChoice>(criteria.map((x) => [x.slot, 'both']));
    choices.set(criteria[1]!.slot, 'theirs');
    const write = planCombine(framework, ours, criteria, choices, SOURCE, TODAY);
    expect(write.problems).toEqual([
      `Criterion ${c.id} (area ${c.area}): the combined evidence would be more than the 32,767 characters Excel holds in a cell. Keep ours or take theirs for it, or combine fewer copies at once.`,
    ]);
    // The other criterion is still planned; the pane writes nothing while any problem stands.
    const written = write.writes.map((w) => `${w.sheet}!${w.address}`);
    expect(written).toEqual([keyOf(ours[1]!.cells!.rating!)]);
    expect(written).not.toContain(keyOf(ours[0]!.cells!.evidence!));
  });

  it('stops the pane’s write before Excel is asked anything, naming the criterion', async () => {
    const ours = oursOf({ '0': { ...BLANK, notes: 'a'.repeat(20_000) } });
    const theirs = theirsOf({ '0': { ...BLANK, notes: 'b'.repeat(20_000) } });
    const { criteria } = compareCopies(framework, ours, theirs);
    const write = planCombine(
      framework,
      ours,
      criteria,
      new Map([[criteria[0]!.slot, 'both']]),
      SOURCE,
      TODAY,
    );
    const untouchable = {
      run: () => Promise.reject(new Error('Excel was asked to write')),
    } as unknown as ExcelGateway;
    const outcome = await applyPlanned(untouchable, write, {});
    expect(outcome).toMatchObject({ status: 'refused', reason: 'no-row' });
    expect(outcome.status === 'refused' && outcome.details).toEqual(write.problems);
    expect(write.problems[0]).toMatch(/the combined notes would be more than/);
  });
});
