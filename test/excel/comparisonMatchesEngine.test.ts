/**
 * The Period comparison sheet's formulas and the engine agree. For random assessments, a snapshot
 * of each is kept on the Saved responses sheet (statuses judged with the threshold of its day),
 * the ratings are changed at random, and the comparison is written by the add-in: HyperFormula
 * computes the level of every area and of the organisation, earlier and later, and each must equal
 * the engine's comparison of the same two periods (`comparePeriods`). Then the officer swaps the
 * labels, or corrects a snapshot's label on the Saved responses sheet and types it in: the
 * formulas follow, still equal to the engine.
 */
import fc from 'fast-check';
import { bundledFrameworks } from '../../src/domain/framework/bundled';
import type { Framework } from '../../src/domain/framework/types';
import type { CalendarDate } from '../../src/domain/dates';
import type { CellValue, ScoringSettings } from '../../src/domain/responses';
import { levelText } from '../../src/domain/levelWords';
import { score } from '../../src/domain/scoring';
import { comparePeriods, type LevelThen, type PeriodComparison } from '../../src/domain/report/periodCompare';
import { loadSheetNames } from '../../src/excel/inspect';
import { queueSavedLoad, queueSavedWrite } from '../../src/excel/savedResponsesWrite';
import { comparePeriodsInWorkbook, readSnapshotChoices } from '../../src/excel/comparePeriods';
import { readAssessment } from '../../src/excel/readAssessment';
import { regenerateAssessment } from '../../src/excel/regenerate';
import { rect } from '../../src/workbook/address';
import type { BuiltPlan } from '../../src/workbook/buildPlan';
import { AREA_FIRST_DATA_ROW } from '../../src/workbook/layout';
import { areaCriteria, areaLayoutOf } from '../../src/workbook/sheets/area';
import {
  comparisonLayoutOf,
  type ComparisonLayout,
  type Side,
} from '../../src/workbook/sheets/comparisonLayout';
import { COMPARISON_SHEET, NOW_LABEL } from '../../src/workbook/sheets/periodComparison';
import {
  SAVED_FIRST_ROW,
  SAVED_RESPONSES_SHEET,
  savedColumn,
  savedSnapshotOf,
  type SavedSnapshot,
} from '../../src/workbook/sheets/savedResponses';
import { savedPeriod, snapshotChoices } from '../../src/workbook/comparison';
import { bundledMappings } from '../../src/taskpane/bundledMappings';
import { frameworkArb, ratingArb } from '../builders/arbitraries';
import { gateway, type FakeWorkbook } from '../platform/fake-excel';
import { generateInto } from './generateHelpers';

const DAY_1: CalendarDate = { year: 2025, month: 11, day: 20 };
const DAY_2: CalendarDate = { year: 2026, month: 11, day: 26 };
const TODAY: CalendarDate = { year: 2026, month: 12, day: 3 };

const settingsArb: fc.Arbitrary<ScoringSettings> = fc.record({
  metThreshold: fc.constantFrom(3, 4),
  requiredShare: fc.oneof(
    fc.constantFrom(1, 0.8, 0.67, 0.5, 0.28),
    fc.integer({ min: 1, max: 100 }).map((p) => p / 100),
  ),
});

const typed = (value: CellValue) =>
  value === null || value === undefined ? '' : (value as string | number | boolean);

async function enterRatings(
  doc: FakeWorkbook,
  framework: Framework,
  ratings: readonly CellValue[],
): Promise<void> {
  const byKey = new Map(framework.criteria.map((c, i) => [c.key, ratings[i] ?? null]));
  for (const area of framework.areas) {
    const criteria = areaCriteria(framework, area.number);
    await doc.simulateEdit(
      area.shortName,
      rect(AREA_FIRST_DATA_ROW, areaLayoutOf(framework, area.number).column('rating'), criteria.length, 1),
      criteria.map((c) => [typed(byKey.get(c.key))]),
    );
  }
}

