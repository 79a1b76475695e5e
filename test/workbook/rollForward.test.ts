/**
 * The next period's plan decided without Excel (src/workbook/rollForward.ts): the assessment read
 * from a file written from a filled plan, as the pane would read it. The new plan keeps the
 * formulas and the Summary of a freshly built one (last period's column adds values only, right
 * of the tables); a blank period, an unreadable History row and a response with no counterpart in
 * an upgrade are each said in words.
 */
import { bundledFrameworks, describeProblem, loadFramework, type Framework } from '../../src/domain';
import { buildPlan } from '../../src/workbook/buildPlan';
import { withResponses } from '../../src/workbook/filledPlan';
import { isFormula } from '../../src/workbook/plan';
import {
  CARRYABLE_FIELDS,
  planNextPeriod,
  type NextPeriodChoices,
  type NextPeriodSource,
} from '../../src/workbook/rollForward';
import { HISTORY_SHEET } from '../../src/workbook/sheets/history';
import { readAssessmentFile } from '../../src/xlsx/assessmentFile';
import { writeWorkbookFile } from '../../src/xlsx/writeWorkbookFile';
import { bundledMappings } from '../../src/taskpane/bundledMappings';
import { sampleResponses } from '../xlsx/sampleResponses';

const { draft2009, leadershipRevision, draftWithRevisedLeadership } = bundledFrameworks;
const SETTINGS = { organisation: 'Riverside Homes', period: '2026/27', metThreshold: 3, requiredShare: 1 };

async function sourceOf(
  framework: Framework,
  extra: Partial<NextPeriodSource> = {},
): Promise<NextPeriodSource> {
  const plan = withResponses(buildPlan(framework, SETTINGS).plan, framework, sampleResponses(framework, 5));
  const read = readAssessmentFile(await writeWorkbookFile(plan), 'last.xlsx', [framework], {
    loadFramework,
    describeProblem,
  });
  if (read.status !== 'read') throw new Error(read.message);
  return {
    framework,
    snapshot: read.assessment.snapshot,
    history: null,
    saved: null,
    changeLog: null,
    ...extra,
  };
}

function choices(target: Framework, more: Partial<NextPeriodChoices> = {}): NextPeriodChoices {
  return {
    fields: [...CARRYABLE_FIELDS],
    ratings: 'blank',
    period: '2027/28',
    startedOn: { year: 2027, month: 4, day: 1 },
    target,
    mappings: bundledMappings,
    ...more,
  };
}

it('keeps the formulas and Summary of a freshly built plan: last period’s column adds values only', async () => {
  const planned = planNextPeriod(await sourceOf(draft2009), choices(draft2009));
  if (planned.status !== 'planned') throw new Error(planned.message);
  const fresh = buildPlan(draft2009, planned.settings).plan;
  expect(planned.settings).toEqual({ ...SETTINGS, period: '2027/28' });
  for (const sheet of fresh.sheets) {
    const next = planned.plan.sheets.find((s) => s.name === sheet.name);
    if (!next) throw new Error(`no ${sheet.name} in the next period's plan`);
    if (sheet.role === 'summary' || sheet.role === 'meta') expect(next).toEqual(sheet);
    if (sheet.role !== 'area' && sheet.role !== 'start') continue;
    expect(next.blocks.slice(0, sheet.blocks.length)).toEqual(sheet.blocks);
    const added = next.blocks.slice(sheet.blocks.length).flatMap((b) => b.cells.flat());
    expect(added.filter(isFormula)).toEqual([]);
    expect(next.validations).toEqual(sheet.validations);
    expect(next.highlights).toEqual(sheet.highlights);
  }
  expect(planned.plan.names).toEqual(fresh.names);
});

it('asks for the period when none is given, before reading anything else', async () => {
  const planned = planNextPeriod(await sourceOf(draft2009), choices(draft2009, { period: '   ' }));
  expect(planned).toMatchObject({ status: 'refused', reason: 'no-period' });
});

it('refuses when a History row cannot be read, naming its cell, rather than leave it behind', async () => {
  const history = {
    sheet: HISTORY_SHEET,
    top: 1,
    left: 1,
    values: [
      ['History of saved snapshots'],
      [''],
      [''],
      ['Date', 'Organisation', ...draft2009.areas.map((a) => a.shortName)],
      ['not a date', 1, 1, 1, 1, 1, 1],
    ],
    formulas: [],
  };
  const planned = planNextPeriod(await sourceOf(draft2009, { history }), choices(draft2009));
  expect(planned).toMatchObject({ status: 'refused', reason: 'unreadable-kept-sheets' });
  if (planned.status !== 'refused') return;
  expect(planned.details.join('\n')).toMatch(/Snapshot history!A5 should hold the snapshot's date/);
});

it('lists what an upgrade has no place for, with the mapping’s reason, and carries the rest', async () => {
  const planned = planNextPeriod(await sourceOf(draft2009), choices(draftWithRevisedLeadership));
  if (planned.status !== 'planned') throw new Error(planned.message);
  expect(planned.notCarried.length).toBeGreaterThan(0);
  expect(planned.notCarried.every((line) => /^\d\.\d+ \(area 2\): /.test(line))).toBe(true);
  expect(planned.plan.meta.frameworkVersion).toBe(draftWithRevisedLeadership.version);
});

it('refuses an upgrade without a mapping', async () => {
  const planned = planNextPeriod(await sourceOf(leadershipRevision), choices(draft2009));
  expect(planned).toMatchObject({ status: 'refused', reason: 'needs-mapping' });
});
