/**
 * The Board summary sheet says what the engine says. For random assessments (random frameworks,
 * ratings of every kind, thresholds and required shares), the workbook is generated on the test
 * platform, ratings are typed, the board is refreshed, and every figure, narrative line and top
 * action on the sheet must equal the engine's over the same cells as the add-in reads them back.
 */
import fc from 'fast-check';
import { actionList } from '../../src/domain/actions';
import { bundledFrameworks } from '../../src/domain/framework/bundled';
import type { Framework } from '../../src/domain/framework/types';
import {
  boardFigures,
  boardLevelText,
  boardNarrative,
  mergeActionPlan,
  topActions,
} from '../../src/domain/report';
import { score } from '../../src/domain/scoring';
import { refreshBoard } from '../../src/excel/boardRefresh';
import { readAssessment } from '../../src/excel/readAssessment';
import { summaryEvidenceCells } from '../../src/workbook/sheets/summary';
import { evidenceCompleteness } from '../../src/domain/evidence';
import { cell, parseRange } from '../../src/workbook/address';
import {
  BOARD_SHEET,
  TOP_ACTIONS,
  ACTION_LINES,
  UP_TO_DATE,
  actionExcerpt,
  boardLayout,
  narrativeLines,
} from '../../src/workbook/sheets/board';
import { frameworkArb, ratingArb } from '../builders/arbitraries';
import { gateway } from '../platform/fake-excel';
import { DAY_1, enterRatings, ratingsById } from './boardHelpers';
import { generateInto } from './generateHelpers';

const settingsArb = fc.record({
  metThreshold: fc.constantFrom(3, 4),
  requiredShare: fc.constantFrom(1, 0.8, 0.5),
});

const rounded = (v: unknown) => (typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : v);

let compared = 0;