async function enterSettings(doc: FakeWorkbook, built: BuiltPlan, settings: ScoringSettings): Promise<void> {
  await doc.simulateEdit('Start', built.start.metThreshold, [[settings.metThreshold]]);
  await doc.simulateEdit('Start', built.start.requiredShare, [[settings.requiredShare]]);
}

/** What "Save snapshot" keeps: every response as read, with the engine's statuses of the day. */
async function snapshotNow(
  doc: FakeWorkbook,
  framework: Framework,
  date: CalendarDate,
): Promise<SavedSnapshot> {
  const read = await readAssessment(gateway(doc), framework);
  if (read.settings === null) throw new Error(`the settings could not be read: ${read.problems.join('; ')}`);
  return savedSnapshotOf(
    framework,
    read.responses,
    score(framework, read.responses, read.settings),
    'Snapshot',
    date,
  );
}

/** The Saved responses sheet holding `snapshots`, written as the add-in writes it: in place once there. */
async function writeSaved(doc: FakeWorkbook, snapshots: readonly SavedSnapshot[]): Promise<void> {
  await gateway(doc).run(async (ctx) => {
    const names = loadSheetNames(ctx);
    await ctx.sync();
    const loaded = queueSavedLoad(ctx, names());
    await ctx.sync();
    queueSavedWrite(ctx, loaded(), snapshots, { organisation: 'Riverside Homes', period: '2026/27' });
    await ctx.sync();
  });
}

/**
 * The formulas cover the saved rows and, by default, a thousand spare rows after them; the
 * random cases cover a few (each row is a key formula the test engine computes), the examples
 * below the default.
 */
const context = (framework: Framework, spareRows?: number) => ({
  framework,
  frameworks: Object.values(bundledFrameworks),
  mappings: bundledMappings,
  today: TODAY,
  ...(spareRows !== undefined ? { spareRows } : {}),
});

interface Shown {
  readonly levelNo: unknown;
  readonly levelName: unknown;
}

function sheetLevels(
  doc: FakeWorkbook,
  layout: ComparisonLayout,
): Record<Side, Shown[]> & { change: unknown[] } {
  const v = (a: string) => doc.value(COMPARISON_SHEET, a);
  const rows = [...layout.areas, layout.overall];
  const side = (s: Side) => rows.map((r) => ({ levelNo: v(r.levelNo[s]), levelName: v(r.levelName[s]) }));
  return { then: side('then'), now: side('now'), change: rows.map((r) => v(r.change)) };
}

function engineLevels(
  framework: Framework,
  c: PeriodComparison,
): Record<Side, Shown[]> & { change: unknown[] } {
  const first = framework.levels[0]?.name ?? '';
  const shown = (l: LevelThen | null): Shown => ({
    levelNo: l?.assessed ? l.level : '',
    levelName: l ? levelText({ assessed: l.assessed, levelName: l.levelName }, first) : '',
  });
  return {
    then: [...c.areas.map((a) => shown(a.then)), shown(c.overall.then)],
    now: [...c.areas.map((a) => shown(a.now)), shown(c.overall.now)],
    change: [...c.areas.map((a) => a.change ?? ''), c.overall.change ?? ''],
  };
}

let compared = 0;

