/**
 * Regenerate and upgrade while co-authors edit (issue 22 part 3): random edits of ratings and
 * evidence arrive before any of the operation's syncs; afterwards every co-author's last edit is
 * in the new sheets (in the cell that now holds its criterion's field), and every response the
 * officer typed before is still there unless a co-author changed that very cell.
 */
import fc from 'fast-check';
import { regenerateAssessment } from '../../src/excel/regenerate';
import { cell } from '../../src/workbook/address';
import { AREA_FIRST_DATA_ROW } from '../../src/workbook/layout';
import { areaCriteria, areaLayoutOf } from '../../src/workbook/sheets/area';
import { gateway, type FakeWorkbook } from '../platform/fake-excel';
import {
  arriveAll,
  draftToCombined,
  lastEdits,
  lostEdits,
  responseCells,
  responseEditsArb,
  schedule,
  seenEdits,
  type CoauthorEdit,
  type ResponseCell,
} from './coauthoringHelpers';
import { generateInto } from './generateHelpers';

const { draft, combined, frameworks, mapping } = draftToCombined();
/** Regeneration's four syncs, and the rounds that put co-authors' edits in the new sheets. */
const SYNCS = 6;
/** The sync that replaces the old sheets with the new. */
const REBUILD = 4;

/** What the officer typed before the operation: a rating and evidence for the first criteria. */
async function officerTyped(
  doc: FakeWorkbook,
  cells: readonly ResponseCell[],
): Promise<Map<string, string | number>> {
  const typed = new Map<string, string | number>();
  for (const [i, c] of cells.slice(0, 8).entries()) {
    const value = c.field === 'rating' ? (i % 4) + 1 : `Officer's evidence ${i}`;
    await doc.simulateEdit(c.sheet, cell(c.row, c.column), [[value]]);
    typed.set(`${c.sheet.toLowerCase()}!${cell(c.row, c.column)}`, value);
  }
  return typed;
}

function officerLost(
  doc: FakeWorkbook,
  typed: Map<string, string | number>,
  edits: readonly CoauthorEdit[],
  moved = (key: string) => key,
) {
  const edited = lastEdits(edits);
  return [...typed].flatMap(([key, value]) => {
    // A co-author's later edit of the same criterion's cell (old or new) wins, as it should.
    if (edited.has(key) || edited.has(moved(key))) return [];
    const [sheet, address] = moved(key).split('!') as [string, string];
    const now = doc.value(sheet, address);
    return now === value ? [] : [`${key}: ${JSON.stringify(value)} is now ${JSON.stringify(now)}`];
  });
}

const keyOf = (e: CoauthorEdit) => `${e.sheet.toLowerCase()}!${e.address}`;

describe('regenerate while co-authors edit', () => {
  it('keeps every co-author’s edit and everything the officer typed', async () => {
    const { doc } = await generateInto(draft);
    const cells = responseCells(draft);
    await fc.assert(
      fc.asyncProperty(responseEditsArb(draft, SYNCS, cells), async (edits) => {
        const typed = await officerTyped(doc, cells);
        // Edits that changed nothing when they arrived are the one case no re-read can see
        // (docs/architecture.md, "Co-authors editing"): left out of what counts as lost.
        const unseen = schedule(doc, edits);
        const outcome = await regenerateAssessment(gateway(doc), { frameworks, target: draft });
        await arriveAll(doc);
        expect(outcome.status).toBe('regenerated');
        expect(lostEdits(doc, seenEdits(edits, unseen))).toEqual([]);
        expect(officerLost(doc, typed, edits)).toEqual([]);
      }),
      { numRuns: 15 },
    );
  });

  it('carries an edit that lands between the reading and the rebuild', async () => {
    const { doc } = await generateInto(draft);
    const [rating] = responseCells(draft);
    const at = cell(rating!.row, rating!.column);
    // Sync 3 writes the backup from sync 2's reading; sync 4 replaces the sheets.
    schedule(doc, [{ beforeSync: 4, sheet: rating!.sheet, address: at, value: 3 }]);
    const before = doc.syncCount;
    expect((await regenerateAssessment(gateway(doc), { frameworks, target: draft })).status).toBe(
      'regenerated',
    );
    expect(doc.value(rating!.sheet, at)).toBe(3);
    // One more sync to write it into the new sheet.
    expect(doc.syncCount - before).toBe(5);
  });
});

/** Where a draft response cell's criterion and field are after the upgrade to the combined framework. */
function inCombined(c: ResponseCell): string {
  const area = combined.areas.find((a) => a.number === c.area)!;
  const to = c.area === 2 ? mapping.pairs.find((p) => p.from === c.id)!.to : c.id;
  const row = AREA_FIRST_DATA_ROW + areaCriteria(combined, c.area).findIndex((k) => k.id === to);
  return `${area.shortName.toLowerCase()}!${cell(row, areaLayoutOf(combined, c.area).column(c.field))}`;
}

describe('upgrade while co-authors edit', () => {
  it('keeps every co-author’s edit and everything the officer typed, each in its criterion’s new cell', async () => {
    // Area 2 is the one the upgrade changes: only its criteria the mapping pairs keep a cell.
    const cells = responseCells(draft).filter(
      (c) => c.area !== 2 || mapping.pairs.some((p) => p.from === c.id),
    );
    const byKey = new Map(cells.map((c) => [`${c.sheet.toLowerCase()}!${cell(c.row, c.column)}`, c]));
    const moved = (key: string) => inCombined(byKey.get(key)!);
    await fc.assert(
      fc.asyncProperty(responseEditsArb(draft, SYNCS, cells), async (typedEdits) => {
        const { doc } = await generateInto(draft);
        const typed = await officerTyped(
          doc,
          cells.filter((c) => c.area === 2),
        );
        // From sync 5 on the new sheets are there: a co-author types into their cells.
        const edits = typedEdits.map((e) => {
          if (e.beforeSync <= REBUILD) return e;
          const [sheet, address] = moved(`${e.sheet.toLowerCase()}!${e.address}`).split('!') as [
            string,
            string,
          ];
          return { ...e, sheet, address };
        });
        const unseen = schedule(doc, edits);
        const outcome = await regenerateAssessment(gateway(doc), {
          frameworks,
          target: combined,
          mappings: [mapping],
        });
        await arriveAll(doc);
        expect(outcome.status).toBe('regenerated');
        // Each edit where it ends up: one made before the rebuild moves with its criterion, so a
        // later edit of the new cell supersedes it.
        const landed = seenEdits(edits, unseen).map((e) => {
          if (e.beforeSync > REBUILD) return e;
          const [sheet, address] = moved(keyOf(e)).split('!') as [string, string];
          return { ...e, sheet, address };
        });
        const lost = lostEdits(doc, landed);
        expect(lost).toEqual([]);
        expect(officerLost(doc, typed, edits, moved)).toEqual([]);
      }),
      // A fresh draft workbook each run: the slow part, so fewer runs.
      { numRuns: 8 },
    );
  });
});
