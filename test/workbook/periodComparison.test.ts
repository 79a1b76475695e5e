/**
 * "Compare periods" decided without Excel: the Period comparison sheet from two saved snapshots or
 * one and the workbook now, its label cells open for typing, its formulas free of what some hosts
 * lack, its lists of changed criteria, and every refusal naming what is in the way.
 */
import { bundledFrameworks } from '../../src/domain/framework/bundled';
import type { Framework } from '../../src/domain/framework/types';
import type { CalendarDate } from '../../src/domain/dates';
import type { CellValue, ResponseRow } from '../../src/domain/responses';
import { score } from '../../src/domain/scoring';
import { parseRange } from '../../src/workbook/address';
import { planProblems } from '../../src/workbook/checkPlan';
import { prepareComparison, type ComparisonRead } from '../../src/workbook/comparison';
import { isFormula, type PlanCell, type SheetPlan } from '../../src/workbook/plan';
import { COMPARISON_SHEET, NOW_LABEL } from '../../src/workbook/sheets/periodComparison';
import {
  buildSavedResponsesSheet,
  savedColumn,
  savedSnapshotOf,
  SAVED_FIRST_ROW,
  type SavedSnapshot,
} from '../../src/workbook/sheets/savedResponses';
import { bundledMappings } from '../../src/taskpane/bundledMappings';
import { buildFramework } from '../builders/framework';
import { responsesFor } from '../builders/responses';
import { rangeOfPlan } from './planRange';

const draft = bundledFrameworks.draft2009;
const combined = bundledFrameworks.draftWithRevisedLeadership;
const settings = { metThreshold: 3, requiredShare: 1 };
const DAY_1: CalendarDate = { year: 2025, month: 11, day: 20 };
const TODAY: CalendarDate = { year: 2026, month: 12, day: 3 };

function snapshot(framework: Framework, rating: (id: string) => CellValue, date = DAY_1): SavedSnapshot {
  const rows = responsesFor(framework, (c) => rating(c.id));
  return savedSnapshotOf(framework, rows, score(framework, rows, settings), 'Snapshot', date);
}

function read(snapshots: readonly SavedSnapshot[], responses: readonly ResponseRow[]): ComparisonRead {
  return { responses, settings, problems: [], saved: rangeOfPlan(buildSavedResponsesSheet(snapshots)) };
}

const context = (framework: Framework) => ({
  framework,
  frameworks: Object.values(bundledFrameworks),
  mappings: bundledMappings,
  today: TODAY,
});

/** The cell at an address of a sheet plan, as written. */
function cellOf(sheet: SheetPlan, address: string): PlanCell | undefined {
  const { row, column } = parseRange(address);
  for (const block of sheet.blocks) {
    const at = parseRange(block.at);
    const value = block.cells[row - at.row]?.[column - at.column];
    if (value !== undefined) return value;
  }
  return undefined;
}

function texts(sheet: SheetPlan): string[] {
  return sheet.blocks.flatMap((b) =>
    b.cells.flatMap((r) => r.filter((c): c is string => typeof c === 'string')),
  );
}

