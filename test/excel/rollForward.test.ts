/**
 * "Start next period" on the fake (issue 22 part 1): a random filled assessment rolled forward
 * carries every chosen field of every criterion, this period's ratings blank or copied, last
 * period's rating beside each criterion, the wording typed for criteria the source lacks, the
 * History and Saved responses sheets and the change log; the new workbook, opened with
 * Excel.createWorkbook, is read back from its .xlsx bytes; the source workbook's values and
 * formulas are the same afterwards, sheet by sheet. A damaged assessment is refused with the
 * Check's reasons, and an upgrade in the same step goes through the bundled mapping.
 */
import fc from 'fast-check';
import {
  bundledFrameworks,
  describeProblem,
  loadFramework,
  ownWordingOf,
  type Framework,
  type ResponseRow,
} from '../../src/domain';
import { queueSheetContent } from '../../src/excel/applyPlan';
import { readAssessment } from '../../src/excel/readAssessment';
import { saveSnapshot } from '../../src/excel/historySnapshot';
import { bundledMappings } from '../../src/taskpane/bundledMappings';
import { startNextPeriod } from '../../src/taskpane/nextPeriod/nextPeriodModule';
import { sheetOf, usedRangeOf } from '../../src/workbook/fileSnapshot';
import { AREA_FIRST_DATA_ROW, START_SHEET } from '../../src/workbook/layout';
import {
  CARRYABLE_FIELDS,
  type CarryableField,
  type NextPeriodChoices,
} from '../../src/workbook/rollForward';
import { lastPeriodHeader } from '../../src/workbook/rollForwardSheets';
import { areaCriteria, areaLayoutOf } from '../../src/workbook/sheets/area';
import { buildChangeLogSheet, CHANGE_LOG_SHEET, readChangeLog } from '../../src/workbook/sheets/changeLog';
import { FRAMEWORK_CHANGED, HISTORY_SHEET, historyEntriesFrom } from '../../src/workbook/sheets/history';
import { START_CARRIED_FROM_ROW } from '../../src/workbook/sheets/start';
import { valueAt, type RangeSnapshot } from '../../src/workbook/snapshot';
import { readAssessmentFile, type AssessmentFile } from '../../src/xlsx/assessmentFile';
import { readWorkbookCells } from '../../src/xlsx/readCells';
import { FakeWorkbook, gateway } from '../platform/fake-excel';
import { sampleResponses } from '../xlsx/sampleResponses';
import { DAY_1 } from './boardHelpers';
import { generateInto } from './generateHelpers';
import { withResponses } from '../../src/workbook/filledPlan';
import { buildPlan } from '../../src/workbook/buildPlan';
import { generateAssessment } from '../../src/excel/generate';
import { SETTINGS } from './generateHelpers';

jest.setTimeout(240_000);

const { draft2009, leadershipRevision, draftWithRevisedLeadership } = bundledFrameworks;
const STARTED = { year: 2027, month: 4, day: 1 };

/** Every sheet's used range, values and formulas: what "unchanged" is compared on. */
async function everySheet(doc: FakeWorkbook): Promise<Record<string, unknown>> {
  return gateway(doc).run(async (ctx) => {
    const sheets = ctx.workbook.worksheets.load('items/name');
    await ctx.sync();
    const ranges = sheets.items.map((s) => ({
      name: s.name,
      range: s.getUsedRange().load('values, formulas, address'),
    }));
    await ctx.sync();
    return Object.fromEntries(
      ranges.map((r) => [r.name, [r.range.address, r.range.values, r.range.formulas]]),
    );
  });
}

/** Responses with own wording typed for every criterion whose source text is absent or a fragment. */
function filled(framework: Framework, seed: number): ResponseRow[] {
  return sampleResponses(framework, seed).map((r) => {
    const c = framework.criteria.find((x) => x.area === r.area && x.id === r.criterionId);
    return c && c.textStatus !== 'complete' ? { ...r, text: `Our wording of ${c.id}, seed ${seed}` } : r;
  });
}

/** A workbook holding `responses`, a saved snapshot (History and Saved responses) and a change log. */
async function assessmentWith(
  framework: Framework,
  responses: readonly ResponseRow[],
): Promise<FakeWorkbook> {
  const doc = new FakeWorkbook();
  await generateAssessment(
    gateway(doc),
    withResponses(buildPlan(framework, SETTINGS).plan, framework, responses),
  );
  expect((await saveSnapshot(gateway(doc), framework, DAY_1)).status).toBe('refreshed');
  await gateway(doc).run(async (ctx) => {
    const sheet = ctx.workbook.worksheets.add(CHANGE_LOG_SHEET);
    queueSheetContent(
      sheet,
      buildChangeLogSheet(true, [
        [
          46000.5,
          framework.areas[0]?.shortName ?? '',
          'G5',
          1,
          '1.1',
          'Rating',
          '2',
          '3',
          'Here (this pane)',
        ],
        [
          46001.25,
          framework.areas[0]?.shortName ?? '',
          'I5',
          1,
          '1.1',
          'Evidence',
          '',
          '=not a formula',
          'A co-author',
        ],
      ]),
    );
    await ctx.sync();
  });
  return doc;
}

