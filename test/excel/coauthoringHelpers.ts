/**
 * Co-authors editing while an operation runs (issue 22 part 3): random edits scheduled between
 * the operation's syncs through the fake's remoteEditBeforeSync, and what the workbook must hold
 * afterwards (the last edit of every cell a co-author touched).
 */
import fc from 'fast-check';
import type { XlCellValue } from '../../src/excel/api';
import type { Framework } from '../../src/domain/framework/types';
import { cell } from '../../src/workbook/address';
import { AREA_FIRST_DATA_ROW } from '../../src/workbook/layout';
import { areaCriteria, areaLayoutOf } from '../../src/workbook/sheets/area';
import { FakeContext, type FakeWorkbook } from '../platform/fake-excel';
import { bundledFrameworks } from '../../src/domain/framework/bundled';
import { bundledMappings } from '../../src/taskpane/bundledMappings';

/** A co-author's edit arriving just before the operation's `beforeSync`-th sync (1-based). */
export interface CoauthorEdit {
  readonly beforeSync: number;
  readonly sheet: string;
  readonly address: string;
  readonly value: XlCellValue;
}

/** Ratings and evidence as a co-author types them; each reads back exactly as typed. */
export const ratingValueArb: fc.Arbitrary<XlCellValue> = fc.constantFrom<XlCellValue>(1, 2, 3, 4, 'N/A');

export const evidenceValueArb: fc.Arbitrary<XlCellValue> = fc
  .array(
    fc.constantFrom('Board minutes', 'tenant panel', 'EIA', 'survey 2026', 'Ünïcödé ✓', 'غير متوفر', 'see'),
    { minLength: 1, maxLength: 4 },
  )
  .map((words) => words.join(' '));

/** The response cells of a framework's area sheets that take ratings and evidence. */
export interface ResponseCell {
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
  readonly field: 'rating' | 'evidence';
  readonly area: number;
  readonly id: string;
}

export function responseCells(
  framework: Framework,
  areas: readonly number[] = framework.areas.map((a) => a.number),
): ResponseCell[] {
  return framework.areas
    .filter((area) => areas.includes(area.number))
    .flatMap((area) =>
      areaCriteria(framework, area.number).flatMap((criterion, i) =>
        (['rating', 'evidence'] as const).map((field) => ({
          sheet: area.shortName,
          row: AREA_FIRST_DATA_ROW + i,
          column: areaLayoutOf(framework, area.number).column(field),
          field,
          area: area.number,
          id: criterion.id,
        })),
      ),
    );
}

/** Random edits of response cells before any of the first `syncs` syncs (and one after). */
export function responseEditsArb(
  framework: Framework,
  syncs: number,
  cells: readonly ResponseCell[] = responseCells(framework),
): fc.Arbitrary<CoauthorEdit[]> {
  return fc.array(
    fc
      .record({
        beforeSync: fc.integer({ min: 1, max: syncs + 1 }),
        at: fc.integer({ min: 0, max: cells.length - 1 }),
        rating: ratingValueArb,
        evidence: evidenceValueArb,
      })
      .map(({ beforeSync, at, rating, evidence }) => {
        const target = cells[at]!;
        return {
          beforeSync,
          sheet: target.sheet,
          address: cell(target.row, target.column),
          value: target.field === 'rating' ? rating : evidence,
        };
      }),
    { minLength: 1, maxLength: 6 },
  );
}

/**
 * Schedules the edits relative to the workbook's next sync (the operation's first). Returns the
 * edits that, once they have arrived, turned out to change nothing: the cell already held what the
 * co-author typed, typically because the add-in had just written that very value there. No re-read
 * can see such an edit (docs/architecture.md, "Co-authors editing"), so what counts as lost leaves
 * them out; every edit that changed the cell must survive.
 */
export function schedule(doc: FakeWorkbook, edits: readonly CoauthorEdit[]): ReadonlySet<CoauthorEdit> {
  const base = doc.syncCount;
  const unseen = new Set<CoauthorEdit>();
  for (const e of edits) {
    doc.remoteEditBeforeSync(base + e.beforeSync, {
      sheet: e.sheet,
      address: e.address,
      values: [[e.value]],
      onArrive: (held) => {
        if (held?.[0]?.[0] === e.value) unseen.add(e);
      },
    });
  }
  return unseen;
}

/** The edits a re-read could see (see schedule). */
export function seenEdits(edits: readonly CoauthorEdit[], unseen: ReadonlySet<CoauthorEdit>): CoauthorEdit[] {
  return edits.filter((e) => !unseen.has(e));
}

/** Each edited cell with the value of its last edit (edits at one sync arrive in list order). */
export function lastEdits(edits: readonly CoauthorEdit[]): Map<string, CoauthorEdit> {
  const ordered = edits
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.beforeSync - b.e.beforeSync || a.i - b.i);
  const last = new Map<string, CoauthorEdit>();
  for (const { e } of ordered) last.set(`${e.sheet.toLowerCase()}!${e.address}`, e);
  return last;
}

/** The edits whose cell does not hold their value, described for a failure message. */
export function lostEdits(doc: FakeWorkbook, edits: readonly CoauthorEdit[]): string[] {
  return [...lastEdits(edits).values()].flatMap((e) => {
    const now = doc.value(e.sheet, e.address);
    return now === e.value
      ? []
      : [`${e.sheet}!${e.address}: ${JSON.stringify(e.value)} is now ${JSON.stringify(now)}`];
  });
}

/** Lets edits scheduled after the operation's last sync arrive (a later sync of anyone's). */
export async function arriveAll(doc: FakeWorkbook): Promise<void> {
  for (let i = 0; i < 20 && doc.pendingRemoteEdits > 0; i++) await new FakeContext(doc).sync();
  await doc.eventsSettled();
}

/**
 * The upgrade the co-authoring tests run: the 2009 draft to the draft with the revised Leadership
 * area, through the bundled mapping (area 2 changes; the others keep their criteria).
 */
export function draftToCombined() {
  const { draft2009: draft, draftWithRevisedLeadership: combined } = bundledFrameworks;
  const mapping = bundledMappings.find(
    (m) => m.from.version === draft.version && m.to.version === combined.version,
  );
  if (!mapping) throw new Error('no bundled draft-to-combined mapping');
  return { draft, combined, frameworks: [draft, bundledFrameworks.leadershipRevision, combined], mapping };
}