describe('the Period comparison sheet', () => {
  const earlier = snapshot(draft, (id) => (id === '1.1' ? 2 : id === '1.2' ? 'N/A' : 3));
  const now = responsesFor(draft, (c) => (c.id === '1.1' ? 4 : c.id === '1.3' ? 1 : 3), {
    fields: { '1.4': { evidence: 'Board minutes, 12/03/2026' } },
  });
  const decision = prepareComparison(
    read([earlier], now),
    { then: earlier.label, now: NOW_LABEL },
    context(draft),
  );
  if (decision.status !== 'prepared') throw new Error(decision.message);
  const { sheet, chart, layout } = decision;

  it('passes the checks every plan passes, chart included', () => {
    expect(
      planProblems({
        meta: {
          layoutVersion: 1,
          frameworkId: draft.id,
          frameworkVersion: draft.version,
          frameworkTitle: draft.title,
        },
        sheets: [sheet],
        names: [],
        charts: [chart],
      }),
    ).toEqual([]);
    expect(sheet.name).toBe(COMPARISON_SHEET);
    expect(sheet.protect).toBe(true);
  });

  it('names the two snapshots in label cells the officer can type in, kept as text', () => {
    expect(cellOf(sheet, layout.label.then)).toBe(earlier.label);
    expect(cellOf(sheet, layout.label.now)).toBe(NOW_LABEL);
    for (const address of [layout.label.then, layout.label.now]) {
      const format = sheet.formats.find((f) => f.range === address);
      expect(format).toMatchObject({ locked: false, numberFormat: '@' });
    }
  });

  it('uses only functions every host computes, and refers to the Saved responses sheet by its columns', () => {
    const formulas = sheet.blocks.flatMap((b) =>
      b.cells.flatMap((r) => r.filter(isFormula).map((c) => c.formula)),
    );
    expect(formulas.length).toBeGreaterThan(0);
    for (const text of formulas) expect(text).not.toMatch(/\b(LET|AVERAGEIFS|INDIRECT|TEXT)\(/);
    const key = String((cellOf(sheet, layout.found.then) as { formula: string }).formula);
    expect(key).toMatch(/^=COUNT\(/);
    // The key beside saved row 5 reads that row's label, area and level cells by their columns.
    const letters = (k: Parameters<typeof savedColumn>[0]) => String.fromCharCode(64 + savedColumn(k));
    const keyFormula = formulas.find((text) => text.includes(`$${letters('snapshot')}$${SAVED_FIRST_ROW},`));
    expect(keyFormula).toContain(`'Saved responses'!$${letters('area')}$${SAVED_FIRST_ROW}`);
    expect(keyFormula).toContain(`'Saved responses'!$${letters('level')}$${SAVED_FIRST_ROW}`);
  });

  it('lists the criteria that changed, with a line saying when and of which periods', () => {
    const all = texts(sheet);
    expect(
      all.some((t) =>
        t.startsWith(
          `Lists made by the add-in on 03/12/2026, comparing "${earlier.label}" (earlier) with "${NOW_LABEL}"`,
        ),
      ),
    ).toBe(true);
    expect(all).toContain('Ratings that went up (1)');
    expect(all).toContain('Ratings that went down (1)');
    expect(all).toContain('Other changes of rating (answered, cleared, marked N/A or not recognised) (1)');
    expect(all).toContain('Newly met (2)');
    expect(all).toContain('No longer met (1)');
    expect(all).toContain('Evidence added (1)');
    const named = (id: string) => {
      const criterion = draft.criteria.find((c) => c.id === id)!;
      return `${draft.areas.find((a) => a.number === criterion.area)!.shortName} ${id}`;
    };
    expect(all).toEqual(expect.arrayContaining(['1.1', '1.2', '1.3', '1.4'].map(named)));
  });

  it('draws level by area, earlier and later, one bar each, on an axis naming the levels', () => {
    const { rows } = parseRange(chart.source);
    expect(rows).toBe(1 + 2 * draft.areas.length);
    expect(chart.pointColours).toHaveLength(2 * draft.areas.length);
    expect(chart.valueAxis.numberFormat).toContain('Not yet');
    expect(chart.legend).toBe(false);
  });
});

describe('comparing is refused, saying why', () => {
  const earlier = snapshot(draft, () => 3);
  const now = responsesFor(draft, () => 3);

  it('when a label names no snapshot, or the same period twice', () => {
    const missing = prepareComparison(
      read([earlier], now),
      { then: 'Board 2024', now: NOW_LABEL },
      context(draft),
    );
    expect(missing).toMatchObject({
      status: 'refused',
      reason: 'not-comparable',
      details: ['No snapshot on the Saved responses sheet is labelled "Board 2024".'],
    });
    const same = prepareComparison(
      read([earlier], now),
      { then: earlier.label, now: earlier.label },
      context(draft),
    );
    expect(same).toMatchObject({ status: 'refused', reason: 'same-period' });
  });

  it('when a Saved responses row cannot be read, naming its cell', () => {
    const saved = rangeOfPlan(buildSavedResponsesSheet([earlier]));
    const values = saved.values.map((r) => [...r]);
    values[SAVED_FIRST_ROW - 1]![savedColumn('status') - 1] = 'Done';
    const outcome = prepareComparison(
      { ...read([earlier], now), saved: { ...saved, values } },
      { then: earlier.label, now: NOW_LABEL },
      context(draft),
    );
    expect(outcome).toMatchObject({ status: 'refused', reason: 'unreadable-saved' });
    if (outcome.status === 'refused')
      expect(outcome.details.join(' ')).toContain(`'Saved responses'!L${SAVED_FIRST_ROW}`);
  });

  it('when the assessment cannot be read', () => {
    const outcome = prepareComparison(
      { ...read([earlier], now), settings: null, problems: ["'Start'!B12 is blank"] },
      { then: earlier.label, now: NOW_LABEL },
      context(draft),
    );
    expect(outcome).toMatchObject({
      status: 'refused',
      reason: 'unreadable-assessment',
      details: ["'Start'!B12 is blank"],
    });
  });

  it('when a snapshot was saved with a framework the add-in does not know', () => {
    const other = buildFramework({ id: 'other', version: '9', areas: 1, levels: 3, criteria: 1 });
    const foreign = snapshot(other, () => 4);
    const outcome = prepareComparison(
      read([foreign], now),
      { then: foreign.label, now: NOW_LABEL },
      context(draft),
    );
    expect(outcome.status).toBe('refused');
    if (outcome.status === 'refused')
      expect(outcome.details[0]).toBe(
        `"${foreign.label}" was saved with other version 9, which the add-in does not know, so its criteria cannot be read.`,
      );
  });

  it('but not when the frameworks differ and the add-in has a mapping between them', () => {
    const before = snapshot(draft, () => 2);
    const after = responsesFor(combined, () => 4);
    const outcome = prepareComparison(
      read([before], after),
      { then: before.label, now: NOW_LABEL },
      context(combined),
    );
    expect(outcome.status).toBe('prepared');
    if (outcome.status !== 'prepared') return;
    expect(outcome.comparison.mapping?.from).toEqual({ id: draft.id, version: draft.version });
    expect(
      texts(outcome.sheet).some((t) => t.startsWith('The two were assessed with different frameworks')),
    ).toBe(true);
    expect(
      texts(outcome.sheet).some((t) => t.startsWith('Not compared: no counterpart in the other framework')),
    ).toBe(true);
  });
});
