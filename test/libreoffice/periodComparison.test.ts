/**
 * The Period comparison sheet written into the .xlsx file with the Saved responses sheet it reads,
 * recalculated by LibreOffice: the level of every area and of the organisation, earlier and later,
 * and the change, must equal the engine's comparison of the two periods. The earlier snapshot's
 * statuses are judged with the threshold of its day; the later side is either a second snapshot
 * or the area sheets as they are ("This workbook now", read through the Summary).
 *
 * All files go through one soffice process. Without LibreOffice this test fails and says how to
 * install it: it never passes by skipping.
 */
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledFrameworks } from '../../src/domain/framework/bundled';
import type { Framework } from '../../src/domain/framework/types';
import type { CellValue, ScoringSettings } from '../../src/domain/responses';
import type { CalendarDate } from '../../src/domain/dates';
import { levelText } from '../../src/domain/levelWords';
import { score } from '../../src/domain/scoring';
import type { LevelThen, PeriodComparison } from '../../src/domain/report/periodCompare';
import { buildPlan } from '../../src/workbook/buildPlan';
import { prepareComparison } from '../../src/workbook/comparison';
import type { WorkbookPlan } from '../../src/workbook/plan';
import type { ComparisonLayout, Side } from '../../src/workbook/sheets/comparisonLayout';
import { COMPARISON_SHEET, NOW_LABEL } from '../../src/workbook/sheets/periodComparison';
import {
  buildSavedResponsesSheet,
  savedSnapshotOf,
  type SavedSnapshot,
} from '../../src/workbook/sheets/savedResponses';
import { writeWorkbookFile } from '../../src/xlsx';
import { bundledMappings } from '../../src/taskpane/bundledMappings';
import { frameworkArb, ratingArb, rowsOf } from '../builders/arbitraries';
import { rangeOfPlan } from '../workbook/planRange';
import { withRatings } from '../xlsx/fillRatings';
import { readXlsx, type XlsxFile } from '../xlsx/readXlsx';
import { convertAll } from './soffice';

jest.setTimeout(600_000);

const DRAFT_CASES = 12;
const RANDOM_FRAMEWORK_CASES = 8;
const DAY_1: CalendarDate = { year: 2025, month: 11, day: 20 };
const DAY_2: CalendarDate = { year: 2026, month: 11, day: 26 };

const settingsArb: fc.Arbitrary<ScoringSettings> = fc.record({
  metThreshold: fc.constantFrom(3, 4),
  requiredShare: fc.constantFrom(1, 0.8, 0.67, 0.57, 0.5),
});

/** Mostly good answers, so the levels spread from "not yet" to the top. */
const strongArb: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom<CellValue>(3, 4) },
  { weight: 2, arbitrary: ratingArb },
);

interface Case {
  readonly framework: Framework;
  readonly before: readonly CellValue[];
  readonly after: readonly CellValue[];
  readonly then: ScoringSettings;
  readonly now: ScoringSettings;
  /** Later side: the area sheets as they are, or a second snapshot. */
  readonly live: boolean;
}

const caseArb = (frameworks: fc.Arbitrary<Framework>): fc.Arbitrary<Case> =>
  frameworks.chain((framework) => {
    const ratings = fc.array(fc.oneof(ratingArb, strongArb), {
      minLength: framework.criteria.length,
      maxLength: framework.criteria.length,
    });
    return fc.record({
      framework: fc.constant(framework),
      before: ratings,
      after: ratings,
      then: settingsArb,
      now: settingsArb,
      live: fc.boolean(),
    });
  });

const assessableFrameworkArb = frameworkArb.filter((f) =>
  f.areas.every((a) => f.criteria.some((c) => c.area === a.number)),
);

const cases: Case[] = [
  ...fc.sample(caseArb(fc.constant(bundledFrameworks.draft2009)), { numRuns: DRAFT_CASES, seed: 20261203 }),
  ...fc.sample(caseArb(assessableFrameworkArb), { numRuns: RANDOM_FRAMEWORK_CASES, seed: 20261204 }),
];

function snapshotOf(
  framework: Framework,
  ratings: readonly CellValue[],
  settings: ScoringSettings,
  date: CalendarDate,
): SavedSnapshot {
  const rows = rowsOf(framework, ratings);
  return savedSnapshotOf(framework, rows, score(framework, rows, settings), 'Snapshot', date);
}

