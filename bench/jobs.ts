/**
 * The Excel jobs the benchmark measures on the test platform, each done the add-in's way and, for
 * comparison, the naive way (one sync per criterion row), with the same result in the workbook.
 */
import type { Framework } from '../src/domain/framework/types';
import type { ExcelGateway } from '../src/excel/api';
import { refreshBoard } from '../src/excel/boardRefresh';
import { checkWorkbook } from '../src/excel/checkWorkbook';
import { generateAssessment } from '../src/excel/generate';
import { startLiveChecks } from '../src/excel/liveChecks';
import { blockFormulas } from '../src/excel/planCells';
import { regenerateAssessment } from '../src/excel/regenerate';
import { startNextPeriod } from '../src/taskpane/nextPeriod/nextPeriodModule';
import { buildPlan, type BuiltPlan } from '../src/workbook/buildPlan';
import { withResponses } from '../src/workbook/filledPlan';
import { CARRYABLE_FIELDS } from '../src/workbook/rollForward';
import { AREA_FIRST_DATA_ROW, areaColumn } from '../src/workbook/layout';
import { columnLetter, parseRange, rect } from '../src/workbook/address';
import { FakeWorkbook, gateway } from '../test/platform/fake-excel';

export const SETTINGS = { organisation: 'Bench Homes', period: '2026/27', metThreshold: 3, requiredShare: 1 };
const TODAY = new Date(2026, 10, 23);

export interface Measure {
  readonly syncs: number;
  readonly largestBatchBytes: number;
  readonly ms: number;
}

/** Runs `job` against `doc` and measures the syncs, the largest request and the wall time. */
export async function measure(doc: FakeWorkbook, job: () => Promise<unknown>): Promise<Measure> {
  const syncs = doc.syncCount;
  const batches = doc.batches.length;
  const start = performance.now();
  await job();
  await doc.eventsSettled();
  const ms = performance.now() - start;
  return {
    syncs: doc.syncCount - syncs,
    largestBatchBytes: doc.batches.slice(batches).reduce((max, b) => Math.max(max, b.bytes), 0),
    ms,
  };
}

export interface Workbook {
  readonly doc: FakeWorkbook;
  readonly gw: ExcelGateway;
  readonly built: BuiltPlan;
}

export function emptyWorkbook(framework: Framework): Workbook {
  const doc = new FakeWorkbook();
  return { doc, gw: gateway(doc), built: buildPlan(framework, SETTINGS) };
}

export async function generatedWorkbook(framework: Framework): Promise<Workbook> {
  const wb = emptyWorkbook(framework);
  const outcome = await generateAssessment(wb.gw, wb.built.plan);
  if (outcome.status !== 'generated') throw new Error(`could not generate: ${outcome.message}`);
  await wb.doc.eventsSettled();
  return wb;
}

export const generate = (wb: Workbook) => () => generateAssessment(wb.gw, wb.built.plan);

/** Generation one sync per row: every sheet added, then each row of each block written and synced. */
export const generateNaively = (wb: Workbook) => async () => {
  for (const sheet of wb.built.plan.sheets) {
    await wb.gw.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.add(sheet.name);
      await ctx.sync();
      for (const block of sheet.blocks) {
        const { row, column } = parseRange(block.at);
        const rows = blockFormulas(block);
        for (const [i, line] of rows.entries()) {
          ws.getRange(rect(row + i, column, 1, line.length)).formulas = [line];
          await ctx.sync();
        }
      }
    });
  }
};

export const fullCheck = (wb: Workbook, framework: Framework) => () =>
  checkWorkbook(wb.gw, framework, wb.built, { today: TODAY });

/** Reads each criterion row of the given areas in a sync of its own: the naive way to read. */
async function readRowByRow(wb: Workbook, framework: Framework, areas: readonly number[]): Promise<void> {
  await wb.gw.run(async (ctx) => {
    for (const area of framework.areas.filter((a) => areas.includes(a.number))) {
      const count = framework.criteria.filter((c) => c.area === area.number).length;
      for (let i = 0; i < count; i++) {
        ctx.workbook.worksheets
          .getItem(area.shortName)
          .getRange(rect(AREA_FIRST_DATA_ROW + i, 1, 1, areaColumn('notes')))
          .load('values');
        await ctx.sync();
      }
    }
  });
}