const choicesArb = fc.record({
  fields: fc.subarray([...CARRYABLE_FIELDS]),
  ratings: fc.constantFrom<'blank' | 'copied'>('blank', 'copied'),
});

/** The new workbook's file read back as the pane reads any copy of an assessment. */
function assessmentFile(bytes: Uint8Array, framework: Framework): AssessmentFile {
  const read = readAssessmentFile(bytes, 'next.xlsx', [framework], { loadFramework, describeProblem });
  if (read.status !== 'read') throw new Error(`the new workbook could not be read: ${read.message}`);
  return read;
}

const shown = (v: unknown) => (v === null || v === undefined ? '' : v);

describe('starting the next period', () => {
  it('carries every chosen field of every criterion, and changes nothing in the workbook it came from', async () => {
    await fc.assert(
      fc.asyncProperty(
        // By name, so that a counterexample names the framework rather than printing it whole.
        fc.constantFrom('draft2009', 'leadershipRevision', 'draftWithRevisedLeadership') as fc.Arbitrary<
          keyof typeof bundledFrameworks
        >,
        fc.integer({ min: 1, max: 1_000_000 }),
        choicesArb,
        async (name, seed, picked) => {
          const framework = bundledFrameworks[name];
          const doc = await assessmentWith(framework, filled(framework, seed));
          const source = (await readAssessment(gateway(doc), framework)).responses;
          const before = await everySheet(doc);
          const opened: string[] = [];
          const choices: NextPeriodChoices = {
            ...picked,
            period: '2027/28',
            startedOn: STARTED,
            target: framework,
            mappings: bundledMappings,
          };
          const outcome = await startNextPeriod(
            gateway(doc, { openedWorkbooks: opened }),
            framework,
            choices,
          );
          expect(outcome.status).toBe('started');
          expect(await everySheet(doc)).toEqual(before);
          expect(opened).toHaveLength(1);

          const bytes = Buffer.from(opened[0] ?? '', 'base64');
          const file = assessmentFile(new Uint8Array(bytes), framework);
          expect(file.assessment.period).toBe('2027/28');
          expect(file.assessment.organisation).toBe(SETTINGS.organisation);
          expectCarried(framework, source, file.assessment.responses, file.assessment.snapshot.areas, picked);
          expectKeptSheets(doc, framework, new Uint8Array(bytes), file.saved?.snapshots.length ?? 0);
        },
      ),
      { numRuns: 6 },
    );
  });
});

/** Each criterion's fields as chosen, its rating blank or copied, its wording, and last period's rating beside it. */
function expectCarried(
  framework: Framework,
  source: readonly ResponseRow[],
  next: readonly ResponseRow[],
  areas: ReadonlyMap<number, RangeSnapshot | null>,
  picked: { fields: readonly CarryableField[]; ratings: 'blank' | 'copied' },
): void {
  const bySlot = (rows: readonly ResponseRow[]) =>
    new Map(rows.map((r) => [`${r.area}#${r.criterionId}`, r]));
  const was = bySlot(source);
  const now = bySlot(next);
  for (const area of framework.areas) {
    const range = areas.get(area.number);
    if (!range) throw new Error(`no ${area.shortName} sheet in the new workbook`);
    const column = areaLayoutOf(framework, area.number).firstOwnColumn;
    expect(valueAt(range, AREA_FIRST_DATA_ROW - 1, column)).toBe(lastPeriodHeader('2026/27'));
    areaCriteria(framework, area.number).forEach((c, i) => {
      const key = `${c.area}#${c.id}`;
      const before = was.get(key);
      const after = now.get(key);
      if (!before || !after) throw new Error(`criterion ${key} not read`);
      for (const field of CARRYABLE_FIELDS) {
        expect([key, field, shown(after[field])]).toEqual([
          key,
          field,
          picked.fields.includes(field) ? shown(before[field]) : '',
        ]);
      }
      expect([key, shown(after.rating)]).toEqual([
        key,
        picked.ratings === 'copied' ? shown(before.rating) : '',
      ]);
      expect([key, valueAt(range, AREA_FIRST_DATA_ROW + i, column)]).toEqual([key, shown(before.rating)]);
      expect([key, ownWordingOf(c, after.text)]).toEqual([key, ownWordingOf(c, before.text)]);
    });
  }
}