async function checkFramework(framework: Framework, runs: number, seed: number): Promise<void> {
  const { doc, built, outcome } = await generateInto(framework);
  expect(outcome.status).toBe('generated');
  const gw = gateway(doc);
  const layout = comparisonLayoutOf(
    framework.areas.map((a) => a.number),
    framework.levels.length,
  );
  const n = framework.criteria.length;
  const ratingsArb = fc.array(ratingArb, { minLength: n, maxLength: n });
  await fc.assert(
    fc.asyncProperty(ratingsArb, ratingsArb, settingsArb, settingsArb, async (before, after, then, now) => {
      await enterSettings(doc, built, then);
      await enterRatings(doc, framework, before);
      const first = await snapshotNow(doc, framework, DAY_1);
      await writeSaved(doc, [first]);
      // Later: other ratings, and perhaps another threshold and share.
      await enterSettings(doc, built, now);
      await enterRatings(doc, framework, after);

      const live = await comparePeriodsInWorkbook(
        gw,
        { then: first.label, now: NOW_LABEL },
        context(framework, 5),
      );
      if (live.status !== 'compared') throw new Error(`${live.message} ${live.details.join('; ')}`);
      expect(sheetLevels(doc, layout)).toEqual(engineLevels(framework, live.comparison));

      const second = await snapshotNow(doc, framework, DAY_2);
      await writeSaved(doc, [first, second]);
      const saved = await comparePeriodsInWorkbook(
        gw,
        { then: first.label, now: second.label },
        context(framework, 5),
      );
      if (saved.status !== 'compared') throw new Error(`${saved.message} ${saved.details.join('; ')}`);
      expect(sheetLevels(doc, layout)).toEqual(engineLevels(framework, saved.comparison));
      // The live comparison and the one with today's snapshot give the same levels now.
      expect(saved.comparison.areas.map((a) => a.now)).toEqual(live.comparison.areas.map((a) => a.now));

      // The officer swaps the two labels: the formulas follow, and equal the engine's swapped comparison.
      await doc.simulateEdit(COMPARISON_SHEET, layout.label.then, [[second.label]]);
      await doc.simulateEdit(COMPARISON_SHEET, layout.label.now, [[first.label]]);
      const swapped = engineSwapped(framework, [second, first], now);
      expect(sheetLevels(doc, layout)).toEqual(engineLevels(framework, swapped));
      compared += 3;
    }),
    { numRuns: runs, seed },
  );
}

/** The engine's comparison of two saved snapshots, each counted by its recorded statuses. */
function engineSwapped(
  framework: Framework,
  [a, b]: readonly SavedSnapshot[],
  settings: ScoringSettings,
): PeriodComparison {
  const outcome = comparePeriods(
    savedPeriod(a!, framework, settings),
    savedPeriod(b!, framework, settings),
    [],
  );
  if (outcome.status === 'refused') throw new Error(outcome.message);
  return outcome;
}

describe('the Period comparison formulas equal the engine', () => {
  it('for 3 random pairs of assessments of the 2009 draft', async () => {
    await checkFramework(bundledFrameworks.draft2009, 3, 2409);
  }, 300_000);

  it('for 3 random pairs of each of 10 random frameworks (1-4 areas, 1-3 levels, empty levels)', async () => {
    const generatable = frameworkArb.filter((f) =>
      f.areas.every((a) => f.criteria.some((c) => c.area === a.number)),
    );
    const frameworks = fc.sample(generatable, { numRuns: 10, seed: 24 });
    for (const [i, framework] of frameworks.entries()) await checkFramework(framework, 3, 240 + i);
  }, 300_000);

  afterAll(() => {
    expect(compared).toBeGreaterThanOrEqual(3 * (3 + 10 * 3));
  });
});