/** The whole workbook: the assessment with the later ratings, the snapshots, and the comparison. */
function fileOf(c: Case): { plan: WorkbookPlan; comparison: PeriodComparison; layout: ComparisonLayout } {
  const { framework } = c;
  const built = buildPlan(framework, { organisation: 'Riverside Homes', period: '2026/27', ...c.now });
  const first = snapshotOf(framework, c.before, c.then, DAY_1);
  const second = snapshotOf(framework, c.after, c.now, DAY_2);
  const saved = buildSavedResponsesSheet([first, second]);
  const decision = prepareComparison(
    { responses: rowsOf(framework, c.after), settings: c.now, problems: [], saved: rangeOfPlan(saved) },
    { then: first.label, now: c.live ? NOW_LABEL : second.label },
    { framework, frameworks: [], mappings: bundledMappings, today: DAY_2 },
  );
  if (decision.status !== 'prepared') throw new Error(`${decision.message} ${decision.details.join('; ')}`);
  const ratings = new Map(framework.criteria.map((criterion, i) => [criterion.id, c.after[i] ?? null]));
  const filled = withRatings(built.plan, framework, ratings);
  return {
    plan: {
      ...filled,
      sheets: [...filled.sheets, saved, decision.sheet],
      charts: [...filled.charts, decision.chart],
    },
    comparison: decision.comparison,
    layout: decision.layout,
  };
}

interface Checked {
  readonly c: Case;
  readonly comparison: PeriodComparison;
  readonly layout: ComparisonLayout;
  readonly file: XlsxFile;
}

let checked: Checked[] = [];
let seconds = 0;
const folder = mkdtempSync(join(tmpdir(), 'eq-xlsx-comparison-'));

beforeAll(async () => {
  const prepared = await Promise.all(
    cases.map(async (c, i) => {
      const { plan, comparison, layout } = fileOf(c);
      const path = join(folder, `case-${String(i).padStart(3, '0')}.xlsx`);
      writeFileSync(path, await writeWorkbookFile(plan));
      return { c, comparison, layout, path };
    }),
  );
  const started = Date.now();
  const outputs = convertAll(
    prepared.map((p) => p.path),
    join(folder, 'recalculated'),
    'xlsx',
    'xlsx',
  );
  seconds = (Date.now() - started) / 1000;
  checked = prepared.map((p, i) => ({ ...p, file: readXlsx(readFileSync(outputs[i] ?? '')) }));
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('the Period comparison recalculated by LibreOffice', () => {
  it(`covers ${DRAFT_CASES + RANDOM_FRAMEWORK_CASES} pairs of periods, both kinds of later side, and a spread of levels and changes`, () => {
    expect(checked).toHaveLength(DRAFT_CASES + RANDOM_FRAMEWORK_CASES);
    expect(new Set(cases.map((c) => c.live))).toEqual(new Set([true, false]));
    const levels = new Set(
      checked.flatMap(({ comparison }) => comparison.areas.flatMap((a) => [a.then?.level, a.now.level])),
    );
    expect([...levels].sort()).toEqual([0, 1, 2, 3]);
    const changes = checked.flatMap(({ comparison }) => comparison.areas.map((a) => a.change ?? 0));
    expect(changes.some((x) => x > 0) && changes.some((x) => x < 0)).toBe(true);
    process.stdout.write(
      `LibreOffice recalculated ${checked.length} comparison files in ${seconds.toFixed(1)} s\n`,
    );
  });

  it('finds every level, earlier and later, and every change equal to the engine', () => {
    const mismatches: string[] = [];
    checked.forEach(({ c, comparison, layout, file }, i) => {
      const cells = file.cells(COMPARISON_SHEET);
      const value = (address: string) => cells.get(address)?.value ?? '';
      const first = [...c.framework.levels].sort((a, b) => a.number - b.number)[0]?.name ?? '';
      const same = (what: string, address: string, want: unknown) => {
        const got = value(address);
        if (got !== want)
          mismatches.push(
            `case ${i}, ${what} (${address}): file ${JSON.stringify(got)}, engine ${JSON.stringify(want)}`,
          );
      };
      const check = (
        what: string,
        at: { levelNo: Record<Side, string>; levelName: Record<Side, string>; change: string },
        then: LevelThen | null,
        now: LevelThen,
        change: number | null,
      ) => {
        for (const [side, l] of [
          ['then', then],
          ['now', now],
        ] as const) {
          same(`${what} ${side} level number`, at.levelNo[side], l?.assessed ? l.level : '');
          same(
            `${what} ${side} level`,
            at.levelName[side],
            l ? levelText({ assessed: l.assessed, levelName: l.levelName }, first) : '',
          );
        }
        same(`${what} change`, at.change, change ?? '');
      };
      layout.areas.forEach((at, j) => {
        const area = comparison.areas[j];
        if (!area || area.area !== at.area)
          throw new Error(`case ${i}: no engine result for area ${at.area}`);
        check(`area ${at.area}`, at, area.then, area.now, area.change);
      });
      check(
        'organisation',
        layout.overall,
        comparison.overall.then,
        comparison.overall.now,
        comparison.overall.change,
      );
    });
    expect(mismatches).toEqual([]);
  });

  it('finds the later side of "This workbook now" equal to the engine scoring the area sheets', () => {
    const live = checked.filter(({ c }) => c.live);
    expect(live.length).toBeGreaterThan(0);
    for (const { c, comparison } of live) {
      const result = score(c.framework, rowsOf(c.framework, c.after), c.now);
      expect(comparison.areas.map((a) => a.now.level)).toEqual(result.areas.map((a) => a.levelReached));
    }
  });
});
