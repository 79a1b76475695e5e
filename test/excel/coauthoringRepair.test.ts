/**
 * Repairing formulas while a co-author edits (issue 22 part 3). The repair rewrites the cells the
 * Check found damaged; a co-author's edit to a cell it rewrites, arriving after the Check, stops
 * it: everything it rewrote is put back as it was just before, and it refuses naming the cells.
 * Edits elsewhere (ratings, evidence) are never touched.
 */
import fc from 'fast-check';
import { bundledFrameworks } from '../../src/domain/framework/bundled';
import { checkWorkbook } from '../../src/excel/checkWorkbook';
import { formulaRuns, repairFormulas } from '../../src/excel/repairFormulas';
import { cell } from '../../src/workbook/address';
import { areaColumn, AREA_FIRST_DATA_ROW } from '../../src/workbook/layout';
import { gateway } from '../platform/fake-excel';
import {
  arriveAll,
  lastEdits,
  lostEdits,
  ratingValueArb,
  responseEditsArb,
  schedule,
  type CoauthorEdit,
} from './coauthoringHelpers';
import { generateInto, type Generated } from './generateHelpers';

const draft = bundledFrameworks.draft2009;
const L = draft.areas[0]!.shortName;
const countsAs = (i: number) => cell(AREA_FIRST_DATA_ROW + i, areaColumn('countsAs'));
/** The Counts-as cells the officer typed over before the Check (the damage to repair). */
const DAMAGED = [0, 2];

const formulaEditsArb: fc.Arbitrary<CoauthorEdit[]> = fc.array(
  fc.record({
    beforeSync: fc.integer({ min: 1, max: 4 }),
    sheet: fc.constant(L),
    address: fc.integer({ min: 0, max: 4 }).map(countsAs),
    // Never 'Met', the damage the Check saw: typing what a cell holds changes nothing.
    value: fc.oneof(ratingValueArb, fc.constantFrom('Not met', 'Partly')),
  }),
  { maxLength: 3 },
);

async function damagedAndChecked(g: Generated) {
  const sheet = g.doc.sheet(L);
  sheet.protection = { ...sheet.protection, protected: false };
  for (const i of DAMAGED) await g.doc.simulateEdit(L, countsAs(i), [['Met']]);
  const checked = await checkWorkbook(gateway(g.doc), draft, g.built, { today: new Date(2026, 10, 23) });
  if (checked.status !== 'checked') throw new Error(checked.message);
  return checked;
}

describe('repair while a co-author edits', () => {
  it('loses no edit: it repairs, or refuses with every cell put back', async () => {
    const g = await generateInto(draft);
    const plan = g.built.plan.sheets.find((s) => s.name === L)!;
    const run = formulaRuns(plan).find(
      (r) => r.column === areaColumn('countsAs') && r.row === AREA_FIRST_DATA_ROW,
    )!;
    await fc.assert(
      fc.asyncProperty(responseEditsArb(draft, 3), formulaEditsArb, async (responses, formulas) => {
        const checked = await damagedAndChecked(g);
        const edits = [...responses, ...formulas];
        schedule(g.doc, edits);
        const outcome = await repairFormulas(gateway(g.doc), g.built.plan, checked.snapshot);
        await arriveAll(g.doc);

        expect(lostEdits(g.doc, edits)).toEqual([]);
        const edited = lastEdits(formulas);
        // Edits before the write (sync 2) are what the repair must notice.
        const beforeWrite = formulas.filter((e) => e.beforeSync <= 2);
        if (beforeWrite.length > 0) {
          expect(outcome.status).toBe('refused');
          if (outcome.status !== 'refused') return;
          // Each cell edited before the write is named (every edit changes what the Check saw).
          const named = outcome.details.map((d) => d.slice(0, d.indexOf(' now holds')));
          expect(new Set(named)).toEqual(new Set(beforeWrite.map((e) => `'${L}'!${e.address}`)));
          // The officer's damage the repair would have mended is back as it was, unless edited.
          for (const i of DAMAGED) {
            if (!edited.has(`${L.toLowerCase()}!${countsAs(i)}`))
              expect(g.doc.value(L, countsAs(i))).toBe('Met');
          }
        } else {
          expect(outcome).toEqual({ status: 'repaired', sheets: expect.arrayContaining([L]) });
          // Excel's spelling of the plan's formula: the sheet name unquoted where it needs no quotes.
          run.formulas.forEach((f, i) => {
            if (!edited.has(`${L.toLowerCase()}!${countsAs(i)}`))
              expect(g.doc.formula(L, countsAs(i))).toBe(f.replaceAll("'Start'!", 'Start!'));
          });
        }
        // Put the sheet right for the next run.
        await repairFormulas(gateway(g.doc), g.built.plan);
      }),
      { numRuns: 20 },
    );
  });

  it('refuses naming the cell a co-author changed after the check, and puts every cell back', async () => {
    const g = await generateInto(draft);
    const checked = await damagedAndChecked(g);
    schedule(g.doc, [{ beforeSync: 2, sheet: L, address: countsAs(1), value: 'Not met' }]);
    const outcome = await repairFormulas(gateway(g.doc), g.built.plan, checked.snapshot);
    expect(outcome).toMatchObject({ status: 'refused', reason: 'changed-since' });
    if (outcome.status !== 'refused') return;
    expect(outcome.details).toEqual([
      expect.stringMatching(new RegExp(`^'${L}'!${countsAs(1)} now holds "Not met"`)),
    ]);
    expect(g.doc.value(L, countsAs(1))).toBe('Not met');
    for (const i of DAMAGED) expect(g.doc.value(L, countsAs(i))).toBe('Met');
    // Checked again and repaired, it goes through.
    const again = await damagedAndChecked(g);
    expect(await repairFormulas(gateway(g.doc), g.built.plan, again.snapshot)).toMatchObject({
      status: 'repaired',
    });
    expect(String(g.doc.formula(L, countsAs(1)))).toMatch(/^=/);
  });
});