describe('the comparison sheet', () => {
  it('follows a snapshot label the officer corrects on the Saved responses sheet and types in', async () => {
    const framework = bundledFrameworks.draft2009;
    const { doc, built } = await generateInto(framework);
    const gw = gateway(doc);
    const layout = comparisonLayoutOf(
      framework.areas.map((a) => a.number),
      framework.levels.length,
    );
    await enterSettings(doc, built, { metThreshold: 3, requiredShare: 0.5 });
    await enterRatings(
      doc,
      framework,
      framework.criteria.map(() => 2),
    );
    const first = await snapshotNow(doc, framework, DAY_1);
    await writeSaved(doc, [first]);
    await enterRatings(
      doc,
      framework,
      framework.criteria.map(() => 4),
    );
    const outcome = await comparePeriodsInWorkbook(
      gw,
      { then: first.label, now: NOW_LABEL },
      context(framework),
    );
    if (outcome.status !== 'compared') throw new Error(outcome.message);
    const before = sheetLevels(doc, layout);
    expect(before.then.every((s) => s.levelNo === 0)).toBe(true);
    expect(before.now.every((s) => s.levelNo === 3)).toBe(true);
    expect(before.change.every((c) => c === 3)).toBe(true);

    // Relabelled on the Saved responses sheet: the comparison finds nothing under the old label...
    const rows = first.criteria.length;
    await doc.simulateEdit(
      SAVED_RESPONSES_SHEET,
      rect(SAVED_FIRST_ROW, savedColumn('snapshot'), rows, 1),
      Array.from({ length: rows }, () => ['Board, November 2025']),
    );
    expect(doc.value(COMPARISON_SHEET, layout.found.then)).toBe(0);
    expect(sheetLevels(doc, layout).then.every((s) => s.levelName === '')).toBe(true);
    // ...until the new label is typed in, and the pane offers it too.
    await doc.simulateEdit(COMPARISON_SHEET, layout.label.then, [['Board, November 2025']]);
    expect(sheetLevels(doc, layout)).toEqual(before);
    const choices = await readSnapshotChoices(gw);
    expect(choices.snapshots.map((s) => s.label)).toEqual(['Board, November 2025']);
    // A label typed in another case is another label, as the add-in reads it.
    await doc.simulateEdit(COMPARISON_SHEET, layout.label.then, [['board, november 2025']]);
    expect(doc.value(COMPARISON_SHEET, layout.found.then)).toBe(0);
  }, 120_000);

  it('goes when the workbook is regenerated (its formulas read the sheets replaced) and comes back the same', async () => {
    const framework = bundledFrameworks.draft2009;
    const { doc, built } = await generateInto(framework);
    const gw = gateway(doc);
    const layout = comparisonLayoutOf(
      framework.areas.map((a) => a.number),
      framework.levels.length,
    );
    await enterSettings(doc, built, { metThreshold: 3, requiredShare: 0.5 });
    await enterRatings(
      doc,
      framework,
      framework.criteria.map((_, i) => (i % 3 === 0 ? 2 : 4)),
    );
    const first = await snapshotNow(doc, framework, DAY_1);
    await writeSaved(doc, [first]);
    const choice = { then: first.label, now: NOW_LABEL };
    expect((await comparePeriodsInWorkbook(gw, choice, context(framework, 5))).status).toBe('compared');
    const before = sheetLevels(doc, layout);
    const regenerated = await regenerateAssessment(gw, { frameworks: [framework], target: framework });
    expect(regenerated.status).toBe('regenerated');
    expect(doc.sheetNames()).not.toContain(COMPARISON_SHEET);
    expect(doc.sheetNames()).toContain(SAVED_RESPONSES_SHEET);
    expect((await comparePeriodsInWorkbook(gw, choice, context(framework, 5))).status).toBe('compared');
    expect(sheetLevels(doc, layout)).toEqual(before);
  }, 120_000);

  it('is refused, naming the label, when no snapshot or two snapshots carry it', async () => {
    const framework = bundledFrameworks.draft2009;
    const { doc, built } = await generateInto(framework);
    await enterSettings(doc, built, { metThreshold: 3, requiredShare: 1 });
    const first = await snapshotNow(doc, framework, DAY_1);
    const twin = { ...(await snapshotNow(doc, framework, DAY_2)), label: first.label };
    await writeSaved(doc, [first, twin]);
    const gw = gateway(doc);
    const missing = await comparePeriodsInWorkbook(
      gw,
      { then: '2024-01-01', now: NOW_LABEL },
      context(framework),
    );
    expect(missing).toMatchObject({
      status: 'refused',
      details: ['No snapshot on the Saved responses sheet is labelled "2024-01-01".'],
    });
    const twice = await comparePeriodsInWorkbook(
      gw,
      { then: first.label, now: NOW_LABEL },
      context(framework),
    );
    expect(twice.status).toBe('refused');
    if (twice.status === 'refused')
      expect(twice.details[0]).toMatch(/^2 snapshots .* labelled "2025-11-20"; correct one/);
    expect(snapshotChoices(null)).toEqual({ snapshots: [], problems: [] });
  }, 120_000);
});