/** Checking one sync per criterion row: each row of each area sheet read on its own. */
export const fullCheckNaively = (wb: Workbook, framework: Framework) => () =>
  readRowByRow(
    wb,
    framework,
    framework.areas.map((a) => a.number),
  );

/**
 * A live check of one typed cell: the measured part starts at the edit and ends when the check
 * of it has been reported (the full check that starts live checking is not counted).
 */
export async function liveCheckOfOneCell(
  framework: Framework,
  latencyMs: number,
): Promise<{ ours: Measure; naive: Measure }> {
  const wb = await generatedWorkbook(framework);
  const live = await startLiveChecks(wb.gw, framework, wb.built, {
    today: () => TODAY,
    onUpdate: () => undefined,
    onError: (e) => {
      throw e;
    },
  });
  const area = framework.areas[0];
  if (!area) throw new Error('the framework has no area');
  const cellAddress = `${columnLetter(areaColumn('rating'))}${AREA_FIRST_DATA_ROW}`;
  wb.doc.latencyMs = latencyMs;
  const ours = await measure(wb.doc, async () => {
    await wb.doc.simulateEdit(area.shortName, cellAddress, [[4]]);
    await live.settled();
  });
  wb.doc.latencyMs = 0;
  await live.stop();
  // Naive: on each change, the whole sheet re-read one row per sync.
  wb.doc.latencyMs = latencyMs;
  const naive = await measure(wb.doc, async () => {
    await wb.doc.simulateEdit(area.shortName, cellAddress, [[3]]);
    await readRowByRow(wb, framework, [area.number]);
  });
  wb.doc.latencyMs = 0;
  return { ours, naive };
}

export const regenerate = (wb: Workbook, framework: Framework) => () =>
  regenerateAssessment(wb.gw, { frameworks: [framework], target: framework });

/** Regeneration one sync per criterion row: each row read on its own, then each written back. */
export const regenerateNaively = (wb: Workbook, framework: Framework) => async () => {
  await wb.gw.run(async (ctx) => {
    for (const pass of ['read', 'write'] as const) {
      for (const area of framework.areas) {
        const count = framework.criteria.filter((c) => c.area === area.number).length;
        for (let i = 0; i < count; i++) {
          const range = ctx.workbook.worksheets
            .getItem(area.shortName)
            .getRange(rect(AREA_FIRST_DATA_ROW + i, areaColumn('rating'), 1, 1));
          if (pass === 'read') range.load('values');
          else range.values = [['']];
          await ctx.sync();
        }
      }
    }
  });
};

export const boardRefresh = (wb: Workbook, framework: Framework) => () =>
  refreshBoard(wb.gw, framework, { today: { year: 2026, month: 11, day: 23 } });

/** A generated workbook with every criterion rated and every field filled in, as at the end of a period. */
export async function filledWorkbook(framework: Framework): Promise<Workbook> {
  const wb = emptyWorkbook(framework);
  const responses = framework.criteria.map((c, i) => ({
    criterionId: c.id,
    area: c.area,
    rating: (i % 4) + 1,
    evidence: `Evidence for ${c.id}: minutes of the board, policy review and survey results`,
    difference: `What changed for customers because of ${c.id}`,
    owner: 'Equality lead',
    reviewDate: 46477,
    notes: `Notes on ${c.id}`,
  }));
  const outcome = await generateAssessment(wb.gw, withResponses(wb.built.plan, framework, responses));
  if (outcome.status !== 'generated') throw new Error(`could not generate: ${outcome.message}`);
  await wb.doc.eventsSettled();
  return wb;
}

/**
 * Start next period: the workbook read in two syncs, the next period planned, written as an .xlsx
 * file and opened with Excel.createWorkbook (the fake takes the file without a sync).
 */
export const rollForward = (wb: Workbook, framework: Framework) => async () => {
  const outcome = await startNextPeriod(wb.gw, framework, {
    fields: [...CARRYABLE_FIELDS],
    ratings: 'blank',
    period: '2027/28',
    startedOn: { year: 2027, month: 4, day: 1 },
    target: framework,
    mappings: [],
  });
  if (outcome.status !== 'started') throw new Error(`could not start the next period: ${outcome.message}`);
};
