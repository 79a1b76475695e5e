/**
 * Refreshing the board while co-authors edit (issue 22 part 3): a co-author's Owner or Notes typed
 * on the Action plan, or a rating changed, before any of the refresh's syncs, is in the workbook
 * afterwards (the Action plan's typing in its criterion's row of the rebuilt sheet), and so is
 * everything the officer typed on the Action plan before.
 */
import fc from 'fast-check';
import { bundledFrameworks } from '../../src/domain/framework/bundled';
import { refreshBoard } from '../../src/excel/boardRefresh';
import { cell } from '../../src/workbook/address';
import { ACTION_PLAN_SHEET } from '../../src/workbook/sheets/actionPlan';
import { gateway, type FakeWorkbook } from '../platform/fake-excel';
import {
  arriveAll,
  evidenceValueArb,
  lostEdits,
  responseCells,
  responseEditsArb,
  schedule,
  type CoauthorEdit,
} from './coauthoringHelpers';
import { generateInto } from './generateHelpers';

const draft = bundledFrameworks.draft2009;
const TODAY = { year: 2026, month: 11, day: 23 };
const FIRST_ROW = 5;
/** The Action plan's ID, Area, Owner and Notes columns (A, B, G, I). */
const COLUMN = { id: 1, area: 2, owner: 7, notes: 9 } as const;

/** Each row of the Action plan with an ID, as 'area|id' by row. */
function planRows(doc: FakeWorkbook): Map<number, string> {
  const rows = new Map<number, string>();
  for (let row = FIRST_ROW; ; row++) {
    const id = String(doc.value(ACTION_PLAN_SHEET, cell(row, COLUMN.id)));
    if (id === '') return rows;
    rows.set(row, `${String(doc.value(ACTION_PLAN_SHEET, cell(row, COLUMN.area)))}|${id}`);
  }
}

/** The cell of a criterion's field on the Action plan now. */
function typedCell(doc: FakeWorkbook, key: string, field: 'owner' | 'notes'): string {
  const row = [...planRows(doc)].find(([, k]) => k === key)?.[0];
  if (row === undefined) throw new Error(`no Action plan row for ${key}`);
  return cell(row, COLUMN[field]);
}

const typingArb = fc.array(
  fc.record({
    beforeSync: fc.integer({ min: 1, max: 5 }),
    row: fc.nat({ max: 120 }),
    field: fc.constantFrom<'owner' | 'notes'>('owner', 'notes'),
    value: evidenceValueArb,
  }),
  { maxLength: 5 },
);

describe('board refresh while co-authors edit', () => {
  it('keeps every co-author’s typing on the Action plan and every rating, and what the officer typed', async () => {
    const { doc } = await generateInto(draft);
    expect((await refreshBoard(gateway(doc), draft, { today: TODAY })).status).toBe('refreshed');
    // Ratings change after the refresh has read them (before they would reorder its rows).
    const ratings = responseEditsArb(draft, 5, responseCells(draft)).map((edits) =>
      edits.map((e) => ({ ...e, beforeSync: Math.max(3, e.beforeSync) })),
    );
    await fc.assert(
      fc.asyncProperty(typingArb, ratings, fc.boolean(), async (typing, ratingEdits, saveSnapshot) => {
        // Rebuilt from the ratings as they stand (the last run's co-authors changed some), so the
        // rows keep their order through this run: its ratings change only after it has read them.
        await refreshBoard(gateway(doc), draft, { today: TODAY });
        const rows = [...planRows(doc)];
        // The officer's own typing, first: an owner on the first row.
        const [firstRow, firstKey] = rows[0]!;
        await doc.simulateEdit(ACTION_PLAN_SHEET, cell(firstRow, COLUMN.owner), [['Officer']]);
        const planEdits = typing.map((t) => {
          const [row, key] = rows[t.row % rows.length]!;
          return { edit: { ...t, sheet: ACTION_PLAN_SHEET, address: cell(row, COLUMN[t.field]) }, key };
        });
        schedule(doc, [...planEdits.map((p) => p.edit), ...ratingEdits]);
        const outcome = await refreshBoard(gateway(doc), draft, { today: TODAY, saveSnapshot });
        await arriveAll(doc);
        expect(outcome.status === 'refused' ? outcome : 'refreshed').toBe('refreshed');

        expect(lostEdits(doc, ratingEdits)).toEqual([]);
        // Each criterion's typing, by its last edit, in the row that criterion now has.
        const last = new Map<string, CoauthorEdit & { field: 'owner' | 'notes' }>();
        [...planEdits]
          .map((p, i) => ({ p, i }))
          .sort((a, b) => a.p.edit.beforeSync - b.p.edit.beforeSync || a.i - b.i)
          .forEach(({ p }) => last.set(`${p.key}#${p.edit.field}`, p.edit));
        const lost = [...last].flatMap(([k, e]) => {
          const at = typedCell(doc, k.split('#')[0]!, e.field);
          const now = doc.value(ACTION_PLAN_SHEET, at);
          return now === e.value
            ? []
            : [`${k} at ${at}: ${JSON.stringify(e.value)} is now ${JSON.stringify(now)}`];
        });
        expect(lost).toEqual([]);
        if (!last.has(`${firstKey}#owner`)) {
          expect(doc.value(ACTION_PLAN_SHEET, typedCell(doc, firstKey, 'owner'))).toBe('Officer');
        }
      }),
      { numRuns: 15 },
    );
  });

  it('carries typing that lands between the reading and the rebuild into the rebuilt sheet', async () => {
    const { doc } = await generateInto(draft);
    await refreshBoard(gateway(doc), draft, { today: TODAY });
    const [row, key] = [...planRows(doc)][2]!;
    schedule(doc, [
      { beforeSync: 3, sheet: ACTION_PLAN_SHEET, address: cell(row, COLUMN.notes), value: 'Board minutes' },
    ]);
    const outcome = await refreshBoard(gateway(doc), draft, { today: TODAY });
    expect(outcome.status).toBe('refreshed');
    expect(doc.value(ACTION_PLAN_SHEET, typedCell(doc, key, 'notes'))).toBe('Board minutes');
    if (outcome.status !== 'refreshed') return;
    // The outcome is the report as it now stands: the action carries the co-author's notes.
    expect(outcome.actions.some((a) => a.notes === 'Board minutes')).toBe(true);
  });
});
