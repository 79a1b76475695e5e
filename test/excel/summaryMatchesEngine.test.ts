/**
 * The sheet's formulas and the engine agree. For random assessments (ratings, blanks, not
 * applicable, near misses and invalid entries; thresholds 3 and 4 and many required shares), the
 * workbook is generated on the test platform, the ratings and settings are entered as an officer
 * would, HyperFormula computes the Summary, and every figure there must equal `score()` over the
 * same cells as the add-in reads them back.
 */
import fc from 'fast-check';
import { bundledFrameworks } from '../../src/domain/framework/bundled';
import type { Framework } from '../../src/domain/framework/types';
import type { CellValue, ScoringSettings } from '../../src/domain/responses';
import { score, type AssessmentResult } from '../../src/domain/scoring';
import { levelText, provisionalWord } from '../../src/domain/levelWords';
import { readAssessment } from '../../src/excel/readAssessment';
import type { XlCellValue } from '../../src/excel/api';
import { evidenceCompleteness } from '../../src/domain/evidence';
import { AREA_FIRST_DATA_ROW } from '../../src/workbook/layout';
import { areaCriteria, areaLayoutOf } from '../../src/workbook/sheets/area';
import { rect } from '../../src/workbook/address';
import type { BuiltPlan } from '../../src/workbook/buildPlan';
import { frameworkArb, ratingArb } from '../builders/arbitraries';
import { gateway, type FakeWorkbook } from '../platform/fake-excel';
import { generateInto } from './generateHelpers';

const settingsArb: fc.Arbitrary<ScoringSettings> = fc.record({
  metThreshold: fc.constantFrom(3, 4),
  // The share is a whole percentage (anything else shows "Check the Start sheet": see below).
  requiredShare: fc.oneof(
    fc.constantFrom(1, 0.8, 0.75, 0.7, 0.67, 0.57, 0.5, 0.28),
    fc.integer({ min: 1, max: 100 }).map((p) => p / 100),
  ),
});

/** What an officer types: a blank is typed as clearing the cell. */
const typed = (value: CellValue): XlCellValue =>
  value === null || value === undefined ? '' : value instanceof Date ? value.toISOString() : value;

/**
 * What an officer writes as evidence or difference made: nothing, spaces only (not recorded),
 * words, a tab (recorded: only spaces count as blank), a number, TRUE, and #N/A typed (an error
 * value in the sheet, recorded: the add-in reads it as text).
 */
const writtenArb = fc.constantFrom<CellValue>(
  null,
  '   ',
  'Policy agreed by the board',
  '\t',
  12,
  true,
  '#N/A',
);

/** One criterion's entries: its rating, evidence and difference made. */
interface Entry {
  readonly rating: CellValue;
  readonly evidence: CellValue;
  readonly difference: CellValue;
}

const entryArb: fc.Arbitrary<Entry> = fc.record({
  rating: ratingArb,
  evidence: writtenArb,
  difference: writtenArb,
});

async function enter(
  doc: FakeWorkbook,
  framework: Framework,
  built: BuiltPlan,
  entries: readonly Entry[],
  settings: ScoringSettings,
): Promise<void> {
  // Keyed by area and id: ids repeat across areas of a combined framework.
  const byCriterion = new Map(framework.criteria.map((c, i) => [c.key, entries[i]]));
  for (const area of framework.areas) {
    const criteria = areaCriteria(framework, area.number);
    const layout = areaLayoutOf(framework, area.number);
    for (const field of ['rating', 'evidence', 'difference'] as const) {
      const column = criteria.map((c) => [typed(byCriterion.get(c.key)?.[field] ?? null)]);
      await doc.simulateEdit(
        area.shortName,
        rect(AREA_FIRST_DATA_ROW, layout.column(field), criteria.length, 1),
        column,
      );
    }
  }
  await doc.simulateEdit('Start', built.start.metThreshold, [[settings.metThreshold]]);
  await doc.simulateEdit('Start', built.start.requiredShare, [[settings.requiredShare]]);
}

interface Figures {
  levelNo: XlCellValue;
  levelName: XlCellValue;
  provisional: XlCellValue;
  completeness: number;
  shares?: (number | '')[];
  evidence: number | '';
}

const rounded = (n: number) => Math.round(n * 1e9) / 1e9;