async function check(framework: Framework, runs: number, seed: number): Promise<void> {
  const { doc, built } = await generateInto(framework);
  const gw = gateway(doc);
  const layout = boardLayout(framework.areas.length, framework.levels.length);
  await fc.assert(
    fc.asyncProperty(
      fc.array(ratingArb, { minLength: framework.criteria.length, maxLength: framework.criteria.length }),
      settingsArb,
      async (ratings, settings) => {
        await enterRatings(doc, framework, built, ratingsById(framework, ratings), settings);
        const before = doc.syncCount;
        const outcome = await refreshBoard(gw, framework, { today: DAY_1 });
        expect(doc.syncCount - before).toBe(3);
        if (outcome.status !== 'refreshed') throw new Error(outcome.message);

        // The engine, over the cells as the add-in reads them.
        const read = await readAssessment(gw, framework);
        if (!read.settings) throw new Error('settings unreadable');
        const result = score(framework, read.responses, read.settings);
        const figures = boardFigures(framework, result, null);
        const v = (row: number, col: number) => rounded(doc.value(BOARD_SHEET, cell(row, col)));
        const nL = framework.levels.length;
        [...figures.areas, figures.organisation].forEach((r, i) => {
          const row = layout.firstAreaRow + i;
          expect(v(row, 1)).toBe(r.name);
          if (r.area !== null) {
            expect(r.shares.map((_, li) => v(row, 2 + li))).toEqual(
              r.shares.map((s) => (s === null ? '' : rounded(s))),
            );
          }
          expect(v(row, 2 + nL)).toBe(boardLevelText(r));
          expect(v(row, 3 + nL)).toBe(rounded(r.completeness));
          expect(v(row, 4 + nL)).toBe('No earlier snapshot');
        });
        // Independently of boardFigures: the engine's own numbers, and the Summary sheet's formulas.
        const summary = (a1: string) => rounded(doc.value('Summary', a1));
        result.areas.forEach((a, i) => {
          const row = layout.firstAreaRow + i;
          const name = a.assessed
            ? (a.levelReachedName ?? `Not yet ${framework.levels[0]?.name ?? ''}`)
            : 'No applicable criteria';
          const status = a.provisional ? ' (provisional)' : a.unanswered > 0 ? ' (settled)' : '';
          expect(String(v(row, 2 + nL))).toBe(`${name}${status}`);
          expect(v(row, 3 + nL)).toBe(rounded(a.completeness));
          expect(a.levels.map((_, li) => v(row, 2 + li))).toEqual(
            a.levels.map((l) => (l.shareMet === null ? '' : rounded(l.shareMet))),
          );
          const onSummary = built.summary.areas[i];
          if (!onSummary) throw new Error(`no Summary row for area ${a.area}`);
          expect(String(v(row, 2 + nL)).startsWith(String(summary(onSummary.levelName)))).toBe(true);
          expect(v(row, 3 + nL)).toBe(summary(onSummary.completeness));
          expect(onSummary.shares.map((_, li) => v(row, 2 + li))).toEqual(onSummary.shares.map(summary));
        });
        expect(
          String(v(layout.organisationRow, 2 + nL)).startsWith(
            String(summary(built.summary.overall.levelName)),
          ),
        ).toBe(true);
        expect(v(layout.organisationRow, 3 + nL)).toBe(summary(built.summary.overall.completeness));

        // Evidence recorded: the Summary's figure by reference, and the engine's share.
        const evidence = evidenceCompleteness(result);
        const share = (e: { share: number | null }) => (e.share === null ? '' : rounded(e.share));
        result.areas.forEach((a, i) => {
          const row = layout.firstAreaRow + i;
          expect(v(row, 5 + nL)).toBe(share(evidence.areas[i]!));
          expect(v(row, 5 + nL)).toBe(summary(built.summary.areas[i]!.evidence));
        });
        expect(v(layout.organisationRow, 5 + nL)).toBe(share(evidence.overall));
        expect(summaryEvidenceCells(framework)).toEqual({
          areas: built.summary.areas.map((a) => a.evidence),
          overall: built.summary.overall.evidence,
        });

        const narrative = parseRange(layout.narrative);
        const lines = Array.from({ length: narrative.rows }, (_, i) => v(narrative.row + i, 1)).filter(
          (x) => x !== '',
        );
        const sentences = boardNarrative(result, framework);
        expect(lines).toEqual(narrativeLines(sentences));
        // The draft's narrative is printed in full: every word of every sentence, in order.
        if (framework === bundledFrameworks.draft2009) expect(lines.join(' ')).toBe(sentences.join(' '));

        const actions = topActions(
          mergeActionPlan(framework, actionList(framework, read.responses, read.settings), []),
          TOP_ACTIONS,
        );
        const rowOf = (i: number, line = 0) => layout.firstActionRow + i * ACTION_LINES + line;
        const shown = Array.from({ length: TOP_ACTIONS }, (_, i) => v(rowOf(i), 1)).filter((x) => x !== '');
        expect(shown).toEqual(actions.map((a) => `${a.criterionId} ${a.areaShortName}`));
        actions.forEach((a, i) =>
          expect(
            Array.from({ length: ACTION_LINES }, (_, line) => v(rowOf(i, line), 2)).filter((x) => x !== ''),
          ).toEqual(actionExcerpt(a)),
        );
        expect(String(doc.value(BOARD_SHEET, layout.status))).toContain(UP_TO_DATE);
        compared += 1;
      },
    ),
    { numRuns: runs, seed },
  );
}

describe('the Board summary equals the engine', () => {
  it('for 40 random assessments of the 2009 draft', async () => {
    await check(bundledFrameworks.draft2009, 40, 9);
  }, 120_000);

  it('for 6 random assessments of each of 8 random frameworks', async () => {
    const generatable = frameworkArb.filter((f) =>
      f.areas.every((a) => f.criteria.some((c) => c.area === a.number)),
    );
    for (const [i, framework] of fc.sample(generatable, { numRuns: 8, seed: 19 }).entries()) {
      await check(framework, 6, 300 + i);
    }
  }, 120_000);

  afterAll(() => expect(compared).toBe(88));
});