/** History, Saved responses and the change log hold in the new workbook what they held in the old one. */
function expectKeptSheets(
  doc: FakeWorkbook,
  framework: Framework,
  bytes: Uint8Array,
  savedCount: number,
): void {
  const cells = readWorkbookCells(bytes);
  const history = sheetOf(cells, HISTORY_SHEET);
  if (!history) throw new Error('no history sheet');
  const entries = historyEntriesFrom(framework, usedRangeOf(history));
  expect(entries.problems).toEqual([]);
  expect(entries.entries.map((e) => e.date)).toEqual([DAY_1]);
  expect(savedCount).toBe(1);
  const log = sheetOf(cells, CHANGE_LOG_SHEET);
  if (!log) throw new Error('no change log');
  const read = readChangeLog(usedRangeOf(log));
  expect(read.problems).toEqual([]);
  expect(read.entries).toBe(2);
  expect(valueAt(usedRangeOf(log), 6, 8)).toBe('=not a formula');
  const start = sheetOf(cells, START_SHEET);
  if (!start) throw new Error('no Start sheet');
  expect(String(valueAt(usedRangeOf(start), START_CARRIED_FROM_ROW, 2))).toMatch(
    /^Carried forward from Riverside Homes 2026\/27 \(.+\) on 01\/04\/2027: /,
  );
  expect(doc.sheetNames()).toContain(CHANGE_LOG_SHEET);
}

describe('refusals and upgrades', () => {
  it('refuses a damaged assessment with the Check’s reasons and opens nothing', async () => {
    const { doc } = await generateInto(draft2009);
    await gateway(doc).run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Leadership').delete();
      await ctx.sync();
    });
    const opened: string[] = [];
    const outcome = await startNextPeriod(gateway(doc, { openedWorkbooks: opened }), draft2009, {
      fields: ['evidence'],
      ratings: 'blank',
      period: '2027/28',
      startedOn: STARTED,
      target: draft2009,
      mappings: bundledMappings,
    });
    expect(outcome).toMatchObject({ status: 'refused', reason: 'damaged' });
    if (outcome.status !== 'refused') return;
    expect(outcome.details.join('\n')).toMatch(/The sheet "Leadership" \(.+\) is missing/);
    expect(opened).toEqual([]);
  });

  it('upgrades in the same step through the bundled mapping, marking the change on History', async () => {
    const responses = filled(draft2009, 7);
    const doc = await assessmentWith(draft2009, responses);
    const opened: string[] = [];
    const outcome = await startNextPeriod(gateway(doc, { openedWorkbooks: opened }), draft2009, {
      fields: [...CARRYABLE_FIELDS],
      ratings: 'copied',
      period: '2027/28',
      startedOn: STARTED,
      target: draftWithRevisedLeadership,
      mappings: bundledMappings,
    });
    expect(outcome.status).toBe('started');
    const bytes = new Uint8Array(Buffer.from(opened[0] ?? '', 'base64'));
    const file = assessmentFile(bytes, draftWithRevisedLeadership);
    expect(file.meta.frameworkVersion).toBe(draftWithRevisedLeadership.version);
    // Outside the Leadership area the criteria are the same: every response lands on its own.
    const source = (await readAssessment(gateway(doc), draft2009)).responses.filter((r) => r.area === 3);
    const next = new Map(
      file.assessment.responses.filter((r) => r.area === 3).map((r) => [r.criterionId, r]),
    );
    for (const r of source)
      expect([r.criterionId, next.get(r.criterionId)?.evidence]).toEqual([r.criterionId, r.evidence]);
    const history = sheetOf(readWorkbookCells(bytes), HISTORY_SHEET);
    if (!history) throw new Error('no history sheet');
    const read = historyEntriesFrom(draftWithRevisedLeadership, usedRangeOf(history));
    expect(read.changes.map((c) => c.text.startsWith(FRAMEWORK_CHANGED))).toEqual([true]);
  });

  it('refuses an upgrade the add-in has no mapping for', async () => {
    const { doc } = await generateInto(leadershipRevision);
    const outcome = await startNextPeriod(gateway(doc), leadershipRevision, {
      fields: [],
      ratings: 'blank',
      period: '2027/28',
      startedOn: STARTED,
      target: draft2009,
      mappings: bundledMappings,
    });
    expect(outcome).toMatchObject({ status: 'refused', reason: 'needs-mapping' });
  });
});