function sheetFigures(doc: FakeWorkbook, built: BuiltPlan): Figures[] {
  const v = (a: string) => doc.value('Summary', a);
  const figures = (a: {
    levelNo: string;
    levelName: string;
    provisional: string;
    completeness: string;
    evidence: string;
  }) => ({
    levelNo: v(a.levelNo),
    levelName: v(a.levelName),
    provisional: v(a.provisional),
    completeness: rounded(Number(v(a.completeness))),
    evidence: v(a.evidence) === '' ? ('' as const) : rounded(Number(v(a.evidence))),
  });
  return [
    ...built.summary.areas.map((a) => ({
      ...figures(a),
      shares: a.shares.map((s) => {
        const value = v(s);
        return value === '' ? ('' as const) : rounded(Number(value));
      }),
    })),
    figures(built.summary.overall),
  ];
}

function engineFigures(framework: Framework, result: AssessmentResult): Figures[] {
  const first = framework.levels[0]?.name ?? '';
  const evidence = evidenceCompleteness(result);
  const evidenceShare = (share: number | null | undefined) =>
    share === null || share === undefined ? ('' as const) : rounded(share);
  const areas = framework.areas.map((area): Figures => {
    const a = result.areas.find((r) => r.area === area.number);
    if (!a) throw new Error(`the engine has no result for area ${area.number}`);
    return {
      levelNo: a.assessed ? a.levelReached : '',
      levelName: levelText({ assessed: a.assessed, levelName: a.levelReachedName }, first),
      provisional: provisionalWord(a),
      completeness: rounded(a.completeness),
      shares: a.levels.map((l) => (l.shareMet === null ? '' : rounded(l.shareMet))),
      evidence: evidenceShare(evidence.areas.find((e) => e.area === area.number)?.share),
    };
  });
  const o = result.overall;
  return [
    ...areas,
    {
      levelNo: o.assessed ? o.level : '',
      levelName: levelText(o, first),
      provisional: provisionalWord(o),
      completeness: rounded(o.completeness),
      evidence: evidenceShare(evidence.overall.share),
    },
  ];
}

let assessmentsCompared = 0;

async function checkFramework(framework: Framework, runs: number, seed: number): Promise<void> {
  const { doc, built, outcome } = await generateInto(framework);
  expect(outcome.status).toBe('generated');
  const gw = gateway(doc);
  await fc.assert(
    fc.asyncProperty(
      fc.array(entryArb, { minLength: framework.criteria.length, maxLength: framework.criteria.length }),
      settingsArb,
      async (entries, settings) => {
        await enter(doc, framework, built, entries, settings);
        const read = await readAssessment(gw, framework);
        expect(read.problems).toEqual([]);
        // The engine scores what the cells hold: the test engine, like Excel, keeps fewer digits of a typed share than a double has.
        const held = read.settings;
        if (held === null) throw new Error('the settings entered could not be read back');
        expect(held.metThreshold).toBe(settings.metThreshold);
        expect(held.requiredShare).toBeCloseTo(settings.requiredShare, 9);
        expect(read.responses).toHaveLength(framework.criteria.length);
        const result = score(framework, read.responses, held);
        expect(sheetFigures(doc, built)).toEqual(engineFigures(framework, result));
        assessmentsCompared += 1;
      },
    ),
    { numRuns: runs, seed },
  );
}

describe('the Summary formulas equal the engine', () => {
  it('for 200 random assessments of the 2009 draft', async () => {
    await checkFramework(bundledFrameworks.draft2009, 200, 2009);
  }, 120_000);

  it('for 100 random assessments of the Leadership revision', async () => {
    await checkFramework(bundledFrameworks.leadershipRevision, 100, 2010);
  }, 60_000);

  it('for 12 random assessments of each of 20 random frameworks (1-4 areas, 1-3 levels, empty levels)', async () => {
    // An area with no criteria cannot be generated (buildPlan says so); every other shape can.
    const generatable = frameworkArb.filter((f) =>
      f.areas.every((a) => f.criteria.some((c) => c.area === a.number)),
    );
    const frameworks = fc.sample(generatable, { numRuns: 20, seed: 42 });
    for (const [i, framework] of frameworks.entries()) await checkFramework(framework, 12, 100 + i);
  }, 120_000);

  afterAll(() => {
    // The issue asks for at least 500; the count is of assessments actually compared.
    expect(assessmentsCompared).toBeGreaterThanOrEqual(540);
  });
});
