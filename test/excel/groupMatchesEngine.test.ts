/**
 * The Group comparison's formulas and the engine agree. For random groups of filled assessments
 * (ratings, blanks, not applicable and unrecognised entries; each organisation with its own
 * threshold and required share), the comparison plan is loaded into HyperFormula as it is written,
 * and for every organisation the level number and words of every area and overall, the share met
 * at each level and the completeness must equal `score()` of its responses.
 */
import fc from 'fast-check';
import { bundledFrameworks } from '../../src/domain/framework/bundled';
import type { Framework } from '../../src/domain/framework/types';
import type { CellValue, ScoringSettings } from '../../src/domain/responses';
import { levelText } from '../../src/domain/levelWords';
import { score, shownShare } from '../../src/domain/scoring';
import { cell } from '../../src/workbook/address';
import { prepareGroup, type GroupFile } from '../../src/workbook/group/groupInput';
import { GROUP_SHEET } from '../../src/workbook/group/groupLayout';
import { buildGroupPlan } from '../../src/workbook/group/groupPlan';
import { frameworkArb, ratingArb, rowsOf } from '../builders/arbitraries';
import { planEngine } from './planEngine';

const TODAY = { year: 2026, month: 12, day: 3 };

const settingsArb: fc.Arbitrary<ScoringSettings> = fc.record({
  metThreshold: fc.constantFrom(3, 4),
  requiredShare: fc.oneof(
    fc.constantFrom(1, 0.8, 0.67, 0.5, 0.28),
    fc.integer({ min: 1, max: 100 }).map((p) => p / 100),
  ),
});

/** Mostly answered well, so levels spread; with the messy values an officer leaves. */
const entryArb: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom<CellValue>(3, 4) },
  { weight: 3, arbitrary: ratingArb },
  { weight: 1, arbitrary: fc.constantFrom<CellValue>('4', '=1+3', true, 'Not applicable', 0) },
);

interface Member {
  readonly ratings: readonly CellValue[];
  readonly settings: ScoringSettings;
}

const groupArb = (framework: Framework): fc.Arbitrary<Member[]> =>
  fc.array(
    fc.record({
      ratings: fc.array(entryArb, {
        minLength: framework.criteria.length,
        maxLength: framework.criteria.length,
      }),
      settings: settingsArb,
    }),
    { minLength: 2, maxLength: 4 },
  );

function fileOf(framework: Framework, m: Member, i: number): GroupFile {
  return {
    fileName: `org-${i + 1}.xlsx`,
    framework,
    organisation: `Organisation ${i + 1}`,
    period: '2026/27',
    responses: rowsOf(framework, m.ratings),
    settings: m.settings,
    problems: [],
    missingSheets: [],
  };
}

let organisations = 0;

function checkGroup(framework: Framework, members: readonly Member[]): void {
  const group = prepareGroup(
    members.map((m, i) => fileOf(framework, m, i)),
    [],
  );
  if (group.status !== 'prepared') throw new Error(group.message);
  const { plan, layout } = buildGroupPlan(group, TODAY);
  const engine = planEngine(plan);
  try {
    const v = (row: number, column: number) => engine.value(GROUP_SHEET, cell(row, column));
    const first = [...framework.levels].sort((a, b) => a.number - b.number)[0]?.name ?? '';
    for (const m of group.members) {
      const result = score(framework, m.responses, m.settings);
      const row = layout.memberRow(m.number);
      const shareRow = layout.shares.first + m.number - 1;
      const got = {
        areas: result.areas.map((_, i) => ({
          no: v(row, layout.work.levelNo(i)),
          words: v(row, layout.table.area(i)),
        })),
        overall: { no: v(row, layout.work.overallNo), words: v(row, layout.table.overall) },
        shares: framework.levels.map((_, l) => v(shareRow, layout.shareColumn(l))),
        completeness: v(shareRow, layout.completenessColumn),
      };
      const want = {
        areas: result.areas.map((a) => ({
          no: a.assessed ? a.levelReached : '',
          words: levelText({ assessed: a.assessed, levelName: a.levelReachedName }, first),
        })),
        overall: {
          no: result.overall.assessed ? result.overall.level : '',
          words: levelText(result.overall, first),
        },
        shares: [...framework.levels]
          .sort((a, b) => a.number - b.number)
          .map((_, l) => {
            const applicable = result.areas.reduce((n, a) => n + (a.levels[l]?.applicable ?? 0), 0);
            const met = result.areas.reduce((n, a) => n + (a.levels[l]?.met ?? 0), 0);
            return applicable === 0 ? '' : shownShare(met, applicable);
          }),
        completeness: result.overall.completeness,
      };
      expect({ organisation: m.organisation, ...got }).toEqual({ organisation: m.organisation, ...want });
      organisations += 1;
    }
  } finally {
    engine.destroy();
  }
}

describe('the Group comparison formulas equal the engine', () => {
  it('for 6 random groups of the 2009 draft', () => {
    fc.assert(
      fc.property(groupArb(bundledFrameworks.draft2009), (members) =>
        checkGroup(bundledFrameworks.draft2009, members),
      ),
      { numRuns: 6, seed: 2023 },
    );
  }, 300_000);

  it('for random groups of 12 random frameworks (1-4 areas, 1-3 levels, empty levels)', () => {
    const frameworks = fc.sample(frameworkArb, { numRuns: 12, seed: 23 });
    for (const [i, framework] of frameworks.entries()) {
      fc.assert(
        fc.property(groupArb(framework), (members) => checkGroup(framework, members)),
        { numRuns: 3, seed: 230 + i },
      );
    }
  }, 300_000);

  afterAll(() => {
    expect(organisations).toBeGreaterThanOrEqual(2 * (6 + 12 * 3));
  });
});
